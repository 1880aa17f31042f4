import { existsSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import { createClient } from '@thanekit/sdk'
import { nextDelayMs, runRound } from './bot.js'
import { settingsFrom } from './settings.js'
import { SentAlerts } from './state.js'

// Settings from .env (see .env.example) when the file exists; variables already set win.
if (existsSync('.env')) process.loadEnvFile('.env')

let settings
try {
  settings = settingsFrom(process.env)
} catch (err) {
  console.error(`Error: ${(err as Error).message}`)
  process.exit(2)
}

// Extra retries: a city API on a bad day (or the sandbox with --chaos) answers 503 and 429 now and then.
const city = createClient({ retries: 4 })
const sent = new SentAlerts(settings.stateFile)
const stop = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort())

console.log(`Watching ${city.config.baseUrl} every ${settings.intervalMs / 1000} s; alerts go to the webhook in ALERTS_WEBHOOK_URL. Ctrl+C stops.`)
let failedRounds = 0
while (!stop.signal.aborted) {
  const round = await runRound(city, settings, sent)
  const time = new Date().toLocaleTimeString()
  console.log(`${time}  ${round.active.length} active, ${round.sent.length} sent${round.sent.length ? `: ${round.sent.join(', ')}` : ''}`)
  for (const failure of round.failures) console.warn(`${time}  failed: ${failure}`)
  failedRounds = round.failures.length > 0 ? failedRounds + 1 : 0
  await sleep(nextDelayMs(settings.intervalMs, failedRounds), undefined, { signal: stop.signal }).catch(() => undefined)
}
console.log('Stopped.')
