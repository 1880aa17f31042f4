import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder, as `thane workshop verify` passes it.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
interface AqiResult { aqi: number | null; category: string | null; dominant: string[]; subIndices: Record<string, number> }
const { computeAqi, category } = (await import(pathToFileURL(join(exerciseDir, 'aqi.ts')).href)) as {
  computeAqi(averages: Record<string, number | null>): AqiResult
  category(index: number): string
}

// Expected values agree with the SDK's computeAqi() (sdk/src/sensors/aqi.ts).
const expectAqi = (averages: Record<string, number | null>, aqi: number | null, name: string | null, dominant: string[]): void => {
  const actual = computeAqi(averages)
  const input = JSON.stringify(averages)
  assert.equal(actual.aqi, aqi, `AQI of ${input}: expected ${aqi}, got ${actual.aqi}`)
  assert.equal(actual.category, name, `category of ${input}: expected ${JSON.stringify(name)}, got ${JSON.stringify(actual.category)}`)
  assert.deepEqual(actual.dominant, dominant, `dominant pollutant of ${input}: expected ${JSON.stringify(dominant)}, got ${JSON.stringify(actual.dominant)}`)
}

test('the category is found from the AQI, with each boundary in the lower category', () => {
  for (const [index, name] of [[0, 'Good'], [50, 'Good'], [51, 'Satisfactory'], [100, 'Satisfactory'], [101, 'Moderately polluted'], [200, 'Moderately polluted'], [201, 'Poor'], [301, 'Very poor'], [400, 'Very poor'], [401, 'Severe'], [500, 'Severe']] as const) {
    assert.equal(category(index), name, `category(${index}): expected ${name}, got ${category(index)}`)
  }
})

test('the AQI is the largest sub-index, and its pollutant is the dominant one', () => {
  expectAqi({ pm25: 45, pm10: 80, no2: 30 }, 80, 'Satisfactory', ['pm10'])
  expectAqi({ pm25: 130, pm10: 120, no2: 40, so2: 8, co: 1.2, o3: 30, nh3: 20 }, 308, 'Very poor', ['pm25'])
})

test('every sub-index is given', () => {
  const { subIndices } = computeAqi({ pm25: 45, pm10: 80, no2: 30 })
  assert.deepEqual(subIndices, { pm25: 75, pm10: 80, no2: 38 }, `sub-indices of pm25 45, pm10 80, no2 30: expected { pm25: 75, pm10: 80, no2: 38 }, got ${JSON.stringify(subIndices)}`)
})

test('a pollutant other than PM can dominate', () => {
  expectAqi({ pm25: 14, pm10: 30, o3: 120, co: 0.5 }, 129, 'Moderately polluted', ['o3'])
  expectAqi({ pm10: 260, no2: 30, co: 0.8 }, 210, 'Poor', ['pm10'])
})

test('when sub-indices tie, every tied pollutant is dominant, in the order pm25, pm10, no2, …', () => {
  expectAqi({ no2: 80, pm10: 100, pm25: 60 }, 100, 'Satisfactory', ['pm25', 'pm10', 'no2'])
})

test('no AQI with fewer than three pollutants', () => {
  expectAqi({ pm25: 45, pm10: 80 }, null, null, [])
})

test('no AQI without PM2.5 or PM10, even with three other pollutants', () => {
  expectAqi({ no2: 30, so2: 10, co: 1 }, null, null, [])
})

test('a null concentration is "no data" and does not count as a pollutant', () => {
  expectAqi({ pm25: 45, pm10: 80, no2: null }, null, null, [])
  expectAqi({ pm10: 260, no2: 30, so2: null, co: 0.8 }, 210, 'Poor', ['pm10'])
})
