import { fileURLToPath } from 'node:url'
import { DATA_DIR, readFeed, type Feed } from './gtfs.ts'
import { servicesOn, timeToSeconds } from './service.ts'

export interface TripStart {
  tripId: string
  /** The departure time at the trip's first stop, as the timetable writes it. */
  start: string
}

/** The trips of a route in one direction that run on a service day, by start time (ties: trip_id). */
export function tripStarts(feed: Feed, routeId: string, directionId: string, date: string): TripStart[] {
  const running = servicesOn(date, feed.calendar, feed.calendarDates)
  const wanted = new Set(feed.trips.filter((t) => t.route_id === routeId && t.direction_id === directionId && running.has(t.service_id!)).map((t) => t.trip_id!))
  // The first stop of a trip is its lowest stop_sequence, wherever its row sits in the file.
  const first = new Map<string, { sequence: number; time: string }>()
  for (const st of feed.stopTimes) {
    if (!wanted.has(st.trip_id!)) continue
    const sequence = Number(st.stop_sequence)
    const current = first.get(st.trip_id!)
    if (!current || sequence < current.sequence) first.set(st.trip_id!, { sequence, time: st.departure_time! })
  }
  return [...first.entries()]
    .map(([tripId, { time }]) => ({ tripId, start: time }))
    .sort((a, b) => timeToSeconds(a.start) - timeToSeconds(b.start) || a.tripId.localeCompare(b.tripId))
}

/** The minutes between consecutive times (sorted 'HH:MM:SS' times): n times give n − 1 headways. */
export function headwaysMinutes(times: string[]): number[] {
  return times.slice(1).map((time, i) => (timeToSeconds(time) - timeToSeconds(times[i]!)) / 60)
}

export interface HeadwaySummary {
  /** Trips starting in [from, to). */
  trips: number
  shortest: number | null
  longest: number | null
  average: number | null
}

/** How often a route runs in one direction between two times of a service day (trips starting in [from, to)). */
export function headwaySummary(feed: Feed, routeId: string, directionId: string, date: string, from: string, to: string): HeadwaySummary {
  const starts = tripStarts(feed, routeId, directionId, date)
    .map((t) => t.start)
    .filter((s) => timeToSeconds(s) >= timeToSeconds(from) && timeToSeconds(s) < timeToSeconds(to))
  const gaps = headwaysMinutes(starts)
  if (gaps.length === 0) return { trips: starts.length, shortest: null, longest: null, average: null }
  return { trips: starts.length, shortest: Math.min(...gaps), longest: Math.max(...gaps), average: gaps.reduce((a, b) => a + b, 0) / gaps.length }
}

// Run with `node headways.ts` to compare route 1's morning peak with its afternoon.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const feed = readFeed(DATA_DIR)
  console.log('peak 08–11', headwaySummary(feed, '1', '0', '20260714', '08:00:00', '11:00:00'))
  console.log('midday 12–16', headwaySummary(feed, '1', '0', '20260714', '12:00:00', '16:00:00'))
}
