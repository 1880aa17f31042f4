import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'
import { expectNearestFirstWithin, isolatedEnv, oneLineError, runThane } from './helpers.js'

// The built CLI against a real sandbox on a free port, its clock fixed on a weekday morning.
let sandbox: Sandbox
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', clock: '2026-07-14T09:00+05:30' })
  env = isolatedEnv({ THANE_API_URL: sandbox.url })
})
afterAll(async () => {
  await sandbox.close()
})

interface DepartureJson {
  scheduled: string
  predicted?: string
  realtime: boolean
  routeShortName: string
}

describe('thane transit', () => {
  it('stops --search finds a stop by its English and its Marathi name', async () => {
    const en = await runThane(['transit', 'stops', '--search', 'teen hath', '--json'], { env })
    expect(en.code).toBe(0)
    expect((JSON.parse(en.stdout) as { stopId: string }[]).map((s) => s.stopId)).toContain('teen-hath-naka')
    const mr = await runThane(['transit', 'stops', '--search', 'माजिवडा'], { env })
    expect(mr.code).toBe(0)
    expect(mr.stdout).toMatch(/\nmajiwada\s+\d+\s+Majiwada\s+माजिवडा\n/)
  })

  it('stops --near lists the stops within the radius, nearest first', async () => {
    const r = await runThane(['transit', 'stops', '--near', '19.1860,72.9750', '--radius', '800', '--json'], { env })
    const stops = JSON.parse(r.stdout) as { distanceMetres: number }[]
    expectNearestFirstWithin(stops, 800)
  })

  it('departures start at the sandbox clock and carry realtime predictions', async () => {
    const r = await runThane(['transit', 'departures', 'thane-station-w-satis', '--limit', '8', '--json'], { env })
    expect(r.code).toBe(0)
    const { departures } = JSON.parse(r.stdout) as { departures: DepartureJson[] }
    expect(departures).toHaveLength(8)
    const clock = Date.parse('2026-07-14T09:00:00+05:30')
    for (const d of departures) expect(Date.parse(d.predicted ?? d.scheduled)).toBeGreaterThanOrEqual(clock - 60_000)
    expect(departures.some((d) => d.realtime && d.predicted !== undefined)).toBe(true)
  })

  it('departures --at reads the timetable of that moment, and the table names the stop in both languages', async () => {
    const r = await runThane(['transit', 'departures', 'Majiwada', '--at', '2026-07-14T18:00+05:30', '--limit', '3'], { env })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Majiwada · माजिवडा \(majiwada\)\n\nscheduled\s+expected\s+delay\s+route\s+to\n/)
    expect(r.stdout).toMatch(/\n1[78]:\d\d\s/)
  })

  it('vehicles shows the buses of a route running at the sandbox clock', async () => {
    const r = await runThane(['transit', 'vehicles', '--route', '1', '--json'], { env })
    expect(r.code).toBe(0)
    const vehicles = JSON.parse(r.stdout) as { routeId: string; lat: number; lon: number }[]
    expect(vehicles.length).toBeGreaterThan(0)
    for (const v of vehicles) {
      expect(v.routeId).toBe('1')
      expect(v.lat).toBeGreaterThan(19.1)
      expect(v.lat).toBeLessThan(19.35)
    }
  })

  it('alerts shows the flood detour raised when a creek gauge is above its threshold', async () => {
    // 24 July 2026, 08:00: a heavy-rain morning in the bundled sensor data.
    const flooded = await startSandbox({ port: 0, dbPath: ':memory:', clock: '2026-07-24T08:00+05:30' })
    try {
      const r = await runThane(['transit', 'alerts', '--json'], { env: isolatedEnv({ THANE_API_URL: flooded.url }) })
      expect(r.code).toBe(0)
      const alerts = JSON.parse(r.stdout) as { cause?: string; effect?: string; informedEntities: { routeId?: string }[] }[]
      const flood = alerts.find((a) => a.cause === 'WEATHER' && a.effect === 'DETOUR')
      expect(flood).toBeDefined()
      expect(flood?.informedEntities.some((e) => e.routeId !== undefined)).toBe(true)
      const text = await runThane(['transit', 'alerts'], { env: isolatedEnv({ THANE_API_URL: flooded.url }) })
      expect(text.stdout).toMatch(/^alert\s+\S/)
      expect(text.stdout).toMatch(/\neffect\s+DETOUR · WEATHER\n/)
    } finally {
      await flooded.close()
    }
  })

  it('an unknown stop and --watch without a terminal are one-line errors with exit 2', async () => {
    const stop = await runThane(['transit', 'departures', 'nowhere-at-all'], { env })
    expect(stop.code).toBe(2)
    expect(oneLineError(stop.stderr)).toBe('Error: no stop "nowhere-at-all"; find one with "thane transit stops --search <name>" or --near lat,lon')
    const watch = await runThane(['transit', 'departures', 'majiwada', '--watch'], { env })
    expect(watch.code).toBe(2)
    expect(oneLineError(watch.stderr)).toContain('--watch redraws a table on a terminal')
  })
})
