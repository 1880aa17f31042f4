import { fileURLToPath } from 'node:url'
import { subIndex, type Pollutant } from './subindex.ts'

/** The pollutants in the order CPCB lists them; dominant pollutants are listed in this order. */
export const POLLUTANTS: Pollutant[] = ['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3']

/** The six categories with the highest AQI each one holds. */
export const CATEGORIES: { name: string; upTo: number }[] = [
  { name: 'Good', upTo: 50 },
  { name: 'Satisfactory', upTo: 100 },
  { name: 'Moderately polluted', upTo: 200 },
  { name: 'Poor', upTo: 300 },
  { name: 'Very poor', upTo: 400 },
  { name: 'Severe', upTo: 500 },
]

export interface AqiResult {
  /** The largest sub-index, or null when there are not enough pollutants. */
  aqi: number | null
  category: string | null
  /** The pollutant(s) whose sub-index equals the AQI. */
  dominant: Pollutant[]
  /** The sub-index of every pollutant that has a value. */
  subIndices: Partial<Record<Pollutant, number>>
}

/** The category name of an AQI or sub-index: the first category whose upTo is at or above it. */
export function category(index: number): string {
  throw new Error('not written yet')
}

/**
 * The National AQI from averaged concentrations, e.g. computeAqi({ pm25: 45, pm10: 80, no2: 30 }).
 * 1. For each pollutant in POLLUTANTS that has a number (missing or null = no data), its subIndex().
 * 2. Fewer than 3 sub-indices, or neither PM2.5 nor PM10 among them: aqi and category are null,
 *    dominant is [], and subIndices still holds what was computed.
 * 3. Otherwise the AQI is the largest sub-index, its category from category(), and dominant lists
 *    every pollutant whose sub-index equals the AQI, in the order of POLLUTANTS.
 */
export function computeAqi(averages: Partial<Record<Pollutant, number | null>>): AqiResult {
  throw new Error('not written yet')
}

// Run with `node aqi.ts` to try an example.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(computeAqi({ pm25: 45, pm10: 80, no2: 30 }))
}
