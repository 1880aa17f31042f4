/**
 * The synthetic Thane Municipal Transport (TMT) GTFS feed.
 *
 * Writes datasets/transit/gtfs/*.txt and datasets/transit/datapackage.json from the network in
 * transit-network.ts and seed 1989. Deterministic: no clock, no Math.random, stable ordering.
 *
 * How the timetable is made: each route draws (from its own stream `1989/route/<id>`) a peak
 * headway of 9-11 min and an off-peak headway of 16-29 min, a first departure 05:30-05:45 and a last
 * one 23:00-23:30; each departure's headway is jittered by a minute either way. Running times come
 * from the shape's kilometres at a speed that depends on the service and the hour (13 km/h in the
 * weekday peaks, 19 by day, 24 at night), with 20 s dwell at intermediate stops. Routes 61 and 33
 * run on frequencies.txt instead (one template trip per direction and service); route N1 runs
 * only late at night, its last bus leaving Thane Station at 25:10:00.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toCsv, type CsvValue } from './csv.ts'
import { Random } from './random.ts'
import { distanceKm, insideThane } from './thane.ts'
import { ROUTES, STOPS, type RouteSpec, type StopSpec } from './transit-network.ts'
import { TABLES, columnsOf, transitPackage, type FileFacts } from './transit-package.ts'

export const SEED = 1989
export const TRANSIT_DIR = fileURLToPath(new URL('../transit/', import.meta.url))
export const GENERATOR = 'datasets/generate/transit.ts'
/** The service period, both days included. */
export const START_DATE = '20260601'
export const END_DATE = '20261231'
export const FEED_VERSION = '2026.06-synthetic.1'
/** Files generated at build time rather than committed (the folder would pass ~3 MB with it). */
export const BUILT_FILES = ['stop_times.txt'] as const

export const SERVICES = ['WEEKDAY', 'SATURDAY', 'SUNDAY'] as const
export type Service = (typeof SERVICES)[number]
const SERVICE_CODE: Record<Service, string> = { WEEKDAY: 'WD', SATURDAY: 'SA', SUNDAY: 'SU' }

/** Public holidays in the period and what they do: the usual service removed, Sunday's added. */
export const HOLIDAYS: readonly { date: string; name: string; removed: Service | null }[] = [
  { date: '20260815', name: 'Independence Day (Saturday)', removed: 'SATURDAY' },
  { date: '20260914', name: 'Ganesh Chaturthi (Monday)', removed: 'WEEKDAY' },
  { date: '20261002', name: 'Gandhi Jayanti (Friday)', removed: 'WEEKDAY' },
  // Lakshmi Pujan, 2026-11-08, is a Sunday: the Sunday service already runs, no exception.
  { date: '20261110', name: 'Diwali Balipratipada (Tuesday)', removed: 'WEEKDAY' },
  { date: '20261225', name: 'Christmas (Friday)', removed: 'WEEKDAY' },
]

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
/** Seconds from the service day start to `H:MM:SS` with two-digit hours (which may pass 24). */
export const gtfsTime = (secs: number): string => `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`
const hm = (h: number, m: number): number => h * 3600 + m * 60
const km = (x: number): string => x.toFixed(3)

/** Weekday of a YYYYMMDD date, 0 = Sunday. */
export const weekdayOf = (date: string): number =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))).getUTCDay()

// ---------------------------------------------------------------------------------------------
// stops, zones

const STOP = new Map(STOPS.map((x) => [x.id, x]))
const stopOf = (id: string): StopSpec => {
  const x = STOP.get(id)
  if (!x) throw new Error(`bug: unknown stop ${id}`)
  return x
}
const ORIGIN = stopOf('thane-station-w')

/** Fare zone by straight-line distance from Thane Station (W). */
export function zoneOf(x: StopSpec): string {
  const d = distanceKm(ORIGIN.lat, ORIGIN.lon, x.lat, x.lon)
  return d < 2.5 ? 'Z1' : d < 5 ? 'Z2' : d < 8 ? 'Z3' : d < 11 ? 'Z4' : 'Z5'
}
export const ZONES = ['Z1', 'Z2', 'Z3', 'Z4', 'Z5'] as const
export const FARES = [
  { id: 'F10', price: 10 },
  { id: 'F15', price: 15 },
  { id: 'F20', price: 20 },
  { id: 'F25', price: 25 },
  { id: 'F30', price: 30 },
] as const

