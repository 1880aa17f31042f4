// Shared by the sandbox-sensorthings*.test.ts files: start the sandbox on the fixture and call
// SensorThings over real HTTP. Not a test file itself.
import { fileURLToPath } from 'node:url'
import { expect, onTestFinished } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox/index.js'

/**
 * The fixture datasets folder: `sensors/` holds 3 Things (Kalwa, Naupada, Majiwada), 5 Datastreams
 * and 204 Observations on 2026-07-14 from 00:00 to 11:45 +05:30 (Datastreams 1-4 every 15 minutes,
 * ids 1-48, 49-96, 97-144, 145-192; Datastream 5 hourly, ids 193-204).
 */
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url))
/** At this clock 158 Observations are visible: 37 of each 15-minute stream (00:00 to 09:00) and 10 hourly. */
export const NOW = '2026-07-14T09:00+05:30'
export const VISIBLE = 158
export const DEV_KEY = 'thane-sandbox-dev-key'
export const ROOT = '/sensorthings/v1.1'

export async function startSensors(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, dbPath: ':memory:', dataDir: FIXTURES, clock: NOW, ...options })
  onTestFinished(() => sandbox.close())
  return sandbox
}

export interface Answer {
  status: number
  type: string | null
  headers: Headers
  text: string
  body: any
}

/** Calls the sandbox; `path` is below the service root unless it is absolute. */
export async function call(sandbox: Sandbox, path: string, init?: RequestInit): Promise<Answer> {
  const url = path.startsWith('http') ? path : `${sandbox.url}${ROOT}${path}`
  const res = await fetch(url, init)
  const text = await res.text()
  const type = res.headers.get('content-type')
  return { status: res.status, type, headers: res.headers, text, body: type?.startsWith('application/json') ? JSON.parse(text) : text }
}

/** GET, expecting 200 JSON. */
export async function ok(sandbox: Sandbox, path: string): Promise<any> {
  const answer = await call(sandbox, path)
  expect(answer.status, answer.text).toBe(200)
  expect(answer.type).toBe('application/json; charset=utf-8')
  return answer.body
}

/** GET, expecting a SensorThings error with this status; returns its message. */
export async function error(sandbox: Sandbox, path: string, status: number, init?: RequestInit): Promise<string> {
  const answer = await call(sandbox, path, init)
  expect(answer.status, answer.text).toBe(status)
  expect(answer.body).toEqual({ code: status, type: 'error', message: expect.any(String) })
  return answer.body.message as string
}

/** POSTs JSON, with the development key unless `key` is given (null: no key). */
export async function postJson(sandbox: Sandbox, path: string, body: unknown, key: string | null = DEV_KEY): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (key !== null) headers['x-api-key'] = key
  return call(sandbox, path, { method: 'POST', headers, body: JSON.stringify(body) })
}

/** The ids of a list answer. */
export const ids = (body: { value: { '@iot.id': number }[] }) => body.value.map((e) => e['@iot.id'])

/** How many observations the database holds, visible or not. */
export function storedObservations(sandbox: Sandbox): number {
  return Number((sandbox.db.prepare('SELECT count(*) AS n FROM st_observations').get() as { n: number }).n)
}
