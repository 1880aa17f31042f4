import { timingSafeEqual, createHash } from 'node:crypto'
import { Open311Error } from './errors.js'
import type { Open311ErrorItem } from './format.js'
import type { PostInput } from './form.js'
import { DAY_MS } from './lifecycle.js'
import type { Attribute, Service } from './load.js'
import { codePoints, firstNonXmlChar, quote, thousands } from './text.js'
import { isIsoDate, parseW3cDateTime } from './time.js'

/** The one jurisdiction this sandbox serves (the city's web domain, as the standard suggests). */
export const JURISDICTION_ID = 'thanecity.gov.in'

/** GET requests: the widest window, and the default window back from now. */
export const MAX_WINDOW_MS = 90 * DAY_MS
/** GET requests: the most requests one answer holds (the standard's default volume), and the page_size limit. */
export const MAX_PAGE_SIZE = 1000

/**
 * Thane's rough bounding box. A POST with lat/long outside it is refused with 400, as a city's
 * own server refuses a location it does not cover; the box is generous (it holds the whole
 * municipal area, Mumbra, Diva and the creek) so no real Thane location falls outside.
 */
export const THANE_BOUNDS = { minLat: 19.1, maxLat: 19.35, minLong: 72.9, maxLong: 73.15 } as const

/** Limits in characters (code points) for the text fields of a POST. */
export const FIELD_LIMITS = {
  address_string: 500,
  address_id: 100,
  email: 254,
  device_id: 100,
  account_id: 100,
  first_name: 100,
  last_name: 100,
  phone: 30,
  description: 4000,
  media_url: 2000,
  description_language: 35,
} as const
type TextField = keyof typeof FIELD_LIMITS

/** Fields that may hold line breaks; the others are single lines. */
const MULTILINE = new Set<string>(['description', 'address_string'])
const ATTRIBUTE_LIMITS = { string: 1000, text: 4000 } as const
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

type Query = Record<string, string | string[] | undefined>

/**
 * Checks `jurisdiction_id`: absent or empty is this one; `thanecity.gov.in` is this one; anything
 * else is a jurisdiction this server does not serve (404, as the standard says).
 */
export function checkJurisdiction(value: string | string[] | undefined): void {
  const v = Array.isArray(value) ? value.find((x) => x !== '') : value
  if (v === undefined || v === '' || v === JURISDICTION_ID) return
  throw new Open311Error(404, `jurisdiction_id ${quote(v)} is not served here; this sandbox serves ${JURISDICTION_ID} (or leave jurisdiction_id out)`)
}

/** Checks the POST `api_key` against the one key the sandbox accepts (403 when missing or wrong). */
export function checkApiKey(given: string | undefined, expected: string): void {
  if (given === undefined) {
    throw new Open311Error(403, 'api_key is required to submit a service request; send it as a form field with the key the sandbox was started with')
  }
  // Compare digests in constant time, so the answer's timing tells nothing about the key.
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  if (!timingSafeEqual(a, b)) throw new Open311Error(403, 'api_key is not valid for this sandbox; use the key the sandbox was started with')
}

/** Checks an Idempotency-Key header; returns it, or undefined when absent or empty. */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined || header === '') return undefined
  if (Array.isArray(header) || !/^[\x21-\x7e]{1,255}$/.test(header)) {
    throw new Open311Error(400, 'Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces), sent once; a UUID is a good key')
  }
  return header
}

// ---- GET requests ----

/** GET requests, parsed. */
export interface ListParams {
  /** Set when `service_request_id` was given: it overrides every other filter. */
  ids?: number[]
  from: number
  to: number
  serviceCodes?: string[]
  wards?: string[]
  status?: 'open' | 'closed'
  page: number
  pageSize: number
  extensions: boolean
}

/**
 * Parses the GET requests filters. Optional parameters sent empty count as absent; unknown ones
 * are ignored. Every problem is reported at once.
 *
 * @throws Open311Error 400 listing each bad parameter.
 */
