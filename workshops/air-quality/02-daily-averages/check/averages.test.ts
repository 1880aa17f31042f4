import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder and data folder, as `thane workshop verify` passes them.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
const dataDir = process.env.THANE_DATA_DIR ?? join(exerciseDir, '..', 'data')
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(exerciseDir, file)).href)) as T

interface Reading { stationId: string; timestamp: string; values: Record<string, number | null> }
interface DailyAverage { date: string; hours: number; average: number | null }
const { parseReadings } = await load<{ parseReadings(text: string): Reading[] }>('readings.ts')
const { dailyAverage, dailyAverages } = await load<{
  dailyAverage(hourly: (number | null)[]): number | null
  dailyAverages(readings: Reading[], stationId: string, pollutant: string): DailyAverage[]
}>('averages.ts')

const close = (actual: number | null | undefined, expected: number, what: string): void => {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-6, `${what}: expected ${expected}, got ${String(actual)}`)
}
const hours = (n: number, value: number): (number | null)[] => Array.from({ length: 24 }, (_, i) => (i < n ? value : null))

test('a full day of 24 values averages to their mean', () => {
  const day = Array.from({ length: 24 }, (_, i) => i + 1) // 1 … 24
  close(dailyAverage(day), 12.5, 'the mean of 1 … 24')
})

test('missing hours (null) are left out of the mean, not counted as zero', () => {
  close(dailyAverage([...hours(16, 30), null, null, null, null, null, null, null, null]), 30, 'the mean of sixteen 30s and eight nulls')
})

test('16 hourly values are enough for a 24-hour average', () => {
  close(dailyAverage(hours(16, 42)), 42, 'a day with exactly 16 values of 42')
})

test('the 24-hour average ignores a day with fewer than 16 hourly readings', () => {
  const actual = dailyAverage(hours(15, 42))
  assert.equal(actual, null, `a day with 15 values has no valid average: expected null, got ${String(actual)}`)
  assert.equal(dailyAverage([]), null, 'a day with no values has no average: expected null')
})

test('a zero reading counts as a value', () => {
  close(dailyAverage([...hours(15, 32), 0]), 30, 'fifteen 32s and one 0')
})

const readings = parseReadings(readFileSync(join(dataDir, 'air-quality.csv'), 'utf8'))

test('daily averages cover each day of July at TMC-AQ-01, oldest first', () => {
  const days = dailyAverages(readings, 'TMC-AQ-01', 'pm25')
  assert.equal(days.length, 31, `expected 31 days, got ${days.length}`)
  assert.equal(days[0]?.date, '2026-07-01', `the first day: expected 2026-07-01, got ${String(days[0]?.date)}`)
  assert.equal(days[30]?.date, '2026-07-31', `the last day: expected 2026-07-31, got ${String(days[30]?.date)}`)
  assert.equal(days[0]?.hours, 24, `hours on 2026-07-01: expected 24, got ${String(days[0]?.hours)}`)
  close(days[0]?.average, 24.983333333333334, 'PM2.5 at TMC-AQ-01 on 2026-07-01')
})

test('Kalwa (TMC-AQ-04) has no valid average on 9 July, the day of its 14-hour power cut', () => {
  const days = dailyAverages(readings, 'TMC-AQ-04', 'pm10')
  const cut = days.find((d) => d.date === '2026-07-09')
  assert.equal(cut?.hours, 10, `hours with PM10 data on 2026-07-09: expected 10, got ${String(cut?.hours)}`)
  assert.equal(cut?.average, null, `PM10 average on 2026-07-09: expected null, got ${String(cut?.average)}`)
  close(days.find((d) => d.date === '2026-07-10')?.average, 29.7625, 'PM10 at TMC-AQ-04 on 2026-07-10')
})

test('other stations and pollutants are not mixed in', () => {
  close(dailyAverages(readings, 'TMC-AQ-06', 'no2').find((d) => d.date === '2026-07-31')?.average, 25.64583333333334, 'NO2 at TMC-AQ-06 on 2026-07-31')
  close(dailyAverages(readings, 'TMC-AQ-04', 'pm25').find((d) => d.date === '2026-07-08')?.average, 13.395833333333334, 'PM2.5 at TMC-AQ-04 on 2026-07-08')
})
