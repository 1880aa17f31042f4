/**
 * The Open311 GeoReport v2 resources in TypeScript's camelCase. On the wire every name stays the
 * standard's (`service_code`, `long`, `attribute[CODE]`, ...); `wire.ts` converts between the two.
 *
 * Reading is lenient, because real servers differ: ids and codes arrive as strings or numbers and
 * are always returned as strings; flags arrive as `true` or `"true"`; numbers as numbers or numeric
 * strings; an empty string or `null` is the same as an absent field. Datetimes are returned exactly
 * as the server sent them (`2026-07-14T09:00:00+05:30` keeps its `+05:30`): parse them with
 * `new Date(s)` when you need an instant, but show them as sent when the local offset matters.
 */

/** How a service's requests are acknowledged: at once (`realtime`), through a token (`batch`), or not at all (`blackbox`). */
export type ServiceType = 'realtime' | 'batch' | 'blackbox'

/** A request type the city accepts (one `service` of `GET services`). */
export interface Service {
  /** Unique id of the request type; send it as `serviceCode`. Always a string (`"001"` stays `"001"`). */
  serviceCode: string
  /** Human name. An empty string only when the server sent none. */
  serviceName: string
  /** Short description, when the server gives one. */
  description?: string
  /** `true`: call `definition(serviceCode)` for the extra attributes this service takes. Absent reads as `false`. */
  metadata: boolean
  /** How a submitted request is acknowledged. Absent or unrecognised reads as `realtime`. */
  type: ServiceType
  /** Tags and synonyms (the wire's comma-separated `keywords`, split and trimmed). Empty when absent. */
  keywords: string[]
  /** A category for grouping, e.g. `sanitation`. */
  group?: string
}

/** The datatypes of a service attribute; other values a server invents are passed through as strings. */
export type ServiceAttributeDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist' | (string & {})

/** One choice of a `singlevaluelist` or `multivaluelist` attribute. */
export interface ServiceAttributeValue {
  /** What to send in `attributes[code]`. Always a string. */
  key: string
  /** The label to show. */
  name: string
}

/** One extra field a service takes (an `attribute` of its service definition). */
export interface ServiceAttribute {
  /** `true`: the user answers it; `false`: informational text only (shown from `description`). Absent reads as `true`. */
  variable: boolean
  /** Unique id, the key of `attributes` in `submit()` (`attribute[code]` on the wire). */
  code: string
  /** Which input to show; see `ServiceAttributeDatatype`. Absent reads as `string`. */
  datatype: ServiceAttributeDatatype
  /** Whether `submit()` must send it. Absent reads as `false`. */
  required: boolean
  /** A hint for the user, when there is one. */
  datatypeDescription?: string
  /** Position in the form, 1 first. Absent reads as the attribute's position in the server's list. */
  order: number
  /** The question or instructions. An empty string only when the server sent none. */
  description: string
  /** The choices of a list datatype; empty for the others. */
  values: ServiceAttributeValue[]
}

/** The extra attributes of a service (`GET services/{service_code}`), sorted by `order`. */
export interface ServiceDefinition {
  serviceCode: string
  attributes: ServiceAttribute[]
}

/** The two statuses of GeoReport v2. */
export type ServiceRequestStatus = 'open' | 'closed'

/** A service request (grievance) as the server reports it. */
export interface ServiceRequest {
  /** Always a string. */
  serviceRequestId: string
  /** `closed` when the server says so (any letter case); any other status a server invents reads as `open`. */
  status: ServiceRequestStatus
  /** Why the status is what it is, e.g. how the request was resolved. */
  statusNotes?: string
  serviceName?: string
  serviceCode: string
  description?: string
  /** The agency that handles the request. */
  agencyResponsible?: string
  /** What to expect next, e.g. how long such requests take. */
  serviceNotice?: string
  /** When it was filed: ISO 8601 exactly as the server sent it, offset included. */
  requestedDatetime?: string
  /** Last change (for a closed request: when it was closed), as sent. */
  updatedDatetime?: string
  /** When the city expects to fulfil it, as sent. */
  expectedDatetime?: string
  /** Human-readable address, most specific part first. */
  address?: string
  /** The city's id of the address. */
  addressId?: string
  zipcode?: string
  /** WGS 84 latitude. */
  lat?: number
  /** WGS 84 longitude (the wire's `long`). */
  lon?: number
  /** A photo or other media of the request. */
  mediaUrl?: string
  /**
   * Every field the server sent that GeoReport v2 does not define, under its wire name, e.g. the
   * sandbox's `ward`, or the `notes` and `extended_attributes` of servers that support
   * `extensions=true`. Absent when there are none.
   */
  extensions?: Record<string, unknown>
}

