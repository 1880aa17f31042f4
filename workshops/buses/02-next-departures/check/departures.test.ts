import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder and data folder, as `thane workshop verify` passes them.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
const dataDir = process.env.THANE_DATA_DIR ?? join(exerciseDir, '..', 'data')
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(exerciseDir, file)).href)) as T

type Row = Record<string, string>
interface Feed { stops: Row[]; routes: Row[]; trips: Row[]; stopTimes: Row[]; calendar: Row[]; calendarDates: Row[] }
interface Departure { tripId: string; routeId: string; headsign: string; serviceDate: string; departureTime: string; waitSeconds: number }
const { readFeed } = await load<{ readFeed(dir: string): Feed }>('gtfs.ts')
const service = await load<{
  timeToSeconds(time: string): number
  secondsToTime(seconds: number): string
  addDays(date: string, days: number): string
  servicesOn(date: string, calendar: Row[], calendarDates: Row[]): Set<string>
}>('service.ts')
const { nextDepartures } = await load<{ nextDepartures(feed: Feed, stopId: string, date: string, time: string, limit?: number): Departure[] }>('departures.ts')

/** A GTFS table written inline (no quoted fields), as rows. */
const table = (text: string): Row[] => {
  const [header, ...lines] = text.trim().split('\n').map((l) => l.trim())
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [header!.split(',')[i]!, v])))
}
const brief = (ds: Departure[]): string[] => ds.map((d) => `${d.tripId} ${d.serviceDate} ${d.departureTime} +${d.waitSeconds}s`)

test('GTFS times become seconds and back, past 24:00:00 too', () => {
  assert.equal(service.timeToSeconds('00:00:00'), 0)
  assert.equal(service.timeToSeconds('09:05:30'), 32_730, `timeToSeconds('09:05:30'): expected 32730, got ${service.timeToSeconds('09:05:30')}`)
  assert.equal(service.timeToSeconds('25:10:00'), 90_600, `timeToSeconds('25:10:00'): expected 90600, got ${service.timeToSeconds('25:10:00')}`)
  assert.equal(service.secondsToTime(90_600), '25:10:00', `secondsToTime(90600): expected '25:10:00', got ${JSON.stringify(service.secondsToTime(90_600))}`)
  assert.equal(service.secondsToTime(32_730), '09:05:30', `secondsToTime(32730): expected '09:05:30', got ${JSON.stringify(service.secondsToTime(32_730))}`)
})

test('dates move across months and years', () => {
  for (const [date, days, expected] of [['20260714', 1, '20260715'], ['20260801', -1, '20260731'], ['20261231', 1, '20270101'], ['20260301', -1, '20260228']] as const) {
    assert.equal(service.addDays(date, days), expected, `addDays('${date}', ${days}): expected '${expected}', got ${JSON.stringify(service.addDays(date, days))}`)
  }
})

const feed = readFeed(dataDir)
const running = (date: string): string[] => [...service.servicesOn(date, feed.calendar, feed.calendarDates)].sort()

test("the services on a day follow calendar.txt's weekdays and calendar_dates.txt's exceptions", () => {
  assert.deepEqual(running('20260714'), ['WEEKDAY'], `Tuesday 14 July 2026: expected ['WEEKDAY'], got ${JSON.stringify(running('20260714'))}`)
  assert.deepEqual(running('20260718'), ['SATURDAY'], `Saturday 18 July 2026: expected ['SATURDAY'], got ${JSON.stringify(running('20260718'))}`)
  assert.deepEqual(running('20260815'), ['SUNDAY'], `Independence Day, Saturday 15 August 2026, runs the Sunday service: got ${JSON.stringify(running('20260815'))}`)
  assert.deepEqual(running('20260914'), ['SUNDAY'], `Ganesh Chaturthi, Monday 14 September 2026, runs the Sunday service: got ${JSON.stringify(running('20260914'))}`)
  assert.deepEqual(running('20260531'), [], `before the feed's start_date nothing runs: got ${JSON.stringify(running('20260531'))}`)
})

// A small feed: a weekday route A→B→C, a late trip past midnight, a holiday on Friday 17 July.
const SMALL: Feed = {
  stops: [],
  routes: [],
  calendar: table(`service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
    WK,1,1,1,1,1,0,0,20260101,20261231
    HOL,0,0,0,0,0,0,0,20260101,20261231`),
  calendarDates: table(`service_id,date,exception_type
    WK,20260717,2
    HOL,20260717,1`),
  trips: table(`route_id,service_id,trip_id,trip_headsign
    R,WK,morning,C
    R,WK,evening,C
    R,WK,late,C
    R,HOL,holiday,C`),
  stopTimes: table(`trip_id,arrival_time,departure_time,stop_id,stop_sequence
    morning,08:00:00,08:00:00,A,1
    morning,08:10:00,08:11:00,B,2
    morning,08:20:00,08:20:00,C,3
    evening,18:00:00,18:00:00,A,1
    evening,18:10:00,18:10:30,B,2
    evening,18:20:00,18:20:00,C,3
    late,24:30:00,24:30:00,A,1
    late,24:40:00,24:41:00,B,2
    late,24:50:00,24:50:00,C,3
    holiday,10:00:00,10:00:00,A,1
    holiday,10:10:00,10:10:00,B,2
    holiday,10:20:00,10:20:00,C,3`),
}

