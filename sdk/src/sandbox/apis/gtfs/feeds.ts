import GtfsRealtimeBindings from 'gtfs-realtime-bindings'
import type { GtfsFeed } from './load.js'
import { type AlertSpec, delayAt, isSkipped, type Run, vehicleAt } from './sim.js'
import { unit } from './time.js'

const { transit_realtime } = GtfsRealtimeBindings

export type FeedName = 'vehicle-positions' | 'trip-updates' | 'alerts'
export const FEED_NAMES: readonly FeedName[] = ['vehicle-positions', 'trip-updates', 'alerts']

/** What the three feeds are built from at one instant. */
export interface Snapshot {
  now: number
  runs: Run[]
  alerts: AlertSpec[]
}

function header(feed: GtfsFeed, now: number): Record<string, unknown> {
  return { gtfsRealtimeVersion: '2.0', incrementality: 'FULL_DATASET', timestamp: now, ...(feed.feedVersion ? { feedVersion: feed.feedVersion } : {}) }
}

function tripDescriptor(run: Run, canceled = false): Record<string, unknown> {
  return {
    tripId: run.trip.id,
    routeId: run.trip.routeId,
    ...(run.trip.directionId !== undefined ? { directionId: run.trip.directionId } : {}),
    startTime: run.startTime,
    startDate: run.date,
    scheduleRelationship: canceled ? 'CANCELED' : 'SCHEDULED',
  }
}

/**
 * The bus of a run: one vehicle per block (a block's trips are driven by one bus), or per trip;
 * frequency runs of one trip are different buses, numbered by their start time. Vehicle ids are
 * made unique within one feed (a block whose late bus overlaps its next trip gets a second bus).
 */
function vehicleDescriptor(run: Run): { id: string; label: string; licensePlate: string } {
  const base = run.frequency ? `${run.trip.id}-${run.startTime.replaceAll(':', '').slice(0, 4)}` : run.trip.blockId ? `block-${run.trip.blockId}` : run.trip.id
  const h = unit(`plate|${base}`)
  const letters = String.fromCharCode(65 + Math.floor(h * 26)) + String.fromCharCode(65 + Math.floor(unit(`plate2|${base}`) * 26))
  return { id: `TMT-${base}`, label: run.trip.headsign || run.trip.routeId, licensePlate: `MH04 ${letters} ${1000 + Math.floor(unit(`plate3|${base}`) * 9000)}` }
}

function uniqueVehicles(runs: Run[]): Map<Run, { id: string; label: string; licensePlate: string }> {
  const seen = new Set<string>()
  const out = new Map<Run, { id: string; label: string; licensePlate: string }>()
  for (const run of runs) {
    const v = vehicleDescriptor(run)
    if (seen.has(v.id)) v.id = `${v.id}~${run.trip.id}`
    seen.add(v.id)
    out.set(run, v)
  }
  return out
}

/** The feed as the plain object `FeedMessage.fromObject` takes (camelCase, enums by name). */
export function feedObject(name: FeedName, feed: GtfsFeed, snap: Snapshot): Record<string, unknown> {
  const { now } = snap
  const entity: Record<string, unknown>[] = []
  if (name === 'alerts') {
    for (const a of snap.alerts) {
      entity.push({
        id: a.id,
        alert: {
          activePeriod: [{ start: a.start, end: a.end }],
          informedEntity: a.routeIds.map((routeId) => ({ agencyId: feed.routes.get(routeId)?.agencyId || feed.agencyId || undefined, routeId })),
          cause: a.cause,
          effect: a.effect,
          severityLevel: a.severity,
          headerText: { translation: [{ text: a.header.en, language: 'en' }, { text: a.header.mr, language: 'mr' }] },
          descriptionText: { translation: [{ text: a.description.en, language: 'en' }, { text: a.description.mr, language: 'mr' }] },
        },
      })
    }
    return { header: header(feed, now), entity }
  }
  const active = snap.runs.filter((r) => !r.canceled && r.start + r.d0 <= now)
  const vehicles = uniqueVehicles(active)
  if (name === 'vehicle-positions') {
    for (const run of active) {
      const v = vehicleAt(run, now)
      if (!v) continue
      const stop = run.trip.stops[v.stopIndex]!
      entity.push({
        id: `vehicle:${run.key}`,
        vehicle: {
          trip: tripDescriptor(run),
          vehicle: vehicles.get(run),
          position: { latitude: v.lat, longitude: v.lon, bearing: v.bearing, speed: v.speed, odometer: Math.round(v.odometer) },
          currentStopSequence: stop.sequence,
          stopId: stop.stopId,
          currentStatus: v.status,
          timestamp: now,
        },
      })
    }
    return { header: header(feed, now), entity }
  }
  for (const run of snap.runs) {
    if (run.canceled) {
      entity.push({ id: `trip:${run.key}`, tripUpdate: { trip: tripDescriptor(run, true), timestamp: now } })
      continue
    }
    const updates: Record<string, unknown>[] = []
    run.trip.stops.forEach((s, i) => {
      const arr = run.dayStart + run.offset + s.arrival
      const dep = run.dayStart + run.offset + s.departure
      const depDelay = delayAt(run, dep)
      if (dep + depDelay <= now && i < run.trip.stops.length - 1) return // passed
      if (isSkipped(run, i)) {
        updates.push({ stopSequence: s.sequence, stopId: s.stopId, scheduleRelationship: 'SKIPPED' })
        return
      }
      const arrDelay = delayAt(run, arr)
      // exact_times=0 runs have no exact schedule to be late against: predicted times only.
      const event = (t: number, d: number) => (run.approximate ? { time: t + d } : { delay: d, time: t + d })
      updates.push({ stopSequence: s.sequence, stopId: s.stopId, arrival: event(arr, arrDelay), departure: event(dep, depDelay), scheduleRelationship: 'SCHEDULED' })
    })
    const started = run.start + run.d0 <= now
    const ts = Math.max(run.start, Math.min(run.end, run.start + (now - run.start - run.d0) / (1 + run.growth / Math.max(1, run.end - run.start))))
    entity.push({
      id: `trip:${run.key}`,
      tripUpdate: {
        trip: tripDescriptor(run),
        ...(started ? { vehicle: vehicles.get(run) } : {}),
        stopTimeUpdate: updates,
        timestamp: now,
        ...(run.approximate ? {} : { delay: delayAt(run, ts) }),
      },
    })
  }
  return { header: header(feed, now), entity }
}

/** Protobuf bytes of the feed. */
export function encodeFeed(obj: Record<string, unknown>): Uint8Array {
  return transit_realtime.FeedMessage.encode(transit_realtime.FeedMessage.fromObject(obj)).finish()
}

/** The `?format=json` view: the decoded message as `toObject` gives it (numbers, enum names). */
export function jsonOf(bytes: Uint8Array): Record<string, unknown> {
  return transit_realtime.FeedMessage.toObject(transit_realtime.FeedMessage.decode(bytes), { longs: Number, enums: String })
}
