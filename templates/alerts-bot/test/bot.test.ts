import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type ThaneClient } from '@thanekit/sdk'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { nextDelayMs, runRound, type BotSettings } from '../src/bot.js'
import { settingsFrom } from '../src/settings.js'
import { SentAlerts } from '../src/state.js'

// The sandbox in chaos mode (30% of requests answered 503 or 429, or delayed) on a free port, its clock
// fixed on a flooded monsoon morning, and a webhook receiver on 127.0.0.1 port 0 that records what it gets.
const FLOODED = '2026-07-24T08:00+05:30'
const CLEARED = '2026-07-24T13:00+05:30'
const EXPECTED_FLOODS = ['flood:20:danger', 'flood:22:above', 'flood:24:danger', 'flood:25:above', 'flood:27:danger']

let sandbox: Sandbox
let city: ThaneClient
let folder: string
let receiver: Server
let settings: BotSettings

/** What the receiver got: accepted alerts by key, and every attempt. */
const inbox = { accepted: [] as { key: string; text: string; idempotencyKey: string | undefined }[], attempts: 0, failNext: 0 }

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clock: FLOODED, dbPath: ':memory:', chaos: { rate: 0.3, seed: 2026, latencyMs: 5, retryAfterSeconds: 0 } })
  folder = mkdtempSync(join(tmpdir(), 'thane-alerts-bot-'))
  city = createClient({ env: { THANE_API_URL: sandbox.url, THANE_CACHE_DIR: folder }, configFile: false, retries: 6 })
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      inbox.attempts++
      if (inbox.failNext > 0) {
        inbox.failNext--
        // Alternate the two answers a busy receiver gives.
        res.writeHead(inbox.failNext % 2 ? 503 : 429, { 'retry-after': '0' }).end()
        return
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { key: string; text: string }
      inbox.accepted.push({ key: body.key, text: body.text, idempotencyKey: req.headers['idempotency-key'] as string | undefined })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  settings = { webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`, aqiAt: 60, webhook: { baseDelayMs: 5 } }
})
afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve))
  await sandbox?.close()
  rmSync(folder, { recursive: true, force: true })
})
beforeEach(() => {
  sandbox.clock.set(new Date(FLOODED))
  Object.assign(inbox, { accepted: [], attempts: 0, failNext: 0 })
})

const keysOf = (list: { key: string }[]) => list.map((a) => a.key).sort()

describe('the alerts bot against the sandbox in chaos mode', () => {
  it('sends every active flood, air and transit alert once, and nothing again on the next round', async () => {
    const sent = new SentAlerts()
    const first = await runRound(city, settings, sent)
    expect(first.failures).toEqual([])
    const keys = keysOf(inbox.accepted)
    expect(keys.filter((k) => k.startsWith('flood:'))).toEqual(EXPECTED_FLOODS)
    expect(keys.filter((k) => k.startsWith('air:'))).toEqual(['air:1:Satisfactory'])
    expect(keys.filter((k) => k.startsWith('transit:')).length).toBe(6)
    expect(new Set(keys).size).toBe(keys.length)
    expect(inbox.accepted.every((a) => a.idempotencyKey === a.key && a.text.startsWith('*'))).toBe(true)

    const second = await runRound(city, settings, sent)
    expect(second.failures).toEqual([])
    expect(second.sent).toEqual([])
    expect(inbox.accepted.length).toBe(keys.length)
  })

  it('retries a webhook that answers 503 and 429, and each alert still arrives exactly once', async () => {
    // Four failures: within the five attempts (default retries 4) the first alert is allowed.
    inbox.failNext = 4
    const round = await runRound(city, settings, new SentAlerts())
    expect(round.failures).toEqual([])
    expect(inbox.attempts).toBe(inbox.accepted.length + 4)
    expect(keysOf(inbox.accepted)).toEqual(round.sent.sort())
    expect(new Set(keysOf(inbox.accepted)).size).toBe(inbox.accepted.length)
  })

  it('keeps an alert the webhook did not take, and sends it on the next round', async () => {
    const sent = new SentAlerts()
    inbox.failNext = 1_000
    const failed = await runRound(city, { ...settings, webhook: { retries: 1, baseDelayMs: 1 } }, sent)
    expect(failed.sent).toEqual([])
    expect(failed.failures.length).toBe(failed.active.length)
    expect(failed.failures[0]).toMatch(/^flood:\d+:\w+: the webhook answered (503|429) after 2 attempts$/)
    inbox.failNext = 0
    const retried = await runRound(city, settings, sent)
    expect(keysOf(inbox.accepted)).toEqual(keysOf(failed.active))
    expect(retried.sent.length).toBe(failed.active.length)
  })

  it('remembers what it sent across a restart, forgets a flood once it clears, and sends it when it comes back', async () => {
    const file = join(folder, 'state.json')
    await runRound(city, settings, new SentAlerts(file))
    const before = inbox.accepted.length
    expect(before).toBeGreaterThan(0)

    const restarted = new SentAlerts(file)
    expect((await runRound(city, settings, restarted)).sent).toEqual([])

    sandbox.clock.set(new Date(CLEARED))
    const cleared = await runRound(city, settings, restarted)
    expect(cleared.failures).toEqual([])
    expect(restarted.keys().filter((k) => k.startsWith('flood:'))).toEqual([])

    sandbox.clock.set(new Date(FLOODED))
    const again = await runRound(city, settings, new SentAlerts(file))
    expect(again.sent.filter((k) => k.startsWith('flood:')).sort()).toEqual(EXPECTED_FLOODS)
  })

  it('without SDK retries, a watcher that fails under chaos is reported, and its alerts are neither forgotten nor sent twice', async () => {
    const sent = new SentAlerts()
    await runRound(city, settings, sent)
    const remembered = sent.keys()
    const fragile = createClient({ env: { THANE_API_URL: sandbox.url, THANE_CACHE_DIR: folder }, configFile: false, retries: 0 })
    let failures = 0
    for (let i = 0; i < 5; i++) {
      const round = await runRound(fragile, settings, sent)
      failures += round.failures.length
      expect(round.sent).toEqual([])
    }
    expect(failures).toBeGreaterThan(0)
    expect(sent.keys()).toEqual(remembered)
  })
})

describe('settings and backoff', () => {
  it('settingsFrom: a missing webhook URL is a one-line error that names the variable', () => {
    expect(() => settingsFrom({})).toThrow('ALERTS_WEBHOOK_URL must be the http(s) URL of your webhook; got "" (set it in .env, see .env.example)')
    expect(() => settingsFrom({ ALERTS_WEBHOOK_URL: 'http://127.0.0.1:9/x', ALERTS_AQI_AT: 'poor' })).toThrow(/^ALERTS_AQI_AT must be a whole AQI/)
    expect(settingsFrom({ ALERTS_WEBHOOK_URL: 'https://hooks.example/abc' })).toEqual({ webhookUrl: 'https://hooks.example/abc', intervalMs: 60_000, aqiAt: 201, stateFile: '.alerts-state.json' })
  })

  it('nextDelayMs: doubles the interval for each failed round in a row, up to 10 minutes', () => {
    expect([0, 1, 2, 3].map((n) => nextDelayMs(60_000, n))).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(nextDelayMs(60_000, 10)).toBe(600_000)
  })
})
