import './env.js'
import { createClient } from '@thanekit/sdk'
import { buildApp } from './app.js'

// createClient() reads THANE_API_URL, THANE_API_KEY and THANE_PROFILE (see .env.example).
const app = buildApp({ city: createClient(), logger: true })
const port = Number(process.env.PORT || 3000)
const host = process.env.HOST || '127.0.0.1'
await app.listen({ port, host })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close())
