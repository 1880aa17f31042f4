import { ApiError, InputError } from '../errors.js'
import { requireText } from './services.js'
import { call, type Open311Context } from './transport.js'
import type {
  ListRequestsFilters,
  ServiceRequest,
  ServiceRequestStatus,
  SubmitOptions,
  SubmitRequestInput,
  SubmitResult,
  TokenResult,
} from './types.js'
import { readServiceRequest, readSubmitResult, readToken } from './wire.js'

/** The standard's limit on `description`, in characters (counted as Unicode code points). */
export const MAX_DESCRIPTION_CHARS = 4_000
/** Requests asked for per page when `list()` is given no `pageSize`. */
export const DEFAULT_PAGE_SIZE = 100

const REQUEST_LIST = { list: ['service_requests', 'request'] } as const

/** `POST requests.{fmt}`: files a service request. Everything is checked before anything is sent. */
export async function submitRequest(ctx: Open311Context, input: SubmitRequestInput, options: SubmitOptions = {}): Promise<SubmitResult> {
  const form = submitForm(input)
  const { apiKey, jurisdictionId } = ctx.config.grievances
  if (!apiKey) {
    throw new InputError(
      'filing a grievance needs an API key: set THANE_API_KEY or pass apiKey to createClient() ' +
        '(the sandbox prints its development key when it starts)',
      { field: 'apiKey' },
    )
  }
  // The standard's field order: the key and jurisdiction first, then the request itself.
  const head: [string, string][] = [['api_key', apiKey]]
  if (jurisdictionId) head.push(['jurisdiction_id', jurisdictionId])
  const body = new URLSearchParams([...head, ...form])
  const { value, at } = await call(ctx, { method: 'POST', path: ['requests'], form: body, idempotencyKey: options.idempotencyKey, shape: REQUEST_LIST })
  return readSubmitResult(value as unknown[], at)
}

/** `GET requests/{id}.{fmt}`: one request, unwrapped from the standard's one-item list. */
export async function getRequest(ctx: Open311Context, serviceRequestId: string): Promise<ServiceRequest> {
  const id = requireText(serviceRequestId, 'serviceRequestId', 'the id of a service request')
  // `extensions=true` as for lists: servers that know it add their extra fields (the sandbox's ward); others ignore it.
  const { value, at } = await call(ctx, { path: ['requests', id], shape: REQUEST_LIST, searchParams: { extensions: 'true' } })
  const requests = (value as unknown[]).map((item) => readServiceRequest(item, at))
  const found = requests.find((request) => request.serviceRequestId === id) ?? requests[0]
  if (!found) {
    // The standard answers 404 for an unknown id; a server that answers 200 with an empty list means the same.
    throw new ApiError({ status: 404, url: at.url, method: at.method, body: value, message: `${at.method} ${at.url} answered ${at.status} with an empty list: there is no service request "${id}"` })
  }
  return found
}

/** `GET tokens/{token}.{fmt}`: the id a batch service gave the request, once it has one. */
export async function resolveToken(ctx: Open311Context, token: string): Promise<TokenResult> {
  const checked = requireText(token, 'token', 'the token submit() returned')
  const { value, at } = await call(ctx, { path: ['tokens', checked], shape: REQUEST_LIST })
  return readToken(value as unknown[], at, checked)
}

/**
 * `GET requests.{fmt}`, page after page as the iterator is consumed. The filters are checked at
 * once, so a bad one throws an `InputError` from this call, before any request.
 */
export function listRequests(ctx: Open311Context, filters: ListRequestsFilters = {}): AsyncIterableIterator<ServiceRequest> {
  const params = listParams(filters)
  const pageSize = filters.pageSize ?? DEFAULT_PAGE_SIZE
  return pages(ctx, params, pageSize)
}

async function* pages(ctx: Open311Context, params: Record<string, string | undefined>, pageSize: number): AsyncGenerator<ServiceRequest, void, undefined> {
  // Paging is an extension (`page`, `page_size`); a plain v2 server ignores it and answers every page
  // with the same list. A page that starts where an earlier one did is such a repeat: stop there.
  const firstIds = new Set<string>()
  for (let page = 1; ; page += 1) {
    const { value, at } = await call(ctx, { path: ['requests'], searchParams: { ...params, page: String(page), page_size: String(pageSize) }, shape: REQUEST_LIST })
    const requests = (value as unknown[]).map((item) => readServiceRequest(item, at))
    const first = requests[0]
    if (!first || firstIds.has(first.serviceRequestId)) return
    firstIds.add(first.serviceRequestId)
    yield* requests
    if (requests.length < pageSize) return
  }
}

// --- checking and encoding what is sent -------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An optional text field: absent, `null` and blank are left out (the standard's optional-argument rule). */
function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') throw new InputError(`${field} must be a string, not ${typeof value}`, { field })
  return value.trim() === '' ? undefined : value
}

/** A coordinate as plain decimal digits (never `1e-7`, which servers may not read). */
function decimal(n: number): string {
  const plain = String(n)
  return plain.includes('e') ? n.toFixed(12).replace(/\.?0+$/, '') : plain
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value)
}

function coordinate(value: unknown, field: 'lat' | 'lon', limit: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(`location.${field} must be a finite number of degrees, not ${show(value)}`, { field: `location.${field}` })
  }
  if (Math.abs(value) > limit) {
    throw new InputError(`location.${field} must be between -${limit} and ${limit} degrees (WGS 84), not ${value}`, { field: `location.${field}` })
  }
  return value
}

