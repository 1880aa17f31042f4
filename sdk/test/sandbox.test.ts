import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import { InputError, ThaneError } from '../src/errors.js'
import type { SandboxDatabase } from '../src/sandbox/db.js'
import { PortInUseError, startSandbox, type Sandbox, type SandboxApi, type SandboxOptions } from '../src/sandbox/index.js'
import { startSandboxWith } from '../src/sandbox/server.js'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

async function start(options: SandboxOptions = {}, apis?: SandboxApi[]): Promise<Sandbox> {
  const all = { host: '127.0.0.1', port: 0, ...options }
  const sandbox = apis ? await startSandboxWith(all, apis) : await startSandbox(all)
  onTestFinished(() => sandbox.close())
  return sandbox
}

async function get(sandbox: Sandbox, path: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: unknown }> {
  const res = await fetch(new URL(path, sandbox.url), init)
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() }
}

async function rejection(promise: Promise<unknown>): Promise<ThaneError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ThaneError)
  return err as ThaneError
}

async function occupiedPort(): Promise<number> {
  const blocker = createServer()
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())))
  return (blocker.address() as AddressInfo).port
}

describe('startSandbox', () => {
  test('listens on the asked host and a free port, and its url carries the real port', async () => {
    const sandbox = await start()
    expect(sandbox.host).toBe('127.0.0.1')
    expect(sandbox.port).toBeGreaterThan(0)
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`)
  })

  test('GET /healthz answers 200 as thane-sandbox with the SDK version and the time in +05:30', async () => {
    const sandbox = await start({ clock: '2026-07-14T09:00+05:30' })
    const res = await get(sandbox, '/healthz')
    expect(res.status).toBe(200)
    expect(res.type).toMatch(/^application\/json/)
    expect(res.body).toEqual({ status: 'ok', service: 'thane-sandbox', version, now: '2026-07-14T09:00:00+05:30' })
  })

  test('GET / describes the sandbox: its fixed clock, the APIs it serves, its links, and that the data is synthetic', async () => {
    const sandbox = await start({ clock: '2026-07-14T03:30:00Z' })
    const res = await get(sandbox, '/')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      name: 'Thane Kit sandbox',
      version,
      note: expect.stringContaining('synthetic'),
      clock: { mode: 'fixed', now: '2026-07-14T09:00:00+05:30' },
      apis: [
        { name: 'grievances', standard: 'Open311 GeoReport v2', path: '/open311/v2' },
        { name: 'sensors', standard: 'OGC SensorThings API 1.1', path: '/sensorthings/v1.1' },
        { name: 'transit', standard: 'GTFS Schedule + GTFS Realtime 2.0', path: '/gtfs' },
      ],
      links: { health: '/healthz' },
    })
  })

  test('advancing the sandbox clock moves the time that GET / and /healthz show', async () => {
    const sandbox = await start({ clock: '2026-07-14T09:00+05:30' })
    sandbox.clock.advance(15 * 60_000)
    expect(((await get(sandbox, '/')).body as { clock: unknown }).clock).toEqual({ mode: 'fixed', now: '2026-07-14T09:15:00+05:30' })
    sandbox.clock.set(new Date('2026-12-31T18:30:00Z'))
    expect(((await get(sandbox, '/healthz')).body as { now: unknown }).now).toBe('2027-01-01T00:00:00+05:30')
  })

  test('the clock is live by default and shows real time', async () => {
    const sandbox = await start()
    const { clock } = (await get(sandbox, '/')).body as { clock: { mode: string; now: string } }
    expect(clock.mode).toBe('live')
    expect(clock.now).toMatch(/\+05:30$/)
    expect(Math.abs(Date.parse(clock.now) - Date.now())).toBeLessThan(60_000)
  })

  test('an unknown route answers 404 JSON naming the method and path, without the query', async () => {
    const sandbox = await start()
    expect(await get(sandbox, '/x?y=1')).toEqual({
      status: 404,
      type: 'application/json; charset=utf-8',
      body: { error: { code: 'not_found', message: 'no route GET /x; see GET / for the APIs' } },
    })
    expect((await get(sandbox, '/healthz', { method: 'POST' })).body).toEqual({
      error: { code: 'not_found', message: 'no route POST /healthz; see GET / for the APIs' },
    })
  })

  test('a malformed URL answers 400 in the same JSON error shape', async () => {
    const sandbox = await start()
    const res = await get(sandbox, '/%zz')
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } })
  })

  test('a port in use rejects with PortInUseError naming host and port, and what to do', async () => {
    const port = await occupiedPort()
    const err = await rejection(startSandbox({ host: '127.0.0.1', port }))
    expect(err).toBeInstanceOf(PortInUseError)
    expect(err.code).toBe('E_PORT_IN_USE')
    expect(err).toMatchObject({ host: '127.0.0.1', port })
    expect(err.message).toBe(
      `port ${port} on 127.0.0.1 is already in use; stop what is using it or choose another port with --port (0 picks a free one)`,
    )
  })

  test('an address this machine does not have rejects with E_LISTEN', async () => {
    // 192.0.2.0/24 is reserved for documentation (RFC 5737), so no machine is given it.
    const err = await rejection(startSandbox({ host: '192.0.2.1', port: 0 }))
    expect(err.code).toBe('E_LISTEN')
    expect(err.message).toBe('cannot listen on 192.0.2.1 port 0 (EADDRNOTAVAIL); check the host and port')
  })

  test('a failed start closes the database it opened', async () => {
    const port = await occupiedPort()
    let db: SandboxDatabase | undefined
    const spy: SandboxApi = { name: 'spy', path: '/spy', standard: 'none', register: (_app, ctx) => void (db = ctx.db) }
    await rejection(startSandboxWith({ host: '127.0.0.1', port }, [spy]))
    expect(db?.isOpen).toBe(false)
  })

  test('an API whose registration fails stops the start and closes the database', async () => {
    let db: SandboxDatabase | undefined
    const broken: SandboxApi = {
      name: 'broken',
      path: '/broken',
      standard: 'none',
      register(_app, ctx) {
        db = ctx.db
        throw new Error('bug: broken API')
      },
    }
    await expect(startSandboxWith({ host: '127.0.0.1', port: 0 }, [broken])).rejects.toThrow('bug: broken API')
    expect(db?.isOpen).toBe(false)
  })

  test('close() may be called twice, even at once; afterwards the server is gone and the database closed', async () => {
    const sandbox = await start()
    expect((await get(sandbox, '/healthz')).status).toBe(200)
    await Promise.all([sandbox.close(), sandbox.close()])
    await sandbox.close()
    expect(sandbox.db.isOpen).toBe(false)
    await expect(fetch(new URL('/healthz', sandbox.url))).rejects.toThrow()
  })

  test('a file database given as dbPath is opened in WAL mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-sandbox-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const sandbox = await start({ dbPath: join(dir, 'state', 'sandbox.db') })
    expect(sandbox.db.path).toBe(join(dir, 'state', 'sandbox.db'))
    expect(sandbox.db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' })
  })

  test('an unopenable dbPath rejects with E_DB', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-sandbox-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const err = await rejection(startSandbox({ port: 0, dbPath: dir }))
    expect(err.code).toBe('E_DB')
    expect(err.message).toBe(`cannot open the sandbox database ${dir} (unable to open database file); choose a writable file path, or ':memory:'`)
  })

  test('a malformed clock rejects with an InputError on the clock field', async () => {
    const err = await rejection(startSandbox({ port: 0, clock: '14/07/2026 09:00' }))
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).field).toBe('clock')
    expect(err.message).toMatch(/^clock must be 'live' or an ISO 8601 date-time with an offset, like 2026-07-14T09:00\+05:30/)
  })

  test.each([-1, 65536, 1.5, Number.NaN])('port %s is rejected as input', async (port) => {
    const err = await rejection(startSandbox({ port }))
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).field).toBe('port')
    expect(err.message).toBe(`port must be a whole number from 0 to 65535 (0 picks a free one); got ${String(port)}`)
  })

  test('a dataDir that is not a folder is rejected as input', async () => {
    const missing = join(tmpdir(), 'thane-sandbox-no-such-folder')
    const err = await rejection(startSandbox({ port: 0, dataDir: missing }))
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).field).toBe('dataDir')
    expect(err.message).toBe(`dataDir ${missing} is not a folder; pass the folder holding the datasets, or leave it out for the bundled ones`)
  })
})

describe('sandbox APIs', () => {
  const echo: SandboxApi = {
    name: 'echo',
    path: '/echo/v1',
    standard: 'Echo 1.0',
    register(app, ctx) {
      app.get('/echo/v1/now', async () => ({ now: ctx.clock.now().toISOString(), dataDir: ctx.dataDir }))
      app.get('/echo/v1/fail', async () => {
        throw new Error('secret detail from /srv/thane')
      })
    },
  }

  test('GET / lists each registered API, and its routes are served with the sandbox context', async () => {
    const sandbox = await start({ clock: '2026-07-14T09:00+05:30', dataDir: tmpdir() }, [echo])
    expect(((await get(sandbox, '/')).body as { apis: unknown }).apis).toEqual([{ name: 'echo', standard: 'Echo 1.0', path: '/echo/v1' }])
    expect((await get(sandbox, '/echo/v1/now')).body).toEqual({ now: '2026-07-14T03:30:00.000Z', dataDir: tmpdir() })
  })

  test('a failing route answers 500 internal_error without the error message or a stack trace', async () => {
    const sandbox = await start({}, [echo])
    const res = await get(sandbox, '/echo/v1/fail')
    expect(res.status).toBe(500)
    expect(res.body).toEqual({
      error: { code: 'internal_error', message: 'the sandbox failed to answer GET /echo/v1/fail; start the sandbox with logging on to see why' },
    })
  })

  test('an API may answer errors in its own format without changing the others', async () => {
    const open311Like: SandboxApi = {
      name: 'own-errors',
      path: '/own',
      standard: 'Own 1.0',
      register(app) {
        app.setErrorHandler((_err, _request, reply) => reply.code(400).send([{ code: 400, description: 'bad' }]))
        app.get('/own/fail', async () => {
          throw new Error('boom')
        })
      },
    }
    const sandbox = await start({}, [open311Like, echo])
    expect(await get(sandbox, '/own/fail')).toMatchObject({ status: 400, body: [{ code: 400, description: 'bad' }] })
    expect(await get(sandbox, '/echo/v1/fail')).toMatchObject({ status: 500, body: { error: { code: 'internal_error' } } })
  })
})
