import { InputError } from '../errors.js'

// GTFS times are seconds since "noon minus 12 h" of the service day in the agency's time zone. The
// offset comes from Intl for the zone the feed names; nothing here assumes India's +05:30.

const SECONDS_RE = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/

/** `HH:MM:SS` (or `H:MM:SS`, hours may pass 24) to seconds; `undefined` when it is not a time. */
export function parseGtfsTime(text: string): number | undefined {
  const m = SECONDS_RE.exec(text.trim())
  if (!m) return undefined
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

/** Seconds to `HH:MM:SS`, hours past 24 kept (`25:10:00`). */
export function formatGtfsTime(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`
}

/** Whether `text` is a real calendar date written `YYYYMMDD`. */
export function isGtfsDate(text: string): boolean {
  if (!/^\d{8}$/.test(text)) return false
  const d = new Date(Date.UTC(+text.slice(0, 4), +text.slice(4, 6) - 1, +text.slice(6, 8)))
  return d.getUTCFullYear() === +text.slice(0, 4) && d.getUTCMonth() === +text.slice(4, 6) - 1 && d.getUTCDate() === +text.slice(6, 8)
}

/** `YYYYMMDD` plus `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8) + days))
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
}

/** 0 = Monday … 6 = Sunday, the order of calendar.txt's columns. */
export function weekdayOf(date: string): number {
  return (new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8))).getUTCDay() + 6) % 7
}

/** Dates, offsets and service-day starts in one IANA time zone, cached. */
export class ServiceClock {
  readonly timezone: string
  private readonly parts: Intl.DateTimeFormat
  private readonly starts = new Map<string, number>()

  constructor(timezone: string) {
    this.timezone = timezone
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
  }

  /** The zone's offset from UTC at `ms`, in milliseconds (from the wall clock Intl reports there). */
  offsetMs(ms: number): number {
    const p = this.wall(ms)
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
    return asUtc - Math.floor(ms / 1000) * 1000
  }

  /** The local calendar date (`YYYYMMDD`) of an instant. */
  dateOf(ms: number): string {
    const p = this.wall(ms)
    return `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`
  }

  /** The instant (ms) of "noon minus 12 h" of service day `date`: the origin of its GTFS times. */
  dayStart(date: string): number {
    let start = this.starts.get(date)
    if (start === undefined) {
      const noonAsUtc = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8), 12)
      // Noon local: shift by the offset found near noon, then once more in case that crossed a change.
      let noon = noonAsUtc - this.offsetMs(noonAsUtc)
      noon = noonAsUtc - this.offsetMs(noon)
      start = noon - 12 * 3600_000
      if (this.starts.size > 1024) this.starts.clear()
      this.starts.set(date, start)
    }
    return start
  }

  private wall(ms: number) {
    const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
    for (const part of this.parts.formatToParts(ms)) {
      if (part.type in out) out[part.type as keyof typeof out] = Number(part.value)
    }
    return out
  }
}

/** A `Date` from a `Date` or a parseable string; `InputError` naming `field` otherwise. */
export function toInstant(value: Date | string | undefined, field: string): number {
  if (value === undefined) return Date.now()
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (!Number.isFinite(ms)) throw new InputError(`${field} must be a Date or a date-time such as 2026-07-14T09:00+05:30, not "${String(value)}"`, { field })
  return ms
}
