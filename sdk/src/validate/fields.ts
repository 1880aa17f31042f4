import type { TableSchemaField } from './types.js'

/** What a cell check found: the canonical value (for keys and ranges) or why it failed. */
export type CellResult =
  | { ok: true; key: string; num?: number }
  | { ok: false; code: 'type-error' | 'constraint-error'; message: string; hint: string }

export interface FieldCheck {
  name: string
  required: boolean
  unique: boolean
  /** Checks one non-missing cell. */
  check(cell: string): CellResult
}

export const KNOWN_TYPES = new Set([
  'string', 'integer', 'number', 'boolean', 'date', 'datetime', 'time', 'year', 'yearmonth',
  'geopoint', 'object', 'array', 'any', 'duration', 'geojson',
])

const INTEGER = /^[+-]?\d+$/
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

function typeError(field: TableSchemaField, type: string, expected: string): CellResult {
  return {
    ok: false,
    code: 'type-error',
    message: `not a valid ${type} for "${field.name}"`,
    hint: `write it as ${expected}${field.format && field.format !== 'default' ? ` (format ${field.format})` : ''}, or leave it empty if it may be missing`,
  }
}

// --- dates and times: exact checks by character code, no regular expressions ----------------

const D0 = 48
function dig(s: string, i: number): number {
  const c = s.charCodeAt(i) - D0
  return c >= 0 && c <= 9 ? c : -1
}
function num2(s: string, i: number): number {
  const a = dig(s, i)
  const b = dig(s, i + 1)
  return a < 0 || b < 0 ? -1 : a * 10 + b
}
function num4(s: string, i: number): number {
  const a = num2(s, i)
  const b = num2(s, i + 2)
  return a < 0 || b < 0 ? -1 : a * 100 + b
}
/**
 * Days in month `m` of year `y`. The leap-year arithmetic runs for every month: run only for
 * February, it threw away the optimised date check at the first February of a file.
 */
