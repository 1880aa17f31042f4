import type { Station, StationAqi, ThaneClient } from '@thanekit/sdk'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'

/** A station by its id, its code (`AQ-01`) or a part of its name; ambiguity is an error listing the matches. */
export async function resolveStation(city: ThaneClient, ref: string): Promise<Station> {
  const all = await city.sensors.stations()
  const exact = all.find((s) => s.id === ref || String(s.properties?.station_code ?? '').toLowerCase() === ref.toLowerCase())
  if (exact) return exact
  const needle = ref.toLowerCase()
  const matches = all.filter((s) => s.name.toLowerCase().includes(needle))
  if (matches.length === 1 && matches[0]) return matches[0]
  if (matches.length === 0) throw new UserError(msg.sensors.noStation(ref))
  throw new UserError(msg.sensors.ambiguousStation(ref, matches.slice(0, 6).map((s) => `${s.id} ${s.name}`)))
}

/** `19.19,72.97` → a point; anything else is a one-line error naming the flag. */
export function parsePoint(value: string, flag: string): { lat: number; lon: number } {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value)
  const lat = Number(m?.[1])
  const lon = Number(m?.[2])
  if (!m || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new UserError(msg.sensors.badPoint(flag, value))
  return { lat, lon }
}

/** The AQI of every air-quality station (or of one), stations without enough data included with their reason. */
export async function aqiOfStations(city: ThaneClient, options: { station?: string | undefined; at?: string | undefined }): Promise<(StationAqi & { station: Station })[]> {
  const stations = options.station ? [await resolveStation(city, options.station)] : await city.sensors.stations({ kind: 'air-quality' })
  const out: (StationAqi & { station: Station })[] = []
  for (const station of stations) {
    out.push({ ...(await city.sensors.aqi(station.id, options.at ? { at: options.at } : {})), station })
  }
  return out
}
