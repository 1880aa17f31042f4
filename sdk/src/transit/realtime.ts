import GtfsRealtimeBindings from 'gtfs-realtime-bindings'
import { InputError } from '../errors.js'
import type {
  Alert,
  RealtimeFeed,
  RealtimeHeader,
  StopScheduleRelationship,
  StopTimeEvent,
  StopTimeUpdate,
  Translation,
  TripScheduleRelationship,
  TripUpdate,
  VehiclePosition,
} from './types.js'

const { transit_realtime } = GtfsRealtimeBindings

// The plain object `toObject({ longs: Number, enums: String, defaults: false })` gives: numbers, enum
// names, and only the fields the producer sent (proto2 defaults live on the prototype otherwise).
type Plain = Record<string, unknown>
const obj = (v: unknown): Plain | undefined => (v !== null && typeof v === 'object' ? (v as Plain) : undefined)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)
const date = (v: unknown): Date | undefined => (typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000) : undefined)
const list = (v: unknown): Plain[] => (Array.isArray(v) ? v.filter((x): x is Plain => obj(x) !== undefined) : [])

/** Copies only the fields that are defined, so absent optional fields stay absent. */
function defined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k]
  return o
}

/**
 * Decodes a GTFS-Realtime FeedMessage (protobuf bytes) with gtfs-realtime-bindings. Timestamps
 * become `Date`s (from POSIX seconds, never protobuf `Long`s); enums their names; absent optional
 * fields stay absent. Throws `InputError` for bytes that are not a FeedMessage.
 *
 * @example
 * const { tripUpdates, vehicles, alerts } = decodeRealtime(await (await fetch(url)).bytes())
 */
export function decodeRealtime(bytes: Uint8Array, receivedAt: Date = new Date()): RealtimeFeed {
  let plain: Plain
  try {
    const message = transit_realtime.FeedMessage.decode(bytes)
    plain = transit_realtime.FeedMessage.toObject(message, { longs: Number, enums: String, defaults: false }) as Plain
  } catch (err) {
    throw new InputError(`the GTFS-Realtime feed is not a valid FeedMessage (${(err as Error).message})`, { field: 'feed' }, { cause: err })
  }
  const h = obj(plain.header) ?? {}
  const header: RealtimeHeader = {
    gtfsRealtimeVersion: str(h.gtfsRealtimeVersion) ?? '',
    incrementality: h.incrementality === 'DIFFERENTIAL' ? 'DIFFERENTIAL' : 'FULL_DATASET',
    timestamp: date(h.timestamp),
    feedVersion: str(h.feedVersion),
  }
  const feed: RealtimeFeed = { header, tripUpdates: [], vehicles: [], alerts: [] }
  for (const entity of list(plain.entity)) {
    if (entity.isDeleted === true) continue
    const id = str(entity.id) ?? ''
    const tu = obj(entity.tripUpdate)
    if (tu) feed.tripUpdates.push(tripUpdate(id, tu))
    const vp = obj(entity.vehicle)
    if (vp) {
      const v = vehicle(id, vp, header.timestamp ?? receivedAt)
      if (v) feed.vehicles.push(v)
    }
    const al = obj(entity.alert)
    if (al) feed.alerts.push(alert(id, al))
  }
  return feed
}

function event(e: Plain | undefined): StopTimeEvent | undefined {
  if (!e) return undefined
  return defined({ delay: num(e.delay), time: date(e.time), uncertainty: num(e.uncertainty) })
}

function tripUpdate(entityId: string, tu: Plain): TripUpdate {
  const trip = obj(tu.trip) ?? {}
  const vehicleDesc = obj(tu.vehicle) ?? {}
  const stopTimeUpdates = list(tu.stopTimeUpdate).map(
    (u): StopTimeUpdate =>
      defined({
        stopSequence: num(u.stopSequence),
        stopId: str(u.stopId),
        arrival: event(obj(u.arrival)),
        departure: event(obj(u.departure)),
        scheduleRelationship: (str(u.scheduleRelationship) ?? 'SCHEDULED') as StopScheduleRelationship,
      }),
  )
  return defined({
    entityId,
    tripId: str(trip.tripId),
    routeId: str(trip.routeId),
    directionId: num(trip.directionId),
    startDate: str(trip.startDate),
    startTime: str(trip.startTime),
    scheduleRelationship: (str(trip.scheduleRelationship) ?? 'SCHEDULED') as TripScheduleRelationship,
    vehicleId: str(vehicleDesc.id),
    vehicleLabel: str(vehicleDesc.label),
    timestamp: date(tu.timestamp),
    delay: num(tu.delay),
    stopTimeUpdates,
  })
}

function vehicle(entityId: string, vp: Plain, fallbackTime: Date): VehiclePosition | undefined {
  const position = obj(vp.position)
  const lat = num(position?.latitude)
  const lon = num(position?.longitude)
  if (!position || lat === undefined || lon === undefined) return undefined // a vehicle with no position is nothing to show
  const trip = obj(vp.trip) ?? {}
  const desc = obj(vp.vehicle) ?? {}
  return defined({
    entityId,
    vehicleId: str(desc.id) ?? str(desc.label) ?? entityId,
    label: str(desc.label),
    licensePlate: str(desc.licensePlate),
    tripId: str(trip.tripId),
    routeId: str(trip.routeId),
    directionId: num(trip.directionId),
    startDate: str(trip.startDate),
    startTime: str(trip.startTime),
    lat,
    lon,
    bearing: num(position.bearing),
    speed: num(position.speed),
    odometer: num(position.odometer),
    timestamp: date(vp.timestamp) ?? fallbackTime,
    currentStatus: str(vp.currentStatus) as VehiclePosition['currentStatus'],
    stopId: str(vp.stopId),
    currentStopSequence: num(vp.currentStopSequence),
    congestionLevel: str(vp.congestionLevel),
    occupancyStatus: str(vp.occupancyStatus),
    occupancyPercentage: num(vp.occupancyPercentage),
  })
}

function translations(ts: unknown): Translation[] {
  return list(obj(ts)?.translation).map((t) => defined({ text: str(t.text) ?? '', language: str(t.language) }))
}

/** The `en` translation (or `en-…`), else one without a language, else the first. */
function pick(ts: Translation[]): string | undefined {
  const en = ts.find((t) => t.language?.toLowerCase() === 'en' || t.language?.toLowerCase().startsWith('en-'))
  return (en ?? ts.find((t) => !t.language) ?? ts[0])?.text
}

function alert(id: string, al: Plain): Alert {
  const headerTranslations = translations(al.headerText)
  const descriptionTranslations = translations(al.descriptionText)
  const urlTranslations = translations(al.url)
  return defined({
    id,
    cause: str(al.cause),
    effect: str(al.effect),
    severityLevel: str(al.severityLevel),
    headerText: pick(headerTranslations) ?? '',
    descriptionText: pick(descriptionTranslations) ?? '',
    url: pick(urlTranslations),
    headerTranslations,
    descriptionTranslations,
    urlTranslations,
    activePeriods: list(al.activePeriod).map((p) => defined({ start: date(p.start), end: date(p.end) })),
    informedEntities: list(al.informedEntity).map((e) =>
      defined({
        agencyId: str(e.agencyId),
        routeId: str(e.routeId),
        routeType: num(e.routeType),
        directionId: num(e.directionId),
        stopId: str(e.stopId),
        tripId: str(obj(e.trip)?.tripId),
      }),
    ),
  })
}
