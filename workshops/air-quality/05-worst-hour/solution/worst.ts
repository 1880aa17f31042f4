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
 * The AQI of every reading's hour, from that station's readings of the 24 hours ending with it
 * (the hour itself and the 23 before), each pollutant averaged with the 16-hour rule.
 */
export function hourlyAqi(readings: Reading[]): HourAqi[] {
  const byStation = new Map<string, Reading[]>()
  for (const r of readings) {
    const rows = byStation.get(r.stationId) ?? []
    rows.push(r)
    byStation.set(r.stationId, rows)
  }
  const out: HourAqi[] = []
  for (const [stationId, rows] of byStation) {
    const timed = rows.map((r) => ({ r, t: Date.parse(r.timestamp) })).sort((a, b) => a.t - b.t)
    let first = 0
    for (let i = 0; i < timed.length; i++) {
      const end = timed[i]!.t
      // Slide the start of the window: an hour 24 or more hours back is out (missing rows are simply absent).
      while (timed[first]!.t <= end - 24 * HOUR) first++
      const window = timed.slice(first, i + 1)
      const averages: Partial<Record<Pollutant, number | null>> = {}
      for (const p of DAILY_POLLUTANTS) averages[p] = dailyAverage(window.map(({ r }) => r.values[p]))
      const { aqi, dominant } = computeAqi(averages)
      out.push({ stationId, timestamp: timed[i]!.r.timestamp, aqi, dominant })
    }
  }
  return out
}

/** Worse first: the higher AQI, then the earlier hour, then the station id. */
function worseFirst(a: HourAqi, b: HourAqi): number {
  return (b.aqi ?? -1) - (a.aqi ?? -1) || Date.parse(a.timestamp) - Date.parse(b.timestamp) || a.stationId.localeCompare(b.stationId)
}

/** The station and hour with the highest AQI (the earliest when several tie), or null when no hour has an AQI. */
export function worstHour(readings: Reading[]): HourAqi | null {
  const hours = hourlyAqi(readings).filter((h) => h.aqi !== null)
  return hours.sort(worseFirst)[0] ?? null
}

/** Each station's worst hour, the worst station first. */
export function worstByStation(readings: Reading[]): HourAqi[] {
  const worst = new Map<string, HourAqi>()
  for (const h of hourlyAqi(readings)) {
    if (h.aqi === null) continue
    const current = worst.get(h.stationId)
    if (!current || worseFirst(h, current) < 0) worst.set(h.stationId, h)
  }
  return [...worst.values()].sort(worseFirst)
}

// Run with `node worst.ts` to rank the stations.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readings = parseReadings(readFileSync(new URL('../data/air-quality.csv', import.meta.url), 'utf8'))
  console.table(worstByStation(readings).map((h) => ({ ...h, dominant: h.dominant.join(', ') })))
}
