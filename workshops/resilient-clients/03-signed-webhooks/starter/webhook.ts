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
  // TODO: createHmac('sha256', secret), update with the timestamp and a dot, then with the body; hex digest.
  throw new Error('not written yet')
}

/** The Thane-Signature header value for a body sent at `timestamp` (unix seconds): `t=…,v1=…`. */
export function signWebhook(secret: string, body: string | Uint8Array, timestamp: number): string {
  throw new Error('not written yet')
}

/** `t=…,v1=…[,v1=…]` into its timestamp and signatures; undefined when it is not that. */
export function parseSignatureHeader(header: string | undefined): { timestamp: number; signatures: string[] } | undefined {
  throw new Error('not written yet')
}

/**
 * A verifier for one secret. It remembers the deliveries it accepted within the window, so the
 * same delivery sent again is refused as replayed.
 */
export function createVerifier(secret: string, options: VerifierOptions = {}): (body: string | Uint8Array, header: string | undefined) => Verdict {
  const { toleranceSeconds = 300, now = Date.now } = options
  return (body, header) => {
    // TODO, in this order:
    //   1. parse the header; 'malformed' when it is missing or not t=…,v1=…
    //   2. 'bad-signature' unless one of the v1 values equals hmacHex(secret, body, t), compared
    //      with timingSafeEqual (never ===, whose time tells how many characters matched)
    //   3. 'stale' when t is more than toleranceSeconds away from now(), either way
    //   4. 'replayed' when this delivery was accepted before; otherwise remember it and accept
    throw new Error('not written yet')
  }
}
