import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { API_PATHS, DEFAULT_BASE_URL, SANDBOX_DEV_API_KEY, defaultCacheDir, defaultConfigFile, resolveConfig } from '../src/config.js'
import { ConfigError } from '../src/errors.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thane-config-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Writes a config file (an object as JSON, a string as is) into the test's folder. */
function configFile(content: unknown, name = 'config.json'): string {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

/** The ConfigError a call throws; fails the test when it returns. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return err as ConfigError
  }
  throw new Error('expected a ConfigError, but nothing was thrown')
}

describe('precedence', () => {
  it('resolveConfig: options beat the environment, which beats the config file, which beats the default', () => {
    const path = configFile({ baseUrl: 'http://file.example', apiKey: 'file-key' })
    const env = { THANE_API_URL: 'http://env.example', THANE_API_KEY: 'env-key' }

    const fromOptions = resolveConfig({ baseUrl: 'http://options.example', apiKey: 'options-key', configFile: path, env })
    const fromEnv = resolveConfig({ configFile: path, env })
    const fromFile = resolveConfig({ configFile: path, env: {} })
    const fromDefault = resolveConfig({ configFile: false, env: {} })

    expect([fromOptions, fromEnv, fromFile, fromDefault].map((c) => [c.baseUrl, c.apiKey, c.source.baseUrl])).toEqual([
      ['http://options.example', 'options-key', 'options'],
      ['http://env.example', 'env-key', 'env'],
      ['http://file.example', 'file-key', 'file'],
      [DEFAULT_BASE_URL, undefined, 'default'],
    ])
    expect(fromFile.source.configFile).toBe(path)
    expect(fromDefault.source.configFile).toBeUndefined()
  })

  it('resolveConfig: an empty environment variable counts as unset', () => {
    const config = resolveConfig({ configFile: configFile({ baseUrl: 'http://file.example' }), env: { THANE_API_URL: '', THANE_API_KEY: '' } })

    expect(config).toMatchObject({ baseUrl: 'http://file.example', apiKey: undefined, source: { baseUrl: 'file' } })
  })

  it('resolveConfig: reads <XDG_CONFIG_HOME>/thane/config.json, or the file THANE_CONFIG names', () => {
    mkdirSync(join(dir, 'thane'))
    const xdgFile = configFile({ baseUrl: 'http://xdg.example' }, join('thane', 'config.json'))
    const named = configFile({ baseUrl: 'http://named.example' }, 'named.json')

    expect(defaultConfigFile({ XDG_CONFIG_HOME: dir })).toBe(xdgFile)
    expect(resolveConfig({ env: { XDG_CONFIG_HOME: dir } })).toMatchObject({ baseUrl: 'http://xdg.example', source: { configFile: xdgFile } })
    expect(resolveConfig({ env: { XDG_CONFIG_HOME: dir, THANE_CONFIG: named } })).toMatchObject({ baseUrl: 'http://named.example', source: { configFile: named } })
  })

  it('resolveConfig: a missing default config file is fine', () => {
    const config = resolveConfig({ env: { XDG_CONFIG_HOME: dir } })

    expect(config).toMatchObject({ baseUrl: DEFAULT_BASE_URL, source: { baseUrl: 'default', configFile: undefined, profile: undefined } })
  })

  it('resolveConfig: the cache folder comes from the options, THANE_CACHE_DIR, the config file, then XDG_CACHE_HOME', () => {
    const path = configFile({ cacheDir: '/file/cache' })
    const env = { THANE_CACHE_DIR: '/env/cache', XDG_CACHE_HOME: '/xdg' }

    expect(resolveConfig({ cacheDir: '/options/cache', configFile: path, env }).cacheDir).toBe('/options/cache')
    expect(resolveConfig({ configFile: path, env }).cacheDir).toBe('/env/cache')
    expect(resolveConfig({ configFile: path, env: { XDG_CACHE_HOME: '/xdg' } }).cacheDir).toBe('/file/cache')
    expect(resolveConfig({ configFile: false, env: { XDG_CACHE_HOME: '/xdg' } }).cacheDir).toBe(join('/xdg', 'thane'))
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg' })).toBe(join('/xdg', 'thane'))
  })

  it('resolveConfig: timeout and retries default to 10 s and 2, and the file or the options can change them', () => {
    const path = configFile({ timeoutMs: 5000, retries: 4 })

    expect(resolveConfig({ configFile: false, env: {} })).toMatchObject({ timeoutMs: 10_000, retries: 2 })
    expect(resolveConfig({ configFile: path, env: {} })).toMatchObject({ timeoutMs: 5000, retries: 4 })
    expect(resolveConfig({ timeoutMs: 100, retries: 0, configFile: path, env: {} })).toMatchObject({ timeoutMs: 100, retries: 0 })
  })
})

describe('per-API URLs', () => {
  it('resolveConfig: each API defaults to its sandbox path under the base URL', () => {
    const config = resolveConfig({ baseUrl: 'http://city.example:8080/', configFile: false, env: {} })

    expect(config.sensors).toEqual({ url: `http://city.example:8080${API_PATHS.sensors}` })
    expect(config.grievances).toEqual({ url: 'http://city.example:8080/open311/v2', apiKey: undefined, jurisdictionId: undefined, format: 'json' })
    expect(config.transit).toEqual({
      staticUrl: 'http://city.example:8080/gtfs/static.zip',
      vehiclePositionsUrl: 'http://city.example:8080/gtfs-rt/vehicle-positions',
      tripUpdatesUrl: 'http://city.example:8080/gtfs-rt/trip-updates',
      alertsUrl: 'http://city.example:8080/gtfs-rt/alerts',
    })
  })

  it('resolveConfig: each API URL can be set on its own, from the options or the file', () => {
    const path = configFile({ sensors: { url: 'http://file-sta.example/v1.1' }, transit: { alertsUrl: 'http://file-rt.example/alerts' } })

    const config = resolveConfig({
      baseUrl: 'http://base.example',
      apiKey: 'city-key',
      sensors: { url: 'http://options-sta.example/v1.1' },
      grievances: { url: 'https://311.example/georeport/v2', jurisdictionId: 'thane.gov.in', format: 'xml' },
      configFile: path,
      env: {},
    })

    expect(config.sensors.url).toBe('http://options-sta.example/v1.1')
    expect(config.grievances).toEqual({ url: 'https://311.example/georeport/v2', apiKey: 'city-key', jurisdictionId: 'thane.gov.in', format: 'xml' })
    expect(config.transit).toMatchObject({ alertsUrl: 'http://file-rt.example/alerts', staticUrl: 'http://base.example/gtfs/static.zip' })
  })

  it('resolveConfig: the grievances API key overrides the client\'s', () => {
    const config = resolveConfig({ apiKey: 'city-key', grievances: { apiKey: '311-key' }, configFile: false, env: {} })

    expect(config).toMatchObject({ apiKey: 'city-key', grievances: { apiKey: '311-key' } })
  })
})

describe('profiles', () => {
  const file = {
    baseUrl: 'http://top.example',
    grievances: { jurisdictionId: 'thane.gov.in' },
    profiles: {
      staging: { baseUrl: 'https://staging.example', grievances: { url: 'https://311-staging.example/v2' } },
      local: { baseUrl: 'http://127.0.0.1:4200' },
    },
  }

  it('resolveConfig: a profile from the options or THANE_PROFILE overrides the top level of the file, field by field', () => {
    const path = configFile(file)

    const staging = resolveConfig({ profile: 'staging', configFile: path, env: { THANE_PROFILE: 'local' } })
    const local = resolveConfig({ configFile: path, env: { THANE_PROFILE: 'local' } })

    expect(staging).toMatchObject({
      baseUrl: 'https://staging.example',
      grievances: { url: 'https://311-staging.example/v2', jurisdictionId: 'thane.gov.in' },
      source: { baseUrl: 'file', profile: 'staging' },
    })
    expect(local).toMatchObject({ baseUrl: 'http://127.0.0.1:4200', grievances: { url: 'http://127.0.0.1:4200/open311/v2' }, source: { profile: 'local' } })
  })

  it('resolveConfig: an unknown profile is a ConfigError that lists the known ones', () => {
    const path = configFile(file)

    const err = configError(() => resolveConfig({ profile: 'prod', configFile: path, env: {} }))

    expect(err).toMatchObject({ code: 'E_CONFIG', path, message: `profile "prod" is not in ${path}; known profiles: staging, local` })
  })

  it('resolveConfig: a profile with no config file at all says so', () => {
    const err = configError(() => resolveConfig({ configFile: false, env: { THANE_PROFILE: 'prod' } }))

    expect(err).toMatchObject({ code: 'E_CONFIG', path: undefined, message: 'profile "prod" is not in the config file; it defines no profiles' })
  })
})

describe('invalid configuration', () => {
  it('resolveConfig: a config file that is not JSON is a ConfigError naming the file', () => {
    const path = configFile('{ "baseUrl": ')

    const err = configError(() => resolveConfig({ configFile: path, env: {} }))

    expect(err.code).toBe('E_CONFIG')
    expect(err.path).toBe(path)
    expect(err.message).toMatch(new RegExp(`^the config file ${path} is not valid JSON \\(.+\\); fix it or delete it$`))
    expect(err.cause).toBeInstanceOf(SyntaxError)
  })

  it('resolveConfig: a config file that holds something other than an object is a ConfigError', () => {
    const path = configFile('["http://127.0.0.1:4100"]')

    const err = configError(() => resolveConfig({ configFile: path, env: {} }))

    expect(err).toMatchObject({ code: 'E_CONFIG', path, message: `the config file ${path} must hold a JSON object such as {"baseUrl": "http://127.0.0.1:4100"}` })
  })

  it('resolveConfig: THANE_CONFIG naming a missing file is a ConfigError', () => {
    const missing = join(dir, 'missing.json')

    const err = configError(() => resolveConfig({ env: { THANE_CONFIG: missing } }))

    expect(err).toMatchObject({ code: 'E_CONFIG', path: missing, message: `the config file ${missing} named by THANE_CONFIG does not exist; create it or unset THANE_CONFIG` })
  })

  it('resolveConfig: a configFile option naming a missing file is a ConfigError', () => {
    const missing = join(dir, 'missing.json')

    const err = configError(() => resolveConfig({ configFile: missing, env: {} }))

    expect(err).toMatchObject({ code: 'E_CONFIG', path: missing, message: `the config file ${missing} named by the configFile option does not exist; create it or pass another` })
  })

  it('resolveConfig: a config file that cannot be read is a ConfigError', () => {
    // A folder where a file should be fails to read for every user, root included.
    const err = configError(() => resolveConfig({ configFile: dir, env: {} }))

    expect(err).toMatchObject({ code: 'E_CONFIG', path: dir, message: `cannot read the config file ${dir} (EISDIR); fix it or point THANE_CONFIG elsewhere` })
  })

  it('resolveConfig: an invalid THANE_API_URL is a ConfigError that names the variable', () => {
    const err = configError(() => resolveConfig({ configFile: false, env: { THANE_API_URL: 'localhost:4100' } }))

    expect(err).toMatchObject({ code: 'E_CONFIG', message: 'baseUrl (from THANE_API_URL) must be an http or https URL, not "localhost:4100"' })

    const unparsable = configError(() => resolveConfig({ configFile: false, env: { THANE_API_URL: 'not a url' } }))
    expect(unparsable.message).toBe('baseUrl (from THANE_API_URL) is not a valid URL: "not a url"; use a full URL such as http://127.0.0.1:4100')
  })

  it('resolveConfig: an invalid URL in the config file is a ConfigError that names the file and the field', () => {
    const path = configFile({ grievances: { url: 'open311/v2' } })

    const err = configError(() => resolveConfig({ configFile: path, env: {} }))

    expect(err).toMatchObject({ code: 'E_CONFIG', path, message: `grievances.url (from ${path}) is not a valid URL: "open311/v2"; use a full URL such as http://127.0.0.1:4100` })
  })

  it('resolveConfig: invalid numbers and formats are ConfigErrors that say what is allowed', () => {
    expect(configError(() => resolveConfig({ retries: 1.5, configFile: false, env: {} })).message).toBe('retries must be a whole number of 0 or more, not 1.5')
    expect(configError(() => resolveConfig({ timeoutMs: 0, configFile: false, env: {} })).message).toBe('timeoutMs must be a positive number of milliseconds, not 0')
    const path = configFile({ grievances: { format: 'csv' } })
    expect(configError(() => resolveConfig({ configFile: path, env: {} })).message).toBe('grievances.format must be "json" or "xml", not "csv"')
  })
})

describe('the sandbox development key', () => {
  it('is the grievances key for an API on this machine when no key is configured', () => {
    expect(resolveConfig({ configFile: false, env: {} }).grievances.apiKey).toBe(SANDBOX_DEV_API_KEY)
    expect(resolveConfig({ baseUrl: 'http://localhost:4300', configFile: false, env: {} }).grievances.apiKey).toBe(SANDBOX_DEV_API_KEY)
  })

  it('is never sent to an API elsewhere, and never replaces a configured key', () => {
    expect(resolveConfig({ baseUrl: 'https://api.city.example', configFile: false, env: {} }).grievances.apiKey).toBeUndefined()
    expect(resolveConfig({ configFile: false, env: { THANE_API_KEY: 'mine' } }).grievances.apiKey).toBe('mine')
    expect(resolveConfig({ configFile: false, env: {} }).apiKey).toBeUndefined()
  })
})
