/** A point on the map, WGS 84 degrees. */
export interface TransitPoint {
  lat: number
  lon: number
}

/** One row of `agency.txt`. */
export interface Agency {
  agencyId: string | undefined
  name: string
  url: string
  /** IANA time zone of the whole feed (e.g. `Asia/Kolkata`); service days are counted in it. */
  timezone: string
  lang: string | undefined
  phone: string | undefined
}

/** One row of `stops.txt`, with its Marathi name from `translations.txt` when there is one. */
export interface Stop {
  stopId: string
  stopCode: string | undefined
  name: string
  /** The stop's name in Marathi (`mr`), from `translations.txt` (either form of the file). */
  nameMr?: string
  lat: number
  lon: number
  /** 0 stop or platform, 1 station, 2 entrance/exit, 3 generic node, 4 boarding area. */
  locationType: number
  parentStation: string | undefined
  zoneId: string | undefined
  /** 0 unknown, 1 some accessible boarding, 2 not accessible. */
  wheelchairBoarding: number
  platformCode: string | undefined
}

/** A stop with its distance from the point of a `near()` query. */
export interface StopWithDistance extends Stop {
  /** Great-circle distance in metres (haversine, rounded to the metre). */
  distanceMetres: number
}

/** One row of `routes.txt`. */
export interface Route {
  routeId: string
  agencyId: string | undefined
  shortName: string
  longName: string
  description: string | undefined
  /** 3 is a bus; see the GTFS `route_type` codes. */
  type: number
  /** Hex without `#`; GTFS defaults: `FFFFFF` and `000000`. */
  color: string
  textColor: string
  sortOrder: number | undefined
}

/** One row of `trips.txt`. */
export interface Trip {
  tripId: string
  routeId: string
  serviceId: string
  headsign: string | undefined
  shortName: string | undefined
  directionId: 0 | 1 | undefined
  blockId: string | undefined
  shapeId: string | undefined
  wheelchairAccessible: number
  /** Whether `frequencies.txt` repeats this trip (its stop times are then a template). */
  frequencyBased: boolean
}

/** One row of `stop_times.txt`; times are seconds since the start of the service day (may exceed 86 400). */
export interface StopTime {
  tripId: string
  stopId: string
  stopSequence: number
  /** Seconds since "noon minus 12 h" of the service day; interpolated when the feed leaves it empty. */
  arrivalSeconds: number
  departureSeconds: number
  /** Whether the time is the feed's own (`true`) or interpolated between timed stops (`false`). */
  timed: boolean
  stopHeadsign: string | undefined
  pickupType: number
  dropOffType: number
}

/** One row of `frequencies.txt`. */
export interface Frequency {
  tripId: string
  startSeconds: number
  endSeconds: number
  headwaySecs: number
  /** `true`: a compressed exact schedule (exact_times=1); `false`: "about every headway" (exact_times=0). */
  exactTimes: boolean
}

/** Options of `departures()`. */
export interface DeparturesOptions {
  /** The moment to look from. Default: now. A string must be a date-time `Date` can parse, with an offset (`2026-07-14T09:00+05:30`). */
  at?: Date | string
  /** How many departures to return. Default: 10. */
  limit?: number
}

/** Options of `feed.departures()`: `updates` are the TripUpdates to join (none: the schedule only). */
export interface FeedDeparturesOptions extends DeparturesOptions {
  updates?: readonly TripUpdate[]
}

/** Options of `city.transit.departures()`. */
export interface ClientDeparturesOptions extends DeparturesOptions {
  /**
   * Join the GTFS-Realtime TripUpdates (fetched on each call). Default: `true`. Without `at`, the
   * departures are then those after the feed's header timestamp (the producer's now), so that a
   * sandbox with a fixed clock gives the departures of its own moment.
   */
  realtime?: boolean
}

/**
 * One departure of a trip from a stop. `scheduled` comes from the timetable; `predicted` and
 * `delaySeconds` from a matching TripUpdate (the stop's own update, or a delay propagated forward
 * from an earlier stop of the trip), and are `undefined` without one.
 */
export interface Departure {
  tripId: string
  routeId: string
  routeShortName: string
  /** The stop's `stop_headsign`, else the trip's `trip_headsign`, else the name of the trip's last stop. */
  headsign: string
  stopId: string
  stopSequence: number
  /** The service day the trip belongs to (`YYYYMMDD`), which for times past 24:00:00 is the day before. */
  serviceDate: string
  scheduled: Date
  predicted: Date | undefined
  delaySeconds: number | undefined
  /** Whether a TripUpdate gave this departure a prediction, a skip or a cancellation. */
  realtime: boolean
  /** The trip is CANCELED, or this stop is SKIPPED (`skipped`), in the TripUpdates: the bus will not leave here. */
  cancelled: boolean
  /** This stop is SKIPPED by a StopTimeUpdate (the trip itself runs). */
  skipped: boolean
  /**
   * The trip comes from `frequencies.txt`. With exact_times=1 the time is the timetable's; with
   * exact_times=0 the feed promises only "about every headway", and `scheduled` is the estimate
   * start + k·headway (plus the stop's offset in the template trip).
   */
  frequencyBased: boolean
  /** For a frequency-based trip, its start time (`HH:MM:SS`, may exceed 24 h), as TripDescriptor.start_time names it. */
  startTime?: string
}

