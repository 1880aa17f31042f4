import { fileURLToPath } from 'node:url'
import { DATA_DIR, readTable, type Row } from './gtfs.ts'

export interface Point {
  lat: number
  lon: number
}

export interface NearStop {
  stopId: string
  name: string
  /** Whole metres. */
  distanceMetres: number
}

/** The Earth's mean radius, in metres. */
export const EARTH_RADIUS_METRES = 6_371_000

/**
 * The great-circle distance between two points, in metres, by the haversine formula:
 *   h = sin²(Δlat / 2) + cos(lat1) · cos(lat2) · sin²(Δlon / 2)
 *   d = 2 · R · asin(√h)
 * Angles must be in radians for Math.sin and Math.cos (degrees × π / 180).
 */
export function haversineMetres(a: Point, b: Point): number {
  throw new Error('not written yet')
}

/**
 * The stops within `radiusMetres` of a point (a stop exactly at the radius counts), nearest first;
 * stops at the same distance by name.
 * - `stops` are the rows of stops.txt: stop_id, stop_name, stop_lat, stop_lon, location_type, … (all strings).
 * - Leave out stations (location_type 1): riders board at stops (location_type empty or 0).
 * - Round distanceMetres to whole metres, but compare and sort by the exact distance.
 */
export function stopsNear(stops: Row[], point: Point, radiusMetres: number): NearStop[] {
  throw new Error('not written yet')
}

// Run with `node near.ts` to list the stops within 500 m of Thane station's east side.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(stopsNear(readTable(DATA_DIR, 'stops.txt'), { lat: 19.1872, lon: 72.9781 }, 500))
}
