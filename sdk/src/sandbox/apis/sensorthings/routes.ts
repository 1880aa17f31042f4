import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { SandboxContext } from '../../types.js'
import { type Answer, AnswerCache } from './cache.js'
import { checkCreateObservations, checkObservation } from './create.js'
import { Reader, type Target } from './engine.js'
import { notFound, notImplemented, SensorThingsError } from './errors.js'
import { MODEL, SET_NAMES, type Row, type SetName } from './model.js'
import { QuerySyntaxError, UnsupportedOptionError, type QueryOptions } from './query/ast.js'
import { parseQueryOptions } from './query/parse.js'
import type { Catalogue, NewObservation, SensorThingsStore } from './store.js'

export const BASE = '/sensorthings/v1.1'
const JSON_TYPE = 'application/json; charset=utf-8'

/** The conformance classes of OGC 18-088 this service implements (see README.md for what is partial). */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data',
  'http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array',
]

/** What the routes work on; `refresh` re-shifts a live replay when the clock has run past it. */
export interface SensorThingsRuntime {
  ctx: SandboxContext
  store: SensorThingsStore
  catalogue(): Catalogue
  lists(): Record<Exclude<SetName, 'Observations'>, readonly Row[]>
  refresh(now: number): boolean
}

export function addSensorThingsRoutes(app: FastifyInstance, rt: SensorThingsRuntime): void {
  const { ctx, store } = rt
  const answers = new AnswerCache((now) => store.nextAppearance(now, rt.catalogue().datastreams.keys()))

  app.setErrorHandler((err, request, reply) => {
    if (err instanceof SensorThingsError) return sendError(reply, err.status, err.message)
    if (err instanceof QuerySyntaxError) return sendError(reply, 400, err.message)
    if (err instanceof UnsupportedOptionError) return sendError(reply, 501, err.message)
    const status = (err as { statusCode?: unknown }).statusCode
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = (err as { code?: string }).code
      const message =
        code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? `send the body as application/json; got ${JSON.stringify(String(request.headers['content-type'] ?? 'none'))}`
          : err instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
            ? 'the body is not valid JSON'
            : (err as Error).message
      return sendError(reply, status === 413 ? 413 : 400, message)
    }
    request.log.error({ err }, 'sensorthings request failed')
    const why = ctx.options.logger ? 'see the sandbox log for why' : 'start the sandbox with logging on to see why'
    return sendError(reply, 500, `the sandbox failed to answer ${request.method} ${pathOf(request.url)}; ${why}`)
  })

  const base = (request: FastifyRequest) => `${request.protocol}://${request.host}${BASE}`
  const reader = (request: FastifyRequest, now: number) => new Reader(store, rt.catalogue(), rt.lists(), base(request), now)
  const currentTime = () => {
    const now = ctx.clock.now().getTime()
    if (rt.refresh(now)) answers.invalidate()
    return now
  }

  const root = async (request: FastifyRequest, reply: FastifyReply) => {
    const b = base(request)
    return reply.type(JSON_TYPE).send({
      value: SET_NAMES.map((name) => ({ name, url: `${b}/${name}` })),
      serverSettings: { conformance: CONFORMANCE },
    })
  }
  app.get(BASE, root)
  app.get(`${BASE}/`, root)

  app.get(`${BASE}/*`, async (request, reply) => {
    const now = currentTime()
    const url = request.url
    const q = url.indexOf('?')
    const search = q === -1 ? '' : url.slice(q + 1)
    // An answer using now() changes with every tick of the clock: never kept.
    const cacheable = !/now\s*(\(|%28)/i.test(search)
    const compute = () => get(reader(request, now), segmentsOf(url), new URLSearchParams(search), base(request))
    const answer = cacheable ? answers.answer(`${request.host}${url}`, now, compute) : compute()
    return reply.code(answer.status).type(answer.type).send(answer.body)
  })

  const create = async (request: FastifyRequest, reply: FastifyReply, datastreamId?: number) => {
    checkKey(request, ctx.apiKey)
    const now = currentTime()
    const observation = checkObservation(request.body, rt.catalogue(), now, datastreamId)
    const [id] = store.insertObservations([observation])
    answers.invalidate()
    const r = reader(request, now)
    const row = { id, ...observation } as unknown as Row
    const self = r.selfLink('Observations', id as number)
    return reply.code(201).header('location', self).type(JSON_TYPE).send(r.entity('Observations', row, {}))
  }

  app.post(`${BASE}/Observations`, async (request, reply) => create(request, reply))
  app.post(`${BASE}/CreateObservations`, async (request, reply) => {
    checkKey(request, ctx.apiKey)
    const now = currentTime()
    const checked = checkCreateObservations(request.body, rt.catalogue(), now)
    const valid = checked.filter((c): c is NewObservation => !(c instanceof Error))
    const ids = valid.length > 0 ? store.insertObservations(valid) : []
    if (ids.length > 0) answers.invalidate()
    const r = reader(request, now)
    let next = 0
    const links = checked.map((c) => (c instanceof Error ? 'error' : r.selfLink('Observations', ids[next++] as number)))
    return reply.code(201).type(JSON_TYPE).send(links)
  })
  app.post(`${BASE}/*`, async (request, reply) => {
    const segments = segmentsOf(request.url)
    const m = segments.length === 2 && segments[1] === 'Observations' ? /^Datastreams\((\d{1,15})\)$/.exec(segments[0] as string) : null
    if (m) {
      checkKey(request, ctx.apiKey)
      if (!rt.catalogue().datastreams.has(Number(m[1]))) throw notFound(`Datastreams(${m[1]}) was not found`)
      return create(request, reply, Number(m[1]))
    }
    throw notImplemented(`POST ${pathOf(request.url)} is not supported; this sandbox creates Observations only (POST ${BASE}/Observations, ${BASE}/Datastreams(<id>)/Observations or ${BASE}/CreateObservations)`)
  })
  for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: `${BASE}/*`,
      handler: async () => {
        throw notImplemented(`${method} is not supported; this sandbox serves read access and the creation of Observations`)
      },
    })
  }
}