// ---- GTFS-Realtime (timestamps are `Date`s, built from the feed's POSIX seconds) ----

/** TripDescriptor.schedule_relationship. */
export type TripScheduleRelationship = 'SCHEDULED' | 'ADDED' | 'UNSCHEDULED' | 'CANCELED' | 'REPLACEMENT' | 'DUPLICATED' | 'DELETED' | 'NEW'
/** StopTimeUpdate.schedule_relationship. */
export type StopScheduleRelationship = 'SCHEDULED' | 'SKIPPED' | 'NO_DATA' | 'UNSCHEDULED'

/** The header of a GTFS-Realtime FeedMessage. */
export interface RealtimeHeader {
  gtfsRealtimeVersion: string
  incrementality: 'FULL_DATASET' | 'DIFFERENTIAL'
  timestamp: Date | undefined
  feedVersion: string | undefined
}

/** A StopTimeEvent: `time` wins over `delay` when both are given. */
export interface StopTimeEvent {
  /** Seconds late (negative: early). */
  delay?: number
  /** The predicted moment (from POSIX seconds). */
  time?: Date
  /** Seconds; 0 = certain; absent = unknown. */
  uncertainty?: number
}

/** One StopTimeUpdate of a TripUpdate. */
export interface StopTimeUpdate {
  stopSequence?: number
  stopId?: string
  arrival?: StopTimeEvent
  departure?: StopTimeEvent
  /** Default `SCHEDULED`. */
  scheduleRelationship: StopScheduleRelationship
}

/** One TripUpdate entity. */
export interface TripUpdate {
  /** FeedEntity.id (unique within the feed message; not a GTFS id). */
  entityId: string
  tripId?: string
  routeId?: string
  directionId?: number
  /** `YYYYMMDD`: the service day of the trip. */
  startDate?: string
  /** `HH:MM:SS`, may exceed 24 h; identifies one run of a frequency-based trip. */
  startTime?: string
  /** Default `SCHEDULED`. */
  scheduleRelationship: TripScheduleRelationship
  vehicleId?: string
  vehicleLabel?: string
  timestamp?: Date
  /** Trip-level delay in seconds; per-stop updates supersede it. */
  delay?: number
  stopTimeUpdates: StopTimeUpdate[]
}

/** One VehiclePosition entity. */
export interface VehiclePosition {
  entityId: string
  /** VehicleDescriptor.id, else its label, else the entity id. */
  vehicleId: string
  label?: string
  licensePlate?: string
  tripId?: string
  /** The TripDescriptor's route_id, else the route of its trip in the static feed (when that feed is loaded). */
  routeId?: string
  directionId?: number
  startDate?: string
  startTime?: string
  lat: number
  lon: number
  /** Degrees clockwise from true north. */
  bearing?: number
  /** Metres per second. */
  speed?: number
  odometer?: number
  /** The position's timestamp, else the feed header's, else the moment the feed was read. */
  timestamp: Date
  currentStatus?: 'INCOMING_AT' | 'STOPPED_AT' | 'IN_TRANSIT_TO'
  stopId?: string
  currentStopSequence?: number
  congestionLevel?: string
  occupancyStatus?: string
  occupancyPercentage?: number
}

/** Options of `vehicles()`. */
export interface VehiclesOptions {
  /** Only the vehicles serving this route. */
  routeId?: string
}

/** One translation of a GTFS-Realtime TranslatedString. */
export interface Translation {
  text: string
  language?: string
}

/** One Alert entity; texts are the `en` translation (else the first), every translation kept beside them. */
export interface Alert {
  id: string
  cause?: string
  effect?: string
  severityLevel?: string
  headerText: string
  descriptionText: string
  url?: string
  headerTranslations: Translation[]
  descriptionTranslations: Translation[]
  urlTranslations: Translation[]
  /** Active when start ≤ t < end; a missing side is open. No period: active while in the feed. */
  activePeriods: { start?: Date; end?: Date }[]
  informedEntities: { agencyId?: string; routeId?: string; routeType?: number; directionId?: number; stopId?: string; tripId?: string }[]
}

/** A decoded GTFS-Realtime FeedMessage, its entities sorted by kind. */
export interface RealtimeFeed {
  header: RealtimeHeader
  tripUpdates: TripUpdate[]
  vehicles: VehiclePosition[]
  alerts: Alert[]
}
