import { InputError } from '../errors.js'
import { averagesFrom, computeAqi, toInstant } from './aqi.js'
import { allItems, entityUrl, items, type SensorsContext } from './collections.js'
import { sensorFilter as f, sensorQuery } from './query.js'
import type {
  Datastream,
  LatestReading,
  LatLon,
  Observation,
  ObservationsOptions,
  Pollutant,
  Station,
  StationAqi,
  StationAqiOptions,
  StationsOptions,
  Thing,
  TimedValue,
} from './types.js'
import { numeric } from './wire.js'

const EARTH_RADIUS_M = 6_371_008.8
const DAY = 24 * 3_600_000
/** Observations asked for per page by `observations()` unless told otherwise. */
export const DEFAULT_OBSERVATIONS_PAGE = 1000

/** Great-circle distance in metres (haversine on the mean Earth radius). */
export function haversineMetres(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The point of a GeoJSON Point, or of a Feature holding one. */
export function pointOf(geo: unknown): LatLon | undefined {
  if (typeof geo !== 'object' || geo === null) return undefined
  const g = geo as { type?: unknown; coordinates?: unknown; geometry?: unknown }
  if (g.type === 'Feature') return pointOf(g.geometry)
  if (g.type !== 'Point' || !Array.isArray(g.coordinates)) return undefined
  const [lon, lat] = g.coordinates as unknown[]
  return typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`${field} must be a non-empty string, not ${JSON.stringify(value)}`, { field })
  return value
}

function checkId(id: unknown, field: string): string {
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id)
  if (typeof id !== 'string' || id === '') throw new InputError(`${field} must be a non-empty id, not ${JSON.stringify(id)}`, { field })
  return id
}

/** Things (with their Locations) of a kind and ward, sorted by distance from `near` when given. */
export async function stations(ctx: SensorsContext, options: StationsOptions = {}): Promise<Station[]> {
  const kind = optionalText(options.kind, 'kind')
  const ward = optionalText(options.ward, 'ward')
  const near = options.near
  if (near !== undefined) {
    const bad = (v: unknown, limit: number) => typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > limit
    if (bad(near.lat, 90) || bad(near.lon, 180)) throw new InputError(`near needs finite lat (±90) and lon (±180) degrees, not ${JSON.stringify(near)}`, { field: 'near' })
    if (near.radiusMetres !== undefined && !(typeof near.radiusMetres === 'number' && near.radiusMetres >= 0)) {
      throw new InputError(`near.radiusMetres must be a number of metres of 0 or more, not ${String(near.radiusMetres)}`, { field: 'near.radiusMetres' })
    }
  }
  let query = sensorQuery().expand('Locations')
  if (kind !== undefined || ward !== undefined) {
    query = query.filter(f.and(kind !== undefined && f.eq('properties/kind', kind), ward !== undefined && f.eq('properties/ward', ward)))
  }
  const found: Station[] = []
  for await (const thing of items(ctx, 'Things', entityUrl(ctx, 'Things'), query.orderBy('id'))) {
    const station = toStation(thing)
    if (near !== undefined) {
      if (station.coordinates === undefined) continue
      station.distanceMetres = haversineMetres(near, station.coordinates)
      if (near.radiusMetres !== undefined && station.distanceMetres > near.radiusMetres) continue
    }
    found.push(station)
  }
  if (near !== undefined) found.sort((a, b) => a.distanceMetres! - b.distanceMetres!)
  return found
}

function toStation(thing: Thing): Station {
  const station: Station = { ...thing, coordinates: undefined }
  for (const location of thing.locations ?? []) {
    station.coordinates = pointOf(location.location)
    if (station.coordinates) break
  }
  const kind = text(thing.properties?.kind)
  const ward = text(thing.properties?.ward)
  if (kind !== undefined) station.kind = kind
  if (ward !== undefined) station.ward = ward
  return station
}

// Names servers give pollutants, reduced to letters and digits.
const POLLUTANT_NAMES: Record<string, Pollutant> = {
  pm25: 'pm25', pm2_5: 'pm25', particulatematter25: 'pm25', finepm: 'pm25',
  pm10: 'pm10', particulatematter10: 'pm10',
  no2: 'no2', nitrogendioxide: 'no2',
  so2: 'so2', sulphurdioxide: 'so2', sulfurdioxide: 'so2',
  co: 'co', carbonmonoxide: 'co',
  o3: 'o3', ozone: 'o3',
  nh3: 'nh3', ammonia: 'nh3',
  pb: 'pb', lead: 'pb',
}

function pollutantName(value: unknown): Pollutant | undefined {
  if (typeof value !== 'string') return undefined
  return POLLUTANT_NAMES[value.toLowerCase().replace(/[^a-z0-9]/g, '')]
}

/**
 * The pollutant a Datastream measures: its `properties.pollutant`, else its ObservedProperty's
 * name, else its own name (`PM2.5`, `Nitrogen dioxide`, ... are recognised).
 */
export function pollutantOf(datastream: Datastream): Pollutant | undefined {
  return pollutantName(datastream.properties?.pollutant) ?? pollutantName(datastream.observedProperty?.name) ?? pollutantName(datastream.name)
}

// CPCB's units are µg/m³ (mg/m³ for CO); a Datastream in the other of the two is converted.
function unitFactor(pollutant: Pollutant, datastream: Datastream): number {
  const symbol = (datastream.unitOfMeasurement.symbol ?? '').replace(/\s/g, '').toLowerCase()
  const micro = /^(µ|μ|u|mc)g\/m(3|³|\^3)$/.test(symbol)
  const milli = /^mg\/m(3|³|\^3)$/.test(symbol)
  if (pollutant === 'co') return micro ? 1 / 1000 : 1
  return milli ? 1000 : 1
}

