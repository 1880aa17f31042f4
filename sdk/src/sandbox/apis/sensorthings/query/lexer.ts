// The tokenizer for `$filter`, `$orderby` and `$select` text. Every token keeps its [start, end)
// offsets so the parser can point at it. Literals that need their own grammar (date-times,
// durations, WKT) are decoded here, so a bad one is reported where it is written.
import { type Geometry, QuerySyntaxError } from './ast.js'
import { parseWkt } from './wkt.js'

interface TokenBase {
  /** The token as written. */
  text: string
  start: number
  end: number
}

export type Token =
  /** A name: property, navigation property, keyword (`and`, `eq`, `true`…), function (`geo.distance`), or `@iot.id`. */
  | (TokenBase & { kind: 'ident' })
  | (TokenBase & { kind: 'punct'; text: '(' | ')' | ',' | '/' | '-' })
  | (TokenBase & { kind: 'string'; value: string })
  | (TokenBase & { kind: 'number'; value: number })
  /** `text` is normalised: a `+` decoded to a space is put back. */
  | (TokenBase & { kind: 'datetime'; value: number })
  | (TokenBase & { kind: 'duration'; value: number })
  | (TokenBase & { kind: 'geography'; value: Geometry })
  | (TokenBase & { kind: 'end' })

const IDENT = /[\p{L}_][\p{L}\p{M}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{M}\p{N}_]*)*/uy
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y
/** What a mistyped literal runs on to, so the error can quote all of it. */
const WORD_TAIL = /[\p{L}\p{N}_.:+-]*/uy
const DATE_START = /\d{4}-/y
// Groups: year month day hour minute second fraction zone. The zone may be ` hh:mm`: see lexDateTime.
const DATETIME =
  /(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:\d{2}| \d{2}:\d{2})?)?/y

/** Characters people bring from other languages, and what OData writes instead. */
const HINTS: Record<string, string> = {
  '=': "use 'eq' to compare",
  '==': "use 'eq' to compare",
  '!=': "use 'ne'",
  '<>': "use 'ne'",
  '>=': "use 'ge'",
  '<=': "use 'le'",
  '>': "use 'gt'",
  '<': "use 'lt'",
  '&&': "use 'and'",
  '||': "use 'or'",
  '!': "use 'not'",
  '+': "use 'add' (a '+' in a date-time offset must be sent as %2B)",
  '*': "use 'mul'",
  '%': "use 'mod'",
  '"': "strings use single quotes: 'text'",
}

const TYPED_LITERALS = ['duration', 'geography', 'geometry']

/** The tokens of `text`, made as they are asked for, so errors come in the order of the text. */
export function* tokenize(text: string, option: string): Generator<Token, void, undefined> {
  const fail = (at: number, message: string): never => {
    throw new QuerySyntaxError(option, at, message)
  }
  let pos = 0
  while (pos < text.length) {
    const c = text[pos] as string
    if (/\s/.test(c)) {
      pos++
      continue
    }
    const start = pos
    if (c === '(' || c === ')' || c === ',' || c === '/' || c === '-') {
      yield { kind: 'punct', text: c, start, end: ++pos }
      continue
    }
    if (c === "'") {
      let value = ''
      let i = pos + 1
      for (;;) {
        const close = text.indexOf("'", i)
        if (close < 0) fail(start, "unterminated string: no closing quote (a quote inside a string is written '')")
        value += text.slice(i, close)
        if (text[close + 1] === "'") {
          value += "'"
          i = close + 2
          continue
        }
        pos = close + 1
        break
      }
      yield { kind: 'string', value, text: text.slice(start, pos), start, end: pos }
      continue
    }
    if (/\d/.test(c)) {
      DATE_START.lastIndex = pos
      const token = DATE_START.test(text) ? lexDateTime(text, pos, fail) : lexNumber(text, pos, fail)
      yield token
      pos = token.end
      continue
    }
    if (c === '@' || /[\p{L}_]/u.test(c)) {
      IDENT.lastIndex = c === '@' ? pos + 1 : pos
      const m = IDENT.exec(text)
      if (!m) fail(start, "unexpected '@'; the only annotation allowed here is @iot.id")
      pos = IDENT.lastIndex
      const word = text.slice(start, pos)
      if (text[pos] === "'" && c !== '@') {
        const token = lexTypedLiteral(text, start, pos, option, fail)
        yield token
        pos = token.end
        continue
      }
      yield { kind: 'ident', text: word, start, end: pos }
      continue
    }
    const two = text.slice(pos, pos + 2)
    const sym = HINTS[two] ? two : c
    const hint = HINTS[sym]
    fail(start, `unexpected '${sym}'${hint ? `; ${hint}` : ''}`)
  }
  yield { kind: 'end', text: '', start: text.length, end: text.length }
}

type Fail = (at: number, message: string) => never

function lexNumber(text: string, start: number, fail: Fail): Token {
  NUMBER.lastIndex = start
  NUMBER.exec(text)
  const end = NUMBER.lastIndex
  if (/[\p{L}\p{N}_.]/u.test(text[end] ?? '')) {
    WORD_TAIL.lastIndex = start
    WORD_TAIL.exec(text)
    fail(start, `invalid number '${text.slice(start, WORD_TAIL.lastIndex)}'`)
  }
  const written = text.slice(start, end)
  const value = Number(written)
  if (!Number.isFinite(value)) fail(start, `number '${written}' is too large`)
  return { kind: 'number', value, text: written, start, end }
}

