// Coarsens locations before publishing: round, snap to a grid, or replace by the ward's centroid.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface Point {
  lat: number
  lon: number
}

export interface WardCentroid extends Point {
  ward: string
}

/** Metres in one degree of latitude (and of longitude at the equator). */
export const METRES_PER_DEGREE = 111_320

/** The point rounded to `decimals` decimal places (0 to 6). */
export function roundPoint(point: Point, decimals: number): Point {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`decimals must be a whole number from 0 to 6, not ${decimals}`)
  const factor = 10 ** decimals
  // Math.round rounds -0.5 up to 0; rounding the size and putting the sign back rounds halves away from zero on both sides.
  const round = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * factor)) / factor
  return { lat: round(point.lat), lon: round(point.lon) }
}

/** The fewest decimals that still keep a coordinate at least `metres` coarse: each place is 10 times finer than 111 km. */
export function decimalsForPrecision(metres: number): number {
  if (!(metres > 0)) throw new RangeError(`metres must be a positive number, not ${metres}`)
  let decimals = 0
  while (decimals < 6 && METRES_PER_DEGREE / 10 ** (decimals + 1) >= metres) decimals += 1
  return decimals
}

/** The centre of the grid cell (`cellDegrees` on each side) that holds the point. */
export function snapToGrid(point: Point, cellDegrees: number): Point {
  if (!(cellDegrees > 0)) throw new RangeError(`cellDegrees must be a positive number, not ${cellDegrees}`)
  // Math.floor, not Math.trunc: -0.3 belongs to the cell from -1 to 0, on the same side as every other cell.
  const centre = (x: number) => Number(((Math.floor(x / cellDegrees) + 0.5) * cellDegrees).toFixed(9))
  return { lat: centre(point.lat), lon: centre(point.lon) }
}

/** The centroid of the ward nearest to the point (straight-line distance, exact enough across one city). */
export function nearestWardCentroid(point: Point, centroids: WardCentroid[]): WardCentroid {
  const metresPerDegreeLon = METRES_PER_DEGREE * Math.cos((point.lat * Math.PI) / 180)
  let best: WardCentroid | undefined
  let bestSquare = Infinity
  for (const centroid of centroids) {
    const dy = (centroid.lat - point.lat) * METRES_PER_DEGREE
    const dx = (centroid.lon - point.lon) * metresPerDegreeLon
    const square = dx * dx + dy * dy
    if (square < bestSquare) {
      best = centroid
      bestSquare = square
    }
  }
  if (!best) throw new Error('no ward centroids given')
  return best
}

/** Reads `ward,lat,lon` lines. */
export function loadCentroids(path: string): WardCentroid[] {
  const [, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/)
  return lines.map((line) => {
    const [ward = '', lat = '', lon = ''] = line.split(',')
    return { ward, lat: Number(lat), lon: Number(lon) }
  })
}

// `node coarsen.ts`: one grievance's location, coarsened three ways.
if (import.meta.main) {
  const point = { lat: 19.197449, lon: 72.969966 }
  const centroids = loadCentroids(fileURLToPath(new URL('../data/ward-centroids.csv', import.meta.url)))
  console.log('as filed:         ', point)
  console.log('rounded to ~1 km: ', roundPoint(point, decimalsForPrecision(1000)))
  console.log('0.01° grid cell:  ', snapToGrid(point, 0.01))
  console.log('ward centroid:    ', nearestWardCentroid(point, centroids))
}
