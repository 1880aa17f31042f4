import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder, as `thane workshop verify` passes it.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
const { subIndex } = (await import(pathToFileURL(join(exerciseDir, 'subindex.ts')).href)) as { subIndex(pollutant: string, concentration: number): number }

// Expected values agree with the SDK's subIndex() (sdk/src/sensors/aqi.ts).
const expectEach = (cases: [string, number, number][]): void => {
  for (const [pollutant, concentration, expected] of cases) {
    const actual = subIndex(pollutant, concentration)
    assert.equal(actual, expected, `subIndex('${pollutant}', ${concentration}): expected ${expected}, got ${actual}`)
  }
}

test("CPCB's own PM2.5 examples hold: 31 gives 51, 45 gives 75 and 60 gives 100", () => {
  expectEach([['pm25', 31, 51], ['pm25', 45, 75], ['pm25', 60, 100]])
})

test('the ends of the scale: 0 gives 0 and the top of the Severe band gives 500', () => {
  expectEach([['pm25', 0, 0], ['pm25', 30, 50], ['pm25', 250, 400], ['pm25', 380, 500]])
})

test('a concentration above the Severe band is capped at 500', () => {
  expectEach([['pm25', 381, 500], ['pm10', 600, 500], ['co', 60, 500]])
})

test('the concentration is rounded before the lookup, so 30.4 is Good and 30.5 is Satisfactory', () => {
  expectEach([['pm25', 30.4, 50], ['pm25', 30.5, 51], ['pm10', 100.5, 101]])
})

test('PM10, NO2 and SO2 use their own breakpoints', () => {
  expectEach([['pm10', 80, 80], ['pm10', 300, 250], ['no2', 41, 51], ['no2', 185.2, 205], ['so2', 500, 229]])
})

test('CO is in mg/m³ and rounded to one decimal', () => {
  expectEach([['co', 1.0, 50], ['co', 1.04, 50], ['co', 1.05, 51], ['co', 1.5, 73], ['co', 12.3, 233]])
})

test('O3 and NH3 use their own breakpoints', () => {
  expectEach([['o3', 100, 100], ['o3', 150, 173], ['o3', 300, 318], ['nh3', 450, 113], ['nh3', 1200.4, 300], ['nh3', 1200.6, 301]])
})

test('the sub-index is a whole number', () => {
  const actual = subIndex('no2', 100)
  assert.ok(Number.isInteger(actual), `subIndex('no2', 100) should be a whole number, got ${actual}`)
  assert.equal(actual, 120, `subIndex('no2', 100): expected 120, got ${actual}`)
})
