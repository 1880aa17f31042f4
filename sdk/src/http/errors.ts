import { HTTPError, TimeoutError as GotTimeoutError, type RequestError } from 'got'
import type { IncomingHttpHeaders } from 'node:http'
import { ApiError, NetworkError, TimeoutError, type ThaneError } from '../errors.js'
import { parseXml } from '../grievances/xml.js'

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
    const body = decodeErrorBody(error.response.rawBody, error.response.headers, status)
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

/**
 * The server's error body: parsed JSON when the content-type says JSON; an Open311 error list
 * `[{ code, description }]` when it is Open311's XML; else the text. `undefined` when empty.
 */
function decodeErrorBody(raw: Uint8Array | undefined, headers: IncomingHttpHeaders, status: number): unknown {
  if (!raw || raw.length === 0) return undefined
  const text = new TextDecoder().decode(raw)
  const contentType = headers['content-type']
  if (isXmlContentType(contentType) || (!isJsonContentType(contentType) && /^\s*<(\?xml|errors?[\s>/])/.test(text))) {
    return open311XmlErrors(text, status) ?? text
  }
  if (!isJsonContentType(contentType)) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** `text/xml`, `application/xml`, `application/problem+xml`, ... */
function isXmlContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^[^;]*[/+]xml\s*(;|$)/i.test(contentType)
}

/**
 * Open311's XML error bodies as the JSON list the standard derives from them, or `undefined` when
 * the XML is something else. `<errors><error><code>403</code><description>…</description></error></errors>`
 * gives `[{ code: 403, description: '…' }]` (a numeric code as a number, as in the JSON form); the
 * legacy `<error>text</error>` of older servers has no code, so the HTTP status stands in for it.
 */
function open311XmlErrors(text: string, status: number): { code: number | string; description: string }[] | undefined {
  // The Open311 client's parser: text stays text (a code such as `03` keeps its zero), `error` is always a list under `errors`.
  let doc: Record<string, unknown>
  try {
    doc = parseXml(text)
  } catch {
    return undefined
  }
  const entry = (item: unknown) => {
    if (typeof item === 'string') return { code: status, description: item.trim() }
    if (!isRecord(item)) return undefined
    const code = typeof item.code === 'string' && item.code.trim() !== '' ? item.code.trim() : String(status)
    return { code: /^[1-9]\d*$/.test(code) ? Number(code) : code, description: typeof item.description === 'string' ? item.description.trim() : '' }
  }
  if ('errors' in doc) {
    const list = isRecord(doc.errors) && Array.isArray(doc.errors.error) ? doc.errors.error : []
    return list.flatMap((item) => entry(item) ?? [])
  }
  if ('error' in doc) {
    const single = entry(doc.error)
    return single ? [single] : undefined
  }
  return undefined
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
