import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder and data folder, as `thane workshop verify` passes them.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
const dataDir = process.env.THANE_DATA_DIR ?? join(exerciseDir, '..', 'data')

interface Point { lat: number; lon: number }
interface NearStop { stopId: string; name: string; distanceMetres: number }
type Row = Record<string, string>
const { haversineMetres, stopsNear } = (await import(pathToFileURL(join(exerciseDir, 'near.ts')).href)) as {
  haversineMetres(a: Point, b: Point): number
  stopsNear(stops: Row[], point: Point, radiusMetres: number): NearStop[]
}

/** stops.txt rows, read here without the learner's code. */
const rowsOf = (text: string): Row[] => {
  const [header, ...lines] = text.trim().split(/\r?\n/)
  const names = header!.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])))
}
const show = (stops: NearStop[]): string => JSON.stringify(stops.map((s) => `${s.stopId} ${s.distanceMetres} m`))

/** Same stops, same order, each distance within a metre (the Earth's radius differs by source). */
const assertStops = (actual: NearStop[], expected: [string, number][], what: string): void => {
  const message = `${what}: expected ${JSON.stringify(expected.map(([id, m]) => `${id} ${m} m`))}, got ${show(actual)}`
  assert.deepEqual(actual.map((s) => s.stopId), expected.map(([id]) => id), message)
  actual.forEach((s, i) => assert.ok(Math.abs(s.distanceMetres - expected[i]![1]) <= 1, message))
}

test('the haversine distance of one degree of latitude is about 111.2 km', () => {
  const d = haversineMetres({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })
  assert.ok(Math.abs(d - 111_195) < 20, `expected about 111195 m, got ${d}`)
})

test('the haversine distance from Thane Station (W) to the Eastern Express Highway by Viviana Mall is about 2.6 km, either way round', () => {
  const station = { lat: 19.1862, lon: 72.9755 }
  const mall = { lat: 19.2096, lon: 72.9766 }
  const there = haversineMetres(station, mall)
  assert.ok(Math.abs(there - 2604.5) < 2, `expected about 2604.5 m, got ${there}`)
  assert.ok(Math.abs(haversineMetres(mall, station) - there) < 1e-6, 'the distance back should be the same')
  assert.equal(haversineMetres(station, station), 0, 'a point is 0 m from itself')
})

const SMALL = rowsOf(`stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station
station,Big Station,19.2000,72.9700,1,
far,Far Stop,19.2300,72.9700,,
b,Bus Stop B,19.2010,72.9700,0,station
a,Bus Stop A,19.2010,72.9700,,station
here,Right Here,19.2000,72.9700,,`)

test('stops are listed nearest first, and stops at the same distance by name', () => {
  assertStops(stopsNear(SMALL, { lat: 19.2, lon: 72.97 }, 500), [['here', 0], ['a', 111], ['b', 111]], 'stops within 500 m')
})

test('stations (location_type 1) are left out, and so are stops beyond the radius', () => {
  const ids = stopsNear(SMALL, { lat: 19.2, lon: 72.97 }, 5000).map((s) => s.stopId)
  assert.ok(!ids.includes('station'), `a station is not a stop to board at, got ${JSON.stringify(ids)}`)
  assert.ok(ids.includes('far'), `Far Stop is 3.3 km away, inside 5 km: got ${JSON.stringify(ids)}`)
  assertStops(stopsNear(SMALL, { lat: 19.2, lon: 72.97 }, 100), [['here', 0]], 'stops within 100 m')
})

test('distances are whole metres', () => {
  const near = stopsNear(SMALL, { lat: 19.2003, lon: 72.9701 }, 500)
  assert.ok(near.length > 0 && near.every((s) => Number.isInteger(s.distanceMetres)), `expected whole metres, got ${show(near)}`)
})

const stops = rowsOf(readFileSync(join(dataDir, 'stops.txt'), 'utf8'))

test("the stops within 500 m of Thane Station's east side", () => {
  assertStops(stopsNear(stops, { lat: 19.1872, lon: 72.9781 }, 500), [['thane-station-e', 222], ['thane-station-w-satis', 251], ['thane-station-w-depot', 380], ['chendani-koliwada', 495]], 'stops within 500 m of 19.1872, 72.9781')
})

test('the stops within 800 m of a point on the highway by Viviana Mall, with their names', () => {
  const near = stopsNear(stops, { lat: 19.2096, lon: 72.9766 }, 800)
  assertStops(near, [['viviana-mall', 329], ['rabodi', 350], ['cadbury-junction', 464], ['tmc-headquarters', 651], ['nitin-company', 767], ['bhakti-mandir', 799]], 'stops within 800 m of 19.2096, 72.9766')
  assert.equal(near[0]?.name, 'Viviana Mall', `the nearest stop's name: expected Viviana Mall, got ${String(near[0]?.name)}`)
})
