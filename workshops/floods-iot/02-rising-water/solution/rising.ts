// Threshold crossings and rate of rise on a water-level series.
import { fileURLToPath } from 'node:url'
import { loadSeries, type LevelReading } from './series.ts'

export interface Crossing {
  time: string
  direction: 'up' | 'down'
  level: number
}

export interface Rate {
  time: string
  metresPerHour: number
}

const HOUR_MS = 3_600_000

/** Every time the level goes from below `threshold` to at or above it (`up`), or back (`down`). */
export function crossings(series: LevelReading[], threshold: number): Crossing[] {
  const found: Crossing[] = []
  for (let i = 1; i < series.length; i++) {
    const before = series[i - 1] as LevelReading
    const now = series[i] as LevelReading
    const wasAbove = before.level >= threshold
    const isAbove = now.level >= threshold
    if (wasAbove !== isAbove) found.push({ time: now.time, direction: isAbove ? 'up' : 'down', level: now.level })
  }
  return found
}

/**
 * The rise of each reading over the last `windowMinutes`, in metres per hour, compared with the
 * latest reading at least that old. Found by timestamp, not by row, so a gap in the data (a missed
 * uplink) does not turn a slow rise into a fast one. Readings with nothing that old are left out.
 */
export function rateOfRise(series: LevelReading[], windowMinutes: number): Rate[] {
  const rates: Rate[] = []
  const times = series.map((r) => Date.parse(r.time))
  let earlier = -1 // index of the latest reading at least windowMinutes before reading i
  for (let i = 0; i < series.length; i++) {
    const cutoff = (times[i] as number) - windowMinutes * 60_000
    while (earlier + 1 < i && (times[earlier + 1] as number) <= cutoff) earlier += 1
    if (earlier < 0 || (times[earlier] as number) > cutoff) continue
    const hours = ((times[i] as number) - (times[earlier] as number)) / HOUR_MS
    rates.push({ time: (series[i] as LevelReading).time, metresPerHour: ((series[i] as LevelReading).level - (series[earlier] as LevelReading).level) / hours })
  }
  return rates
}

/** The time of the first reading rising at `metresPerHour` or faster over `windowMinutes`, or undefined. */
export function firstFastRise(series: LevelReading[], windowMinutes: number, metresPerHour: number): string | undefined {
  return rateOfRise(series, windowMinutes).find((rate) => rate.metresPerHour >= metresPerHour)?.time
}

// `node rising.ts [file]`: the warning-level crossings and the first fast rise of a gauge series.
if (import.meta.main) {
  const series = loadSeries(process.argv[2] ?? fileURLToPath(new URL('../data/wagle-estate-nallah.csv', import.meta.url)))
  console.log('crossings of 2.2 m:', crossings(series, 2.2))
  console.log('first rise of 0.5 m/h or more over 30 min:', firstFastRise(series, 30, 0.5))
}