export function parseListQuery(query: Query, now: number): ListParams {
  const errors: string[] = []
  const single = (name: string): string | undefined => {
    const v = query[name]
    if (Array.isArray(v)) {
      const given = v.filter((x) => x !== '')
      if (given.length > 1) errors.push(`${name} was given ${given.length} times; send it once`)
      return given[0]
    }
    return v === '' ? undefined : v
  }
  const list = (name: string): string[] | undefined => {
    const v = query[name]
    if (v === undefined) return undefined
    const items = (Array.isArray(v) ? v : [v]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter((x) => x !== '')
    return items.length > 0 ? items : undefined
  }

  const pageText = single('page')
  const page = pageText === undefined ? 1 : /^[1-9]\d{0,8}$/.test(pageText) ? Number(pageText) : undefined
  if (page === undefined) errors.push(`page must be a whole number from 1; got ${quote(pageText as string)}`)
  const sizeText = single('page_size')
  const size = sizeText === undefined ? MAX_PAGE_SIZE : /^\d{1,4}$/.test(sizeText) ? Number(sizeText) : Number.NaN
  const pageSize = size >= 1 && size <= MAX_PAGE_SIZE ? size : undefined
  if (pageSize === undefined) errors.push(`page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${quote(sizeText as string)}`)
  const extensionsText = single('extensions')
  if (extensionsText !== undefined && extensionsText !== 'true' && extensionsText !== 'false') {
    errors.push(`extensions must be true or false; got ${quote(extensionsText)}`)
  }
  const base = { page: page ?? 1, pageSize: pageSize ?? MAX_PAGE_SIZE, extensions: extensionsText === 'true' }

  const idList = list('service_request_id')
  if (idList) {
    if (idList.length > MAX_PAGE_SIZE) errors.push(`service_request_id lists at most ${MAX_PAGE_SIZE} ids; got ${idList.length}`)
    if (errors.length > 0) throw badRequest(errors)
    // Ids are whole numbers; anything else simply matches no request.
    const ids = idList.filter((id) => /^[1-9]\d{0,14}$/.test(id)).map(Number)
    return { ...base, ids, from: 0, to: now }
  }

  const date = (name: string): number | undefined => {
    const text = single(name)
    if (text === undefined) return undefined
    const ms = parseW3cDateTime(text)
    if (ms === undefined) {
      errors.push(`${name} must be a W3C date-time with a zone, like 2026-07-01T00:00:00+05:30; got ${quote(text)}`)
      return Number.NaN
    }
    return ms
  }
  const start = date('start_date')
  const end = date('end_date')
  let from: number
  let to: number
  if (start === undefined && end === undefined) [from, to] = [now - MAX_WINDOW_MS, now]
  else if (end === undefined) [from, to] = [start as number, (start as number) + MAX_WINDOW_MS]
  else if (start === undefined) [from, to] = [end - MAX_WINDOW_MS, end]
  else [from, to] = [start, end]
  if (!Number.isNaN(from) && !Number.isNaN(to)) {
    if (from > to) errors.push('start_date is after end_date; give a start_date at or before the end_date')
    else if (to - from > MAX_WINDOW_MS) errors.push('the window from start_date to end_date is longer than 90 days; ask for at most 90 days at a time')
  }

  const statusList = list('status')
  let status: 'open' | 'closed' | undefined
  if (statusList) {
    const bad = statusList.filter((s) => s !== 'open' && s !== 'closed')
    if (bad.length > 0) errors.push(`status must be open, closed or both, comma-separated; got ${quote(bad.join(','))}`)
    else if (!(statusList.includes('open') && statusList.includes('closed'))) status = statusList[0] as 'open' | 'closed'
  }
  if (errors.length > 0) throw badRequest(errors)
  const serviceCodes = list('service_code')
  const wards = list('ward')
  return {
    ...base,
    from,
    to: Math.min(to, now),
    ...(serviceCodes ? { serviceCodes } : {}),
    ...(wards ? { wards } : {}),
    ...(status ? { status } : {}),
  }
}

function badRequest(messages: string[]): Open311Error {
  return new Open311Error(400, messages.map((description) => ({ code: 400, description })))
}

// ---- POST requests ----

/** A POST Service Request that passed every check. */
export interface ValidPost {
  service: Service
  lat: number | null
  long: number | null
  text: Partial<Record<TextField, string>>
  /** Attribute values by code: a string, or a list for a multivaluelist. */
  attributes: Record<string, string | string[]>
}

/**
 * Checks a POST Service Request against the standard and the service's definition. Every
 * problem is reported at once; the answer is 404 when the service_code is unknown (the standard's
 * status for it), else 400, and each error carries its own code.
 *
 * @throws Open311Error with every problem found.
 */
export function validatePost(
  input: PostInput,
  catalogue: { services: ReadonlyMap<string, Service>; definitions: ReadonlyMap<string, readonly Attribute[]> },
): ValidPost {
  const errors: Open311ErrorItem[] = []
  const fail = (description: string, code = 400) => errors.push({ code, description })
  const f = input.fields

  for (const name of input.badTypes) fail(`${name} must be a string or a number`)
  for (const [name, n] of input.repeated) fail(`${name} was given ${n} times; send it once`)

  // service_code
  const code = f.get('service_code')
  const service = code === undefined ? undefined : catalogue.services.get(code)
  if (code === undefined) fail('service_code is required; see /open311/v2/services.json for the codes')
  else if (!service) fail(`service_code ${quote(code)} is not a service of ${JURISDICTION_ID}; see /open311/v2/services.json for the codes`, 404)

  // location: lat and long together, or address_string, or address_id
  let lat: number | null = null
  let long: number | null = null
  const latText = f.get('lat')
  const longText = f.get('long')
  if (latText !== undefined || longText !== undefined) {
    if (latText === undefined) fail('lat and long must be sent together; lat is missing')
    else if (longText === undefined) fail('lat and long must be sent together; long is missing')
    else {
      const la = coordinate(latText, 90)
      const lo = coordinate(longText, 180)
      if (la === undefined) fail(`lat must be a number from -90 to 90; got ${quote(latText)}`)
      if (lo === undefined) fail(`long must be a number from -180 to 180; got ${quote(longText)}`)
      if (la !== undefined && lo !== undefined) {
        const b = THANE_BOUNDS
        if (la < b.minLat || la > b.maxLat || lo < b.minLong || lo > b.maxLong) {
          fail(`lat ${la}, long ${lo} is outside Thane (lat ${b.minLat} to ${b.maxLat}, long ${b.minLong} to ${b.maxLong}); this sandbox takes requests inside the city only`)
        } else {
          lat = la
          long = lo
        }
      }
    }
  } else if (!f.has('address_string') && !f.has('address_id')) {
    fail('a location is required: lat and long, address_string or address_id')
  }

  // attributes, in the definition's order
  const attributes: Record<string, string | string[]> = {}
  if (service) {
    const definition = catalogue.definitions.get(service.service_code) ?? []
    const byCode = new Map(definition.map((a) => [a.code, a]))
    for (const given of input.attributes.keys()) {
      const a = byCode.get(given)
      if (!a) fail(`attribute[${given}] is not an attribute of service ${service.service_code}; see /open311/v2/services/${service.service_code}.json`)
      else if (!a.variable) fail(`attribute[${given}] is informational (variable false) and takes no value`)
    }
    for (const a of definition) {
      if (!a.variable) continue
      const values = input.attributes.get(a.code)?.values ?? []
      const name = `attribute[${a.code}]`
      if (values.length === 0) {
        if (a.required) fail(`${name} is required: ${a.description}`)
        continue
      }
      if (a.datatype === 'multivaluelist') {
        const keys = (a.values ?? []).map((v) => v.key)
        const bad = values.filter((v) => !keys.includes(v))
        if (bad.length > 0) fail(`${name} values must be among ${keys.join(', ')}; got ${quote(bad.join(','))}`)
        else attributes[a.code] = values
        continue
      }
      if (values.length > 1) {
        fail(`${name} takes one value; got ${values.length}`)
        continue
      }
      const value = values[0] as string
      const problem = attributeProblem(a, value)
      if (problem) fail(`${name} ${problem}`)
      else attributes[a.code] = value
    }
  }

  // text fields
  const text: Partial<Record<TextField, string>> = {}
  for (const [name, limit] of Object.entries(FIELD_LIMITS) as [TextField, number][]) {
    const value = f.get(name)
    if (value === undefined) continue
    const problem = textProblem(value, limit, MULTILINE.has(name)) ?? formatProblem(name, value)
    if (problem) fail(`${name} ${problem}`)
    else text[name] = value
  }

  if (errors.length > 0) throw new Open311Error(errors.some((e) => e.code === 404) ? 404 : 400, errors)
  return { service: service as Service, lat, long, text, attributes }
}

function coordinate(text: string, limit: number): number | undefined {
  if (!NUMBER.test(text)) return undefined
  const n = Number(text)
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined
}

/** What is wrong with a text value (length in characters, line breaks, characters XML cannot carry), or undefined. */
function textProblem(value: string, limit: number, multiline: boolean): string | undefined {
  const bad = firstNonXmlChar(value)
  if (bad) return `contains ${bad.char} at character ${bad.position}, which XML 1.0 cannot carry; remove control characters other than tab, line feed and carriage return`
  const n = codePoints(value)
  if (n > limit) return `is ${thousands(n)} characters long; the limit is ${thousands(limit)}`
  if (!multiline && /[\r\n]/.test(value)) return 'must be a single line; it contains a line break'
  return undefined
}

function formatProblem(name: TextField, value: string): string | undefined {
  switch (name) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : `must be an address like name@example.com; got ${quote(value)}`
    case 'phone':
      return /^\+?[0-9][0-9 ()-]*$/.test(value) ? undefined : `must be digits, spaces, ( ) and - with an optional leading +; got ${quote(value)}`
    case 'media_url':
      return isHttpUrl(value) ? undefined : `must be an http or https URL; got ${quote(value)}`
    case 'description_language':
      return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value) ? undefined : `must be a language tag like mr, hi or en; got ${quote(value)}`
    default:
      return undefined
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

function attributeProblem(a: Attribute, value: string): string | undefined {
  switch (a.datatype) {
    case 'singlevaluelist': {
      const keys = (a.values ?? []).map((v) => v.key)
      return keys.includes(value) ? undefined : `must be one of ${keys.join(', ')}; got ${quote(value)}`
    }
    case 'number':
      return NUMBER.test(value) && Number.isFinite(Number(value)) ? undefined : `must be a number; got ${quote(value)}`
    case 'datetime':
      return parseW3cDateTime(value) !== undefined || isIsoDate(value)
        ? undefined
        : `must be an ISO 8601 date-time with a zone, like 2026-07-14T09:00:00+05:30 (or a date, 2026-07-14); got ${quote(value)}`
    case 'string':
      return textProblem(value, ATTRIBUTE_LIMITS.string, false)
    case 'text':
      return textProblem(value, ATTRIBUTE_LIMITS.text, true)
    default:
      return undefined
  }
}
