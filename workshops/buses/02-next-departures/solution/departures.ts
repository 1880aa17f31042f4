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

const DAY = 86_400

/**
 * The next `limit` departures from a stop at or after `time` on `date` (local time), soonest first
 * (ties: by trip_id). Looks at yesterday's service (times past 24:00:00), today's and tomorrow's.
 * A trip's last stop is not a departure: the bus ends there.
 */
export function nextDepartures(feed: Feed, stopId: string, date: string, time: string, limit = 5): Departure[] {
  const tripsById = new Map(feed.trips.map((t) => [t.trip_id!, t]))
  const lastSequence = new Map<string, number>()
  for (const st of feed.stopTimes) lastSequence.set(st.trip_id!, Math.max(lastSequence.get(st.trip_id!) ?? -Infinity, Number(st.stop_sequence)))
  const now = timeToSeconds(time)
  const found: Departure[] = []
  for (const offset of [-1, 0, 1]) {
    const serviceDate = addDays(date, offset)
    const running = servicesOn(serviceDate, feed.calendar, feed.calendarDates)
    for (const st of feed.stopTimes) {
      if (st.stop_id !== stopId) continue
      const trip = tripsById.get(st.trip_id!)
      if (!trip || !running.has(trip.service_id!)) continue
      if (Number(st.stop_sequence) === lastSequence.get(st.trip_id!)) continue
      // Seconds since the asked date's midnight: yesterday's service is a day earlier, tomorrow's a day later.
      const leaves = timeToSeconds(st.departure_time!) + offset * DAY
      if (leaves < now) continue
      found.push({ tripId: trip.trip_id!, routeId: trip.route_id!, headsign: trip.trip_headsign ?? '', serviceDate, departureTime: secondsToTime(timeToSeconds(st.departure_time!)), waitSeconds: leaves - now })
    }
  }
  return found.sort((a, b) => a.waitSeconds - b.waitSeconds || a.tripId.localeCompare(b.tripId)).slice(0, limit)
}

// Run with `node departures.ts` for the next buses from Thane Station (W) SATIS.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.table(nextDepartures(readFeed(DATA_DIR), 'thane-station-w-satis', '20260714', '09:00:00', 8))
}
