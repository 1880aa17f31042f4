import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseReadings, type Pollutant, type Reading } from './readings.ts'

/** CPCB: a 24-hour average needs at least 16 hourly values. */
export const MIN_HOURS = 16

/**
 * The 24-hour average of a day's hourly values: the mean of the values that are there (null is
 * "no data", not zero), or null when fewer than MIN_HOURS values are there.
 */
export function dailyAverage(hourly: (number | null)[]): number | null {
  const present = hourly.filter((v): v is number => v !== null)
  if (present.length < MIN_HOURS) return null
  return present.reduce((sum, v) => sum + v, 0) / present.length
}

export interface DailyAverage {
  /** The local (IST) date, YYYY-MM-DD. */
  date: string
  /** How many hours of that day have a value. */
  hours: number
  average: number | null
}

/** One station's 24-hour averages of one pollutant, one a calendar day, oldest first. */
export function dailyAverages(readings: Reading[], stationId: string, pollutant: Pollutant): DailyAverage[] {
  const byDate = new Map<string, (number | null)[]>()
  for (const r of readings) {
    if (r.stationId !== stationId) continue
    // The timestamp is local time with its offset, so its first 10 characters are the local date.
    const date = r.timestamp.slice(0, 10)
    const day = byDate.get(date) ?? []
    day.push(r.values[pollutant])
    byDate.set(date, day)
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, values]) => ({ date, hours: values.filter((v) => v !== null).length, average: dailyAverage(values) }))
}

// Run with `node averages.ts` to see a station's daily PM2.5.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readings = parseReadings(readFileSync(new URL('../data/air-quality.csv', import.meta.url), 'utf8'))
  const rows = dailyAverages(readings, 'TMC-AQ-04', 'pm25')
  console.table(rows.map((d) => ({ ...d, average: d.average === null ? 'not enough data' : d.average.toFixed(1) })))
}
