import got, { RequestError, type RetryObject } from 'got'
import type { IncomingHttpHeaders } from 'node:http'
import { DEFAULT_BASE_URL, type ResolvedConfig } from '../config.js'
import { InputError } from '../errors.js'
import { SDK_NAME, SDK_VERSION } from '../version.js'
import { toThaneError } from './errors.js'

/** The HTTP methods the SDK sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'PUT' | 'DELETE' | 'POST' | 'PATCH'

/** Query parameters: a `URLSearchParams`, or a record whose `undefined` values are left out. */
export type SearchParams = URLSearchParams | Record<string, string | number | boolean | undefined>

/** One HTTP request. Give at most one of `json`, `form` and `body`. */
export interface RequestOptions {
  /** Default: `GET`. */
  method?: HttpMethod
  /** An absolute http(s) URL; build it with `urlJoin()` when it holds user input. */
  url: string | URL
  /** Added to the URL's query, replacing parameters of the same name. */
  searchParams?: SearchParams
  /** A value sent as a JSON body. */
  json?: unknown
  /** Fields sent as an `application/x-www-form-urlencoded` body (Open311 POST); `undefined` values are left out. */
  form?: Record<string, string | number | boolean | undefined>
  /** A raw body. */
  body?: string | Uint8Array
  /** Extra request headers. */
  headers?: Record<string, string>
  /**
   * How to read the response body. Default: `json`, which parses it; an empty body gives
   * `undefined`, and a body that is not JSON gives its text rather than throwing.
   */
  responseType?: 'json' | 'text' | 'buffer'
  /**
   * Sent as the `Idempotency-Key` header. It makes a POST or PATCH safe to repeat, so such a request
   * is then retried like a GET; without one it is never retried.
   */
  idempotencyKey?: string
  /** Aborts the request (and any pending retry); the promise then rejects with the signal's reason. */
  signal?: AbortSignal
}

/** A successful (2xx or 304) response. */
export interface HttpResponse<T> {
  status: number
  /** Response headers, names in lower case. */
  headers: IncomingHttpHeaders
  body: T
  /** The final URL, after any redirects. */
  url: string
}

/** Options of `get()`: a request without a body. */
export type GetOptions = Omit<RequestOptions, 'method' | 'url' | 'json' | 'form' | 'body'>

/**
 * The HTTP layer every domain client shares: timeouts, retries with backoff, and one error mapping.
 * It rejects only with SDK errors: `ApiError` for an HTTP error status (after retries),
 * `TimeoutError`, `NetworkError`, `InputError` for a request it refuses to send, and the signal's
 * reason when the caller aborts.
 *
 * @example
 * const { body } = await city.http.get<{ value: unknown[] }>(urlJoin(city.config.sensors.url, 'Things'))
 */
export interface HttpClient {
  request(options: RequestOptions & { responseType: 'buffer' }): Promise<HttpResponse<Uint8Array>>
  request(options: RequestOptions & { responseType: 'text' }): Promise<HttpResponse<string>>
  request<T = unknown>(options: RequestOptions): Promise<HttpResponse<T>>
  get(url: string | URL, options: GetOptions & { responseType: 'buffer' }): Promise<HttpResponse<Uint8Array>>
  get(url: string | URL, options: GetOptions & { responseType: 'text' }): Promise<HttpResponse<string>>
  get<T = unknown>(url: string | URL, options?: GetOptions): Promise<HttpResponse<T>>
  post<T = unknown>(url: string | URL, options?: Omit<RequestOptions, 'method' | 'url'>): Promise<HttpResponse<T>>
}

/**
 * Internal knobs, not part of the public API: tests shrink the backoff so they run fast.
 * @internal
 */
export interface HttpTuning {
  /** Backoff ceiling of the first retry, doubled at each retry. Default: 200 ms. */
  retryBaseMs?: number
  /** Largest backoff ceiling. Default: 5 000 ms. */
  retryCapMs?: number
  /** Longest `Retry-After` the client waits for; a longer one fails at once with the `ApiError`. Default: 30 000 ms. */
  maxRetryAfterMs?: number
  /** The base URL whose refused connections suggest starting the sandbox. Default: `DEFAULT_BASE_URL`. */
  sandboxUrl?: string
}

// Methods that are safe to repeat; POST and PATCH join them only with an idempotency key.
const IDEMPOTENT_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']
const RETRY_STATUS_CODES = [429, 500, 502, 503, 504]
// Transient failures only: ENOTFOUND (a mistyped host) would fail the same way every time.
const RETRY_ERROR_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'ENETUNREACH', 'EHOSTUNREACH']
// Servers send Retry-After with these two; on other statuses it is ignored in favour of backoff.
const RETRY_AFTER_STATUS_CODES = [429, 503]

/**
 * Builds the HTTP layer for a resolved configuration: one `got.extend()` instance with the
 * configured timeout (per attempt) and retries, and a `user-agent` naming the SDK.
 *
 * @example
 * const http = createHttp(resolveConfig({ baseUrl: 'http://127.0.0.1:4100' }))
 * const { body } = await http.get<{ status: string }>('http://127.0.0.1:4100/healthz')
 */
