import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@thanekit/sdk'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiMiddleware } from '../server/api.js'
import type { AirCard, DepartureRow, GaugeView } from '../src/data.js'

// The /api middleware on a real HTTP server, against the sandbox on a free port with its clock fixed
// (Tuesday 2026-07-14 09:00 IST), so every run sees the same city.
let sandbox: Sandbox
let server: Server
let base: string
let cacheDir: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clock: '2026-07-14T09:00+05:30', dbPath: ':memory:' })
  cacheDir = mkdtempSync(join(tmpdir(), 'thane-dashboard-'))
  const city = createClient({ env: { THANE_API_URL: sandbox.url, THANE_CACHE_DIR: cacheDir }, configFile: false })
  const api = createApiMiddleware(city, { defaultStop: 'Thane Station' })
  // As Vite mounts it: under /api, with the prefix taken off.
  server = createServer((req, res) => {
    if (!req.url?.startsWith('/api/')) return void res.writeHead(404).end()
    req.url = req.url.slice('/api'.length)
    api(req, res, () => res.writeHead(404).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`
})
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
  await sandbox?.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

async function getJson<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, init)
  return { status: res.status, body: (await res.json()) as T }
}

describe('/api against the sandbox', () => {
  it('GET /air: a card for every air-quality station, coloured by its CPCB category', async () => {
    const { status, body } = await getJson<AirCard[]>('/air')
    expect(status).toBe(200)
    expect(body.length).toBeGreaterThanOrEqual(3)
    const rated = body.filter((c) => c.aqi !== null)
    expect(rated.length).toBeGreaterThan(0)
    for (const card of rated) expect(card.color).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('GET /floods: every flood gauge with its level, threshold and status, most urgent first', async () => {
    const { status, body } = await getJson<GaugeView[]>('/floods')
    expect(status).toBe(200)
    expect(body.length).toBeGreaterThanOrEqual(3)
    expect(body.every((g) => g.thresholdM > 0 && g.dangerM >= g.thresholdM)).toBe(true)
    expect(body.filter((g) => g.levelM !== null).length).toBeGreaterThan(0)
  })

  it('GET /departures: the next buses from a stop found by name', async () => {
    const { status, body } = await getJson<{ stop: { name: string }; rows: DepartureRow[] }>('/departures?stop=thane%20station&limit=4')
    expect(status).toBe(200)
    expect(body.stop.name).toMatch(/^Thane Station/)
    expect(body.rows.length).toBe(4)
    expect(body.rows.every((r) => /^\d\d:\d\d$/.test(r.leaves) && r.leaves >= '09:00')).toBe(true)
  })

  it('GET /departures: an unknown stop is a 400 that says what to try', async () => {
    const { status, body } = await getJson<{ error: string }>('/departures?stop=nowhere%20at%20all')
    expect(status).toBe(400)
    expect(body.error).toBe('no bus stop matches "nowhere at all"; try a stop name such as Thane Station')
  })

  it('POST /grievances: files a complaint through the SDK and answers its request id or token', async () => {
    const services = (await getJson<{ code: string; name: string }[]>('/services')).body
    expect(services.length).toBeGreaterThan(0)
    const form = { serviceCode: services[0]!.code, description: 'Streetlight out near the bus stop since Monday', lat: 19.186, lon: 72.975 }
    const { status, body } = await getJson<{ id: string | null; token: string | null }>('/grievances', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form) })
    expect(status).toBe(200)
    expect(body.id ?? body.token).toBeTruthy()
  })

  it('POST /grievances: a form that fails the checks is a 400 and nothing is filed', async () => {
    const { status, body } = await getJson<{ error: string }>('/grievances', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceCode: '', description: 'hi', lat: 19.2, lon: 72.97 }) })
    expect(status).toBe(400)
    expect(body.error).toBe('Choose what the problem is about. Describe the problem in at least 10 characters.')
  })
})
