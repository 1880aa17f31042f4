import { createReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { TextDecoder } from 'node:util'
import { createGunzip } from 'node:zlib'
import { ThaneError } from '../errors.js'

/** The input cannot be read as a table at all: missing, a folder, empty, binary, bad encoding name. */
export class SourceError extends ThaneError {
  readonly path: string | undefined
  constructor(message: string, path?: string, options?: { cause?: unknown }) {
    super('E_SOURCE', message, options)
    this.path = path
  }
}

/** What the first bytes of a file say about it. */
export interface SourceInfo {
  gzip: boolean
  encoding: string
}

const SUPPORTED_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1', 'iso-8859-1']

/** Why a file cannot be opened, in words a user can act on. */
export function unreadableMessage(path: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return `${path} does not exist; check the path`
  if (code === 'EACCES' || code === 'EPERM') return `${path} cannot be read: permission denied; check the permissions of the file and its folders (ls -l), or run as a user who may read it`
  return `${path} cannot be read (${code ?? String(err)})`
}

/** Checks that `path` is a readable, non-empty file, and sniffs gzip and the encoding from its first bytes. */
export async function inspectFile(path: string, encoding?: string): Promise<SourceInfo> {
  let info
  try {
    info = await stat(path)
  } catch (err) {
    throw new SourceError(unreadableMessage(path, err), path, { cause: err })
  }
  if (info.isDirectory()) throw new SourceError(`${path} is a folder; give a CSV file or a datapackage.json`, path)
  if (info.size === 0) throw new SourceError(`${path} is empty; there is no header or data to check`, path)
  let head: Buffer
  try {
    const fh = await open(path, 'r')
    try {
      head = Buffer.alloc(Math.min(4096, info.size))
      await fh.read(head, 0, head.length, 0)
    } finally {
      await fh.close()
    }
  } catch (err) {
    throw new SourceError(unreadableMessage(path, err), path, { cause: err })
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b
  if (gzip) {
    // The encoding is sniffed from the decompressed bytes by the reader.
    return { gzip, encoding: normaliseEncoding(encoding, path) ?? '' }
  }
  return { gzip, encoding: normaliseEncoding(encoding, path) ?? sniffEncoding(head, path) }
}

function normaliseEncoding(encoding: string | undefined, path?: string): string | undefined {
  if (!encoding) return undefined
  const e = encoding.toLowerCase().replace(/^cp1252$/, 'windows-1252').replace(/^utf8$/, 'utf-8').replace(/^utf-?16$/, 'utf-16le')
  if (!SUPPORTED_ENCODINGS.includes(e)) {
    throw new SourceError(`unknown encoding "${encoding}"; use one of ${SUPPORTED_ENCODINGS.join(', ')}`, path)
  }
  return e
}

/** UTF-16 by its byte order mark; a NUL byte elsewhere means a binary file; else UTF-8. */
export function sniffEncoding(head: Uint8Array, path: string | undefined): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  if (head.includes(0)) {
    throw new SourceError(`${path ?? 'the input'} looks like a binary file, not text (it holds NUL bytes); give a CSV file, or --encoding utf-16le for UTF-16 without a byte order mark`, path)
  }
  return 'utf-8'
}

/**
 * The file's text, decoded chunk by chunk: gunzipped when it is gzip, with the byte order mark
 * removed (by the decoder). `flagInvalid` is called once when bytes did not decode (they become
 * U+FFFD); `onBytes`, when given, with the raw bytes read so far (compressed bytes for gzip).
 */
export async function* readText(
  path: string,
  source: SourceInfo,
  flagInvalid: () => void,
  options: { onBytes?: (bytes: number) => void; chunkBytes?: number } = {},
): AsyncGenerator<string> {
  const raw = createReadStream(path, { highWaterMark: options.chunkBytes ?? 256 * 1024 })
  const onBytes = options.onBytes
  if (onBytes) {
    let read = 0
    raw.on('data', (chunk) => {
      read += chunk.length
      onBytes(read)
    })
  }
  const bytes: AsyncIterable<Buffer> = source.gzip ? raw.pipe(createGunzip()) : raw
  let decoder: TextDecoder | undefined
  let flagged = false
  try {
    for await (const chunk of bytes) {
      if (!decoder) {
        const encoding = source.encoding || sniffEncoding(chunk.subarray(0, 4096), path)
        decoder = new TextDecoder(encoding)
      }
      const text = decoder.decode(chunk, { stream: true })
      if (!flagged && text.includes('\uFFFD')) {
        flagged = true
        flagInvalid()
      }
      yield text
    }
  } catch (err) {
    if (err instanceof SourceError) throw err
    throw new SourceError(`${path} cannot be read to the end (${(err as Error).message}); ${source.gzip ? 'the gzip file may be truncated' : 'check the file'}`, path, { cause: err })
  } finally {
    raw.destroy()
  }
  if (decoder) {
    const tail = decoder.decode()
    if (tail) yield tail
  }
}

/**
 * The delimiter of the header line: the one of `,` `;` tab `|` that occurs most often outside
 * quotes in the first line (a comma when none does).
 */
export function sniffDelimiter(text: string, quote = '"'): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]])
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === quote) inQuotes = !inQuotes
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best = ','
  let bestCount = 0
  for (const [ch, n] of counts) {
    if (n > bestCount) {
      best = ch
      bestCount = n
    }
  }
  return best
}
