import { defineConfig } from 'vitest/config'

// The tests start the sandbox (in chaos mode) and a webhook receiver: give them room on slow machines.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } })
