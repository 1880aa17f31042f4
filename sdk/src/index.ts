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
export {
  SensorQuery,
  BoundQuery,
  FilterExpr,
  sensorQuery,
  sensorFilter,
  literal,
  subIndex,
  computeAqi,
  averagesFrom,
  aqiCategory,
  AQI_BREAKPOINTS,
  AQI_CATEGORIES,
  AQI_DECIMALS,
  AQI_AVERAGING_HOURS,
  POLLUTANTS,
  MIN_HOURS_24H,
  MIN_HOURS_8H,
} from './sensors/index.js'
export type {
  SensorsClient,
  EntitySet,
  EntityBySet,
  EntityOf,
  Entity,
  JsonObject,
  GeoJson,
  UnitOfMeasurement,
  Thing,
  Location,
  HistoricalLocation,
  Datastream,
  Sensor,
  ObservedProperty,
  Observation,
  FeatureOfInterest,
  Page,
  LatLon,
  StationsOptions,
  Station,
  LatestReading,
  ObservationsOptions,
  Pollutant,
  AqiCategoryName,
  AqiCategory,
  PollutantAverages,
  AqiSubIndex,
  AqiResult,
  TimedValue,
  AveragingResult,
  StationAqiOptions,
  StationAqi,
  FilterBuilder,
  FilterObject,
  GeoPoint,
  Literal,
  Operand,
  OrderKey,
  QueryInput,
  QueryOptions,
  SortDirection,
  FunctionArg,
} from './sensors/index.js'
