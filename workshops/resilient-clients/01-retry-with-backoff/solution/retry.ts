// fetch with retries: exponential backoff with full jitter, Retry-After, and a total time budget.

export interface RetryOptions {
  /** Attempts in all, the first one included. Default 5. */
  maxAttempts?: number
  /** The backoff cap of the first retry, in ms; it doubles with each retry. Default 200. */
  baseDelayMs?: number
  /** The largest backoff cap, in ms. Default 5000. */
  maxDelayMs?: number
  /** Total time allowed from the first attempt, in ms: no wait may end after it. Default 15000. */
  budgetMs?: number
  /** A number in [0, 1): Math.random unless a test gives its own. */
  random?: () => number
  /** Waits ms milliseconds: a real timer unless a test gives a fake clock. */
  sleep?: (ms: number) => Promise<void>
  /** The time in ms since 1970: Date.now unless a test gives a fake clock. */
  now?: () => number
}

/** Statuses that say "try again later": the request may succeed if sent again. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504])
/** Methods that RFC 9110 calls idempotent: sending them twice does no more than once. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** True when sending this request twice cannot do a thing twice. */
export function isIdempotent(init: RequestInit = {}): boolean {
  const method = (init.method ?? 'GET').toUpperCase()
  if (IDEMPOTENT_METHODS.has(method)) return true
  // A POST with an Idempotency-Key is made idempotent by the server: it answers a repeat with the first answer.
  return new Headers(init.headers).has('idempotency-key')
}

/**
 * The wait that Retry-After asks for, in ms: delay-seconds ("2") or an HTTP date
 * ("Tue, 14 Jul 2026 03:30:05 GMT"). Undefined when the header is absent or unreadable.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (header === null) return undefined
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - nowMs)
}

/** Full jitter (AWS Architecture Blog): a random wait between 0 and the exponential cap. */
export function backoffMs(retry: number, options: { baseDelayMs: number; maxDelayMs: number; random: () => number }): number {
  return options.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry)
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Like fetch, but retries idempotent requests that meet a 429, 502, 503, 504 or a network error.
 * Returns the last answer (the caller checks `response.ok`), or throws the last network error.
 */
export async function fetchWithRetry(url: string | URL, init: RequestInit = {}, options: RetryOptions = {}): Promise<Response> {
  const {
    maxAttempts = 5,
    baseDelayMs = 200,
    maxDelayMs = 5000,
    budgetMs = 15000,
    random = Math.random,
    sleep = realSleep,
    now = Date.now,
  } = options
  const retryable = isIdempotent(init)
  const deadline = now() + budgetMs

  for (let attempt = 1; ; attempt++) {
    let response: Response | undefined
    let failure: unknown
    try {
      response = await fetch(url, init)
    } catch (error) {
      failure = error
    }
    const worthRetrying = response === undefined || RETRYABLE_STATUSES.has(response.status)
    const finish = () => {
      if (response === undefined) throw failure
      return response
    }
    if (!worthRetrying || !retryable || attempt >= maxAttempts) return finish()

    const backoff = backoffMs(attempt - 1, { baseDelayMs, maxDelayMs, random })
    const asked = response === undefined ? undefined : retryAfterMs(response.headers.get('retry-after'), now())
    // The server knows best when it will be ready: never wait less than it asks.
    const wait = asked === undefined ? backoff : Math.max(asked, backoff)
    if (now() + wait > deadline) return finish()
    // Free the connection: an unread body keeps it busy.
    await response?.body?.cancel()
    await sleep(wait)
  }
}

// `node retry.ts`: 20 reads from a sandbox in chaos mode (start it with `thane sandbox --chaos 0.3`).
if (import.meta.main) {
  const baseUrl = process.env.THANE_API_URL ?? 'http://127.0.0.1:4100'
  for (let i = 1; i <= 20; i++) {
    const response = await fetchWithRetry(new URL('open311/v2/services.json', baseUrl + '/'))
    console.log(`read ${i}: ${response.status}`)
  }
}
