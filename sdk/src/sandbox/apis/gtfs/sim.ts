import { type FloodData, floodStart, readingAt } from './floods.js'
import { type GtfsFeed, metres, type Path, type Trip } from './load.js'
import { addDays, formatGtfsTime, localDate, localSecondOfDay, serviceDayStart, unit, weekday } from './time.js'

/** One run of a trip on one service day (a frequency-based trip runs many times a day). */
export interface Run {
  trip: Trip
  /** Service date, `YYYYMMDD`. */
  date: string
  /** Epoch seconds of the service day's start. */
  dayStart: number
  /** Seconds added to the trip's stop times (the headway step of a frequency run; else 0). */
  offset: number
  /** `HH:MM:SS` of the first departure (past 24:00 after midnight). */
  startTime: string
  /** The trip is frequency-based with exact_times=0: times are estimates, delays not meaningful. */
  approximate: boolean
  frequency: boolean
  /** Feed-unique key: `trip@date` or `trip@dateTHHMMSS` for frequency runs. */
  key: string
  /** Scheduled epoch seconds of the first departure and the last arrival. */
  start: number
  end: number
  /** Delay profile: `d0 + growth × (scheduled - start) / (end - start)` seconds. */
  d0: number
  growth: number
  canceled: boolean
}

export const RUSH_HOURS: readonly [number, number][] = [
  [8 * 3600, 11 * 3600],
  [17.5 * 3600, 21 * 3600],
]
/** One run in 50 is canceled; one intermediate stop in 25 is skipped. */
export const CANCEL_RATE = 1 / 50
export const SKIP_RATE = 1 / 25
/** Canceled runs and runs about to leave are announced this long before their scheduled start. */
export const LOOKAHEAD_S = 30 * 60

export function isRush(secondOfDay: number): boolean {
  const s = ((secondOfDay % 86_400) + 86_400) % 86_400
  return RUSH_HOURS.some(([a, b]) => s >= a && s < b)
}

/** GTFS: is `serviceId` running on `date`? (calendar_dates first, then calendar.) */
export function serviceRuns(feed: GtfsFeed, serviceId: string, date: string): boolean {
  const ex = feed.exceptions.get(serviceId)?.get(date)
  if (ex === 2) return false
  if (ex === 1) return true
  const c = feed.calendars.get(serviceId)
  return c !== undefined && c.start <= date && date <= c.end && c.days[weekday(date)] === true
}

/** Weather of the simulation: 0 (dry) to 1 (the gauges at or past their thresholds). */
export interface Weather {
  rain(ms: number): number
}

/**
 * From the flood gauges when they have a reading at that time: the highest level/threshold ratio
 * mapped from 0.8 (0) to 1.1 (1). Otherwise (no sensors dataset, or a time outside it) a
 * deterministic monsoon: from June to September, 40% of days are rainy, in 3-hour spells of
 * varying strength; dry the rest of the year.
 */
export function weatherOf(floods: FloodData | undefined, shiftMs: () => number, timeZone: string): Weather {
  return {
    rain(ms) {
      if (floods) {
        const at = ms - shiftMs()
        let best = -1
        for (const g of floods.gauges) {
          const i = readingAt(g, at)
          if (i >= 0) best = Math.max(best, g.levels[i]! / g.threshold)
        }
        if (best >= 0) return Math.min(1, Math.max(0, (best - 0.8) / 0.3))
      }
      const date = localDate(timeZone, ms)
      const month = Number(date.slice(4, 6))
      if (month < 6 || month > 9 || unit(`rain-day|${date}`) >= 0.4) return 0
      const spell = Math.floor(localSecondOfDay(timeZone, ms) / 10_800)
      return Math.round(unit(`rain-spell|${date}|${spell}`) * 100) / 100
    },
  }
}

/** The run's delay (s, + late) when it reaches the point it is scheduled at `scheduled` (epoch s). */
export function delayAt(run: Run, scheduled: number): number {
  const span = run.end - run.start
  const f = span > 0 ? Math.min(1, Math.max(0, (scheduled - run.start) / span)) : 1
  return Math.round(run.d0 + run.growth * f)
}

