import './env.js'
import { startSandbox } from '@thanekit/sdk/sandbox'

// The local city API (sensors, buses, grievances) on the kit's bundled data: develop with no network.
// THANE_SANDBOX_CLOCK fixes its time (e.g. 2026-07-14T09:00+05:30); by default the data replays live.
const sandbox = await startSandbox({ port: Number(process.env.THANE_SANDBOX_PORT || 4100), clock: process.env.THANE_SANDBOX_CLOCK || 'live' })
console.log(`Thane sandbox on ${sandbox.url} (Ctrl+C to stop)`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void sandbox.close())
