import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import envPaths from 'env-paths'
import { ConfigError } from './errors.js'

/** Where the sandbox listens unless told otherwise. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:4100'

/**
 * The key every sandbox accepts unless it was started with its own. The SDK sends it to a sandbox on
 * this machine (a loopback URL) when no key is configured, so the quick start needs no set-up.
 */
export const SANDBOX_DEV_API_KEY = 'thane-sandbox-dev-key'

/** Paths of the three APIs on a host that serves them all, as the sandbox does. */
export const API_PATHS = {
  sensors: '/sensorthings/v1.1',
  grievances: '/open311/v2',
  transitStatic: '/gtfs/static.zip',
  vehiclePositions: '/gtfs-rt/vehicle-positions',
  tripUpdates: '/gtfs-rt/trip-updates',
  alerts: '/gtfs-rt/alerts',
} as const

/** Options of `createClient()`. Every field is optional; see `resolveConfig()` for the fallbacks. */
export interface ClientOptions {
  /** One host serving all three APIs at the sandbox's paths. Default: `THANE_API_URL`, the config file, then `http://127.0.0.1:4100`. */
  baseUrl?: string
  /**
   * API key sent where an API needs one (Open311 POST). Default: `THANE_API_KEY`, then the config
   * file; for an API on this machine (127.0.0.1, localhost, ::1), the sandbox's development key.
   */
  apiKey?: string
  /** A named profile of the config file (`profiles.<name>`). Default: `THANE_PROFILE`. */
  profile?: string
  /** The config file to read, or `false` to read none. Default: `THANE_CONFIG`, then `<XDG config>/thane/config.json`. */
  configFile?: string | false
  /** Per-request timeout in milliseconds. Default: 10 000. */
  timeoutMs?: number
  /** How many times an idempotent request is retried on network errors, 5xx and 429. Default: 2. */
  retries?: number
  /** Folder for cached downloads (the GTFS feed, ...). Default: `THANE_CACHE_DIR`, then `<XDG cache>/thane`. */
  cacheDir?: string
  /** OGC SensorThings service root (`…/v1.1`). Default: `<baseUrl>/sensorthings/v1.1`. */
  sensors?: { url?: string }
  /** Open311 GeoReport v2 root. Default: `<baseUrl>/open311/v2`, the client's `apiKey`, JSON. */
  grievances?: { url?: string; apiKey?: string; jurisdictionId?: string; format?: 'json' | 'xml' }
  /** GTFS static feed and GTFS-Realtime feeds. Default: the sandbox's paths under `baseUrl`. */
  transit?: { staticUrl?: string; vehiclePositionsUrl?: string; tripUpdatesUrl?: string; alertsUrl?: string }
  /** The environment to read (tests pass their own). Default: `process.env`. */
  env?: NodeJS.ProcessEnv
}

/** Where the effective base URL came from. */
export type ConfigSource = 'options' | 'env' | 'file' | 'default'

/** The configuration after every fallback has been applied. */
export interface ResolvedConfig {
  baseUrl: string
  apiKey: string | undefined
  timeoutMs: number
  retries: number
  cacheDir: string
  sensors: { url: string }
  grievances: { url: string; apiKey: string | undefined; jurisdictionId: string | undefined; format: 'json' | 'xml' }
  transit: { staticUrl: string; vehiclePositionsUrl: string; tripUpdatesUrl: string; alertsUrl: string }
  /** Where the base URL came from, the config file that was read (if any) and the profile used. */
  source: { baseUrl: ConfigSource; configFile: string | undefined; profile: string | undefined }
}

type FileConfig = Omit<ClientOptions, 'configFile' | 'env' | 'profile'> & { profiles?: Record<string, FileConfig> }

/** The config file the SDK reads when no `configFile` option is given. */
export function defaultConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.THANE_CONFIG) return env.THANE_CONFIG
  const base = env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, 'thane') : envPaths('thane', { suffix: '' }).config
  return join(base, 'config.json')
}

/** The folder for cached downloads when no `cacheDir` option is given. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.THANE_CACHE_DIR) return env.THANE_CACHE_DIR
  return env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'thane') : envPaths('thane', { suffix: '' }).cache
}

/** The folder for data the kit keeps (the sandbox's database, ...): `THANE_DATA_DIR`, then `<XDG data>/thane`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.THANE_DATA_DIR) return env.THANE_DATA_DIR
  return env.XDG_DATA_HOME ? join(env.XDG_DATA_HOME, 'thane') : envPaths('thane', { suffix: '' }).data
}

/**
 * Resolves the client configuration. Each field comes from the first place that sets it:
 * the options, then the environment (`THANE_API_URL`, `THANE_API_KEY`), then the config file
 * (its chosen profile over its top level), then the default. Throws `ConfigError` for an
 * unreadable or invalid config file, an unknown profile or a malformed URL.
 */
