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

/** The TripUpdates of a FeedMessage. Entities may carry other things (vehicle positions, alerts): leave those out. */
export function tripUpdatesOf(message: FeedMessage): TripUpdate[] {
  throw new Error('not written yet')
}

/**
 * One trip's stops (its stop_times rows, in any order) with the update applied, by stop_sequence:
 * - an update's delay is its departure.delay, else its arrival.delay;
 * - the delay carries on to every later stop until the next update gives a new one;
 * - stops before the first update have no prediction (predicted and delaySeconds null);
 * - a SKIPPED stop: skipped true, no prediction, and the delay carries on past it;
 * - predicted = secondsToTime(timeToSeconds(departure_time) + delay).
 */
export function predictTrip(stopTimes: Row[], update: TripUpdate): PredictedStop[] {
  throw new Error('not written yet')
}

/**
 * predictTrip() for every TripUpdate of the message whose trip is in the timetable, by trip_id.
 * Updates of trips the timetable does not have are left out.
 */
export function predictAll(feed: Feed, message: FeedMessage): Map<string, PredictedStop[]> {
  throw new Error('not written yet')
}

// Run with `node realtime.ts` to see the delays of data/trip-updates.json.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const message = JSON.parse(readFileSync(join(DATA_DIR, 'trip-updates.json'), 'utf8')) as FeedMessage
  for (const [tripId, stops] of predictAll(readFeed(DATA_DIR), message)) {
    console.log(tripId)
    console.table(stops)
  }
}