/** Where the run's delay profile puts the vehicle at `now`: the scheduled time it has reached. */
export function scheduledPosition(run: Run, now: number): number {
  const span = run.end - run.start
  if (span <= 0) return run.start
  return run.start + (now - run.start - run.d0) / (1 + run.growth / span)
}

function makeRun(feed: GtfsFeed, trip: Trip, date: string, dayStart: number, offset: number, frequency: boolean, approximate: boolean, weather: Weather): Run {
  const first = trip.stops[0]!
  const last = trip.stops[trip.stops.length - 1]!
  const startSec = first.departure + offset
  const startTime = formatGtfsTime(startSec)
  const key = frequency ? `${trip.id}@${date}T${startTime.replaceAll(':', '')}` : `${trip.id}@${date}`
  const start = dayStart + startSec
  const end = dayStart + last.arrival + offset
  const rush = isRush(startSec)
  const rain = weather.rain(start * 1000)
  const d0 = Math.round(-60 + unit(`d0|${key}`) * 180 * (rush ? 1.5 : 1))
  const growth = Math.round((end - start) * (0.02 + 0.08 * unit(`growth|${key}`)) * (rush ? 2.5 : 1) * (1 + 2 * rain))
  return { trip, date, dayStart, offset, startTime, approximate, frequency, key, start, end, d0, growth, canceled: unit(`cancel|${key}`) < CANCEL_RATE }
}

/** Latest the end of a run can slip: the largest d0 plus the largest growth (×2.5 rush, ×3 rain). */
function maxLate(duration: number): number {
  return 210 + duration * 0.1 * 2.5 * 3
}

/**
 * The runs the realtime feeds speak of at `now` (epoch s): every run of the service days of today
 * and yesterday (trips past 24:00) that has not yet arrived at its last stop (delays included)
 * and is scheduled to leave within `LOOKAHEAD_S`. Frequencies are expanded (exact_times 0 and 1).
 */
