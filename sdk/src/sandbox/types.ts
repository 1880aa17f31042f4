import type { FastifyInstance } from 'fastify'
import type { ChaosOptions, ResolvedChaos } from './chaos.js'
import type { Clock } from './clock.js'
import type { SandboxDatabase } from './db.js'

/** How to run the sandbox. Every option has a default, so `startSandbox()` alone serves on 127.0.0.1:4100. */
export interface SandboxOptions {
  /** Interface to listen on. Default `'127.0.0.1'` (loopback only). */
  host?: string
  /** Port to listen on; `0` picks a free one (read it back from `Sandbox.port`). Default `4100`. */
  port?: number
  /**
   * Sandbox time: `'live'` follows real time; an ISO 8601 date-time with an offset
   * (`'2026-07-14T09:00+05:30'`) or a Date fixes it at that instant; a `Clock` is used as it is.
   * Default `'live'`.
   */
  clock?: 'live' | string | Date | Clock
  /** Folder holding the datasets the APIs serve. Default: the datasets bundled with Thane Kit. */
  dataDir?: string
  /** SQLite file for what the sandbox stores (its folder is created), or `':memory:'`. Default `':memory:'`. */
  dbPath?: string
  /** Log each request (Fastify's pino logger, to stdout). Default `false`. */
  logger?: boolean
  /**
   * The only `api_key` the sandbox accepts where a standard asks for one (Open311 POST). Default:
   * the public development key `DEV_API_KEY` (`'thane-sandbox-dev-key'`); read the effective key
   * back from `Sandbox.apiKey`.
   */
  apiKey?: string
  /**
   * Chaos mode: answer a share of requests with 503 or 429 (with `Retry-After`) or after a delay,
   * each marked with an `x-thane-chaos` header; `/healthz` is exempt. Default: off.
   */
  chaos?: ChaosOptions
}

/** A running sandbox, as returned by `startSandbox()`. */
export interface Sandbox {
  /** Base URL to reach it, with the real port, e.g. `http://127.0.0.1:43817`. */
  readonly url: string
  /** The interface it listens on, as given in the options. */
  readonly host: string
  /** The port it listens on (the one picked when `port: 0` was given). */
  readonly port: number
  /** The sandbox clock; move it with `advance` or `set` to make time pass in a lab or test. */
  readonly clock: Clock
  /** The sandbox database. */
  readonly db: SandboxDatabase
  /** The `api_key` it accepts: `options.apiKey`, or `DEV_API_KEY` when none was given. */
  readonly apiKey: string
  /** Chaos mode with its defaults filled in (the seed to replay a run), or `undefined` when off. */
  readonly chaos: ResolvedChaos | undefined
  /** Stops the server (letting requests in flight finish), then closes the database. Safe to call twice. */
  close(): Promise<void>
}

/** What an API receives when it is registered. */
export interface SandboxContext {
  readonly db: SandboxDatabase
  /** Read time only from this clock, never from `Date.now()`, so a fixed clock fixes everything. */
  readonly clock: Clock
  /** Folder holding the datasets to serve. */
  readonly dataDir: string
  /** The one `api_key` to accept: `options.apiKey`, or `DEV_API_KEY` when none was given. */
  readonly apiKey: string
  /** The options `startSandbox` was called with, as given (defaults not filled in). */
  readonly options: Readonly<SandboxOptions>
}

/**
 * One standard's API served by the sandbox. Each is registered in its own Fastify encapsulation
 * context, so its hooks and error handler (e.g. an Open311 error format) stay its own.
 *
 * @example
 * const open311: SandboxApi = {
 *   name: 'grievances',
 *   standard: 'Open311 GeoReport v2',
 *   path: '/open311/v2',
 *   register(app, ctx) {
 *     app.get('/open311/v2/services.json', async () => listServices(ctx.dataDir))
 *   },
 * }
 */
export interface SandboxApi {
  /** Short name, e.g. `'grievances'`. */
  readonly name: string
  /** Root path listed by `GET /`, e.g. `'/open311/v2'`. Routes are added with full paths. */
  readonly path: string
  /** The standard it speaks, e.g. `'Open311 GeoReport v2'`. */
  readonly standard: string
  register(app: FastifyInstance, ctx: SandboxContext): Promise<void> | void
}