function newest(observations: Observation[] | undefined): Observation | undefined {
  let best: Observation | undefined
  let bestTime = -Infinity
  for (const o of observations ?? []) {
    const slash = o.phenomenonTime.indexOf('/')
    const t = Date.parse(slash === -1 ? o.phenomenonTime : o.phenomenonTime.slice(slash + 1))
    if (best === undefined || t > bestTime) {
      best = o
      bestTime = t
    }
  }
  return best
}

/** The newest Observation of each Datastream of a Thing, in one request (paged over Datastreams). */
export async function latest(ctx: SensorsContext, stationId: string): Promise<LatestReading[]> {
  const id = checkId(stationId, 'stationId')
  const query = sensorQuery()
    .expand('ObservedProperty')
    .expand('Observations', (q) => q.orderBy('phenomenonTime', 'desc').top(1))
    .orderBy('id')
  const readings: LatestReading[] = []
  for await (const datastream of items(ctx, 'Datastreams', entityUrl(ctx, 'Things', id, 'Datastreams'), query)) {
    // Servers that ignore the nested options send more than one: the newest is picked here.
    const observation = newest(datastream.observations)
    readings.push({
      datastream,
      observedProperty: datastream.observedProperty,
      unit: datastream.unitOfMeasurement,
      pollutant: pollutantOf(datastream),
      observation,
      value: observation === undefined ? undefined : numeric(observation.result),
    })
  }
  return readings
}

function rangeQuery(from: number | undefined, to: number | undefined, lower: 'ge' | 'gt' = 'ge', upper: 'lt' | 'le' = 'lt') {
  let query = sensorQuery()
  if (from !== undefined || to !== undefined) {
    query = query.filter(f.and(from !== undefined && f[lower]('phenomenonTime', new Date(from)), to !== undefined && f[upper]('phenomenonTime', new Date(to))))
  }
  return query.orderBy('phenomenonTime', 'asc')
}

/** Observations of a Datastream in `[from, to)`, oldest first, pages fetched lazily. Options are checked at once. */
export function observations(ctx: SensorsContext, datastreamId: string, options: ObservationsOptions = {}): AsyncIterableIterator<Observation> {
  const id = checkId(datastreamId, 'datastreamId')
  const from = options.from === undefined ? undefined : toInstant(options.from, 'from')
  const to = options.to === undefined ? undefined : toInstant(options.to, 'to')
  const pageSize = options.pageSize ?? DEFAULT_OBSERVATIONS_PAGE
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new InputError(`pageSize must be a whole number of 1 or more, not ${String(options.pageSize)}`, { field: 'pageSize' })
  if (from !== undefined && to !== undefined && to < from) throw new InputError(`to (${new Date(to).toISOString()}) is before from (${new Date(from).toISOString()})`, { field: 'to' })
  return allItems(ctx, 'Observations', entityUrl(ctx, 'Datastreams', id, 'Observations'), rangeQuery(from, to), pageSize)
}

/** The CPCB National AQI of a station at `at` (default: its newest pollutant observation). */
export async function stationAqi(ctx: SensorsContext, stationId: string, options: StationAqiOptions = {}): Promise<StationAqi> {
  const id = checkId(stationId, 'stationId')
  const requested = options.at === undefined ? undefined : toInstant(options.at, 'at')
  // One Datastream a pollutant (the first by id when a station has two), with its newest reading for the default `at`.
  const readings = await latest(ctx, id)
  const streams = new Map<Pollutant, LatestReading>()
  for (const reading of readings) if (reading.pollutant && !streams.has(reading.pollutant)) streams.set(reading.pollutant, reading)

  let end = requested
  if (end === undefined) {
    const times = [...streams.values()].flatMap((r) => (r.observation ? [toInstantOrNaN(r.observation.phenomenonTime)] : [])).filter(Number.isFinite)
    end = times.length ? Math.max(...times) : undefined
  }
  const datastreams: Partial<Record<Pollutant, string>> = {}
  for (const [pollutant, reading] of streams) datastreams[pollutant] = reading.datastream.id
  if (end === undefined) {
    const reason = streams.size === 0 ? `insufficient data: station ${id} has no pollutant Datastreams` : `insufficient data: station ${id} has no pollutant observations`
    return { stationId: id, at: new Date().toISOString(), aqi: null, category: null, dominant: [], subIndices: [], reason, averages: {}, validHours: {}, insufficient: [], datastreams }
  }
  const at = end
  const series = await Promise.all(
    [...streams].map(async ([pollutant, reading]) => {
      const factor = unitFactor(pollutant, reading.datastream)
      const values: TimedValue[] = []
      const url = entityUrl(ctx, 'Datastreams', reading.datastream.id, 'Observations')
      for await (const o of allItems(ctx, 'Observations', url, rangeQuery(at - DAY, at, 'gt', 'le'), DEFAULT_OBSERVATIONS_PAGE)) {
        const v = numeric(o.result)
        values.push({ phenomenonTime: o.phenomenonTime, result: v === undefined ? o.result : v * factor })
      }
      return [pollutant, values] as const
    }),
  )
  const averaging = averagesFrom(Object.fromEntries(series), at)
  const result = computeAqi(averaging.averages)
  return { stationId: id, ...result, at: averaging.at, averages: averaging.averages, validHours: averaging.validHours, insufficient: averaging.insufficient, datastreams }
}

function toInstantOrNaN(time: string): number {
  const slash = time.indexOf('/')
  return Date.parse(slash === -1 ? time : time.slice(slash + 1))
}

