import { stat } from 'node:fs/promises'
import { CsvScanner, DEFAULT_MAX_CELL_BYTES, READ_CHUNK_BYTES } from './csv-scan.js'
import { SourceError, inspectFile, readText, sniffDelimiter } from './source.js'
import type { Dialect } from './types.js'

/** Where the CSV comes from: a file (plain or gzip, any supported encoding) or a string. */
export interface CsvSource {
  path?: string
  text?: string
  dialect?: Dialect
  encoding?: string
  /** How the input is named in messages. */
  file: string
}

/** How to read: limits, progress, and whether record arrays may be reused. */
export interface CsvReadOptions {
  /** A cell longer than this (in characters of decoded text, a byte each for ASCII) stops the read. Default 32 MiB. */
  maxCellBytes?: number
  /** Called with bytes read so far and the file's size (compressed bytes for gzip), at most about 10 times a second and once at the end. */
  onProgress?: (done: number, total: number) => void
  /** Hand the same array to every `onRecord` call (faster; the caller copies what it keeps). Default false. */
  reuseRecords?: boolean
}

/** What the reader learnt about the input while reading it. */
export interface CsvInfo {
  /** The delimiter given or sniffed from the header line. */
  delimiter: string
  /** True once some bytes did not decode in the file's encoding (they read as U+FFFD). */
  badBytes: boolean
  /** Set when the CSV cannot be read past a point (a quote never closed, a cell too large): where and why. */
  broken?: { line?: number; message: string }
  /** True when records end at a lone CR (the header line ends in CR only). */
  crOnly?: boolean
}

/** Throttles progress calls to about 10 a second; `end` always reports. */
export function throttleProgress(total: number, onProgress: ((done: number, total: number) => void) | undefined): { tick(done: number): void; end(): void } {
  if (!onProgress) return { tick: () => undefined, end: () => undefined }
  let last = 0
  return {
    tick(done) {
      const now = Date.now()
      if (now - last >= 100) {
        last = now
        onProgress(done, total)
      }
    },
    end: () => onProgress(total, total),
  }
}

/**
 * Reads every record of a CSV in order and hands it to `onRecord` with the physical line it starts
 * on (the first line is 1; a quoted cell spanning lines moves the next record's line by as many).
 * Records before a point the scanner cannot pass are still delivered, then `info.broken` says why it
 * stopped. Throws a `SourceError` when the input cannot be read as text at all.
 *
 * `info` is live: `badBytes` may turn true while records are delivered, so a caller can flag the
 * cells read after it.
 *
 * @example
 * const info = await readCsvRecords({ path: 'requests.csv', file: 'requests.csv' }, (record, line) => console.log(line, record))
 */
export async function readCsvRecords(
  src: CsvSource,
  onRecord: (record: string[], line: number, info: CsvInfo) => void,
  options: CsvReadOptions = {},
): Promise<CsvInfo> {
  const info: CsvInfo = { delimiter: ',', badBytes: false }
  let chunks: AsyncGenerator<string>
  let progress = throttleProgress(0, undefined)
  if (src.path !== undefined) {
    const source = await inspectFile(src.path, src.encoding)
    progress = throttleProgress(options.onProgress ? (await stat(src.path)).size : 0, options.onProgress)
    chunks = readText(src.path, source, () => (info.badBytes = true), { onBytes: (n) => progress.tick(n), chunkBytes: READ_CHUNK_BYTES })
  } else {
    const text = src.text ?? ''
    chunks = (async function* () {
      yield text
    })()
  }

  try {
    // Read up to the end of the header line to sniff the dialect.
    const head: string[] = []
    let headLength = 0
    for (;;) {
      const next = await chunks.next()
      if (next.done) break
      head.push(next.value)
      headLength += next.value.length
      if (/[\r\n]/.test(next.value.slice(0, 65_536)) || headLength > 65_536) break
    }
    let start = head.join('')
    // The decoder drops a file's byte order mark; this drops a string's (or a second one).
    if (start.charCodeAt(0) === 0xfeff) start = start.slice(1)
    if (start.trim() === '') throw new SourceError(`${src.file} holds only blank lines; there is no header or data to check`, src.path)
    const quote = src.dialect?.quoteChar ?? '"'
    info.delimiter = src.dialect?.delimiter ?? sniffDelimiter(start, quote)
    const firstBreak = start.search(/[\r\n]/)
    info.crOnly = firstBreak >= 0 && start.charCodeAt(firstBreak) === 13 && start.charCodeAt(firstBreak + 1) !== 10 && !start.includes('\n')

    const scanner = new CsvScanner(
      { delimiter: info.delimiter, quote, crOnly: info.crOnly },
      (record, line) => onRecord(record, line, info),
      options.maxCellBytes ?? DEFAULT_MAX_CELL_BYTES,
      options.reuseRecords === true,
    )
    if (scanner.feed(start)) {
      for (;;) {
        const next = await chunks.next()
        if (next.done) break
        if (!scanner.feed(next.value)) break
      }
    }
    scanner.finish()
    if (scanner.broken) info.broken = { line: scanner.broken.line, message: scanner.broken.message }
  } finally {
    await chunks.return(undefined)
  }
  progress.end()
  return info
}
