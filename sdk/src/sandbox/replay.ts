import { InputError } from '../errors.js'
import type { Clock } from './clock.js'

/** One week in milliseconds: the step of a replay shift. */
export const WEEK_MS = 7 * 24 * 60 * 60 * 1000

/**
 * How far to move a dataset's times so that it replays up to "now".
 *
 * Under a fixed clock the data are served as they are (0). Under a live clock every historical
 * time is moved by a whole number of weeks, so weekdays and times of day keep their patterns,
 * chosen so that `datasetEnd + shift <= clock.now()` and `clock.now() - (datasetEnd + shift)` is
 * less than a week. The shift is negative when the clock is before the dataset's end.
 *
 * @param datasetEnd the newest time in the dataset (e.g. the latest `requested_datetime`).
 * @returns milliseconds to add to every historical time; a multiple of `WEEK_MS`.
 * @throws InputError (field `datasetEnd`) when `datasetEnd` is an Invalid Date.
 * @example
 * const shift = replayShiftMs(new Date('2026-07-31T21:45:00+05:30'), createClock())
 * const requested = new Date(historical.getTime() + shift)
 */
export function replayShiftMs(datasetEnd: Date, clock: Clock): number {
  const end = datasetEnd.getTime()
  if (Number.isNaN(end)) throw new InputError('datasetEnd must be a valid Date; got an Invalid Date', { field: 'datasetEnd' })
  if (clock.mode !== 'live') return 0
  return Math.floor((clock.now().getTime() - end) / WEEK_MS) * WEEK_MS
}
