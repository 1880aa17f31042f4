import { closeSync, openSync, readSync } from 'node:fs'
import { TextDecoder } from 'node:util'

/**
 * The CSV record scanner behind every CSV read: a hand-written state machine over decoded text,
 * fed chunk by chunk, that keeps only the unfinished record between chunks.
 *
 * Why not csv-parse or udsv: csv-parse parses the benchmark file at ~350k rows/s, a quarter of the
 * aim; udsv is fast but parses whole strings (no streaming across chunk boundaries) and gives no
 * physical line numbers. This scanner slices unquoted cells straight out of the chunk (the common
 * case is one `charCodeAt` loop and one `slice` a cell) and counts lines as it goes.
 *
 * Dialect: one delimiter, one quote character (doubled inside a quoted cell), records end at LF or
 * CRLF (or CR for files whose header line ends in CR only). Relaxed like csv-parse's
 * `relax_quotes`: a quote inside an unquoted cell is a plain character; text after a closing quote
 * is kept, quote included. A quote never closed, or a cell larger than `maxCell` characters, stops
 * the scan with `broken` set (bounded memory: nothing else is buffered).
 */
export interface ScanDialect {
  delimiter: string
  quote: string
  /** Records end at a lone CR (old Mac exports); otherwise at LF, a CR before it dropped. */
  crOnly: boolean
}

/** Where and why a scan stopped early. */
export interface ScanBroken {
  line: number
  message: string
}

export const DEFAULT_MAX_CELL_BYTES = 32 * 1024 * 1024

/**
 * Bytes read (and so characters decoded) at a time. Below V8's large-object size (128 KiB), so a
 * chunk's string lives in the young generation and dies in the next scavenge; 1 MiB chunks went to
 * large-object space, freed only by full collections, and grew the heap by tens of MB.
 */
export const READ_CHUNK_BYTES = 64 * 1024

const START = 0
const UNQUOTED = 1
const QUOTED = 2
const QUOTE_SEEN = 3
const AFTER_QUOTE = 4

