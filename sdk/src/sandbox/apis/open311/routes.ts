import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { formatIst } from '../../clock.js'
import type { SandboxContext } from '../../types.js'
import { AnswerCache } from './cache.js'
import { Open311Error } from './errors.js'
import { canonicalHash, parseForm, readPostInput } from './form.js'
import {
  CONTENT_TYPE,
  definitionOut,
  definitionXml,
  discoverySchema,
  discoveryXml,
  errorsSchema,
  errorsXml,
  postSchema,
  requestsXml,
  servicesXml,
  serviceOut,
  tokenSchema,
  type Discovery,
  type Format,
  type Open311ErrorItem,
  type PostItem,
} from './format.js'
import { planLifecycle } from './lifecycle.js'
import type { Attribute, Service } from './load.js'
import type { NewRequest, Open311Store } from './store.js'
import { quote } from './text.js'
import { checkApiKey, checkJurisdiction, JURISDICTION_ID, parseListQuery, readIdempotencyKey, validatePost } from './validation.js'
import { RequestViews } from './views.js'
import type { WardLocator } from './wards.js'

export const BASE = '/open311/v2'
const FORMATS: readonly Format[] = ['json', 'xml']
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2'

/** What the routes need: the store, and the catalogue read at start (it does not change while running). */
export interface Open311Runtime {
  ctx: SandboxContext
  store: Open311Store
  services: ReadonlyMap<string, Service>
  definitions: ReadonlyMap<string, readonly Attribute[]>
  /** Per service: the closing note and the notice given to submitted requests. */
  closingNotes: ReadonlyMap<string, string>
  notices: ReadonlyMap<string, string>
  wards: WardLocator
  /** The catalogue's changeset for Service Discovery. */
  changeset: string
}

type Query = Record<string, string | string[] | undefined>

