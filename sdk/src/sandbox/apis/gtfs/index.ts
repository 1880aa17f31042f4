import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { replayShiftMs } from '../../replay.js'
import type { SandboxApi, SandboxContext } from '../../types.js'
import { encodeFeed, FEED_NAMES, type FeedName, feedObject, jsonOf, type Snapshot } from './feeds.js'
import { type FloodData, readFloodGauges } from './floods.js'
import { gtfsFolder, hasGtfsFeed, readGtfsFeed } from './load.js'
import { alertsAt, runsAt, weatherOf } from './sim.js'
import { buildStaticZip, noneMatchHits } from './zip.js'

export const STATIC_PATH = '/gtfs/static.zip'
export const REALTIME_BASE = '/gtfs-rt'
/** Under a live clock the realtime feeds change every 15 s (their timestamp is the bucket's start). */
export const LIVE_BUCKET_S = 15

/**
 * The sandbox's transit feeds: GTFS Schedule at `/gtfs/static.zip` and GTFS Realtime 2.0 at
 * `/gtfs-rt/{vehicle-positions,trip-updates,alerts}`, from `<dataDir>/transit/gtfs`, simulated
 * from the timetable and the sandbox clock. While that folder does not exist nothing is served.
 * See README.md beside this file for the simulation rules.
 */
export const gtfsApi: SandboxApi = {
  name: 'transit',
  standard: 'GTFS Schedule + GTFS Realtime 2.0',
  path: '/gtfs',
  register: registerGtfs,
}

function badRequest(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).send({ error: { code: 'bad_request', message } })
}

async function registerGtfs(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  if (!hasGtfsFeed(ctx.dataDir)) {
    app.log.warn(`no GTFS feed in ${gtfsFolder(ctx.dataDir)}; ${STATIC_PATH} and ${REALTIME_BASE} are not served`)
    return
  }
  // The feed is read, indexed and zipped on first use, not at start: it costs about 1.5 s, which
  // every sandbox (and every test that starts one) would otherwise pay before its first answer.
  let loaded: ReturnType<typeof loadFeed> | undefined
  const state = () => (loaded ??= loadFeed())
  const loadFeed = () => {
    const started = performance.now()
    const feed = readGtfsFeed(ctx.dataDir)
    const zip = buildStaticZip(feed)
    const floods: FloodData | undefined = readFloodGauges(ctx.dataDir)
    const shiftMs = (): number => (floods ? replayShiftMs(new Date(floods.end), ctx.clock) : 0)
    const weather = weatherOf(floods, shiftMs, feed.timezone)
    app.log.info({ trips: feed.trips.length, zipBytes: zip.bytes.length, floodGauges: floods?.gauges.length ?? 0, ms: Math.round(performance.now() - started) }, 'gtfs: feed loaded')
    return { feed, zip, floods, shiftMs, weather, lastModified: zip.lastModified.toUTCString() }
  }
  const nearCache = new Map<string, string[]>()
  /**
   * The loaded feed, or undefined once a 503 is sent: a feed that cannot be read is the server's
   * state, not a bug, and the next request tries to load it again.
   */
  const loadedOr503 = (request: FastifyRequest, reply: FastifyReply): ReturnType<typeof loadFeed> | undefined => {
    try {
      return state()
    } catch (err) {
      request.log.error({ err }, 'gtfs: loading the feed failed')
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0]
      void reply
        .code(503)
        .header('retry-after', '1')
        .send({ error: { code: 'service_unavailable', message: `the GTFS feed could not be loaded: ${why}; the next request tries again` } })
      return undefined
    }
  }

  // Static feed ---------------------------------------------------------------------------------
  app.get(STATIC_PATH, async (request, reply) => {
    if (Object.keys(request.query as object).length > 0) return badRequest(reply, `${STATIC_PATH} takes no query parameters`)
    const loadedFeed = loadedOr503(request, reply)
    if (!loadedFeed) return reply
    const { zip, lastModified } = loadedFeed
    reply.header('etag', zip.etag).header('last-modified', lastModified).header('cache-control', 'no-cache')
    const inm = request.headers['if-none-match']
    const ims = request.headers['if-modified-since']
    // RFC 9110 §13.2.2: If-None-Match decides when present; If-Modified-Since only without it.
    const notModified =
      inm !== undefined ? noneMatchHits(inm, zip.etag) : ims !== undefined && !Number.isNaN(Date.parse(ims)) && zip.lastModified.getTime() <= Date.parse(ims)
    if (notModified) return reply.code(304).send()
    return reply
      .type('application/zip')
      .header('content-disposition', 'attachment; filename="thane-gtfs.zip"')
      .header('content-length', zip.bytes.length)
      .send(Buffer.from(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength))
  })

  // Realtime feeds ------------------------------------------------------------------------------
  let snapshot: Snapshot | undefined
  const snapshotAt = (now: number): Snapshot => {
    const { feed, weather, floods, shiftMs } = state()
    if (snapshot?.now !== now) snapshot = { now, runs: runsAt(feed, now, weather), alerts: alertsAt(feed, now, floods, shiftMs(), nearCache) }
    return snapshot
  }
  const encoded = new Map<FeedName, { now: number; bytes: Buffer; json?: string }>()
  const answer = (name: FeedName) => async (request: FastifyRequest, reply: FastifyReply) => {
    const query = request.query as Record<string, unknown>
    for (const [key, value] of Object.entries(query)) {
      if (key !== 'format') return badRequest(reply, `unknown query parameter ${JSON.stringify(key)}; ${REALTIME_BASE}/${name} takes only format=json or format=protobuf`)
      if (value !== 'json' && value !== 'protobuf') return badRequest(reply, `format must be json or protobuf; got ${JSON.stringify(value)}`)
    }
    if (!loadedOr503(request, reply)) return reply
    const seconds = Math.floor(ctx.clock.now().getTime() / 1000)
    const now = ctx.clock.mode === 'live' ? seconds - (seconds % LIVE_BUCKET_S) : seconds
    let hit = encoded.get(name)
    if (hit?.now !== now) {
      const bytes = encodeFeed(feedObject(name, state().feed, snapshotAt(now)))
      hit = { now, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
      encoded.set(name, hit)
    }
    reply.header('cache-control', 'no-cache').header('last-modified', new Date(now * 1000).toUTCString())
    if (query.format === 'json') {
      hit.json ??= JSON.stringify(jsonOf(hit.bytes))
      return reply.type('application/json; charset=utf-8').send(hit.json)
    }
    return reply.type('application/x-protobuf').send(hit.bytes)
  }
  for (const name of FEED_NAMES) app.get(`${REALTIME_BASE}/${name}`, answer(name))
}
