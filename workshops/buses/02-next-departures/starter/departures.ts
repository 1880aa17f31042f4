import { fileURLToPath } from 'node:url'
import { DATA_DIR, readFeed, type Feed } from './gtfs.ts'
import { addDays, secondsToTime, servicesOn, timeToSeconds } from './service.ts'

export interface Departure {
  tripId: string
  routeId: string
  headsign: string
  /** The service day the trip belongs to: the day before, for a time past 24:00:00 after midnight. */
  serviceDate: string
  /** The departure time as the timetable writes it for that service day (may pass 24:00:00). */
  departureTime: string
  /** Seconds from the asked time until the bus leaves. */
  waitSeconds: number
}

/**
 * The next `limit` departures from a stop at or after `time` ('HH:MM:SS') on `date` ('YYYYMMDD'),
 * soonest first (ties: by trip_id).
 * - Look at three service days: yesterday (its times past 24:00:00 fall after today's midnight),
 *   today and tomorrow (when today runs out). A trip runs on a service day when its service_id is
 *   in servicesOn(that day, …).
 * - On yesterday's service a time is worth 24 h less, on tomorrow's 24 h more.
 * - A trip's last stop (its highest stop_sequence) is not a departure: the bus ends there.
 * - feed.stopTimes rows have trip_id, departure_time, stop_id, stop_sequence; feed.trips rows have
 *   trip_id, route_id, service_id, trip_headsign.
 */
export function nextDepartures(feed: Feed, stopId: string, date: string, time: string, limit = 5): Departure[] {
  throw new Error('not written yet')
}

// Run with `node departures.ts` for the next buses from Thane Station (W) SATIS.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(nextDepartures(readFeed(DATA_DIR), 'thane-station-w-satis', '20260714', '09:00:00', 8))
}
