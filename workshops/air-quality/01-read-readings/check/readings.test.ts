import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder and data folder, as `thane workshop verify` passes them.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
const dataDir = process.env.THANE_DATA_DIR ?? join(exerciseDir, '..', 'data')

type Values = Record<string, number | null>
interface Reading { stationId: string; timestamp: string; values: Values }
interface ReadingsModule {
  parseReadings(csvText: string): Reading[]
  stationIds(readings: Reading[]): string[]
  countByStation(readings: Reading[]): Record<string, number>
}
const { parseReadings, stationIds, countByStation } = (await import(pathToFileURL(join(exerciseDir, 'readings.ts')).href)) as ReadingsModule

const SMALL = [
  'station_id,timestamp,pm25,pm10,no2,so2,co,o3,nh3,aqi',
  'TMC-AQ-02,2026-07-01T00:00:00+05:30,32.8,71.6,25.2,12.6,0.61,9.5,21.5,',
  'TMC-AQ-01,2026-07-01T00:00:00+05:30,0,64.3,,10.8,0.46,11.4,29.7,67',
  '',
].join('\n')

test('every line after the header becomes one reading, with its station and timestamp', () => {
  const readings = parseReadings(SMALL)
  assert.equal(readings.length, 2, `expected 2 readings from a file with a header and 2 rows, got ${readings.length}`)
  assert.equal(readings[0]!.stationId, 'TMC-AQ-02')
  assert.equal(readings[0]!.timestamp, '2026-07-01T00:00:00+05:30')
})

test('pollutant cells become numbers', () => {
  const values = parseReadings(SMALL)[0]!.values
  assert.deepEqual(values, { pm25: 32.8, pm10: 71.6, no2: 25.2, so2: 12.6, co: 0.61, o3: 9.5, nh3: 21.5 }, 'the values of the first row, as numbers')
})

test('an empty cell is null, and a reading of 0 stays 0', () => {
  const values = parseReadings(SMALL)[1]!.values
  assert.equal(values.no2, null, `an empty no2 cell should be null, got ${JSON.stringify(values.no2)}`)
  assert.equal(values.pm25, 0, `a pm25 cell holding 0 should be the number 0, got ${JSON.stringify(values.pm25)}`)
})

test('columns are found by their header name, in any order, with \\r\\n line ends', () => {
  const text = 'timestamp,station_id,nh3,o3,co,so2,no2,pm10,pm25\r\n2026-07-02T05:00:00+05:30,TMC-AQ-07,1,2,3,4,5,6,7\r\n'
  const [reading] = parseReadings(text)
  assert.equal(reading?.stationId, 'TMC-AQ-07', `expected station TMC-AQ-07, got ${JSON.stringify(reading?.stationId)}`)
  assert.deepEqual(reading?.values, { pm25: 7, pm10: 6, no2: 5, so2: 4, co: 3, o3: 2, nh3: 1 }, 'values taken from the columns named pm25, pm10, …')
})

test('the station ids are listed once each, sorted', () => {
  assert.deepEqual(stationIds(parseReadings(SMALL)), ['TMC-AQ-01', 'TMC-AQ-02'])
})

test('the real export has 6682 readings from 9 stations, and Kalwa (TMC-AQ-04) misses 14 hours', () => {
  const readings = parseReadings(readFileSync(join(dataDir, 'air-quality.csv'), 'utf8'))
  assert.equal(readings.length, 6682, `expected 6682 readings in air-quality.csv, got ${readings.length}`)
  assert.equal(stationIds(readings).length, 9, `expected 9 stations, got ${stationIds(readings).length}`)
  const counts = countByStation(readings)
  assert.equal(counts['TMC-AQ-01'], 744, `expected 744 hours (31 days × 24) at TMC-AQ-01, got ${counts['TMC-AQ-01']}`)
  assert.equal(counts['TMC-AQ-04'], 730, `expected 730 hours at TMC-AQ-04 (a 14-hour power cut), got ${counts['TMC-AQ-04']}`)
})