function get(reader: Reader, segments: string[], params: URLSearchParams, base: string): Answer {
  const options = parseQueryOptions(params)
  if (segments.length === 0) throw notFound('no resource')
  const target = reader.resolve(segments)
  return render(reader, target, options, params, base, segments)
}

function render(reader: Reader, target: Target, options: QueryOptions, params: URLSearchParams, base: string, segments: string[]): Answer {
  const json = (body: unknown): Answer => ({ status: 200, type: JSON_TYPE, body: Buffer.from(JSON.stringify(body)) })
  if (options.resultFormat === 'dataArray' && !(target.kind === 'collection' && target.collection.set === 'Observations' && !target.ref)) {
    throw new SensorThingsError(400, '$resultFormat=dataArray applies to collections of Observations only')
  }
  switch (target.kind) {
    case 'property': {
      const value = reader.json(target.set, target.row, target.prop)
      if (value === null || value === undefined) return { status: 204, type: 'text/plain; charset=utf-8', body: '' }
      if (target.raw) return { status: 200, type: 'text/plain; charset=utf-8', body: typeof value === 'string' ? value : JSON.stringify(value) }
      return json({ [target.prop]: value })
    }
    case 'entity': {
      if (target.ref) return json({ '@iot.selfLink': reader.selfLink(target.set, target.row.id) })
      return json(reader.entity(target.set, target.row, options))
    }
    case 'collection': {
      const { collection } = target
      const page = reader.query(collection, options)
      const out: Record<string, unknown> = {}
      if (page.count !== undefined) out['@iot.count'] = page.count
      if (target.ref) out.value = page.rows.map((r) => ({ '@iot.selfLink': reader.selfLink(collection.set, r.id) }))
      else if (options.resultFormat === 'dataArray') out.value = reader.dataArray(page.rows, options.select)
      else out.value = page.rows.map((r) => reader.entity(collection.set, r, options))
      if (page.next) {
        const next = new URLSearchParams(params)
        next.set('$skip', String(page.next.skip))
        if (page.next.top !== undefined) next.set('$top', String(page.next.top))
        out['@iot.nextLink'] = `${base}/${segments.map(encodeSegment).join('/')}?${next.toString().replace(/%24/g, '$')}`
      }
      return json(out)
    }
  }
}

/** The decoded path segments after the service root. */
function segmentsOf(url: string): string[] {
  const path = pathOf(url).slice(BASE.length + 1)
  const parts = path.split('/').filter((s, i, all) => s !== '' || i < all.length - 1)
  try {
    return parts.map((s) => decodeURIComponent(s))
  } catch {
    throw new SensorThingsError(400, `the path ${JSON.stringify(path)} is not valid percent-encoding`)
  }
}

function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/%28/g, '(').replace(/%29/g, ')').replace(/%27/g, "'").replace(/%24/g, '$')
}

function pathOf(url: string): string {
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

/** The key comes in the `X-API-Key` header (or, for clients that cannot set headers, `?api_key=`). */
function checkKey(request: FastifyRequest, apiKey: string): void {
  const header = request.headers['x-api-key']
  const fromQuery = (request.query as Record<string, unknown>).api_key
  const key = typeof header === 'string' && header !== '' ? header : typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined
  if (key === undefined) throw new SensorThingsError(401, 'creating Observations needs the API key: send it in the X-API-Key header (the sandbox prints it; the development key unless one was set)')
  if (key !== apiKey) throw new SensorThingsError(403, 'the API key is not the one this sandbox accepts; send the key the sandbox was started with in the X-API-Key header')
}

function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.code(status).type(JSON_TYPE).send({ code: status, type: 'error', message })
}

export { MODEL }
