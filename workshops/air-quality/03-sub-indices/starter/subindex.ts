import { fileURLToPath } from 'node:url'

export type Pollutant = 'pm25' | 'pm10' | 'no2' | 'so2' | 'co' | 'o3' | 'nh3'

/** The index range of each AQI category: Good, Satisfactory, Moderately polluted, Poor, Very poor, Severe. */
export const INDEX_BANDS: [number, number][] = [[0, 50], [51, 100], [101, 200], [201, 300], [301, 400], [401, 500]]

/**
 * CPCB's concentration breakpoints, one [low, high] pair a category, in the order of INDEX_BANDS.
 * µg/m³, CO in mg/m³. PM2.5 is done for you; copy the others from the table in README.md.
 */
export const BREAKPOINTS: Record<Pollutant, [number, number][]> = {
  pm25: [[0, 30], [31, 60], [61, 90], [91, 120], [121, 250], [251, 380]],
  pm10: [],
  no2: [],
  so2: [],
  co: [],
  o3: [],
  nh3: [],
}

/** Decimals a concentration is rounded to before the lookup: CO 1, the others 0. */
export const DECIMALS: Record<Pollutant, number> = { pm25: 0, pm10: 0, no2: 0, so2: 0, co: 1, o3: 0, nh3: 0 }

/** Half-up rounding; toPrecision() first so that 1.05 (stored as 1.04999…) rounds to 1.1. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(Number((value * factor).toPrecision(12))) / factor
}

/**
 * A pollutant's sub-index:
 * 1. round the concentration with roundTo(concentration, DECIMALS[pollutant]);
 * 2. find the first band whose high end is at or above it (none: return 500);
 * 3. interpolate: (iHi − iLo) / (bHi − bLo) × (c − bLo) + iLo, with [iLo, iHi] from INDEX_BANDS;
 * 4. round to a whole number with Math.round.
 */
export function subIndex(pollutant: Pollutant, concentration: number): number {
  throw new Error('not written yet')
}

// Run with `node subindex.ts` to try a few values.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [p, c] of [['pm25', 31], ['pm25', 45], ['pm10', 80], ['co', 1.5]] as const) console.log(`${p} ${c} → ${subIndex(p, c)}`)
}
