import { InputError, type LatLon, type ThaneClient } from '@thanekit/sdk'

/** The ward a point is in, and how it was found. */
export interface WardGuess {
  ward: string
  lat: number
  lon: number
  /** The sensor site whose ward was taken, and how far it is from the point. */
  nearest: { name: string; distanceMetres: number }
  /** The bus stop the place name was found as, when a place was given. */
  place?: { name: string; nameMr?: string }
}

/** How far the nearest sensor site may be for its ward to count. */
const MAX_DISTANCE_METRES = 3000

/**
 * The ward of a point: that of the nearest sensor site (every SensorThings Thing of the city carries
 * `properties.ward`). For a city with ward boundaries, replace this with a point-in-polygon lookup.
 * `undefined` when no site is within 3 km (the point is probably outside the city).
 */
export async function wardAt(city: ThaneClient, point: LatLon): Promise<WardGuess | undefined> {
  const sites = await city.sensors.stations({ near: { ...point, radiusMetres: MAX_DISTANCE_METRES } })
  const site = sites.find((s) => s.ward)
  if (!site) return undefined
  return { ward: site.ward!, lat: point.lat, lon: point.lon, nearest: { name: site.name, distanceMetres: Math.round(site.distanceMetres!) } }
}

/** The ward of a place name, found as a bus stop (English or Marathi name, or stop code). */
export async function wardOfPlace(city: ThaneClient, place: string): Promise<WardGuess | undefined> {
  const [stop] = await city.transit.stops.search(place)
  if (!stop) throw new InputError(`no place called "${place}" is known; give lat and lon instead`, { field: 'place' })
  const guess = await wardAt(city, { lat: stop.lat, lon: stop.lon })
  return guess && { ...guess, place: { name: stop.name, ...(stop.nameMr ? { nameMr: stop.nameMr } : {}) } }
}