// ---------------------------------------------------------------------------------------------
// shapes

interface ShapePoint {
  lat: number
  lon: number
  dist: number
}
interface Shape {
  id: string
  points: ShapePoint[]
  /** The km along the shape of each stop of the trip, in trip order. */
  stopDist: number[]
}

/** Direction 0's polyline: every stop, and two slightly bent points between each pair of stops. */
function buildShapes(route: RouteSpec, rng: Random): [Shape, Shape] {
  const pts: { lat: number; lon: number; stopIndex?: number }[] = []
  route.stops.forEach((id, i) => {
    const st = stopOf(id)
    if (i > 0) {
      const prev = stopOf(route.stops[i - 1] as string)
      const dLat = st.lat - prev.lat
      const dLon = st.lon - prev.lon
      for (const f of [1 / 3, 2 / 3]) {
        // a small sideways bend (up to ~35 m), as roads are never straight
        const bend = rng.float(-0.12, 0.12)
        let lat = prev.lat + dLat * f - dLon * bend
        let lon = prev.lon + dLon * f + dLat * bend
        if (!insideThane(lat, lon)) {
          lat = prev.lat + dLat * f
          lon = prev.lon + dLon * f
        }
        pts.push({ lat: Number(lat.toFixed(5)), lon: Number(lon.toFixed(5)) })
      }
    }
    pts.push({ lat: st.lat, lon: st.lon, stopIndex: i })
  })
  const make = (id: string, list: typeof pts): Shape => {
    const points: ShapePoint[] = []
    const stopDist: number[] = []
    let d = 0
    list.forEach((p, i) => {
      if (i > 0) {
        const q = list[i - 1] as (typeof pts)[number]
        const step = distanceKm(q.lat, q.lon, p.lat, p.lon)
        if (step < 0.002) throw new Error(`bug: shape ${id} has points ${i - 1} and ${i} closer than 2 m`)
        d += step
      }
      const dist = Number(d.toFixed(3))
      points.push({ lat: p.lat, lon: p.lon, dist })
      if (p.stopIndex !== undefined) stopDist.push(dist)
    })
    return { id, points, stopDist }
  }
  return [make(`${route.id}-0`, pts), make(`${route.id}-1`, pts.slice().reverse())]
}

// ---------------------------------------------------------------------------------------------
// timetable

interface Trip {
  routeId: string
  service: Service
  tripId: string
  headsign: string
  direction: 0 | 1
  shape: Shape
  stops: readonly string[]
  /** arrival and departure at each stop, seconds from the service day start. */
  times: [number, number][]
}

/** Bus speed in km/h for a service at a time of day (seconds, may pass 24 h). */
function speedKmh(service: Service, secs: number): number {
  const h = (secs / 3600) % 24
  const night = h < 6 || h >= 22
  if (night) return 24
  if (service === 'WEEKDAY' && ((h >= 8 && h < 11) || (h >= 17.5 && h < 21))) return 13
  if (service === 'SATURDAY' && ((h >= 10 && h < 12.5) || (h >= 17.5 && h < 21))) return 16
  return service === 'SUNDAY' ? 20 : 19
}

/** Arrival/departure times from a first departure: running time per segment from its km and the speed then. */
function runTimes(service: Service, shape: Shape, start: number, factor: number): [number, number][] {
  const out: [number, number][] = []
  let t = start
  const n = shape.stopDist.length
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      const segKm = (shape.stopDist[i] as number) - (shape.stopDist[i - 1] as number)
      t += Math.max(30, Math.round(((segKm / speedKmh(service, t)) * 3600 * factor) / 10) * 10)
    }
    const dwell = i === 0 || i === n - 1 ? 0 : 20
    out.push([t, t + dwell])
    t += dwell
  }
  return out
}

