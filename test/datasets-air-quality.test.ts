import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { averagesFrom, computeAqi } from '../sdk/src/sensors/aqi.js'
import type { Pollutant, TimedValue } from '../sdk/src/sensors/types.js'
import { AIR_QUALITY_POLLUTANTS, SENSORS_DIR } from '../datasets/generate/sensors.ts'
import { IST_TIMESTAMP } from '../datasets/generate/time.ts'

const text = readFileSync(`${SENSORS_DIR}air-quality.csv`, 'utf8')
const records = parse(text) as string[][]
const header = records[0] as string[]
const rows = records.slice(1)
const pkg = JSON.parse(readFileSync(`${SENSORS_DIR}datapackage.json`, 'utf8')) as {
  resources: { name: string; path: string; rows?: number; bytes?: number; hash?: string; description?: string; schema?: { fields: { name: string; type: string }[]; primaryKey: string[]; 'thane:rules'?: unknown[] } }[]
}
const resource = pkg.resources.find((r) => r.name === 'air-quality')
const catalogue = JSON.parse(readFileSync(`${SENSORS_DIR}catalogue.json`, 'utf8')) as {
  things: { id: number; properties: { kind: string; station_code: string } }[]
  datastreams: { id: number; thingId: number; properties: { pollutant?: string } }[]
}
const HOUR = 3_600_000
/** IST is UTC+05:30: its hours start on the half hour of UTC's. */
const IST = 19_800_000
const hourStart = (ms: number): number => Math.floor((ms + IST) / HOUR) * HOUR - IST
const COLUMNS = ['station_id', 'timestamp', 'pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3', 'aqi']

describe('sensors/air-quality.csv: the hourly air-quality export', () => {
  it('has exactly the export columns, and the descriptor says what it is, how many rows and which bytes', () => {
    expect(header).toEqual(COLUMNS)
    expect(resource).toMatchObject({ path: 'air-quality.csv', rows: rows.length, bytes: Buffer.byteLength(text) })
    expect(resource?.hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`)
    expect(resource?.description).toMatch(/^SYNTHETIC DATA/)
    expect(resource?.schema?.fields.map((f) => [f.name, f.type])).toEqual([
      ['station_id', 'string'],
      ['timestamp', 'datetime'],
      ...AIR_QUALITY_POLLUTANTS.map((p) => [p, 'number']),
      ['aqi', 'integer'],
    ])
    expect(resource?.schema?.primaryKey).toEqual(['station_id', 'timestamp'])
    expect(resource?.schema?.['thane:rules']?.map((r) => (r as { rule: string }).rule)).toEqual(['physical-range', 'time-series'])
  })

  it('one row a station and hour of July 2026, sorted, every station of the catalogue', () => {
    const stations = catalogue.things.filter((t) => t.properties.kind === 'air-quality').map((t) => `TMC-${t.properties.station_code}`)
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(stations)
    for (const r of rows) {
      expect(r[0]).toMatch(/^TMC-AQ-\d{2}$/)
      expect(r[1]).toMatch(IST_TIMESTAMP)
      expect(hourStart(Date.parse(r[1] as string))).toBe(Date.parse(r[1] as string))
    }
    // Only the Kalwa station's 14-hour power cut leaves hours out.
    expect(rows.length).toBe(stations.length * 31 * 24 - 14)
    expect(rows.filter((r) => r[0] === 'TMC-AQ-04' && (r[1] as string).startsWith('2026-07-09T')).length).toBe(10)
  })

  it('each pollutant is the mean of its hour in observations.csv.gz', () => {
    const obs = gunzipSync(readFileSync(`${SENSORS_DIR}observations.csv.gz`)).toString('utf8').trimEnd().split('\n')
    const stationOf = new Map(catalogue.datastreams.filter((d) => d.properties.pollutant).map((d) => [String(d.id), [`TMC-${catalogue.things[d.thingId - 1]?.properties.station_code}`, d.properties.pollutant as string] as const]))
    const sums = new Map<string, number[]>()
    for (let i = 1; i < obs.length; i++) {
      const [id, time, value] = (obs[i] as string).split(',') as [string, string, string]
      const who = stationOf.get(id)
      if (!who) continue
      const hour = hourStart(Date.parse(time))
      const key = `${who[0]}|${hour}|${who[1]}`
      const list = sums.get(key) ?? []
      list.push(Number(value))
      sums.set(key, list)
    }
    for (const r of rows.filter((_, i) => i % 37 === 0)) {
      AIR_QUALITY_POLLUTANTS.forEach((p, j) => {
        const got = sums.get(`${r[0]}|${Date.parse(r[1] as string)}|${p}`) ?? []
        const cell = r[j + 2] as string
        if (got.length < 3) expect(cell).toBe('')
        // Rounded to the stream's decimals (two for CO, one otherwise): within half a unit of the last one.
        else expect(Math.abs(Number(cell) - got.reduce((a, b) => a + b, 0) / got.length)).toBeLessThanOrEqual((p === 'co' ? 0.005 : 0.05) + 1e-9)
      })
    }
  })

  it('aqi agrees with the SDK: computeAqi(averagesFrom(the 24 hours ending with the row))', () => {
    const byStation = new Map<string, string[][]>()
    for (const r of rows) byStation.set(r[0] as string, [...(byStation.get(r[0] as string) ?? []), r])
    let checked = 0
    for (const [, list] of byStation) {
      const series: Partial<Record<Pollutant, TimedValue[]>> = {}
      AIR_QUALITY_POLLUTANTS.forEach((p, j) => {
        series[p] = list.filter((r) => r[j + 2] !== '').map((r) => ({ phenomenonTime: r[1] as string, result: Number(r[j + 2]) }))
      })
      for (const r of list.filter((_, i) => i % 23 === 0)) {
        const result = computeAqi(averagesFrom(series, r[1] as string).averages)
        expect(r[9], `${r[0]} ${r[1]}`).toBe(result.aqi === null ? '' : String(result.aqi))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(250)
    expect(rows.filter((r) => r[9] !== '').length).toBeGreaterThan(rows.length * 0.9)
  })
})
