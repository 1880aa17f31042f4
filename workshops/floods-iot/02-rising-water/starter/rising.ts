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

/** Every time the level goes from below `threshold` to at or above it (`up`), or back (`down`). */
export function crossings(series: LevelReading[], threshold: number): Crossing[] {
  // TODO: compare each reading with the one before it.
  throw new Error('not written yet')
}

/**
 * The rise of each reading over the last `windowMinutes`, in metres per hour, compared with the
 * latest reading at least that old. Readings with nothing that old are left out.
 */
export function rateOfRise(series: LevelReading[], windowMinutes: number): Rate[] {
  // TODO: find the earlier reading by its time (Date.parse), not by counting rows back:
  //       the data may have gaps.
  throw new Error('not written yet')
}

/** The time of the first reading rising at `metresPerHour` or faster over `windowMinutes`, or undefined. */
export function firstFastRise(series: LevelReading[], windowMinutes: number, metresPerHour: number): string | undefined {
  throw new Error('not written yet')
}

// `node rising.ts [file]`: the warning-level crossings and the first fast rise of a gauge series.
if (import.meta.main) {
  const series = loadSeries(process.argv[2] ?? fileURLToPath(new URL('../data/wagle-estate-nallah.csv', import.meta.url)))
  console.log('crossings of 2.2 m:', crossings(series, 2.2))
  console.log('first rise of 0.5 m/h or more over 30 min:', firstFastRise(series, 30, 0.5))
}
