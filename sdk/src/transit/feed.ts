import { InputError } from '../errors.js'
import { haversineMetres } from '../sensors/domain.js'
import { buildIndex, readFeedFiles, type FeedIndex } from './load.js'
import { addDays, formatGtfsTime, ServiceClock, toInstant, weekdayOf } from './time.js'
import type {
  Agency,
  Departure,
  FeedDeparturesOptions,
  Frequency,
  Route,
  Stop,
  StopTime,
  StopWithDistance,
  TransitPoint,
  Trip,
  TripUpdate,
} from './types.js'

/**
 * Loads a GTFS Schedule feed (zip bytes, or the path of a zip file or of a folder of `.txt` files),
 * checks it and indexes it. Rejects with `InputError` naming the file and row when a required file
 * is missing, a value is malformed or a reference is broken (rows are numbered as in the file,
 * header = row 1), e.g. `stop_times.txt row 12: stop_id "S999" is not in stops.txt`.
 *
 * @example
 * import { loadGtfs } from '@thanekit/sdk'
 * const feed = await loadGtfs('datasets/transit/gtfs')
 * feed.departures('TMT-0001', { at: '2026-07-14T09:00+05:30', limit: 5 })
 */
export async function loadGtfs(source: Uint8Array | string): Promise<GtfsFeed> {
  return new GtfsFeed(buildIndex(readFeedFiles(source)))
}

/** Lower case, Latin accents dropped (Devanagari signs are letters and stay), spaces collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
}

interface Candidate {
  /** stop_time index */
  e: number
  date: string
  dayStart: number
  /** Seconds added to the template's times (frequency trips); 0 otherwise. */
  shift: number
  frequency: boolean
  /** Trip start (seconds) of a frequency run. */
  runStart: number
}

/** Per position of a trip: 0 nothing, 1 delay, 2 skipped, 3 no data. */
interface TripPrediction {
  kind: Uint8Array
  delay: Int32Array
}

/**
 * A loaded, indexed GTFS feed. Every query is synchronous and works offline; `departures()` joins
 * TripUpdates when given them.
 */
export class GtfsFeed {
  /** @internal */
  readonly ix: FeedIndex
  /** The time zone of service days (agency.txt's `agency_timezone`). */
  readonly timezone: string
  private readonly clock: ServiceClock
  private readonly activeCache = new Map<string, Uint8Array>()
  private searchKeys: { name: string; code: string; mr: string }[] | undefined

  /** @internal Use `loadGtfs()`. */
  constructor(ix: FeedIndex) {
    this.ix = ix
    this.timezone = ix.timezone
    this.clock = new ServiceClock(ix.timezone)
  }

  /** Row counts of the main tables. */
  get counts(): { agencies: number; stops: number; routes: number; trips: number; stopTimes: number; services: number } {
    const ix = this.ix
    return { agencies: ix.agencies.length, stops: ix.stops.length, routes: ix.routes.length, trips: ix.trips.length, stopTimes: ix.stTrip.length, services: ix.serviceIds.length }
  }

  /** feed_info.txt's row (its column names as keys), if the feed has one. */
  get feedInfo(): Record<string, string> | undefined {
    return this.ix.feedInfo
  }

  agencies(): Agency[] {
    return [...this.ix.agencies]
  }

  /** Every stop, in file order. */
  stops(): Stop[] {
    return [...this.ix.stops]
  }

  stop(stopId: string): Stop | undefined {
    const i = this.ix.stopIndex.get(stopId)
    return i === undefined ? undefined : this.ix.stops[i]
  }

  /** Every route, by `route_sort_order` then file order. */
  routes(): Route[] {
    return this.ix.routes.map((r, i) => [r, i] as const).sort(([a, i], [b, j]) => (a.sortOrder ?? Infinity) - (b.sortOrder ?? Infinity) || i - j).map(([r]) => r)
  }