export function runsAt(feed: GtfsFeed, now: number, weather: Weather): Run[] {
  const today = localDate(feed.timezone, now * 1000)
  const runs: Run[] = []
  for (const date of [addDays(today, -2), addDays(today, -1), today]) {
    const dayStart = serviceDayStart(feed.timezone, date)
    const t = now - dayStart // seconds into this service day
    const services = new Map<string, boolean>()
    for (const trip of feed.trips) {
      let on = services.get(trip.serviceId)
      if (on === undefined) services.set(trip.serviceId, (on = serviceRuns(feed, trip.serviceId, date)))
      if (!on) continue
      const first = trip.stops[0]!.departure
      const duration = trip.stops[trip.stops.length - 1]!.arrival - first
      const late = maxLate(duration)
      const consider = (offset: number, frequency: boolean, approximate: boolean) => {
        const run = makeRun(feed, trip, date, dayStart, offset, frequency, approximate, weather)
        if (run.start - LOOKAHEAD_S > now) return
        if (run.end + delayAt(run, run.end) < now) return
        runs.push(run)
      }
      if (trip.frequencies.length === 0) {
        if (first - LOOKAHEAD_S <= t && first + duration + late >= t) consider(0, false, false)
        continue
      }
      for (const f of trip.frequencies) {
        // departures start + k·headway < end, and only those that may be running now
        const kFrom = Math.max(0, Math.ceil((t - duration - late - f.start) / f.headway))
        const kTo = Math.floor((t + LOOKAHEAD_S - f.start) / f.headway)
        for (let k = kFrom; k <= kTo; k++) {
          const dep = f.start + k * f.headway
          if (dep >= f.end) break
          consider(dep - first, true, !f.exactTimes)
        }
      }
    }
  }
  return runs.sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

export function isSkipped(run: Run, index: number): boolean {
  const n = run.trip.stops.length
  if (index === 0 || index === n - 1) return false
  return unit(`skip|${run.key}|${run.trip.stops[index]!.sequence}`) < SKIP_RATE
}

export interface VehicleState {
  stopIndex: number
  status: 'STOPPED_AT' | 'IN_TRANSIT_TO'
  lat: number
  lon: number
  bearing: number
  /** m/s */
  speed: number
  /** metres along the path */
  odometer: number
  delay: number
}

/** Where a run's vehicle is at `now`; undefined when it has not left or has arrived (or is canceled). */
export function vehicleAt(run: Run, now: number): VehicleState | undefined {
  if (run.canceled) return undefined
  const ts = scheduledPosition(run, now)
  if (ts < run.start || ts > run.end) return undefined
  const stops = run.trip.stops
  const local = ts - run.dayStart - run.offset // seconds into the trip's template day
  let i = 0
  while (i < stops.length - 1 && stops[i + 1]!.arrival <= local) i++
  const s = stops[i]!
  const delay = delayAt(run, ts)
  const stretch = 1 + run.growth / Math.max(1, run.end - run.start)
  if (local <= s.departure || i === stops.length - 1) {
    if (!isSkipped(run, i)) return { stopIndex: i, status: 'STOPPED_AT', ...pointAt(run.trip.path, s.distance), speed: 0, odometer: s.distance, delay }
  }
  const next = Math.min(i + 1, stops.length - 1)
  const n = stops[next]!
  const span = n.arrival - s.departure
  const f = span > 0 ? Math.min(1, Math.max(0, (local - s.departure) / span)) : 1
  const distance = s.distance + f * (n.distance - s.distance)
  let target = next
  while (target < stops.length - 1 && isSkipped(run, target)) target++
  const speed = span > 0 ? (n.distance - s.distance) / span / stretch : 0
  return { stopIndex: target, status: 'IN_TRANSIT_TO', ...pointAt(run.trip.path, distance), speed: Math.round(speed * 10) / 10, odometer: distance, delay }
}

/** The point `distance` metres along a path, and the bearing of the path there. */
export function pointAt(path: Path, distance: number): { lat: number; lon: number; bearing: number } {
  const n = path.dist.length
  let lo = 0
  let hi = n - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (path.dist[mid]! <= distance) lo = mid
    else hi = mid - 1
  }
  // a zero-length segment has no direction: take the next one that has
  let j = lo
  while (j < n - 2 && path.dist[j + 1] === path.dist[j]) j++
  const span = path.dist[lo + 1]! - path.dist[lo]!
  const f = span > 0 ? Math.min(1, Math.max(0, (distance - path.dist[lo]!) / span)) : 0
  const lat = path.lat[lo]! + f * (path.lat[lo + 1]! - path.lat[lo]!)
  const lon = path.lon[lo]! + f * (path.lon[lo + 1]! - path.lon[lo]!)
  return { lat: round(lat, 6), lon: round(lon, 6), bearing: Math.round(bearing(path.lat[j]!, path.lon[j]!, path.lat[j + 1]!, path.lon[j + 1]!)) % 360 }
}

function bearing(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180
  const y = Math.sin((lon2 - lon1) * r) * Math.cos(lat2 * r)
  const x = Math.cos(lat1 * r) * Math.sin(lat2 * r) - Math.sin(lat1 * r) * Math.cos(lat2 * r) * Math.cos((lon2 - lon1) * r)
  return ((Math.atan2(y, x) / r) + 360) % 360
}

function round(x: number, digits: number): number {
  const k = 10 ** digits
  return Math.round(x * k) / k
}

/** Routes that have a stop within `radius` metres of a point, sorted. */
export function routesNear(feed: GtfsFeed, lat: number, lon: number, radius: number): string[] {
  const near = new Set<string>()
  for (const trip of feed.trips) {
    if (near.has(trip.routeId)) continue
    for (const s of trip.stops) {
      const stop = feed.stops.get(s.stopId)!
      if (metres(lat, lon, stop.lat, stop.lon) <= radius) {
        near.add(trip.routeId)
        break
      }
    }
  }
  return [...near].sort()
}

export interface AlertSpec {
  id: string
  cause: 'WEATHER' | 'MAINTENANCE'
  effect: 'DETOUR' | 'MODIFIED_SERVICE'
  severity: 'INFO' | 'WARNING' | 'SEVERE'
  start: number
  end: number
  routeIds: string[]
  header: { en: string; mr: string }
  description: { en: string; mr: string }
}

/** Metres from a flood gauge within which a route's stops are affected. */
export const FLOOD_RADIUS_M = 1000
/** A flood alert stays active this long past `now` (it is renewed while the water stays up). */
export const FLOOD_HORIZON_S = 2 * 3600
/** Share of days with planned road works on one route (10:00–16:00), announced from the day before. */
export const WORKS_RATE = 0.35

