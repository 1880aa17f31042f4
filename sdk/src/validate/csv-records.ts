import { Readable, pipeline } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
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

/** What the reader learnt about the input while reading it. */
export interface CsvInfo {
  /** The delimiter given or sniffed from the header line. */
  delimiter: string
  /** True once some bytes did not decode in the file's encoding (they read as U+FFFD). */
  badBytes: boolean
  /** Set when the CSV cannot be read past a point (a quote never closed): where and why. */
  broken?: { line?: number; message: string }
}

async function* textOf(text: string): AsyncGenerator<string> {
  yield text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Reads every record of a CSV in order and hands it to `onRecord` with the physical line it starts
 * on (the first line is 1; a quoted cell spanning lines moves the next record's line by as many).
 * Records before a point the parser cannot pass are still delivered, then `info.broken` says why it
 * stopped. Throws a `SourceError` when the input cannot be read as text at all.
 *
 * `info` is live: `badBytes` may turn true while records are delivered, so a caller can flag the
 * cells read after it.
 */
export async function readCsvRecords(src: CsvSource, onRecord: (record: string[], line: number, info: CsvInfo) => void): Promise<CsvInfo> {
  const info: CsvInfo = { delimiter: ',', badBytes: false }
  let chunks: AsyncGenerator<string>
  if (src.path !== undefined) {
    const source = await inspectFile(src.path, src.encoding)
    chunks = readText(src.path, source, () => (info.badBytes = true))
  } else {
    chunks = textOf(src.text ?? '')
  }

  // Read up to the end of the header line to sniff the dialect.
  let head = ''
  for (;;) {
    const next = await chunks.next()
    if (next.done) break
    head += next.value
    if (/[\r\n]/.test(head.slice(0, 65_536)) || head.length > 65_536) break
  }
  if (head.trim() === '') {
    await chunks.return(undefined)
    throw new SourceError(`${src.file} holds only blank lines; there is no header or data to check`, src.path)
  }
  const quote = src.dialect?.quoteChar ?? '"'
  info.delimiter = src.dialect?.delimiter ?? sniffDelimiter(head, quote)
  const crOnly = /\r(?!\n)/.test(head) && !head.includes('\n')
  const newline = crOnly ? '\r' : '\n'

  const parser = parse({ delimiter: info.delimiter, quote, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false })
  const feed = Readable.from(
    (async function* () {
      yield head
      yield* chunks
    })(),
  )
  let line = 1
  // Records are handled as 'data' events (not an async iterator), so that the records before a
  // parse error at the end of the input are still delivered rather than dropped with the buffer.
  const deliver = (record: string[]): void => {
    const at = line
    let extraLines = 0
    for (const cell of record) {
      if (cell.length > 0 && cell.includes(newline)) extraLines += cell.split(newline).length - 1
    }
    line += 1 + extraLines
    onRecord(record, at, info)
  }
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('data', deliver)
      pipeline(feed, parser, (err) => (err ? reject(err) : resolve()))
    })
  } catch (err) {
    if (!(err instanceof CsvError)) throw err
    const where = (err as CsvError & { lines?: number }).lines
    info.broken = { ...(where ? { line: where } : {}), message: err.message }
  }
  return info
}