  route(routeId: string): Route | undefined {
    const i = this.ix.routeIndex.get(routeId)
    return i === undefined ? undefined : this.ix.routes[i]
  }

  /** The trips of a route, in file order. `InputError` for a route the feed does not have. */
  trips(routeId: string): Trip[] {
    const r = this.ix.routeIndex.get(routeId)
    if (r === undefined) throw new InputError(`route "${routeId}" is not in the GTFS feed`, { field: 'routeId' })
    return this.ix.trips.filter((_, t) => this.ix.tripRoute[t] === r)
  }

  trip(tripId: string): Trip | undefined {
    const t = this.ix.tripIndex.get(tripId)
    return t === undefined ? undefined : this.ix.trips[t]
  }

  /** The stop times of a trip by stop_sequence (times interpolated where the feed leaves them empty). */
  stopTimes(tripId: string): StopTime[] {
    const ix = this.ix
    const t = ix.tripIndex.get(tripId)
    if (t === undefined) throw new InputError(`trip "${tripId}" is not in the GTFS feed`, { field: 'tripId' })
    const out: StopTime[] = []
    for (let i = ix.tripStart[t]!; i < ix.tripStart[t + 1]!; i++) {
      const flags = ix.stFlags[i]!
      out.push({
        tripId,
        stopId: ix.stops[ix.stStop[i]!]!.stopId,
        stopSequence: ix.stSeq[i]!,
        arrivalSeconds: ix.stArr[i]!,
        departureSeconds: ix.stDep[i]!,
        timed: (flags & 1) === 1,
        stopHeadsign: ix.stHeadsign.get(i),
        pickupType: (flags >> 1) & 3,
        dropOffType: (flags >> 3) & 3,
      })
    }
    return out
  }

  /** The frequencies.txt rows of a trip (none for a scheduled trip). */
  frequencies(tripId: string): Frequency[] {
    const t = this.ix.tripIndex.get(tripId)
    return (t === undefined ? [] : (this.ix.tripFreqs.get(t) ?? [])).map((f) => ({ tripId, startSeconds: f.start, endSeconds: f.end, headwaySecs: f.headway, exactTimes: f.exact }))
  }

  /**
   * Whether a service runs on a service day (`YYYYMMDD`): a calendar_dates removal wins, then an
   * addition, then calendar.txt's weekday flag between its start and end dates (both inclusive).
   */
  isServiceActive(serviceId: string, date: string): boolean {
    const s = this.ix.serviceIndex.get(serviceId)
    return s !== undefined && this.activeOn(date)[s] === 1
  }

  /** The service ids running on a service day. */
  servicesOn(date: string): string[] {
    const active = this.activeOn(date)
    return this.ix.serviceIds.filter((_, s) => active[s] === 1)
  }

  /** The local date (`YYYYMMDD`, in the feed's time zone) of an instant. */
  localDate(at: Date | string): string {
    return this.clock.dateOf(toInstant(at, 'at'))
  }

  /**
   * Stops (and stations) within `metres` of a point, nearest first. Entrances, generic nodes and
   * boarding areas (location_type 2–4) are left out.
   */
  stopsNear(point: TransitPoint, metres: number): StopWithDistance[] {
    const { lat, lon } = point ?? {}
    if (!Number.isFinite(lat) || Math.abs(lat) > 90) throw new InputError(`lat must be a latitude between -90 and 90, not ${String(lat)}`, { field: 'lat' })
    if (!Number.isFinite(lon) || Math.abs(lon) > 180) throw new InputError(`lon must be a longitude between -180 and 180, not ${String(lon)}`, { field: 'lon' })
    if (!(Number.isFinite(metres) && metres >= 0)) throw new InputError(`the radius must be a number of metres of 0 or more, not ${String(metres)}`, { field: 'metres' })
    const out: StopWithDistance[] = []
    for (const stop of this.ix.stops) {
      if (stop.locationType > 1) continue
      const d = haversineMetres(point, stop)
      if (d <= metres) out.push({ ...stop, distanceMetres: Math.round(d) })
    }
    return out.sort((a, b) => a.distanceMetres - b.distanceMetres || a.name.localeCompare(b.name))
  }

