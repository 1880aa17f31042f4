import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { averagesFrom, computeAqi } from '../sensors/aqi.js'
import type { Pollutant } from '../sensors/types.js'
import { readFloodGauges, readingAt } from './apis/gtfs/floods.js'
import { hasGtfsFeed, readGtfsFeed, type Path } from './apis/gtfs/load.js'
import { readSensorsDataset, sensorsFolder } from './apis/sensorthings/load.js'
import { INTERNAL_REQUEST_HEADERS } from './chaos.js'
import { formatIst } from './clock.js'
import { CITY_PAGE_HTML } from './city-page/page.js'
import { replayShiftMs } from './replay.js'
import type { SandboxContext } from './types.js'

/** Where the city page polls for the city's state, and where it reads the outline once. */
export const CITY_NOW_PATH = '/city/now.json'
export const CITY_OUTLINE_PATH = '/city/outline.json'

/** What `GET /city/now.json` answers: the city at the sandbox clock, for the live page. */
export interface CityNow {
  clock: { mode: 'live' | 'fixed'; now: string }
  stations: { code: string; name: string; ward: string | null; lat: number; lon: number; aqi: number | null; category: string | null; color: string | null }[]
  gauges: { code: string; name: string; lat: number; lon: number; level: number | null; threshold: number; danger: number | null }[]
  buses: { id: string; routeId: string; label: string; lat: number; lon: number; bearing: number | null }[]
  grievances: { id: string; service: string; status: string; requested: string; address: string }[]
}

/** What `GET /city/outline.json` answers: bus paths and stops to draw Thane from, no map tiles needed. */
export interface CityOutline {
  bounds: { minLat: number; maxLat: number; minLon: number; maxLon: number }
  /** Each route path as [lon, lat] pairs, thinned to points about 150 m apart. */
  paths: [number, number][][]
  stops: { id: string; name: string; lat: number; lon: number }[]
}

/**
 * Does an Accept header ask for a web page rather than JSON? Only when it names `text/html` (or
 * `application/xhtml+xml`) at a weight at least that of `application/json`: a browser says so,
 * while curl's and fetch's `*∕*`, or no header at all, keep getting the JSON index.
 */
export function wantsHtml(accept: string | undefined): boolean {
  if (!accept) return false
  let html = 0
  let json = 0
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';')
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1')
    const weight = Number.isFinite(q) ? q : 0
    if (type.trim() === 'text/html' || type.trim() === 'application/xhtml+xml') html = Math.max(html, weight)
    if (type.trim() === 'application/json') json = Math.max(json, weight)
  }
  return html > 0 && html >= json
}

/** The live city page: self-contained HTML (inline CSS and JS, no request leaves the sandbox). */
export function cityPageHtml(): string {
  return CITY_PAGE_HTML
}

/**
 * Adds `/city/now.json` and `/city/outline.json`. The state is built from the same datasets the APIs
 * serve (replay shift included) and, for buses and grievances, from the APIs themselves through
 * `inject`, so the page shows exactly what a client of the standards would see.
 */
export function addCityPageRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  let air: ReturnType<typeof airQualityIndex> | undefined
  let floods: ReturnType<typeof readFloodGauges> | null = null
  let outline: CityOutline | undefined

  app.get(CITY_OUTLINE_PATH, async (_request, reply) => {
    outline ??= outlineOf(ctx.dataDir)
    return reply.header('cache-control', 'no-cache').send(outline)
  })

  app.get(CITY_NOW_PATH, async (_request, reply) => {
    const now = ctx.clock.now()
    air ??= airQualityIndex(ctx.dataDir)
    if (floods === null) floods = hasSensors(ctx.dataDir) ? readFloodGauges(ctx.dataDir) : undefined
    const state: CityNow = {
      clock: { mode: ctx.clock.mode, now: formatIst(now) },
      stations: air ? air.at(now.getTime() - replayShiftMs(new Date(air.end), ctx.clock)) : [],
      gauges: (floods?.gauges ?? []).map((g) => {
        const at = now.getTime() - (floods ? replayShiftMs(new Date(floods.end), ctx.clock) : 0)
        const i = readingAt(g, at)
        return { code: g.code, name: g.name, lat: g.lat, lon: g.lon, level: i < 0 ? null : g.levels[i]!, threshold: g.threshold, danger: g.danger ?? null }
      }),
      buses: await busesOf(app),
      grievances: await grievancesOf(app),
    }
    return reply.header('cache-control', 'no-store').send(state)
  })
}

function hasSensors(dataDir: string): boolean {
  const folder = sensorsFolder(dataDir)
  return existsSync(join(folder, 'catalogue.json')) && existsSync(join(folder, 'observations.csv.gz'))
}

const HOUR = 3_600_000

/**
 * The air-quality stations with each pollutant's readings, gathered once from the columnar
 * dataset; `at(ms)` gives every station's CPCB AQI at a historical instant.
 */
