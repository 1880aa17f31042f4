import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { averagesFrom, computeAqi, createClient, type Observation, type Pollutant, type ThaneClient } from '../src/index.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

// The SDK against the real sandbox on a fixed clock (2026-07-14 09:00 IST = 03:30 UTC).

const NOW = '2026-07-14T03:30:00.000Z'
let sandbox: Sandbox
let city: ThaneClient

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', clock: '2026-07-14T09:00+05:30' })
  city = createClient({ baseUrl: sandbox.url, env: {}, configFile: false })
})
afterAll(async () => {
  await sandbox?.close()
})

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

describe('sensors against the sandbox', () => {
  it('stations: the air-quality stations, and those of one ward, with their points', async () => {
    const all = await city.sensors.stations({ kind: 'air-quality' })
    expect(all.length).toBeGreaterThanOrEqual(3)
    expect(all.every((s) => s.kind === 'air-quality' && s.coordinates !== undefined)).toBe(true)
    const ward = all[0]!.ward!
    const inWard = await city.sensors.stations({ kind: 'air-quality', ward })
    expect(inWard.length).toBeGreaterThan(0)
    expect(inWard.every((s) => s.ward === ward)).toBe(true)
    expect(inWard.map((s) => s.id)).toEqual(all.filter((s) => s.ward === ward).map((s) => s.id))
  })

  it('stations: near sorts by distance', async () => {
    const near = await city.sensors.stations({ kind: 'air-quality', near: { lat: 19.1972, lon: 72.9722 } })
    const distances = near.map((s) => s.distanceMetres!)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
  })

  it('latest: every pollutant of a station, read at the sandbox clock', async () => {
    const [station] = await city.sensors.stations({ kind: 'air-quality' })
    const readings = await city.sensors.latest(station!.id)
    expect(readings.map((r) => r.pollutant).sort()).toEqual(['co', 'nh3', 'no2', 'o3', 'pm10', 'pm25', 'so2'])
    for (const r of readings) {
      expect(r.value).toEqual(expect.any(Number))
      expect(Date.parse(r.observation!.phenomenonTime)).toBeLessThanOrEqual(Date.parse(NOW))
      expect(r.unit.symbol).toBe(r.pollutant === 'co' ? 'mg/m³' : 'µg/m³')
    }
  })

  it('observations: a day in ascending time, and the whole history in chunks past the server page limit', async () => {
    const [station] = await city.sensors.stations({ kind: 'air-quality' })
    const [reading] = await city.sensors.latest(station!.id)
    const id = reading!.datastream.id
    const day = await collect(city.sensors.observations(id, { from: '2026-07-13T09:00+05:30', to: '2026-07-14T09:00+05:30' }))
    expect(day).toHaveLength(96) // every 15 minutes
    const times = day.map((o) => Date.parse(o.phenomenonTime))
    expect(times[0]).toBe(Date.parse('2026-07-13T03:30:00Z'))
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true)
    expect(times.at(-1)).toBeLessThan(Date.parse(NOW))

    const history = await collect(city.sensors.observations(id))
    expect(history.length).toBeGreaterThan(1000)
    expect(new Set(history.map((o) => o.id)).size).toBe(history.length)
  })

  it('aqi: the station AQI equals the pure functions applied to the same observations', async () => {
    const [station] = await city.sensors.stations({ kind: 'air-quality' })
    const result = await city.sensors.aqi(station!.id)
    expect(result.at).toBe(NOW)
    expect(result.aqi).toEqual(expect.any(Number))
    expect(result.category!.range[0]).toBeLessThanOrEqual(result.aqi!)
    expect(result.category!.range[1]).toBeGreaterThanOrEqual(result.aqi!)
    expect(result.dominant.length).toBeGreaterThan(0)

    const end = Date.parse(NOW)
    const series: Partial<Record<Pollutant, Observation[]>> = {}
    for (const [pollutant, id] of Object.entries(result.datastreams)) {
      series[pollutant as Pollutant] = await collect(city.sensors.observations(id, { from: new Date(end - 24 * 3_600_000 + 1), to: new Date(end + 1) }))
    }
    const expected = computeAqi(averagesFrom(series, NOW).averages)
    expect(result.aqi).toBe(expected.aqi)
    expect(result.subIndices).toEqual(expected.subIndices)
  })
})
