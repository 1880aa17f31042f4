/**
 * Times for the generators, all in India Standard Time (UTC+05:30, no daylight saving).
 *
 * An instant is a plain number of milliseconds since the epoch; nothing here reads the clock, so the
 * output never depends on when or where a generator runs.
 */
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR
/** IST is UTC+05:30 all year. */
export const IST_OFFSET_MS = 5 * HOUR + 30 * MINUTE

/** The instant of an IST wall-clock time (month 1-12). */
export function ist(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - IST_OFFSET_MS
}

/** The IST calendar fields of an instant; weekday 0 = Sunday ... 6 = Saturday. */
export interface IstParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  weekday: number
}

export function istParts(ms: number): IstParts {
  const d = new Date(ms + IST_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `YYYY-MM-DDTHH:MM:SS+05:30`, to the second (milliseconds are truncated). */
export function formatIst(ms: number): string {
  const p = istParts(ms)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+05:30`
}

/** `YYYY-MM-DD` of an instant in IST. */
export function istDate(ms: number): string {
  const p = istParts(ms)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`
}

/** The pattern every generated timestamp matches. */
export const IST_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30$/