/** Checks a submission and encodes it as the standard's form fields, in the standard's order (without `api_key`). */
export function submitForm(input: SubmitRequestInput): [string, string][] {
  if (!isRecord(input)) throw new InputError('submit() needs a grievance: { serviceCode, location, description? }', { field: 'input' })
  const fields: [string, string][] = []
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) fields.push([name, value])
  }
  add('service_code', requireText(input.serviceCode, 'serviceCode', 'a service code from services()'))

  const location: unknown = input.location
  const where = 'pass { lat, lon }, { addressString } or { addressId }'
  if (!isRecord(location)) throw new InputError(`location is required: ${where}`, { field: 'location' })
  const hasLat = location.lat !== undefined && location.lat !== null
  const hasLon = location.lon !== undefined && location.lon !== null
  if (hasLat !== hasLon) {
    const missing = hasLat ? 'lon' : 'lat'
    throw new InputError(`location.${missing} is missing: a coordinate needs both lat and lon`, { field: `location.${missing}` })
  }
  if (hasLat) {
    add('lat', decimal(coordinate(location.lat, 'lat', 90)))
    add('long', decimal(coordinate(location.lon, 'lon', 180)))
  }
  add('address_string', optionalText(location.addressString, 'location.addressString'))
  add('address_id', optionalText(location.addressId, 'location.addressId'))
  if (!fields.some(([name]) => name !== 'service_code')) throw new InputError(`location is empty: ${where}`, { field: 'location' })

  const attributes: unknown = input.attributes
  if (attributes !== undefined && attributes !== null) {
    if (!isRecord(attributes)) throw new InputError('attributes must be an object of attribute codes to answers', { field: 'attributes' })
    for (const [code, answer] of Object.entries(attributes)) {
      const field = `attributes.${code}`
      if (code.trim() === '') throw new InputError('attributes cannot have an empty attribute code', { field: 'attributes' })
      if (Array.isArray(answer)) {
        // A multivaluelist: attribute[CODE][]=v1&attribute[CODE][]=v2.
        for (const [i, choice] of answer.entries()) add(`attribute[${code}][]`, optionalText(choice, `${field}[${i}]`))
      } else {
        add(`attribute[${code}]`, typeof answer === 'number' && Number.isFinite(answer) ? decimal(answer) : optionalText(answer, field))
      }
    }
  }

  add('email', optionalText(input.email, 'email'))
  add('device_id', optionalText(input.deviceId, 'deviceId'))
  add('account_id', optionalText(input.accountId, 'accountId'))
  add('first_name', optionalText(input.firstName, 'firstName'))
  add('last_name', optionalText(input.lastName, 'lastName'))
  add('phone', optionalText(input.phone, 'phone'))
  const description = optionalText(input.description, 'description')
  if (description !== undefined) {
    const length = [...description].length
    if (length > MAX_DESCRIPTION_CHARS) {
      throw new InputError(`description is ${length.toLocaleString('en')} characters long; Open311 accepts at most 4,000`, { field: 'description' })
    }
  }
  add('description', description)
  add('media_url', optionalText(input.mediaUrl, 'mediaUrl'))
  return fields
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i
const STATUSES: readonly ServiceRequestStatus[] = ['open', 'closed']

function dateParam(value: unknown, field: string): { text: string; ms: number } | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (value instanceof Date) {
    const ms = value.getTime()
    if (Number.isNaN(ms)) throw new InputError(`${field} is an invalid Date`, { field })
    // UTC with `Z`; the fraction only when there is one.
    return { text: value.toISOString().replace('.000Z', 'Z'), ms }
  }
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value) || Number.isNaN(ms)) {
    throw new InputError(
      `${field} must be a Date or an ISO 8601 date-time with its offset, such as 2026-07-14T09:00:00+05:30, not ${JSON.stringify(value)}`,
      { field },
    )
  }
  // Sent as given, so the offset the caller chose (+05:30) reaches the server.
  return { text: value, ms }
}

function idList(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined
  const items = (Array.isArray(value) ? value : [value]).flatMap((item, i) => {
    const id = optionalText(item, Array.isArray(value) ? `${field}[${i}]` : field)
    if (id?.includes(',')) throw new InputError(`${field} cannot contain a comma ("${id}"): the standard sends the list comma-separated`, { field })
    return id === undefined ? [] : [id.trim()]
  })
  return items.length > 0 ? items.join(',') : undefined
}

/** Checks the filters of `list()` and encodes them as the standard's query parameters. */
export function listParams(filters: ListRequestsFilters): Record<string, string | undefined> {
  if (!isRecord(filters as unknown)) throw new InputError('list() filters must be an object', { field: 'filters' })
  const { pageSize } = filters
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1)) {
    throw new InputError(`pageSize must be a whole number of 1 or more, not ${String(pageSize)}`, { field: 'pageSize' })
  }
  const start = dateParam(filters.startDate, 'startDate')
  const end = dateParam(filters.endDate, 'endDate')
  if (start && end && end.ms < start.ms) throw new InputError(`endDate (${end.text}) is before startDate (${start.text})`, { field: 'endDate' })

  let status: string | undefined
  if (filters.status !== undefined && filters.status !== null) {
    const wanted = Array.isArray(filters.status) ? filters.status : [filters.status]
    for (const s of wanted) {
      if (!STATUSES.includes(s)) throw new InputError(`status must be "open" or "closed", not ${JSON.stringify(s)}`, { field: 'status' })
    }
    status = wanted.length > 0 ? [...new Set(wanted)].join(',') : undefined
  }

  return {
    service_request_id: idList(filters.serviceRequestId, 'serviceRequestId'),
    service_code: idList(filters.serviceCode, 'serviceCode'),
    start_date: start?.text,
    end_date: end?.text,
    status,
    ward: optionalText(filters.ward, 'ward'),
    // Servers that support it add the fields they keep beyond the standard; they land in `extensions`.
    extensions: 'true',
  }
}
