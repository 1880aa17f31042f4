import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

type Verdict = { ok: true; timestamp: number } | { ok: false; reason: string }
type Verify = (body: string | Uint8Array, header: string | undefined) => Verdict

const exerciseDir = process.env.THANE_EXERCISE_DIR
if (!exerciseDir) throw new Error('THANE_EXERCISE_DIR is not set: run the check with `thane workshop verify`')
const learner = (file: string) => new URL(file, pathToFileURL(exerciseDir + '/')).href
const { signWebhook, createVerifier } = (await import(learner('webhook.ts'))) as {
  signWebhook: (secret: string, body: string | Uint8Array, timestamp: number) => string
  createVerifier: (secret: string, options?: { toleranceSeconds?: number; now?: () => number }) => Verify
}
const { startReceiver } = (await import(learner('receiver.ts'))) as {
  startReceiver: (options: { secret: string; now?: () => number }) => Promise<{ url: string; received: unknown[]; close(): Promise<void> }>
}

const SECRET = 'whsec_c9f1e2a7b3d84f6e9a0b1c2d3e4f5a6b'
const NOW_MS = Date.parse('2026-07-14T04:00:00Z')
const NOW = NOW_MS / 1000
const now = () => NOW_MS
const body = JSON.stringify({ type: 'service_request.updated', service_request_id: '105001', status: 'closed', note: 'खड्डा बुजवला (pothole filled)' })

/** The check's own signer, so that the verifier is tested against the standard, not against itself. */
function sign(payload: string | Uint8Array, timestamp: number, secret = SECRET): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex')
  return `t=${timestamp},v1=${mac}`
}

const reasonOf = (verdict: Verdict) => (verdict.ok ? 'accepted' : verdict.reason)

test('signWebhook gives t=<timestamp>,v1=<hex HMAC-SHA256 of "timestamp.body">', () => {
  assert.equal(signWebhook(SECRET, body, NOW), sign(body, NOW))
  assert.equal(signWebhook('another-secret', 'x', 1), sign('x', 1, 'another-secret'))
})

test('a delivery signed with the secret, just now, is accepted with its timestamp', () => {
  const verify = createVerifier(SECRET, { now })
  assert.deepEqual(verify(body, sign(body, NOW)), { ok: true, timestamp: NOW })
  const fourMinutesAgo = NOW - 240
  assert.equal(reasonOf(verify(body, sign(body, fourMinutesAgo))), 'accepted', 'expected a delivery 4 minutes old to be inside the 5-minute window')
})

test('the body is verified as bytes: a Buffer of the same text passes', () => {
  const verify = createVerifier(SECRET, { now })
  assert.equal(reasonOf(verify(Buffer.from(body, 'utf8'), sign(body, NOW))), 'accepted')
})

test('a tampered body is refused as bad-signature', () => {
  const verify = createVerifier(SECRET, { now })
  const header = sign(body, NOW)
  assert.equal(reasonOf(verify(body.replace('closed', 'open'), header)), 'bad-signature', 'status "closed" changed to "open"')
  assert.equal(reasonOf(verify(JSON.stringify(JSON.parse(body), null, 1), header)), 'bad-signature', 'the same JSON with other spacing is other bytes')
})

test('a signature made with another secret, or of the wrong length, is refused as bad-signature without throwing', () => {
  const verify = createVerifier(SECRET, { now })
  assert.equal(reasonOf(verify(body, sign(body, NOW, 'whsec_someone_else'))), 'bad-signature')
  assert.equal(reasonOf(verify(body, `t=${NOW},v1=abcd`)), 'bad-signature', 'a short v1 must not reach timingSafeEqual, which throws on different lengths')
  const moved = sign(body, NOW).replace(`t=${NOW}`, `t=${NOW - 1}`)
  assert.equal(reasonOf(verify(body, moved)), 'bad-signature', 'the timestamp is signed too: changing it breaks the signature')
})

test('a missing or garbled header is refused as malformed', () => {
  const verify = createVerifier(SECRET, { now })
  for (const header of [undefined, '', 'sha256=abc', `t=soon,v1=${'a'.repeat(64)}`, `t=${NOW}`, `v1=${'a'.repeat(64)}`]) {
    assert.equal(reasonOf(verify(body, header)), 'malformed', `header ${JSON.stringify(header)}`)
  }
})

test('a delivery older than the 5-minute window, or from the future beyond it, is refused as stale', () => {
  const verify = createVerifier(SECRET, { now })
  assert.equal(reasonOf(verify(body, sign(body, NOW - 301))), 'stale', 'signed 301 s ago')
  assert.equal(reasonOf(verify(body, sign(body, NOW + 301))), 'stale', 'signed 301 s in the future')
  const lenient = createVerifier(SECRET, { now, toleranceSeconds: 600 })
  assert.equal(reasonOf(lenient(body, sign(body, NOW - 500))), 'accepted', 'toleranceSeconds: 600 accepts a delivery 500 s old')
})

test('the same delivery sent twice is refused the second time as replayed', () => {
  const verify = createVerifier(SECRET, { now })
  const header = sign(body, NOW)
  assert.equal(reasonOf(verify(body, header)), 'accepted', 'first delivery')
  assert.equal(reasonOf(verify(body, header)), 'replayed', 'second delivery of the same bytes and header')
  const other = body.replace('105001', '105002')
  assert.equal(reasonOf(verify(other, sign(other, NOW))), 'accepted', 'a different delivery at the same second is not a replay')
})

test('a header with two v1 signatures passes when one matches (a secret being rotated)', () => {
  const verify = createVerifier(SECRET, { now })
  const oldSecret = sign(body, NOW, 'whsec_old').split(',')[1]
  assert.equal(reasonOf(verify(body, `t=${NOW},${oldSecret},${sign(body, NOW).split(',')[1]}`)), 'accepted')
})

test('signatures are compared with crypto.timingSafeEqual, whose time does not depend on where they differ', () => {
  const code = readFileSync(join(exerciseDir, 'webhook.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
  assert.ok(/timingSafeEqual\s*\(/.test(code), 'expected webhook.ts to call timingSafeEqual(...) to compare the signatures')
})

test('the HTTP receiver answers valid, tampered, stale and replayed deliveries with 204, 401, 401 and 409', async () => {
  const receiver = await startReceiver({ secret: SECRET, now })
  try {
    const send = async (payload: string, header: string) => {
      const response = await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', 'thane-signature': header }, body: payload })
      await response.body?.cancel()
      return response.status
    }
    const header = sign(body, NOW)
    assert.equal(await send(body, header), 204, 'a valid delivery')
    assert.equal(await send(body.replace('closed', 'open'), header), 401, 'a tampered delivery')
    assert.equal(await send(body, sign(body, NOW - 3600)), 401, 'a delivery signed an hour ago')
    assert.equal(await send(body, header), 409, 'the valid delivery sent again')
    assert.deepEqual(receiver.received, [JSON.parse(body)], 'expected the receiver to keep the one valid event, Marathi text intact')
  } finally {
    await receiver.close()
  }
})
