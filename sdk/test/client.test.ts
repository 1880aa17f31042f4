import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as sdk from '../src/index.js'
import { ApiError, ConfigError, createClient, urlJoin } from '../src/index.js'
import { send, startServer, type Handler, type LocalServer } from './helpers/local-server.js'

const servers: LocalServer[] = []
const folders: string[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

async function serve(handler: Handler = (res) => send(res, 200, { ok: true })): Promise<LocalServer> {
  const server = await startServer(handler)
  servers.push(server)
  return server
}

describe('createClient', () => {
  it('createClient: sends requests to the base URL given in the options', async () => {
    const server = await serve()
    const city = createClient({ baseUrl: server.url, env: {}, configFile: false })

    const response = await city.http.get(urlJoin(city.config.baseUrl, 'healthz'))

    expect(city.config.source.baseUrl).toBe('options')
    expect(response.body).toEqual({ ok: true })
    expect(server.hits.map((hit) => hit.path)).toEqual(['/healthz'])
  })

  it('createClient: takes the base URL from THANE_API_URL and puts each API at its sandbox path', async () => {
    const server = await serve()
    const city = createClient({ env: { THANE_API_URL: server.url }, configFile: false })

    await city.http.get(urlJoin(city.config.grievances.url, 'services.json'))
    await city.http.get(urlJoin(city.config.sensors.url, 'Things'))
    await city.http.get(city.config.transit.vehiclePositionsUrl, { responseType: 'buffer' })

    expect(city.config).toMatchObject({ baseUrl: server.url, source: { baseUrl: 'env' }, grievances: { url: `${server.url}/open311/v2` } })
    expect(server.hits.map((hit) => hit.path)).toEqual(['/open311/v2/services.json', '/sensorthings/v1.1/Things', '/gtfs-rt/vehicle-positions'])
  })

  it('createClient: an API given its own URL is reached on its own host', async () => {
    const base = await serve()
    const open311 = await serve()
    const city = createClient({ baseUrl: base.url, grievances: { url: `${open311.url}/georeport/v2` }, env: {}, configFile: false })

    await city.http.get(urlJoin(city.config.grievances.url, 'requests.json'))
    await city.http.get(urlJoin(city.config.sensors.url, 'Datastreams(1)'))

    expect(open311.hits.map((hit) => hit.path)).toEqual(['/georeport/v2/requests.json'])
    expect(base.hits.map((hit) => hit.path)).toEqual(['/sensorthings/v1.1/Datastreams(1)'])
  })

  it('createClient: uses a profile of the config file', async () => {
    const server = await serve()
    const folder = mkdtempSync(join(tmpdir(), 'thane-client-'))
    folders.push(folder)
    const configFile = join(folder, 'config.json')
    writeFileSync(configFile, JSON.stringify({ baseUrl: 'http://127.0.0.1:9', profiles: { local: { baseUrl: server.url } } }))

    const city = createClient({ env: { THANE_CONFIG: configFile, THANE_PROFILE: 'local' } })
    await city.http.get(urlJoin(city.config.baseUrl, 'healthz'))

    expect(city.config.source).toEqual({ baseUrl: 'file', configFile, profile: 'local' })
    expect(server.hits).toHaveLength(1)
  })

  it('createClient: applies the configured retries to its requests', async () => {
    const server = await serve((res) => send(res, 502))
    const city = createClient({ baseUrl: server.url, retries: 0, env: {}, configFile: false })

    const failure = city.http.get(urlJoin(server.url, 'x'))

    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ code: 'E_API', status: 502, message: `GET ${server.url}/x answered 502 Bad Gateway` })
    expect(server.hits).toHaveLength(1)
  })

  it('createClient: an invalid configuration throws a ConfigError before any request', () => {
    const create = () => createClient({ env: { THANE_API_URL: 'ftp://files.example' }, configFile: false })

    expect(create).toThrow(ConfigError)
    expect(create).toThrow('baseUrl (from THANE_API_URL) must be an http or https URL, not "ftp://files.example"')
  })
})

describe('package root', () => {
  it('exports the client, the configuration, every error class, the version and the sensors query builder and AQI functions, the GTFS loader and GTFS-Realtime decoder, and nothing of the sandbox', () => {
    expect(Object.keys(sdk).sort()).toEqual([
      'API_PATHS',
      'AQI_AVERAGING_HOURS',
      'AQI_BREAKPOINTS',
      'AQI_CATEGORIES',
      'AQI_DECIMALS',
      'ApiError',
      'BoundQuery',
      'ConfigError',
      'DEFAULT_BASE_URL',
      'FilterExpr',
      'GtfsFeed',
      'InputError',
      'MIN_HOURS_24H',
      'MIN_HOURS_8H',
      'NetworkError',
      'POLLUTANTS',
      'SANDBOX_DEV_API_KEY',
      'SDK_VERSION',
      'SensorQuery',
      'ThaneError',
      'TimeoutError',
      'aqiCategory',
      'averagesFrom',
      'computeAqi',
      'createClient',
      'decodeRealtime',
      'defaultCacheDir',
      'defaultConfigFile',
      'defaultDataDir',
      'feedCacheDir',
      'formatGtfsTime',
      'literal',
      'loadGtfs',
      'parseGtfsTime',
      'resolveConfig',
      'sensorFilter',
      'sensorQuery',
      'subIndex',
      'urlJoin',
    ])
  })
})
