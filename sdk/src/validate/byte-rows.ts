import { closeSync, openSync, readSync } from 'node:fs'
import { TextDecoder } from 'node:util'
import { CsvScanner, READ_CHUNK_BYTES, type ScanBroken } from './csv-scan.js'
import { isoDateTime } from './fields.js'
import { CAST_DATETIME, CAST_DATETIME_LOCAL, CAST_DATETIME_ZONED, CAST_INTEGER, CAST_NUMBER, castCalls, type CastCall } from './row-schema.js'
import type { RowPass } from './table-engine.js'

/**
 * The row reader of byte ranges (worker threads, and the main thread on large plain files): it
 * reads the common row straight from the file's bytes and hands anything else to the CSV scanner.
 *
 * A common row is one physical line of ASCII cells, each unquoted or quoted without a quote or
 * line break inside, with as many cells as the header. Its number and date-time cells that only
 * need a type, a range and a required check (`RowPass.byteCasts`) are cast from the bytes: a
 * short plain decimal by integer arithmetic (the same digits and rounding as row-schema.ts
 * `decimalValue`), a date-time equal to the cell above by comparing bytes, anything else through
 * the same cast functions the row validator calls. No string is made for them; every other cell
 * is sliced from the chunk's text and checked by the row validator compiled without the cast fields
 * (`RowPass.fastRow`). On the 1M-row air-quality file that leaves one string a row instead of ten.
 * Text cells seen before are remembered with the validator's verdict on rows that held them, so a
 * row of cells it passed before is not sliced or validated again (see `text`).
 *
 * Any row that is not common, or that fails a check, goes to the `CsvScanner` and `RowPass.row`,
 * the one-thread path's code: quotes inside cells, line breaks in cells, other bytes than ASCII,
 * ragged rows, blank rows, and every row with a problem (which the explainer then describes). The
 * reader only hands over whole lines, at record boundaries, so the scanner never sees a row in part.
 * Results are the same as that path's, row for row (tests compare them on mangled files).
 */
export class ByteRowReader {
  private readonly width: number
  private readonly delim: number
  private readonly quote: number
  /** Per file column: -1 read by no field, 0 text for the row validator, else a cast kind. */
  private readonly kinds: Int8Array
  private readonly fieldOf: Int32Array
  private readonly mins: Float64Array
  private readonly maxs: Float64Array
  private readonly emptyMissing: Uint8Array
  private readonly required: Uint8Array
  /**
   * Per column, 1 when its number needs no division: nothing reads the value, and its range
   * holds every number from 0 up (`minimum: 0`, say), so a short decimal without a minus sign
   * passes as it is. The division was a sixth of this reader's time on the air-quality file.
   */
  private readonly signEnough: Uint8Array
  private readonly calls: CastCall[]
  private readonly slots: Float64Array
  private readonly valid: Uint8Array
  /** The previous date-time cell of each cast column, as bytes, and its value. */
  private readonly prevBytes: Uint8Array
  private readonly prevLength: Int32Array
  private readonly prevValue: Float64Array
  /** Per column, 1 when its remembered cell may be compared in place (see `cells`). */
  private readonly fusable: Uint8Array
  /**
   * Text cells seen before, TEXT_SLOTS a column (direct-mapped by length and end bytes): their
   * bytes, length (-1 empty), string, and whether a row holding them passed the row validator.
   * A cell found here is not sliced again, and a row whose text cells were all found passed is
   * not validated again (when `RowPass.restIsPure`): station names, wards, categories repeat.
   */
  private readonly seenBytes: Uint8Array
  private readonly seenLength: Int16Array
  private readonly seenText: string[]
  private readonly seenOk: Uint8Array
  private rememberText: boolean
  /** Per column, the slot of its text cell in the current row (-1 when not remembered). */
  private readonly rowSlots: Int32Array
  /**
   * Per column, cells found and not found (or too long) among those remembered. When a column's
   * first TEXT_TRIAL new cells outnumber those found (ids, free text), no text is remembered any
   * more: its rows are never all found, so they are validated anyway, and looking the other cells
   * up cost more than slicing them (12% of a one-thread profile of a grievance export).
   */
  private readonly textFound: Int32Array
  private readonly textNew: Int32Array
  /** Whether every text cell of the current row was found passed. */
  private known = false
  private readonly record: string[]
  private readonly buf = Buffer.allocUnsafe(READ_CHUNK_BYTES)

