import { afterEach, describe, expect, test, vi } from 'vitest'
import { InputError } from '../src/errors.js'
import { createClock, formatIst, type Clock } from '../src/sandbox/clock.js'

const ACCEPTED = `clock must be 'live' or an ISO 8601 date-time with an offset, like 2026-07-14T09:00+05:30 or 2026-07-14T03:30:00Z`

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError, but nothing was thrown')
}

describe('createClock', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  test('a fixed clock stands still until it is advanced or set', () => {
    const clock = createClock('2026-07-14T09:00+05:30')
    expect(clock.mode).toBe('fixed')
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:00.000Z')
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:00.000Z')
    clock.advance(90_000)
    expect(clock.now().toISOString()).toBe('2026-07-14T03:31:30.000Z')
    clock.advance(-30_000)
    expect(clock.now().toISOString()).toBe('2026-07-14T03:31:00.000Z')
    clock.set(new Date('2026-01-26T00:00:00Z'))
    expect(clock.now().toISOString()).toBe('2026-01-26T00:00:00.000Z')
  })

  test('now() returns a copy, so changing it does not move the clock', () => {
    const clock = createClock('2026-07-14T09:00+05:30')
    clock.now().setUTCFullYear(1999)
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:00.000Z')
  })

  test.each([
    ['2026-07-14T09:00+05:30', '2026-07-14T03:30:00.000Z'],
    ['2026-07-14T09:00:15+05:30', '2026-07-14T03:30:15.000Z'],
    ['2026-07-14T09:00:15.25+05:30', '2026-07-14T03:30:15.250Z'],
    ['2026-07-14T09:00:15.123456789Z', '2026-07-14T09:00:15.123Z'],
    ['2026-07-14T03:30Z', '2026-07-14T03:30:00.000Z'],
    ['2026-07-14T00:15-04:00', '2026-07-14T04:15:00.000Z'],
    ['2026-07-14T02:00+05:30', '2026-07-13T20:30:00.000Z'],
    ['2028-02-29T12:00Z', '2028-02-29T12:00:00.000Z'],
    ['0050-01-01T00:00Z', '0050-01-01T00:00:00.000Z'],
  ])('accepts %s as the instant %s', (text, iso) => {
    expect(createClock(text).now().toISOString()).toBe(iso)
  })

  test.each([
    'tomorrow',
    '',
    '2026-07-14',
    '2026-07-14T09:00',
    '2026-07-14 09:00+05:30',
    '2026-07-14T9:00+05:30',
    '2026-07-14T09:00+0530',
    '2026-07-14T09:00+05',
    '2026-07-14T09:00z',
    '2026-07-14T09:00:00.Z',
    '2026-02-30T09:00Z',
    '2027-02-29T09:00Z',
    '2026-13-01T09:00Z',
    '2026-07-00T09:00Z',
    '2026-07-14T24:00Z',
    '2026-07-14T09:60Z',
    '2026-07-14T09:00:60Z',
    '2026-07-14T09:00+24:00',
    ' 2026-07-14T09:00+05:30',
    'LIVE',
  ])('rejects %j with an InputError on the clock field showing the accepted form', (text) => {
    const err = inputError(() => createClock(text))
    expect(err.code).toBe('E_INPUT')
    expect(err.field).toBe('clock')
    expect(err.message).toBe(`${ACCEPTED}; got ${JSON.stringify(text)}`)
  })

  test('a Date gives a fixed clock that the caller cannot move by changing the Date', () => {
    const start = new Date('2026-07-14T03:30:00Z')
    const clock = createClock(start)
    start.setUTCFullYear(1999)
    expect(clock.mode).toBe('fixed')
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:00.000Z')
  })

  test('an invalid Date is rejected with an InputError on the clock field', () => {
    const err = inputError(() => createClock(new Date('nonsense')))
    expect(err.field).toBe('clock')
    expect(err.message).toBe('clock must be a valid Date; got an Invalid Date')
  })

  test('a Clock is used as it is', () => {
    const own: Clock = createClock('2026-07-14T09:00+05:30')
    expect(createClock(own)).toBe(own)
  })

  test('a live clock follows real time, and advance or set shift it while it keeps ticking', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-07-14T03:30:00Z') })
    const clock = createClock()
    expect(clock.mode).toBe('live')
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:00.000Z')
    vi.setSystemTime(new Date('2026-07-14T03:30:05Z'))
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:05.000Z')
    clock.advance(3_600_000)
    expect(clock.now().toISOString()).toBe('2026-07-14T04:30:05.000Z')
    clock.set(new Date('2030-01-01T00:00:00Z'))
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z')
    vi.setSystemTime(new Date('2026-07-14T03:30:15Z'))
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:10.000Z')
  })

  test('advance rejects a number of milliseconds that is not finite', () => {
    const clock = createClock('2026-07-14T09:00+05:30')
    const err = inputError(() => clock.advance(Number.NaN))
    expect(err.field).toBe('ms')
    expect(err.message).toBe('advance(ms) needs a finite number of milliseconds; got NaN')
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:00.000Z')
  })

  test('set rejects an invalid Date and leaves the clock where it was', () => {
    const clock = createClock('2026-07-14T09:00+05:30')
    const err = inputError(() => clock.set(new Date(Number.NaN)))
    expect(err.field).toBe('date')
    expect(clock.now().toISOString()).toBe('2026-07-14T03:30:00.000Z')
  })
})

describe('formatIst', () => {
  test.each([
    ['2026-07-14T03:30:00.000Z', '2026-07-14T09:00:00+05:30'],
    ['2026-07-13T20:00:00.000Z', '2026-07-14T01:30:00+05:30'],
    ['2026-12-31T18:30:00.000Z', '2027-01-01T00:00:00+05:30'],
    ['2026-07-14T03:30:00.250Z', '2026-07-14T09:00:00.250+05:30'],
  ])('shows %s in Thane time as %s', (iso, ist) => {
    expect(formatIst(new Date(iso))).toBe(ist)
  })
})