/** Latitude and longitude (WGS 84): `lat` in [-90, 90], `lon` in [-180, 180]. */
export interface LatLon {
  lat: number
  lon: number
}

/**
 * Where the problem is: a coordinate pair, an address, or the city's address id. Giving more than
 * one sends them all (servers use the most precise one).
 */
export type SubmitLocation = LatLon | { addressString: string } | { addressId: string }

/** A grievance to file with `submit()`. Empty strings are left out, as the standard requires. */
export interface SubmitRequestInput {
  /** The request type, from `services()`. Required. */
  serviceCode: string
  /** Required: see `SubmitLocation`. */
  location: SubmitLocation
  /** Free text, line breaks allowed, no HTML; at most 4,000 characters (Unicode code points). */
  description?: string
  /**
   * Answers to the service definition's attributes, by attribute code: a string or number, or for a
   * `multivaluelist` an array of value keys (sent as repeated `attribute[CODE][]`).
   */
  attributes?: Record<string, string | number | string[]>
  email?: string
  /** A unique id of the device filing the request. */
  deviceId?: string
  /** The filer's account id on the city's system. */
  accountId?: string
  firstName?: string
  lastName?: string
  phone?: string
  /** A URL of a photo or other media (GeoReport v2 has no upload). */
  mediaUrl?: string
}

/** Options of `submit()`. */
export interface SubmitOptions {
  /**
   * Sent as the `Idempotency-Key` header (an extension the sandbox supports; other servers ignore
   * it). With a key, a POST that fails with a network error, 5xx or 429 is retried; without one a POST
   * is never retried, so a grievance is never filed twice by the SDK.
   */
  idempotencyKey?: string
}

/**
 * What the server acknowledged: a `serviceRequestId` (realtime services), a `token` to pass to
 * `resolveToken()` later (batch services), or neither (blackbox services).
 */
export interface SubmitResult {
  serviceRequestId?: string
  token?: string
  /** What to expect next, when the server says. */
  serviceNotice?: string
  /** The filer's account id, when the server assigns one. */
  accountId?: string
}

/** The answer of `resolveToken()`: `serviceRequestId` is `undefined` while the request is not yet processed. */
export interface TokenResult {
  serviceRequestId: string | undefined
  token: string
}

/** Filters of `list()`. Every one is optional; the server's defaults apply (the last 90 days, both statuses). */
export interface ListRequestsFilters {
  /** One id or several; when given, the standard says every other filter is ignored. */
  serviceRequestId?: string | string[]
  /** One request type or several. */
  serviceCode?: string | string[]
  /** Earliest `requestedDatetime`: a `Date`, or an ISO 8601 string with its offset (`Z` or `+05:30`), sent as is. */
  startDate?: Date | string
  /** Latest `requestedDatetime`, like `startDate`. The standard caps the window at 90 days. */
  endDate?: Date | string
  /** `open`, `closed` or both. */
  status?: ServiceRequestStatus | ServiceRequestStatus[]
  /** Sandbox extension: only requests of this ward (sent as `ward`; servers without it ignore it). */
  ward?: string
  /** Requests asked for per page (the `page_size` extension). Default: 100. */
  pageSize?: number
}

/** One entry of an Open311 error list, as found in `ApiError.body`. */
export interface Open311Error {
  /** The server's code: usually the HTTP status, sometimes a finer one. */
  code: number | string
  description: string
}
