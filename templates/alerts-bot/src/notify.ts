import { setTimeout as sleep } from 'node:timers/promises'
import type { CityAlert } from './watch.js'

export interface WebhookOptions {
  /** Attempts after the first one. Default 4. */
  retries?: number
  /** Ceiling of the first backoff, doubled at each retry (with full jitter). Default 500 ms. */
  baseDelayMs?: number
  /** Longest wait between attempts, Retry-After included. Default 30 s. */
  maxDelayMs?: number
  /** Per-attempt timeout. Default 10 s. */
  timeoutMs?: number
}

/** The webhook answered with an error, or could not be reached, after every retry. */
export class WebhookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'WebhookError'
  }
}

/**
 * Posts one alert as JSON. `text` is what Slack, Mattermost and Google Chat show; the other fields
 * are for your own receiver. Retries on network errors, 5xx and 429 (honouring Retry-After); the
 * `Idempotency-Key` header lets a receiver drop a repeat when an answer was lost on the way back.
 */
export async function sendToWebhook(url: string, alert: CityAlert, options: WebhookOptions = {}): Promise<void> {
  const { retries = 4, baseDelayMs = 500, maxDelayMs = 30_000, timeoutMs = 10_000 } = options
  const { key, kind, severity, title, text } = alert
  const body = JSON.stringify({ text: `*${title}*\n${text}`, key, kind, severity, title, detail: text, sentAt: new Date().toISOString() })
  for (let attempt = 0; ; attempt++) {
    let failure: string
    let retryAfterMs: number | undefined
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': alert.key },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      })
      await res.body?.cancel()
      if (res.ok) return
      failure = `answered ${res.status}`
      if (res.status !== 429 && res.status < 500) throw new WebhookError(`the webhook ${failure}; check ALERTS_WEBHOOK_URL`)
      retryAfterMs = retryAfter(res.headers.get('retry-after'))
    } catch (err) {
      if (err instanceof WebhookError) throw err
      failure = `could not be reached (${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message})`
    }
    if (attempt >= retries) throw new WebhookError(`the webhook ${failure} after ${attempt + 1} attempts`)
    // Full jitter: bots that failed together do not retry together.
    await sleep(Math.min(maxDelayMs, retryAfterMs ?? Math.random() * baseDelayMs * 2 ** attempt))
  }
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined
  if (/^\d+$/.test(header.trim())) return Number(header) * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now())
}
