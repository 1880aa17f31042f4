import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { assetPath } from '../src/assets.js'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'

// Debian's chromium, driven by playwright-core (no browser download).
const CHROMIUM = '/usr/bin/chromium'
const SCREENSHOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'sandbox-city-page.png')

const catalogue = JSON.parse(readFileSync(join(assetPath('datasets'), 'sensors', 'catalogue.json'), 'utf8')) as {
  things: { properties: { kind?: string; station_code?: string } }[]
}
const AIR_STATIONS = catalogue.things.filter((t) => t.properties.kind === 'air-quality').map((t) => String(t.properties.station_code))

describe('the live city page in headless Chromium', () => {
  let sandbox: Sandbox
  let browser: Browser
  beforeAll(async () => {
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, clock: '2026-07-14T08:30+05:30' })
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  })
  afterAll(async () => {
    await browser?.close()
    await sandbox?.close()
  })

  test('loads offline with no console error, shows every station, and changes when the sandbox clock advances', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const consoleErrors: string[] = []
    const pageErrors: string[] = []
    const elsewhere: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text())
    })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('request', (r) => {
      const url = r.url()
      if (!url.startsWith('data:') && !url.startsWith(`${sandbox.url}/`) && url !== sandbox.url) elsewhere.push(url)
    })

    // Read in Node through locators: this test is compiled without the DOM's types.
    const attributes = async (selector: string, name: string) => Promise.all((await page.locator(selector).all()).map((e) => e.getAttribute(name)))

    await page.goto(sandbox.url)
    await page.waitForSelector('[data-station-row]')
    await page.locator('#station-layer [data-station]').nth(AIR_STATIONS.length - 1).waitFor()

    expect(await page.title()).toBe('Thane Kit sandbox · live city')
    expect((await attributes('[data-station-row]', 'data-station-row')).sort()).toEqual([...AIR_STATIONS].sort())
    expect((await attributes('#station-layer [data-station]', 'data-station')).sort()).toEqual([...AIR_STATIONS].sort())
    // Every station is coloured by its CPCB category.
    const fills = await attributes('#station-layer circle', 'fill')
    for (const fill of fills) expect(fill).toMatch(/^#[0-9A-F]{6}$/)
    expect(await page.locator('#outline path').count()).toBeGreaterThan(5)
    expect(await page.locator('[data-gauge-row]').count()).toBeGreaterThan(0)
    expect(await page.locator('#bus-layer circle').count()).toBeGreaterThan(10)
    expect(await page.locator('#grievances li').count()).toBeGreaterThan(0)
    expect(await page.locator('#clock').textContent()).toBe('2026-07-14 08:30:00 IST')

    mkdirSync(dirname(SCREENSHOT), { recursive: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true })

    const buses = async () => {
      const [ids, xs, ys] = await Promise.all([attributes('#bus-layer circle', 'data-bus'), attributes('#bus-layer circle', 'cx'), attributes('#bus-layer circle', 'cy')])
      return ids.map((id, i) => `${id}@${xs[i]},${ys[i]}`).sort()
    }
    const before = await buses()
    sandbox.clock.advance(30 * 60_000)
    // The page polls by itself: no reload.
    await page.waitForSelector('#clock[data-now="2026-07-14T09:00:00+05:30"]')
    expect(await page.locator('#clock').textContent()).toBe('2026-07-14 09:00:00 IST')
    expect(await buses()).not.toEqual(before)

    expect(consoleErrors).toEqual([])
    expect(pageErrors).toEqual([])
    expect(elsewhere).toEqual([])
    await page.close()
  })
})
