import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createClient, type ThaneClient } from '@thanekit/sdk'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { report, settingsFrom } from '../src/report.js'

// The sandbox on a free port with its clock fixed (Tuesday 2026-07-14 09:00 IST), so every run sees the same city.
const CLOCK = '2026-07-14T09:00+05:30'
let sandbox: Sandbox
let cacheDir: string
let env: NodeJS.ProcessEnv
let city: ThaneClient

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clock: CLOCK })
  cacheDir = mkdtempSync(join(tmpdir(), 'thane-starter-'))
  env = { THANE_API_URL: sandbox.url, THANE_CACHE_DIR: cacheDir, THANE_STOP: 'Thane Station', THANE_BUSES: '5' }
  city = createClient({ env, configFile: false })
})
afterAll(async () => {
  await sandbox?.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

const run = promisify(execFile)

/** Runs src/main.ts as `npm run dev` does, with only the given environment (and PATH). */
async function runProgram(extraEnv: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env, ...extraEnv }
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: childEnv })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('report', () => {
  it('lists every air-quality station with its ward and the AQI the API computes', async () => {
    const text = await report(city, settingsFrom({}), false)
    const stations = await city.sensors.stations({ kind: 'air-quality' })
    expect(stations.length).toBeGreaterThan(0)
    for (const station of stations) {
      const { aqi, category } = await city.sensors.aqi(station.id)
      const line = text.split('\n').find((l) => l.startsWith(station.name.replace(/ air quality monitoring station$/, '')))
      expect(line, station.name).toBeDefined()
      expect(line).toContain(station.ward!)
      expect(line).toMatch(new RegExp(`\\s${aqi ?? '–'}\\s+${category?.name ?? 'no AQI'}`))
    }
  })

  it('shows the next buses from the stop in THANE_STOP, at or after the sandbox clock, in local time', async () => {
    const text = await report(city, settingsFrom({ THANE_STOP: 'thane station', THANE_BUSES: '4' }), false)
    const lines = text.split('\n')
    const title = lines.findIndex((l) => l.startsWith('Next buses from Thane Station'))
    expect(title).toBeGreaterThan(0)
    const rows = lines.slice(title + 3)
    expect(rows).toHaveLength(4)
    for (const row of rows) {
      const time = row.match(/\s(\d\d):(\d\d)\s/)
      expect(time, row).not.toBeNull()
      expect(Number(time![1]) * 60 + Number(time![2])).toBeGreaterThanOrEqual(9 * 60)
      expect(row).toMatch(/scheduled|on time|min late|min early|cancelled|skips this stop/)
    }
  })

  it('rejects a THANE_BUSES that is not a whole number, naming the setting', () => {
    expect(() => settingsFrom({ THANE_BUSES: 'many' })).toThrow('THANE_BUSES must be a whole number of 1 or more, not "many"')
  })
})

describe('the program, run as `npm run dev` runs it', () => {
  it('prints the report from the API in THANE_API_URL, without colour when piped', async () => {
    const { code, stdout, stderr } = await runProgram({})
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('Air quality now (CPCB National AQI)')
    expect(stdout).toContain('Next buses from Thane Station')
    expect(stdout).not.toContain('\x1b[')
  })

  it('stops with one line and exit code 1 when no stop matches THANE_STOP', async () => {
    const { code, stderr } = await runProgram({ THANE_STOP: 'Nowhere Junction' })
    expect(code).toBe(1)
    expect(stderr).toBe('error: no bus stop matches "Nowhere Junction"; set THANE_STOP to a stop id, name or code\n')
  })

  it('says how to start the sandbox when the API cannot be reached', async () => {
    // Port 9 on loopback (discard) has no listener here; the SDK's retries make this take a moment.
    const { code, stderr } = await runProgram({ THANE_API_URL: 'http://127.0.0.1:9' })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^error: .*is the sandbox running \(npm run sandbox\)\? or set THANE_API_URL to the city API\n$/)
  })
})
