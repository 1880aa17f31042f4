// The sandbox starts without loading the sensors: the first request that needs them waits for one
// load, a load that fails is a 503 tried again on the next request. The parsed observations and
// the checked grievances are kept in the cache folder under the hash of their files.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest'
import { ThaneError } from '../src/errors.js'
import { datasetCacheFile } from '../src/sandbox/apis/open311/load.js'
import { observationsCacheFile } from '../src/sandbox/apis/sensorthings/load.js'
import { type Sandbox, startSandbox } from '../src/sandbox/index.js'
import { call, FIXTURES, NOW, ok, startSensors, storedObservations, VISIBLE } from './sandbox-sensorthings-helpers.js'

const BUNDLED = 204
const fixtureSensors = join(FIXTURES, 'sensors')
let cacheDir: string
let savedCacheDir: string | undefined

beforeAll(() => {
  // The observations cache goes to a folder of this test's own, not the user's cache.
  savedCacheDir = process.env.THANE_CACHE_DIR
  cacheDir = mkdtempSync(join(tmpdir(), 'thane-sensors-cache-'))
  process.env.THANE_CACHE_DIR = cacheDir
})
afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.THANE_CACHE_DIR
  else process.env.THANE_CACHE_DIR = savedCacheDir
  rmSync(cacheDir, { recursive: true, force: true })
})

/** An answer with the sandbox's own address taken out, to compare answers of two sandboxes. */
const portless = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'BASE')) as unknown

/** Rows inserted, updated or deleted through the sandbox's database connection since it opened. */
const rowChanges = (sandbox: Sandbox) => Number((sandbox.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n)

/** A datasets folder holding a copy of the fixture's sensors (a new folder: nothing of it is cached in this process). */
function copiedDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'thane-lazy-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  cpSync(fixtureSensors, join(dir, 'sensors'), { recursive: true })
  return dir
}

describe('sandbox start without loading the sensors', () => {
  test('/healthz, the index and the SensorThings root answer before the observations are imported; concurrent first requests share one load', async () => {
    const sandbox = await startSensors({ dataDir: copiedDataDir() })
    const health = await fetch(`${sandbox.url}/healthz`)
    expect(health.status).toBe(200)
    const index = (await (await fetch(`${sandbox.url}/`)).json()) as { apis: { name: string }[] }
    expect(index.apis.map((a) => a.name)).toEqual(['grievances', 'sensors', 'transit'])
    expect((await ok(sandbox, '')).value).toHaveLength(8)
    expect(storedObservations(sandbox)).toBe(0)

    const answers = await Promise.all(Array.from({ length: 5 }, () => call(sandbox, '/Observations?$count=true&$top=2')))
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(200)
      expect(answer.body['@iot.count']).toBe(VISIBLE)
      expect(answer.text).toBe(answers[0]?.text)
    }
    expect(storedObservations(sandbox)).toBe(BUNDLED)

    // One import, not one per waiting request: the database saw as many row changes as a sandbox
    // that answered a single request.
    const single = await startSensors({ dataDir: copiedDataDir() })
    await ok(single, '/Observations?$count=true&$top=2')
    expect(rowChanges(sandbox)).toBe(rowChanges(single))
    expect(rowChanges(single)).toBeGreaterThan(BUNDLED)
  })

  test('a POST before any GET waits for the load too, so the created observation follows the bundled ones', async () => {
    const sandbox = await startSensors({ dataDir: copiedDataDir() })
    const created = await call(sandbox, '/Observations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': sandbox.apiKey },
      body: JSON.stringify({ Datastream: { '@iot.id': 1 }, result: 12.5 }),
    })
    expect(created.status, created.text).toBe(201)
    expect(storedObservations(sandbox)).toBe(BUNDLED + 1)
    expect((await ok(sandbox, '/Observations?$count=true&$top=0'))['@iot.count']).toBe(VISIBLE + 1)
  })

  test('a sensors dataset that cannot be read is a one-line 503 saying why, /healthz still answers, and the next request loads it once fixed', async () => {
    const dataDir = copiedDataDir()
    const observations = join(dataDir, 'sensors', 'observations.csv.gz')
    writeFileSync(observations, 'datastream_id,phenomenon_time,result\n')
    const sandbox = await startSensors({ dataDir })

    const failed = await call(sandbox, '/Things')
    expect(failed.status).toBe(503)
    expect(failed.body).toEqual({ code: 503, type: 'error', message: expect.any(String) })
    expect(failed.body.message).toMatch(/^the sensors dataset could not be loaded: .*observations\.csv\.gz: is not a gzip file .*; the next request tries again$/)
    expect(failed.body.message).not.toMatch(/\n/)
    expect((await fetch(`${sandbox.url}/healthz`)).status).toBe(200)
    expect((await call(sandbox, '/Datastreams')).status).toBe(503)

    copyFileSync(join(fixtureSensors, 'observations.csv.gz'), observations)
    expect((await ok(sandbox, '/Things')).value).toHaveLength(3)
    expect((await ok(sandbox, '/Observations?$count=true&$top=0'))['@iot.count']).toBe(VISIBLE)
  })
})