  /**
   * Stops whose name, code or Marathi name contains the text, ignoring case and Latin accents:
   * exact matches first, then prefixes, then word prefixes, then the rest; by name within each.
   */
  searchStops(text: string): Stop[] {
    const q = normalizeText(String(text ?? ''))
    if (!q) throw new InputError('give some text to search stop names and codes for', { field: 'text' })
    this.searchKeys ??= this.ix.stops.map((s) => ({ name: normalizeText(s.name), code: normalizeText(s.stopCode ?? ''), mr: normalizeText(s.nameMr ?? '') }))
    const rank = (value: string): number => {
      if (!value) return 9
      if (value === q) return 0
      if (value.startsWith(q)) return 1
      if (value.includes(' ' + q)) return 2
      if (value.includes(q)) return 3
      return 9
    }
    const hits: { stop: Stop; rank: number }[] = []
    this.ix.stops.forEach((stop, i) => {
      const k = this.searchKeys![i]!
      const r = Math.min(rank(k.name), rank(k.code), rank(k.mr))
      if (r < 9) hits.push({ stop, rank: r })
    })
    return hits.sort((a, b) => a.rank - b.rank || a.stop.name.localeCompare(b.stop.name) || a.stop.stopId.localeCompare(b.stop.stopId)).map((h) => h.stop)
  }

  /**
   * The next departures from a stop (or from the platforms of a station) at or after `at`, in the
   * order riders will see them (predicted time when known, else scheduled). Looks at the service
   * day of `at`, the day before (times past 24:00:00) and the day after. The last stop of a trip and
   * stops with pickup_type=1 are not departures. With `updates`, each departure is joined to its
   * TripUpdate by trip_id (and start_date, and start_time for frequency runs, when given).
   */
  departures(stopId: string, options: FeedDeparturesOptions = {}): Departure[] {
    const ix = this.ix
    const s = ix.stopIndex.get(stopId)
    if (s === undefined) throw new InputError(`stop "${stopId}" is not in the GTFS feed`, { field: 'stopId' })
    const limit = options.limit ?? 10
    if (!(Number.isInteger(limit) && limit > 0)) throw new InputError(`limit must be a whole number of 1 or more, not ${String(limit)}`, { field: 'limit' })
    const at = toInstant(options.at, 'at')
    const stopsToScan = [s, ...(ix.children.get(s) ?? [])]
    const updates = options.updates ?? []
    // A late bus scheduled before `at` can still be ahead of the rider: look back an hour when joining realtime.
    const lookback = updates.length ? 3600 : 0
    // Deleted trips drop out and delays reorder, so gather some spare candidates when joining updates.
    const want = limit + Math.min(updates.length, 100)

    const candidates: Candidate[] = []
    const today = this.clock.dateOf(at)
    for (const date of [addDays(today, -1), today, addDays(today, 1)]) {
      const dayStart = this.clock.dayStart(date)
      const atSec = Math.floor((at - dayStart) / 1000)
      const active = this.activeOn(date)
      for (const stop of stopsToScan) {
        this.scheduled(stop, date, dayStart, atSec, lookback, want, active, candidates)
        this.frequencyRuns(stop, date, dayStart, atSec, lookback, want, active, candidates)
      }
    }

    const byTrip = new Map<string, TripUpdate[]>()
    for (const u of updates) {
      if (!u.tripId) continue
      let list = byTrip.get(u.tripId)
      if (!list) byTrip.set(u.tripId, (list = []))
      list.push(u)
    }
    const predictions = new Map<string, TripPrediction>()
    const out: (Departure & { sortKey: number })[] = []
    for (const c of candidates) {
      const d = this.departure(c, byTrip, predictions)
      if (!d) continue
      const effective = (d.predicted ?? d.scheduled).getTime()
      if (effective < at) continue
      out.push({ ...d, sortKey: effective })
    }
    out.sort((a, b) => a.sortKey - b.sortKey || a.scheduled.getTime() - b.scheduled.getTime() || a.tripId.localeCompare(b.tripId))
    return out.slice(0, limit).map(({ sortKey: _, ...d }) => d)
  }

