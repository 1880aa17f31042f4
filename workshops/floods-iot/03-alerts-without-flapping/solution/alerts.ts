// Flood alerts that do not flap: hysteresis (raise at one level, clear at a lower one) and a minimum hold time.
import { fileURLToPath } from 'node:url'
import { loadSeries, type LevelReading } from './series.ts'

export interface AlertRule {
  /** Raise the alert when the level is at or above this, in metres. */
  raiseAt: number
  /** Clear it only when the level is below this (at most `raiseAt`). */
  clearAt: number
  /** Keep a raised alert at least this long, even if the level drops below `clearAt`. */
  minHoldMinutes: number
}

export interface AlertEvent {
  time: string
  state: 'raised' | 'cleared'
  level: number
}

/** The alert's changes over a series, in time order. */
export function alertEvents(series: LevelReading[], rule: AlertRule): AlertEvent[] {
  if (rule.clearAt > rule.raiseAt) {
    throw new RangeError(`clearAt (${rule.clearAt} m) must not be above raiseAt (${rule.raiseAt} m), or the alert could never stay raised`)
  }
  const events: AlertEvent[] = []
  let raisedAtMs: number | undefined
  for (const reading of series) {
    const now = Date.parse(reading.time)
    if (raisedAtMs === undefined) {
      if (reading.level >= rule.raiseAt) {
        raisedAtMs = now
        events.push({ time: reading.time, state: 'raised', level: reading.level })
      }
    } else if (reading.level < rule.clearAt && now - raisedAtMs >= rule.minHoldMinutes * 60_000) {
      raisedAtMs = undefined
      events.push({ time: reading.time, state: 'cleared', level: reading.level })
    }
  }
  return events
}

// `node alerts.ts [file]`: the alerts of the nallah storm, raised at 2.2 m and cleared below 2.0 m after at least an hour.
if (import.meta.main) {
  const series = loadSeries(process.argv[2] ?? fileURLToPath(new URL('../data/wagle-estate-nallah.csv', import.meta.url)))
  console.log(alertEvents(series, { raiseAt: 2.2, clearAt: 2.0, minHoldMinutes: 60 }))
}
