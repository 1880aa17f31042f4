import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveConfig, type ClientOptions } from '../src/config.js'
import { ApiError, InputError } from '../src/errors.js'
import { createGrievancesClient, type GrievancesClient } from '../src/grievances/index.js'
import { createHttp } from '../src/http/client.js'
import { createClient, type ServiceRequest } from '../src/index.js'
import { send, startServer, type Hit, type LocalServer } from './helpers/local-server.js'

// A small GeoReport v2 server that answers the way real ones do: numeric ids, "true" strings,
// empty elements, one-element XML lists, error lists in both formats and the legacy <error>text</error>.

type Wire = Record<string, unknown>
type Format = 'json' | 'xml'

const ROOT = '/georeport/v2'
const API_KEY = 'dev-key-123'

const SERVICES: Wire[] = [
  { service_code: 1, service_name: 'Pothole', description: 'A hole in the road', metadata: 'true', type: 'realtime', keywords: 'road, pothole ,', group: 'roads' },
  { service_code: 'GARBAGE', service_name: 'Garbage not collected', description: '', metadata: false, type: 'batch', keywords: '', group: null },
]

const DEFINITION: Wire = {
  service_code: 1,
  attributes: [
    { variable: 'true', code: 'SIZE', datatype: 'singlevaluelist', required: true, datatype_description: null, order: '2', description: 'How big is it?', values: [{ key: 1, name: 'Small' }, { key: '02', name: 'Large' }] },
    { variable: false, code: 'HAZARDS', datatype: 'multivaluelist', required: 'false', datatype_description: 'Pick all that apply', order: 1, description: 'What does it endanger?', values: [{ key: 'traffic', name: 'Traffic' }] },
  ],
}

/** Seven requests, numeric ids 1001…1007, newest first, with the sandbox's `ward` extension. */
const REQUESTS: Wire[] = Array.from({ length: 7 }, (_, i) => ({
  service_request_id: 1001 + i,
  status: i % 3 === 0 ? 'closed' : 'open',
  status_notes: i % 3 === 0 ? 'Filled with asphalt' : '',
  service_name: 'Pothole',
  service_code: 1,
  description: `Pothole number ${i + 1}`,
  agency_responsible: 'TMC Public Works',
  service_notice: null,
  requested_datetime: `2026-07-${String(14 - i).padStart(2, '0')}T09:00:00+05:30`,
  updated_datetime: '2026-07-14T10:30:00+05:30',
  expected_datetime: '',
  address: 'Gokhale Road, Naupada, Thane',
  address_id: 4401 + i,
  zipcode: 400602,
  lat: '19.1972',
  long: 72.9722,
  media_url: '',
  ward: 'Naupada',
}))

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const XML_ITEM: Record<string, string> = { attributes: 'attribute', values: 'value' }

function element(name: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return `<${name}/>`
  if (Array.isArray(value)) return `<${name}>${value.map((item) => element(XML_ITEM[name] ?? 'item', item)).join('')}</${name}>`
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`
  return `<${name}>${escapeXml(String(value))}</${name}>`
}

function xmlDoc(root: string, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>`
}

/** A list the way GeoReport v2 sends it: a JSON array, or `<root><item>…</item></root>`. */
function answerList(res: ServerResponse, format: Format, root: string, item: string, items: Wire[], status = 200): void {
  if (format === 'json') send(res, status, items, { 'content-type': 'application/json; charset=utf-8' })
  else send(res, status, xmlDoc(root, items.map((entry) => element(item, entry)).join('')), { 'content-type': 'text/xml; charset=utf-8' })
}

function answerErrors(res: ServerResponse, format: Format, status: number, description: string): void {
  answerList(res, format, 'errors', 'error', [{ code: status, description }], status)
}

interface FakeOptions {
  /** `supported`: honours `page`/`page_size`; `ignored`: a plain v2 server that always sends everything. */
  paging?: 'supported' | 'ignored'
  /** Answers a request before the fake's routes do; return true when it answered. */
  override?: (res: ServerResponse, hit: Hit, format: Format) => boolean
}

const servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function fakeGeoReport(options: FakeOptions = {}): Promise<LocalServer> {
  const server = await startServer((res, hit) => {
    const url = new URL(hit.path, 'http://fake')
    const match = /^\/georeport\/v2\/(.+)\.(json|xml)$/.exec(url.pathname)
    if (!match) return send(res, 404, 'not a GeoReport path')
    const [, resource = '', format] = match as unknown as [string, string, Format]
    if (options.override?.(res, hit, format)) return
    const [kind, id] = resource.split('/').map(decodeURIComponent) as [string, string | undefined]

    if (hit.method === 'GET' && kind === 'services' && id === undefined) return answerList(res, format, 'services', 'service', SERVICES)
    if (hit.method === 'GET' && kind === 'services') {
      if (id !== '1') return answerErrors(res, format, 404, `service_code ${id} not found`)
      if (format === 'json') return send(res, 200, DEFINITION)
      return send(res, 200, xmlDoc('service_definition', Object.entries(DEFINITION).map(([k, v]) => element(k, v)).join('')), { 'content-type': 'text/xml' })
    }
    if (hit.method === 'POST' && kind === 'requests' && id === undefined) {
      const form = new URLSearchParams(hit.body)
      if (form.get('api_key') !== API_KEY) return answerErrors(res, format, 403, 'Invalid api_key')
      const ack = form.get('service_code') === 'GARBAGE' ? { token: 'tok-77', service_notice: '' } : { service_request_id: 2001, service_notice: 'Usually fixed within 48 hours', account_id: null }
      return answerList(res, format, 'service_requests', 'request', [ack])
    }
    if (hit.method === 'GET' && kind === 'requests' && id === undefined) {
      const page = Number(url.searchParams.get('page') ?? 1)
      const size = Number(url.searchParams.get('page_size') ?? 1000)
      const items = options.paging === 'ignored' ? REQUESTS : REQUESTS.slice((page - 1) * size, page * size)
      return answerList(res, format, 'service_requests', 'request', items)
    }
    if (hit.method === 'GET' && kind === 'requests') {
      const found = REQUESTS.filter((r) => String(r.service_request_id) === id)
      if (found.length > 0) return answerList(res, format, 'service_requests', 'request', found)
      // Older servers answer a plain <error>text</error>; JSON ones the standard's list.
      if (format === 'xml') return send(res, 404, `<?xml version="1.0" encoding="utf-8"?><error>No such service request: ${escapeXml(id ?? '')}</error>`, { 'content-type': 'text/xml' })
      return answerErrors(res, format, 404, `No such service request: ${id}`)
    }
    if (hit.method === 'GET' && kind === 'tokens') {
      return answerList(res, format, 'service_requests', 'request', [{ service_request_id: id === 'tok-77' ? 2002 : '', token: id }])
    }
    return send(res, 404, 'no route')
  })
  servers.push(server)
  return server
}

/** A grievances client for a server, with a backoff of a millisecond so retry tests take no time. */
function grievances(server: LocalServer, format: Format = 'json', extra: Omit<ClientOptions, 'env' | 'configFile'> = {}): GrievancesClient {
  const config = resolveConfig({ baseUrl: server.url, grievances: { url: `${server.url}${ROOT}`, apiKey: API_KEY, format, ...extra.grievances }, retries: extra.retries ?? 2, env: {}, configFile: false })
  return createGrievancesClient(config, createHttp(config, { retryBaseMs: 1, retryCapMs: 2 }))
}

