import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type ThaneClient } from '../src/index.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

// city.transit against the real sandbox on a fixed clock (Tuesday 2026-07-14 09:00 IST).
const NOW = new Date('2026-07-14T09:00+05:30')
let sandbox: Sandbox
let city: ThaneClient
let cacheDir: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', clock: '2026-07-14T09:00+05:30' })
  cacheDir = mkdtempSync(join(tmpdir(), 'thane-transit-sandbox-'))
  city = createClient({ baseUrl: sandbox.url, cacheDir, env: {}, configFile: false })
})
afterAll(async () => {
  await sandbox?.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

describe('transit against the sandbox', () => {
  it('feed: downloads /gtfs/static.zip, and a second client revalidates it from the cache', async () => {
    const feed = await city.transit.feed()
    expect(feed.timezone).toBe('Asia/Kolkata')
    expect(feed.counts.stopTimes).toBeGreaterThan(1000)
    const again = await createClient({ baseUrl: sandbox.url, cacheDir, env: {}, configFile: false }).transit.feed()
    expect(again.counts).toEqual(feed.counts)
  })

  it('departures: the next buses from Thane Station at 09:00, joined with the sandbox TripUpdates', async () => {
    const [station] = await city.transit.stops.search('thane station')
    const ds = await city.transit.departures(station!.stopId, { at: NOW, limit: 10 })
    expect(ds).toHaveLength(10)
    const times = ds.map((d) => (d.predicted ?? d.scheduled).getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(times.every((t) => t >= NOW.getTime())).toBe(true)
    expect(ds.every((d) => d.serviceDate === '20260714')).toBe(true)
    expect(ds.some((d) => d.realtime && d.delaySeconds !== undefined)).toBe(true)
  })

  it('tripUpdates, vehicles and alerts: the sandbox feeds decode and refer to the static feed', async () => {
    const feed = await city.transit.feed()
    const updates = await city.transit.tripUpdates()
    const vehicles = await city.transit.vehicles()
    expect(updates.length).toBeGreaterThan(0)
    expect(vehicles.length).toBeGreaterThan(0)
    for (const u of updates) if (u.tripId && u.scheduleRelationship !== 'ADDED' && u.scheduleRelationship !== 'NEW') expect(feed.trip(u.tripId), u.tripId).toBeDefined()
    for (const v of vehicles) {
      expect(Number.isFinite(v.lat) && Number.isFinite(v.lon)).toBe(true)
      expect(v.timestamp).toBeInstanceOf(Date)
    }
    const routeId = vehicles.find((v) => v.routeId)?.routeId
    if (routeId) expect((await city.transit.vehicles({ routeId })).every((v) => v.routeId === routeId)).toBe(true)
    expect(Array.isArray(await city.transit.alerts())).toBe(true)
  })
})
