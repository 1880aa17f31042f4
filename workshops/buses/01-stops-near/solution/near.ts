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

/** The great-circle distance between two points, in metres (the haversine formula). */
export function haversineMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  // min() guards against h rounding to a hair above 1 for points on opposite sides of the Earth.
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The stops within `radiusMetres` of a point, nearest first (equal distances: by name). Stations
 * (location_type 1) are left out: a rider boards at a stop.
 */
export function stopsNear(stops: Row[], point: Point, radiusMetres: number): NearStop[] {
  const near: (NearStop & { exact: number })[] = []
  for (const stop of stops) {
    if (stop.location_type !== undefined && stop.location_type !== '' && stop.location_type !== '0') continue
    const exact = haversineMetres(point, { lat: Number(stop.stop_lat), lon: Number(stop.stop_lon) })
    if (exact <= radiusMetres) near.push({ stopId: stop.stop_id!, name: stop.stop_name!, distanceMetres: Math.round(exact), exact })
  }
  return near.sort((a, b) => a.exact - b.exact || a.name.localeCompare(b.name)).map(({ exact: _, ...stop }) => stop)
}

// Run with `node near.ts` to list the stops within 500 m of Thane station's east side.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(stopsNear(readTable(DATA_DIR, 'stops.txt'), { lat: 19.1872, lon: 72.9781 }, 500))
}
