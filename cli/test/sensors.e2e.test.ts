import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'
import { expectNearestFirstWithin, isolatedEnv, oneLineError, runThane } from './helpers.js'

// The built CLI against a real sandbox on a free port, its clock fixed mid-July 2026.
let sandbox: Sandbox
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', clock: '2026-07-14T09:00+05:30' })
  env = isolatedEnv({ THANE_API_URL: sandbox.url })
})
afterAll(async () => {
  await sandbox.close()
})


describe('thane sensors', () => {
  it('list --kind air-quality shows the air-quality stations with their wards', async () => {
    const r = await runThane(['sensors', 'list', '--kind', 'air-quality', '--json'], { env })
    expect(r.code).toBe(0)
    const stations = JSON.parse(r.stdout) as { id: string; kind: string; ward: string }[]
    expect(stations.length).toBeGreaterThanOrEqual(8)
    expect(stations.every((s) => s.kind === 'air-quality' && s.ward.length > 0)).toBe(true)
  })

  it('list --near sorts by distance and --radius keeps the close ones', async () => {
    const r = await runThane(['sensors', 'list', '--near', '19.1860,72.9750', '--radius', '1500', '--json'], { env })
    const stations = JSON.parse(r.stdout) as { distanceMetres: number }[]
    expectNearestFirstWithin(stations, 1500)
  })

  it('latest takes a station code and shows one row a pollutant with its unit and Thane time', async () => {
    const r = await runThane(['sensors', 'latest', 'AQ-01'], { env })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Teen Hath Naka .+ \(station 1\)\n/)
    expect(r.stdout).toMatch(/\nPM2\.5\s+\d+(\.\d+)?\s+µg\/m³\s+2026-07-14 09:00\n/)
    expect(r.stdout).toMatch(/\nCO\s+\d+(\.\d+)?\s+mg\/m³\s+/)
  })

  it('aqi gives every air-quality station an AQI with a category and a dominant pollutant', async () => {
    const r = await runThane(['sensors', 'aqi', '--json'], { env })
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as { aqi: number | null; category: { name: string } | null; dominant: string[]; stationName: string }[]
    expect(rows.length).toBeGreaterThanOrEqual(8)
    for (const row of rows) {
      expect(row.aqi, row.stationName).toBeGreaterThan(0)
      expect(row.category?.name).toMatch(/^(Good|Satisfactory|Moderately polluted|Poor|Very poor|Severe)$/)
      expect(row.dominant.length).toBeGreaterThan(0)
    }
  })

  it('aqi --station --at is the AQI at that moment, and the table names the category', async () => {
    const r = await runThane(['sensors', 'aqi', '--station', 'AQ-01', '--at', '2026-07-10T12:00+05:30'], { env })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Teen Hath Naka .+\s+\d+\s+(Good|Satisfactory|Moderately polluted)\s+.+\s+2026-07-10 12:00/)
  })

  it('export streams CSV to stdout: a header, then one row an observation in time order', async () => {
    const r = await runThane(['sensors', 'export', '1', '--from', '2026-07-01', '--to', '2026-07-01'], { env })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toBe('datastream_id,phenomenon_time,result_time,result')
    expect(lines.length - 1).toBeGreaterThan(80) // a day of 15-minute readings, less any gap
    expect(lines.length - 1).toBeLessThanOrEqual(96)
    const times = lines.slice(1).map((l) => Date.parse(l.split(',')[1] ?? ''))
    expect(times[0]).toBeGreaterThanOrEqual(Date.parse('2026-07-01T00:00:00+05:30'))
    expect(times.at(-1)).toBeLessThan(Date.parse('2026-07-02T00:00:00+05:30'))
    expect([...times].sort((a, b) => a - b)).toEqual(times)
  })

  it('export --output writes NDJSON whole and never replaces an existing file without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-export-'))
    const file = join(dir, 'pm25.ndjson')
    const r = await runThane(['sensors', 'export', '1', '--from', '2026-07-01', '--to', '2026-07-03', '--format', 'ndjson', '--output', file], { env })
    expect(r.code).toBe(0)
    const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { result: number })
    expect(rows.length).toBeGreaterThan(200)
    expect(typeof rows[0]?.result).toBe('number')

    writeFileSync(file, 'my own notes')
    const again = await runThane(['sensors', 'export', '1', '--from', '2026-07-01', '--to', '2026-07-03', '--output', file], { env })
    expect(again.code).toBe(2)
    expect(oneLineError(again.stderr)).toBe(`Error: ${file} exists; choose another --output, or pass --force to replace it`)
    expect(readFileSync(file, 'utf8')).toBe('my own notes')
    expect(existsSync(`${file}.partial-${process.pid}`)).toBe(false)
  })

  it('an unknown station, a malformed point and a malformed date are one-line errors with exit 2', async () => {
    const station = await runThane(['sensors', 'latest', 'no-such-station'], { env })
    expect(station.code).toBe(2)
    expect(oneLineError(station.stderr)).toBe('Error: no station "no-such-station"; see "thane sensors list" for ids and codes')
    const point = await runThane(['sensors', 'list', '--near', '19.19'], { env })
    expect(point.code).toBe(2)
    expect(oneLineError(point.stderr)).toContain('is not a point; write it as lat,lon')
    const date = await runThane(['sensors', 'export', '1', '--from', 'last week', '--to', '2026-07-02'], { env })
    expect(date.code).toBe(2)
    expect(oneLineError(date.stderr)).toContain('--from "last week" is not a date')
  })
})
