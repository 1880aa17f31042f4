import { statSync } from 'node:fs'
import { STATUS_CODES } from 'node:http'
import { fastify, type FastifyInstance, type FastifyReply } from 'fastify'
import { assetPath } from '../assets.js'
import { SANDBOX_DEV_API_KEY } from '../config.js'
import { InputError, ThaneError } from '../errors.js'
import { SDK_VERSION } from '../version.js'
import { sandboxApis } from './apis/index.js'
import { installChaos, resolveChaos } from './chaos.js'
import { addCityPageRoutes, cityPageHtml, wantsHtml } from './city-page.js'
import { createClock, formatIst } from './clock.js'
import { openDatabase } from './db.js'
import type { Sandbox, SandboxApi, SandboxContext, SandboxOptions } from './types.js'

/**
 * The `api_key` the sandbox accepts unless it is started with `apiKey`. It is public: the sandbox
 * serves synthetic data on loopback, and the key exists so that clients practise sending one.
 */
export const DEV_API_KEY = SANDBOX_DEV_API_KEY

const DEFAULT_HOST = '127.0.0.1'
const DEFAULT_PORT = 4100

/** The sandbox could not listen because another process holds the port. */
export class PortInUseError extends ThaneError {
  readonly host: string
  readonly port: number

  constructor(init: { host: string; port: number }, options?: { cause?: unknown }) {
    super(
      'E_PORT_IN_USE',
      `port ${init.port} on ${init.host} is already in use; stop what is using it or choose another port with --port (0 picks a free one)`,
      options,
    )
    this.host = init.host
    this.port = init.port
  }
}

/**
 * Starts the local city API: the bundled datasets served through open standards, plus `GET /`
 * (what is served) and `GET /healthz`. Resolves once it is listening. The big datasets are read on
 * the first request that needs them (the sensors month on the first SensorThings request, the GTFS
 * feed on the first transit one), so a start takes a fraction of a second; such a request waits for
 * the load, and a sensors load that fails answers 503, tried again on the next request.
 *
 * @throws PortInUseError when the port is taken; InputError for a bad option; ThaneError `E_DB`
 *   when the database cannot be opened. A failed start leaves nothing open.
 * @example
 * const sandbox = await startSandbox({ port: 0, clock: '2026-07-14T09:00+05:30' })
 * const health = await (await fetch(`${sandbox.url}/healthz`)).json()
 * await sandbox.close()
 */
export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandboxWith(options, sandboxApis)
}

/** `startSandbox` with the API list given: tests use it to plug in APIs of their own. */
export async function startSandboxWith(options: SandboxOptions, apis: readonly SandboxApi[]): Promise<Sandbox> {
  const host = options.host ?? DEFAULT_HOST
  const port = options.port ?? DEFAULT_PORT
  if (host === '') throw new InputError(`host must be an interface name or address, like 127.0.0.1; got an empty string`, { field: 'host' })
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError(`port must be a whole number from 0 to 65535 (0 picks a free one); got ${String(port)}`, { field: 'port' })
  }
  const apiKey = options.apiKey ?? DEV_API_KEY
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new InputError(`apiKey must be a non-empty string, or left out for the development key ${DEV_API_KEY}; got ${JSON.stringify(apiKey)}`, { field: 'apiKey' })
  }
  const clock = createClock(options.clock ?? 'live')
  const chaos = options.chaos === undefined ? undefined : resolveChaos(options.chaos)
  const dataDir = options.dataDir ?? assetPath('datasets')
  if (!statSync(dataDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new InputError(`dataDir ${dataDir} is not a folder; pass the folder holding the datasets, or leave it out for the bundled ones`, { field: 'dataDir' })
  }

  const db = openDatabase(options.dbPath ?? ':memory:')
  const app = fastify({
    logger: options.logger ?? false,
    // Errors Fastify raises before routing (e.g. a malformed URL) get the same JSON shape as the rest.
    frameworkErrors: (err, _request, reply) => sendError(reply, 400, 'bad_request', err.message),
  })
  const ctx: SandboxContext = { db, clock, dataDir, apiKey, options: Object.freeze({ ...options }) }
  let actualPort: number
  try {
    // First, so the hook covers every route the APIs add.
    if (chaos) installChaos(app, chaos)
    addCoreRoutes(app, ctx, apis)
    for (const api of apis) {
      await app.register(async (scope) => {
        await api.register(scope, ctx)
      })
    }
    actualPort = await listen(app, host, port)
  } catch (err) {
    try {
      await app.close()
    } finally {
      db.close()
    }
    throw err
  }

  let closing: Promise<void> | undefined
  return {
    url: `http://${urlHost(host)}:${actualPort}`,
    host,
    port: actualPort,
    clock,
    db,
    apiKey,
    chaos,
    close: () =>
      (closing ??= (async () => {
        try {
          await app.close()
        } finally {
          db.close()
        }
      })()),
  }
}

function addCoreRoutes(app: FastifyInstance, ctx: SandboxContext, apis: readonly SandboxApi[]): void {
  const { clock, options } = ctx
  // A browser (Accept: text/html) gets the live city page; machines keep getting the JSON index.
  app.get('/', async (request, reply) => {
    reply.header('vary', 'accept')
    if (wantsHtml(request.headers.accept)) return reply.type('text/html; charset=utf-8').send(cityPageHtml())
    return {
      name: 'Thane Kit sandbox',
      version: SDK_VERSION,
      note: 'All data served here is synthetic: realistic in shape, generated from a fixed seed, not real Thane records.',
      clock: { mode: clock.mode, now: formatIst(clock.now()) },
      apis: apis.map(({ name, standard, path }) => ({ name, standard, path })),
      links: { health: '/healthz' },
    }
  })
  addCityPageRoutes(app, ctx)

  // `service` is how `thane doctor` tells a Thane sandbox from whatever else holds a port.
  app.get('/healthz', async () => ({ status: 'ok', service: 'thane-sandbox', version: SDK_VERSION, now: formatIst(clock.now()) }))

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `no route ${request.method} ${pathOf(request.url)}; see GET / for the APIs`),
  )

  app.setErrorHandler((err, request, reply) => {
    const status = clientErrorStatus(err)
    if (status !== undefined && err instanceof Error) {
      return sendError(reply, status, snakeCase(STATUS_CODES[status] ?? 'client error'), err.message)
    }
    // The cause goes to the log only: an answer never carries a stack trace or internals.
    request.log.error({ err }, 'request failed')
    const why = options.logger ? 'see the sandbox log for why' : 'start the sandbox with logging on to see why'
    return sendError(reply, 500, 'internal_error', `the sandbox failed to answer ${request.method} ${pathOf(request.url)}; ${why}`)
  })
}

async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  try {
    await app.listen({ host, port })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') throw new PortInUseError({ host, port }, { cause: err })
    throw new ThaneError('E_LISTEN', `cannot listen on ${host} port ${port} (${code ?? String(err)}); check the host and port`, { cause: err })
  }
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error(`bug: the sandbox listens on ${String(address)}, not a TCP port`)
  return address.port
}

// A 4xx status set on the error (Fastify's own errors, or an API's http-errors) is the client's fault.
function clientErrorStatus(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined
}

function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } })
}

// A wildcard address is not somewhere to connect to; loopback on the same family is.
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

function pathOf(url: string): string {
  return url.replace(/\?.*$/s, '')
}

function snakeCase(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_')
}