  private scheduled(stop: number, date: string, dayStart: number, atSec: number, lookback: number, limit: number, active: Uint8Array, out: Candidate[]): void {
    const ix = this.ix
    const hi = ix.stopEvtStart[stop + 1]!
    // First event departing at or after atSec − lookback (binary search on the per-stop departures).
    let lo = ix.stopEvtStart[stop]!
    let h = hi
    const from = atSec - lookback
    while (lo < h) {
      const mid = (lo + h) >>> 1
      if (ix.stopEvtDep[mid]! < from) lo = mid + 1
      else h = mid
    }
    let found = 0
    for (let k = lo; k < hi && found < limit; k++) {
      const e = ix.stopEvt[k]!
      if (active[ix.tripService[ix.stTrip[e]!]!] !== 1) continue
      out.push({ e, date, dayStart, shift: 0, frequency: false, runStart: 0 })
      if (ix.stopEvtDep[k]! >= atSec) found++
    }
  }

  private frequencyRuns(stop: number, date: string, dayStart: number, atSec: number, lookback: number, limit: number, active: Uint8Array, out: Candidate[]): void {
    const ix = this.ix
    for (const e of ix.stopFreqEvt.get(stop) ?? []) {
      const t = ix.stTrip[e]!
      if (active[ix.tripService[t]!] !== 1) continue
      // The template's times are offsets from its first departure.
      const first = ix.stDep[ix.tripStart[t]!]!
      const offset = ix.stDep[e]! - first
      for (const f of ix.tripFreqs.get(t) ?? []) {
        let k = Math.max(0, Math.ceil((atSec - lookback - offset - f.start) / f.headway))
        let found = 0
        for (; f.start + k * f.headway < f.end && found < limit; k++) {
          const runStart = f.start + k * f.headway
          out.push({ e, date, dayStart, shift: runStart - first, frequency: true, runStart })
          if (runStart + offset >= atSec) found++
        }
      }
    }
  }

  private departure(c: Candidate, byTrip: Map<string, TripUpdate[]>, predictions: Map<string, TripPrediction>): Departure | undefined {
    const ix = this.ix
    const t = ix.stTrip[c.e]!
    const trip = ix.trips[t]!
    const route = ix.routes[ix.tripRoute[t]!]!
    const scheduledSec = ix.stDep[c.e]! + c.shift
    const scheduled = new Date(c.dayStart + scheduledSec * 1000)
    const startTime = c.frequency ? formatGtfsTime(c.runStart) : undefined
    const lastStop = ix.stops[ix.stStop[ix.tripStart[t + 1]! - 1]!]!
    const d: Departure = {
      tripId: trip.tripId,
      routeId: route.routeId,
      routeShortName: route.shortName,
      headsign: ix.stHeadsign.get(c.e) ?? trip.headsign ?? lastStop.name,
      stopId: ix.stops[ix.stStop[c.e]!]!.stopId,
      stopSequence: ix.stSeq[c.e]!,
      serviceDate: c.date,
      scheduled,
      predicted: undefined,
      delaySeconds: undefined,
      realtime: false,
      cancelled: false,
      skipped: false,
      frequencyBased: c.frequency,
    }
    if (startTime !== undefined) d.startTime = startTime

    const update = byTrip.get(trip.tripId)?.find((u) => (u.startDate === undefined || u.startDate === c.date) && (!c.frequency || u.startTime === undefined || u.startTime === startTime))
    if (!update) return d
    const relation = update.scheduleRelationship
    if (relation === 'DELETED') return undefined
    if (relation === 'CANCELED') return { ...d, realtime: true, cancelled: true }
    if (relation !== 'SCHEDULED') return d
    const key = `${update.entityId}|${c.date}|${c.shift}`
    let p = predictions.get(key)
    if (!p) predictions.set(key, (p = this.predict(t, update, c.dayStart, c.shift)))
    const pos = c.e - ix.tripStart[t]!
    const kind = p.kind[pos]
    if (kind === 2) return { ...d, realtime: true, cancelled: true, skipped: true }
    if (kind === 1) {
      const delay = p.delay[pos]!
      return { ...d, realtime: true, delaySeconds: delay, predicted: new Date(scheduled.getTime() + delay * 1000) }
    }
    return d
  }

