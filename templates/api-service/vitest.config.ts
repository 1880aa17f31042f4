import { defineConfig } from 'vitest/config'

// The tests start the sandbox and run the program in a child process: give them room on slow machines.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } })
