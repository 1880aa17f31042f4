import type { ResolvedConfig } from '../config.js'
import type { HttpClient } from '../http/client.js'
import { getRequest, listRequests, resolveToken, submitRequest } from './requests.js'
import { getDefinition, listServices } from './services.js'
import type {
  ListRequestsFilters,
  Service,
  ServiceDefinition,
  ServiceRequest,
  SubmitOptions,
  SubmitRequestInput,
  SubmitResult,
  TokenResult,
} from './types.js'

export type * from './types.js'

/**
 * The city's grievances (civic complaints) through Open311 GeoReport v2, as `city.grievances`.
 * It talks to `config.grievances.url` in `config.grievances.format` (`json` by default, or `xml`,
 * which every GeoReport server must speak), and sends `jurisdiction_id` when one is configured.
 *
 * Errors: an HTTP error status is an `ApiError` whose `body` is the server's Open311 error list
 * (`[{ code, description }]`, from JSON or XML) and whose message carries the descriptions; a 2xx
 * answer that is not GeoReport v2 is an `ApiError` too; input the standard would refuse is an
 * `InputError` (with `field`) thrown before anything is sent.
 *
 * @example
 * const city = createClient()
 * const [pothole] = (await city.grievances.services()).filter((s) => s.group === 'roads')
 * const { serviceRequestId } = await city.grievances.submit({ serviceCode: pothole.serviceCode, location: { lat: 19.1972, lon: 72.9722 } })
 */
export interface GrievancesClient {
  /**
   * The request types the city accepts (`GET services`).
   *
   * @example
   * for (const s of await city.grievances.services()) console.log(s.serviceCode, s.serviceName, s.metadata)
   */
  services(): Promise<Service[]>

  /**
   * The extra attributes a request type takes (`GET services/{service_code}`), sorted by `order`.
   * Only needed for services whose `metadata` is `true`.
   *
   * @example
   * const { attributes } = await city.grievances.definition('GARBAGE')
   * const required = attributes.filter((a) => a.variable && a.required).map((a) => a.code)
   */
  definition(serviceCode: string): Promise<ServiceDefinition>

  /**
   * Files a grievance (`POST requests`, form-encoded with `api_key` from the configuration).
   * Throws `InputError` before sending when the service code or the location is missing, a
   * coordinate is half given, out of range or not finite, the description is over 4,000
   * characters, or no API key is configured. Without `idempotencyKey` the POST is never retried.
   *
   * @example
   * const result = await city.grievances.submit(
   *   { serviceCode: 'POTHOLE', location: { lat: 19.1972, lon: 72.9722 }, description: 'Deep pothole near Teen Hath Naka',
   *     attributes: { SIZE: 'large', HAZARDS: ['traffic', 'water'] } },
   *   { idempotencyKey: crypto.randomUUID() },
   * )
   * if (result.token) console.log('queued; resolve it later with resolveToken()')
   */
  submit(input: SubmitRequestInput, options?: SubmitOptions): Promise<SubmitResult>

  /**
   * One service request (`GET requests/{id}`). An unknown id is an `ApiError` with status 404,
   * also when the server answers 200 with an empty list.
   *
   * @example
   * const request = await city.grievances.get('TMC-2026-000042')
   * console.log(request.status, request.updatedDatetime) // datetimes exactly as sent, e.g. '2026-07-14T09:00:00+05:30'
   */
  get(serviceRequestId: string): Promise<ServiceRequest>

  /**
   * Service requests matching the filters (`GET requests`), fetched a page at a time as the
   * iterator is consumed (the `page`/`page_size` extension; a server without it is read once, never
   * looped over). Sends `extensions=true`; the extra fields land in each request's `extensions`.
   * Bad filters throw an `InputError` from this call, before any request.
   *
   * @example
   * for await (const r of city.grievances.list({ status: 'open', ward: 'Naupada', startDate: '2026-07-01T00:00:00+05:30' })) {
   *   console.log(r.serviceRequestId, r.serviceName, r.address)
   * }
   */
  list(filters?: ListRequestsFilters): AsyncIterableIterator<ServiceRequest>

  /**
   * The service request id behind a token that `submit()` returned for a batch service
   * (`GET tokens/{token}`); `serviceRequestId` is `undefined` while the server has not assigned one.
   *
   * @example
   * const { serviceRequestId } = await city.grievances.resolveToken(result.token!)
   */
  resolveToken(token: string): Promise<TokenResult>
}

/**
 * Builds `city.grievances` from the client's configuration and HTTP layer. The configuration is
 * read at each call.
 * @internal
 */
export function createGrievancesClient(config: ResolvedConfig, http: HttpClient): GrievancesClient {
  const ctx = { config, http }
  return {
    services: () => listServices(ctx),
    definition: (serviceCode) => getDefinition(ctx, serviceCode),
    submit: (input, options) => submitRequest(ctx, input, options),
    get: (serviceRequestId) => getRequest(ctx, serviceRequestId),
    list: (filters) => listRequests(ctx, filters),
    resolveToken: (token) => resolveToken(ctx, token),
  }
}