/** Adds the GeoReport v2 routes, the form parser and the Open311 error handler to the API's own scope. */
export function addOpen311Routes(app: FastifyInstance, rt: Open311Runtime): void {
  const { ctx, store } = rt
  const views = new RequestViews(store)
  const answers = new AnswerCache(ctx.db)

  // POST bodies are form-encoded, as the standard says; JSON with the same names is parsed by
  // Fastify. Plain text is no body this API takes, so it gets the "wrong content type" answer.
  app.removeContentTypeParser('text/plain')
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseForm(body as string))
  })
  app.setErrorHandler((err, request, reply) => {
    const format = formatOfUrl(request.url)
    if (err instanceof Open311Error) return sendErrors(reply, format, err.status, err.errors)
    const status = (err as { statusCode?: unknown }).statusCode
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // The standard has 404, 403 and "400 for anything else"; framework errors (bad JSON, wrong
      // content type, body too large) are the client's, so they become 400 with what to do.
      return sendErrors(reply, format, 400, [{ code: 400, description: describeClientError(err as Error & { code?: string }, request) }])
    }
    request.log.error({ err }, 'open311 request failed')
    const why = ctx.options.logger ? 'see the sandbox log for why' : 'start the sandbox with logging on to see why'
    return sendErrors(reply, format, 500, [{ code: 500, description: `the sandbox failed to answer ${request.method} ${pathOf(request.url)}; ${why}` }])
  })

  // The catalogue is fixed while the sandbox runs, so its answers are rendered (and encoded) once.
  const serviceList = [...rt.services.values()].map(serviceOut)
  const servicesBody: Record<Format, Buffer> = { json: Buffer.from(JSON.stringify(serviceList)), xml: Buffer.from(servicesXml(serviceList)) }
  const definitionBodies = new Map<string, Record<Format, Buffer>>()
  for (const [code, attributes] of rt.definitions) {
    const definition = definitionOut(code, attributes)
    definitionBodies.set(code, { json: Buffer.from(JSON.stringify(definition)), xml: Buffer.from(definitionXml(definition)) })
  }

  for (const format of FORMATS) {
    app.get(`${BASE}/services.${format}`, { schema: { response: { '4xx': errorsSchema } } }, async (request, reply) => {
      checkJurisdiction((request.query as Query).jurisdiction_id)
      return reply.type(CONTENT_TYPE[format]).send(servicesBody[format])
    })

    app.get(`${BASE}/requests.${format}`, { schema: { response: { '4xx': errorsSchema } } }, async (request, reply) => {
      const query = request.query as Query
      checkJurisdiction(query.jurisdiction_id)
      const now = ctx.clock.now().getTime()
      const answer = answers.answer(request.url, now, () => {
        const p = parseListQuery(query, now)
        const offset = (p.page - 1) * p.pageSize
        // One row more than the page tells whether there is a next page, without counting.
        const briefs = p.ids
          ? store.briefs(p.ids, now, p.pageSize + 1, offset)
          : store.list({ from: p.from, to: p.to, serviceCodes: p.serviceCodes, wards: p.wards, status: p.status, now, limit: p.pageSize + 1, offset })
        const more = briefs.length > p.pageSize
        if (more) briefs.pop()
        const body = Buffer.from(format === 'json' ? views.json(briefs, now, p.extensions) : views.xml(briefs, now, p.extensions))
        return more ? { body, link: `<${nextPageUrl(request, p.page)}>; rel="next"` } : { body }
      })
      if (answer.link) reply.header('link', answer.link)
      return reply.type(CONTENT_TYPE[format]).send(answer.body)
    })

    app.get(`${BASE}/discovery.${format}`, { schema: { response: { 200: discoverySchema, '4xx': errorsSchema } } }, async (request, reply) => {
      const discovery: Discovery = {
        changeset: rt.changeset,
        contact: 'Thane Kit local sandbox: synthetic Thane grievance data served through Open311 GeoReport v2; not a real city service',
        key_service: 'No sign-up: POST requests with the api_key the sandbox was started with (the development key unless one was set; `thane sandbox` prints it)',
        endpoints: [
          {
            specification: SPECIFICATION,
            url: `${request.protocol}://${request.host}${BASE}`,
            changeset: rt.changeset,
            type: 'test',
            formats: [CONTENT_TYPE.xml.replace(/;.*/, ''), CONTENT_TYPE.json.replace(/;.*/, '')],
          },
        ],
      }
      return send(reply, format, 200, discovery, discoveryXml)
    })

    app.post(`${BASE}/requests.${format}`, { schema: { response: { 201: postSchema, '4xx': errorsSchema } } }, async (request, reply) => {
      const query = request.query as Query
      const input = readPostInput(request.body)
      checkJurisdiction(input.fields.get('jurisdiction_id') ?? query.jurisdiction_id)
      const apiKey = input.fields.get('api_key') ?? firstOf(query.api_key)
      checkApiKey(apiKey, ctx.apiKey)
      const key = readIdempotencyKey(request.headers['idempotency-key'])
      const valid = validatePost(input, rt)
      const now = ctx.clock.now().getTime()
      const outcome = store.submit(
        (id) => newRequest(rt, id, now, valid),
        key === undefined ? undefined : { key, hash: canonicalHash(input), now },
      )
      if (outcome.kind === 'conflict') {
        throw new Open311Error(409, `Idempotency-Key ${quote(key as string)} was already used with a different request; send a new key for a new request`)
      }
      if (outcome.kind === 'created') answers.invalidate()
      if (outcome.kind === 'replayed') reply.header('idempotent-replayed', 'true')
      return send(reply, format, outcome.status, outcome.response, requestsXml)
    })
  }

  app.get(`${BASE}/services/:file`, { schema: { response: { '4xx': errorsSchema } } }, async (request, reply) => {
    const { name: code, format } = splitFormat((request.params as { file: string }).file, 'services/{service_code}')
    checkJurisdiction((request.query as Query).jurisdiction_id)
    const body = definitionBodies.get(code)
    if (!body) throw new Open311Error(404, `service_code ${quote(code)} is not a service of ${JURISDICTION_ID}; see ${BASE}/services.${format} for the codes`)
    return reply.type(CONTENT_TYPE[format]).send(body[format])
  })

  app.get(`${BASE}/requests/:file`, { schema: { response: { '4xx': errorsSchema } } }, async (request, reply) => {
    const { name: id, format } = splitFormat((request.params as { file: string }).file, 'requests/{service_request_id}')
    const query = request.query as Query
    checkJurisdiction(query.jurisdiction_id)
    const extensions = firstOf(query.extensions)
    if (extensions !== undefined && extensions !== '' && extensions !== 'true' && extensions !== 'false') {
      throw new Open311Error(400, `extensions must be true or false; got ${quote(extensions)}`)
    }
    const now = ctx.clock.now().getTime()
    const answer = answers.answer(request.url, now, () => {
      const brief = /^[1-9]\d{0,14}$/.test(id) ? store.brief(Number(id), now) : undefined
      if (!brief) throw new Open311Error(404, `service_request_id ${quote(id)} was not found`)
      const ext = extensions === 'true'
      return { body: Buffer.from(format === 'json' ? views.json([brief], now, ext) : views.xml([brief], now, ext)) }
    })
    return reply.type(CONTENT_TYPE[format]).send(answer.body)
  })

  app.get(`${BASE}/tokens/:file`, { schema: { response: { 200: tokenSchema, '4xx': errorsSchema } } }, async (request, reply) => {
    const { name: token, format } = splitFormat((request.params as { file: string }).file, 'tokens/{token}')
    checkJurisdiction((request.query as Query).jurisdiction_id)
    const id = store.idForToken(token, ctx.clock.now().getTime())
    if (id === undefined) throw new Open311Error(404, `token ${quote(token)} was not found`)
    return send(reply, format, 200, [{ service_request_id: String(id), token }], requestsXml)
  })

  // Anything else under the root is an Open311 404, in the format the path asked for.
  const notFound = async (request: FastifyRequest) => {
    const path = pathOf(request.url)
    const m = /^\/open311\/v2\/(services|requests|discovery)(?:\.([^/]*))?$/.exec(path)
    if (m && request.method === 'GET') {
      throw new Open311Error(404, m[2] === undefined ? `add the format to the path: ${BASE}/${m[1]}.json or ${BASE}/${m[1]}.xml` : formatMessage(m[2], `${m[1]}`))
    }
    throw new Open311Error(404, `no Open311 resource ${request.method} ${path}; the endpoints are listed at ${BASE}/discovery.json`)
  }
  app.all(BASE, notFound)
  app.all(`${BASE}/*`, notFound)
}

