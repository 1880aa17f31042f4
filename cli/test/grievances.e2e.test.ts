import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEV_API_KEY, startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'
import { freePort, isolatedEnv, oneLineError, runThane } from './helpers.js'

// The built CLI against a real sandbox on a free port, with the clock fixed so answers never change.
let sandbox: Sandbox
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, dbPath: ':memory:', clock: '2026-07-14T09:00+05:30' })
  env = isolatedEnv({ THANE_API_URL: sandbox.url, THANE_API_KEY: DEV_API_KEY })
})
afterAll(async () => {
  await sandbox.close()
})


interface RequestJson {
  serviceRequestId: string
  status: string
  serviceCode: string
  description?: string
  requestedDatetime?: string
  extensions?: { ward?: string }
}

describe('thane grievances', () => {
  it('services lists the catalogue as a table and as JSON', async () => {
    const table = await runThane(['grievances', 'services'], { env })
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^code\s+name\s+group\s+type\s+questions\n/)
    expect(table.stdout).toMatch(/\nPOTHOLE\s+/)
    const json = await runThane(['grievances', 'services', '--json'], { env })
    const services = JSON.parse(json.stdout) as { serviceCode: string; metadata: boolean }[]
    expect(services.length).toBeGreaterThanOrEqual(12)
    expect(services.some((s) => s.metadata)).toBe(true)
  })

  it('list --status open shows only open requests made before the sandbox clock, newest first', async () => {
    const r = await runThane(['grievances', 'list', '--status', 'open', '--limit', '7', '--json'], { env })
    expect(r.code).toBe(0)
    const requests = JSON.parse(r.stdout) as RequestJson[]
    expect(requests).toHaveLength(7)
    expect(requests.every((q) => q.status === 'open')).toBe(true)
    const times = requests.map((q) => Date.parse(q.requestedDatetime ?? ''))
    expect(times.every((t) => t <= Date.parse('2026-07-14T09:00:00+05:30'))).toBe(true)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  it('list filters by ward and service and prints a table for people', async () => {
    const r = await runThane(['grievances', 'list', '--ward', 'Kalwa', '--service', 'DRAINAGE', '--from', '2026-06-01', '--to', '2026-07-14', '--limit', '5'], { env })
    expect(r.code).toBe(0)
    const rows = r.stdout.split('\n').filter((l) => /^\d{6}\s/.test(l))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toMatch(/^\d+\s+(open|closed)\s+DRAINAGE\s+Kalwa\s+2026-0[67]-/)
  })

  it('list rejects a malformed date in one line with exit 2', async () => {
    const r = await runThane(['grievances', 'list', '--from', '14/07/2026'], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe(
      'Error: --from "14/07/2026" is not a date; use a day such as 2026-07-01 or a date-time with its zone such as 2026-07-01T09:00+05:30',
    )
  })

  it('submit files a grievance from flags alone, and show reads it back exactly', async () => {
    const description = 'गटाराचे पाणी रस्त्यावर येत आहे, "तातडीने" लक्ष द्या <b>\'; DROP TABLE requests;--'
    const r = await runThane(
      ['grievances', 'submit', '--service', 'DRAINAGE', '--lat', '19.1990', '--lon', '72.9780', '--description', description, '--attribute', 'drain_problem=blocked_drain', '--json'],
      { env },
    )
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const { serviceRequestId } = JSON.parse(r.stdout) as { serviceRequestId: string }
    expect(serviceRequestId).toMatch(/^\d+$/)

    const shown = await runThane(['grievances', 'show', serviceRequestId, '--json'], { env })
    const request = JSON.parse(shown.stdout) as RequestJson
    expect(request).toMatchObject({ serviceRequestId, status: 'open', serviceCode: 'DRAINAGE', description })

    const text = await runThane(['grievances', 'show', serviceRequestId], { env })
    expect(text.stdout).toMatch(new RegExp(`^id\\s+${serviceRequestId}\\n`))
    expect(text.stdout).toContain(description)
  })

  it('submit says how to follow the grievance it filed', async () => {
    const r = await runThane(['grievances', 'submit', '-s', 'GARBAGE', '--address', 'Near Gokhale Road signal, Naupada, Thane', '-d', 'Garbage not lifted for three days', '-a', 'garbage_kind=not_collected'], { env })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Filed grievance (\d+)\. Follow it with "thane grievances show \1"\.\n/)
  })

  it('without a terminal, a missing --service is a one-line error naming the flag', async () => {
    const r = await runThane(['grievances', 'submit', '--lat', '19.2', '--lon', '72.97'], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe('Error: missing --service: pass it as a flag (thane asks for it only on a terminal)')
  })

  it('without a terminal, a missing location is a one-line error naming the flags', async () => {
    const r = await runThane(['grievances', 'submit', '--service', 'DRAINAGE'], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('missing --lat/--lon or --address')
  })

  it('without a terminal, a missing required answer names the --attribute to pass', async () => {
    const r = await runThane(['grievances', 'submit', '--service', 'WATER_SUPPLY', '--address', 'Kopri, Thane'], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toMatch(
      /^Error: missing --attribute problem=<no_water\|low_pressure\|contaminated\|leakage\|irregular_timing> \(.+\): pass it as a flag/,
    )
  })

  it('--lat without --lon is a usage error', async () => {
    const r = await runThane(['grievances', 'submit', '--service', 'DRAINAGE', '--lat', '19.2'], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('--lon')
  })

  it('a wrong API key is refused by the server, shown in one line with exit 2', async () => {
    const r = await runThane(['grievances', 'submit', '--service', 'ROAD_DAMAGE', '--lat', '19.2', '--lon', '72.97', '--api-key', 'not-the-key'], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toMatch(/403.*api_key/)
  })

  it('an unknown id is a one-line error with exit 2', async () => {
    const r = await runThane(['grievances', 'show', '999999999'], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toMatch(/404/)
  })

  it('a sandbox that is not running is a one-line error that says how to start it', async () => {
    const port = await freePort()
    const r = await runThane(['grievances', 'services', '--api-url', `http://127.0.0.1:${port}`], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain(`could not reach http://127.0.0.1:${port}/open311/v2/services.json (ECONNREFUSED)`)
  })
})
