/** Time-zone arithmetic on service days, and the deterministic hash the simulation draws from. */
import { ServiceClock } from '../../../transit/time.js'

export { addDays, formatGtfsTime } from '../../../transit/time.js'

// The SDK's GTFS reader already does the zone arithmetic (Intl, cached per zone); one clock a zone.
const clocks = new Map<string, ServiceClock>()

function clockOf(timeZone: string): ServiceClock {
  let clock = clocks.get(timeZone)
  if (!clock) {
    clock = new ServiceClock(timeZone)
    clocks.set(timeZone, clock)
  }
  return clock
}

/** The zone's offset from UTC at an instant, in ms (+05:30 → 19 800 000). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  return clockOf(timeZone).offsetMs(ms)
}

/** `YYYYMMDD` of the local calendar date at an instant. */
export function localDate(timeZone: string, ms: number): string {
  return clockOf(timeZone).dateOf(ms)
}

/** Seconds since local midnight at an instant. */
export function localSecondOfDay(timeZone: string, ms: number): number {
  const local = ms + zoneOffsetMs(timeZone, ms)
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 1000)
}

/** Day of the week of a `YYYYMMDD`, Sunday = 0. */
export function weekday(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))).getUTCDay()
}

/**
 * Epoch seconds of the start of a service day: noon minus 12 h, local time (GTFS), which is
 * midnight except on days a clock change happens.
 */
export function serviceDayStart(timeZone: string, date: string): number {
  return clockOf(timeZone).dayStart(date) / 1000
}

/**
 * A number in [0, 1) drawn from a text: FNV-1a then MurmurHash3's finaliser. The simulation takes
 * every "random" choice from it, keyed by trip, service date and what is being chosen.
 */
export function unit(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 4_294_967_296
}
