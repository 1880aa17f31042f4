import type { ResolvedConfig } from '../config.js'
import type { HttpClient, HttpMethod, SearchParams } from '../http/client.js'
import { urlJoin } from '../http/url.js'
import { malformed, type WireSource } from './wire.js'
import { parseXml, xmlDefinition, xmlList } from './xml.js'

/** What the resources share: the configuration (read at each call) and the HTTP layer. */
export interface Open311Context {
  readonly config: ResolvedConfig
  readonly http: HttpClient
}

/** How to read a body: a list wrapped as `<root><item>…` in XML (an array in JSON), or the service definition. */
export type BodyShape = { list: readonly [root: string, item: string] } | 'definition'

export interface Open311Call {
  method?: HttpMethod
  /** Path segments under the GeoReport root; the last one gets the format's extension (`requests` → `requests.json`). */
  path: readonly string[]
  searchParams?: Record<string, string | undefined>
  /** A form-encoded body (POST). */
  form?: URLSearchParams
  idempotencyKey?: string
  shape: BodyShape
}

const CONTENT_TYPES = { json: 'application/json', xml: 'text/xml, application/xml;q=0.9' } as const

/**
 * Sends one GeoReport v2 request in the configured format and returns its body in the standard's
 * JSON shape (lists as arrays), whether the server spoke JSON or XML. HTTP errors come out of the
 * HTTP layer as `ApiError`s; a 2xx body that cannot be read is an `ApiError` too (see `malformed`).
 */
export async function call(ctx: Open311Context, request: Open311Call): Promise<{ value: unknown; at: WireSource }> {
  const { url: root, format, jurisdictionId } = ctx.config.grievances
  const last = request.path.length - 1
  const url = urlJoin(root, ...request.path.map((segment, i) => (i === last ? `${segment}.${format}` : segment)))
  const method = request.method ?? 'GET'
  const headers: Record<string, string> = { accept: CONTENT_TYPES[format] }
  let body: string | undefined
  if (request.form) {
    // A string body, not the `form` option: the attribute[CODE][] fields repeat, which a record cannot hold.
    body = request.form.toString()
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8'
  }
  const searchParams: SearchParams | undefined =
    method === 'GET' ? { ...request.searchParams, jurisdiction_id: jurisdictionId || undefined } : request.searchParams
  const response = await ctx.http.request({
    method,
    url,
    searchParams,
    headers,
    body,
    responseType: 'text',
    ...(request.idempotencyKey !== undefined ? { idempotencyKey: request.idempotencyKey } : {}),
  })
  const at: WireSource = { method, url: response.url || url.href, status: response.status }
  return { value: format === 'xml' ? readXml(response.body, request.shape, at) : readJson(response.body, request.shape, at), at }
}

function readXml(text: string, shape: BodyShape, at: WireSource): unknown {
  if (text.trim() === '') return shape === 'definition' ? {} : []
  try {
    const doc = parseXml(text)
    return shape === 'definition' ? xmlDefinition(doc) : xmlList(doc, shape.list[0], shape.list[1])
  } catch (err) {
    throw malformed(at, `cannot read it as XML (${(err as Error).message})`, text, err)
  }
}

function readJson(text: string, shape: BodyShape, at: WireSource): unknown {
  if (text.trim() === '') return shape === 'definition' ? {} : []
  let value: unknown
  try {
    value = parseJsonLenient(text)
  } catch (err) {
    throw malformed(at, `cannot read it as JSON (${(err as Error).message})`, text, err)
  }
  if (shape === 'definition' || Array.isArray(value)) return value
  if (typeof value === 'object' && value !== null) {
    // Some servers keep the XML wrapper (`{"service_requests": [...]}`) or send a lone object for a one-item list.
    const wrapped = (value as Record<string, unknown>)[shape.list[0]]
    if (Array.isArray(wrapped)) return wrapped
    return [value]
  }
  throw malformed(at, 'expected a JSON array', value)
}

/**
 * `JSON.parse`, and when that fails, once more with numbers that have leading zeros quoted: the
 * standard's own examples print codes as `"service_code":001`, which is not JSON, and the zeros are
 * part of the code.
 */
export function parseJsonLenient(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    const repaired = quoteLeadingZeroNumbers(text)
    if (repaired === text) throw err
    return JSON.parse(repaired) as unknown
  }
}

function quoteLeadingZeroNumbers(text: string): string {
  const number = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i]!
    if (c === '"') {
      // Copy a string literal whole, escapes included, so digits inside strings are never touched.
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      out += text.slice(i, j + 1)
      i = j + 1
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      number.lastIndex = i
      const match = number.exec(text)
      if (!match) {
        out += c
        i += 1
        continue
      }
      out += /^-?0\d/.test(match[0]) ? `"${match[0]}"` : match[0]
      i += match[0].length
    } else {
      out += c
      i += 1
    }
  }
  return out
}
