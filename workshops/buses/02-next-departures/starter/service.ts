import type { Row } from './gtfs.ts'

/**
 * '25:10:00' → 90600 (hours × 3600 + minutes × 60 + seconds).
 * GTFS times count from the start of the service day and may pass 24:00:00: 25:10:00 is 01:10 the next morning.
 */
export function timeToSeconds(time: string): number {
  throw new Error('not written yet')
}

/** 90600 → '25:10:00': at least two digits in each part, as GTFS writes them. */
export function secondsToTime(seconds: number): string {
  throw new Error('not written yet')
}

/**
 * The date `days` after a 'YYYYMMDD' date (negative: before): addDays('20260801', -1) is '20260731'.
 * Tip: new Date(Date.UTC(year, month - 1, day + days)) rolls over months and years for you.
 */
export function addDays(date: string, days: number): string {
  throw new Error('not written yet')
}

/**
 * The service_ids that run on a date ('YYYYMMDD'):
 * 1. calendar.txt: a service runs when the column of the date's weekday ('monday' … 'sunday') is '1'
 *    and start_date ≤ date ≤ end_date;
 * 2. then calendar_dates.txt, rows of that date: exception_type '1' adds the service, '2' removes it.
 */
export function servicesOn(date: string, calendar: Row[], calendarDates: Row[]): Set<string> {
  throw new Error('not written yet')
}
