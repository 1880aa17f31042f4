/**
 * Every error the SDK throws is a `ThaneError` with a stable string `code`, so callers can branch
 * on `err.code` without parsing messages. The original error, when there is one, is kept as `cause`.
 *
 * @example
 * try { await city.grievances.get('42') } catch (err) {
 *   if (err instanceof ApiError && err.status === 404) console.log('no such request')
 * }
 */
export class ThaneError extends Error {
  /** A stable identifier of the kind of error, e.g. `E_API`. */
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }
}

/** The server answered with an HTTP error status (after any retries). */
export class ApiError extends ThaneError {
  /** HTTP status code of the final answer. */
  readonly status: number
  /** The URL that was requested. */
  readonly url: string
  /** HTTP method of the request. */
  readonly method: string
  /** The server's error body: parsed JSON when it was JSON, else the raw text (or undefined). */
  readonly body: unknown

  constructor(
    init: { status: number; url: string; method: string; body?: unknown; message?: string },
    options?: { cause?: unknown },
  ) {
    super('E_API', init.message ?? `${init.method} ${init.url} answered ${init.status}`, options)
    this.status = init.status
    this.url = init.url
    this.method = init.method
    this.body = init.body
  }
}

/** The request never got an HTTP answer: connection refused, DNS failure, reset, ... */
export class NetworkError extends ThaneError {
  readonly url: string
  /** The system error code when there is one (ECONNREFUSED, ENOTFOUND, ...). */
  readonly systemCode: string | undefined

  constructor(init: { url: string; systemCode?: string; message?: string }, options?: { cause?: unknown }) {
    super('E_NETWORK', init.message ?? `could not reach ${init.url}${init.systemCode ? ` (${init.systemCode})` : ''}`, options)
    this.url = init.url
    this.systemCode = init.systemCode
  }
}

/** The request took longer than the configured timeout. */
export class TimeoutError extends ThaneError {
  readonly url: string
  /** The timeout that was exceeded, in milliseconds. */
  readonly timeoutMs: number | undefined

  constructor(init: { url: string; timeoutMs?: number; message?: string }, options?: { cause?: unknown }) {
    super('E_TIMEOUT', init.message ?? `${init.url} did not answer within ${init.timeoutMs ?? '?'} ms`, options)
    this.url = init.url
    this.timeoutMs = init.timeoutMs
  }
}

/** The caller's input was rejected before anything was sent. */
export class InputError extends ThaneError {
  /** The option or field at fault, when one can be named. */
  readonly field: string | undefined

  constructor(message: string, init: { field?: string } = {}, options?: { cause?: unknown }) {
    super('E_INPUT', message, options)
    this.field = init.field
  }
}

/** The configuration (options, environment or config file) could not be read or is invalid. */
export class ConfigError extends ThaneError {
  /** The file at fault, when the error comes from a config file. */
  readonly path: string | undefined

  constructor(message: string, init: { path?: string } = {}, options?: { cause?: unknown }) {
    super('E_CONFIG', message, options)
    this.path = init.path
  }
}
