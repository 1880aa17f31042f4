import { fileURLToPath } from 'node:url'
import { DATA_DIR, readFeed, type Feed } from './gtfs.ts'
import { servicesOn, timeToSeconds } from './service.ts'

export interface TripStart {
  tripId: string
  /** The departure time at the trip's first stop, as the timetable writes it. */
  start: string
}

/**
 * The trips of a route in one direction that run on a service day, by start time (ties: trip_id).
 * - A trip qualifies when its route_id and direction_id match and its service_id runs on `date`
 *   (servicesOn() from service.ts).
 * - Its start is the departure_time of its stop time with the lowest stop_sequence (compare
 *   stop_sequence as a number: '10' comes after '9').
 */
export function tripStarts(feed: Feed, routeId: string, directionId: string, date: string): TripStart[] {
  throw new Error('not written yet')
}

/** The minutes between consecutive times (sorted 'HH:MM:SS' times): n times give n − 1 headways. */
export function headwaysMinutes(times: string[]): number[] {
  throw new Error('not written yet')
}

export interface HeadwaySummary {
  /** Trips starting in [from, to). */
  trips: number
  shortest: number | null
  longest: number | null
  average: number | null
}

/**
 * How often a route runs in one direction between two times of a service day: take the trips
 * starting at or after `from` and before `to`, and the headways between them. With fewer than two
 * trips there is no headway: shortest, longest and average are null.
 */
export function headwaySummary(feed: Feed, routeId: string, directionId: string, date: string, from: string, to: string): HeadwaySummary {
  throw new Error('not written yet')
}

// Run with `node headways.ts` to compare route 1's morning peak with its afternoon.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const feed = readFeed(DATA_DIR)
  console.log('peak 08–11', headwaySummary(feed, '1', '0', '20260714', '08:00:00', '11:00:00'))
  console.log('midday 12–16', headwaySummary(feed, '1', '0', '20260714', '12:00:00', '16:00:00'))
}
