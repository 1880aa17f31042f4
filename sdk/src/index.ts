/**
 * @thanekit/sdk: typed clients for Thane's city APIs. The sandbox server is a separate entry
 * (`@thanekit/sdk/sandbox`), so a client never pulls in a server.
 *
 * @example
 * import { createClient, ApiError } from '@thanekit/sdk'
 * const city = createClient()
 */
export { createClient, type ThaneClient } from './client.js'
export {
  resolveConfig,
  defaultConfigFile,
  defaultCacheDir,
  defaultDataDir,
  DEFAULT_BASE_URL,
  SANDBOX_DEV_API_KEY,
  API_PATHS,
  type ClientOptions,
  type ResolvedConfig,
  type ConfigSource,
} from './config.js'
export { ThaneError, ApiError, NetworkError, TimeoutError, InputError, ConfigError } from './errors.js'
export { urlJoin } from './http/url.js'
export type { HttpClient, HttpResponse, HttpMethod, RequestOptions, GetOptions, SearchParams } from './http/client.js'
export { SDK_VERSION } from './version.js'
export type {
  GrievancesClient,
  Service,
  ServiceType,
  ServiceDefinition,
  ServiceAttribute,
  ServiceAttributeDatatype,
  ServiceAttributeValue,
  ServiceRequest,
  ServiceRequestStatus,
  SubmitRequestInput,
  SubmitLocation,
  SubmitOptions,
  SubmitResult,
  TokenResult,
  ListRequestsFilters,
  Open311Error,
} from './grievances/index.js'