function airQualityIndex(dataDir: string) {
  if (!hasSensors(dataDir)) return undefined
  const dataset = readSensorsDataset(dataDir)
  if (dataset.end === undefined) return undefined
  const stations = dataset.things
    .filter((t) => t.properties?.kind === 'air-quality')
    .map((thing) => {
      const [lon = 0, lat = 0] = ((thing.location.location as { coordinates?: number[] }).coordinates ?? []) as number[]
      const streams = new Map<number, Pollutant>()
      for (const d of dataset.datastreams) {
        const pollutant = (d.properties as { pollutant?: unknown } | null)?.pollutant
        if (d.thingId === thing.id && typeof pollutant === 'string') streams.set(d.id, pollutant as Pollutant)
      }
      return { thing, lat, lon, streams, readings: new Map<Pollutant, { times: number[]; values: number[] }>() }
    })
  const byStream = new Map<number, { times: number[]; values: number[] }>()
  for (const s of stations) {
    for (const [id, pollutant] of s.streams) {
      const series = { times: [] as number[], values: [] as number[] }
      s.readings.set(pollutant, series)
      byStream.set(id, series)
    }
  }
  const obs = dataset.observations
  for (let i = 0; i < obs.length; i++) {
    const series = byStream.get(obs.datastream[i]!)
    if (series && !Number.isNaN(obs.value[i]!)) {
      series.times.push(obs.time[i]!)
      series.values.push(obs.value[i]!)
    }
  }
  for (const series of byStream.values()) sortSeries(series)
  return {
    end: dataset.end,
    at(ms: number): CityNow['stations'] {
      return stations.map((s) => {
        const window: Partial<Record<Pollutant, { phenomenonTime: number; result: number }[]>> = {}
        for (const [pollutant, series] of s.readings) window[pollutant] = slice(series, ms - 24 * HOUR, ms)
        const result = computeAqi(averagesFrom(window, ms).averages)
        const props = s.thing.properties ?? {}
        return {
          code: typeof props.station_code === 'string' ? props.station_code : String(s.thing.id),
          name: s.thing.location.name || s.thing.name,
          ward: typeof props.ward === 'string' ? props.ward : null,
          lat: s.lat,
          lon: s.lon,
          aqi: result.aqi,
          category: result.category?.name ?? null,
          color: result.category?.color ?? null,
        }
      })
    },
  }
}

function sortSeries(series: { times: number[]; values: number[] }): void {
  const order = series.times.map((_, i) => i).sort((a, b) => series.times[a]! - series.times[b]!)
  series.times = order.map((i) => series.times[i]!)
  series.values = order.map((i) => series.values[i]!)
}

// Readings with from < t <= to, found by binary search: a poll must not scan half a million rows.
function slice(series: { times: number[]; values: number[] }, from: number, to: number): { phenomenonTime: number; result: number }[] {
  const first = firstAfter(series.times, from)
  const end = firstAfter(series.times, to)
  const out: { phenomenonTime: number; result: number }[] = []
  for (let i = first; i < end; i++) out.push({ phenomenonTime: series.times[i]!, result: series.values[i]! })
  return out
}

// The first index whose time is later than `t` (the length when none is).
function firstAfter(times: number[], t: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (times[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

async function busesOf(app: FastifyInstance): Promise<CityNow['buses']> {
  const res = await app.inject({ method: 'GET', url: '/gtfs-rt/vehicle-positions?format=json', headers: INTERNAL_REQUEST_HEADERS })
  if (res.statusCode !== 200) return []
  const feed = res.json() as {
    entity?: { id: string; vehicle?: { trip?: { routeId?: string }; position?: { latitude: number; longitude: number; bearing?: number }; vehicle?: { id?: string; label?: string } } }[]
  }
  const out: CityNow['buses'] = []
  for (const e of feed.entity ?? []) {
    const v = e.vehicle
    if (!v?.position) continue
    out.push({
      id: v.vehicle?.id ?? e.id,
      routeId: v.trip?.routeId ?? '',
      label: v.vehicle?.label ?? '',
      lat: v.position.latitude,
      lon: v.position.longitude,
      bearing: v.position.bearing ?? null,
    })
  }
  return out
}

async function grievancesOf(app: FastifyInstance): Promise<CityNow['grievances']> {
  const res = await app.inject({ method: 'GET', url: '/open311/v2/requests.json', headers: INTERNAL_REQUEST_HEADERS })
  if (res.statusCode !== 200) return []
  const requests = res.json() as { service_request_id?: string; service_name?: string; status?: string; requested_datetime?: string; address?: string }[]
  return requests
    .filter((r) => r.service_request_id !== undefined)
    .sort((a, b) => Date.parse(b.requested_datetime ?? '') - Date.parse(a.requested_datetime ?? ''))
    .slice(0, 8)
    .map((r) => ({ id: r.service_request_id!, service: r.service_name ?? '', status: r.status ?? '', requested: r.requested_datetime ?? '', address: r.address ?? '' }))
}

/** The bus network as thinned paths and stops, with the bounds that hold them all. */
function outlineOf(dataDir: string): CityOutline {
  const empty: CityOutline = { bounds: { minLat: 19.15, maxLat: 19.3, minLon: 72.9, maxLon: 73.05 }, paths: [], stops: [] }
  if (!hasGtfsFeed(dataDir)) return empty
  const feed = readGtfsFeed(dataDir)
  const seen = new Set<Path>()
  const drawn = new Set<string>()
  const paths: [number, number][][] = []
  for (const trip of feed.trips) {
    if (seen.has(trip.path)) continue
    seen.add(trip.path)
    const points: [number, number][] = []
    let last = -Infinity
    const { lat, lon, dist } = trip.path
    for (let i = 0; i < lat.length; i++) {
      if (dist[i]! - last < 150 && i !== lat.length - 1) continue
      last = dist[i]!
      points.push([round(lon[i]!), round(lat[i]!)])
    }
    const key = JSON.stringify(points)
    if (points.length > 1 && !drawn.has(key)) paths.push(points)
    drawn.add(key)
  }
  const stops = [...feed.stops.values()].map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon }))
  if (stops.length === 0) return empty
  const lats = stops.map((s) => s.lat)
  const lons = stops.map((s) => s.lon)
  return { bounds: { minLat: Math.min(...lats), maxLat: Math.max(...lats), minLon: Math.min(...lons), maxLon: Math.max(...lons) }, paths, stops }
}

function round(n: number): number {
  return Math.round(n * 1e5) / 1e5
}
