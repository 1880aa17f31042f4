import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { resolveConfig, type ClientOptions } from '../src/config.js'
import { ApiError, InputError, NetworkError, ThaneError, TimeoutError } from '../src/errors.js'
import { createHttp, type HttpTuning } from '../src/http/client.js'
import { urlJoin } from '../src/http/url.js'
import { SDK_NAME, SDK_VERSION } from '../src/version.js'
import { closedPortUrl, send, startServer, type Handler, type LocalServer } from './helpers/local-server.js'

// Backoff of a millisecond or two, so retry tests take no time; Retry-After still applies in full.
const FAST: HttpTuning = { retryBaseMs: 1, retryCapMs: 2 }

const servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(handler: Handler): Promise<LocalServer> {
  const server = await startServer(handler)
  servers.push(server)
  return server
}

function http(options: Pick<ClientOptions, 'retries' | 'timeoutMs'> = {}, tuning: HttpTuning = FAST) {
  return createHttp(resolveConfig({ ...options, env: {}, configFile: false }), tuning)
}

/** The error a promise rejects with; fails the test when it resolves. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected the request to fail, but it succeeded')
}

describe('retries', () => {
  it('get: retries a 503 and returns the answer that follows', async () => {
    const server = await serve((res, _hit, count) => (count < 3 ? send(res, 503) : send(res, 200, { ok: true })))

    const response = await http({ retries: 2 }).get<{ ok: boolean }>(`${server.url}/things`)

    expect(response.status).toBe(200)
    expect(response.body).toEqual({ ok: true })
    expect(response.url).toBe(`${server.url}/things`)
    expect(server.hits.map((hit) => `${hit.method} ${hit.path}`)).toEqual(['GET /things', 'GET /things', 'GET /things'])
  })

  it('get: stops after `retries` retries and throws an ApiError with the status and the parsed body', async () => {
    const server = await serve((res) => send(res, 503, { error: { message: 'down for maintenance' } }))

    const err = await failure(http({ retries: 2 }).get(`${server.url}/things`))

    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({
      code: 'E_API',
      status: 503,
      method: 'GET',
      url: `${server.url}/things`,
      body: { error: { message: 'down for maintenance' } },
      message: `GET ${server.url}/things answered 503 Service Unavailable after 3 attempts: down for maintenance`,
    })
    expect(server.hits).toHaveLength(3)
  })

  it('get: retries a dropped connection', async () => {
    const server = await serve((res, _hit, count) => (count === 1 ? res.socket?.destroy() : send(res, 200, { ok: true })))

    const response = await http({ retries: 1 }).get(`${server.url}/things`)

    expect(response.body).toEqual({ ok: true })
    expect(server.hits).toHaveLength(2)
  })

  it('get: waits as long as Retry-After says on a 429 before retrying', async () => {
    const server = await serve((res, _hit, count) => (count === 1 ? send(res, 429, undefined, { 'retry-after': '1' }) : send(res, 200, { ok: true })))

    const response = await http({ retries: 2 }).get(`${server.url}/things`)

    expect(response.body).toEqual({ ok: true })
    expect(server.hits).toHaveLength(2)
    const [first, second] = server.hits
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900)
  })

  it('get: fails at once with the 429 when Retry-After (in seconds) is beyond the cap', async () => {
    const server = await serve((res) => send(res, 429, { message: 'slow down' }, { 'retry-after': '3600' }))

    const err = await failure(http({ retries: 2 }).get(`${server.url}/things`))

    expect(err).toMatchObject({ code: 'E_API', status: 429, message: `GET ${server.url}/things answered 429 Too Many Requests: slow down` })
    expect(server.hits).toHaveLength(1)
  })

  it('get: reads Retry-After as an HTTP date too, and fails at once when it is beyond the cap', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString()
    const server = await serve((res) => send(res, 503, undefined, { 'retry-after': inAnHour }))

    const err = await failure(http({ retries: 2 }).get(`${server.url}/things`))

    // Were the date not understood, the client would have backed off and retried twice.
    expect(err).toMatchObject({ code: 'E_API', status: 503, body: undefined, message: `GET ${server.url}/things answered 503 Service Unavailable` })
    expect(server.hits).toHaveLength(1)
  })

  it('get: does not retry a 404, and keeps a text error body as text', async () => {
    const server = await serve((res) => send(res, 404, 'no such thing'))

    const err = await failure(http({ retries: 2 }).get(`${server.url}/things/9`))

    expect(err).toMatchObject({ code: 'E_API', status: 404, body: 'no such thing', message: `GET ${server.url}/things/9 answered 404 Not Found` })
    expect(server.hits).toHaveLength(1)
  })

  it('post: is not retried on a 503 without an idempotency key', async () => {
    const server = await serve((res) => send(res, 503))

    const err = await failure(http({ retries: 2 }).post(`${server.url}/requests`, { json: { a: 1 } }))

    expect(err).toMatchObject({ code: 'E_API', status: 503, method: 'POST', message: `POST ${server.url}/requests answered 503 Service Unavailable` })
    expect(server.hits).toHaveLength(1)
    expect(server.hits[0]!.headers['idempotency-key']).toBeUndefined()
  })

  it('post: with an idempotency key is retried, sending the Idempotency-Key header and the body each time', async () => {
    const server = await serve((res, _hit, count) => (count === 1 ? send(res, 503) : send(res, 201, [{ service_request_id: '7' }])))

    const response = await http({ retries: 2 }).post(`${server.url}/requests`, { json: { a: 1 }, idempotencyKey: 'req-42' })

    expect(response.status).toBe(201)
    expect(response.body).toEqual([{ service_request_id: '7' }])
    expect(server.hits.map((hit) => [hit.method, hit.headers['idempotency-key'], hit.body])).toEqual([
      ['POST', 'req-42', '{"a":1}'],
      ['POST', 'req-42', '{"a":1}'],
    ])
  })
})

describe('errors', () => {
  it('get: a server that never answers gives a TimeoutError with the timeout, after retrying', async () => {
    const server = await serve(() => {})

    const err = await failure(http({ retries: 1, timeoutMs: 150 }).get(`${server.url}/slow`))

    expect(err).toBeInstanceOf(TimeoutError)
    expect(err).toMatchObject({
      code: 'E_TIMEOUT',
      timeoutMs: 150,
      url: `${server.url}/slow`,
      message: `GET ${server.url}/slow did not answer within 150 ms after 2 attempts`,
    })
    expect(server.hits).toHaveLength(2)
  })

  it('get: a closed port gives a NetworkError with the system code', async () => {
    const url = await closedPortUrl()

    const err = await failure(http({ retries: 1 }).get(`${url}/healthz`))

    expect(err).toBeInstanceOf(NetworkError)
    expect(err).toMatchObject({
      code: 'E_NETWORK',
      systemCode: 'ECONNREFUSED',
      url: `${url}/healthz`,
      message: `could not reach ${url}/healthz (ECONNREFUSED) after 2 attempts`,
    })
  })

  it('get: a refused connection to the sandbox address suggests starting the sandbox', async () => {
    const url = await closedPortUrl()

    const err = await failure(http({ retries: 0 }, { ...FAST, sandboxUrl: url }).get(`${url}/healthz`))

    expect(err).toMatchObject({
      code: 'E_NETWORK',
      systemCode: 'ECONNREFUSED',
      message: `could not reach ${url}/healthz (ECONNREFUSED): is the sandbox running? Start it with "thane sandbox"`,
    })
  })

  it('post: keeps an Open311 error list in err.body and puts its description in the message', async () => {
    const server = await serve((res) => send(res, 400, [{ code: 400, description: 'service_code is required' }]))

    const err = await failure(http().post(`${server.url}/open311/v2/requests.json`, { form: { lat: 19.2, long: 72.97 } }))

    expect(err).toMatchObject({
      code: 'E_API',
      status: 400,
      body: [{ code: 400, description: 'service_code is required' }],
      message: `POST ${server.url}/open311/v2/requests.json answered 400 Bad Request: service_code is required`,
    })
    expect(server.hits[0]!.body).toBe('lat=19.2&long=72.97')
    expect(server.hits[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded')
  })

  it('every error is a ThaneError of the SDK with the original error as cause, never a got error', async () => {
    const server = await serve((res) => send(res, 500))
    const closed = await closedPortUrl()
    const client = http({ retries: 0, timeoutMs: 100 })
    const silent = await serve(() => {})

    const errors = [
      await failure(client.get(`${server.url}/x`)),
      await failure(client.get(`${closed}/x`)),
      await failure(client.get(`${silent.url}/x`)),
    ]

    expect(errors.map((err) => (err as Error).constructor)).toEqual([ApiError, NetworkError, TimeoutError])
    for (const err of errors) {
      expect(err).toBeInstanceOf(ThaneError)
      expect((err as Error).cause).toBeInstanceOf(Error)
    }
  })

  it('request: aborting rejects with the signal\'s reason and cancels the pending retry', async () => {
    // The client would wait 20 s before retrying; the abort comes during that wait.
    const server = await serve((res) => send(res, 503, undefined, { 'retry-after': '20' }))
    const controller = new AbortController()

    const pending = failure(http({ retries: 2 }).get(`${server.url}/busy`, { signal: controller.signal }))
    await expect.poll(() => server.hits.length).toBe(1)
    controller.abort()
    const err = await pending

    expect(err).toBeInstanceOf(DOMException)
    expect(err).toMatchObject({ name: 'AbortError' })
    expect(server.hits).toHaveLength(1)
  })
})

describe('requests', () => {
  it('sends a user-agent that names the SDK, its version and Node', async () => {
    const server = await serve((res) => send(res, 204))
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

    await http().get(server.url)

    expect(SDK_VERSION).toBe(version)
    expect(server.hits[0]!.headers['user-agent']).toBe(`@thanekit/sdk/${version} (node ${process.version})`)
    expect(SDK_NAME).toBe('@thanekit/sdk')
  })

  it('request: adds search parameters with encoding, leaving undefined ones out and replacing ones of the same name', async () => {
    const server = await serve((res) => send(res, 200, { ok: true }))

    await http().get(`${server.url}/Things?$top=5&keep=1`, { searchParams: { $top: 2, $filter: "name eq 'Wagle Estate & Co'", skip: undefined } })

    expect(server.hits[0]!.path).toBe(`/Things?keep=1&%24top=2&%24filter=name+eq+%27Wagle+Estate+%26+Co%27`)
  })

  it('request: reads text and buffer bodies, an empty body as undefined and a body that is not JSON as its text', async () => {
    const server = await serve((res, hit) => (hit.path === '/empty' ? send(res, 204) : send(res, 200, 'plain words')))
    const client = http()

    const text = await client.get(`${server.url}/text`, { responseType: 'text' })
    const buffer = await client.get(`${server.url}/buffer`, { responseType: 'buffer' })
    const notJson = await client.get(`${server.url}/json`)
    const empty = await client.get(`${server.url}/empty`)

    expect(text.body).toBe('plain words')
    expect(buffer.body).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode(buffer.body)).toBe('plain words')
    expect(notJson.body).toBe('plain words')
    expect(empty).toMatchObject({ status: 204, body: undefined })
    expect(server.hits.map((hit) => hit.headers.accept)).toEqual([undefined, undefined, 'application/json', 'application/json'])
  })

  it('request: sends a JSON body with its content type and the caller\'s headers', async () => {
    const server = await serve((res) => send(res, 200, { ok: true }))

    await http().request({ method: 'PUT', url: `${server.url}/x`, json: { name: 'Thane' }, headers: { 'X-Trace': 'abc' } })

    expect(server.hits[0]).toMatchObject({ method: 'PUT', body: '{"name":"Thane"}' })
    expect(server.hits[0]!.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 'abc' })
  })

  it('request: rejects a relative URL with an InputError before sending anything', async () => {
    const err = await failure(http().get('/healthz'))

    expect(err).toBeInstanceOf(InputError)
    expect(err).toMatchObject({ code: 'E_INPUT', field: 'url', message: '"/healthz" is not an absolute URL; build one with urlJoin(city.config.baseUrl, ...)' })
  })

  it('request: rejects a URL that is not http or https', async () => {
    const err = await failure(http().get('file:///etc/passwd'))

    expect(err).toMatchObject({ code: 'E_INPUT', field: 'url', message: '"file:///etc/passwd" is not an http or https URL' })
  })

  it('request: rejects more than one body', async () => {
    const err = await failure(http().post('http://127.0.0.1:1/x', { json: {}, form: { a: 1 } }))

    expect(err).toMatchObject({ code: 'E_INPUT', field: 'form', message: 'give only one of json, form and body, not json and form' })
  })

  it('request: rejects an empty idempotency key', async () => {
    const err = await failure(http().post('http://127.0.0.1:1/x', { idempotencyKey: ' ' }))

    expect(err).toMatchObject({ code: 'E_INPUT', field: 'idempotencyKey', message: 'idempotencyKey cannot be empty' })
  })
})

describe('urlJoin', () => {
  it('urlJoin: encodes each segment so user input stays one segment', () => {
    expect(urlJoin('http://127.0.0.1:4100/open311/v2/', 'requests', '42/../../admin?x=1#y.json').href).toBe(
      'http://127.0.0.1:4100/open311/v2/requests/42%2F..%2F..%2Fadmin%3Fx%3D1%23y.json',
    )
    expect(urlJoin('http://127.0.0.1:4100', 'sensorthings', 'v1.1', 'Datastreams(7)', 'Observations').href).toBe(
      'http://127.0.0.1:4100/sensorthings/v1.1/Datastreams(7)/Observations',
    )
    expect(urlJoin(new URL('http://h/base?api_key=k'), 'a b', 3).href).toBe('http://h/base/a%20b/3?api_key=k')
  })

  it('urlJoin: rejects dot and empty segments, which URL parsers would resolve', () => {
    for (const segment of ['..', '.', '']) {
      expect(() => urlJoin('http://h/open311/v2', 'requests', segment)).toThrow(InputError)
    }
    expect(() => urlJoin('http://h/open311/v2', '..')).toThrow('a URL path segment cannot be ".." (joining onto http://h/open311/v2)')
    expect(() => urlJoin('http://h/open311/v2', '')).toThrow('a URL path segment cannot be empty (joining onto http://h/open311/v2)')
  })
})
