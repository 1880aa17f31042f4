import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import GtfsRealtimeBindings from 'gtfs-realtime-bindings'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient, feedCacheDir, InputError, NetworkError } from '../src/index.js'
import { miniZip } from './fixtures/transit/feeds.js'
import { send, startServer, type Hit, type LocalServer } from './helpers/local-server.js'
import type { ServerResponse } from 'node:http'

const { transit_realtime } = GtfsRealtimeBindings
const ist = (local: string) => new Date(`${local}+05:30`)
const encode = (message: object) => transit_realtime.FeedMessage.encode(transit_realtime.FeedMessage.create(message as never)).finish()

const servers: LocalServer[] = []
const folders: string[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const ZIP = miniZip()
const ETAG = '"mini-1"'
const TRIP_UPDATES = encode({
  header: { gtfsRealtimeVersion: '2.0', timestamp: Math.floor(ist('2026-07-14T07:59').getTime() / 1000) },
  entity: [{ id: 'tu1', tripUpdate: { trip: { tripId: 'T1', startDate: '20260714' }, stopTimeUpdate: [{ stopSequence: 1, departure: { delay: 180 } }] } }],
})
const VEHICLES = encode({
  header: { gtfsRealtimeVersion: '2.0', timestamp: Math.floor(ist('2026-07-14T08:00').getTime() / 1000) },
  entity: [
    { id: 'v1', vehicle: { vehicle: { id: 'BUS-1' }, trip: { tripId: 'T1', routeId: 'R1' }, position: { latitude: 19.186, longitude: 72.975 } } },
    { id: 'v2', vehicle: { vehicle: { id: 'BUS-2' }, trip: { tripId: 'T7' }, position: { latitude: 19.192, longitude: 72.97 } } },
    { id: 'v3', vehicle: { vehicle: { id: 'BUS-3' }, trip: { tripId: 'T6' }, position: { latitude: 19.183, longitude: 72.982 } } },
  ],
})
const ALERTS = encode({
  header: { gtfsRealtimeVersion: '2.0' },
  entity: [{ id: 'a1', alert: { informedEntity: [{ stopId: 'S3' }], headerText: { translation: [{ text: 'Stop moved', language: 'en' }] } } }],
})

/** A GTFS server: the static zip with an ETag (answering 304 to a matching If-None-Match) and the three realtime feeds. */
async function gtfsServer(options: { tripUpdates?: (res: ServerResponse) => void } = {}): Promise<LocalServer> {
  const server = await startServer((res, hit: Hit) => {
    const path = hit.path.split('?')[0]
    const protobuf = (bytes: Uint8Array) => {
      res.writeHead(200, { 'content-type': 'application/x-protobuf' })
      res.end(bytes)
    }
    if (path === '/gtfs/static.zip') {
      if (hit.headers['if-none-match'] === ETAG) return send(res, 304, undefined, { etag: ETAG })
      res.writeHead(200, { 'content-type': 'application/zip', etag: ETAG, 'last-modified': 'Mon, 13 Jul 2026 00:00:00 GMT' })
      return res.end(ZIP)
    }
    if (path === '/gtfs-rt/trip-updates') return options.tripUpdates ? options.tripUpdates(res) : protobuf(TRIP_UPDATES)
    if (path === '/gtfs-rt/vehicle-positions') return protobuf(VEHICLES)
    if (path === '/gtfs-rt/alerts') return protobuf(ALERTS)
    send(res, 404, 'not found')
  })
  servers.push(server)
  return server
}

function cacheFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'thane-transit-'))
  folders.push(folder)
  return folder
}

const client = (baseUrl: string, cacheDir: string) => createClient({ baseUrl, cacheDir, retries: 0, env: {}, configFile: false })