  constructor(
    private readonly pass: RowPass,
    width: number,
    private readonly delimiter: string,
    private readonly quoteChar: string,
    private readonly maxCell: number,
    columns: number[],
  ) {
    this.width = width
    this.delim = delimiter.charCodeAt(0)
    this.quote = quoteChar.charCodeAt(0)
    this.kinds = new Int8Array(width).fill(-1)
    this.fieldOf = new Int32Array(width).fill(-1)
    this.mins = new Float64Array(width)
    this.maxs = new Float64Array(width)
    this.emptyMissing = new Uint8Array(width)
    this.required = new Uint8Array(width)
    this.signEnough = new Uint8Array(width)
    for (const col of columns) if (col >= 0 && col < width) this.kinds[col] = 0
    for (const cast of pass.byteCasts) {
      this.kinds[cast.col] = cast.kind
      this.fieldOf[cast.col] = cast.field
      this.mins[cast.col] = cast.min
      this.maxs[cast.col] = cast.max
      this.emptyMissing[cast.col] = cast.emptyMissing ? 1 : 0
      this.required[cast.col] = cast.required ? 1 : 0
      // (A bound not given is NaN, which every comparison passes.)
      this.signEnough[cast.col] = !cast.needed && !(cast.min > 0) && !(cast.max < Number.POSITIVE_INFINITY) ? 1 : 0
    }
    const { slots, valid } = pass.castOut
    this.slots = slots
    this.valid = valid
    this.calls = castCalls(slots)
    this.prevBytes = new Uint8Array(width * PREV_BYTES)
    this.prevLength = new Int32Array(width).fill(-1)
    this.prevValue = new Float64Array(width)
    this.fusable = new Uint8Array(width)
    this.seenBytes = new Uint8Array(width * TEXT_SLOTS * TEXT_BYTES)
    this.seenLength = new Int16Array(width * TEXT_SLOTS).fill(-1)
    this.seenText = new Array<string>(width * TEXT_SLOTS).fill('')
    this.seenOk = new Uint8Array(width * TEXT_SLOTS)
    this.rememberText = pass.restIsPure
    this.rowSlots = new Int32Array(width).fill(-1)
    this.textFound = new Int32Array(width)
    this.textNew = new Int32Array(width)
    this.record = new Array<string>(width).fill('')
  }

  /** Reads `[start, end)` of the file (encoded in `encoding`, ASCII-compatible) into the row pass. */
  run(path: string, encoding: string, start: number, end: number, onBadBytes: () => void): { lines: number; broken?: ScanBroken } {
    const pass = this.pass
    const scanner = new CsvScanner({ delimiter: this.delimiter, quote: this.quoteChar, crOnly: false }, (record, line) => pass.row(record, line), this.maxCell, true)
    // A range starts after the file's byte order mark, so one met here is part of a cell.
    const decoder = new TextDecoder(encoding, { ignoreBOM: true })
    let flagged = false
    const buf = this.buf
    // Hands bytes [from, to) of the buffer to the scanner; false once it has stopped.
    const slow = (from: number, to: number, final: boolean): boolean => {
      pass.rowStart = -1
      const text = decoder.decode(buf.subarray(from, to), { stream: !final })
      if (!flagged && text.includes('\uFFFD')) {
        flagged = true
        onBadBytes()
      }
      return scanner.feed(text)
    }
    let line = 1
    let slowMode = false
    const enterSlow = () => {
      if (!slowMode) scanner.line = line
      slowMode = true
    }
    let have = 0
    let pos = start
    /** The file offset of `buf[0]`. */
    let bufStart = start
    let fast = 0
    let bails = 0
    const fd = openSync(path, 'r')
    try {
      for (;;) {
        if (have === buf.length) {
          // A line longer than the buffer: the scanner takes what there is, and the rest as it comes.
          enterSlow()
          if (!slow(0, have, false)) break
          bufStart += have
          have = 0
        }
        if (pos < end) {
          const n = readSync(fd, buf, have, Math.min(buf.length - have, end - pos), pos)
          if (n <= 0) pos = end
          else {
            pos += n
            have += n
          }
        }
        const atEnd = pos >= end
        const full = have > 0 ? buf.lastIndexOf(10, have - 1) + 1 : 0
        let p = 0
        if (full > 0) {
          let text: string | undefined
          while (p < full) {
            if (!slowMode) {
              text ??= buf.toString('latin1', 0, full)
              const from = line
              p = this.commonRows(buf, text, p, full, line, bufStart)
              line = this.line
              fast += line - from
              if (p === full) break
              bails++
              enterSlow()
            }
            // Whole lines to the scanner until it stands between records again; the rest of the
            // chunk at once when a third of the rows tried so far were not common ones.
            const to = bails >= 8 && bails * 2 > fast ? full : buf.indexOf(10, p) + 1
            if (!slow(p, to, false)) break
            p = to
            if (scanner.atRecordStart()) {
              slowMode = false
              line = scanner.line
            }
          }
          if (scanner.broken) break
        }
        if (atEnd) {
          if (have > full) {
            enterSlow()
            slow(full, have, true)
          }
          break
        }
        buf.copyWithin(0, full, have)
        have -= full
        bufStart += full
      }
    } finally {
      closeSync(fd)
    }
    if (!slowMode) scanner.line = line
    scanner.finish()
    return { lines: scanner.line - 1, ...(scanner.broken ? { broken: scanner.broken } : {}) }
  }