/** A size in MiB or bytes, for messages. */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 && n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`
}

export class CsvScanner {
  /** The physical line the next record starts on. */
  line = 1
  broken: ScanBroken | undefined
  private cells: string[] = []
  /**
   * Cells of the current record so far. Cells are written by index and the array's length set only
   * when a record is shorter than the one before: emptying a reused array (`length = 0`) made V8
   * drop its backing store, so every record allocated a new one as it grew.
   */
  private count = 0
  private mode = START
  /** The current cell's text so far (from earlier chunks, or a quoted cell's pieces). */
  private partial = ''
  /** Length of a closed quoted cell's content, when text follows its closing quote. */
  private quotedLength = 0
  private extraLines = 0
  private cellLine = 1
  private readonly delim: number
  private readonly quote: number
  private readonly quoteChar: string
  private readonly delimChar: string
  private readonly nlChar: string
  private readonly nl: number
  private readonly crOnly: boolean

  /**
   * @param sink receives each record and the line it starts on; with `reuse`, the same array
   *   holds the next record (copy it to keep it).
   */
  constructor(
    dialect: ScanDialect,
    private readonly sink: (cells: string[], line: number) => void,
    private readonly maxCell = DEFAULT_MAX_CELL_BYTES,
    private readonly reuse = false,
  ) {
    this.delim = dialect.delimiter.charCodeAt(0)
    this.quote = dialect.quote.charCodeAt(0)
    this.quoteChar = dialect.quote
    this.delimChar = dialect.delimiter
    this.nlChar = dialect.crOnly ? '\r' : '\n'
    this.crOnly = dialect.crOnly
    this.nl = dialect.crOnly ? 13 : 10
  }

  /** Scans one chunk; returns false once the scan has stopped (see `broken`). */
  feed(text: string): boolean {
    if (this.broken) return false
    const n = text.length
    const D = this.delim
    const Q = this.quote
    const NL = this.nl
    const max = this.maxCell
    const sink = this.sink
    const reuse = this.reuse
    // State lives in locals while the chunk is scanned (written back at the end).
    let cells = this.cells
    let count = this.count
    let partial = this.partial
    let mode = this.mode
    let i = 0
    let nextD = -1
    let nextNL = -1
    while (i < n) {
      if (mode === START || mode === UNQUOTED) {
        if (mode === START && text.charCodeAt(i) === Q) {
          mode = QUOTED
          this.cellLine = this.line + this.extraLines
          i++
          continue
        }
        // The cell ends at the next delimiter or line break; both positions are found with
        // indexOf (memchr speed) and kept until passed, so most cells cost one search.
        if (nextD < i) {
          nextD = text.indexOf(this.delimChar, i)
          if (nextD === -1) nextD = n
        }
        if (nextNL < i) {
          nextNL = text.indexOf(this.nlChar, i)
          if (nextNL === -1) nextNL = n
        }
        const j = nextD < nextNL ? nextD : nextNL
        if (j === n) {
          partial += text.slice(i)
          mode = UNQUOTED
          if (partial.length > max) return this.tooLarge(this.line + this.extraLines, mode)
          break
        }
        let cell = text.slice(i, j)
        if (partial !== '') {
          cell = partial + cell
          partial = ''
        }
        if (cell.length > max) return this.tooLarge(this.line + this.extraLines, UNQUOTED)
        i = j + 1
        mode = START
        if (j === nextNL) {
          if (!this.crOnly && cell.charCodeAt(cell.length - 1) === 13) cell = cell.slice(0, -1)
          cells[count++] = cell
          if (cells.length !== count) cells.length = count
          count = 0
          const at = this.line
          this.line = at + 1 + this.extraLines
          this.extraLines = 0
          if (reuse) sink(cells, at)
          else {
            this.cells = []
            sink(cells, at)
            cells = this.cells
          }
        } else cells[count++] = cell
      } else if (mode === QUOTED) {
        let j = i
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === Q) break
          if (c === NL) this.extraLines++
          j++
        }
        if (j > i) partial += text.slice(i, j)
        if (partial.length > max) return this.tooLarge(this.cellLine, mode)
        if (j === n) break
        mode = QUOTE_SEEN
        i = j + 1
      } else if (mode === QUOTE_SEEN) {
        const c = text.charCodeAt(i)
        if (c === Q) {
          partial += this.quoteChar
          mode = QUOTED
          i++
        } else if (c === D || c === NL) {
          cells[count++] = partial
          partial = ''
          mode = START
          i++
          if (c === NL) {
            this.cells = cells
            this.count = count
            this.endRecord()
            cells = this.cells
            count = 0
          }
        } else {
          this.quotedLength = partial.length
          mode = AFTER_QUOTE
        }
      } else {
        // AFTER_QUOTE: text between a closing quote and the delimiter, kept as it is.
        let j = i
        let c = 0
        while (j < n) {
          c = text.charCodeAt(j)
          if (c === D || c === NL) break
          j++
        }
        partial += text.slice(i, j)
        if (partial.length > max) return this.tooLarge(this.cellLine, mode)
        if (j === n) break
        cells[count++] = this.afterQuoteCell(partial, c === NL)
        partial = ''
        i = j + 1
        mode = START
        if (c === NL) {
          this.cells = cells
          this.count = count
          this.endRecord()
          cells = this.cells
          count = 0
        }
      }
    }
    this.cells = cells
    this.count = count
    this.partial = partial
    this.mode = mode
    return true
  }

  /** Whether the scanner stands between records (nothing of the next one read yet). */
  atRecordStart(): boolean {
    return this.mode === START && this.count === 0 && this.partial === ''
  }

  /** Ends the input: delivers the last record, or sets `broken` for a quote never closed. */
  finish(): void {
    if (this.broken) return
    const mode = this.mode
    if (mode === QUOTED) {
      this.broken = { line: this.cellLine, message: `a quote opened on line ${this.cellLine} is never closed` }
      return
    }
    if (mode === START && this.count === 0) return
    this.cells[this.count++] = mode === AFTER_QUOTE ? this.afterQuoteCell(this.partial, false) : this.partial
    this.partial = ''
    this.mode = START
    this.endRecord()
  }

  private afterQuoteCell(text: string, atNewline: boolean): string {
    let tail = text.slice(this.quotedLength)
    if (atNewline && !this.crOnly && tail.charCodeAt(tail.length - 1) === 13) tail = tail.slice(0, -1)
    return tail === '' ? text.slice(0, this.quotedLength) : `${text.slice(0, this.quotedLength)}${this.quoteChar}${tail}`
  }

  private endRecord(): void {
    const record = this.cells
    if (record.length !== this.count) record.length = this.count
    this.count = 0
    const at = this.line
    this.line = at + 1 + this.extraLines
    this.extraLines = 0
    if (!this.reuse) this.cells = []
    this.sink(record, at)
  }

  private tooLarge(line: number, mode: number): false {
    this.mode = mode
    this.partial = ''
    this.cells = []
    this.count = 0
    this.broken = {
      line,
      message: `a cell starting on line ${line} is larger than the limit of ${formatBytes(this.maxCell)}${mode === QUOTED ? ' (a quote opened there may never close)' : ''}`,
    }
    return false
  }
}

/**
 * Finds record boundaries in raw bytes (for splitting a file between worker threads) with the
 * scanner's own quote rules: a quote opens a quoted cell only at the start of a cell, a doubled
 * quote inside stays inside. Skips ahead with `indexOf` while there is no quote in sight, so a file
 * without quotes costs one memchr a range.
 */
export class BoundaryFinder {
  private inQuotes = false
  /** A quote was the last byte of the previous block: the next byte says whether it is doubled. */
  private quoteAtEnd = false
  /** The byte before the current position (a quote opens a cell only after a delimiter or LF). */
  private prev = 10

  constructor(
    private readonly delim: number,
    private readonly quote: number,
  ) {}

  /**
   * Scans `buf[from, to)`, the bytes that follow those of the previous call; returns the index
   * just after the first LF outside quotes at or after index `notBefore - 1` (a record boundary),
   * or -1 when there is none.
   */
  next(buf: Uint8Array, from: number, to: number, notBefore = from): number {
    const Q = this.quote
    let i = from
    if (this.quoteAtEnd && i < to) {
      this.quoteAtEnd = false
      if (buf[i] === Q) i++ // a doubled quote: still inside
      else this.inQuotes = false
    }
    while (i < to) {
      if (this.inQuotes) {
        const q = buf.indexOf(Q, i)
        if (q === -1 || q >= to) break
        if (q + 1 >= to) {
          this.quoteAtEnd = true
          i = to
          break
        }
        if (buf[q + 1] === Q) {
          i = q + 2
          continue
        }
        this.inQuotes = false
        i = q + 1
        continue
      }
      const searchFrom = Math.max(i, notBefore - 1)
      let nl = searchFrom < to ? buf.indexOf(10, searchFrom) : -1
      if (nl >= to) nl = -1
      const end = nl === -1 ? to : nl
      // The first quote that opens a cell (after a delimiter or LF) before that line break.
      let q = buf.indexOf(Q, i)
      while (q !== -1 && q < end) {
        const before = q === from ? this.prev : (buf[q - 1] as number)
        if (before === this.delim || before === 10) break
        q = buf.indexOf(Q, q + 1)
      }
      if (q !== -1 && q < end) {
        this.inQuotes = true
        i = q + 1
        continue
      }
      if (nl === -1) break
      this.prev = 10
      return nl + 1
    }
    if (to > from) this.prev = buf[to - 1] as number
    return -1
  }
}

/** Reads `[start, end)` of the file and runs the row pass over it; used by workers and the main thread. */
export function scanRange(
  path: string,
  encoding: string,
  quote: string,
  delimiter: string,
  maxCellBytes: number,
  start: number,
  end: number,
  onRecord: (record: string[], line: number) => void,
  onBadBytes: () => void,
): { lines: number; broken?: { line: number; message: string } } {
  const scanner = new CsvScanner({ delimiter, quote, crOnly: false }, onRecord, maxCellBytes, true)
  // A range starts after the file's byte order mark, so one met here is part of a cell.
  const decoder = new TextDecoder(encoding, { ignoreBOM: true })
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, Math.max(1, end - start)))
    let pos = start
    let flagged = false
    while (pos < end) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos)
      if (n <= 0) break
      pos += n
      const text = decoder.decode(buf.subarray(0, n), { stream: pos < end })
      if (!flagged && text.includes('\uFFFD')) {
        flagged = true
        onBadBytes()
      }
      if (!scanner.feed(text)) break
    }
  } finally {
    closeSync(fd)
  }
  scanner.finish()
  return { lines: scanner.line - 1, ...(scanner.broken ? { broken: scanner.broken } : {}) }
}

/**
 * The record on the one line that starts at byte `start` of an open file (a row the byte reader
 * read: one line, no line break inside a cell), for quoting a cell in a message without reading
 * its whole range again.
 */
export function recordAt(fd: number, encoding: string, quote: string, delimiter: string, start: number): string[] {
  const parts: Buffer[] = []
  let pos = start
  for (;;) {
    const buf = Buffer.allocUnsafe(4096)
    const n = readSync(fd, buf, 0, buf.length, pos)
    if (n <= 0) break
    const nl = buf.subarray(0, n).indexOf(10)
    parts.push(buf.subarray(0, nl >= 0 ? nl + 1 : n)) // with its LF, so the scanner drops a CR before it
    if (nl >= 0) break
    pos += n
  }
  let record: string[] = []
  const scanner = new CsvScanner({ delimiter, quote, crOnly: false }, (cells) => (record = cells))
  scanner.feed(new TextDecoder(encoding, { ignoreBOM: true }).decode(Buffer.concat(parts)))
  scanner.finish()
  return record
}
