import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { ThaneError } from '../../../errors.js'

/** A GTFS table: one object per row, every value a string (empty when the cell is). */
export type Table = Record<string, string>[]

export interface Stop {
  id: string
  name: string
  lat: number
  lon: number
}

/** One stop of a trip, with times in seconds from the start of the service day (may pass 86 400). */
export interface TripStop {
  stopId: string
  sequence: number
  arrival: number
  departure: number
  /** Metres along the trip's path (its shape, or straight lines between its stops). */
  distance: number
}

/** A polyline with the cumulative distance (metres) at each point. */
export interface Path {
  lat: Float64Array
  lon: Float64Array
  dist: Float64Array
}

export interface Frequency {
  start: number
  end: number
  headway: number
  exactTimes: boolean
}

export interface Trip {
  id: string
  routeId: string
  serviceId: string
  directionId: number | undefined
  blockId: string | undefined
  headsign: string
  stops: TripStop[]
  path: Path
  frequencies: Frequency[]
}

export interface Route {
  id: string
  agencyId: string
  shortName: string
  longName: string
}

export interface Calendar {
  days: boolean[] // Sunday first, as Date.getUTCDay()
  start: string
  end: string
}

export interface GtfsFeed {
  folder: string
  /** The files of the folder (name → bytes), names sorted. */
  files: [string, Uint8Array][]
  timezone: string
  agencyId: string
  feedVersion: string | undefined
  /** Date the feed is published as (Last-Modified), derived from its content. */
  published: string
  stops: Map<string, Stop>
  routes: Map<string, Route>
  trips: Trip[]
  calendars: Map<string, Calendar>
  /** `service_id` → `date` → exception type (1 added, 2 removed). */
  exceptions: Map<string, Map<string, 1 | 2>>
}

/** `<dataDir>/transit/gtfs`. */
export function gtfsFolder(dataDir: string): string {
  return join(dataDir, 'transit', 'gtfs')
}

const cache = new Map<string, { stamp: string; feed: GtfsFeed }>()

/**
 * Reads the GTFS folder, checks what the simulation relies on and indexes it. Parsed once per
 * process while the files are unchanged (several sandboxes in one process share it).
 *
 * @throws ThaneError `E_DATA` naming the file, row and field for a feed the sandbox cannot serve.
 */
export function readGtfsFeed(dataDir: string): GtfsFeed {
  const folder = gtfsFolder(dataDir)
  const names = readdirSync(folder).filter((n) => n.endsWith('.txt') || n.endsWith('.geojson')).sort()
  const stamp = names.map((n) => {
    const s = statSync(join(folder, n))
    return `${n}:${s.size}:${s.mtimeMs}`
  }).join('|')
  const hit = cache.get(folder)
  if (hit && hit.stamp === stamp) return hit.feed
  const files = names.map((n) => [n, new Uint8Array(readFileSync(join(folder, n)))] as [string, Uint8Array])
  const feed = index(folder, files)
  cache.set(folder, { stamp, feed })
  return feed
}

function dataError(file: string, where: string, what: string): ThaneError {
  return new ThaneError('E_DATA', `${file}${where ? ` ${where}` : ''}: ${what}; fix the GTFS feed (datasets/generate) or pass another dataDir`)
}

const decoder = new TextDecoder()

function table(folder: string, files: Map<string, Uint8Array>, name: string, required: boolean): Table {
  const bytes = files.get(name)
  if (!bytes) {
    if (required) throw new ThaneError('E_DATA', `${join(folder, name)} is missing; a GTFS feed needs agency, stops, routes, trips and stop_times`)
    return []
  }
  try {
    return parse(decoder.decode(bytes), { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Table
  } catch (err) {
    throw dataError(join(folder, name), '', `is not valid CSV (${err instanceof Error ? err.message : String(err)})`)
  }
}

/** `HH:MM:SS` (or `H:MM:SS`) → seconds from the start of the service day; undefined when empty. */
export function parseGtfsTime(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const m = /^\s*(\d{1,3}):([0-5]\d):([0-5]\d)\s*$/.exec(text)
  if (!m) return Number.NaN
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

const R = 6_371_008.8
const rad = (d: number): number => (d * Math.PI) / 180

/** Great-circle distance in metres. */
export function metres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)))
}

