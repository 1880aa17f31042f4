import { defineConfig, loadEnv } from 'vite'
import { thaneApi } from './server/plugin.js'

// The city API: THANE_API_URL from the environment or .env, else the sandbox on this machine.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'THANE_')
  const target = env.THANE_API_URL || process.env.THANE_API_URL || 'http://127.0.0.1:4100'
  // The open-standard APIs themselves, for code that wants them raw: fetch('/sensorthings/v1.1/Things').
  const proxy = Object.fromEntries(['/sensorthings', '/open311', '/gtfs', '/gtfs-rt', '/healthz'].map((path) => [path, { target, changeOrigin: true }]))
  return {
    plugins: [thaneApi({ ...env, THANE_API_URL: target })],
    server: { proxy },
    preview: { proxy },
  }
})
