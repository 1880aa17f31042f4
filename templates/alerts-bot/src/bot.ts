import type { ThaneClient } from '@thanekit/sdk'
import { sendToWebhook, type WebhookOptions } from './notify.js'
import type { SentAlerts } from './state.js'
import { airAlerts, floodAlerts, transitAlerts, type CityAlert } from './watch.js'

export interface BotSettings {
  webhookUrl: string
  /** Notify at or above this AQI. */
  aqiAt: number
  webhook?: WebhookOptions
}

/** What one round found and did. */
export interface RoundResult {
  /** Alerts active now. */
  active: CityAlert[]
  /** Keys sent this round. */
  sent: string[]
  /** What failed: a watcher that could not read the city, or an alert the webhook did not take. */
  failures: string[]
}

/**
 * One round: runs every watcher, sends each alert not sent before, and remembers it once the webhook
 * took it. A watcher that fails leaves what it watches as it was (no alert is forgotten or re-sent
 * because the city API had a bad minute); the next round tries again.
 */
export async function runRound(city: ThaneClient, settings: BotSettings, sent: SentAlerts): Promise<RoundResult> {
  const watchers: [string, () => Promise<CityAlert[]>][] = [
    ['flood', () => floodAlerts(city)],
    ['air', () => airAlerts(city, settings.aqiAt)],
    ['transit', () => transitAlerts(city)],
  ]
  const results = await Promise.allSettled(watchers.map(([, watch]) => watch()))
  const active: CityAlert[] = []
  const failures: string[] = []
  const activeKeys = new Set<string>()
  results.forEach((result, i) => {
    const kind = watchers[i]![0]
    if (result.status === 'fulfilled') active.push(...result.value)
    else {
      failures.push(`${kind} watcher: ${(result.reason as Error).message}`)
      // Keep its keys: we do not know whether its conditions cleared.
      for (const key of sent.keys()) if (key.startsWith(`${kind}:`)) activeKeys.add(key)
    }
  })
  for (const alert of active) activeKeys.add(alert.key)
  sent.keepOnly(activeKeys)

  const fresh = active.filter((alert) => !sent.has(alert.key))
  const delivered: string[] = []
  // One at a time, in order: a receiver that rate-limits sees a polite client.
  for (const alert of fresh) {
    try {
      await sendToWebhook(settings.webhookUrl, alert, settings.webhook)
      sent.add(alert.key)
      delivered.push(alert.key)
    } catch (err) {
      failures.push(`${alert.key}: ${(err as Error).message}`)
    }
  }
  return { active, sent: delivered, failures }
}

/** The wait before the next round: the interval, doubled for each round in a row that failed, up to 10 minutes. */
export function nextDelayMs(intervalMs: number, failedRoundsInARow: number): number {
  return Math.min(10 * 60_000, intervalMs * 2 ** failedRoundsInARow)
}