export function createHttp(config: ResolvedConfig, tuning: HttpTuning = {}): HttpClient {
  const { retryBaseMs = 200, retryCapMs = 5_000, maxRetryAfterMs = 30_000, sandboxUrl = DEFAULT_BASE_URL } = tuning
  const sandboxOrigin = new URL(sandboxUrl).origin

  const instance = got.extend({
    timeout: { request: config.timeoutMs },
    headers: { 'user-agent': `${SDK_NAME}/${SDK_VERSION} (node ${process.version})` },
    retry: {
      limit: config.retries,
      methods: [...IDEMPOTENT_METHODS],
      statusCodes: RETRY_STATUS_CODES,
      errorCodes: RETRY_ERROR_CODES,
      // got refuses to retry when Retry-After exceeds this, so the ApiError comes at once.
      maxRetryAfter: maxRetryAfterMs,
      calculateDelay: ({ attemptCount, error, retryAfter }: RetryObject) => {
        if (error.options.signal?.aborted) return 0
        const status = error.response?.statusCode
        if (retryAfter !== undefined && status !== undefined && RETRY_AFTER_STATUS_CODES.includes(status)) return Math.max(1, retryAfter)
        // Full jitter: a random wait below the exponential ceiling keeps clients that failed together apart.
        return Math.max(1, Math.random() * Math.min(retryCapMs, retryBaseMs * 2 ** (attemptCount - 1)))
      },
    },
  })

  function request(options: RequestOptions & { responseType: 'buffer' }): Promise<HttpResponse<Uint8Array>>
  function request(options: RequestOptions & { responseType: 'text' }): Promise<HttpResponse<string>>
  function request<T = unknown>(options: RequestOptions): Promise<HttpResponse<T>>
  async function request(options: RequestOptions): Promise<HttpResponse<unknown>> {
    const method = options.method ?? 'GET'
    const responseType = options.responseType ?? 'json'
    const url = absoluteUrl(options.url, options.searchParams)
    const bodies = (['json', 'form', 'body'] as const).filter((key) => options[key] !== undefined)
    if (bodies.length > 1) throw new InputError(`give only one of json, form and body, not ${bodies.join(' and ')}`, { field: bodies[1] })

    const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]))
    if (responseType === 'json') headers.accept ??= 'application/json'
    const key = options.idempotencyKey
    if (key !== undefined) {
      if (key.trim() === '') throw new InputError('idempotencyKey cannot be empty', { field: 'idempotencyKey' })
      headers['idempotency-key'] = key
    }

    let response
    try {
      response = await instance(url, {
        method,
        headers,
        json: options.json,
        form: options.form && withoutUndefined(options.form),
        body: options.body,
        signal: options.signal,
        // Bodies are decoded here, not by got, so a body that is not JSON never throws a parse error.
        responseType: 'buffer',
        ...(key !== undefined && !IDEMPOTENT_METHODS.includes(method) ? { retry: { methods: [...IDEMPOTENT_METHODS, method] } } : {}),
      })
    } catch (err) {
      // The one place where got's errors become SDK errors (a beforeError hook would miss aborts).
      // An abort the caller asked for is theirs: it rejects with the signal's reason, as fetch() does.
      options.signal?.throwIfAborted()
      throw err instanceof RequestError ? toThaneError(err, sandboxOrigin) : err
    }
    return { status: response.statusCode, headers: response.headers, body: decodeBody(response.body, responseType), url: response.url }
  }

  function get(url: string | URL, options: GetOptions & { responseType: 'buffer' }): Promise<HttpResponse<Uint8Array>>
  function get(url: string | URL, options: GetOptions & { responseType: 'text' }): Promise<HttpResponse<string>>
  function get<T = unknown>(url: string | URL, options?: GetOptions): Promise<HttpResponse<T>>
  function get(url: string | URL, options: GetOptions = {}): Promise<HttpResponse<unknown>> {
    return request({ ...options, method: 'GET', url })
  }

  return {
    request,
    get,
    post: (url, options = {}) => request({ ...options, method: 'POST', url }),
  }
}

function absoluteUrl(input: string | URL, searchParams: SearchParams | undefined): URL {
  let url: URL
  try {
    url = new URL(input)
  } catch (err) {
    throw new InputError(`"${String(input)}" is not an absolute URL; build one with urlJoin(city.config.baseUrl, ...)`, { field: 'url' }, { cause: err })
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(`"${url.href}" is not an http or https URL`, { field: 'url' })
  }
  if (searchParams) {
    const extra = searchParams instanceof URLSearchParams ? searchParams : new URLSearchParams(withoutUndefined(searchParams))
    for (const name of new Set(extra.keys())) url.searchParams.delete(name)
    for (const [name, value] of extra) url.searchParams.append(name, value)
  }
  return url
}

function withoutUndefined(record: Record<string, string | number | boolean | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]])))
}

function decodeBody(raw: Uint8Array, responseType: 'json' | 'text' | 'buffer'): unknown {
  if (responseType === 'buffer') return raw
  const text = new TextDecoder().decode(raw)
  if (responseType === 'text') return text
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
