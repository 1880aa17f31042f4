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
interface TripStart { tripId: string; start: string }
interface HeadwaySummary { trips: number; shortest: number | null; longest: number | null; average: number | null }
const { readFeed } = await load<{ readFeed(dir: string): Feed }>('gtfs.ts')
const { tripStarts, headwaysMinutes, headwaySummary } = await load<{
  tripStarts(feed: Feed, routeId: string, directionId: string, date: string): TripStart[]
  headwaysMinutes(times: string[]): number[]
  headwaySummary(feed: Feed, routeId: string, directionId: string, date: string, from: string, to: string): HeadwaySummary
}>('headways.ts')

const table = (text: string): Row[] => {
  const [header, ...lines] = text.trim().split('\n').map((l) => l.trim())
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [header!.split(',')[i]!, v])))
}
const assertSummary = (actual: HeadwaySummary, expected: HeadwaySummary, what: string): void => {
  const message = `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`
  assert.equal(actual.trips, expected.trips, message)
  for (const key of ['shortest', 'longest', 'average'] as const) {
    const [a, e] = [actual[key], expected[key]]
    assert.ok(e === null ? a === null : typeof a === 'number' && Math.abs(a - e) < 0.01, message)
  }
}

test('headways are the minutes between consecutive times', () => {
  const gaps = headwaysMinutes(['08:00:00', '08:10:00', '08:25:30', '09:00:00'])
  assert.deepEqual(gaps, [10, 15.5, 34.5], `expected [10, 15.5, 34.5], got ${JSON.stringify(gaps)}`)
  assert.deepEqual(headwaysMinutes(['08:00:00']), [], 'one time has no headway: expected []')
})

test('headways carry on past midnight: 23:50, 24:10 and 25:10 are 20 and 60 minutes apart', () => {
  const gaps = headwaysMinutes(['23:50:00', '24:10:00', '25:10:00'])
  assert.deepEqual(gaps, [20, 60], `expected [20, 60], got ${JSON.stringify(gaps)}`)
})

// Rows out of order on purpose: the first stop is the lowest stop_sequence, compared as numbers.
const SMALL: Feed = {
  stops: [],
  routes: [],
  calendar: table(`service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date
    WK,1,1,1,1,1,0,0,20260101,20261231
    SU,0,0,0,0,0,0,1,20260101,20261231`),
  calendarDates: [],
  trips: table(`route_id,service_id,trip_id,direction_id
    R,WK,t2,0
    R,WK,t1,0
    R,WK,back,1
    R,SU,sunday,0
    Q,WK,other,0`),
  stopTimes: table(`trip_id,arrival_time,departure_time,stop_id,stop_sequence
    t2,08:40:00,08:40:00,Y,10
    t2,08:30:00,08:30:00,X,9
    t1,08:00:00,08:00:00,X,1
    t1,08:09:00,08:09:00,Y,2
    back,09:00:00,09:00:00,Y,1
    sunday,08:15:00,08:15:00,X,1
    other,08:05:00,08:05:00,X,1`),
}

test("a trip starts at its lowest stop_sequence, and only the route's trips of that direction and day count", () => {
  const starts = tripStarts(SMALL, 'R', '0', '20260714')
  assert.deepEqual(starts, [{ tripId: 't1', start: '08:00:00' }, { tripId: 't2', start: '08:30:00' }], `route R, direction 0, on a Tuesday: got ${JSON.stringify(starts)}`)
  const sunday = tripStarts(SMALL, 'R', '0', '20260719')
  assert.deepEqual(sunday, [{ tripId: 'sunday', start: '08:15:00' }], `route R, direction 0, on a Sunday: got ${JSON.stringify(sunday)}`)
})

const feed = readFeed(dataDir)

test('route 1 towards Gaimukh runs 72 trips on a weekday, from 05:38 to 23:27', () => {
  const starts = tripStarts(feed, '1', '0', '20260714')
  assert.equal(starts.length, 72, `expected 72 trips, got ${starts.length}`)
  assert.deepEqual(starts[0], { tripId: '1-WD-0-0538', start: '05:38:00' }, `the first trip: got ${JSON.stringify(starts[0])}`)
  assert.deepEqual(starts.at(-1), { tripId: '1-WD-0-2327', start: '23:27:00' }, `the last trip: got ${JSON.stringify(starts.at(-1))}`)
})

test('route 1 runs about every 10 minutes in the weekday morning peak and every 24 in the afternoon lull', () => {
  assertSummary(headwaySummary(feed, '1', '0', '20260714', '08:00:00', '11:00:00'), { trips: 19, shortest: 9, longest: 11, average: 9.8333 }, 'route 1, direction 0, Tuesday 08:00–11:00')
  assertSummary(headwaySummary(feed, '1', '0', '20260714', '12:00:00', '16:00:00'), { trips: 10, shortest: 23, longest: 25, average: 23.6667 }, 'route 1, direction 0, Tuesday 12:00–16:00')
})

test("on Sunday route 1's morning is thinner", () => {
  assertSummary(headwaySummary(feed, '1', '0', '20260719', '08:00:00', '11:00:00'), { trips: 8, shortest: 23, longest: 25, average: 23.8571 }, 'route 1, direction 0, Sunday 08:00–11:00')
})

test('the night route N1 runs every 30 minutes across midnight', () => {
  assertSummary(headwaySummary(feed, 'N1', '0', '20260714', '00:00:00', '30:00:00'), { trips: 4, shortest: 30, longest: 30, average: 30 }, 'route N1, direction 0, the whole Tuesday service')
})

test('with fewer than two trips in the window there is no headway', () => {
  assertSummary(headwaySummary(feed, '1', '0', '20260714', '05:30:00', '05:45:00'), { trips: 1, shortest: null, longest: null, average: null }, 'route 1, direction 0, Tuesday 05:30–05:45')
})
