import { resolveConfig, type ClientOptions, type ResolvedConfig } from './config.js'
import { createGrievancesClient, type GrievancesClient } from './grievances/index.js'
import { createHttp, type HttpClient } from './http/client.js'
import { createSensorsClient, type SensorsClient } from './sensors/index.js'
import { createTransitClient, type TransitClient } from './transit/index.js'

/**
 * A client of Thane's city APIs, made by `createClient()`.
 *
 * @example
 * const city = createClient()
 * console.log(city.config.grievances.url) //=> 'http://127.0.0.1:4100/open311/v2'
 */
export interface ThaneClient {
  /** The configuration after every fallback (options, environment, config file, defaults). */
  readonly config: ResolvedConfig
  /** The HTTP layer the domain clients share: timeouts, retries and SDK errors. */
  readonly http: HttpClient
  /** Grievances (civic complaints) through Open311 GeoReport v2: `services`, `definition`, `submit`, `get`, `list`, `resolveToken`. */
  readonly grievances: GrievancesClient
  /** Sensors through OGC SensorThings API 1.1: `query`, `list`, `get`, `stations`, `latest`, `observations`, `aqi` (India's National AQI). */
  readonly sensors: SensorsClient
  /** Buses through GTFS Schedule and GTFS-Realtime: `feed`, `stops.near`, `stops.search`, `routes`, `trips`, `departures`, `vehicles`, `alerts`, `tripUpdates`. */
  readonly transit: TransitClient
}

/**
 * The one entry to the SDK: resolves the configuration and builds the HTTP layer.
 * Throws `ConfigError` when the configuration is invalid (see `resolveConfig()` for the fallbacks).
 *
 * @example
 * import { createClient } from '@thanekit/sdk'
 * const city = createClient()                                   // THANE_API_URL, the config file, or the sandbox
 * const cityB = createClient({ baseUrl: 'https://city.example', apiKey: process.env.CITY_KEY })
 * const cityC = createClient({ profile: 'staging' })            // profiles.staging of the config file
 */
export function createClient(options: ClientOptions = {}): ThaneClient {
  const config = resolveConfig(options)
  const http = createHttp(config)
  return {
    config,
    http,
    grievances: createGrievancesClient(config, http),
    sensors: createSensorsClient(config, http),
    transit: createTransitClient(config, http),
  }
}
