import { describe, expect, it } from 'vitest'
import { addDays, formatGtfsTime, localDate, localSecondOfDay, serviceDayStart, weekday, zoneOffsetMs } from '../src/sandbox/apis/gtfs/time.js'

describe('sandbox GTFS time (on the SDK ServiceClock)', () => {
  it('gives the offset, local date and second of day in Asia/Kolkata', () => {
    const ms = Date.parse('2026-07-14T23:45:30+05:30')
    expect(zoneOffsetMs('Asia/Kolkata', ms)).toBe(19_800_000)
    expect(localDate('Asia/Kolkata', ms)).toBe('20260714')
    expect(localDate('UTC', ms)).toBe('20260714')
    expect(localDate('Asia/Kolkata', Date.parse('2026-07-14T19:00:00Z'))).toBe('20260715')
    expect(localSecondOfDay('Asia/Kolkata', ms)).toBe(23 * 3600 + 45 * 60 + 30)
  })

  it('starts a service day at noon minus 12 h, in epoch seconds, also across a clock change', () => {
    expect(serviceDayStart('Asia/Kolkata', '20260714')).toBe(Date.parse('2026-07-14T00:00:00+05:30') / 1000)
    // Europe/London springs forward on 2026-03-29: noon is 12:00+01:00, so the day starts at 23:00Z the day before.
    expect(serviceDayStart('Europe/London', '20260329')).toBe(Date.parse('2026-03-28T23:00:00Z') / 1000)
    expect(Number.isInteger(serviceDayStart('America/New_York', '20261101'))).toBe(true)
  })

  it('adds days, names weekdays and formats times past 24 h', () => {
    expect(addDays('20261231', 1)).toBe('20270101')
    expect(addDays('20260301', -1)).toBe('20260228')
    expect(weekday('20260714')).toBe(2)
    expect(formatGtfsTime(25 * 3600 + 10 * 60 + 5)).toBe('25:10:05')
  })
})