/**
 * Alerts at `now`: one per flood gauge above its threshold (WEATHER / DETOUR, routes with a stop
 * within 1 km, from when the water rose until now + 2 h), and planned road works (MAINTENANCE /
 * MODIFIED_SERVICE) on the days the hash picks, shown from the day before until they end.
 */
export function alertsAt(feed: GtfsFeed, now: number, floods: FloodData | undefined, shiftMs: number, nearCache: Map<string, string[]>): AlertSpec[] {
  const alerts: AlertSpec[] = []
  for (const g of floods?.gauges ?? []) {
    const i = readingAt(g, now * 1000 - shiftMs)
    if (i < 0 || !(g.levels[i]! > g.threshold)) continue
    let routeIds = nearCache.get(g.code)
    if (!routeIds) nearCache.set(g.code, (routeIds = routesNear(feed, g.lat, g.lon, FLOOD_RADIUS_M)))
    if (routeIds.length === 0) continue
    const level = g.levels[i]!.toFixed(2)
    const start = Math.floor((floodStart(g, i) + shiftMs) / 1000)
    const names = routeIds.map((id) => routeName(feed, id)).join(', ')
    const severe = g.danger !== undefined && g.levels[i]! > g.danger
    alerts.push({
      id: `flood-${g.code}-${start}`,
      cause: 'WEATHER',
      effect: 'DETOUR',
      severity: severe ? 'SEVERE' : 'WARNING',
      start,
      end: now + FLOOD_HORIZON_S,
      routeIds,
      header: { en: `Flooding near ${g.name}: buses diverted`, mr: `${g.name} जवळ पाणी साचले: बस मार्ग वळवले` },
      description: {
        en: `The water at ${g.name} (${g.code}) is at ${level} m, above its ${g.threshold} m warning level${severe ? ' and its danger level' : ''}. Buses on routes ${names} take a diversion; expect delays.`,
        mr: `${g.name} (${g.code}) येथे पाण्याची पातळी ${level} मी. असून ती ${g.threshold} मी. इशारा पातळीपेक्षा जास्त आहे. मार्ग ${names} वरील बसेस पर्यायी मार्गाने धावत आहेत; उशीर अपेक्षित आहे.`,
      },
    })
  }
  const routes = [...feed.routes.keys()].sort()
  const today = localDate(feed.timezone, now * 1000)
  if (routes.length > 0) {
    for (const date of [today, addDays(today, 1)]) {
      if (unit(`works|${date}`) >= WORKS_RATE) continue
      const routeId = routes[Math.floor(unit(`works-route|${date}`) * routes.length)]!
      const dayStart = serviceDayStart(feed.timezone, date)
      const start = dayStart + 10 * 3600
      const end = dayStart + 16 * 3600
      if (now < dayStart - 86_400 || now >= end) continue
      const name = routeName(feed, routeId)
      const day = `${date.slice(6, 8)}/${date.slice(4, 6)}/${date.slice(0, 4)}`
      alerts.push({
        id: `works-${routeId}-${date}`,
        cause: 'MAINTENANCE',
        effect: 'MODIFIED_SERVICE',
        severity: 'INFO',
        start,
        end,
        routeIds: [routeId],
        header: { en: `Road works on route ${name} on ${day}, 10:00–16:00`, mr: `${day} रोजी सकाळी १० ते दुपारी ४ मार्ग ${name} वर रस्त्याचे काम` },
        description: {
          en: `Planned road resurfacing on route ${name} on ${day} from 10:00 to 16:00. Some stops may be served from a temporary stop nearby; allow extra time.`,
          mr: `${day} रोजी सकाळी १० ते दुपारी ४ या वेळेत मार्ग ${name} वर नियोजित रस्ता दुरुस्तीचे काम आहे. काही थांबे जवळच्या तात्पुरत्या थांब्यावर हलवले जाऊ शकतात; प्रवासासाठी जास्त वेळ ठेवा.`,
        },
      })
    }
  }
  return alerts
}

function routeName(feed: GtfsFeed, routeId: string): string {
  const r = feed.routes.get(routeId)
  return r?.shortName || r?.longName || routeId
}
