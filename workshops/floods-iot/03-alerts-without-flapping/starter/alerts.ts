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
  // This first try works, but flaps: a level wobbling around raiseAt raises and clears the alert
  // again and again. TODO: clear only below rule.clearAt, only after rule.minHoldMinutes, and
  // throw a RangeError when clearAt is above raiseAt.
  const events: AlertEvent[] = []
  let raised = false
  for (const reading of series) {
    const above = reading.level >= rule.raiseAt
    if (above && !raised) events.push({ time: reading.time, state: 'raised', level: reading.level })
    if (!above && raised) events.push({ time: reading.time, state: 'cleared', level: reading.level })
    raised = above
  }
  return events
}

// `node alerts.ts [file]`: the alerts of the nallah storm, raised at 2.2 m and cleared below 2.0 m after at least an hour.
if (import.meta.main) {
  const series = loadSeries(process.argv[2] ?? fileURLToPath(new URL('../data/wagle-estate-nallah.csv', import.meta.url)))
  console.log(alertEvents(series, { raiseAt: 2.2, clearAt: 2.0, minHoldMinutes: 60 }))
}
