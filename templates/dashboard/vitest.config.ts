import { defineConfig } from 'vitest/config'

// Its own config, so tests do not load the dev server's /api plugin. The API tests start the sandbox: give them room.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } })
