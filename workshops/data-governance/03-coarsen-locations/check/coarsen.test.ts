import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

interface Point {
  lat: number
  lon: number
}
interface WardCentroid extends Point {
  ward: string
}
interface Learner {
  roundPoint: (point: Point, decimals: number) => Point
  decimalsForPrecision: (metres: number) => number
  snapToGrid: (point: Point, cellDegrees: number) => Point
  nearestWardCentroid: (point: Point, centroids: WardCentroid[]) => WardCentroid
}

const exerciseDir = process.env.THANE_EXERCISE_DIR
const dataDir = process.env.THANE_DATA_DIR
if (!exerciseDir || !dataDir) throw new Error('THANE_EXERCISE_DIR and THANE_DATA_DIR are not set: run the check with `thane workshop verify`')
const learner = (await import(new URL('coarsen.ts', pathToFileURL(exerciseDir + '/')).href)) as Learner

const centroids: WardCentroid[] = readFileSync(join(dataDir, 'ward-centroids.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [ward = '', lat = '', lon = ''] = line.split(',')
    return { ward, lat: Number(lat), lon: Number(lon) }
  })

const filed: Point = { lat: 19.197449, lon: 72.969966 } // grievance 100001, Ghantali

function assertNear(actual: Point, expected: Point, what: string): void {
  const close = Math.abs(actual.lat - expected.lat) < 1e-9 && Math.abs(actual.lon - expected.lon) < 1e-9
  assert.ok(close, `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}

test('roundPoint rounds latitude and longitude to the given decimals', () => {
  assert.deepEqual(learner.roundPoint(filed, 3), { lat: 19.197, lon: 72.97 })
  assert.deepEqual(learner.roundPoint(filed, 2), { lat: 19.2, lon: 72.97 })
  assert.deepEqual(learner.roundPoint(filed, 0), { lat: 19, lon: 73 })
  assert.deepEqual(learner.roundPoint({ lat: -33.86785, lon: 151.20732 }, 2), { lat: -33.87, lon: 151.21 })
})

test('roundPoint refuses decimals that are negative, above 6 or not whole, with a RangeError', () => {
  for (const decimals of [-1, 7, 2.5]) assert.throws(() => learner.roundPoint(filed, decimals), RangeError, `roundPoint(point, ${decimals}) should throw a RangeError`)
})

test('decimalsForPrecision gives the most decimals that keep a coordinate at least that coarse (1 km: 2, 100 m: 3, 5 km: 1, 50 km: 0)', () => {
  for (const [metres, decimals] of [
    [1000, 2],
    [100, 3],
    [5000, 1],
    [50_000, 0],
    [111_320, 0],
    [11_132, 1],
    [1, 5],
  ] as const) {
    const actual = learner.decimalsForPrecision(metres)
    assert.equal(actual, decimals, `decimalsForPrecision(${metres}): expected ${decimals}, got ${actual}`)
  }
})

test('snapToGrid moves a point to the centre of its grid cell', () => {
  assertNear(learner.snapToGrid(filed, 0.01), { lat: 19.195, lon: 72.965 }, 'snapToGrid(19.197449, 72.969966; 0.01°)')
  assertNear(learner.snapToGrid(filed, 0.05), { lat: 19.175, lon: 72.975 }, 'snapToGrid(19.197449, 72.969966; 0.05°)')
})

test('two grievances in the same cell get the same published location, and one across the line another', () => {
  const a = learner.snapToGrid({ lat: 19.2001, lon: 72.9601 }, 0.01)
  const b = learner.snapToGrid({ lat: 19.2099, lon: 72.9699 }, 0.01)
  const c = learner.snapToGrid({ lat: 19.1999, lon: 72.9601 }, 0.01)
  assertNear(b, a, 'two points of the cell 19.20-19.21, 72.96-72.97')
  assertNear(a, { lat: 19.205, lon: 72.965 }, 'the centre of the cell 19.20-19.21, 72.96-72.97')
  assertNear(c, { lat: 19.195, lon: 72.965 }, 'a point just south of 19.20')
})

test('snapToGrid puts negative coordinates in the cell below them, not towards zero', () => {
  assertNear(learner.snapToGrid({ lat: -0.003, lon: -72.9601 }, 0.01), { lat: -0.005, lon: -72.965 }, 'snapToGrid(-0.003, -72.9601; 0.01°)')
})

test('nearestWardCentroid gives the centroid of the nearest ward, not the point itself', () => {
  const places: [string, Point, string][] = [
    ['Mumbra station', { lat: 19.1906, lon: 73.0232 }, 'Mumbra'],
    ['Kalwa', { lat: 19.2005, lon: 72.9996 }, 'Kalwa'],
    ['Diva', { lat: 19.1851, lon: 73.0424 }, 'Diva'],
    ['Wagle Estate', { lat: 19.2085, lon: 72.956 }, 'Wagle Estate'],
    ['Kasarvadavali', { lat: 19.2625, lon: 72.966 }, 'Majiwada-Manpada'],
    ['Ghantali', filed, 'Uthalsar'],
  ]
  for (const [place, point, ward] of places) {
    const expected = centroids.find((c) => c.ward === ward)
    const actual = learner.nearestWardCentroid(point, centroids)
    assert.deepEqual(actual, expected, `${place}: expected the centroid of ${ward} ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
  }
})

test('nearestWardCentroid weighs longitude by the cosine of the latitude', () => {
  // 0.010° north is 1,113 m; 0.0108° east at latitude 60° is only 601 m, so the eastern centroid is nearer.
  const north = { ward: 'north', lat: 60.01, lon: 10 }
  const east = { ward: 'east', lat: 60, lon: 10.0108 }
  const actual = learner.nearestWardCentroid({ lat: 60, lon: 10 }, [north, east])
  assert.equal(actual.ward, 'east', `expected the centroid 601 m east, got ${JSON.stringify(actual)}`)
})
