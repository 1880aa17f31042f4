import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { computeAqi } from './aqi.ts'
import { dailyAverage } from './averages.ts'
import { parseReadings, type Pollutant, type Reading } from './readings.ts'

/** The pollutants CPCB averages over 24 hours. CO and O3 take 8-hour averages and are left out here. */
export const DAILY_POLLUTANTS: Pollutant[] = ['pm25', 'pm10', 'no2', 'so2', 'nh3']

const HOUR = 3_600_000

export interface HourAqi {
  stationId: string
  timestamp: string
  aqi: number | null
  dominant: Pollutant[]
}

/**
 * The AQI of every reading's hour, one result a reading.
 * For a reading of station S at time t, take S's readings with a time in (t − 24 h, t]: the hour
 * itself and the 23 before it (compare Date.parse() of the timestamps). For each pollutant of
 * DAILY_POLLUTANTS, average its values there with dailyAverage() (the 16-hour rule). Then
 * computeAqi() those averages, and keep its aqi and dominant.
 */
export function hourlyAqi(readings: Reading[]): HourAqi[] {
  throw new Error('not written yet')
}

/** The station and hour with the highest AQI (the earliest hour when several tie), or null when no hour has an AQI. */
export function worstHour(readings: Reading[]): HourAqi | null {
  throw new Error('not written yet')
}

/** Each station's worst hour (its earliest when several tie), the worst station first (ties: by station id). */
export function worstByStation(readings: Reading[]): HourAqi[] {
  throw new Error('not written yet')
}

// Run with `node worst.ts` to rank the stations.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readings = parseReadings(readFileSync(new URL('../data/air-quality.csv', import.meta.url), 'utf8'))
  console.table(worstByStation(readings).map((h) => ({ ...h, dominant: h.dominant.join(', ') })))
}