function pathOf(points: { lat: number; lon: number }[]): Path {
  const n = points.length
  const path: Path = { lat: new Float64Array(n), lon: new Float64Array(n), dist: new Float64Array(n) }
  points.forEach((p, i) => {
    path.lat[i] = p.lat
    path.lon[i] = p.lon
    if (i > 0) path.dist[i] = (path.dist[i - 1] as number) + metres(points[i - 1]!.lat, points[i - 1]!.lon, p.lat, p.lon)
  })
  return path
}

function index(folder: string, list: [string, Uint8Array][]): GtfsFeed {
  const files = new Map(list)
  const at = (name: string) => join(folder, name)
  const num = (file: string, row: number, field: string, v: string | undefined): number => {
    const x = Number(v)
    if (v === undefined || v.trim() === '' || !Number.isFinite(x)) throw dataError(at(file), `row ${row + 2}`, `${field} must be a number; got ${JSON.stringify(v ?? '')}`)
    return x
  }

  const agencies = table(folder, files, 'agency.txt', true)
  const first = agencies[0]
  if (!first || !first.agency_timezone) throw dataError(at('agency.txt'), 'row 2', 'agency_timezone is required')
  const timezone = first.agency_timezone
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone })
  } catch {
    throw dataError(at('agency.txt'), 'row 2', `agency_timezone ${JSON.stringify(timezone)} is not an IANA time zone`)
  }
  const agencyId = first.agency_id ?? ''

  const stops = new Map<string, Stop>()
  table(folder, files, 'stops.txt', true).forEach((r, i) => {
    if (!r.stop_id) throw dataError(at('stops.txt'), `row ${i + 2}`, 'stop_id is required')
    if (r.stop_lat === undefined || r.stop_lat === '') return // generic nodes, boarding areas
    stops.set(r.stop_id, { id: r.stop_id, name: r.stop_name ?? '', lat: num('stops.txt', i, 'stop_lat', r.stop_lat), lon: num('stops.txt', i, 'stop_lon', r.stop_lon) })
  })

  const routes = new Map<string, Route>()
  for (const r of table(folder, files, 'routes.txt', true)) {
    routes.set(r.route_id ?? '', { id: r.route_id ?? '', agencyId: r.agency_id || agencyId, shortName: r.route_short_name ?? '', longName: r.route_long_name ?? '' })
  }

  // Shapes: points in sequence, with the producer's shape_dist_traveled kept to place stops.
  const shapeRows = new Map<string, { seq: number; lat: number; lon: number; sdt: number | undefined }[]>()
  table(folder, files, 'shapes.txt', false).forEach((r, i) => {
    const id = r.shape_id ?? ''
    let pts = shapeRows.get(id)
    if (!pts) shapeRows.set(id, (pts = []))
    const sdt = r.shape_dist_traveled === undefined || r.shape_dist_traveled === '' ? undefined : num('shapes.txt', i, 'shape_dist_traveled', r.shape_dist_traveled)
    pts.push({ seq: num('shapes.txt', i, 'shape_pt_sequence', r.shape_pt_sequence), lat: num('shapes.txt', i, 'shape_pt_lat', r.shape_pt_lat), lon: num('shapes.txt', i, 'shape_pt_lon', r.shape_pt_lon), sdt })
  })
  const shapes = new Map<string, { path: Path; sdt: (number | undefined)[] }>()
  for (const [id, pts] of shapeRows) {
    pts.sort((a, b) => a.seq - b.seq)
    shapes.set(id, { path: pathOf(pts), sdt: pts.map((p) => p.sdt) })
  }

  const stopTimes = new Map<string, { seq: number; stopId: string; arr: number | undefined; dep: number | undefined; sdt: number | undefined; row: number }[]>()
  table(folder, files, 'stop_times.txt', true).forEach((r, i) => {
    const id = r.trip_id ?? ''
    let list = stopTimes.get(id)
    if (!list) stopTimes.set(id, (list = []))
    const arr = parseGtfsTime(r.arrival_time)
    const dep = parseGtfsTime(r.departure_time)
    if (Number.isNaN(arr) || Number.isNaN(dep)) throw dataError(at('stop_times.txt'), `row ${i + 2}`, `arrival_time and departure_time must be HH:MM:SS; got ${JSON.stringify(r.arrival_time)}, ${JSON.stringify(r.departure_time)}`)
    const sdt = r.shape_dist_traveled === undefined || r.shape_dist_traveled === '' ? undefined : num('stop_times.txt', i, 'shape_dist_traveled', r.shape_dist_traveled)
    list.push({ seq: num('stop_times.txt', i, 'stop_sequence', r.stop_sequence), stopId: r.stop_id ?? '', arr: arr ?? dep, dep: dep ?? arr, sdt, row: i })
  })

  const frequencies = new Map<string, Frequency[]>()
  table(folder, files, 'frequencies.txt', false).forEach((r, i) => {
    const start = parseGtfsTime(r.start_time)
    const end = parseGtfsTime(r.end_time)
    const headway = num('frequencies.txt', i, 'headway_secs', r.headway_secs)
    if (start === undefined || end === undefined || Number.isNaN(start) || Number.isNaN(end) || headway <= 0) throw dataError(at('frequencies.txt'), `row ${i + 2}`, 'start_time, end_time must be HH:MM:SS and headway_secs positive')
    const id = r.trip_id ?? ''
    let list = frequencies.get(id)
    if (!list) frequencies.set(id, (list = []))
    list.push({ start, end, headway, exactTimes: r.exact_times === '1' })
  })

  const trips: Trip[] = []
  table(folder, files, 'trips.txt', true).forEach((r, i) => {
    const id = r.trip_id ?? ''
    const raw = (stopTimes.get(id) ?? []).sort((a, b) => a.seq - b.seq).filter((s) => stops.has(s.stopId))
    if (raw.length < 2) return // nothing to move along
    const where = `trip ${id}`
    if (raw[0]!.dep === undefined || raw[raw.length - 1]!.arr === undefined) throw dataError(at('stop_times.txt'), where, 'the first and last stops need times')
    const shape = r.shape_id ? shapes.get(r.shape_id) : undefined
    if (r.shape_id && !shape) throw dataError(at('trips.txt'), `row ${i + 2}`, `shape_id ${r.shape_id} is not in shapes.txt`)
    const path = shape && shape.path.lat.length >= 2 ? shape.path : pathOf(raw.map((s) => stops.get(s.stopId)!))
    const distances = shape && shape.path.lat.length >= 2 ? placeOnShape(raw, shape, stops) : [...path.dist]
    // Untimed stops (timepoint 0 without times) get times interpolated by distance.
    const times = raw.map((s) => ({ arr: s.arr, dep: s.dep }))
    for (let a = 0; a < raw.length; ) {
      let b = a + 1
      while (b < raw.length && times[b]!.arr === undefined) b++
      if (b >= raw.length) break
      for (let k = a + 1; k < b; k++) {
        const span = distances[b]! - distances[a]!
        const f = span > 0 ? (distances[k]! - distances[a]!) / span : (k - a) / (b - a)
        const t = Math.round(times[a]!.dep! + f * (times[b]!.arr! - times[a]!.dep!))
        times[k] = { arr: t, dep: t }
      }
      a = b
    }
    const tripStops: TripStop[] = raw.map((s, k) => ({ stopId: s.stopId, sequence: s.seq, arrival: times[k]!.arr!, departure: Math.max(times[k]!.dep!, times[k]!.arr!), distance: distances[k]! }))
    trips.push({
      id,
      routeId: r.route_id ?? '',
      serviceId: r.service_id ?? '',
      directionId: r.direction_id === '0' || r.direction_id === '1' ? Number(r.direction_id) : undefined,
      blockId: r.block_id || undefined,
      headsign: r.trip_headsign ?? '',
      stops: tripStops,
      path,
      frequencies: frequencies.get(id) ?? [],
    })
  })

  const calendars = new Map<string, Calendar>()
  for (const r of table(folder, files, 'calendar.txt', false)) {
    const d = (k: string) => r[k] === '1'
    calendars.set(r.service_id ?? '', { days: [d('sunday'), d('monday'), d('tuesday'), d('wednesday'), d('thursday'), d('friday'), d('saturday')], start: r.start_date ?? '', end: r.end_date ?? '' })
  }
  const exceptions = new Map<string, Map<string, 1 | 2>>()
  for (const r of table(folder, files, 'calendar_dates.txt', false)) {
    const id = r.service_id ?? ''
    let m = exceptions.get(id)
    if (!m) exceptions.set(id, (m = new Map()))
    m.set(r.date ?? '', r.exception_type === '2' ? 2 : 1)
  }

  const info = table(folder, files, 'feed_info.txt', false)[0]
  const feedVersion = info?.feed_version || undefined
  return { folder, files: list, timezone, agencyId, feedVersion, published: publishedDate(info, calendars, exceptions), stops, routes, trips, calendars, exceptions }
}

