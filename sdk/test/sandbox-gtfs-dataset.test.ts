// The GTFS and GTFS-Realtime feeds on the bundled datasets (datasets/transit/gtfs and the July 2026
// sensors), served by the sandbox with its default dataDir.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unzipSync } from 'fflate'
import { describe, expect, onTestFinished, test } from 'vitest'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { distanceToLine, feed, geometry, meanDelay, sec } from './fixtures/transit-sandbox/helpers.js'

const DATASETS = fileURLToPath(new URL('../../datasets', import.meta.url))
const GTFS = join(DATASETS, 'transit', 'gtfs')
const geo = geometry(GTFS)

async function start(clock: string): Promise<Sandbox> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, dbPath: ':memory:', clock })
  onTestFinished(() => sandbox.close())
  return sandbox
}

describe('the bundled Thane feed', () => {
  test('static.zip holds every file of datasets/transit/gtfs', async () => {
    const sandbox = await start('2026-07-14T09:00+05:30')
    const res = await fetch(`${sandbox.url}/gtfs/static.zip`)
    expect(res.status).toBe(200)
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const names = readdirSync(GTFS).filter((n) => n.endsWith('.txt')).sort()
    expect(Object.keys(files)).toEqual(names)
    for (const name of names) expect(Buffer.from(files[name]!).equals(readFileSync(join(GTFS, name))), name).toBe(true)
    expect(res.headers.get('last-modified')).toMatch(/ 2026 00:00:00 GMT$/)
    expect((await fetch(`${sandbox.url}/gtfs/static.zip`, { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304)
  }, 30_000)

  test('at 09:00 on a weekday, buses run on their shapes inside Thane, with delays worse than at 14:00; feeds answer fast', async () => {
    const sandbox = await start('2026-11-03T09:00+05:30')
    const now = sec('2026-11-03T09:00+05:30')
    const { json } = await feed(sandbox, 'vehicle-positions')
    expect(json.entity!.length).toBeGreaterThan(20)
    for (const e of json.entity!) {
      const { trip, position } = e.vehicle
      expect(geo.trips.has(trip.tripId)).toBe(true)
      expect(distanceToLine(position.latitude, position.longitude, geo.lines.get(trip.tripId)!)).toBeLessThan(30)
      expect(position.latitude).toBeGreaterThan(19.1)
      expect(position.latitude).toBeLessThan(19.35)
      expect(position.longitude).toBeGreaterThan(72.9)
      expect(position.longitude).toBeLessThan(73.15)
      expect(e.vehicle.timestamp).toBe(now)
    }
    const rush = meanDelay((await feed(sandbox, 'trip-updates')).json)
    sandbox.clock.set(new Date('2026-11-03T14:00+05:30'))
    const calm = meanDelay((await feed(sandbox, 'trip-updates')).json)
    expect(rush).toBeGreaterThan(calm)
    // a new second, answered from nothing cached
    sandbox.clock.advance(1000)
    const t = performance.now()
    for (const name of ['vehicle-positions', 'trip-updates', 'alerts'] as const) await feed(sandbox, name)
    expect(performance.now() - t).toBeLessThan(1500)
  }, 30_000)

  test('after midnight, trips of the previous service day past 24:00 still run', async () => {
    const sandbox = await start('2026-07-15T00:15+05:30')
    const trips = ((await feed(sandbox, 'trip-updates')).json.entity ?? []).map((e) => e.tripUpdate.trip)
    expect(trips.some((t) => t.startDate === '20260714')).toBe(true)
  }, 30_000)

  test('on the flooded morning of 24 July 2026 the gauges above threshold raise WEATHER / DETOUR alerts', async () => {
    const sandbox = await start('2026-07-24T08:00+05:30')
    const alerts = ((await feed(sandbox, 'alerts')).json.entity ?? []).filter((e) => e.alert.cause === 'WEATHER')
    expect(alerts.length).toBeGreaterThan(0)
    expect(alerts.map((e) => e.id).join(' ')).toContain('FG-01')
    for (const a of alerts) {
      expect(a.alert.effect).toBe('DETOUR')
      expect(a.alert.informedEntity.length).toBeGreaterThan(0)
      expect(a.alert.activePeriod[0].end).toBe(sec('2026-07-24T10:00+05:30'))
      expect(a.alert.descriptionText.translation.map((t: any) => t.language)).toEqual(['en', 'mr'])
    }
  }, 30_000)
})
