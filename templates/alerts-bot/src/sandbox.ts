import { existsSync } from 'node:fs'
import { startSandbox } from '@thanekit/sdk/sandbox'

// The local city API on the kit's bundled data. THANE_SANDBOX_CLOCK=2026-07-24T08:00+05:30 is a
// flooded monsoon morning; THANE_SANDBOX_CHAOS=0.3 makes 30% of requests fail or stall, to see the backoff work.
if (existsSync('.env')) process.loadEnvFile('.env')
const rate = process.env.THANE_SANDBOX_CHAOS
const sandbox = await startSandbox({
  port: Number(process.env.THANE_SANDBOX_PORT || 4100),
  clock: process.env.THANE_SANDBOX_CLOCK || 'live',
  ...(rate ? { chaos: { rate: Number(rate) } } : {}),
})
console.log(`Thane sandbox on ${sandbox.url}${sandbox.chaos ? ` with chaos at ${sandbox.chaos.rate}` : ''} (Ctrl+C to stop)`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void sandbox.close())
