import { InputError } from '../errors.js'

/**
 * The sandbox's only source of time. A live clock follows real time (shifted by any `advance` or
 * `set`); a fixed clock stands still at one instant until it is moved, so labs and tests are
 * deterministic.
 *
 * @example
 * const clock = createClock('2026-07-14T09:00+05:30')
 * clock.advance(15 * 60_000)
 * clock.now().toISOString() // '2026-07-14T03:45:00.000Z'
 */
export interface Clock {
  readonly mode: 'live' | 'fixed'
  /** The current sandbox time, as a new Date the caller may change. */
  now(): Date
  /** Moves the clock forward (or back, when negative) by `ms` milliseconds. */
  advance(ms: number): void
  /** Moves the clock to `date`; a live clock keeps ticking from there. */
  set(date: Date): void
}

const ACCEPTED = `'live' or an ISO 8601 date-time with an offset, like 2026-07-14T09:00+05:30 or 2026-07-14T03:30:00Z`

// Extended format only, offset required: local times without an offset would depend on the machine's zone.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/

/**
 * Makes the sandbox clock: `'live'` (the default) follows real time; an ISO 8601 string with an
 * offset or a Date gives a fixed clock at that instant; a `Clock` is used as it is.
 *
 * @throws InputError (field `clock`) when the string or Date is not a valid instant.
 * @example
 * const live = createClock()
 * const fixed = createClock('2026-07-14T09:00+05:30')
 */
export function createClock(spec: 'live' | string | Date | Clock = 'live'): Clock {
  if (spec === 'live') return liveClock()
  if (typeof spec === 'string') return fixedClock(parseInstant(spec))
  if (spec instanceof Date) return fixedClock(checkDate(spec, 'clock'))
  return spec
}

/**
 * Parses `2026-07-14T09:00+05:30`, `2026-07-14T09:00:00Z`, `2026-07-14T09:00:00.250+05:30`, ...
 * and nothing looser: every field is range-checked, so `2026-02-30` is rejected rather than rolled over.
 */
function parseInstant(text: string): Date {
  const m = ISO_WITH_OFFSET.exec(text)
  const invalid = () => new InputError(`clock must be ${ACCEPTED}; got ${JSON.stringify(text)}`, { field: 'clock' })
  if (!m) throw invalid()
  const [, y, mo, d, h, mi, s = '0', frac = '', sign, oh = '0', om = '0'] = m
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw invalid()
  if (hour > 23 || minute > 59 || second > 59 || Number(oh) > 23 || Number(om) > 59) throw invalid()
  const date = new Date(0)
  // setUTCFullYear, because Date.UTC maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute - offsetMinutes, second, Number(frac.padEnd(3, '0').slice(0, 3)))
  return date
}

const IST_OFFSET_MS = 330 * 60_000

/**
 * An instant as ISO 8601 in Thane's zone (Asia/Kolkata, +05:30, no daylight saving):
 * `2026-07-14T09:00:00+05:30`, with milliseconds only when there are some.
 */
export function formatIst(date: Date): string {
  return new Date(date.getTime() + IST_OFFSET_MS).toISOString().replace(/(\.000)?Z$/, '+05:30')
}

function liveClock(): Clock {
  let offset = 0
  return {
    mode: 'live',
    // The one place the sandbox reads the machine's time.
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += checkMs(ms)
    },
    set(date) {
      offset = checkDate(date, 'date').getTime() - Date.now()
    },
  }
}

function fixedClock(start: Date): Clock {
  let time = start.getTime()
  return {
    mode: 'fixed',
    now: () => new Date(time),
    advance(ms) {
      time += checkMs(ms)
    },
    set(date) {
      time = checkDate(date, 'date').getTime()
    },
  }
}

function checkMs(ms: number): number {
  if (!Number.isFinite(ms)) throw new InputError(`advance(ms) needs a finite number of milliseconds; got ${String(ms)}`, { field: 'ms' })
  return ms
}

function checkDate(date: Date, field: string): Date {
  if (Number.isNaN(date.getTime())) throw new InputError(`${field} must be a valid Date; got an Invalid Date`, { field })
  return new Date(date.getTime())
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month, 0)
  return d.getUTCDate()
}
