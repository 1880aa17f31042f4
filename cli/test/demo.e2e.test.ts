import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { beforeAll, describe, expect, test } from 'vitest'
import { collect, isolatedEnv, oneLineError, runThane, startThane, waitForLine, type RunResult } from './helpers.js'

const DATASETS = join(import.meta.dirname, '..', '..', 'datasets')
const catalogue = JSON.parse(readFileSync(join(DATASETS, 'sensors', 'catalogue.json'), 'utf8')) as {
  things: { name: string; properties: { kind?: string; station_code?: string } }[]
}
const AIR_STATIONS = catalogue.things.filter((t) => t.properties.kind === 'air-quality')

// Loaded into the CLI with --import: any connection to a host other than loopback fails and is
// reported on stderr, so a demo that reached for the network could not pass.
const NO_NETWORK = join(mkdtempSync(join(tmpdir(), 'thane-demo-net-')), 'no-network.mjs')
writeFileSync(
  NO_NETWORK,
  `import net from 'node:net'
const connect = net.Socket.prototype.connect
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])
net.Socket.prototype.connect = function (...args) {
  const first = args[0]
  const options = Array.isArray(first) ? first[0] : first
  const host = typeof options === 'object' && options !== null ? (options.path ? '127.0.0.1' : (options.host ?? 'localhost')) : typeof args[1] === 'string' ? args[1] : 'localhost'
  if (!LOOPBACK.has(host)) {
    process.stderr.write('NETWORK: tried to reach ' + host + '\\n')
    throw new Error('network access to ' + host + ' is not allowed in this test')
  }
  return connect.apply(this, args)
}
`,
)

// A configured API elsewhere must not matter: the demo talks to its own sandbox only.
const env = () => isolatedEnv({ THANE_API_URL: 'http://192.0.2.1:9' })
const run = (args: string[]) => runThane(args, { env: env(), nodeArgs: ['--import', NO_NETWORK] })

interface DemoJson {
  sandbox: { url: string; clock: { mode: string; now: string } }
  air: { code: string; name: string; aqi: number | null; category: string | null; color: string | null }[]
  buses: { stop: { id: string; name: string }; departures: { route: string; headsign: string; scheduled: string; expected: string | null; delaySeconds: number | null; realtime: boolean }[] }
  grievance: { id: string; status: string; service: string }
  validation: Record<'clean' | 'broken', { file: string; valid: boolean; rows: number; errors: number; warnings: number; problems: { code: string; count: number }[] }>
  next: { command: string; why: string }[]
  durationMs: number
}

describe('thane demo', () => {
  let piped: RunResult
  let json: RunResult
  beforeAll(async () => {
    piped = await run(['demo'])
    json = await run(['demo', '--json'])
  }, 120_000)

  test('piped: plain text with every part, exit 0, no network but loopback', () => {
    expect(piped.stderr).toBe('')
    expect(piped.code).toBe(0)
    const out = piped.stdout
    expect(out).not.toMatch(/\u001B\[/)
    expect(out).toContain('clock fixed at 2026-07-24T09:00:00+05:30')
    for (const station of AIR_STATIONS) {
      const name = station.name.replace(/\s+air quality monitoring station$/i, '')
      expect(out).toMatch(new RegExp(`\\n  ${name}\\s+\\d+  (Good|Satisfactory|Moderately polluted|Poor|Very poor|Severe)\\n`))
    }
    expect(out).toMatch(/Thane Station \(W\) SATIS \(thane-station-w-satis\)/)
    expect(out).toMatch(/\n {4}\d{2}:\d{2} {2}route \S+ to .+ {2}(on time|\d+ min (late|early)|cancelled|timetable only)\n/)
    expect(out).toMatch(/(\d+ min late|\d+ min early)/)
    expect(out).toMatch(/filed request \d+: Damaged road or footpath, status open\n/)
    expect(out).toMatch(/clean air-quality-export\.csv: valid, \d+ rows, 0 errors/)
    expect(out).toMatch(/broken air-quality-export-broken\.csv: INVALID, \d+ rows, [1-9]\d* errors?/)
    expect(out).toMatch(/type-error ×1: /)
    expect(out).toMatch(/primary-key ×1: /)
    for (const command of ['thane new', 'thane workshop list', 'thane sandbox']) expect(out).toContain(command)
    expect(out).toMatch(/Done in \d+\.\d s; the sandbox is stopped\.\n$/)
  })

  test('--json: the data of every step, typed', () => {
    expect(json.code).toBe(0)
    expect(json.stderr).toBe('')
    const result = JSON.parse(json.stdout) as DemoJson
    expect(result.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(result.sandbox.clock).toEqual({ mode: 'fixed', now: '2026-07-24T09:00:00+05:30' })
    expect(result.air.map((s) => s.code).sort()).toEqual(AIR_STATIONS.map((s) => s.properties.station_code).sort())
    for (const s of result.air) {
      expect(s.aqi).toEqual(expect.any(Number))
      expect(s.color).toMatch(/^#[0-9A-F]{6}$/)
    }
    expect(result.buses.stop.id).toBe('thane-station-w-satis')
    expect(result.buses.departures.length).toBeGreaterThan(0)
    expect(result.buses.departures.some((d) => d.realtime && d.delaySeconds !== null)).toBe(true)
    expect(result.grievance).toMatchObject({ id: expect.stringMatching(/^\d+$/), status: 'open', service: 'Damaged road or footpath' })
    expect(result.validation.clean).toMatchObject({ file: 'air-quality-export.csv', valid: true, errors: 0 })
    expect(result.validation.broken.valid).toBe(false)
    expect(result.validation.broken.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['type-error', 'constraint-error', 'primary-key']))
    expect(result.next.map((n) => n.command)).toEqual(['thane new my-app', 'thane workshop list', 'thane sandbox'])
    expect(result.durationMs).toBeGreaterThan(0)
  })

  test('a --clock that is not a date-time is a usage error (exit 2, one line)', async () => {
    const bad = await run(['demo', '--clock', 'tomorrow'])
    expect(bad.code).toBe(2)
    expect(oneLineError(bad.stderr)).toContain('--clock "tomorrow" is not "live" or a date-time with offset')
    expect(bad.stdout).toBe('')
  })

  test('Ctrl-C stops at once with exit 130 and closes the sandbox', async () => {
    const child = startThane(['demo'], { env: env() })
    const done = collect(child)
    const [, url] = await waitForLine(child, /sandbox at (http:\/\/127\.0\.0\.1:\d+)/)
    child.kill('SIGINT')
    const result = await done
    expect(result.code).toBe(130)
    expect(oneLineError(result.stderr)).toBe('Error: demo stopped (Ctrl-C); the sandbox is closed and its temporary files removed')
    expect(result.stdout).not.toContain('Done in')
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()
  })
})
