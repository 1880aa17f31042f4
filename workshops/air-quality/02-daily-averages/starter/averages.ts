import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseReadings, type Pollutant, type Reading } from './readings.ts'

/** CPCB: a 24-hour average needs at least 16 hourly values. */
export const MIN_HOURS = 16

/**
 * The 24-hour average of a day's hourly values.
 * - null in the list means "no data that hour": leave it out (it is not a zero).
 * - With fewer than MIN_HOURS values, there is no valid average: return null.
 * - Otherwise return the mean of the values that are there.
 */
export function dailyAverage(hourly: (number | null)[]): number | null {
  throw new Error('not written yet')
}

export interface DailyAverage {
  /** The local (IST) date, YYYY-MM-DD. */
  date: string
  /** How many hours of that day have a value. */
  hours: number
  average: number | null
}

/**
 * One station's 24-hour averages of one pollutant, one a calendar day, oldest first.
 * Group the station's readings by date (the first 10 characters of the timestamp), then use
 * dailyAverage() on each day's values.
 */
export function dailyAverages(readings: Reading[], stationId: string, pollutant: Pollutant): DailyAverage[] {
  throw new Error('not written yet')
}

// Run with `node averages.ts` to see a station's daily PM2.5.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readings = parseReadings(readFileSync(new URL('../data/air-quality.csv', import.meta.url), 'utf8'))
  const rows = dailyAverages(readings, 'TMC-AQ-04', 'pm25')
  console.table(rows.map((d) => ({ ...d, average: d.average === null ? 'not enough data' : d.average.toFixed(1) })))
}