test('departures at or after the asked time come soonest first, with the wait in seconds', () => {
  const ds = nextDepartures(SMALL, 'B', '20260714', '08:11:00', 5)
  assert.deepEqual(brief(ds), ['morning 20260714 08:11:00 +0s', 'evening 20260714 18:10:30 +35970s', 'late 20260714 24:41:00 +59400s', 'morning 20260715 08:11:00 +86400s', 'evening 20260715 18:10:30 +122370s'], `from B on Tuesday at 08:11: got ${JSON.stringify(brief(ds))}`)
  assert.equal(ds[0]?.routeId, 'R', `the route of the first departure: expected 'R', got ${String(ds[0]?.routeId)}`)
  assert.equal(ds[0]?.headsign, 'C', `the headsign of the first departure: expected 'C', got ${String(ds[0]?.headsign)}`)
})

test("a time past 24:00:00 belongs to the previous service day: at 00:10 the last bus of yesterday's service is next", () => {
  const ds = nextDepartures(SMALL, 'A', '20260715', '00:10:00', 2)
  assert.deepEqual(brief(ds), ['late 20260714 24:30:00 +1200s', 'morning 20260715 08:00:00 +28200s'], `from A on Wednesday at 00:10: got ${JSON.stringify(brief(ds))}`)
})

test('calendar exceptions are applied: on the holiday the holiday trip runs and the weekday trips do not', () => {
  const ds = nextDepartures(SMALL, 'A', '20260717', '07:00:00', 3)
  assert.deepEqual(brief(ds), ['holiday 20260717 10:00:00 +10800s'], `from A on Friday 17 July (a holiday) at 07:00: got ${JSON.stringify(brief(ds))}`)
  const eve = nextDepartures(SMALL, 'A', '20260716', '23:00:00', 3)
  assert.deepEqual(brief(eve), ['late 20260716 24:30:00 +5400s', 'holiday 20260717 10:00:00 +39600s'], `from A on Thursday at 23:00: got ${JSON.stringify(brief(eve))}`)
})

test("the previous day's exceptions count too: no late weekday bus after the holiday", () => {
  const ds = nextDepartures(SMALL, 'A', '20260718', '00:00:00', 3)
  assert.deepEqual(brief(ds), [], `from A on Saturday at 00:00, after the holiday, nothing runs: got ${JSON.stringify(brief(ds))}`)
})

test("a trip's last stop is not a departure", () => {
  const ds = nextDepartures(SMALL, 'C', '20260714', '00:00:00', 5)
  assert.deepEqual(brief(ds), [], `C is where every trip ends: expected no departures, got ${JSON.stringify(brief(ds))}`)
})

test('the next departures from Thane Station (W) SATIS on a Tuesday at 09:00', () => {
  const ds = nextDepartures(feed, 'thane-station-w-satis', '20260714', '09:00:00', 4)
  assert.deepEqual(brief(ds), ['46-WD-0-0900 20260714 09:00:00 +0s', '14-WD-0-0901 20260714 09:01:00 +60s', '28-WD-0-0904 20260714 09:04:00 +240s', '1-WD-0-0906 20260714 09:06:00 +360s'], `got ${JSON.stringify(brief(ds))}`)
})

test("just after midnight at Jambli Naka, the next buses are the previous day's late trips", () => {
  const ds = nextDepartures(feed, 'jambli-naka', '20260715', '00:00:00', 3)
  assert.deepEqual(brief(ds), ['1-WD-1-2326 20260714 24:00:50 +50s', 'N1-WD-0-2410 20260714 24:11:50 +710s', 'N1-WD-1-2350 20260714 24:28:50 +1730s'], `got ${JSON.stringify(brief(ds))}`)
})

test('on Independence Day (Saturday 15 August) Sunday buses leave Thane Station (W) SATIS', () => {
  const ds = nextDepartures(feed, 'thane-station-w-satis', '20260815', '07:00:00', 2)
  assert.deepEqual(brief(ds), ['28-SU-0-0702 20260815 07:02:00 +120s', '46-SU-0-0705 20260815 07:05:00 +300s'], `got ${JSON.stringify(brief(ds))}`)
})

test("late on Saturday at Owale, the last bus is followed by Sunday morning's first", () => {
  const ds = nextDepartures(feed, 'owale', '20260718', '23:58:00', 2)
  assert.deepEqual(brief(ds), ['1-SA-0-2327 20260718 23:59:50 +110s', '1-SU-1-0613 20260719 06:16:40 +22720s'], `got ${JSON.stringify(brief(ds))}`)
})