describe('city.transit.feed (download and cache)', () => {
  it('feed: downloads the zip once per client and keeps it with its ETag under cacheDir/gtfs/<hash>/', async () => {
    const server = await gtfsServer()
    const cacheDir = cacheFolder()
    const city = client(server.url, cacheDir)

    const [a, b] = await Promise.all([city.transit.feed(), city.transit.feed()])
    await city.transit.routes()

    expect(a).toBe(b)
    expect(a.counts.stopTimes).toBe(25)
    expect(server.hits.map((h) => h.path)).toEqual(['/gtfs/static.zip'])
    const dir = feedCacheDir(cacheDir, `${server.url}/gtfs/static.zip`)
    expect(dir).toMatch(/gtfs[/\\][0-9a-f]{16}$/)
    expect(new Uint8Array(readFileSync(join(dir, 'feed.zip')))).toEqual(ZIP)
    expect(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'))).toMatchObject({ etag: ETAG, lastModified: 'Mon, 13 Jul 2026 00:00:00 GMT' })
  })

  it('feed: a new client revalidates with If-None-Match and uses the cache on 304', async () => {
    const server = await gtfsServer()
    const cacheDir = cacheFolder()
    await client(server.url, cacheDir).transit.feed()

    const feed = await client(server.url, cacheDir).transit.feed()

    expect(server.hits.map((h) => h.headers['if-none-match'])).toEqual([undefined, ETAG])
    expect(server.hits[1]?.headers['if-modified-since']).toBe('Mon, 13 Jul 2026 00:00:00 GMT')
    expect(feed.stop('S1')?.name).toBe('Thane Station (Satis)')
  })

  it('feed: with the server down, a cached copy is used; without one, NetworkError', async () => {
    const server = await gtfsServer()
    const cacheDir = cacheFolder()
    await client(server.url, cacheDir).transit.feed()
    const url = server.url
    await servers.pop()!.close()

    const feed = await client(url, cacheDir).transit.feed()
    expect(feed.counts.trips).toBe(7)

    const empty = cacheFolder()
    await expect(client(url, empty).transit.feed()).rejects.toBeInstanceOf(NetworkError)
    expect(existsSync(join(empty, 'gtfs'))).toBe(false)
  })

  it('feed: a broken zip from the server is an InputError, is not cached, and the next call tries again', async () => {
    let count = 0
    const server = await startServer((res) => {
      count++
      res.writeHead(200, { 'content-type': 'application/zip' })
      res.end(count === 1 ? miniZip({ 'stops.txt': null }) : ZIP)
    })
    servers.push(server)
    const city = createClient({ cacheDir: cacheFolder(), retries: 0, env: {}, configFile: false, transit: { staticUrl: `${server.url}/feed.zip` } })

    const broken = city.transit.feed()
    await expect(broken).rejects.toBeInstanceOf(InputError)
    await expect(broken).rejects.toMatchObject({ code: 'E_INPUT', message: 'the GTFS feed has no stops.txt (a required file)' })
    expect(existsSync(feedCacheDir(city.config.cacheDir, city.config.transit.staticUrl))).toBe(false) // not cached
    expect((await city.transit.feed()).counts.stops).toBe(6)
  })
})

describe('city.transit queries', () => {
  it('stops.near, stops.search, routes and trips answer from the feed', async () => {
    const server = await gtfsServer()
    const city = client(server.url, cacheFolder())

    expect((await city.transit.stops.near({ lat: 19.186, lon: 72.975 }, 100)).map((s) => s.stopId)).toEqual(['S1'])
    expect((await city.transit.stops.search('ठाणे')).map((s) => s.stopId)).toEqual(['S1'])
    expect((await city.transit.routes()).map((r) => r.shortName)).toEqual(['1', '2', '3'])
    expect((await city.transit.trips('R3')).map((t) => t.tripId)).toEqual(['T7'])
    await expect(city.transit.trips('R9')).rejects.toThrow('route "R9" is not in the GTFS feed')
  })

  it('departures: joins the TripUpdates feed by default, and not with realtime: false', async () => {
    const server = await gtfsServer()
    const city = client(server.url, cacheFolder())

    const [live] = await city.transit.departures('S1', { at: '2026-07-14T07:55+05:30', limit: 1 })
    const [plain] = await city.transit.departures('S1', { at: '2026-07-14T07:55+05:30', limit: 1, realtime: false })

    expect(live).toMatchObject({ tripId: 'T1', delaySeconds: 180, predicted: ist('2026-07-14T08:03'), realtime: true })
    expect(plain).toMatchObject({ tripId: 'T1', delaySeconds: undefined, realtime: false })
    expect(server.hits.filter((h) => h.path === '/gtfs-rt/trip-updates')).toHaveLength(1)
  })

  it('departures: falls back to the timetable when the TripUpdates feed fails, but rejects an unknown stop first', async () => {
    const server = await gtfsServer({ tripUpdates: (res) => send(res, 503, 'down') })
    const city = client(server.url, cacheFolder())

    const [d] = await city.transit.departures('S1', { at: ist('2026-07-14T07:55'), limit: 1 })
    expect(d).toMatchObject({ tripId: 'T1', realtime: false })
    await expect(city.transit.departures('S42')).rejects.toThrow('stop "S42" is not in the GTFS feed')
    expect(server.hits.filter((h) => h.path === '/gtfs-rt/trip-updates')).toHaveLength(1)
  })

  it('vehicles: every vehicle, or those of one route (trip-only vehicles matched through the static feed)', async () => {
    const server = await gtfsServer()
    const city = client(server.url, cacheFolder())

    expect((await city.transit.vehicles()).map((v) => v.vehicleId)).toEqual(['BUS-1', 'BUS-2', 'BUS-3'])
    expect((await city.transit.vehicles({ routeId: 'R3' })).map((v) => v.vehicleId)).toEqual(['BUS-2'])
    expect((await city.transit.vehicles({ routeId: 'R1' }))[0]).toMatchObject({ vehicleId: 'BUS-1', tripId: 'T1', routeId: 'R1', timestamp: ist('2026-07-14T08:00') })
  })

  it('alerts and tripUpdates: decoded from their feeds', async () => {
    const server = await gtfsServer()
    const city = client(server.url, cacheFolder())

    expect(await city.transit.alerts()).toMatchObject([{ id: 'a1', headerText: 'Stop moved', informedEntities: [{ stopId: 'S3' }] }])
    expect(await city.transit.tripUpdates()).toMatchObject([{ entityId: 'tu1', tripId: 'T1', stopTimeUpdates: [{ stopSequence: 1, departure: { delay: 180 } }] }])
  })
})
