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
  // TODO: refuse decimals that are not a whole number from 0 to 6 (RangeError), then round lat and lon.
  throw new Error('not written yet')
}

/** The fewest decimals that still keep a coordinate at least `metres` coarse: each place is 10 times finer than 111 km. */
export function decimalsForPrecision(metres: number): number {
  // TODO: one decimal place is 11 132 m, two are 1 113 m, three 111 m... Pick the most places that stay at least `metres` coarse.
  throw new Error('not written yet')
}

/** The centre of the grid cell (`cellDegrees` on each side) that holds the point. */
export function snapToGrid(point: Point, cellDegrees: number): Point {
  // TODO: which cell holds the point (Math.floor(lat / cellDegrees)), then the middle of that cell.
  throw new Error('not written yet')
}

/** The centroid of the ward nearest to the point (straight-line distance, exact enough across one city). */
export function nearestWardCentroid(point: Point, centroids: WardCentroid[]): WardCentroid {
  // TODO: the centroid with the smallest distance; a degree of longitude is cos(latitude) times a degree of latitude.
  throw new Error('not written yet')
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