/** Is this second of the day in the peak of a service? */
function isPeak(service: Service, secs: number): boolean {
  const h = secs / 3600
  if (service === 'WEEKDAY') return (h >= 7.5 && h < 11) || (h >= 17 && h < 21)
  if (service === 'SATURDAY') return (h >= 9 && h < 12) || (h >= 17 && h < 21)
  return false
}

interface RoutePlan {
  peakMin: number
  offMin: number
  first: number
  last: number
  factor: number
}

function routePlan(rng: Random): RoutePlan {
  return {
    peakMin: rng.int(9, 11),
    offMin: rng.int(16, 29),
    first: hm(5, 30) + 60 * rng.int(0, 15),
    last: hm(23, 0) + 60 * rng.int(0, 30),
    factor: rng.float(0.92, 1.08),
  }
}

/** First departures of one route, direction and service (seconds), explicit-trip routes only. */
function departures(route: RouteSpec, plan: RoutePlan, service: Service, direction: 0 | 1, rng: Random): number[] {
  if (route.night) {
    return direction === 0 ? [hm(23, 40), hm(24, 10), hm(24, 40), hm(25, 10)] : [hm(23, 50), hm(24, 25), hm(25, 0)]
  }
  const out: number[] = []
  let t = plan.first + (service === 'SUNDAY' ? 1800 : 0) + direction * 60 * rng.int(0, 8)
  const last = plan.last - direction * 60 * rng.int(0, 10)
  while (t <= last) {
    out.push(t)
    const base = isPeak(service, t) ? (service === 'SATURDAY' ? Math.round(plan.peakMin * 1.25) : plan.peakMin) : plan.offMin
    t += 60 * (base + rng.int(-1, 1))
  }
  if ((out.at(-1) as number) < last - 300) out.push(last)
  return out
}

interface FrequencyRow {
  tripId: string
  start: number
  end: number
  headway: number
  exact: 0 | 1
}

/** Periods [start, end) with their headway in minutes. */
function frequencyPeriods(plan: RoutePlan, service: Service): [number, number, number][] {
  const sat = Math.round(plan.peakMin * 1.25)
  if (service === 'WEEKDAY') {
    return [
      [hm(5, 40), hm(7, 30), plan.offMin],
      [hm(7, 30), hm(11, 0), plan.peakMin],
      [hm(11, 0), hm(17, 0), plan.offMin],
      [hm(17, 0), hm(21, 0), plan.peakMin],
      [hm(21, 0), hm(23, 30), plan.offMin],
    ]
  }
  if (service === 'SATURDAY') {
    return [
      [hm(5, 40), hm(9, 0), plan.offMin],
      [hm(9, 0), hm(12, 0), sat],
      [hm(12, 0), hm(17, 0), plan.offMin],
      [hm(17, 0), hm(21, 0), sat],
      [hm(21, 0), hm(23, 30), plan.offMin],
    ]
  }
  return [[hm(6, 0), hm(23, 30), plan.offMin]]
}

// ---------------------------------------------------------------------------------------------
// the feed

export interface TransitFeed {
  /** File name → content, in TABLES order. */
  files: Map<string, string>
  counts: { routes: number; stops: number; trips: number; stopTimes: number; shapePoints: number }
  rows: Record<string, number>
}

