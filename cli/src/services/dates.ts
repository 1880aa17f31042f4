import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'

/**
 * How a day alone (`2026-07-01`, taken in Thane's time, +05:30) is read: the first second of the
 * day, its last second (an inclusive end, as Open311's end_date), or the next midnight (an
 * exclusive end, as a SensorThings `lt` bound).
 */
export type DayEdge = 'start' | 'end-inclusive' | 'end-exclusive'

/** A day or an ISO 8601 date-time with its zone, as an ISO string; anything else is a one-line error naming the flag. */
export function parseWhen(value: string, flag: string, edge: DayEdge): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00+05:30`)
    if (!Number.isNaN(start) && new Date(start + 330 * 60_000).toISOString().startsWith(value)) {
      if (edge === 'start') return `${value}T00:00:00+05:30`
      if (edge === 'end-inclusive') return `${value}T23:59:59+05:30`
      return istIso(start + 24 * 3600_000)
    }
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return value
  }
  throw new UserError(msg.errors.badDate(flag, value))
}

/** An instant as ISO 8601 in Thane's zone: `2026-07-14T09:00:00+05:30`. */
export function istIso(ms: number): string {
  return new Date(ms + 330 * 60_000).toISOString().replace(/\.\d{3}Z$/, '+05:30')
}

/** A compact local time for tables: `2026-07-14 09:00` (Thane time), or '' when there is none. */
export function cityTime(iso: string | undefined): string {
  if (!iso) return ''
  const ms = Date.parse(iso.includes('/') ? (iso.split('/')[1] ?? iso) : iso)
  return Number.isNaN(ms) ? iso : istIso(ms).slice(0, 16).replace('T', ' ')
}
