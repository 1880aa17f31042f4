/**
 * W3C date-times as GeoReport v2 uses them: ISO 8601 with the zone required,
 * `2026-07-14T09:00:00+05:30`, `2026-07-14T03:30:00Z`, with optional seconds and fraction.
 */
const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/

/** Epoch milliseconds of a W3C date-time with a zone, or undefined when `text` is not one (or names no real instant). */
export function parseW3cDateTime(text: string): number | undefined {
  const m = W3C_DATETIME.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s = '0', frac = '', sign, oh = '0', om = '0'] = m
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59 || Number(oh) > 23 || Number(om) > 59) return undefined
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
  const ms = Number(frac.padEnd(3, '0').slice(0, 3))
  // Date.UTC maps years 0-99 to 1900-1999; no GeoReport date is that old, but stay exact.
  const base = year >= 100 ? Date.UTC(year, month - 1, day) : new Date(0).setUTCFullYear(year, month - 1, day)
  return base + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + ms
}

/** An ISO 8601 calendar date alone, `2026-07-14` (for `datetime` attributes that only know the day). */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month, 0)
  return d.getUTCDate()
}
