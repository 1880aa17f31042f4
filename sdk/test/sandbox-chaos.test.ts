import { describe, expect, onTestFinished, test } from 'vitest'
import { ApiError, InputError } from '../src/errors.js'
import { createClient } from '../src/index.js'
import { chaosSequence, isChaosExempt, resolveChaos } from '../src/sandbox/chaos.js'
import type { CityNow } from '../src/sandbox/city-page.js'
import { CHAOS_HEADER, startSandbox, type ChaosOptions, type Sandbox } from '../src/sandbox/index.js'

const CLOCK = '2026-07-14T09:00+05:30'
// A plain API route that chaos covers (the index at `/` is exempt, for the live city page).
const SERVICES = '/open311/v2/services.json'

async function start(chaos: ChaosOptions): Promise<Sandbox> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, dbPath: ':memory:', clock: CLOCK, chaos })
  onTestFinished(() => sandbox.close())
  return sandbox
}

interface Answer {
  status: number
  fault: string | null
  retryAfter: string | null
  body: unknown
}

async function get(sandbox: Sandbox, path: string): Promise<Answer> {
  const res = await fetch(new URL(path, sandbox.url))
  return { status: res.status, fault: res.headers.get(CHAOS_HEADER), retryAfter: res.headers.get('retry-after'), body: await res.json() }
}

async function getMany(sandbox: Sandbox, path: string, count: number): Promise<Answer[]> {
  const answers: Answer[] = []
  // One at a time: the fault sequence is drawn in arrival order, so order must be fixed to compare runs.
  for (let i = 0; i < count; i++) answers.push(await get(sandbox, path))
  return answers
}

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error('expected an InputError, but nothing was thrown')
}

describe('chaos options', () => {
  test('resolveChaos: fills in a 1 s latency, a 1 s Retry-After and a random seed in range', () => {
    const chaos = resolveChaos({ rate: 0.2 })
    expect(chaos).toMatchObject({ rate: 0.2, latencyMs: 1000, retryAfterSeconds: 1 })
    expect(Number.isInteger(chaos.seed) && chaos.seed >= 0 && chaos.seed < 2 ** 32).toBe(true)
  })

  test.each([1.5, -0.1, Number.NaN])('resolveChaos: rejects the rate %s, naming the field and the range', (rate) => {
    const err = inputError(() => resolveChaos({ rate }))
    expect(err.field).toBe('chaos.rate')
    expect(err.message).toBe(`chaos.rate must be a number from 0 to 1 (the share of requests that fail), like 0.2; got ${String(rate)}`)
  })

  test('resolveChaos: rejects a fractional seed, a negative latency and a fractional Retry-After', () => {
    expect(inputError(() => resolveChaos({ rate: 0.1, seed: 1.5 })).field).toBe('chaos.seed')
    expect(inputError(() => resolveChaos({ rate: 0.1, latencyMs: -1 })).field).toBe('chaos.latencyMs')
    expect(inputError(() => resolveChaos({ rate: 0.1, retryAfterSeconds: 0.5 })).field).toBe('chaos.retryAfterSeconds')
  })

  test('resolveChaos: null (from JavaScript or JSON) is an InputError on chaos, not a TypeError', () => {
    const err = inputError(() => resolveChaos(null as unknown as ChaosOptions))
    expect(err.field).toBe('chaos')
    expect(err.message).toMatch(/^chaos must be an object such as \{ rate: 0\.2 \}; got null$/)
  })

  test('startSandbox: a bad chaos rate fails the start with the InputError', async () => {
    await expect(startSandbox({ port: 0, dbPath: ':memory:', chaos: { rate: 2 } })).rejects.toThrow(/^chaos\.rate must be a number from 0 to 1/)
  })

  test('chaosSequence: the same seed gives the same faults; rate 0 gives none; without latency only 503 and 429', () => {
    const draw = (options: ChaosOptions, n: number) => {
      const next = chaosSequence(resolveChaos(options))
      return Array.from({ length: n }, () => next())
    }
    expect(draw({ rate: 0.3, seed: 11 }, 200)).toEqual(draw({ rate: 0.3, seed: 11 }, 200))
    expect(draw({ rate: 0.3, seed: 11 }, 200)).not.toEqual(draw({ rate: 0.3, seed: 12 }, 200))
    expect(draw({ rate: 0, seed: 11 }, 500).every((f) => f === undefined)).toBe(true)
    for (const rate of [0.05, 0.2, 0.5]) {
      const share = draw({ rate, seed: 11 }, 20_000).filter((f) => f !== undefined).length / 20_000
      expect(Math.abs(share - rate)).toBeLessThan(0.01)
    }
    expect(new Set(draw({ rate: 1, seed: 11, latencyMs: 0 }, 200))).toEqual(new Set(['unavailable', 'rate-limited']))
    expect(new Set(draw({ rate: 1, seed: 11, latencyMs: 5 }, 200))).toEqual(new Set(['unavailable', 'rate-limited', 'latency']))
  })
})