const DATETIME_FORMS = 'YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.fff]] followed by Z or an offset like +05:30'

function lexDateTime(text: string, start: number, fail: Fail): Token {
  DATETIME.lastIndex = start
  const m = DATETIME.exec(text)
  WORD_TAIL.lastIndex = start
  WORD_TAIL.exec(text)
  const written = text.slice(start, WORD_TAIL.lastIndex)
  const end = DATETIME.lastIndex
  if (!m || /[\p{L}\p{N}_.:+-]/u.test(text[end] ?? '')) {
    return fail(start, `invalid date-time '${written}'; expected ${DATETIME_FORMS}`)
  }
  const [, y, mo, d, h, mi, s, frac, zone] = m
  if (h !== undefined && zone === undefined) {
    fail(start, `date-time '${text.slice(start, end)}' needs a time zone: add Z (UTC) or an offset like +05:30`)
  }
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h ?? 0)
  const minute = Number(mi ?? 0)
  const second = Number(s ?? 0)
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000)
  const daysInMonth = new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate()
  const outOfRange = (what: string, value: number, range: string): never =>
    fail(start, `invalid date-time '${text.slice(start, end)}': ${what} ${value} is out of range ${range}`)
  if (month < 1 || month > 12) outOfRange('month', month, '1..12')
  if (day < 1 || day > daysInMonth) outOfRange('day', day, `1..${daysInMonth}`)
  if (hour > 23) outOfRange('hour', hour, '0..23')
  if (minute > 59) outOfRange('minute', minute, '0..59')
  if (second > 59) outOfRange('second', second, '0..59')
  let offsetMinutes = 0
  // A `+` that the client did not encode as %2B arrives decoded as a space (form encoding). A space
  // followed by hh:mm right after the time can mean nothing else, so only there it is read as `+`.
  const sign = zone === undefined || zone === 'Z' || zone === 'z' ? '' : zone[0] === '-' ? '-' : '+'
  if (sign && zone) {
    const oh = Number(zone.slice(1, 3))
    const om = Number(zone.slice(4, 6))
    if (oh > 14 || om > 59 || (oh === 14 && om > 0)) {
      fail(start, `invalid date-time '${text.slice(start, end)}': offset ${sign}${zone.slice(1)} is out of range -14:00..+14:00`)
    }
    offsetMinutes = (sign === '-' ? -1 : 1) * (oh * 60 + om)
  }
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms))
  if (year < 100) date.setUTCFullYear(year) // Date.UTC reads years 0..99 as 1900..1999
  const value = date.getTime() - offsetMinutes * 60_000
  const normalised = zone?.[0] === ' ' ? `${text.slice(start, end - zone.length)}+${zone.slice(1)}` : text.slice(start, end)
  return { kind: 'datetime', value, text: normalised, start, end }
}

function lexTypedLiteral(text: string, start: number, quote: number, option: string, fail: Fail): Token {
  const prefix = text.slice(start, quote)
  const kind = prefix.toLowerCase()
  if (!TYPED_LITERALS.includes(kind)) {
    fail(start, `unknown literal prefix '${prefix}'; typed literals are duration'…' and geography'…' (strings need no prefix)`)
  }
  const close = text.indexOf("'", quote + 1)
  if (close < 0) fail(start, `unterminated ${kind} literal: no closing quote`)
  const end = close + 1
  const content = text.slice(quote + 1, close)
  const written = text.slice(start, end)
  if (kind === 'duration') return { kind: 'duration', value: parseDuration(content, start, fail), text: written, start, end }
  return { kind: 'geography', value: parseWkt(content, quote + 1, option), text: written, start, end }
}

const UNIT_MS = { W: 604_800_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const
const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/** ISO 8601 durations in weeks, days, hours, minutes and seconds (`P1DT2H30M`, `PT0.5S`, `-P1W`). */
function parseDuration(content: string, at: number, fail: Fail): number {
  const datePart = content.split('T')[0] ?? ''
  if (/^-?P/.test(content) && /[YM]/i.test(datePart)) {
    fail(at, `duration '${content}' uses years or months, which have no fixed length; use weeks or days instead (e.g. P30D)`)
  }
  const m = DURATION.exec(content)
  if (!m || content.replace(/^-/, '') === 'P' || content.endsWith('T')) {
    return fail(at, `invalid duration '${content}'; expected ISO 8601 such as P1DT2H30M (W weeks, D days, H hours, M minutes, S seconds)`)
  }
  const [, negative, w, d, h, mi, s] = m
  const parts: [string | undefined, number][] = [[w, UNIT_MS.W], [d, UNIT_MS.D], [h, UNIT_MS.H], [mi, UNIT_MS.M], [s, UNIT_MS.S]]
  const ms = Math.round(parts.reduce((sum, [n, unit]) => sum + (n === undefined ? 0 : Number(n) * unit), 0))
  return negative ? -ms : ms
}
