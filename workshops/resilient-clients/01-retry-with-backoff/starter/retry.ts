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

/** True when sending this request twice cannot do a thing twice (GET, HEAD, OPTIONS, PUT, DELETE, or an Idempotency-Key header). */
export function isIdempotent(init: RequestInit = {}): boolean {
  // TODO: the method (default GET) is one of the idempotent ones, or the headers hold an
  //       Idempotency-Key (new Headers(init.headers) reads every way headers can be given).
  throw new Error('not written yet')
}

/**
 * The wait that Retry-After asks for, in ms: delay-seconds ("2") or an HTTP date
 * ("Tue, 14 Jul 2026 03:30:05 GMT"). Undefined when the header is absent or unreadable.
 */
export function retryAfterMs(header: string | null, nowMs: number): number | undefined {
  // TODO: whole seconds → ms; a date → the ms from nowMs until it (never below 0).
  throw new Error('not written yet')
}

/** Full jitter: random() × min(maxDelayMs, baseDelayMs × 2^retry), retry counting from 0. */
export function backoffMs(retry: number, options: { baseDelayMs: number; maxDelayMs: number; random: () => number }): number {
  throw new Error('not written yet')
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
  // TODO: a loop of attempts. After each one, stop and return (or throw) when:
  //       - the answer is not worth retrying (not 429/502/503/504, and not a network error),
  //       - the request is not idempotent,
  //       - this was attempt number maxAttempts,
  //       - or the wait would end after the budget's deadline.
  //       Otherwise wait max(Retry-After, backoff) with sleep() and try again.
  //       Use only now() and sleep() for time, so that the check's fake clock works.
  return fetch(url, init) // one attempt, no retry: chaos mode will beat this
}

// `node retry.ts`: 20 reads from a sandbox in chaos mode (start it with `thane sandbox --chaos 0.3`).
if (import.meta.main) {
  const baseUrl = process.env.THANE_API_URL ?? 'http://127.0.0.1:4100'
  for (let i = 1; i <= 20; i++) {
    const response = await fetchWithRetry(new URL('open311/v2/services.json', baseUrl + '/'))
    console.log(`read ${i}: ${response.status}`)
  }
}
