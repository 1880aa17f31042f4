import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assetPath } from '../src/assets.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { type CityNow, type CityOutline, wantsHtml } from '../src/sandbox/city-page.js'

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8'

// The air-quality stations of the bundled catalogue: the page must show every one.
const catalogue = JSON.parse(readFileSync(join(assetPath('datasets'), 'sensors', 'catalogue.json'), 'utf8')) as {
  things: { properties: { kind?: string; station_code?: string } }[]
}
const AIR_STATIONS = catalogue.things.filter((t) => t.properties.kind === 'air-quality').map((t) => t.properties.station_code)

describe('wantsHtml', () => {
  test.each([
    [BROWSER_ACCEPT, true],
    ['text/html', true],
    ['application/xhtml+xml', true],
    ['*/*', false],
    ['', false],
    [undefined, false],
    ['application/json', false],
    ['application/json, text/html;q=0.5', false],
    ['text/html;q=0.9, application/json;q=0.9', true],
    ['text/html;q=0', false],
  ])('%j → %s', (accept, expected) => {
    expect(wantsHtml(accept)).toBe(expected)
  })
})

describe('the live city page (GET / for browsers) and its data', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, clock: '2026-07-14T08:30+05:30' })
  })
  afterAll(() => sandbox.close())

  test('GET / answers a browser with the page, and curl, fetch and JSON clients with the JSON index', async () => {
    const page = await fetch(sandbox.url, { headers: { accept: BROWSER_ACCEPT } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('vary')).toMatch(/accept/i)
    const html = await page.text()
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<title>Thane Kit sandbox · live city</title>')
    for (const accept of ['*/*', 'application/json']) {
      const res = await fetch(sandbox.url, { headers: { accept } })
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(((await res.json()) as { name: string }).name).toBe('Thane Kit sandbox')
    }
  })

  test('the page is self-contained: no script, style, image or font is loaded from anywhere', async () => {
    const html = await (await fetch(sandbox.url, { headers: { accept: 'text/html' } })).text()
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i)
    expect(html).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i)
    expect(html).not.toMatch(/<script[^>]+src=/i)
  })

  test('/city/now.json shows the clock, every air-quality station with its AQI colour, the flood gauges, buses and grievances', async () => {
    const res = await fetch(`${sandbox.url}/city/now.json`)
    expect(res.status).toBe(200)
    const now = (await res.json()) as CityNow
    expect(now.clock).toEqual({ mode: 'fixed', now: '2026-07-14T08:30:00+05:30' })
    expect(now.stations.map((s) => s.code).sort()).toEqual([...AIR_STATIONS].sort())
    for (const s of now.stations) {
      expect(s.aqi).toEqual(expect.any(Number))
      expect(s.color).toMatch(/^#[0-9A-F]{6}$/)
    }
    expect(now.gauges.length).toBeGreaterThan(0)
    for (const g of now.gauges) expect(g.threshold).toBeGreaterThan(0)
    expect(now.gauges.some((g) => g.level !== null)).toBe(true)
    expect(now.buses.length).toBeGreaterThan(10)
    expect(now.grievances.length).toBeGreaterThan(0)
    const times = now.grievances.map((g) => Date.parse(g.requested))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.parse('2026-07-14T08:30:00+05:30'))
  })

  test('the station AQI is the one the SensorThings API gives through the SDK (CPCB, 24 h)', async () => {
    const { createClient } = await import('../src/index.js')
    const city = createClient({ baseUrl: sandbox.url })
    const now = (await (await fetch(`${sandbox.url}/city/now.json`)).json()) as CityNow
    const [station] = await city.sensors.stations({ kind: 'air-quality' })
    const fromApi = await city.sensors.aqi(station!.id, { at: '2026-07-14T08:30:00+05:30' })
    const shown = now.stations.find((s) => s.code === station!.properties?.station_code)
    expect(shown).toBeDefined()
    expect(shown?.aqi).toBe(fromApi.aqi)
  })

  test('/city/outline.json draws Thane from the bus network: paths and every stop inside the bounds', async () => {
    const outline = (await (await fetch(`${sandbox.url}/city/outline.json`)).json()) as CityOutline
    expect(outline.paths.length).toBeGreaterThan(5)
    expect(outline.stops.length).toBeGreaterThan(100)
    const { minLat, maxLat, minLon, maxLon } = outline.bounds
    for (const s of outline.stops) {
      expect(s.lat).toBeGreaterThanOrEqual(minLat)
      expect(s.lat).toBeLessThanOrEqual(maxLat)
      expect(s.lon).toBeGreaterThanOrEqual(minLon)
      expect(s.lon).toBeLessThanOrEqual(maxLon)
    }
  })

  test('advancing the sandbox clock moves the city: the clock, the buses and the gauge readings', async () => {
    const before = (await (await fetch(`${sandbox.url}/city/now.json`)).json()) as CityNow
    sandbox.clock.advance(45 * 60_000)
    try {
      const after = (await (await fetch(`${sandbox.url}/city/now.json`)).json()) as CityNow
      expect(after.clock.now).toBe('2026-07-14T09:15:00+05:30')
      const where = (n: CityNow) => n.buses.map((b) => `${b.id}@${b.lat},${b.lon}`).sort()
      expect(where(after)).not.toEqual(where(before))
      expect(after.gauges.map((g) => g.level)).not.toEqual(before.gauges.map((g) => g.level))
    } finally {
      sandbox.clock.advance(-45 * 60_000)
    }
  })
})