  /** The line after the last row `commonRows` read. */
  private line = 1

  /**
   * Reads common rows from `p` on, the first on line `line`, into the row pass until `full` or the
   * first row that is not a common one; returns where it stopped (and leaves the next line in
   * `line`). The hot loop lives here, apart from `run`'s rare branches: in one function, an
   * optimised `run` was thrown away each time a range reached a branch it had not taken yet
   * (25 deoptimisations a 1M-row file, each leaving the rows to slower code until it was compiled
   * again).
   */
  private commonRows(buf: Buffer, text: string, p: number, full: number, line: number, bufStart: number): number {
    const pass = this.pass
    const record = this.record
    // `line` is stored as it goes, not once after the loop: V8 optimises the loop while it runs,
    // before a store after it has ever run, and then threw that code away at the store (six
    // times a 1M-row run in a worker, each leaving the rest of a chunk to the interpreter).
    this.line = line
    while (p < full) {
      const next = this.cells(buf, text, p)
      if (next < 0) break
      pass.rowStart = bufStart + p
      if (!pass.fastRow(record, line, this.known)) break
      if (!this.known && this.rememberText) this.passed()
      this.line = ++line
      p = next
    }
    return p
  }

  /**
   * Reads the common row at `p` (see the class): casts its cast cells into the row pass's slots,
   * puts its text cells in `record`, and returns where the next row starts, or -1 when the row is
   * not a common one or a cast cell fails.
   */
  private cells(buf: Buffer, text: string, p: number): number {
    const width = this.width
    const D = this.delim
    const Q = this.quote
    const kinds = this.kinds
    this.known = this.rememberText
    for (let c = 0; c < width; c++) {
      const last = c === width - 1
      const kind = kinds[c] as number
      let x = buf[p] as number
      if ((kind === CAST_NUMBER || kind === CAST_INTEGER) && x !== Q) {
        // A short plain decimal read as it is scanned (shortDecimal's grammar, fused with the
        // search for the cell's end); anything else falls through to the general reading below.
        let q = p
        const neg = x === 45
        if (neg || x === 43) x = buf[++q] as number
        let m = 0
        const digitsFrom = q
        while (x >= 48 && x <= 57) {
          m = m * 10 + (x - 48)
          x = buf[++q] as number
        }
        let digits = q - digitsFrom
        let frac = 0
        if (x === 46 && kind === CAST_NUMBER) {
          const at = ++q
          x = buf[q] as number
          while (x >= 48 && x <= 57) {
            m = m * 10 + (x - 48)
            x = buf[++q] as number
          }
          frac = q - at
          digits += frac
        }
        const end = x === D ? !last : x === 10 ? last : x === 13 && last && buf[q + 1] === 10
        if (end && digits > 0 && digits <= 15) {
          const i = this.fieldOf[c] as number
          if (neg || this.signEnough[c] === 0) {
            let v = frac ? m / (POW10[frac] as number) : m
            if (neg) v = -v
            if (v < (this.mins[c] as number) || v > (this.maxs[c] as number)) return -1
            this.slots[i] = v
          }
          this.valid[i] = 1
          p = x === 13 ? q + 2 : q + 1
          continue
        }
        x = buf[p] as number
      }
      // A date-time cell like the one above it (a time series' rows often share one): compared in
      // place of the search for its end, and cast to the value kept. (Only if the cell above had no
      // delimiter or CR in it, so that bytes equal up to a delimiter mean the same cell.)
      let tried = false
      if ((kind === CAST_DATETIME || kind === CAST_DATETIME_ZONED || kind === CAST_DATETIME_LOCAL) && this.fusable[c] === 1) {
        tried = x !== Q
        const len = this.prevLength[c] as number
        const at = c * PREV_BYTES
        const prev = this.prevBytes
        let k = 0
        while (k < len && buf[p + k] === prev[at + k]) k++
        if (k === len) {
          const e = buf[p + len] as number
          const skip = last ? (e === 10 ? 1 : e === 13 && buf[p + len + 1] === 10 ? 2 : 0) : e === D ? 1 : 0
          if (skip > 0) {
            const v = this.prevValue[c] as number
            if (v !== v || v < (this.mins[c] as number) || v > (this.maxs[c] as number)) return -1
            const i = this.fieldOf[c] as number
            this.slots[i] = v
            this.valid[i] = 1
            p += len + skip
            continue
          }
        }
      }
      let a = p
      let b: number
      if (x === Q) {
        a = p + 1
        let q = a
        while ((x = buf[q] as number) !== Q) {
          if (x === 10 || x > 127) return -1
          q++
        }
        b = q
        x = buf[q + 1] as number
        if (x === D) {
          if (last) return -1
          p = q + 2
        } else if (x === 10) {
          if (!last) return -1
          p = q + 2
        } else if (x === 13 && buf[q + 2] === 10) {
          if (!last) return -1
          p = q + 3
        } else return -1
      } else {
        let q = p
        while (x !== D && x !== 10) {
          if (x > 127) return -1
          x = buf[++q] as number
        }
        b = q
        if (x === D) {
          if (last) return -1
        } else {
          if (!last) return -1
          if (b > a && buf[b - 1] === 13) b--
        }
        p = q + 1
      }
      if (b - a > this.maxCell) return -1
      if (kind === 0) this.text(buf, text, a, b, c)
      else if (kind > 0 && !this.cast(buf, text, a, b, c, kind, tried)) return -1
    }
    return p
  }