/** The row and the answer of a submitted request, once the store has given it its id. */
function newRequest(rt: Open311Runtime, id: number, now: number, valid: ReturnType<typeof validatePost>) {
  const { service, text } = valid
  const plan = planLifecycle(id, now, service.sla_days)
  const token = service.type === 'batch' ? tokenFor(id) : null
  const notice = rt.notices.get(service.service_code)
  const row: NewRequest = {
    service_code: service.service_code,
    service_name: service.service_name,
    description: text.description ?? null,
    description_language: text.description_language ?? null,
    final_notes: rt.closingNotes.get(service.service_code) ?? null,
    progress_notes: null,
    progress_ms: null,
    agency_responsible: service.agency,
    service_notice: notice ?? null,
    requested_ms: now,
    ...plan,
    address: text.address_string ?? null,
    address_id: text.address_id ?? null,
    zipcode: null,
    lat: valid.lat,
    long: valid.long,
    ward: valid.lat !== null && valid.long !== null ? rt.wards.nearest(valid.lat, valid.long) : null,
    media_url: text.media_url ?? null,
    token,
    email: text.email ?? null,
    device_id: text.device_id ?? null,
    account_id: text.account_id ?? null,
    first_name: text.first_name ?? null,
    last_name: text.last_name ?? null,
    phone: text.phone ?? null,
    attributes: Object.keys(valid.attributes).length > 0 ? JSON.stringify(valid.attributes) : null,
  }
  const item: PostItem = {}
  if (service.type === 'realtime') item.service_request_id = String(id)
  if (token !== null) item.token = token
  if (notice !== undefined) item.service_notice = notice
  if (text.account_id !== undefined) item.account_id = text.account_id
  // A blackbox service answers with nothing, as the standard says.
  return { row, status: 201, response: service.type === 'blackbox' ? [] : [item] }
}

/** A batch request's token: derived from its id, so a fixed clock gives the same tokens on every run. */
function tokenFor(id: number): string {
  return createHash('sha256').update(`thane-open311-token:${id}`).digest('hex').slice(0, 32)
}

function send<T>(reply: FastifyReply, format: Format, status: number, body: T, toXml: (body: T & object) => string): FastifyReply {
  reply.code(status)
  if (format === 'json') return reply.type(CONTENT_TYPE.json).send(body)
  return reply.type(CONTENT_TYPE.xml).send(toXml(body as T & object))
}

function sendErrors(reply: FastifyReply, format: Format, status: number, errors: Open311ErrorItem[]): FastifyReply {
  return send(reply, format, status, errors, errorsXml)
}

/** `100001.json` -> { name: '100001', format: 'json' }; no or another suffix is a 404. */
function splitFormat(file: string, what: string): { name: string; format: Format } {
  const dot = file.lastIndexOf('.')
  const suffix = dot > 0 ? file.slice(dot + 1) : undefined
  if (suffix === 'json' || suffix === 'xml') return { name: file.slice(0, dot), format: suffix }
  if (suffix === undefined) throw new Open311Error(404, `add the format to the path: ${BASE}/${what}.json or .xml`)
  throw new Open311Error(404, formatMessage(suffix, what))
}

function formatMessage(suffix: string, what: string): string {
  return `format ${quote(suffix)} is not served; use .json or .xml, like ${BASE}/${what}.json`
}

function formatOfUrl(url: string): Format {
  return pathOf(url).endsWith('.xml') ? 'xml' : 'json'
}

function pathOf(url: string): string {
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

function firstOf(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return v === '' ? undefined : v
}

function nextPageUrl(request: FastifyRequest, page: number): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`)
  url.searchParams.set('page', String(page + 1))
  return `${url.pathname}${url.search}`
}

function describeClientError(err: Error & { code?: string }, request: FastifyRequest): string {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `send the body as application/x-www-form-urlencoded (or application/json); got ${quote(String(request.headers['content-type'] ?? 'none'))}`
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the JSON body is empty; send an object of fields, or a form-encoded body'
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'the body is too large; a service request is a few kilobytes (description at most 4,000 characters)'
    default:
      if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return 'the body is not valid JSON; send an object of fields, or a form-encoded body'
      return err.message
  }
}

/** When the catalogue last changed, for Service Discovery: the time the sandbox loaded it. */
export function changesetOf(loadedAt: Date): string {
  return formatIst(loadedAt)
}
