import { ApiError } from '../errors.js'
import type {
  Service,
  ServiceAttribute,
  ServiceAttributeValue,
  ServiceDefinition,
  ServiceRequest,
  ServiceType,
  SubmitResult,
  TokenResult,
} from './types.js'

// Wire (the standard's snake_case, JSON-shaped; XML is first turned into the same shape by xml.ts)
// to camelCase. Every reader is lenient about types (see types.ts) and strict only about the ids that
// make a record meaningful: a record without one is a broken answer, reported as an ApiError.

/** The response a wire value came from, for the message of a broken answer. */
export interface WireSource {
  method: string
  url: string
  status: number
}

/** An `ApiError` for a 2xx answer whose body is not what GeoReport v2 defines. */
export function malformed(at: WireSource, detail: string, body?: unknown, cause?: unknown): ApiError {
  return new ApiError(
    { status: at.status, url: at.url, method: at.method, body, message: `${at.method} ${at.url} answered ${at.status} with a body that is not GeoReport v2: ${detail}` },
    cause === undefined ? undefined : { cause },
  )
}

type Wire = Record<string, unknown>

function isRecord(value: unknown): value is Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A text value: strings (blank ones are absent), finite numbers as their digits; anything else is absent. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'bigint') return String(value)
  return undefined
}

/** A flag: `true`/`false`, `"true"`/`"false"` (any case), `1`/`0`; anything else is absent. */
export function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 1 || value === 0) return value === 1
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase()
    if (word === 'true' || word === '1') return true
    if (word === 'false' || word === '0') return false
  }
  return undefined
}

/** A finite number, or a string holding one; anything else is absent. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}

/** A list: an array as is; absent, `null` or `""` (an empty XML element) as empty; a lone object as a one-item list. */
export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (value === undefined || value === null || value === '') return []
  return [value]
}

function record(value: unknown, at: WireSource, what: string): Wire {
  if (!isRecord(value)) throw malformed(at, `a ${what} must be an object, not ${describe(value)}`, value)
  return value
}

function requiredId(item: Wire, field: string, at: WireSource, what: string): string {
  const id = text(item[field])
  if (id === undefined) throw malformed(at, `a ${what} has no ${field}`, item)
  return id
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'string' ? `the text "${value.length > 40 ? `${value.slice(0, 39)}…` : value}"` : typeof value
}

/** Drops `undefined` fields, so optional fields are absent rather than present-and-undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

const SERVICE_TYPES: readonly ServiceType[] = ['realtime', 'batch', 'blackbox']

/** One `service` of `GET services`. */
export function readService(value: unknown, at: WireSource): Service {
  const item = record(value, at, 'service')
  const type = text(item.type)?.trim().toLowerCase()
  const keywords = Array.isArray(item.keywords) ? item.keywords.map(text) : (text(item.keywords) ?? '').split(',')
  return compact({
    serviceCode: requiredId(item, 'service_code', at, 'service'),
    serviceName: text(item.service_name) ?? '',
    description: text(item.description),
    metadata: flag(item.metadata) ?? false,
    type: SERVICE_TYPES.find((known) => known === type) ?? 'realtime',
    keywords: keywords.flatMap((word) => (word?.trim() ? [word.trim()] : [])),
    group: text(item.group),
  })
}

/** `GET services/{code}`: one `service_definition` (some servers wrap it in a list or an object). */
export function readDefinition(value: unknown, at: WireSource, requestedCode: string): ServiceDefinition {
  let body = Array.isArray(value) && value.length === 1 ? value[0] : value
  if (isRecord(body) && isRecord(body.service_definition)) body = body.service_definition
  const item = record(body, at, 'service definition')
  const attributes = list(item.attributes).map((entry, index) => readAttribute(entry, index, at))
  // The standard's `order` is the display order; a stable sort keeps the server's order for ties.
  attributes.sort((a, b) => a.order - b.order)
  return { serviceCode: text(item.service_code) ?? requestedCode, attributes }
}

function readAttribute(value: unknown, index: number, at: WireSource): ServiceAttribute {
  const item = record(value, at, 'service attribute')
  const order = num(item.order)
  return compact({
    variable: flag(item.variable) ?? true,
    code: requiredId(item, 'code', at, 'service attribute'),
    datatype: text(item.datatype)?.trim() ?? 'string',
    required: flag(item.required) ?? false,
    datatypeDescription: text(item.datatype_description),
    order: order ?? index + 1,
    description: text(item.description) ?? '',
    values: list(item.values).map((entry): ServiceAttributeValue => {
      const choice = record(entry, at, 'attribute value')
      const key = requiredId(choice, 'key', at, 'attribute value')
      return { key, name: text(choice.name) ?? key }
    }),
  })
}

/** The fields GeoReport v2 defines for a request; everything else goes to `extensions`. */
const REQUEST_FIELDS = new Set([
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
])

/** One `request` of `GET requests` or `GET requests/{id}`. */
export function readServiceRequest(value: unknown, at: WireSource): ServiceRequest {
  const item = record(value, at, 'service request')
  const extensions = Object.fromEntries(
    Object.entries(item).filter(([name, v]) => !REQUEST_FIELDS.has(name) && v !== null && v !== undefined && v !== ''),
  )
  return compact({
    serviceRequestId: requiredId(item, 'service_request_id', at, 'service request'),
    status: text(item.status)?.trim().toLowerCase() === 'closed' ? 'closed' : 'open',
    statusNotes: text(item.status_notes),
    serviceName: text(item.service_name),
    serviceCode: requiredId(item, 'service_code', at, 'service request'),
    description: text(item.description),
    agencyResponsible: text(item.agency_responsible),
    serviceNotice: text(item.service_notice),
    requestedDatetime: text(item.requested_datetime),
    updatedDatetime: text(item.updated_datetime),
    expectedDatetime: text(item.expected_datetime),
    address: text(item.address),
    addressId: text(item.address_id),
    zipcode: text(item.zipcode),
    lat: num(item.lat),
    lon: num(item.long),
    mediaUrl: text(item.media_url),
    extensions: Object.keys(extensions).length > 0 ? extensions : undefined,
  } satisfies ServiceRequest)
}

/** The answer of `POST requests`: a one-item list, or an empty one (blackbox services). */
export function readSubmitResult(items: unknown[], at: WireSource): SubmitResult {
  if (items.length === 0) return {}
  const item = record(items[0], at, 'request acknowledgement')
  return compact({
    serviceRequestId: text(item.service_request_id),
    token: text(item.token),
    serviceNotice: text(item.service_notice),
    accountId: text(item.account_id),
  })
}

/** The answer of `GET tokens/{token}`. */
export function readToken(items: unknown[], at: WireSource, token: string): TokenResult {
  if (items.length === 0) return { serviceRequestId: undefined, token }
  const item = record(items[0], at, 'token')
  return { serviceRequestId: text(item.service_request_id), token: text(item.token) ?? token }
}
