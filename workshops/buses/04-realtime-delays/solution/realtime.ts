import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DATA_DIR, readFeed, type Feed, type Row } from './gtfs.ts'
import { secondsToTime, timeToSeconds } from './service.ts'

// The shapes of GTFS-Realtime's FeedMessage, as its JSON form writes them (only what is used here).
export interface StopTimeEvent {
  /** Seconds late (negative: early). */
  delay: number
}
export interface StopTimeUpdate {
  stopSequence: number
  arrival?: StopTimeEvent
  departure?: StopTimeEvent
  scheduleRelationship?: 'SCHEDULED' | 'SKIPPED'
}
export interface TripUpdate {
  trip: { tripId: string; routeId?: string; startDate?: string }
  stopTimeUpdate: StopTimeUpdate[]
}
export interface FeedMessage {
  header: { gtfsRealtimeVersion: string; timestamp?: string }
  entity: { id: string; tripUpdate?: TripUpdate }[]
}

export interface PredictedStop {
  stopSequence: number
  stopId: string
  /** The timetable's departure time. */
  scheduled: string
  /** scheduled + delaySeconds, or null without a prediction (before the first update, or skipped). */
  predicted: string | null
  delaySeconds: number | null
  /** The bus will not stop here. */
  skipped: boolean
}

/** The TripUpdates of a FeedMessage (entities may also carry vehicle positions or alerts). */
export function tripUpdatesOf(message: FeedMessage): TripUpdate[] {
  return message.entity.flatMap((e) => (e.tripUpdate ? [e.tripUpdate] : []))
}

/**
 * One trip's stops with the update applied. A stop's delay is its departure delay, else its
 * arrival delay; it carries on to every later stop until the next update. Stops before the first
 * update have no prediction. A SKIPPED stop has none either, and the delay passes over it.
 */
export function predictTrip(stopTimes: Row[], update: TripUpdate): PredictedStop[] {
  const bySequence = new Map(update.stopTimeUpdate.map((u) => [u.stopSequence, u]))
  const ordered = [...stopTimes].sort((a, b) => Number(a.stop_sequence) - Number(b.stop_sequence))
  let delay: number | null = null
  return ordered.map((st) => {
    const stopSequence = Number(st.stop_sequence)
    const scheduledSeconds = timeToSeconds(st.departure_time!)
    const scheduled = secondsToTime(scheduledSeconds)
    const u = bySequence.get(stopSequence)
    if (u?.scheduleRelationship === 'SKIPPED') return { stopSequence, stopId: st.stop_id!, scheduled, predicted: null, delaySeconds: null, skipped: true }
    const own = u?.departure?.delay ?? u?.arrival?.delay
    if (own !== undefined) delay = own
    return { stopSequence, stopId: st.stop_id!, scheduled, predicted: delay === null ? null : secondsToTime(scheduledSeconds + delay), delaySeconds: delay, skipped: false }
  })
}

/** Every updated trip that the timetable has, with its predictions, by trip_id; updates of unknown trips are left out. */
export function predictAll(feed: Feed, message: FeedMessage): Map<string, PredictedStop[]> {
  const stopTimesByTrip = new Map<string, Row[]>()
  for (const st of feed.stopTimes) {
    const rows = stopTimesByTrip.get(st.trip_id!) ?? []
    rows.push(st)
    stopTimesByTrip.set(st.trip_id!, rows)
  }
  const out = new Map<string, PredictedStop[]>()
  for (const update of tripUpdatesOf(message)) {
    const rows = stopTimesByTrip.get(update.trip.tripId)
    if (rows) out.set(update.trip.tripId, predictTrip(rows, update))
  }
  return out
}

// Run with `node realtime.ts` to see the delays of data/trip-updates.json.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const message = JSON.parse(readFileSync(join(DATA_DIR, 'trip-updates.json'), 'utf8')) as FeedMessage
  for (const [tripId, stops] of predictAll(readFeed(DATA_DIR), message)) {
    console.log(tripId)
    console.table(stops)
  }
}
