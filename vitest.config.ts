import { defineConfig } from 'vitest/config'

// One config for the whole monorepo. `npm test` builds first, so the CLI's e2e tests run the built
// binary (cli/bin/run.js -> cli/dist) exactly as a user would.
export default defineConfig({
  test: {
    include: ['sdk/test/**/*.test.ts', 'cli/test/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here: a few forks keep spawned CLIs and sandboxes from starving each other.
    pool: 'forks',
    maxWorkers: 2,
    // The JSON report is what .ci/run reads to print its "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
})
