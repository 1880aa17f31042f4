import { InputError, type Departure, type Stop, type ThaneClient } from '@thanekit/sdk'
import { table } from './format.js'

/** The stop asked for and its next departures. */
export interface StopDepartures {
  stop: Stop
  timezone: string
  departures: Departure[]
}

/** Finds a stop by id, else by name or code (the best match), and its next `limit` departures. */
export async function nextBuses(city: ThaneClient, stopQuery: string, limit: number): Promise<StopDepartures> {
  const stop = (await city.transit.stops.get(stopQuery)) ?? (await city.transit.stops.search(stopQuery))[0]
  if (!stop) throw new InputError(`no bus stop matches "${stopQuery}"; set THANE_STOP to a stop id, name or code`, { field: 'THANE_STOP' })
  const [departures, feed] = await Promise.all([city.transit.departures(stop.stopId, { limit }), city.transit.feed()])
  return { stop, timezone: feed.timezone, departures }
}

export function formatBuses({ stop, timezone, departures }: StopDepartures): string {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hour12: false })
  const title = `Next buses from ${stop.name}${stop.nameMr ? ` (${stop.nameMr})` : ''}`
  if (departures.length === 0) return `${title}\nNo more departures today.`
  const rows = departures.map((d) => [d.routeShortName, d.headsign, clock.format(d.predicted ?? d.scheduled), status(d)])
  return `${title}\n${table(['Route', 'To', 'Leaves', 'Status'], rows)}`
}

function status(d: Departure): string {
  if (d.cancelled) return d.skipped ? 'skips this stop' : 'cancelled'
  if (!d.realtime || d.delaySeconds === undefined) return 'scheduled'
  const minutes = Math.round(d.delaySeconds / 60)
  return minutes === 0 ? 'on time' : minutes > 0 ? `${minutes} min late` : `${-minutes} min early`
}
