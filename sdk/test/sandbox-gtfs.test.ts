import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, onTestFinished, test } from 'vitest'
import { readFloodGauges } from '../src/sandbox/apis/gtfs/floods.js'
import { weatherOf } from '../src/sandbox/apis/gtfs/sim.js'
import { decode, distanceToLine, feed, FIXTURE, geometry, meanDelay, sec, start } from './fixtures/transit-sandbox/helpers.js'

const GTFS = join(FIXTURE, 'transit', 'gtfs')
const geo = geometry(GTFS)
const TUESDAY_2PM = '2026-07-14T14:00+05:30'

describe('GET /gtfs/static.zip', () => {
  test('a feed that cannot be read answers 503 with one line, and the next request loads it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-gtfs-broken-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    cpSync(join(FIXTURE, 'transit'), join(dir, 'transit'), { recursive: true })
    const trips = join(dir, 'transit', 'gtfs', 'trips.txt')
    const good = readFileSync(trips)
    writeFileSync(trips, 'route_id,service_id\nR1\n')
    const sandbox = await start(TUESDAY_2PM, { dataDir: dir })
    for (const path of ['/gtfs/static.zip', '/gtfs-rt/trip-updates?format=json']) {
      const res = await fetch(`${sandbox.url}${path}`)
      expect(res.status, path).toBe(503)
      const body = (await res.json()) as { error: { code: string; message: string } }
      expect(body.error.code).toBe('service_unavailable')
      expect(body.error.message).toMatch(/^the GTFS feed could not be loaded: [^\n]+; the next request tries again$/)
    }
    writeFileSync(trips, good)
    expect((await fetch(`${sandbox.url}/gtfs/static.zip`)).status).toBe(200)
  })

  test('is the feed folder zipped: every file at the root, byte for byte, as application/zip', async () => {
    const sandbox = await start(TUESDAY_2PM)
    const res = await fetch(`${sandbox.url}/gtfs/static.zip`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    const names = readdirSync(GTFS).sort()
    expect(Object.keys(files)).toEqual(names)
    for (const name of names) expect(Buffer.from(files[name]!).equals(readFileSync(join(GTFS, name)))).toBe(true)
  })

  test('has a strong ETag and a Last-Modified from feed_info, the same across restarts and clocks', async () => {
    const a = await start(TUESDAY_2PM)
    const first = await fetch(`${a.url}/gtfs/static.zip`)
    const bytes = Buffer.from(await first.arrayBuffer())
    await a.close()
    const b = await start('2026-11-01T06:00+05:30', { clock: 'live' })
    const second = await fetch(`${b.url}/gtfs/static.zip`)
    expect(first.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{43}"$/)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(Buffer.from(await second.arrayBuffer()).equals(bytes)).toBe(true)
    // feed_version 2026.05.20
    expect(first.headers.get('last-modified')).toBe('Wed, 20 May 2026 00:00:00 GMT')
    expect(second.headers.get('last-modified')).toBe(first.headers.get('last-modified'))
  })

  test('answers 304 without a body to If-None-Match and to If-Modified-Since', async () => {
    const sandbox = await start(TUESDAY_2PM)
    const url = `${sandbox.url}/gtfs/static.zip`
    const { headers } = await fetch(url)
    const etag = headers.get('etag')!
    const modified = headers.get('last-modified')!
    for (const h of [{ 'if-none-match': etag }, { 'if-none-match': `"other", W/${etag}` }, { 'if-none-match': '*' }, { 'if-modified-since': modified }, { 'if-modified-since': 'Fri, 01 Jan 2027 00:00:00 GMT' }]) {
      const res = await fetch(url, { headers: h })
      expect(res.status, JSON.stringify(h)).toBe(304)
      expect(res.headers.get('etag')).toBe(etag)
      expect((await res.arrayBuffer()).byteLength).toBe(0)
    }
    expect((await fetch(url, { headers: { 'if-modified-since': 'Tue, 19 May 2026 23:59:59 GMT' } })).status).toBe(200)
    // If-None-Match decides when both are sent
    expect((await fetch(url, { headers: { 'if-none-match': '"other"', 'if-modified-since': modified } })).status).toBe(200)
  })

  test('HEAD gives the headers and no body; a query parameter is refused with 400 JSON', async () => {
    const sandbox = await start(TUESDAY_2PM)
    const get = await fetch(`${sandbox.url}/gtfs/static.zip`)
    const size = (await get.arrayBuffer()).byteLength
    const head = await fetch(`${sandbox.url}/gtfs/static.zip`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('application/zip')
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(Number(head.headers.get('content-length'))).toBe(size)
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    expect((await fetch(`${sandbox.url}/gtfs/static.zip`, { method: 'HEAD', headers: { 'if-none-match': get.headers.get('etag')! } })).status).toBe(304)
    const bad = await fetch(`${sandbox.url}/gtfs/static.zip?x=1`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ error: { code: 'bad_request', message: expect.any(String) } })
  })

  test('without a transit/gtfs folder nothing is served, and the sandbox still starts', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'thane-gtfs-'))
    onTestFinished(() => rmSync(empty, { recursive: true, force: true }))
    const sandbox = await start(TUESDAY_2PM, { dataDir: empty })
    expect((await fetch(`${sandbox.url}/gtfs/static.zip`)).status).toBe(404)
    expect((await fetch(`${sandbox.url}/gtfs-rt/vehicle-positions`)).status).toBe(404)
  })
})

