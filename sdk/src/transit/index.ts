import type { ResolvedConfig } from '../config.js'
import { ThaneError } from '../errors.js'
import type { HttpClient } from '../http/client.js'
import { downloadFeed } from './cache.js'
import { GtfsFeed } from './feed.js'
import { buildIndex, readFeedFiles } from './load.js'
import { decodeRealtime } from './realtime.js'
import type {
  Alert,
  ClientDeparturesOptions,
  Departure,
  RealtimeFeed,
  Route,
  Stop,
  StopWithDistance,
  TransitPoint,
  Trip,
  TripUpdate,
  VehiclePosition,
  VehiclesOptions,
} from './types.js'

export type * from './types.js'
export { GtfsFeed, loadGtfs, normalizeText } from './feed.js'
export { decodeRealtime } from './realtime.js'
export { parseGtfsTime, formatGtfsTime } from './time.js'
export { feedCacheDir, type FeedOrigin } from './cache.js'

/**
 * Buses of Thane (or any agency) through GTFS Schedule and GTFS-Realtime. The static feed is
 * downloaded once per client and cached on disk (`<cacheDir>/gtfs/…`, revalidated with its ETag /
 * Last-Modified; used as is when the server cannot be reached). The realtime feeds are fetched on
 * every call that needs them. Times in results are `Date`s.
 *
 * @example
 * const city = createClient()
 * const [stop] = await city.transit.stops.search('Thane Station')
 * for (const d of await city.transit.departures(stop.stopId, { limit: 5 }))
 *   console.log(d.routeShortName, d.headsign, (d.predicted ?? d.scheduled).toLocaleTimeString('en-IN'), d.delaySeconds ?? '')
 */
export interface TransitClient {
  /** The loaded, indexed static feed (downloaded on the first call; later calls share it). */
  feed(): Promise<GtfsFeed>
  stops: {
    /** Stops within `metres` of a point, nearest first, with `distanceMetres`. */
    near(point: TransitPoint, metres: number): Promise<StopWithDistance[]>
    /** Stops by name, code or Marathi name, ignoring case and accents; exact and prefix matches first. */
    search(text: string): Promise<Stop[]>
    /** One stop, or `undefined`. */
    get(stopId: string): Promise<Stop | undefined>
  }
  /** Every route (by route_sort_order, then file order). */
  routes(): Promise<Route[]>
  /** The trips of a route; `InputError` for an unknown route. */
  trips(routeId: string): Promise<Trip[]>
  /**
   * The next departures from a stop, the timetable joined with the TripUpdates feed (`realtime`,
   * default true). When the TripUpdates feed cannot be fetched, the timetable alone is returned
   * (every departure then has `realtime: false`).
   */
  departures(stopId: string, options?: ClientDeparturesOptions): Promise<Departure[]>
  /** Vehicle positions, optionally only those serving one route. */
  vehicles(options?: VehiclesOptions): Promise<VehiclePosition[]>
  /** Service alerts. */
  alerts(): Promise<Alert[]>
  /** Trip updates (delays, skipped stops, cancellations). */
  tripUpdates(): Promise<TripUpdate[]>
  /** One realtime feed decoded whole (header included): `trip-updates`, `vehicle-positions` or `alerts`. */
  realtime(kind: 'trip-updates' | 'vehicle-positions' | 'alerts'): Promise<RealtimeFeed>
}

/** @internal Built by `createClient()`. */
export function createTransitClient(config: ResolvedConfig, http: HttpClient): TransitClient {
  let loading: Promise<GtfsFeed> | undefined
  const feed = (): Promise<GtfsFeed> => {
    loading ??= (async () => {
      const { bytes, save } = await downloadFeed(http, config.transit.staticUrl, config.cacheDir)
      const loaded = new GtfsFeed(buildIndex(readFeedFiles(bytes)))
      await save()
      return loaded
    })()
    // A failed load is not remembered, so the next call tries again.
    loading.catch(() => {
      loading = undefined
    })
    return loading
  }
  const urls = {
    'trip-updates': config.transit.tripUpdatesUrl,
    'vehicle-positions': config.transit.vehiclePositionsUrl,
    alerts: config.transit.alertsUrl,
  }
  const realtime = async (kind: keyof typeof urls): Promise<RealtimeFeed> => {
    const { body } = await http.get(urls[kind], { responseType: 'buffer', headers: { accept: 'application/x-protobuf, application/octet-stream' } })
    return decodeRealtime(body)
  }

  return {
    feed,
    stops: {
      near: async (point, metres) => (await feed()).stopsNear(point, metres),
      search: async (text) => (await feed()).searchStops(text),
      get: async (stopId) => (await feed()).stop(stopId),
    },
    routes: async () => (await feed()).routes(),
    trips: async (routeId) => (await feed()).trips(routeId),
    async departures(stopId, options = {}) {
      const { realtime: withRealtime = true, ...rest } = options
      const loaded = await feed()
      let updates: TripUpdate[] = []
      let at = rest.at
      if (withRealtime) {
        // Check the stop and options first, so bad input is not hidden behind a network call.
        loaded.departures(stopId, rest)
        try {
          const feedNow = await realtime('trip-updates')
          updates = feedNow.tripUpdates
          // "Now" is the producer's now: its header timestamp. For a real feed that is the present
          // moment; for a sandbox with a fixed clock it is that clock, so delays and timetable agree.
          at ??= feedNow.header.timestamp
        } catch (err) {
          if (!(err instanceof ThaneError)) throw err
        }
      }
      return loaded.departures(stopId, { ...rest, ...(at !== undefined ? { at } : {}), updates })
    },
    async vehicles(options = {}) {
      const vehicles = (await realtime('vehicle-positions')).vehicles
      if (options.routeId === undefined) return vehicles
      // Vehicles that name only their trip are matched through the static feed.
      const loaded = vehicles.some((v) => v.routeId === undefined && v.tripId !== undefined) ? await feed() : undefined
      return vehicles.filter((v) => (v.routeId ?? (v.tripId ? loaded?.trip(v.tripId)?.routeId : undefined)) === options.routeId)
    },
    alerts: async () => (await realtime('alerts')).alerts,
    tripUpdates: async () => (await realtime('trip-updates')).tripUpdates,
    realtime,
  }
}