  /** Puts the text cell `[a, b)` of column `c` in the record: the string seen before, when it was. */
  private text(buf: Buffer, text: string, a: number, b: number, c: number): void {
    const length = b - a
    if (!this.rememberText || length > TEXT_BYTES) {
      this.record[c] = text.slice(a, b)
      this.rowSlots[c] = -1
      this.known = false
      if (this.rememberText) this.newText(c)
      return
    }
    const e = c * TEXT_SLOTS + ((length * 7 + (length > 0 ? (buf[a] as number) * 31 + (buf[b - 1] as number) * 131 + (buf[b - (length >> 1) - 1] as number) : 0)) & (TEXT_SLOTS - 1))
    const at = e * TEXT_BYTES
    const seen = this.seenBytes
    let k = 0
    if (this.seenLength[e] === length) while (k < length && buf[a + k] === seen[at + k]) k++
    if (k === length && this.seenLength[e] === length) {
      this.record[c] = this.seenText[e] as string
      if (this.seenOk[e] === 0) this.known = false
      this.textFound[c] = (this.textFound[c] as number) + 1
    } else {
      this.newText(c)
      const s = text.slice(a, b)
      for (k = 0; k < length; k++) seen[at + k] = buf[a + k] as number
      this.seenLength[e] = length
      this.seenText[e] = s
      this.seenOk[e] = 0
      this.record[c] = s
      this.known = false
    }
    this.rowSlots[c] = e
  }

  /** Counts a new (or too long) cell of column `c`; ends remembering when the trial says so. */
  private newText(c: number): void {
    const seen = (this.textNew[c] = (this.textNew[c] as number) + 1)
    if (seen === TEXT_TRIAL && (this.textFound[c] as number) < TEXT_TRIAL) this.rememberText = false
  }

