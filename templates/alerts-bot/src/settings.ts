/** What the bot reads from the environment (see .env.example). */
export interface Settings {
  webhookUrl: string
  intervalMs: number
  aqiAt: number
  stateFile: string
}

/** Reads and checks the settings. @throws Error with a one-line message naming the variable. */
export function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const webhookUrl = env.ALERTS_WEBHOOK_URL ?? ''
  if (!/^https?:\/\/\S+$/.test(webhookUrl)) {
    throw new Error(`ALERTS_WEBHOOK_URL must be the http(s) URL of your webhook; got "${webhookUrl}" (set it in .env, see .env.example)`)
  }
  const seconds = Number(env.ALERTS_INTERVAL_SECONDS || 60)
  if (!(Number.isFinite(seconds) && seconds >= 1)) throw new Error(`ALERTS_INTERVAL_SECONDS must be a number of seconds, 1 or more; got "${env.ALERTS_INTERVAL_SECONDS}"`)
  const aqiAt = Number(env.ALERTS_AQI_AT || 201)
  if (!(Number.isInteger(aqiAt) && aqiAt >= 0 && aqiAt <= 500)) throw new Error(`ALERTS_AQI_AT must be a whole AQI from 0 to 500 (201 = Poor); got "${env.ALERTS_AQI_AT}"`)
  return { webhookUrl, intervalMs: seconds * 1000, aqiAt, stateFile: env.ALERTS_STATE_FILE || '.alerts-state.json' }
}