describe('the sandbox in chaos mode', () => {
  test('honours the rate over 300 requests, and replays the same faults with the same seed', async () => {
    const sandbox = await start({ rate: 0.2, seed: 42, latencyMs: 0 })
    expect(sandbox.chaos).toEqual({ rate: 0.2, latencyMs: 0, seed: 42, retryAfterSeconds: 1 })
    const answers = await getMany(sandbox, SERVICES, 300)
    const faulty = answers.filter((a) => a.fault !== null)
    expect(faulty.length / answers.length).toBeGreaterThan(0.15)
    expect(faulty.length / answers.length).toBeLessThan(0.25)
    // Every answer is either a clean 200 or a marked fault with its status.
    for (const a of answers) {
      if (a.fault === null) expect(a.status).toBe(200)
      else expect([a.fault, a.status]).toEqual(a.fault === 'unavailable' ? ['unavailable', 503] : ['rate-limited', 429])
    }
    const replay = await start({ rate: 0.2, seed: 42, latencyMs: 0 })
    expect((await getMany(replay, SERVICES, 100)).map((a) => a.status)).toEqual(answers.slice(0, 100).map((a) => a.status))
  })

  test('a 503 or 429 fault carries Retry-After and an error body that says it is chaos', async () => {
    const sandbox = await start({ rate: 1, seed: 3, latencyMs: 0, retryAfterSeconds: 2 })
    const answers = await getMany(sandbox, '/sensorthings/v1.1/Things', 20)
    const unavailable = answers.find((a) => a.status === 503)
    const limited = answers.find((a) => a.status === 429)
    expect(unavailable).toMatchObject({ fault: 'unavailable', retryAfter: '2', body: { error: { code: 'service_unavailable' } } })
    expect(limited).toMatchObject({ fault: 'rate-limited', retryAfter: '2', body: { error: { code: 'too_many_requests' } } })
    expect((limited?.body as { error: { message: string } }).error.message).toBe(
      'chaos mode: the sandbox is rate-limiting this request on purpose; retry after 2 s',
    )
  })

  test('a latency fault answers normally, marked as delayed', async () => {
    const sandbox = await start({ rate: 1, seed: 5, latencyMs: 10 })
    const answers = await getMany(sandbox, SERVICES, 30)
    const delayed = answers.filter((a) => a.fault === 'latency')
    expect(delayed.length).toBeGreaterThan(0)
    expect(delayed.every((a) => a.status === 200 && Array.isArray(a.body) && a.body.length > 0)).toBe(true)
  })

  test('/healthz is exempt even at rate 1', async () => {
    const sandbox = await start({ rate: 1, seed: 9, latencyMs: 0 })
    const answers = await getMany(sandbox, '/healthz', 25)
    expect(answers.every((a) => a.status === 200 && a.fault === null)).toBe(true)
    expect((await get(sandbox, SERVICES)).fault).not.toBeNull()
  })

  test('the live city page is exempt even at rate 1: the index, the page, /city/* and the APIs it reads', async () => {
    const sandbox = await start({ rate: 1, seed: 9, latencyMs: 0 })
    for (const path of ['/', '/?via=test', '/city/now.json', '/city/outline.json']) {
      const answers = await getMany(sandbox, path, 10)
      expect(answers.map((a) => [path, a.status, a.fault])).toEqual(answers.map(() => [path, 200, null]))
    }
    const page = await fetch(new URL('/', sandbox.url), { headers: { accept: 'text/html' } })
    expect([page.status, page.headers.get(CHAOS_HEADER), page.headers.get('content-type')]).toEqual([200, null, 'text/html; charset=utf-8'])
    await page.arrayBuffer()
    // The page's state reads buses and grievances through the APIs in-process; chaos spares those too.
    const now = (await get(sandbox, '/city/now.json')).body as CityNow
    expect(now.buses.length).toBeGreaterThan(0)
    expect(now.grievances.length).toBeGreaterThan(0)
    // The same APIs asked from outside still meet chaos.
    expect((await get(sandbox, '/open311/v2/requests.json')).fault).not.toBeNull()
    expect(isChaosExempt('/city')).toBe(false)
    expect(isChaosExempt('/cityscape')).toBe(false)
  })

  test('no chaos option: no fault and Sandbox.chaos is undefined', async () => {
    const sandbox = await startSandbox({ port: 0, dbPath: ':memory:', clock: CLOCK })
    onTestFinished(() => sandbox.close())
    expect(sandbox.chaos).toBeUndefined()
    expect((await getMany(sandbox, '/', 50)).every((a) => a.status === 200 && a.fault === null)).toBe(true)
  })
})

describe('the SDK against chaos', () => {
  test('retries carry every GET through chaos at rate 0.3', async () => {
    const sandbox = await start({ rate: 0.3, seed: 2026, latencyMs: 5, retryAfterSeconds: 0 })
    const city = createClient({ baseUrl: sandbox.url, env: {}, configFile: false, retries: 6 })
    const calm = await startSandbox({ port: 0, dbPath: ':memory:', clock: CLOCK })
    onTestFinished(() => calm.close())
    const ids = async (client: typeof city) => (await client.sensors.stations({ kind: 'air-quality' })).map((s) => `${s.id} ${s.name}`)
    const expected = await ids(createClient({ baseUrl: calm.url, env: {}, configFile: false }))
    expect(expected.length).toBeGreaterThan(2)
    for (let i = 0; i < 30; i++) expect(await ids(city)).toEqual(expected)
    const services = await city.grievances.services()
    expect(services.length).toBeGreaterThan(0)
  })

  test('without retries the same chaos reaches the caller as ApiError 503 or 429', async () => {
    const sandbox = await start({ rate: 0.3, seed: 2026, latencyMs: 0, retryAfterSeconds: 0 })
    const city = createClient({ baseUrl: sandbox.url, env: {}, configFile: false, retries: 0 })
    const failures: ApiError[] = []
    for (let i = 0; i < 30; i++) {
      await city.sensors.stations({ kind: 'air-quality' }).catch((err: unknown) => {
        if (!(err instanceof ApiError)) throw err
        failures.push(err)
      })
    }
    expect(failures.length).toBeGreaterThan(0)
    expect(failures.every((err) => err.status === 503 || err.status === 429)).toBe(true)
  })
})
