import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { assetPath } from '@thanekit/sdk/assets'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'

interface RetryOptions {
  maxAttempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
  budgetMs?: number
  random?: () => number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
}

const exerciseDir = process.env.THANE_EXERCISE_DIR
if (!exerciseDir) throw new Error('THANE_EXERCISE_DIR is not set: run the check with `thane workshop verify`')
const { fetchWithRetry } = (await import(new URL('retry.ts', pathToFileURL(exerciseDir + '/')).href)) as {
  fetchWithRetry: (url: string | URL, init?: RequestInit, options?: RetryOptions) => Promise<Response>
}

/** A fake clock: sleep() returns at once, records the wait and moves the time on. */
function fakeClock(start = Date.parse('2026-07-14T03:30:00Z')) {
  let time = start
  const waits: number[] = []
  return {
    waits,
    now: () => time,
    sleep: async (ms: number) => {
      waits.push(ms)
      time += ms
    },
  }
}

type Answer = (request: IncomingMessage, response: ServerResponse) => void

/** A tiny server on 127.0.0.1 that answers the n-th request with answers[n] (the last one repeats) and counts them. */
async function scriptedServer(answers: Answer[]) {
  let count = 0
  const server = createServer((request, response) => {
    const answer = answers[Math.min(count, answers.length - 1)] as Answer
    count++
    request.resume()
    answer(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    get count() {
      return count
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

const status = (code: number, headers: Record<string, string> = {}): Answer => (_request, response) => {
  response.writeHead(code, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ status: code }))
}
const hangUp: Answer = (request) => request.socket.destroy()

let sandbox: Sandbox
// Only the Open311 data: the sandbox then starts in about a second instead of loading every dataset.
const dataDir = mkdtempSync(join(tmpdir(), 'thane-chaos-'))
before(async () => {
  cpSync(assetPath('datasets', 'grievances'), join(dataDir, 'grievances'), { recursive: true })
  sandbox = await startSandbox({
    port: 0,
    dataDir,
    clock: '2026-07-14T09:00:00+05:30',
    dbPath: ':memory:',
    chaos: { rate: 0.3, seed: 20260714, latencyMs: 0, retryAfterSeconds: 1 },
  })
})
after(async () => {
  await sandbox?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('a batch of 30 reads from the sandbox in chaos mode (30% faults) all succeed', async () => {
  const clock = fakeClock()
  const statuses: number[] = []
  for (let i = 0; i < 30; i++) {
    const response = await fetchWithRetry(`${sandbox.url}/open311/v2/services.json`, {}, { maxAttempts: 6, random: () => 0.5, sleep: clock.sleep, now: clock.now })
    statuses.push(response.status)
    await response.body?.cancel()
  }
  assert.deepEqual(statuses.filter((s) => s !== 200), [], `expected every read to end with 200, got ${statuses.join(', ')}`)
  assert.ok(clock.waits.length > 0, 'expected some retries: chaos mode failed some of the first attempts, so fetchWithRetry must have waited')
})

test('after a 503 or 429 with Retry-After: 1, every wait lasts at least 1000 ms', async () => {
  const clock = fakeClock()
  for (let i = 0; i < 10; i++) {
    const response = await fetchWithRetry(`${sandbox.url}/open311/v2/services.json`, {}, { maxAttempts: 6, random: () => 0.5, sleep: clock.sleep, now: clock.now })
    await response.body?.cancel()
  }
  assert.ok(clock.waits.length > 0, 'expected chaos mode to fail some reads, so that fetchWithRetry waited')
  const short = clock.waits.filter((ms) => ms < 1000)
  assert.deepEqual(short, [], `expected no wait under 1000 ms (the sandbox sent Retry-After: 1), got waits ${clock.waits.join(', ')} ms`)
})

test('a POST without an Idempotency-Key that meets a chaos fault is returned as it is, not retried', async () => {
  const clock = fakeClock()
  let faults = 0
  for (let i = 0; i < 40 && faults < 3; i++) {
    const response = await fetchWithRetry(`${sandbox.url}/open311/v2/requests.json`, { method: 'POST', body: new URLSearchParams({ description: 'retry test' }) }, { random: () => 0.5, sleep: clock.sleep, now: clock.now })
    await response.body?.cancel()
    if (response.headers.get('x-thane-chaos') !== null) {
      faults++
      assert.ok([503, 429].includes(response.status), `expected the chaos answer 503 or 429 to be returned, got ${response.status}`)
    }
    assert.deepEqual(clock.waits, [], `expected no retry of a POST without an Idempotency-Key, but fetchWithRetry waited ${clock.waits.join(', ')} ms and sent it again`)
  }
  assert.ok(faults > 0, 'expected at least one of 40 POSTs to meet a chaos fault')
})

test('a POST with an Idempotency-Key is retried after a 503', async () => {
  const server = await scriptedServer([status(503, { 'retry-after': '0' }), status(201)])
  try {
    const clock = fakeClock()
    const response = await fetchWithRetry(server.url, { method: 'POST', headers: { 'Idempotency-Key': 'b7c1e0d2-retry' }, body: 'x' }, { random: () => 0.5, sleep: clock.sleep, now: clock.now })
    assert.equal(response.status, 201, `expected the second attempt's 201, got ${response.status}`)
    assert.equal(server.count, 2, `expected 2 requests, got ${server.count}`)
  } finally {
    await server.close()
  }
})

test('a POST without an Idempotency-Key is sent once even when the server answers 503', async () => {
  const server = await scriptedServer([status(503, { 'retry-after': '0' }), status(201)])
  try {
    const clock = fakeClock()
    const response = await fetchWithRetry(server.url, { method: 'POST', body: 'x' }, { random: () => 0.5, sleep: clock.sleep, now: clock.now })
    assert.equal(response.status, 503, `expected the 503 returned as it is, got ${response.status}`)
    assert.equal(server.count, 1, `expected 1 request, got ${server.count}`)
  } finally {
    await server.close()
  }
})

test('a 404 is returned at once: retrying cannot help', async () => {
  const server = await scriptedServer([status(404), status(200)])
  try {
    const clock = fakeClock()
    const response = await fetchWithRetry(server.url, {}, { random: () => 0.5, sleep: clock.sleep, now: clock.now })
    assert.equal(response.status, 404, `expected 404, got ${response.status}`)
    assert.equal(server.count, 1, `expected 1 request, got ${server.count}`)
  } finally {
    await server.close()
  }
})

test('a GET whose connection drops (a network error) is retried', async () => {
  const server = await scriptedServer([hangUp, status(200)])
  try {
    const clock = fakeClock()
    const response = await fetchWithRetry(server.url, {}, { random: () => 0.5, sleep: clock.sleep, now: clock.now })
    assert.equal(response.status, 200, `expected 200 from the second attempt, got ${response.status}`)
    assert.equal(server.count, 2, `expected 2 requests, got ${server.count}`)
  } finally {
    await server.close()
  }
})

test('a GET that only meets network errors throws the last one after maxAttempts attempts', async () => {
  const server = await scriptedServer([hangUp])
  try {
    const clock = fakeClock()
    await assert.rejects(fetchWithRetry(server.url, {}, { maxAttempts: 3, random: () => 0.5, sleep: clock.sleep, now: clock.now }), 'expected fetchWithRetry to throw the network error')
    assert.equal(server.count, 3, `expected 3 attempts, got ${server.count}`)
  } finally {
    await server.close()
  }
})

test('full jitter: each wait is random() times min(maxDelayMs, baseDelayMs × 2^retry)', async () => {
  const server = await scriptedServer([status(503)])
  try {
    const clock = fakeClock()
    const response = await fetchWithRetry(server.url, {}, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300, random: () => 0.5, sleep: clock.sleep, now: clock.now })
    assert.equal(response.status, 503, `expected the last 503 to be returned, got ${response.status}`)
    assert.equal(server.count, 5, `expected 5 attempts, got ${server.count}`)
    assert.deepEqual(clock.waits, [50, 100, 150, 150], 'expected waits 0.5 × 100, 0.5 × 200, 0.5 × 300 (capped), 0.5 × 300 ms')
  } finally {
    await server.close()
  }
})

test('Retry-After given as an HTTP date is waited for until that date', async () => {
  const clock = fakeClock()
  const readyAt = new Date(clock.now() + 3000).toUTCString()
  const server = await scriptedServer([status(503, { 'retry-after': readyAt }), status(200)])
  try {
    const response = await fetchWithRetry(server.url, {}, { baseDelayMs: 100, random: () => 0.5, sleep: clock.sleep, now: clock.now })
    assert.equal(response.status, 200, `expected 200, got ${response.status}`)
    const [wait] = clock.waits
    assert.ok(wait !== undefined && wait >= 3000 && wait <= 3100, `expected one wait of 3000 ms (Retry-After: ${readyAt}), got ${clock.waits.join(', ') || 'none'}`)
  } finally {
    await server.close()
  }
})

test('the time budget stops the retries before a wait would end after it', async () => {
  const server = await scriptedServer([status(503, { 'retry-after': '2' })])
  try {
    const clock = fakeClock()
    const response = await fetchWithRetry(server.url, {}, { maxAttempts: 10, budgetMs: 5000, random: () => 0.5, sleep: clock.sleep, now: clock.now })
    assert.equal(response.status, 503, `expected the last 503 to be returned, got ${response.status}`)
    const waited = clock.waits.reduce((sum, ms) => sum + ms, 0)
    assert.ok(waited <= 5000, `expected at most 5000 ms of waiting in all, got ${waited} (waits ${clock.waits.join(', ')})`)
    assert.equal(server.count, 3, `expected 3 attempts (waits of 2000 ms at 0 and 2000 ms; a third would end at 6000 ms), got ${server.count}`)
  } finally {
    await server.close()
  }
})