describe('the observations cache', () => {
  const cacheFileOf = (dataDir: string) =>
    observationsCacheFile(join(dataDir, 'sensors', 'catalogue.json'), join(dataDir, 'sensors', 'observations.csv.gz'), cacheDir) as string

  test('the parsed observations are kept under the hash of both files; another copy of the same files reads them and answers the same', async () => {
    const first = copiedDataDir()
    const cacheFile = cacheFileOf(first)
    rmSync(cacheFile, { force: true })
    const path = '/Datastreams(2)/Observations?$orderby=phenomenonTime desc&$top=5'
    const fromCsv = await ok(await startSensors({ dataDir: first }), path)
    expect(existsSync(cacheFile)).toBe(true)

    const second = copiedDataDir()
    expect(cacheFileOf(second)).toBe(cacheFile)
    expect(portless(await ok(await startSensors({ dataDir: second }), path))).toEqual(portless(fromCsv))
  })

  test('a damaged cache file is passed over: the CSV is read, the answers are the same, and the file is written again whole', async () => {
    const dataDir = copiedDataDir()
    const cacheFile = cacheFileOf(dataDir)
    mkdirSync(join(cacheFile, '..'), { recursive: true })
    const path = '/Observations?$filter=result gt 40&$count=true&$top=3'
    const expected = await ok(await startSensors({ dataDir: copiedDataDir() }), path)
    const size = statSync(cacheFile).size
    truncateSync(cacheFile, size - 10)

    expect(portless(await ok(await startSensors({ dataDir }), path))).toEqual(portless(expected))
    expect(statSync(cacheFile).size).toBe(size)
    expect(readFileSync(cacheFile).subarray(0, 8).toString('latin1')).toBe('THOBS001')
  })

  test('a changed observations file is not served from the cache of the old one', async () => {
    const dataDir = copiedDataDir()
    const before = cacheFileOf(dataDir)
    await ok(await startSensors({ dataDir }), '/Things')
    const { gzipSync, gunzipSync } = await import('node:zlib')
    const file = join(dataDir, 'sensors', 'observations.csv.gz')
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n')
    writeFileSync(file, gzipSync(`${lines.slice(0, -1).join('\n')}\n`))
    expect(cacheFileOf(dataDir)).not.toBe(before)
    const sandbox = await startSensors({ dataDir, clock: NOW })
    await ok(sandbox, '/Things')
    expect(storedObservations(sandbox)).toBe(BUNDLED - 1)
  })
})

describe('the grievances cache', () => {
  const GRIEVANCES = '/open311/v2'
  function grievancesDataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'thane-grievances-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    cpSync(join(FIXTURES, 'grievances'), join(dir, 'grievances'), { recursive: true })
    return dir
  }
  async function answers(dataDir: string): Promise<string[]> {
    const sandbox = await startSensors({ dataDir })
    const paths = ['/services.json', '/services.xml', '/services/POTHOLE.json', '/requests.json?extensions=true', '/requests.xml?status=open']
    return Promise.all(paths.map(async (path) => portless(await (await fetch(`${sandbox.url}${GRIEVANCES}${path}`)).text()) as string))
  }

  test('the checked dataset is kept under the hash of the three files; a copy of the same files (or a damaged cache) answers the same', async () => {
    const first = grievancesDataDir()
    const cacheFile = datasetCacheFile(join(first, 'grievances'), cacheDir) as string
    rmSync(cacheFile, { force: true })
    const fromFiles = await answers(first)
    expect(existsSync(cacheFile)).toBe(true)
    expect(await answers(grievancesDataDir())).toEqual(fromFiles)

    writeFileSync(cacheFile, '{"version":1,"services":')
    expect(await answers(grievancesDataDir())).toEqual(fromFiles)
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).version).toBe(1)
  })

  test('a file changed into a broken one is checked again and stops the start, though the old files are cached', async () => {
    const dataDir = grievancesDataDir()
    await answers(dataDir)
    const requests = join(dataDir, 'grievances', 'requests.csv')
    writeFileSync(requests, readFileSync(requests, 'utf8').replace('100003,STREETLIGHT', '100003,LAMP'))
    const err = await startSandbox({ port: 0, dataDir, clock: NOW }).then(
      (sandbox) => sandbox.close(),
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ThaneError)
    expect((err as ThaneError).message).toMatch(/requests\.csv request 100003: service_code 'LAMP' is not in services\.csv/)
  })
})
