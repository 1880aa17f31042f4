import { HTTPError, TimeoutError as GotTimeoutError, type RequestError } from 'got'
import type { IncomingHttpHeaders } from 'node:http'
import { ApiError, NetworkError, TimeoutError, type ThaneError } from '../errors.js'

/**
 * Maps got's final error (after every retry) to an SDK error, keeping it as `cause`. Called from
 * one place, the HTTP client's `request()`. `sandboxOrigin` is the origin whose refused connections
 * earn the "start the sandbox" hint.
 */
export function toThaneError(error: RequestError, sandboxOrigin: string): ThaneError {
  const { options } = error
  const url = String(options.url)
  const method = options.method.toUpperCase()
  const attempts = (error.request?.retryCount ?? 0) + 1
  const after = attempts > 1 ? ` after ${attempts} attempts` : ''

  if (error instanceof HTTPError) {
    const { statusCode: status, statusMessage } = error.response
    const body = decodeErrorBody(error.response.rawBody, error.response.headers)
    const description = describe(body)
    const message = `${method} ${url} answered ${status}${statusMessage ? ` ${statusMessage}` : ''}${after}${description ? `: ${description}` : ''}`
    return new ApiError({ status, url, method, body, message }, { cause: error })
  }
  if (error instanceof GotTimeoutError) {
    const timeoutMs = options.timeout.request
    return new TimeoutError({ url, timeoutMs, message: `${method} ${url} did not answer within ${timeoutMs ?? '?'} ms${after}` }, { cause: error })
  }
  // got's own codes (ERR_…) are not system codes; everything else (ECONNREFUSED, EAI_AGAIN, TLS codes) is.
  const systemCode = error.code && !error.code.startsWith('ERR_') ? error.code : undefined
  const hint = systemCode === 'ECONNREFUSED' && originOf(url) === sandboxOrigin ? ': is the sandbox running? Start it with "thane sandbox"' : ''
  return new NetworkError(
    { url, systemCode, message: `could not reach ${url} (${systemCode ?? error.message})${after}${hint}` },
    { cause: error },
  )
}

/** The server's error body: parsed JSON when the content-type says JSON, else the text; `undefined` when empty. */
function decodeErrorBody(raw: Uint8Array | undefined, headers: IncomingHttpHeaders): unknown {
  if (!raw || raw.length === 0) return undefined
  const text = new TextDecoder().decode(raw)
  if (!isJsonContentType(headers['content-type'])) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** `application/json`, `application/problem+json`, `application/geo+json`, ... */
function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^[^;]*[/+]json\s*(;|$)/i.test(contentType)
}

const MAX_DESCRIPTION = 300

/** A short description from a standard error body: Open311's `[{code, description}]`, `{error: {message}}` or `{message}`. */
function describe(body: unknown): string | undefined {
  let text: string | undefined
  if (Array.isArray(body)) {
    const descriptions = body.flatMap((item) => (isRecord(item) && typeof item.description === 'string' ? [item.description] : []))
    text = descriptions.length > 0 ? descriptions.join('; ') : undefined
  } else if (isRecord(body)) {
    if (isRecord(body.error) && typeof body.error.message === 'string') text = body.error.message
    else if (typeof body.message === 'string') text = body.message
  }
  return text && text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}
