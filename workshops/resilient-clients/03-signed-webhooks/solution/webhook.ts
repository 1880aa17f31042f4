// Signed webhooks: HMAC-SHA256 over "timestamp.body", checked in constant time, with a replay window.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'thane-signature'

export type Verdict =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'stale' | 'replayed' }

export interface VerifierOptions {
  /** How far, in seconds, a delivery's timestamp may be from now, either way. Default 300. */
  toleranceSeconds?: number
  /** The time in ms since 1970: Date.now unless a test gives a fixed clock. */
  now?: () => number
}

/** The hex HMAC-SHA256 of `${timestamp}.` followed by the body's bytes. */
export function hmacHex(secret: string, body: string | Uint8Array, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')
}

/** The Thane-Signature header value for a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, body: string | Uint8Array, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, body, timestamp)}`
}

/** `t=…,v1=…[,v1=…]` into its timestamp and signatures; undefined when it is not that. */
export function parseSignatureHeader(header: string | undefined): { timestamp: number; signatures: string[] } | undefined {
  if (header === undefined) return undefined
  let timestamp: number | undefined
  const signatures: string[] = []
  for (const part of header.split(',')) {
    const [name, value] = part.trim().split('=', 2)
    if (name === 't' && value !== undefined && /^\d{1,12}$/.test(value)) timestamp = Number(value)
    else if (name === 'v1' && value) signatures.push(value)
  }
  if (timestamp === undefined || signatures.length === 0) return undefined
  return { timestamp, signatures }
}

/**
 * A verifier for one secret. It remembers the deliveries it accepted within the window, so the
 * same delivery sent again is refused as replayed.
 */
export function createVerifier(secret: string, options: VerifierOptions = {}): (body: string | Uint8Array, header: string | undefined) => Verdict {
  const { toleranceSeconds = 300, now = Date.now } = options
  // Accepted signatures and their timestamps; older ones are dropped, the stale check refuses them anyway.
  const seen = new Map<string, number>()

  return (body, header) => {
    const parsed = parseSignatureHeader(header)
    if (parsed === undefined) return { ok: false, reason: 'malformed' }
    const expected = Buffer.from(hmacHex(secret, body, parsed.timestamp), 'hex')
    // timingSafeEqual throws on different lengths; a length tells an attacker nothing secret.
    const matching = parsed.signatures.find((hex) => {
      const given = Buffer.from(hex, 'hex')
      return given.length === expected.length && timingSafeEqual(given, expected)
    })
    if (matching === undefined) return { ok: false, reason: 'bad-signature' }

    const nowSeconds = Math.floor(now() / 1000)
    if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' }
    for (const [signature, timestamp] of seen) if (nowSeconds - timestamp > toleranceSeconds) seen.delete(signature)
    const key = matching.toLowerCase()
    if (seen.has(key)) return { ok: false, reason: 'replayed' }
    seen.set(key, parsed.timestamp)
    return { ok: true, timestamp: parsed.timestamp }
  }
}
