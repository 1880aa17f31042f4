/** Time-zone arithmetic on service days, and the deterministic hash the simulation draws from. */

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    formatters.set(timeZone, f)
  }
  return f
}

/** The zone's offset from UTC at an instant, in ms (+05:30 → 19 800 000). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const parts: Record<string, number> = {}
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!)
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** `YYYYMMDD` of the local calendar date at an instant. */
export function localDate(timeZone: string, ms: number): string {
  const d = new Date(ms + zoneOffsetMs(timeZone, ms))
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
}

/** Seconds since local midnight at an instant. */
export function localSecondOfDay(timeZone: string, ms: number): number {
  const local = ms + zoneOffsetMs(timeZone, ms)
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 1000)
}

/** `YYYYMMDD` plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)) + days))
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
}

/** Day of the week of a `YYYYMMDD`, Sunday = 0. */
export function weekday(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))).getUTCDay()
}

const dayStarts = new Map<string, number>()

/**
 * Epoch seconds of the start of a service day: noon minus 12 h, local time (GTFS), which is
 * midnight except on days a clock change happens.
 */
export function serviceDayStart(timeZone: string, date: string): number {
  const key = `${timeZone}|${date}`
  let s = dayStarts.get(key)
  if (s === undefined) {
    const noonUtc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)), 12)
    const noon = noonUtc - zoneOffsetMs(timeZone, noonUtc - zoneOffsetMs(timeZone, noonUtc))
    s = Math.round(noon / 1000) - 12 * 3600
    if (dayStarts.size > 10_000) dayStarts.clear()
    dayStarts.set(key, s)
  }
  return s
}

/** Seconds → `HH:MM:SS` (hours may pass 24). */
export function formatGtfsTime(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
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
