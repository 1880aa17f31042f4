/**
 * `@thanekit/sdk/sandbox`: the local city API, for development, workshops and tests.
 *
 * @example
 * import { startSandbox } from '@thanekit/sdk/sandbox'
 * const sandbox = await startSandbox({ port: 0, clock: '2026-07-14T09:00+05:30' })
 * console.log(sandbox.url) // http://127.0.0.1:43817
 * await sandbox.close()
 */
export { startSandbox, PortInUseError, DEV_API_KEY } from './server.js'
export { createClock, formatIst } from './clock.js'
export { CHAOS_HEADER, CHAOS_EXEMPT_PATHS } from './chaos.js'
export type { ChaosOptions, ResolvedChaos, ChaosFault } from './chaos.js'
export { openDatabase, migrate } from './db.js'
export type { Clock } from './clock.js'
export type { SandboxDatabase } from './db.js'
export type { Sandbox, SandboxOptions, SandboxApi, SandboxContext } from './types.js'