export function resolveConfig(options: ClientOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env
  const { file, path: configFile } = readConfigFile(options.configFile, env)
  const profileName = options.profile ?? env.THANE_PROFILE
  let fromFile: FileConfig = file ?? {}
  if (profileName) {
    const profile = file?.profiles?.[profileName]
    if (!profile) {
      const known = Object.keys(file?.profiles ?? {})
      throw new ConfigError(
        `profile "${profileName}" is not in ${configFile ?? 'the config file'}` +
          (known.length ? `; known profiles: ${known.join(', ')}` : '; it defines no profiles'),
        configFile ? { path: configFile } : {},
      )
    }
    fromFile = { ...fromFile, ...profile, sensors: { ...fromFile.sensors, ...profile.sensors }, grievances: { ...fromFile.grievances, ...profile.grievances }, transit: { ...fromFile.transit, ...profile.transit } }
  }

  const pick = <T>(...values: (T | undefined)[]): T | undefined => values.find((v) => v !== undefined && v !== '')
  const envUrl = env.THANE_API_URL || undefined
  const baseSource: ConfigSource = options.baseUrl ? 'options' : envUrl ? 'env' : fromFile.baseUrl ? 'file' : 'default'
  const baseUrl = checkUrl(pick(options.baseUrl, envUrl, fromFile.baseUrl) ?? DEFAULT_BASE_URL, 'baseUrl', baseSource, configFile)
  const apiKey = pick(options.apiKey, env.THANE_API_KEY, fromFile.apiKey)
  const url = (path: string) => baseUrl.replace(/\/+$/, '') + path
  const sub = <K extends 'sensors' | 'grievances' | 'transit'>(k: K) => ({ ...fromFile[k], ...options[k] }) as NonNullable<ClientOptions[K]>
  const sensors = sub('sensors')
  const grievances = sub('grievances')
  const transit = sub('transit')
  // A per-API URL is checked with the name of the place it came from, so a bad one is easy to find.
  const at = (value: string | undefined, fallback: string, name: string) => {
    if (!value) return fallback
    const [api, field] = name.split('.') as ['sensors' | 'grievances' | 'transit', string]
    const fromOptions = (options[api] as Record<string, unknown> | undefined)?.[field] !== undefined
    return checkUrl(value, name, fromOptions ? 'options' : 'file', configFile)
  }

  const format = grievances.format ?? 'json'
  if (format !== 'json' && format !== 'xml') throw new ConfigError(`grievances.format must be "json" or "xml", not "${String(format)}"`)
  const timeoutMs = options.timeoutMs ?? fromFile.timeoutMs ?? 10_000
  const retries = options.retries ?? fromFile.retries ?? 2
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) throw new ConfigError(`timeoutMs must be a positive number of milliseconds, not ${String(timeoutMs)}`)
  if (!(Number.isInteger(retries) && retries >= 0)) throw new ConfigError(`retries must be a whole number of 0 or more, not ${String(retries)}`)

  const grievancesUrl = at(grievances.url, url(API_PATHS.grievances), 'grievances.url')
  return {
    baseUrl,
    apiKey,
    timeoutMs,
    retries,
    cacheDir: pick(options.cacheDir, env.THANE_CACHE_DIR, fromFile.cacheDir) ?? defaultCacheDir(env),
    sensors: { url: at(sensors.url, url(API_PATHS.sensors), 'sensors.url') },
    grievances: {
      url: grievancesUrl,
      apiKey: pick(grievances.apiKey, apiKey) ?? (grievancesUrl && isLoopback(grievancesUrl) ? SANDBOX_DEV_API_KEY : undefined),
      jurisdictionId: grievances.jurisdictionId,
      format,
    },
    transit: {
      staticUrl: at(transit.staticUrl, url(API_PATHS.transitStatic), 'transit.staticUrl'),
      vehiclePositionsUrl: at(transit.vehiclePositionsUrl, url(API_PATHS.vehiclePositions), 'transit.vehiclePositionsUrl'),
      tripUpdatesUrl: at(transit.tripUpdatesUrl, url(API_PATHS.tripUpdates), 'transit.tripUpdatesUrl'),
      alertsUrl: at(transit.alertsUrl, url(API_PATHS.alerts), 'transit.alertsUrl'),
    },
    source: { baseUrl: baseSource, configFile, profile: profileName || undefined },
  }
}

function readConfigFile(option: string | false | undefined, env: NodeJS.ProcessEnv): { file?: FileConfig; path?: string } {
  if (option === false) return {}
  const path = option ?? defaultConfigFile(env)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') {
      // No config file is the normal case; one that was named explicitly must exist.
      if (option === undefined && !env.THANE_CONFIG) return {}
      const fix = option === undefined ? 'named by THANE_CONFIG does not exist; create it or unset THANE_CONFIG' : 'named by the configFile option does not exist; create it or pass another'
      throw new ConfigError(`the config file ${path} ${fix}`, { path }, { cause: err })
    }
    throw new ConfigError(`cannot read the config file ${path} (${code ?? String(err)}); fix it or point THANE_CONFIG elsewhere`, { path }, { cause: err })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (err) {
    throw new ConfigError(`the config file ${path} is not valid JSON (${(err as Error).message}); fix it or delete it`, { path }, { cause: err })
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`the config file ${path} must hold a JSON object such as {"baseUrl": "http://127.0.0.1:4100"}`, { path })
  }
  return { file: parsed as FileConfig, path }
}

function checkUrl(value: unknown, name: string, source: ConfigSource, configFile: string | undefined): string {
  const where = source === 'env' ? ' (from THANE_API_URL)' : source === 'file' ? ` (from ${configFile})` : ''
  const at = source === 'file' && configFile ? { path: configFile } : {}
  if (typeof value !== 'string') throw new ConfigError(`${name}${where} must be a URL string`, at)
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new ConfigError(`${name}${where} is not a valid URL: "${value}"; use a full URL such as http://127.0.0.1:4100`, at)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`${name}${where} must be an http or https URL, not "${value}"`, at)
  }
  return value
}

/** A URL on this machine: where a sandbox, and never a city's real API, would answer. */
function isLoopback(url: string): boolean {
  const host = new URL(url).hostname
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host)
}