/**
 * The feed's own date, for Last-Modified: feed_version when it reads as a date (2026.05.20,
 * 2026-05-20, 20260520, with anything after), else feed_start_date, else the first service date,
 * else 2000-01-01. Never the time the process started, so restarts keep caches valid.
 */
function publishedDate(info: Record<string, string> | undefined, calendars: Map<string, Calendar>, exceptions: Map<string, Map<string, 1 | 2>>): string {
  const m = /^(\d{4})[-.]?(\d{2})[-.]?(\d{2})/.exec(info?.feed_version ?? '')
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31) return `${m[1]}${m[2]}${m[3]}`
  if (info?.feed_start_date && /^\d{8}$/.test(info.feed_start_date)) return info.feed_start_date
  const dates = [...[...calendars.values()].map((c) => c.start), ...[...exceptions.values()].flatMap((m) => [...m.keys()])].filter((d) => /^\d{8}$/.test(d)).sort()
  return dates[0] ?? '20000101'
}

/**
 * Metres along the shape of each stop: through shape_dist_traveled when both files carry it,
 * else by projecting the stop on the shape, never going back along it.
 */
function placeOnShape(
  raw: { stopId: string; sdt: number | undefined }[],
  shape: { path: Path; sdt: (number | undefined)[] },
  stops: Map<string, Stop>,
): number[] {
  const { path, sdt } = shape
  const n = path.lat.length
  if (raw.every((s) => s.sdt !== undefined) && sdt.every((d) => d !== undefined)) {
    const units = sdt as number[]
    return raw.map((s) => {
      const d = s.sdt!
      let i = 0
      while (i < n - 2 && units[i + 1]! < d) i++
      const span = units[i + 1]! - units[i]!
      const f = span > 0 ? Math.min(1, Math.max(0, (d - units[i]!) / span)) : 0
      return path.dist[i]! + f * (path.dist[i + 1]! - path.dist[i]!)
    })
  }
  let from = 0
  return raw.map((s) => {
    const stop = stops.get(s.stopId)!
    let best = { d: Infinity, at: path.dist[from]!, seg: from }
    for (let i = from; i < n - 1; i++) {
      const p = project(stop, path, i)
      if (p.d < best.d) best = { d: p.d, at: p.at, seg: i }
    }
    from = best.seg
    return best.at
  })
}

function project(p: { lat: number; lon: number }, path: Path, i: number): { d: number; at: number } {
  const k = Math.cos(rad(p.lat))
  const ax = path.lon[i]! * k
  const ay = path.lat[i]!
  const bx = path.lon[i + 1]! * k
  const by = path.lat[i + 1]!
  const px = p.lon * k
  const py = p.lat
  const dx = bx - ax
  const dy = by - ay
  const len2 = dx * dx + dy * dy
  const f = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0
  const qx = ax + f * dx
  const qy = ay + f * dy
  const d = Math.hypot(px - qx, py - qy)
  return { d, at: path.dist[i]! + f * (path.dist[i + 1]! - path.dist[i]!) }
}

/** Whether `<dataDir>/transit/gtfs` holds a feed (at least its required files). */
export function hasGtfsFeed(dataDir: string): boolean {
  const folder = gtfsFolder(dataDir)
  return ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'].every((n) => existsSync(join(folder, n)))
}