describe('GTFS-Realtime feeds', () => {
  test('each feed is a protobuf FeedMessage: version 2.0, FULL_DATASET, timestamp = the clock', async () => {
    const sandbox = await start(TUESDAY_2PM)
    for (const name of ['vehicle-positions', 'trip-updates', 'alerts'] as const) {
      const { json, type } = await feed(sandbox, name)
      expect(type).toBe('application/x-protobuf')
      expect(json.header).toEqual({ gtfsRealtimeVersion: '2.0', incrementality: 'FULL_DATASET', timestamp: sec('2026-07-14T14:00+05:30'), feedVersion: '2026.05.20' })
    }
    const { json } = await feed(sandbox, 'vehicle-positions')
    expect(json.entity!.length).toBeGreaterThan(3)
  })

  test('?format=json is the same message for people; other query values answer 400 JSON', async () => {
    const sandbox = await start(TUESDAY_2PM)
    for (const name of ['vehicle-positions', 'trip-updates', 'alerts'] as const) {
      const res = await fetch(`${sandbox.url}/gtfs-rt/${name}?format=json`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(await res.json()).toEqual((await feed(sandbox, name)).json)
    }
    const { entity } = (await (await fetch(`${sandbox.url}/gtfs-rt/vehicle-positions?format=json`)).json()) as { entity: any[] }
    expect(entity[0]).toMatchObject({
      id: expect.any(String),
      vehicle: {
        trip: { tripId: expect.any(String), startDate: '20260714', scheduleRelationship: 'SCHEDULED' },
        position: { latitude: expect.any(Number), longitude: expect.any(Number), bearing: expect.any(Number) },
        currentStatus: expect.stringMatching(/^(IN_TRANSIT_TO|STOPPED_AT)$/),
        stopId: expect.any(String),
        timestamp: sec('2026-07-14T14:00+05:30'),
        vehicle: { id: expect.any(String) },
      },
    })
    expect((await fetch(`${sandbox.url}/gtfs-rt/alerts?format=protobuf`)).headers.get('content-type')).toBe('application/x-protobuf')
    for (const q of ['format=xml', 'format=', 'foo=1', 'format=json&x=2']) {
      const res = await fetch(`${sandbox.url}/gtfs-rt/trip-updates?${q}`)
      expect(res.status, q).toBe(400)
      expect(await res.json()).toEqual({ error: { code: 'bad_request', message: expect.any(String) } })
    }
  })

  test('vehicles run only on trips active now, on or near their shape, inside Thane', async () => {
    for (const [clock, service] of [
      [TUESDAY_2PM, 'WK'],
      ['2026-07-18T09:30+05:30', 'WE'], // Saturday
      ['2026-10-02T12:00+05:30', 'WE'], // a Friday with the weekday service removed and the weekend one added
    ] as const) {
      const sandbox = await start(clock)
      const now = sec(clock)
      const { json } = await feed(sandbox, 'vehicle-positions')
      expect(json.entity!.length).toBeGreaterThan(2)
      for (const e of json.entity!) {
        const { trip, position, timestamp } = e.vehicle
        const t = geo.trips.get(trip.tripId)!
        expect(t.service_id, trip.tripId).toBe(service)
        expect(timestamp).toBe(now)
        const [h, m, s] = (trip.startTime as string).split(':').map(Number) as [number, number, number]
        const scheduledStart = sec(`${trip.startDate.slice(0, 4)}-${trip.startDate.slice(4, 6)}-${trip.startDate.slice(6)}T00:00+05:30`) + h * 3600 + m * 60 + s
        expect(scheduledStart).toBeLessThanOrEqual(now + 60)
        expect(scheduledStart).toBeGreaterThan(now - 2 * 3600)
        expect(distanceToLine(position.latitude, position.longitude, geo.lines.get(trip.tripId)!)).toBeLessThan(25)
        expect(position.latitude).toBeGreaterThan(19.1)
        expect(position.latitude).toBeLessThan(19.35)
        expect(position.longitude).toBeGreaterThan(72.9)
        expect(position.longitude).toBeLessThan(73.1)
        expect(position.bearing).toBeGreaterThanOrEqual(0)
        expect(position.bearing).toBeLessThan(360)
      }
      await sandbox.close()
    }
  })

  test('advancing the clock moves a vehicle forward along its trip', async () => {
    const sandbox = await start(TUESDAY_2PM)
    const before = (await feed(sandbox, 'vehicle-positions')).json.entity!
    const moving = before.filter((e) => e.vehicle.currentStatus === 'IN_TRANSIT_TO')
    expect(moving.length).toBeGreaterThan(0)
    sandbox.clock.advance(60_000)
    const after = new Map((await feed(sandbox, 'vehicle-positions')).json.entity!.map((e) => [e.id, e.vehicle]))
    let moved = 0
    for (const e of moving) {
      const later = after.get(e.id)
      if (!later) continue // arrived at its last stop
      expect(later.position.odometer).toBeGreaterThanOrEqual(e.vehicle.position.odometer)
      expect(later.currentStopSequence).toBeGreaterThanOrEqual(e.vehicle.currentStopSequence)
      if (later.position.odometer > e.vehicle.position.odometer) moved++
      expect(later.vehicle.id).toBe(e.vehicle.vehicle.id)
    }
    expect(moved).toBeGreaterThan(0)
  })

  test("after midnight, a trip of yesterday's service at 24:xx runs, with yesterday's start_date", async () => {
    // Friday's 24:10 trip runs on Saturday at 00:20, when the weekday service does not.
    const sandbox = await start('2026-07-18T00:20+05:30')
    const vehicles = (await feed(sandbox, 'vehicle-positions')).json.entity!.map((e) => e.vehicle.trip)
    expect(vehicles).toContainEqual(expect.objectContaining({ tripId: 'R1-WK-O-2410', startDate: '20260717', startTime: '24:10:00' }))
    const updates = (await feed(sandbox, 'trip-updates')).json.entity!.map((e) => e.tripUpdate.trip)
    expect(updates).toContainEqual(expect.objectContaining({ tripId: 'R1-WK-O-2410', startDate: '20260717' }))
    // a frequency run (exact_times=0, 22:00-25:00) of yesterday too
    expect(updates.some((t) => t.tripId === 'R2-WK-N' && t.startDate === '20260717' && t.startTime >= '24:00:00')).toBe(true)
  })

  test('the same clock gives the same bytes in two sandboxes', async () => {
    const [a, b] = await Promise.all([start('2026-07-14T09:07:13+05:30'), start('2026-07-14T09:07:13+05:30')])
    for (const name of ['vehicle-positions', 'trip-updates', 'alerts'] as const) {
      const [x, y] = await Promise.all([feed(a, name), feed(b, name)])
      expect(Buffer.from(x.bytes).equals(Buffer.from(y.bytes)), name).toBe(true)
    }
  })

  test('trip updates: stops not yet passed, sorted, time = schedule + delay; delays are worse at 09:00 than at 14:00', async () => {
    const sandbox = await start(TUESDAY_2PM)
    const { json } = await feed(sandbox, 'trip-updates')
    const now = sec(TUESDAY_2PM)
    for (const e of json.entity!) {
      const tu = e.tripUpdate
      expect(tu.trip.startDate).toMatch(/^\d{8}$/)
      if (tu.trip.scheduleRelationship === 'CANCELED') continue
      const seqs = tu.stopTimeUpdate.map((u: any) => u.stopSequence)
      expect(seqs).toEqual([...seqs].sort((p: number, q: number) => p - q))
      for (const u of tu.stopTimeUpdate) {
        if (u.scheduleRelationship === 'SKIPPED') continue
        expect(u.departure.time).toBeGreaterThan(now - 1)
        if (tu.trip.tripId.endsWith('-N')) continue // exact_times=0: predicted times only
        expect(typeof u.arrival.delay).toBe('number')
      }
    }
    // over five weekdays of November (no monsoon), the morning rush against the afternoon
    let rush = 0
    let calm = 0
    for (const day of ['02', '03', '04', '05', '06']) {
      sandbox.clock.set(new Date(`2026-11-${day}T09:00:00+05:30`))
      rush += meanDelay((await feed(sandbox, 'trip-updates')).json)
      sandbox.clock.set(new Date(`2026-11-${day}T14:00:00+05:30`))
      calm += meanDelay((await feed(sandbox, 'trip-updates')).json)
    }
    expect(rush / 5).toBeGreaterThan(calm / 5 + 30)
  })

  test('rain makes delays worse: the flooded morning of 24 July against a dry one', async () => {
    const floods = readFloodGauges(FIXTURE)
    expect(floods?.gauges.map((g) => g.code)).toEqual(['FG-01', 'FG-06'])
    const weather = weatherOf(floods, () => 0, 'Asia/Kolkata')
    expect(weather.rain(Date.parse('2026-07-24T08:00+05:30'))).toBeGreaterThan(0.8)
    expect(weather.rain(Date.parse('2026-07-14T08:00+05:30'))).toBe(0)
    const sandbox = await start('2026-07-24T08:30+05:30')
    const wet = meanDelay((await feed(sandbox, 'trip-updates')).json)
    sandbox.clock.set(new Date('2026-07-14T08:30+05:30'))
    const dry = meanDelay((await feed(sandbox, 'trip-updates')).json)
    expect(wet).toBeGreaterThan(dry)
  })

  test('a few runs are CANCELED (no stop updates, no vehicle) and a few stops SKIPPED', async () => {
    const sandbox = await start('2026-07-14T05:00+05:30')
    let canceled = 0
    let skipped = 0
    for (let i = 0; i < 19 * 6; i++) {
      const updates = (await feed(sandbox, 'trip-updates')).json.entity ?? []
      const vehicles = new Set(((await feed(sandbox, 'vehicle-positions')).json.entity ?? []).map((e) => `${e.vehicle.trip.tripId}|${e.vehicle.trip.startDate}|${e.vehicle.trip.startTime}`))
      for (const { tripUpdate: tu } of updates) {
        if (tu.trip.scheduleRelationship === 'CANCELED') {
          canceled++
          expect(tu.stopTimeUpdate ?? []).toEqual([])
          expect(vehicles.has(`${tu.trip.tripId}|${tu.trip.startDate}|${tu.trip.startTime}`)).toBe(false)
        }
        for (const u of tu.stopTimeUpdate ?? []) {
          if (u.scheduleRelationship !== 'SKIPPED') continue
          skipped++
          expect(u.arrival).toBeUndefined()
          expect(u.departure).toBeUndefined()
        }
      }
      sandbox.clock.advance(10 * 60_000)
    }
    expect(canceled).toBeGreaterThan(0)
    expect(skipped).toBeGreaterThan(0)
  })

  test('a flood gauge above its threshold raises a WEATHER / DETOUR alert in en and mr on the routes within 1 km', async () => {
    const sandbox = await start('2026-07-24T08:00+05:30')
    const now = sec('2026-07-24T08:00+05:30')
    const alerts = (await feed(sandbox, 'alerts')).json.entity!
    const flood = alerts.find((e) => e.alert.cause === 'WEATHER')
    expect(flood).toBeDefined()
    expect(flood!.alert).toMatchObject({ effect: 'DETOUR', informedEntity: [{ agencyId: 'TMT', routeId: 'R1' }] })
    const [period] = flood!.alert.activePeriod
    expect(period.start).toBe(sec('2026-07-24T06:30+05:30'))
    expect(period.end).toBe(now + 2 * 3600)
    for (const field of ['headerText', 'descriptionText']) {
      expect(flood!.alert[field].translation.map((t: any) => t.language)).toEqual(['en', 'mr'])
    }
    expect(flood!.alert.headerText.translation[0].text).toContain('Kopri')
    // FG-06 (Majiwada, route 2) stays below its threshold; after the water falls, no flood alert
    sandbox.clock.set(new Date('2026-07-24T12:00+05:30'))
    expect((await feed(sandbox, 'alerts')).json.entity?.some((e) => e.alert.cause === 'WEATHER') ?? false).toBe(false)
  })

  test('planned road works give a MAINTENANCE alert on some days, from the day before until they end', async () => {
    const sandbox = await start('2026-11-01T12:00+05:30')
    const days: string[] = []
    for (let d = 1; d <= 20; d++) {
      sandbox.clock.set(new Date(`2026-11-${String(d).padStart(2, '0')}T12:00+05:30`))
      const works = ((await feed(sandbox, 'alerts')).json.entity ?? []).filter((e) => e.alert.cause === 'MAINTENANCE')
      for (const w of works) {
        expect(w.alert.effect).toBe('MODIFIED_SERVICE')
        expect(w.alert.informedEntity).toHaveLength(1)
        expect(w.alert.headerText.translation.map((t: any) => t.language)).toEqual(['en', 'mr'])
        const now = sec(`2026-11-${String(d).padStart(2, '0')}T12:00+05:30`)
        expect(w.alert.activePeriod[0].end).toBeGreaterThan(now)
        expect(w.alert.activePeriod[0].start - now).toBeLessThan(86_400)
      }
      if (works.length > 0) days.push(String(d))
    }
    expect(days.length).toBeGreaterThan(2)
    expect(days.length).toBeLessThan(20)
  })

  test('a live clock answers per 15-second bucket', async () => {
    const sandbox = await start('live')
    const a = await feed(sandbox, 'vehicle-positions')
    expect(a.json.header.timestamp % 15).toBe(0)
    expect(Math.abs(a.json.header.timestamp - Date.now() / 1000)).toBeLessThan(30)
    expect(decode(a.bytes).header).toEqual(a.json.header)
  })
})
