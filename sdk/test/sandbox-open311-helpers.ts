// Shared by the sandbox-open311*.test.ts files: start the sandbox on the fixture, call it over real
// HTTP, parse its XML. Not a test file itself.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XMLParser } from 'fast-xml-parser'
import { expect, onTestFinished } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox/index.js'

/** The fixture datasets folder: `grievances/` holds 5 services and 21 requests (100001 to 100021). */
export const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url))
/** The fixed clock most tests run at: 100018 is requested exactly now; 100019 one second later. */
export const NOW = '2026-07-14T09:00+05:30'
export const DEV_KEY = 'thane-sandbox-dev-key'
export const BASE = '/open311/v2'

/** Starts the sandbox on a free port, the fixture data, an in-memory database and the fixed clock; closed when the test ends. */
export async function startOpen311(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, dbPath: ':memory:', dataDir: FIXTURES, clock: NOW, ...options })
  onTestFinished(() => sandbox.close())
  return sandbox
}

export interface Answer {
  status: number
  type: string | null
  headers: Headers
  text: string
  /** The body parsed as JSON (JSON answers) or as XML (XML answers). */
  body: any
}

const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'])
const xml = new XMLParser({
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  ignoreDeclaration: true,
  isArray: (name) => LISTS.has(name),
})

/** Parses an Open311 XML answer: every value a string, lists always arrays. */
export function parseXml(text: string): any {
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true)
  return xml.parse(text)
}

/** Calls the sandbox; the body is parsed by its content type. */
export async function call(sandbox: Sandbox, path: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(new URL(path, sandbox.url), init)
  const text = await res.text()
  const type = res.headers.get('content-type')
  const body = type?.startsWith('application/json') ? JSON.parse(text) : type?.startsWith('text/xml') ? parseXml(text) : text
  return { status: res.status, type, headers: res.headers, text, body }
}

/** GET, expecting JSON. */
export async function getJson(sandbox: Sandbox, path: string): Promise<Answer> {
  const answer = await call(sandbox, path)
  expect(answer.type).toBe('application/json; charset=utf-8')
  return answer
}

/** GET, expecting XML. */
export async function getXml(sandbox: Sandbox, path: string): Promise<Answer> {
  const answer = await call(sandbox, path)
  expect(answer.type).toBe('text/xml; charset=utf-8')
  return answer
}

export type Fields = Record<string, string | number | string[]>

/** A form-encoded body; an array value repeats its field. */
export function formBody(fields: Fields): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item))
  return params.toString()
}

/** POSTs a service request, form-encoded unless `json` is set. */
export async function post(
  sandbox: Sandbox,
  fields: Fields | Record<string, unknown>,
  options: { format?: 'json' | 'xml'; json?: boolean; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const { format = 'json', json = false, headers = {} } = options
  return call(sandbox, `${BASE}/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: json ? JSON.stringify(fields) : formBody(fields as Fields),
  })
}

/** A valid pothole report with the development key. */
export function pothole(extra: Fields = {}): Fields {
  return { api_key: DEV_KEY, service_code: 'POTHOLE', lat: '19.2183', long: '72.9781', 'attribute[SIZE]': 'medium', ...extra }
}

/** How many requests the database holds (visible or not). */
export function countRequests(sandbox: Sandbox): number {
  return Number((sandbox.db.prepare('SELECT count(*) AS n FROM open311_requests').get() as { n: number }).n)
}

/** A temporary folder, removed when the test ends. */
export function tempDir(prefix = 'thane-open311-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export const REQUEST_COLUMNS =
  'service_request_id,service_code,service_name,description,description_language,status,status_notes,agency_responsible,service_notice,requested_datetime,acknowledged_datetime,expected_datetime,updated_datetime,closed_datetime,address,address_id,zipcode,lat,long,ward,media_url'

/**
 * A datasets folder with the fixture's services and definitions and the given requests.csv
 * (header added), or with `files` overriding any of the three files.
 */
export function writeDataset(requestLines: string[] | undefined, files: Record<string, string> = {}): string {
  const dataDir = tempDir()
  const folder = join(dataDir, 'grievances')
  mkdirSync(folder)
  for (const name of ['services.csv', 'service-definitions.json', 'requests.csv']) {
    copyFileSync(join(FIXTURES, 'grievances', name), join(folder, name))
  }
  if (requestLines) writeFileSync(join(folder, 'requests.csv'), `${REQUEST_COLUMNS}\n${requestLines.join('\n')}\n`)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text)
  return dataDir
}

/** `count` closed garbage requests, one every `stepMinutes` back from `newest` (epoch ms), ids from 200001. */
export function manyRequests(count: number, newest: number, stepMinutes: number): string[] {
  const ist = (ms: number) => new Date(ms + 330 * 60_000).toISOString().replace(/\.000Z$/, '+05:30')
  return Array.from({ length: count }, (_, i) => {
    const requested = newest - i * stepMinutes * 60_000
    const ack = requested + 30 * 60_000
    const closed = ack + 86_400_000
    return [
      200001 + i, 'GARBAGE', 'Garbage not collected', `Bin overflowing (report ${i + 1})`, 'en', 'closed', 'Garbage cleared.',
      'TMC Solid Waste Management Department', '', ist(requested), ist(ack), ist(ack + 2 * 86_400_000), ist(closed), ist(closed),
      'Wagle Estate', '', '400604', '19.2010', '72.9530', i % 2 === 0 ? 'Wagle Estate' : 'Kalwa', '',
    ].join(',')
  })
}
