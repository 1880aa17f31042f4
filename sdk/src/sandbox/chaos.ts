import { randomInt, randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { InputError } from '../errors.js'

/**
 * Chaos mode: a share of requests meets a fault, as they would behind a busy city gateway, so that
 * clients can practise retries and backoff against the sandbox. Each faulty answer carries the
 * `x-thane-chaos` header naming the fault.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, chaos: { rate: 0.2, seed: 7 } })
 */
export interface ChaosOptions {
  /** Share of requests, from 0 to 1, that meet a fault (0.2 = one in five). Required. */
  rate: number
  /** How long a latency fault holds a request before answering it normally. `0` turns latency faults off. Default `1000`. */
  latencyMs?: number
  /**
   * Seed of the fault sequence: the same seed and the same requests in the same order meet the same
   * faults. Default: a random seed, read back from `Sandbox.chaos.seed` to replay a run.
   */
  seed?: number
  /** The `Retry-After` (whole seconds) sent with the 503 and 429 faults. Default `1`. */
  retryAfterSeconds?: number
}

/** Chaos options with every default filled in. */
export interface ResolvedChaos {
  readonly rate: number
  readonly latencyMs: number
  readonly seed: number
  readonly retryAfterSeconds: number
}

/** The fault a request meets: the value of its `x-thane-chaos` header. */
export type ChaosFault = 'unavailable' | 'rate-limited' | 'latency'

/** The header that marks an answer shaped by chaos mode. */
export const CHAOS_HEADER = 'x-thane-chaos'

/**
 * Paths that never meet a fault: health checks must tell a sick sandbox from a chaotic one, and the
 * live city page (`/` and everything under `/city/`) must stay up for the people watching it. A
 * path ending in `/*` covers everything below it.
 */
export const CHAOS_EXEMPT_PATHS: readonly string[] = ['/healthz', '/', '/city/*']

/** Does a request path (query string allowed) stand outside chaos mode? */
export function isChaosExempt(url: string): boolean {
  const path = url.replace(/[?#].*$/s, '')
  return CHAOS_EXEMPT_PATHS.some((exempt) => (exempt.endsWith('/*') ? path.startsWith(exempt.slice(0, -1)) : path === exempt))
}

// The city page reads the APIs through `inject`; those inner requests carry this header with a
// token made fresh for each process, so chaos spares them too (no client can guess it).
const INTERNAL_HEADER = 'x-thane-internal'
const INTERNAL_TOKEN = randomUUID()

/** Headers that mark an in-process `inject` request of the sandbox's own, which chaos spares. */
export const INTERNAL_REQUEST_HEADERS: Readonly<Record<string, string>> = Object.freeze({ [INTERNAL_HEADER]: INTERNAL_TOKEN })

const MAX_SEED = 2 ** 32 - 1

/** Checks chaos options and fills in their defaults. @throws InputError naming the bad field. */
export function resolveChaos(options: ChaosOptions): ResolvedChaos {
  if (typeof options !== 'object' || options === null) {
    throw new InputError(`chaos must be an object such as { rate: 0.2 }; got ${String(options)}`, { field: 'chaos' })
  }
  const { rate, latencyMs = 1000, seed = randomInt(0, MAX_SEED), retryAfterSeconds = 1 } = options
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new InputError(`chaos.rate must be a number from 0 to 1 (the share of requests that fail), like 0.2; got ${String(rate)}`, { field: 'chaos.rate' })
  }
  if (!Number.isInteger(latencyMs) || latencyMs < 0) {
    throw new InputError(`chaos.latencyMs must be a whole number of milliseconds, 0 or more; got ${String(latencyMs)}`, { field: 'chaos.latencyMs' })
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InputError(`chaos.seed must be a whole number from 0 to ${MAX_SEED}; got ${String(seed)}`, { field: 'chaos.seed' })
  }
  if (!Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
    throw new InputError(`chaos.retryAfterSeconds must be a whole number of seconds, 0 or more; got ${String(retryAfterSeconds)}`, { field: 'chaos.retryAfterSeconds' })
  }
  return Object.freeze({ rate, latencyMs, seed, retryAfterSeconds })
}

/**
 * The fault sequence: each call decides the next request's fate. Seeded, so a test sees the same
 * faults on every run.
 */
export function chaosSequence(chaos: ResolvedChaos): () => ChaosFault | undefined {
  const random = mulberry32(chaos.seed)
  const faults: ChaosFault[] = chaos.latencyMs > 0 ? ['unavailable', 'rate-limited', 'latency'] : ['unavailable', 'rate-limited']
  return () => {
    // Two draws for every request, fault or not, so one request's fate never shifts the next one's.
    const hit = random() < chaos.rate
    const pick = faults[Math.floor(random() * faults.length)]
    return hit ? pick : undefined
  }
}

/** Adds the chaos hook to the sandbox's root, before any API, so that every route is covered. */
export function installChaos(app: FastifyInstance, chaos: ResolvedChaos): void {
  const next = chaosSequence(chaos)
  app.addHook('onRequest', async (request, reply) => {
    if (isChaosExempt(request.url) || request.headers[INTERNAL_HEADER] === INTERNAL_TOKEN) return
    const fault = next()
    if (fault === undefined) return
    reply.header(CHAOS_HEADER, fault)
    if (fault === 'latency') {
      await sleep(chaos.latencyMs)
      return
    }
    const [status, code, what] = fault === 'unavailable' ? [503, 'service_unavailable', 'is unavailable'] : [429, 'too_many_requests', 'is rate-limiting']
    // Sent as ready JSON text: a route's own response schema (Open311's error list) must not
    // re-serialize the fault body, which turned 429 faults into 500s.
    const body = { error: { code, message: `chaos mode: the sandbox ${what} this request on purpose; retry after ${chaos.retryAfterSeconds} s` } }
    reply
      .code(status)
      .header('retry-after', String(chaos.retryAfterSeconds))
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(body))
    return reply
  })
}

// A small, well-known 32-bit PRNG: fast, seedable, and good enough to spread faults evenly.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