  /** The current row passed the row validator: so did each of its remembered text cells. */
  private passed(): void {
    const slots = this.rowSlots
    for (let c = 0; c < slots.length; c++) {
      const e = slots[c] as number
      if (e >= 0) this.seenOk[e] = 1
    }
  }

  /**
   * Casts the cell `[a, b)` of cast column `c`; false when it is not of the type, out of range, or
   * required and empty. `tried`: `cells` has already found this date-time cell unlike the one above.
   */
  private cast(buf: Buffer, text: string, a: number, b: number, c: number, kind: number, tried: boolean): boolean {
    const i = this.fieldOf[c] as number
    if (a === b) {
      if (!this.emptyMissing[c] || this.required[c]) return false
      this.valid[i] = 0
      return true
    }
    const min = this.mins[c] as number
    const max = this.maxs[c] as number
    let v: number
    if (kind === CAST_NUMBER || kind === CAST_INTEGER) {
      v = shortDecimal(buf, a, b, kind === CAST_NUMBER)
      if (v !== v) {
        if (!(this.calls[kind] as CastCall)(text.slice(a, b), i, min, max)) return false
        this.valid[i] = 1
        return true
      }
    } else if (kind === CAST_DATETIME || kind === CAST_DATETIME_ZONED || kind === CAST_DATETIME_LOCAL) {
      const length = b - a
      const at = c * PREV_BYTES
      const prev = this.prevBytes
      let k = 0
      const same = !tried && length === this.prevLength[c]
      if (same) while (k < length && buf[a + k] === prev[at + k]) k++
      if (same && k === length) v = this.prevValue[c] as number
      else {
        v = isoDateTime(text.slice(a, b), kind === CAST_DATETIME ? 'optional' : kind === CAST_DATETIME_ZONED ? 'required' : 'none')
        let plain = length > 0 && length <= this.maxCell ? 1 : 0
        if (length <= PREV_BYTES) {
          for (k = 0; k < length; k++) {
            const byte = buf[a + k] as number
            prev[at + k] = byte
            if (byte === this.delim || byte === 13) plain = 0
          }
          this.prevLength[c] = length
          this.prevValue[c] = v
          this.fusable[c] = plain
        } else {
          this.prevLength[c] = -1
          this.fusable[c] = 0
        }
      }
      if (v !== v) return false
    } else {
      if (!(this.calls[kind] as CastCall)(text.slice(a, b), i, min, max)) return false
      this.valid[i] = 1
      return true
    }
    if (v < min || v > max) return false
    this.slots[i] = v
    this.valid[i] = 1
    return true
  }
}

/** Bytes of a date-time cell remembered for the comparison with the next row's. */
const PREV_BYTES = 40
/** Text cells remembered a column (a power of two), and the longest remembered. */
const TEXT_SLOTS = 64
const TEXT_BYTES = 32
/** New cells a column before the reader decides whether remembering its cells pays. */
const TEXT_TRIAL = 4096

const POW10 = Float64Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * row-schema.ts `decimalValue`'s short path on bytes: an optional sign, at most 15 digits with a
 * point among them (when `fraction`), as an exact integer divided by a power of ten (so the same
 * double as `Number`). NaN for anything else, which the caller then casts from the text.
 */
export function shortDecimal(buf: Uint8Array, a: number, b: number, fraction: boolean): number {
  let i = a
  let c = buf[i] as number
  const neg = c === 45
  if (neg || c === 43) c = ++i < b ? (buf[i] as number) : 0
  let m = 0
  const start = i
  while (c >= 48 && c <= 57) {
    m = m * 10 + (c - 48)
    c = ++i < b ? (buf[i] as number) : 0
  }
  let digits = i - start
  let frac = 0
  if (c === 46 && fraction) {
    const at = ++i
    c = i < b ? (buf[i] as number) : 0
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48)
      c = ++i < b ? (buf[i] as number) : 0
    }
    frac = i - at
    digits += frac
  }
  if (i !== b || digits === 0 || digits > 15) return Number.NaN
  const v = frac ? m / (POW10[frac] as number) : m
  return neg ? -v : v
}