/** The error a promise rejects with; fails the test when it resolves. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected the call to fail, but it succeeded')
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of iterator) items.push(item)
  return items
}

const paths = (server: LocalServer) => server.hits.map((hit) => `${hit.method} ${hit.path}`)

const FIRST_REQUEST: ServiceRequest = {
  serviceRequestId: '1001',
  status: 'closed',
  statusNotes: 'Filled with asphalt',
  serviceName: 'Pothole',
  serviceCode: '1',
  description: 'Pothole number 1',
  agencyResponsible: 'TMC Public Works',
  requestedDatetime: '2026-07-14T09:00:00+05:30',
  updatedDatetime: '2026-07-14T10:30:00+05:30',
  address: 'Gokhale Road, Naupada, Thane',
  addressId: '4401',
  zipcode: '400602',
  lat: 19.1972,
  lon: 72.9722,
  extensions: { ward: 'Naupada' },
}

describe.each(['json', 'xml'] as const)('grievances over %s', (format) => {
  it('services: reads every service, codes as strings, "true" as true, keywords split, empty fields absent', async () => {
    const server = await fakeGeoReport()

    const services = await grievances(server, format).services()

    expect(services).toEqual([
      { serviceCode: '1', serviceName: 'Pothole', description: 'A hole in the road', metadata: true, type: 'realtime', keywords: ['road', 'pothole'], group: 'roads' },
      { serviceCode: 'GARBAGE', serviceName: 'Garbage not collected', metadata: false, type: 'batch', keywords: [] },
    ])
    expect(paths(server)).toEqual([`GET ${ROOT}/services.${format}`])
    expect(server.hits[0]!.headers.accept).toBe(format === 'json' ? 'application/json' : 'text/xml, application/xml;q=0.9')
  })

  it('definition: reads the attributes sorted by order, with value keys as strings and one-value lists as lists', async () => {
    const server = await fakeGeoReport()

    const definition = await grievances(server, format).definition('1')

    expect(definition).toEqual({
      serviceCode: '1',
      attributes: [
        { variable: false, code: 'HAZARDS', datatype: 'multivaluelist', required: false, datatypeDescription: 'Pick all that apply', order: 1, description: 'What does it endanger?', values: [{ key: 'traffic', name: 'Traffic' }] },
        { variable: true, code: 'SIZE', datatype: 'singlevaluelist', required: true, order: 2, description: 'How big is it?', values: [{ key: '1', name: 'Small' }, { key: '02', name: 'Large' }] },
      ],
    })
    expect(paths(server)).toEqual([`GET ${ROOT}/services/1.${format}`])
  })

  it('definition: an unknown service code is an ApiError 404 carrying the error list', async () => {
    const server = await fakeGeoReport()

    const err = await failure(grievances(server, format).definition('NOPE'))

    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({
      code: 'E_API',
      status: 404,
      body: [{ code: 404, description: 'service_code NOPE not found' }],
      message: `GET ${server.url}${ROOT}/services/NOPE.${format} answered 404 Not Found: service_code NOPE not found`,
    })
  })

  it('submit: posts the form to requests and returns the id and notice, leaving null fields out', async () => {
    const server = await fakeGeoReport()

    const result = await grievances(server, format).submit({ serviceCode: '1', location: { lat: 19.1972, lon: 72.9722 }, description: 'Deep pothole' })

    expect(result).toEqual({ serviceRequestId: '2001', serviceNotice: 'Usually fixed within 48 hours' })
    expect(paths(server)).toEqual([`POST ${ROOT}/requests.${format}`])
    expect(server.hits[0]!.body).toBe(`api_key=${API_KEY}&service_code=1&lat=19.1972&long=72.9722&description=Deep+pothole`)
  })

  it('submit: a batch service answers with a token, which resolveToken turns into the request id', async () => {
    const server = await fakeGeoReport()
    const client = grievances(server, format)

    const result = await client.submit({ serviceCode: 'GARBAGE', location: { addressString: 'Station Road, Thane West' } })
    const resolved = await client.resolveToken(result.token!)

    expect(result).toEqual({ token: 'tok-77' })
    expect(resolved).toEqual({ serviceRequestId: '2002', token: 'tok-77' })
    expect(paths(server)).toEqual([`POST ${ROOT}/requests.${format}`, `GET ${ROOT}/tokens/tok-77.${format}`])
  })

  it('resolveToken: a token the server has not processed yet gives an undefined serviceRequestId', async () => {
    const server = await fakeGeoReport()

    expect(await grievances(server, format).resolveToken('tok-later')).toEqual({ serviceRequestId: undefined, token: 'tok-later' })
  })

  it('submit: a wrong API key is an ApiError 403 with the error list in body and its description in the message', async () => {
    const server = await fakeGeoReport()
    const client = grievances(server, format, { grievances: { apiKey: 'wrong' } })

    const err = await failure(client.submit({ serviceCode: '1', location: { addressId: '4401' } }))

    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({
      code: 'E_API',
      status: 403,
      method: 'POST',
      body: [{ code: 403, description: 'Invalid api_key' }],
      message: `POST ${server.url}${ROOT}/requests.${format} answered 403 Forbidden: Invalid api_key`,
    })
    expect(server.hits).toHaveLength(1)
  })

  it('get: unwraps the one-element list, ids and numbers read leniently, datetimes as sent, the ward in extensions', async () => {
    const server = await fakeGeoReport()

    const request = await grievances(server, format).get('1001')

    expect(request).toEqual(FIRST_REQUEST)
    expect(paths(server)).toEqual([`GET ${ROOT}/requests/1001.${format}?extensions=true`])
  })

  it('get: an unknown id is an ApiError 404 with a readable message, from the error list or the legacy <error> text', async () => {
    const server = await fakeGeoReport()

    const err = await failure(grievances(server, format).get('999'))

    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({
      code: 'E_API',
      status: 404,
      body: [{ code: 404, description: 'No such service request: 999' }],
      message: `GET ${server.url}${ROOT}/requests/999.${format}?extensions=true answered 404 Not Found: No such service request: 999`,
    })
  })

  it('list: follows the pages lazily and stops at the first short page', async () => {
    const server = await fakeGeoReport({ paging: 'supported' })

    const requests = await collect(grievances(server, format).list({ pageSize: 3 }))

    expect(requests.map((r) => r.serviceRequestId)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007'])
    expect(requests[0]).toEqual(FIRST_REQUEST)
    expect(paths(server)).toEqual([1, 2, 3].map((page) => `GET ${ROOT}/requests.${format}?extensions=true&page=${page}&page_size=3`))
  })
})

describe('grievances: submit', () => {
  it('submit: sends attributes as attribute[CODE] and a multivaluelist as repeated attribute[CODE][], in the standard\'s order', async () => {
    const server = await fakeGeoReport()

    await grievances(server).submit({
      serviceCode: '1',
      location: { lat: 19.1972, lon: 72.9722 },
      description: 'Deep pothole, near Teen Hath Naka',
      attributes: { SIZE: '02', DEPTH: 12.5, HAZARDS: ['traffic', 'water'], NOTE: '' },
      email: 'asha@example.in',
      deviceId: '',
      firstName: 'Asha',
      lastName: 'Patil',
      phone: '+91 22 2533 1211',
      mediaUrl: 'https://img.example/p.jpg',
    })

    const hit = server.hits[0]!
    expect(hit.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8')
    expect(hit.body).toBe(
      `api_key=${API_KEY}&service_code=1&lat=19.1972&long=72.9722` +
        '&attribute%5BSIZE%5D=02&attribute%5BDEPTH%5D=12.5&attribute%5BHAZARDS%5D%5B%5D=traffic&attribute%5BHAZARDS%5D%5B%5D=water' +
        '&email=asha%40example.in&first_name=Asha&last_name=Patil&phone=%2B91+22+2533+1211' +
        '&description=Deep+pothole%2C+near+Teen+Hath+Naka&media_url=https%3A%2F%2Fimg.example%2Fp.jpg',
    )
    expect([...new URLSearchParams(hit.body)]).toEqual([
      ['api_key', API_KEY],
      ['service_code', '1'],
      ['lat', '19.1972'],
      ['long', '72.9722'],
      ['attribute[SIZE]', '02'],
      ['attribute[DEPTH]', '12.5'],
      ['attribute[HAZARDS][]', 'traffic'],
      ['attribute[HAZARDS][]', 'water'],
      ['email', 'asha@example.in'],
      ['first_name', 'Asha'],
      ['last_name', 'Patil'],
      ['phone', '+91 22 2533 1211'],
      ['description', 'Deep pothole, near Teen Hath Naka'],
      ['media_url', 'https://img.example/p.jpg'],
    ])
  })

  it('submit: sends jurisdiction_id as a form field on POST and as a query parameter on GET', async () => {
    const server = await fakeGeoReport()
    const client = grievances(server, 'json', { grievances: { jurisdictionId: 'thanecity.gov.in' } })

    await client.submit({ serviceCode: '1', location: { addressString: 'Station Road' } })
    await client.services()

    expect(server.hits[0]!.body).toBe(`api_key=${API_KEY}&jurisdiction_id=thanecity.gov.in&service_code=1&address_string=Station+Road`)
    expect(server.hits[1]!.path).toBe(`${ROOT}/services.json?jurisdiction_id=thanecity.gov.in`)
  })

  it('submit: sends the Idempotency-Key and retries a 503 with the same key and body', async () => {
    const server = await fakeGeoReport({ override: (res, hit) => hit.method === 'POST' && server.hits.length === 1 && (send(res, 503), true) })

    const result = await grievances(server).submit({ serviceCode: '1', location: { lat: 19.2, lon: 72.97 } }, { idempotencyKey: 'key-42' })

    expect(result.serviceRequestId).toBe('2001')
    expect(server.hits.map((hit) => [hit.method, hit.headers['idempotency-key'], hit.body])).toEqual([
      ['POST', 'key-42', `api_key=${API_KEY}&service_code=1&lat=19.2&long=72.97`],
      ['POST', 'key-42', `api_key=${API_KEY}&service_code=1&lat=19.2&long=72.97`],
    ])
  })

  it('submit: without an idempotency key a 503 is not retried, so a grievance is never filed twice', async () => {
    const server = await fakeGeoReport({ override: (res, hit) => hit.method === 'POST' && (send(res, 503), true) })

    const err = await failure(grievances(server).submit({ serviceCode: '1', location: { lat: 19.2, lon: 72.97 } }))

    expect(err).toMatchObject({ code: 'E_API', status: 503, message: `POST ${server.url}${ROOT}/requests.json answered 503 Service Unavailable` })
    expect(server.hits).toHaveLength(1)
    expect(server.hits[0]!.headers['idempotency-key']).toBeUndefined()
  })

  it('submit: a blackbox service that answers with an empty list gives an empty result', async () => {
    const server = await fakeGeoReport({ override: (res, hit, format) => hit.method === 'POST' && (answerList(res, format, 'service_requests', 'request', []), true) })

    expect(await grievances(server, 'xml').submit({ serviceCode: '1', location: { addressId: 4401 as unknown as string } })).toEqual({})
    expect(new URLSearchParams(server.hits[0]!.body).get('address_id')).toBe('4401')
  })
})

describe('grievances: list', () => {
  it('list: stops after one repeated page when a plain v2 server ignores paging, yielding each request once', async () => {
    const server = await fakeGeoReport({ paging: 'ignored' })

    const requests = await collect(grievances(server).list({ pageSize: 2 }))

    expect(requests.map((r) => r.serviceRequestId)).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1007'])
    expect(paths(server)).toEqual([`GET ${ROOT}/requests.json?extensions=true&page=1&page_size=2`, `GET ${ROOT}/requests.json?extensions=true&page=2&page_size=2`])
  })

  it('list: fetches only the pages that are consumed (break after three requests of pages of two)', async () => {
    const server = await fakeGeoReport({ paging: 'supported' })

    const seen: string[] = []
    for await (const request of grievances(server).list({ pageSize: 2 })) {
      seen.push(request.serviceRequestId)
      if (seen.length === 3) break
    }

    expect(seen).toEqual(['1001', '1002', '1003'])
    expect(server.hits.map((hit) => new URL(hit.path, server.url).searchParams.get('page'))).toEqual(['1', '2'])
  })

  it('list: nothing is requested until the iterator is read', async () => {
    const server = await fakeGeoReport()

    const iterator = grievances(server).list()
    expect(server.hits).toHaveLength(0)
    const first = await iterator.next()

    expect(first.value).toMatchObject({ serviceRequestId: '1001' })
    expect(paths(server)).toEqual([`GET ${ROOT}/requests.json?extensions=true&page=1&page_size=100`])
  })

  it('list: stops at an empty page', async () => {
    const server = await fakeGeoReport({ paging: 'supported' })

    const requests = await collect(grievances(server).list({ pageSize: 7 }))

    expect(requests).toHaveLength(7)
    expect(server.hits).toHaveLength(2)
  })

  it('list: sends the filters the standard\'s way: comma-joined lists, dates with their offset, the ward extension', async () => {
    const server = await fakeGeoReport()

    await collect(
      grievances(server, 'xml').list({
        serviceCode: ['1', 'GARBAGE'],
        status: ['open', 'closed'],
        startDate: '2026-07-01T00:00:00+05:30',
        endDate: new Date('2026-07-14T12:00:00Z'),
        ward: 'Naupada',
        pageSize: 50,
      }),
    )

    const query = Object.fromEntries(new URL(server.hits[0]!.path, server.url).searchParams)
    expect(query).toEqual({
      service_code: '1,GARBAGE',
      start_date: '2026-07-01T00:00:00+05:30',
      end_date: '2026-07-14T12:00:00Z',
      status: 'open,closed',
      ward: 'Naupada',
      extensions: 'true',
      page: '1',
      page_size: '50',
    })
  })

  it('list: sends several ids comma-joined as service_request_id', async () => {
    const server = await fakeGeoReport()

    await collect(grievances(server).list({ serviceRequestId: ['1001', '1003'], status: 'open' }))

    expect(new URL(server.hits[0]!.path, server.url).searchParams.get('service_request_id')).toBe('1001,1003')
    expect(new URL(server.hits[0]!.path, server.url).searchParams.get('status')).toBe('open')
  })
})

describe('grievances: robustness', () => {
  it('get: a server that answers 200 with an empty list gives an ApiError 404', async () => {
    const server = await fakeGeoReport({ override: (res, hit) => hit.path.includes('/requests/') && (send(res, 200, []), true) })

    const err = await failure(grievances(server).get('1001'))

    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'E_API', status: 404, body: [], message: `GET ${server.url}${ROOT}/requests/1001.json?extensions=true answered 200 with an empty list: there is no service request "1001"` })
  })

  it('get: hostile ids are encoded into one path segment, never traversing', async () => {
    const server = await fakeGeoReport()
    const client = grievances(server)

    for (const id of ['../../admin', '..', 'a b?c=1#d', '42/../7']) await failure(client.get(id))

    expect(server.hits.map((hit) => hit.path)).toEqual([
      `${ROOT}/requests/..%2F..%2Fadmin.json?extensions=true`,
      `${ROOT}/requests/...json?extensions=true`,
      `${ROOT}/requests/a%20b%3Fc%3D1%23d.json?extensions=true`,
      `${ROOT}/requests/42%2F..%2F7.json?extensions=true`,
    ])
  })

  it('services: reads the standard\'s own example JSON, where codes are printed as 001 (not valid JSON), keeping the zeros', async () => {
    const server = await fakeGeoReport({
      override: (res) => (send(res, 200, '[{"service_code":001,"service_name":"Cans left out 24x7","description":"Garbage cans left out, 10 days","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"}]', { 'content-type': 'application/json' }), true),
    })

    const [service] = await grievances(server).services()

    expect(service).toEqual({ serviceCode: '001', serviceName: 'Cans left out 24x7', description: 'Garbage cans left out, 10 days', metadata: true, type: 'realtime', keywords: ['lorem', 'ipsum', 'dolor'], group: 'sanitation' })
  })

  it('services: a 200 answer that is not GeoReport v2 is an ApiError that says so', async () => {
    const server = await fakeGeoReport({ override: (res) => (send(res, 200, '<html><body>Login</body>', { 'content-type': 'text/html' }), true) })

    const err = await failure(grievances(server).services())

    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'E_API', status: 200, message: expect.stringMatching(new RegExp(`^GET ${server.url}${ROOT}/services\\.json answered 200 with a body that is not GeoReport v2: cannot read it as JSON \\(`)) })
  })

  it('services: an XML answer with the wrong root element is an ApiError that names it', async () => {
    const server = await fakeGeoReport({ override: (res) => (send(res, 200, '<service_requests/>', { 'content-type': 'text/xml' }), true) })

    const err = await failure(grievances(server, 'xml').services())

    expect(err).toMatchObject({ code: 'E_API', message: `GET ${server.url}${ROOT}/services.xml answered 200 with a body that is not GeoReport v2: cannot read it as XML (expected a <services> document, got <service_requests>)` })
  })

  it('list: a request without a service_request_id is an ApiError naming the field', async () => {
    const server = await fakeGeoReport({ override: (res) => (send(res, 200, [{ service_code: '1', status: 'open' }]), true) })

    const err = await failure(collect(grievances(server).list()))

    expect(err).toMatchObject({ code: 'E_API', message: expect.stringMatching(/answered 200 with a body that is not GeoReport v2: a service request has no service_request_id$/) })
  })

  it('errors: a 500 HTML page from a proxy stays text in err.body', async () => {
    const server = await fakeGeoReport({ override: (res) => (send(res, 500, '<html><body>Bad gateway</body></html>', { 'content-type': 'text/html' }), true) })

    const err = await failure(grievances(server, 'xml', { retries: 0 }).services())

    expect(err).toMatchObject({ code: 'E_API', status: 500, body: '<html><body>Bad gateway</body></html>', message: `GET ${server.url}${ROOT}/services.xml answered 500 Internal Server Error` })
  })

  it('errors: a legacy <error>text</error> sent as text/plain is still read, the HTTP status standing in for its code', async () => {
    const server = await fakeGeoReport({ override: (res) => (send(res, 400, '<error>jurisdiction_id is required</error>', { 'content-type': 'text/plain' }), true) })

    const err = await failure(grievances(server, 'xml').services())

    expect(err).toMatchObject({
      status: 400,
      body: [{ code: 400, description: 'jurisdiction_id is required' }],
      message: `GET ${server.url}${ROOT}/services.xml answered 400 Bad Request: jurisdiction_id is required`,
    })
  })

  it('errors: several XML errors keep their own codes and all their descriptions reach the message', async () => {
    const server = await fakeGeoReport({
      override: (res) => (
        send(res, 400, '<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code><description>service_code is required</description></error><error><code>E_LAT</code><description>lat is out of range</description></error></errors>', { 'content-type': 'application/xml' }), true
      ),
    })

    const err = await failure(grievances(server, 'xml').submit({ serviceCode: '1', location: { lat: 1, lon: 2 } }))

    expect(err).toMatchObject({
      status: 400,
      body: [{ code: 400, description: 'service_code is required' }, { code: 'E_LAT', description: 'lat is out of range' }],
      message: `POST ${server.url}${ROOT}/requests.xml answered 400 Bad Request: service_code is required; lat is out of range`,
    })
  })

  it('errors: an XML error body that is not well-formed stays the raw text, with no description in the message', async () => {
    const body = '<?xml version="1.0"?><errors><error><code>400</code></errors>'
    const server = await fakeGeoReport({ override: (res) => (send(res, 400, body, { 'content-type': 'application/xml' }), true) })

    const err = await failure(grievances(server, 'xml').services())

    expect(err).toMatchObject({ status: 400, body, message: `GET ${server.url}${ROOT}/services.xml answered 400 Bad Request` })
  })
})

describe('createClient', () => {
  it('createClient: wires city.grievances to the Open311 path of the base URL with the client\'s API key', async () => {
    const server = await startServer((res, hit) => send(res, 200, hit.method === 'POST' ? [{ service_request_id: '5' }] : []))
    servers.push(server)
    const city = createClient({ baseUrl: server.url, apiKey: 'k-1', env: {}, configFile: false })

    expect(await city.grievances.services()).toEqual([])
    expect(await city.grievances.submit({ serviceCode: 'X', location: { addressId: 'A1' } })).toEqual({ serviceRequestId: '5' })
    expect(server.hits.map((hit) => `${hit.method} ${hit.path} ${hit.body}`)).toEqual([
      'GET /open311/v2/services.json ',
      'POST /open311/v2/requests.json api_key=k-1&service_code=X&address_id=A1',
    ])
  })

  it('createClient: a submission to a city API without an API key is refused before sending, saying how to set one', async () => {
    // Not a loopback URL: nothing can answer there, and nothing is sent.
    const city = createClient({ baseUrl: 'https://open311.city.example', env: {}, configFile: false })

    const err = await failure(city.grievances.submit({ serviceCode: 'X', location: { lat: 19.2, lon: 72.97 } }))

    expect(err).toBeInstanceOf(InputError)
    expect(err).toMatchObject({
      code: 'E_INPUT',
      field: 'apiKey',
      message: 'filing a grievance needs an API key: set THANE_API_KEY or pass apiKey to createClient() (the sandbox prints its development key when it starts)',
    })
  })

  it('createClient: to a sandbox on this machine without a configured key, it sends the development key', async () => {
    const server = await startServer((res) => send(res, 201, [{ service_request_id: '7' }]))
    servers.push(server)
    const city = createClient({ baseUrl: server.url, env: {}, configFile: false })

    await city.grievances.submit({ serviceCode: 'X', location: { lat: 19.2, lon: 72.97 } })

    expect(new URLSearchParams(server.hits[0]?.body).get('api_key')).toBe('thane-sandbox-dev-key')
  })
})
