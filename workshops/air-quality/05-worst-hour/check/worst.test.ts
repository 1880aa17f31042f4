import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The learner's folder and data folder, as `thane workshop verify` passes them.
const exerciseDir = process.env.THANE_EXERCISE_DIR ?? process.cwd()
const dataDir = process.env.THANE_DATA_DIR ?? join(exerciseDir, '..', 'data')
const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(exerciseDir, file)).href)) as T

type Values = Record<string, number | null>
interface Reading { stationId: string; timestamp: string; values: Values }
interface HourAqi { stationId: string; timestamp: string; aqi: number | null; dominant: string[] }
const { parseReadings } = await load<{ parseReadings(text: string): Reading[] }>('readings.ts')
const { hourlyAqi, worstHour, worstByStation } = await load<{
  hourlyAqi(readings: Reading[]): HourAqi[]
  worstHour(readings: Reading[]): HourAqi | null
  worstByStation(readings: Reading[]): HourAqi[]
}>('worst.ts')

const IST = 5.5 * 3_600_000
/** The IST timestamp `hour` hours after 2026-07-05T00:00:00+05:30, written as in the export. */
const at = (hour: number): string => new Date(Date.parse('2026-07-05T00:00:00+05:30') + hour * 3_600_000 + IST).toISOString().slice(0, 19) + '+05:30'
const reading = (stationId: string, hour: number, values: Values): Reading => ({
  stationId,
  timestamp: at(hour),
  values: { pm25: null, pm10: null, no2: null, so2: null, co: null, o3: null, nh3: null, ...values },
})
const describe = (h: HourAqi | null | undefined): string => (h ? `${h.stationId} ${h.timestamp} AQI ${h.aqi} (${h.dominant.join(', ')})` : String(h))

test('there is one result for each reading, and none before 16 hours of data have built up', () => {
  const rows = Array.from({ length: 20 }, (_, h) => reading('TMC-AQ-90', h, { pm25: 45, pm10: 80, no2: 30 }))
  const hours = hourlyAqi(rows)
  assert.equal(hours.length, 20, `expected 20 results for 20 readings, got ${hours.length}`)
  const byTime = new Map(hours.map((h) => [h.timestamp, h]))
  assert.equal(byTime.get(at(14))?.aqi, null, `the 15th hour has only 15 hours of data: expected AQI null, got ${describe(byTime.get(at(14)))}`)
  assert.equal(byTime.get(at(15))?.aqi, 80, `the 16th hour: expected AQI 80, got ${describe(byTime.get(at(15)))}`)
  assert.deepEqual(byTime.get(at(15))?.dominant, ['pm10'], `the 16th hour: expected PM10 dominant, got ${describe(byTime.get(at(15)))}`)
})

test('the window is the hour itself and the 23 before it: a reading 24 hours back is out', () => {
  const rows = [
    ...Array.from({ length: 16 }, (_, h) => reading('TMC-AQ-91', h, { pm10: 300, no2: 30, so2: 10 })),
    ...Array.from({ length: 16 }, (_, h) => reading('TMC-AQ-91', 24 + h, { pm10: 50, no2: 30, so2: 10 })),
  ]
  const last = hourlyAqi(rows).find((h) => h.timestamp === at(39))
  assert.equal(last?.aqi, 50, `at hour 39 only hours 24–39 count (PM10 50): expected AQI 50, got ${describe(last)}`)
  const first = hourlyAqi(rows).find((h) => h.timestamp === at(24))
  assert.equal(first?.aqi, 234, `at hour 24, hours 1–15 (PM10 300) and 24 (PM10 50) count, a mean of 284.4: expected AQI 234, got ${describe(first)}`)
})

test('stations are averaged separately', () => {
  const rows = Array.from({ length: 16 }, (_, h) => [reading('TMC-AQ-92', h, { pm25: 45, pm10: 80, no2: 30 }), reading('TMC-AQ-93', h, { pm25: 130, pm10: 80, no2: 30 })]).flat()
  const hours = hourlyAqi(rows).filter((h) => h.timestamp === at(15))
  const a = hours.find((h) => h.stationId === 'TMC-AQ-92')
  const b = hours.find((h) => h.stationId === 'TMC-AQ-93')
  assert.equal(a?.aqi, 80, `TMC-AQ-92: expected AQI 80, got ${describe(a)}`)
  assert.equal(b?.aqi, 308, `TMC-AQ-93: expected AQI 308, got ${describe(b)}`)
})

test('the worst hour is the highest AQI, and the earliest hour when several tie', () => {
  const rows = Array.from({ length: 30 }, (_, h) => reading('TMC-AQ-94', h, { pm25: 45, pm10: 80, no2: 30 }))
  const worst = worstHour(rows)
  assert.equal(worst?.aqi, 80, `expected AQI 80, got ${describe(worst)}`)
  assert.equal(worst?.timestamp, at(15), `every hour from the 16th has AQI 80, so the worst is the first of them, ${at(15)}; got ${describe(worst)}`)
  assert.equal(worstHour(rows.slice(0, 10)), null, 'with only 10 hours of data no hour has an AQI: expected null')
})

const readings = parseReadings(readFileSync(join(dataDir, 'air-quality.csv'), 'utf8'))

test('in July, the worst hour is at Majiwada (TMC-AQ-03) on 20 July at 11:00, AQI 119 from PM10', () => {
  const worst = worstHour(readings)
  assert.deepEqual(worst, { stationId: 'TMC-AQ-03', timestamp: '2026-07-20T11:00:00+05:30', aqi: 119, dominant: ['pm10'] }, `got ${describe(worst)}`)
})

test("Kalwa's power cut leaves hours without an AQI", () => {
  const kalwa = hourlyAqi(readings).filter((h) => h.stationId === 'TMC-AQ-04')
  assert.equal(kalwa.length, 730, `expected 730 hours at TMC-AQ-04, got ${kalwa.length}`)
  const after = kalwa.find((h) => h.timestamp === '2026-07-09T16:00:00+05:30')
  assert.equal(after?.aqi, null, `2026-07-09 16:00 has 10 hours of data in its window: expected AQI null, got ${describe(after)}`)
  const recovered = kalwa.find((h) => h.timestamp === '2026-07-10T09:00:00+05:30')
  assert.equal(recovered?.aqi, 32, `2026-07-10 09:00: expected AQI 32, got ${describe(recovered)}`)
})

test('each station has its worst hour, the worst station first', () => {
  const ranked = worstByStation(readings).map((h) => `${h.stationId} ${h.aqi}`)
  const expected = ['TMC-AQ-03 119', 'TMC-AQ-01 106', 'TMC-AQ-06 88', 'TMC-AQ-05 86', 'TMC-AQ-04 84', 'TMC-AQ-09 79', 'TMC-AQ-08 68', 'TMC-AQ-02 65', 'TMC-AQ-07 50']
  assert.deepEqual(ranked, expected, `expected ${expected.join(', ')}; got ${ranked.join(', ')}`)
})
