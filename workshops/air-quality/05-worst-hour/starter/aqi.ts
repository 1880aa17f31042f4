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

/** The category name of an AQI or sub-index. */
export function category(index: number): string {
  return (CATEGORIES.find((c) => index <= c.upTo) ?? CATEGORIES[CATEGORIES.length - 1]!).name
}

/**
 * The National AQI from averaged concentrations. A pollutant that is missing or null has no data.
 * An AQI needs at least 3 pollutants with data, one of them PM2.5 or PM10.
 */
export function computeAqi(averages: Partial<Record<Pollutant, number | null>>): AqiResult {
  const subIndices: Partial<Record<Pollutant, number>> = {}
  for (const pollutant of POLLUTANTS) {
    const value = averages[pollutant]
    if (typeof value === 'number') subIndices[pollutant] = subIndex(pollutant, value)
  }
  const have = POLLUTANTS.filter((p) => subIndices[p] !== undefined)
  if (have.length < 3 || !(have.includes('pm25') || have.includes('pm10'))) {
    return { aqi: null, category: null, dominant: [], subIndices }
  }
  const aqi = Math.max(...have.map((p) => subIndices[p]!))
  return { aqi, category: category(aqi), dominant: have.filter((p) => subIndices[p] === aqi), subIndices }
}

// Run with `node aqi.ts` to try an example.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(computeAqi({ pm25: 45, pm10: 80, no2: 30 }))
}