export function buildTransit(): TransitFeed {
  const root = new Random(SEED)
  checkNetwork()
  const files = new Map<string, string>()
  const rows: Record<string, number> = {}
  const put = (file: string, data: CsvValue[][]): void => {
    files.set(file, toCsv(columnsOf(file), data))
    rows[file] = data.length
  }

  put('agency.txt', [['TMT', 'Thane Municipal Transport', 'https://thanecity.gov.in', 'Asia/Kolkata', 'mr']])

  put(
    'stops.txt',
    STOPS.map((x, i) => [x.id, String(1001 + i), x.name, x.lat.toFixed(4), x.lon.toFixed(4), zoneOf(x), x.locationType ?? '', x.parent ?? '']),
  )

  put(
    'routes.txt',
    ROUTES.map((r, i) => [r.id, 'TMT', r.id, r.longName, r.desc, 3, r.color, r.textColor, i + 1]),
  )

  const trips: Trip[] = []
  const frequencies: FrequencyRow[] = []
  const shapes: Shape[] = []
  for (const route of ROUTES) {
    const rng = root.fork(`route/${route.id}`)
    const plan = routePlan(rng.fork('plan'))
    const pair = buildShapes(route, rng.fork('shape'))
    shapes.push(...pair)
    for (const service of SERVICES) {
      for (const direction of [0, 1] as const) {
        const shape = pair[direction]
        const stops = direction === 0 ? route.stops : route.stops.slice().reverse()
        const lastStop = stopOf(stops.at(-1) as string)
        const headsign = lastStop.parent ? stopOf(lastStop.parent).name : lastStop.name
        const base = { routeId: route.id, service, headsign, direction, shape, stops }
        const code = `${route.id}-${SERVICE_CODE[service]}-${direction}`
        if (route.frequencies) {
          const periods = frequencyPeriods(plan, service)
          const tripId = `${code}-F`
          trips.push({ ...base, tripId, times: runTimes(service, shape, (periods[0] as [number, number, number])[0], plan.factor) })
          for (const [start, end, min] of periods) {
            const h = min * 60
            if (route.frequencies.exactTimes === 1) {
              const n = Math.ceil((end - start) / h)
              frequencies.push({ tripId, start, end: start + (n - 1) * h + 60, headway: h, exact: 1 })
            } else {
              frequencies.push({ tripId, start, end, headway: h, exact: 0 })
            }
          }
        } else {
          const trng = rng.fork(`${SERVICE_CODE[service]}/${direction}`)
          for (const dep of departures(route, plan, service, direction, trng)) {
            const factor = plan.factor * trng.float(0.95, 1.05)
            trips.push({ ...base, tripId: `${code}-${pad(Math.floor(dep / 3600))}${pad((dep / 60) % 60)}`, times: runTimes(service, shape, dep, factor) })
          }
        }
      }
    }
  }

  put(
    'trips.txt',
    trips.map((t) => [t.routeId, t.service, t.tripId, t.headsign, t.direction, t.shape.id]),
  )

  const stopTimes: CsvValue[][] = []
  for (const t of trips) {
    const n = t.stops.length
    t.stops.forEach((stopId, i) => {
      const [arr, dep] = t.times[i] as [number, number]
      const timepoint = i === 0 || i === n - 1 || i % 4 === 0 ? 1 : 0
      stopTimes.push([t.tripId, gtfsTime(arr), gtfsTime(dep), stopId, i + 1, timepoint, km(t.shape.stopDist[i] as number)])
    })
  }
  put('stop_times.txt', stopTimes)

  const weekday = (svc: Service): number[] =>
    svc === 'WEEKDAY' ? [1, 1, 1, 1, 1, 0, 0] : svc === 'SATURDAY' ? [0, 0, 0, 0, 0, 1, 0] : [0, 0, 0, 0, 0, 0, 1]
  put(
    'calendar.txt',
    SERVICES.map((svc) => [svc, ...weekday(svc), START_DATE, END_DATE]),
  )

  const exceptions: CsvValue[][] = []
  for (const h of HOLIDAYS) {
    const wd = weekdayOf(h.date)
    const expected: Service = wd === 0 ? 'SUNDAY' : wd === 6 ? 'SATURDAY' : 'WEEKDAY'
    if (h.removed !== expected) throw new Error(`bug: ${h.date} is weekday ${wd}, its usual service is ${expected}`)
    exceptions.push([h.removed, h.date, 2], ['SUNDAY', h.date, 1])
  }
  exceptions.sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])))
  put('calendar_dates.txt', exceptions)

  put(
    'shapes.txt',
    shapes.flatMap((s) => s.points.map((p, i) => [s.id, p.lat.toFixed(5), p.lon.toFixed(5), i + 1, km(p.dist)])),
  )

  put(
    'frequencies.txt',
    frequencies.map((f) => [f.tripId, gtfsTime(f.start), gtfsTime(f.end), f.headway, f.exact]),
  )

  put(
    'fare_attributes.txt',
    FARES.map((f) => [f.id, f.price, 'INR', 0, 0, 'TMT']),
  )
  const fareRules: CsvValue[][] = []
  ZONES.forEach((o, i) =>
    ZONES.forEach((d, j) => {
      fareRules.push([(FARES[Math.abs(i - j)] as (typeof FARES)[number]).id, '', o, d])
    }),
  )
  put('fare_rules.txt', fareRules)

  put('feed_info.txt', [['Thane Kit (synthetic TMT feed)', 'https://thanecity.gov.in', 'en', START_DATE, END_DATE, FEED_VERSION]])

  put('translations.txt', [
    ['agency', 'agency_name', 'mr', 'ठाणे महानगरपालिका परिवहन', 'TMT'],
    ...STOPS.map((x) => ['stops', 'stop_name', 'mr', x.nameMr, x.id]),
  ])

  return {
    files,
    rows,
    counts: {
      routes: ROUTES.length,
      stops: STOPS.length,
      trips: trips.length,
      stopTimes: stopTimes.length,
      shapePoints: shapes.reduce((n, s) => n + s.points.length, 0),
    },
  }
}

