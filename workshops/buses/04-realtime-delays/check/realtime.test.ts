import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder and data folder, as `thane workshop verify` passes them.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
const dataDir = process.env.THANE_DATA_DIR ?? join(exerciseDir, '..', 'data')
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(exerciseDir, file)).href)) as T

type Row = Record<string, string>
interface Feed { stops: Row[]; routes: Row[]; trips: Row[]; stopTimes: Row[]; calendar: Row[]; calendarDates: Row[] }
interface StopTimeUpdate { stopSequence: number; arrival?: { delay: number }; departure?: { delay: number }; scheduleRelationship?: string }
interface TripUpdate { trip: { tripId: string; startDate?: string }; stopTimeUpdate: StopTimeUpdate[] }
interface FeedMessage { header: { gtfsRealtimeVersion: string }; entity: { id: string; tripUpdate?: TripUpdate; vehicle?: unknown }[] }
interface PredictedStop { stopSequence: number; stopId: string; scheduled: string; predicted: string | null; delaySeconds: number | null; skipped: boolean }
const { readFeed } = await load<{ readFeed(dir: string): Feed }>('gtfs.ts')
const { tripUpdatesOf, predictTrip, predictAll } = await load<{
  tripUpdatesOf(message: FeedMessage): TripUpdate[]
  predictTrip(stopTimes: Row[], update: TripUpdate): PredictedStop[]
  predictAll(feed: Feed, message: FeedMessage): Map<string, PredictedStop[]>
}>('realtime.ts')

/** A stop as one line: sequence, stop, scheduled → predicted (delay), or "skipped". */
const line = (s: PredictedStop): string => `${s.stopSequence} ${s.stopId} ${s.scheduled} → ${s.skipped ? 'skipped' : s.predicted === null ? 'no prediction' : `${s.predicted} (${s.delaySeconds} s)`}`
const lines = (stops: PredictedStop[] | undefined): string[] => (stops ?? []).map(line)

// Four stops of a trip, rows out of order on purpose.
const TRIP: Row[] = [
  { trip_id: 't', arrival_time: '08:10:00', departure_time: '08:10:30', stop_id: 'B', stop_sequence: '2' },
  { trip_id: 't', arrival_time: '08:00:00', departure_time: '08:00:00', stop_id: 'A', stop_sequence: '1' },
  { trip_id: 't', arrival_time: '08:30:00', departure_time: '08:30:00', stop_id: 'D', stop_sequence: '10' },
  { trip_id: 't', arrival_time: '08:20:00', departure_time: '08:21:00', stop_id: 'C', stop_sequence: '3' },
]
const update = (stopTimeUpdate: StopTimeUpdate[]): TripUpdate => ({ trip: { tripId: 't', startDate: '20260714' }, stopTimeUpdate })

test("a stop's delay carries on to every later stop, in stop_sequence order", () => {
  const stops = predictTrip(TRIP, update([{ stopSequence: 2, departure: { delay: 120 } }]))
  assert.deepEqual(lines(stops), ['1 A 08:00:00 → no prediction', '2 B 08:10:30 → 08:12:30 (120 s)', '3 C 08:21:00 → 08:23:00 (120 s)', '10 D 08:30:00 → 08:32:00 (120 s)'], `got ${JSON.stringify(lines(stops))}`)
})

test('a later update replaces the delay from its stop on, and an early bus has a negative delay', () => {
  const stops = predictTrip(TRIP, update([{ stopSequence: 1, departure: { delay: 300 } }, { stopSequence: 3, departure: { delay: -30 } }]))
  assert.deepEqual(lines(stops), ['1 A 08:00:00 → 08:05:00 (300 s)', '2 B 08:10:30 → 08:15:30 (300 s)', '3 C 08:21:00 → 08:20:30 (-30 s)', '10 D 08:30:00 → 08:29:30 (-30 s)'], `got ${JSON.stringify(lines(stops))}`)
})

test('the departure delay is used when given, else the arrival delay', () => {
  const stops = predictTrip(TRIP, update([{ stopSequence: 1, arrival: { delay: 60 } }, { stopSequence: 3, arrival: { delay: 200 }, departure: { delay: 90 } }]))
  assert.deepEqual(lines(stops), ['1 A 08:00:00 → 08:01:00 (60 s)', '2 B 08:10:30 → 08:11:30 (60 s)', '3 C 08:21:00 → 08:22:30 (90 s)', '10 D 08:30:00 → 08:31:30 (90 s)'], `got ${JSON.stringify(lines(stops))}`)
})

