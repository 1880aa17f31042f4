import { fileURLToPath } from 'node:url'

export type Pollutant = 'pm25' | 'pm10' | 'no2' | 'so2' | 'co' | 'o3' | 'nh3'

/** The index range of each AQI category: Good, Satisfactory, Moderately polluted, Poor, Very poor, Severe. */
export const INDEX_BANDS: [number, number][] = [[0, 50], [51, 100], [101, 200], [201, 300], [301, 400], [401, 500]]

/**
 * CPCB's concentration breakpoints, one [low, high] pair a category, in the order of INDEX_BANDS.
 * µg/m³, CO in mg/m³. The Severe band is closed as CPCB's calculator does (see the SDK's AQI.md).
 */
export const BREAKPOINTS: Record<Pollutant, [number, number][]> = {
  pm25: [[0, 30], [31, 60], [61, 90], [91, 120], [121, 250], [251, 380]],
  pm10: [[0, 50], [51, 100], [101, 250], [251, 350], [351, 430], [431, 510]],
  no2: [[0, 40], [41, 80], [81, 180], [181, 280], [281, 400], [401, 520]],
  so2: [[0, 40], [41, 80], [81, 380], [381, 800], [801, 1600], [1601, 2400]],
  co: [[0, 1.0], [1.1, 2.0], [2.1, 10], [10.1, 17], [17.1, 34], [34.1, 51]],
  o3: [[0, 50], [51, 100], [101, 168], [169, 208], [209, 748], [749, 1288]],
  nh3: [[0, 200], [201, 400], [401, 800], [801, 1200], [1201, 1800], [1801, 2400]],
}

/** Decimals a concentration is rounded to before the lookup: CO 1, the others 0. */
export const DECIMALS: Record<Pollutant, number> = { pm25: 0, pm10: 0, no2: 0, so2: 0, co: 1, o3: 0, nh3: 0 }

/** Half-up rounding; toPrecision() first so that 1.05 (stored as 1.04999…) rounds to 1.1. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(Number((value * factor).toPrecision(12))) / factor
}

/**
 * A pollutant's sub-index: round the concentration to the pollutant's step, find the band that
 * holds it, interpolate linearly in that band, round to a whole number; 500 above the top band.
 */
export function subIndex(pollutant: Pollutant, concentration: number): number {
  const c = roundTo(concentration, DECIMALS[pollutant])
  const bands = BREAKPOINTS[pollutant]
  const i = bands.findIndex(([, high]) => c <= high)
  if (i === -1) return 500
  const [bLo, bHi] = bands[i]!
  const [iLo, iHi] = INDEX_BANDS[i]!
  return Math.round(((iHi - iLo) / (bHi - bLo)) * (c - bLo) + iLo)
}

// Run with `node subindex.ts` to try a few values.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [p, c] of [['pm25', 31], ['pm25', 45], ['pm10', 80], ['co', 1.5]] as const) console.log(`${p} ${c} → ${subIndex(p, c)}`)
}