function daysIn(y: number, m: number): number {
  const february = 28 + (y % 4 === 0 ? 1 : 0) - (y % 100 === 0 ? 1 : 0) + (y % 400 === 0 ? 1 : 0)
  return m === 2 ? february : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/**
 * Days from 1970-01-01 to year `y`, month `m`, day `d` of the proleptic Gregorian calendar, by
 * integer arithmetic (H. Hinnant's days_from_civil). Date.UTC gives the same for years from 100 on,
 * but costs more (with it, `isoDate` was 10% of a one-thread profile of a file whose time changes
 * every row; 5.5% without), and reads years 0–99 as 1900–1999.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y
  const era = Math.floor(year / 400)
  const yoe = year - era * 400
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/** YYYY-MM-DD at `i`, a real calendar day; returns the day number (for ranges) or NaN. */
function isoDate(s: string, i: number): number {
  const y = num4(s, i)
  if (y < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return NaN
  const m = num2(s, i + 5)
  const d = num2(s, i + 8)
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return NaN
  return daysFromCivil(y, m, d)
}

/** hh:mm:ss(.f+)? at `i`; returns the index after it or -1, and the seconds of the day in out[0]. */
function isoTime(s: string, i: number, out: number[]): number {
  const h = num2(s, i)
  const mi = num2(s, i + 3)
  const se = num2(s, i + 6)
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) return -1
  if (s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58) return -1
  let j = i + 8
  if (s.charCodeAt(j) === 46) {
    j++
    const start = j
    while (dig(s, j) >= 0) j++
    if (j === start) return -1
  }
  out[0] = h * 3600 + mi * 60 + se
  return j
}

/** Z, ±hh:mm or ±hhmm at `i`; returns the index after it or -1, and the offset in seconds in out[1]. */
function isoZone(s: string, i: number, out: number[]): number {
  const c = s.charCodeAt(i)
  if (c === 90) {
    out[1] = 0
    return i + 1
  }
  if (c !== 43 && c !== 45) return -1
  const h = num2(s, i + 1)
  if (h < 0 || h > 14) return -1
  let j = i + 3
  if (s.charCodeAt(j) === 58) j++
  const m = num2(s, j)
  if (m < 0 || m > 59) return -1
  out[1] = (c === 45 ? -1 : 1) * (h * 3600 + m * 60)
  return j + 2
}

const scratch = [0, 0]

/**
 * An ISO 8601 date-time: YYYY-MM-DDThh:mm:ss, optional fraction, then a zone (Z or an offset)
 * which `zone` says is required, optional or forbidden. Returns epoch seconds or NaN.
 */
export function isoDateTime(s: string, zone: 'required' | 'optional' | 'none'): number {
  if (s.length < 19) return NaN
  const day = isoDate(s, 0)
  if (Number.isNaN(day) || s.charCodeAt(10) !== 84) return NaN
  scratch[1] = 0
  const j = isoTime(s, 11, scratch)
  if (j < 0) return NaN
  let end = j
  if (j < s.length) {
    if (zone === 'none') return NaN
    end = isoZone(s, j, scratch)
  } else if (zone === 'required') return NaN
  if (end !== s.length) return NaN
  return day * 86_400 + (scratch[0] ?? 0) - (scratch[1] ?? 0)
}

/**
 * The strptime formats that are ISO 8601 in disguise, mapped to the fast check. Other patterns are
 * accepted as long as the value parses as a date (a later slice compiles every directive).
 */
export function datetimeChecker(format: string | undefined): (s: string) => number {
  switch (format ?? 'default') {
    case 'default':
      return (s) => isoDateTime(s, 'optional')
    case '%Y-%m-%dT%H:%M:%S%z':
    case '%Y-%m-%dT%H:%M:%S.%f%z':
      return (s) => isoDateTime(s, 'required')
    case '%Y-%m-%dT%H:%M:%S':
      return (s) => isoDateTime(s, 'none')
    default:
      return (s) => {
        const t = Date.parse(s)
        return Number.isNaN(t) ? NaN : t / 1000
      }
  }
}

export function dateChecker(format: string | undefined): (s: string) => number {
  if (!format || format === 'default' || format === '%Y-%m-%d') return (s) => (s.length === 10 ? isoDate(s, 0) : NaN)
  return (s) => {
    const t = Date.parse(s)
    return Number.isNaN(t) ? NaN : Math.floor(t / 86_400_000)
  }
}

// --- the field compiler ---------------------------------------------------------------------

function cut(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

/** Compiles one field into a cell check. Throws a plain Error for a field the schema gets wrong. */
export function compileField(field: TableSchemaField): FieldCheck {
  const type = field.type ?? 'string'
  const c = field.constraints ?? {}
  const name = field.name

  // The type check: returns the canonical key and, for ordered types, a number.
  let cast: (cell: string) => CellResult
  switch (type) {
    case 'string': {
      const f = field.format ?? 'default'
      const re =
        f === 'email' ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/ :
        f === 'uri' ? /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/ :
        f === 'uuid' ? /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/ :
        undefined
      const expected = f === 'email' ? 'an e-mail address' : f === 'uri' ? 'a full URI such as https://example.org/x' : 'a UUID'
      cast = re ? (s) => (re.test(s) ? { ok: true, key: s } : typeError(field, `${f} string`, expected)) : (s) => ({ ok: true, key: s })
      break
    }
    case 'integer':
    case 'year':
      cast = (s) => {
        if (!INTEGER.test(s) || (type === 'year' && s.length !== 4)) return typeError(field, type, type === 'year' ? 'four digits such as 2026' : 'a whole number such as 42')
        const n = Number(s)
        return { ok: true, key: String(n), num: n }
      }
      break
    case 'number': {
      const dec = field.decimalChar ?? '.'
      const group = field.groupChar
      cast = (s) => {
        let t = s
        if (group && t.includes(group)) t = t.split(group).join('')
        if (dec !== '.' && t.includes(dec)) t = t.replace(dec, '.')
        if (!NUMBER.test(t)) {
          if (t === 'NaN' || t === 'INF' || t === '-INF') return { ok: true, key: t, num: t === 'NaN' ? NaN : t === 'INF' ? Infinity : -Infinity }
          return typeError(field, 'number', `a number with "${dec}" as the decimal point, such as 19.2`)
        }
        const n = Number(t)
        return { ok: true, key: String(n), num: n }
      }
      break
    }
    case 'boolean': {
      const yes = new Set(field.trueValues ?? ['true', 'True', 'TRUE', '1'])
      const no = new Set(field.falseValues ?? ['false', 'False', 'FALSE', '0'])
      const expected = `one of ${[...yes, ...no].join(', ')}`
      cast = (s) => (yes.has(s) ? { ok: true, key: 'true', num: 1 } : no.has(s) ? { ok: true, key: 'false', num: 0 } : typeError(field, 'boolean', expected))
      break
    }
    case 'date': {
      const check = dateChecker(field.format)
      cast = (s) => {
        const d = check(s)
        return Number.isNaN(d) ? typeError(field, 'date', 'a real day written YYYY-MM-DD, such as 2026-07-14') : { ok: true, key: String(d), num: d }
      }
      break
    }
    case 'datetime': {
      const check = datetimeChecker(field.format)
      const expected =
        field.format && field.format.includes('%z')
          ? 'YYYY-MM-DDThh:mm:ss with its offset, such as 2026-07-14T09:30:00+05:30'
          : 'an ISO 8601 date-time such as 2026-07-14T09:30:00+05:30'
      cast = (s) => {
        const t = check(s)
        return Number.isNaN(t) ? typeError(field, 'datetime', expected) : { ok: true, key: String(t), num: t }
      }
      break
    }
    case 'time': {
      const out = [0, 0]
      cast = (s) => {
        const j = isoTime(s, 0, out)
        return j !== s.length ? typeError(field, 'time', 'hh:mm:ss such as 09:30:00') : { ok: true, key: s, num: out[0] }
      }
      break
    }
    case 'geopoint': {
      const f = field.format ?? 'default'
      cast = (s) => {
        let lon = NaN
        let lat = NaN
        if (f === 'default') {
          const parts = s.split(',')
          if (parts.length === 2) {
            lon = Number(parts[0]?.trim() || 'x')
            lat = Number(parts[1]?.trim() || 'x')
          }
        } else {
          try {
            const v: unknown = JSON.parse(s)
            if (f === 'array' && Array.isArray(v) && v.length === 2) [lon, lat] = v.map(Number) as [number, number]
            if (f === 'object' && v && typeof v === 'object') ({ lon, lat } = v as { lon: number; lat: number })
          } catch {
            // not JSON: a type error below
          }
        }
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
          return typeError(field, 'geopoint', f === 'default' ? '"lon, lat" in degrees, such as "72.97, 19.19"' : f === 'array' ? '[lon, lat]' : '{"lon": …, "lat": …}')
        }
        return { ok: true, key: `${lon},${lat}` }
      }
      break
    }
    case 'yearmonth':
      cast = (s) => {
        const y = num4(s, 0)
        const m = num2(s, 5)
        return s.length === 7 && y >= 0 && s.charCodeAt(4) === 45 && m >= 1 && m <= 12 ? { ok: true, key: s, num: y * 12 + m } : typeError(field, 'yearmonth', 'YYYY-MM')
      }
      break
    case 'object':
    case 'array':
    case 'geojson':
      cast = (s) => {
        try {
          const v: unknown = JSON.parse(s)
          const good = type === 'array' ? Array.isArray(v) : v !== null && typeof v === 'object' && !Array.isArray(v)
          return good ? { ok: true, key: s } : typeError(field, type, type === 'array' ? 'a JSON array' : 'a JSON object')
        } catch {
          return typeError(field, type, type === 'array' ? 'a JSON array' : 'a JSON object')
        }
      }
      break
    default:
      // any, duration: accepted as they are in this slice.
      cast = (s) => ({ ok: true, key: s })
  }

  // Constraints, compiled only for those present.
  const checks: Array<(s: string, r: { key: string; num?: number }) => CellResult | undefined> = []
  const constraint = (what: string, hint: string): CellResult => ({ ok: false, code: 'constraint-error', message: `"${name}" ${what}`, hint })
  const bound = (v: number | string): number => {
    if (typeof v === 'number') return v
    const r = cast(v)
    return r.ok && r.num !== undefined ? r.num : Number(v)
  }
  if (c.minimum !== undefined) {
    const min = bound(c.minimum)
    checks.push((_s, r) => (r.num !== undefined && r.num < min ? constraint(`is below its minimum ${c.minimum}`, `use a value of at least ${c.minimum}`) : undefined))
  }
  if (c.maximum !== undefined) {
    const max = bound(c.maximum)
    checks.push((_s, r) => (r.num !== undefined && r.num > max ? constraint(`is above its maximum ${c.maximum}`, `use a value of at most ${c.maximum}`) : undefined))
  }
  if (c.minLength !== undefined) {
    const n = c.minLength
    checks.push((s) => ([...s].length < n ? constraint(`is shorter than ${n} characters`, `write at least ${n} characters`) : undefined))
  }
  if (c.maxLength !== undefined) {
    const n = c.maxLength
    // Length in characters (code points); the UTF-16 length is an upper bound, so most cells skip the count.
    checks.push((s) => (s.length > n && [...s].length > n ? constraint(`is longer than ${n} characters`, `shorten it to at most ${n} characters`) : undefined))
  }
  if (c.pattern !== undefined) {
    const re = new RegExp(`^(?:${c.pattern})$`, 'u')
    checks.push((s) => (re.test(s) ? undefined : constraint(`does not match the pattern ${c.pattern}`, `write it to match ${c.pattern}`)))
  }
  if (c.enum !== undefined) {
    const allowed = new Set<string>()
    for (const v of c.enum) {
      const r = cast(String(v))
      allowed.add(r.ok ? r.key : String(v))
    }
    const list = cut(c.enum.map(String).join(', '))
    checks.push((_s, r) => (allowed.has(r.key) ? undefined : constraint(`is not one of the allowed values`, `use one of: ${list}`)))
  }

  return {
    name,
    required: c.required === true,
    unique: c.unique === true,
    check(cell) {
      const r = cast(cell)
      if (!r.ok) return r
      for (const check of checks) {
        const failed = check(cell, r)
        if (failed) return failed
      }
      return r
    },
  }
}