test('a skipped stop has no prediction, and the delay passes over it', () => {
  const stops = predictTrip(TRIP, update([{ stopSequence: 1, departure: { delay: 240 } }, { stopSequence: 2, scheduleRelationship: 'SKIPPED' }]))
  assert.deepEqual(lines(stops), ['1 A 08:00:00 → 08:04:00 (240 s)', '2 B 08:10:30 → skipped', '3 C 08:21:00 → 08:25:00 (240 s)', '10 D 08:30:00 → 08:34:00 (240 s)'], `got ${JSON.stringify(lines(stops))}`)
  assert.equal(stops[1]?.predicted, null, 'a skipped stop: predicted should be null')
})

test('a delay can push a time past 24:00:00', () => {
  const late: Row[] = [{ trip_id: 'n', arrival_time: '23:50:00', departure_time: '23:55:00', stop_id: 'A', stop_sequence: '1' }]
  const stops = predictTrip(late, { trip: { tripId: 'n' }, stopTimeUpdate: [{ stopSequence: 1, departure: { delay: 600 } }] })
  assert.equal(stops[0]?.predicted, '24:05:00', `23:55:00 + 600 s: expected '24:05:00', got ${JSON.stringify(stops[0]?.predicted)}`)
})

const message = JSON.parse(readFileSync(join(dataDir, 'trip-updates.json'), 'utf8')) as FeedMessage

test('the trip updates of a feed message are found, and other entities are left out', () => {
  const ids = tripUpdatesOf(message).map((u) => u.trip.tripId)
  assert.deepEqual(ids, ['1-WD-0-0906', '46-WD-0-0900', '99-WD-0-0700'], `trip-updates.json has 3 TripUpdates and a vehicle position: got ${JSON.stringify(ids)}`)
})

const feed = readFeed(dataDir)
let predicted: Map<string, PredictedStop[]> | undefined
/** The learner's predictions for trip-updates.json, computed once, inside a test so a failure is reported there. */
const predictions = (): Map<string, PredictedStop[]> => (predicted ??= predictAll(feed, message))

test('only trips in the timetable are predicted', () => {
  const trips = [...predictions().keys()].sort()
  assert.deepEqual(trips, ['1-WD-0-0906', '46-WD-0-0900'], `99-WD-0-0700 is not in trips.txt: got ${JSON.stringify(trips)}`)
})

test("route 1's 09:06 trip to Gaimukh: two minutes late from Court Naka, five from Golden Dyes Naka, Dongripada skipped, one minute from Anand Nagar", () => {
  const stops = predictions().get('1-WD-0-0906')
  assert.equal(stops?.length, 20, `expected 20 stops, got ${String(stops?.length)}`)
  const pick = lines(stops).filter((_, i) => [0, 1, 2, 6, 7, 10, 11, 12, 14, 19].includes(i))
  const expected = [
    '1 thane-station-w-satis 09:06:00 → no prediction',
    '2 jambli-naka 09:08:50 → no prediction',
    '3 court-naka 09:12:40 → 09:14:40 (120 s)',
    '7 viviana-mall 09:22:50 → 09:24:50 (120 s)',
    '8 golden-dyes-naka 09:27:40 → 09:32:40 (300 s)',
    '11 manpada 09:41:00 → 09:46:00 (300 s)',
    '12 dongripada 09:44:00 → skipped',
    '13 patlipada 09:47:40 → 09:52:40 (300 s)',
    '15 anand-nagar-ghodbunder 09:54:10 → 09:55:10 (60 s)',
    '20 gaimukh 10:09:00 → 10:10:00 (60 s)',
  ]
  assert.deepEqual(pick, expected, `got ${JSON.stringify(pick)}`)
})

test("route 46's 09:00 trip runs 40 seconds early from Eternity Mall to Road No. 33", () => {
  const last = predictions().get('46-WD-0-0900')?.at(-1)
  assert.equal(last && line(last), '16 road-no-33 09:30:00 → 09:29:20 (-40 s)', `got ${last ? line(last) : String(last)}`)
})
