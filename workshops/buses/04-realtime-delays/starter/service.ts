import type { Row } from './gtfs.ts'

/** '25:10:00' → 90600. GTFS times count from the service day's noon minus 12 h, and may pass 24:00:00. */
export function timeToSeconds(time: string): number {
  const [h, m, s] = time.trim().split(':').map(Number)
  return h! * 3600 + m! * 60 + s!
}

/** 90600 → '25:10:00' (two digits at least in each part, as GTFS writes them). */
export function secondsToTime(seconds: number): string {
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`
}

/** The date `days` after a 'YYYYMMDD' date (negative: before). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)) + days))
  return d.toISOString().slice(0, 10).replaceAll('-', '')
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']

/**
 * The service_ids that run on a date: calendar.txt's weekday column between start_date and
 * end_date, then calendar_dates.txt's exceptions for that date (1 adds the service, 2 removes it).
 */
export function servicesOn(date: string, calendar: Row[], calendarDates: Row[]): Set<string> {
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))).getUTCDay()]!
  const running = new Set<string>()
  // YYYYMMDD strings compare in date order.
  for (const c of calendar) if (c[weekday] === '1' && c.start_date! <= date && date <= c.end_date!) running.add(c.service_id!)
  for (const x of calendarDates) {
    if (x.date !== date) continue
    if (x.exception_type === '1') running.add(x.service_id!)
    if (x.exception_type === '2') running.delete(x.service_id!)
  }
  return running
}