/** Sanity checks on the hand-written network: known ids, inside Thane, every stop used. */
function checkNetwork(): void {
  const ids = new Set<string>()
  for (const x of STOPS) {
    if (ids.has(x.id)) throw new Error(`bug: duplicate stop ${x.id}`)
    ids.add(x.id)
    if (!insideThane(x.lat, x.lon)) throw new Error(`bug: stop ${x.id} lies outside THANE_BOUNDARY`)
    if (!/\p{Script=Devanagari}/u.test(x.nameMr)) throw new Error(`bug: stop ${x.id} has no Devanagari name`)
    if (x.parent && stopOf(x.parent).locationType !== 1) throw new Error(`bug: parent of ${x.id} is not a station`)
  }
  const used = new Set(ROUTES.flatMap((r) => r.stops))
  for (const id of used) if (stopOf(id).locationType === 1) throw new Error(`bug: a route stops at station ${id}`)
  for (const x of STOPS) if (x.locationType !== 1 && !used.has(x.id)) throw new Error(`bug: stop ${x.id} is on no route`)
  for (const r of ROUTES) if (new Set(r.stops).size !== r.stops.length) throw new Error(`bug: route ${r.id} visits a stop twice`)
}

const facts = (content: string): FileFacts => ({
  bytes: Buffer.byteLength(content),
  hash: `sha256:${createHash('sha256').update(content).digest('hex')}`,
})

export interface TransitFiles {
  files: string[]
  counts: TransitFeed['counts']
}

/** Writes the feed into `outDir/gtfs/` and the descriptor into `outDir/datapackage.json`. */
export function generateTransit(outDir: string = TRANSIT_DIR): TransitFiles {
  const feed = buildTransit()
  const committed: Record<string, FileFacts> = {}
  for (const [name, content] of feed.files) if (!(BUILT_FILES as readonly string[]).includes(name)) committed[name] = facts(content)
  const pkg = transitPackage({
    seed: SEED,
    generator: GENERATOR,
    start: '2026-06-01',
    end: '2026-12-31',
    counts: feed.counts,
    files: committed,
    rows: feed.rows,
  })
  const gtfs = join(outDir, 'gtfs')
  mkdirSync(gtfs, { recursive: true })
  const files: string[] = []
  for (const t of TABLES) {
    const path = join(gtfs, t.file)
    writeFileSync(path, feed.files.get(t.file) as string)
    files.push(path)
  }
  const pkgPath = join(outDir, 'datapackage.json')
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n')
  files.push(pkgPath)
  return { files, counts: feed.counts }
}

const runDirectly =
  import.meta.main ?? (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
if (runDirectly) {
  const started = performance.now()
  const r = generateTransit()
  const ms = Math.round(performance.now() - started)
  const c = r.counts
  process.stdout.write(
    `wrote ${c.routes} routes, ${c.stops} stops, ${c.trips} trips, ${c.stopTimes} stop times, ${c.shapePoints} shape points in ${ms} ms into datasets/transit/\n`,
  )
}