  /**
   * The delay at each stop of one trip run. A stop's own update gives its delay (`time` minus the
   * schedule wins over `delay`; departure over arrival); it carries forward to every later stop
   * until the next update, never backwards. SKIPPED marks that stop and lets the delay pass over it;
   * NO_DATA clears it (later stops are schedule-only until the next update). The trip-level delay,
   * when given, applies until the first stop-level update.
   */
  private predict(t: number, update: TripUpdate, dayStart: number, shift: number): TripPrediction {
    const ix = this.ix
    const from = ix.tripStart[t]!
    const n = ix.tripStart[t + 1]! - from
    const kind = new Uint8Array(n)
    const delay = new Int32Array(n)
    const at = new Array<(typeof update.stopTimeUpdates)[number] | undefined>(n)
    let cursor = 0
    for (const u of update.stopTimeUpdates) {
      let pos = -1
      if (u.stopSequence !== undefined) {
        for (let i = 0; i < n; i++) if (ix.stSeq[from + i] === u.stopSequence) pos = i
      } else if (u.stopId !== undefined) {
        const s = ix.stopIndex.get(u.stopId)
        for (let i = cursor; i < n && s !== undefined; i++) {
          if (ix.stStop[from + i] === s) {
            pos = i
            break
          }
        }
      }
      if (pos < 0) continue
      at[pos] = u
      cursor = pos + 1
    }
    const eventDelay = (ev: { delay?: number; time?: Date } | undefined, scheduledSec: number) => {
      if (!ev) return undefined
      if (ev.time) return Math.round((ev.time.getTime() - dayStart) / 1000) - (scheduledSec + shift)
      return ev.delay
    }
    let current = update.delay
    for (let i = 0; i < n; i++) {
      const u = at[i]
      if (u) {
        if (u.scheduleRelationship === 'SKIPPED') {
          kind[i] = 2
          continue
        }
        if (u.scheduleRelationship === 'NO_DATA') {
          current = undefined
          kind[i] = 3
          continue
        }
        const own = eventDelay(u.departure, ix.stDep[from + i]!) ?? eventDelay(u.arrival, ix.stArr[from + i]!)
        if (own !== undefined) current = own
      }
      if (current !== undefined) {
        kind[i] = 1
        delay[i] = current
      }
    }
    return { kind, delay }
  }

  /** Services active on a service day, one byte per service index. */
  private activeOn(date: string): Uint8Array {
    let active = this.activeCache.get(date)
    if (active) return active
    const ix = this.ix
    active = new Uint8Array(ix.serviceIds.length)
    const d = Number(date)
    const bit = 1 << weekdayOf(date)
    for (let s = 0; s < active.length; s++) {
      if (ix.calMask[s]! & bit && ix.calStart[s]! <= d && d <= ix.calEnd[s]!) active[s] = 1
    }
    // A removal wins over an addition of the same service and date.
    const exceptions = ix.exceptions.get(date) ?? []
    for (const [s, type] of exceptions) if (type === 1) active[s] = 1
    for (const [s, type] of exceptions) if (type === 2) active[s] = 0
    if (this.activeCache.size > 64) this.activeCache.clear()
    this.activeCache.set(date, active)
    return active
  }
}
