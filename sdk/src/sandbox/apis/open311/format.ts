import { XMLBuilder } from 'fast-xml-parser'
import { formatIst } from '../../clock.js'
import { stateAsOf } from './lifecycle.js'
import type { Attribute, Service } from './load.js'
import type { StoredRequest } from './store.js'

/**
 * The two GeoReport v2 formats. JSON follows the "Spark convention": each XML list wrapper
 * (`<services>`, `<service_requests>`, `<errors>`) becomes a top-level array; a service
 * definition and the discovery document stay objects.
 */
export type Format = 'json' | 'xml'

export const CONTENT_TYPE: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
}

/** One Open311 `error`. `code` is the HTTP status it stands for (404, 403, 400, or 409 for the Idempotency-Key extension). */
export interface Open311ErrorItem {
  code: number
  description: string
}

/** One `request` of GET requests / GET requests/{id}, in the standard's field order. */
export interface RequestOut {
  service_request_id: string
  status: 'open' | 'closed'
  status_notes?: string
  service_name: string
  service_code: string
  description?: string
  agency_responsible?: string
  service_notice?: string
  requested_datetime: string
  updated_datetime: string
  expected_datetime?: string
  address?: string
  address_id?: string
  zipcode?: string
  lat?: number
  long?: number
  media_url?: string
  // extensions=true
  ward?: string
  description_language?: string
  acknowledged_datetime?: string
  closed_datetime?: string
}

/** One `request` of a POST answer: an id (realtime) or a token (batch), never both. */
export interface PostItem {
  service_request_id?: string
  token?: string
  service_notice?: string
  account_id?: string
}

/** A request as of `now`, with the extension fields when `extensions` is set. */
export function requestOut(r: StoredRequest, now: number, extensions: boolean): RequestOut {
  const state = stateAsOf(r, now)
  // Built field by field in the standard's order, so that XML elements come out in it too.
  const out: Partial<RequestOut> = { service_request_id: String(r.id), status: state.status, status_notes: state.status_notes }
  out.service_name = r.service_name
  out.service_code = r.service_code
  if (r.description !== null) out.description = r.description
  if (state.agency_responsible !== undefined) out.agency_responsible = state.agency_responsible
  if (r.service_notice !== null) out.service_notice = r.service_notice
  out.requested_datetime = formatIst(new Date(r.requested_ms))
  out.updated_datetime = formatIst(new Date(state.updated_ms))
  if (state.expected_ms !== undefined) out.expected_datetime = formatIst(new Date(state.expected_ms))
  if (r.address !== null) out.address = r.address
  if (r.address_id !== null) out.address_id = r.address_id
  if (r.zipcode !== null) out.zipcode = r.zipcode
  if (r.lat !== null && r.long !== null) {
    out.lat = r.lat
    out.long = r.long
  }
  if (r.media_url !== null) out.media_url = r.media_url
  if (extensions) {
    if (r.ward !== null) out.ward = r.ward
    if (r.description_language !== null) out.description_language = r.description_language
    if (state.acknowledged_ms !== undefined) out.acknowledged_datetime = formatIst(new Date(state.acknowledged_ms))
    if (state.closed_ms !== undefined) out.closed_datetime = formatIst(new Date(state.closed_ms))
  }
  return out as RequestOut
}

/** A service of the service list, as the standard lists it (agency and SLA stay internal). */
export function serviceOut(s: Service): Record<string, unknown> {
  return {
    service_code: s.service_code,
    service_name: s.service_name,
    description: s.description,
    metadata: s.metadata,
    type: s.type,
    keywords: s.keywords,
    group: s.group,
  }
}

/** A `service_definition`. */
export function definitionOut(code: string, attributes: readonly Attribute[]): { service_code: string; attributes: Attribute[] } {
  return { service_code: code, attributes: attributes.map((a) => ({ ...a })) }
}

// ---- XML ----

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'

/**
 * Escapes element text. `\r` is written as `&#13;` because an XML parser turns a literal CR (and
 * CRLF) into LF; escaped, a description keeps its exact line breaks. Characters XML cannot carry
 * never reach here: they are rejected on input (see text.ts).
 */
export function escapeXmlText(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value)
  return /[&<>\r]/.test(text) ? text.replace(/[&<>\r]/g, (c) => XML_ESCAPES[c] as string) : text
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }

// The builder escapes nothing itself (processEntities: false): escapeXmlText does it, CR included.
const builder = new XMLBuilder({ processEntities: false, tagValueProcessor: (_name: string, value: unknown) => escapeXmlText(value) })

/** A whole XML document with the declaration GeoReport v2 asks for. */
export function xmlDocument(root: string, content: unknown): string {
  return XML_DECLARATION + builder.build({ [root]: content })
}

export function servicesXml(services: readonly Record<string, unknown>[]): string {
  return xmlDocument('services', { service: services })
}

export function definitionXml(definition: { service_code: string; attributes: Attribute[] }): string {
  return xmlDocument('service_definition', {
    service_code: definition.service_code,
    attributes: {
      attribute: definition.attributes.map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description ?? '',
        order: a.order,
        description: a.description,
        ...(a.values ? { values: { value: a.values } } : {}),
      })),
    },
  })
}

/** One request as JSON, for the render cache (keys in the standard's order, as built). */
export function requestFragmentJson(out: RequestOut): string {
  return JSON.stringify(out)
}

/** One request as `<request>…</request>`, for the render cache. */
export function requestFragmentXml(out: RequestOut): string {
  return builder.build({ request: out })
}

/** `<service_requests><request>…</request></service_requests>`: POST and tokens. */
export function requestsXml(items: readonly object[]): string {
  return xmlDocument('service_requests', { request: items })
}

export function errorsXml(errors: readonly Open311ErrorItem[]): string {
  return xmlDocument('errors', { error: errors })
}

export interface Discovery {
  changeset: string
  contact: string
  key_service: string
  endpoints: { specification: string; url: string; changeset: string; type: 'production' | 'test'; formats: string[] }[]
}

export function discoveryXml(d: Discovery): string {
  return xmlDocument('discovery', {
    changeset: d.changeset,
    contact: d.contact,
    key_service: d.key_service,
    endpoints: { endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) },
  })
}

// ---- JSON response schemas (compiled once by Fastify into fast serializers) ----
// No `required` lists: fast-json-stringify writes required properties first, and the standard's
// field order is worth keeping.

const str = { type: 'string' } as const

export const errorsSchema = {
  type: 'array',
  items: { type: 'object', properties: { code: { type: 'integer' }, description: str } },
} as const

export const postSchema = {
  type: 'array',
  items: { type: 'object', properties: { service_request_id: str, token: str, service_notice: str, account_id: str } },
} as const

export const tokenSchema = {
  type: 'array',
  items: { type: 'object', properties: { service_request_id: str, token: str } },
} as const

export const discoverySchema = {
  type: 'object',
  properties: {
    changeset: str,
    contact: str,
    key_service: str,
    endpoints: {
      type: 'array',
      items: {
        type: 'object',
        properties: { specification: str, url: str, changeset: str, type: str, formats: { type: 'array', items: str } },
      },
    },
  },
} as const
