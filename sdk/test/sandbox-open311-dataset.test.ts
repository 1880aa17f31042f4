import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, test } from 'vitest'
import { assetPath } from '../src/assets.js'
import { WEEK_MS } from '../src/sandbox/replay.js'
import { BASE, DEV_KEY, getJson, getXml, post, startOpen311 } from './sandbox-open311-helpers.js'

// The bundled dataset (datasets/grievances), as `thane sandbox` serves it.
const DATASETS = assetPath('datasets')
const FOLDER = join(DATASETS, 'grievances')
const DAY = 24 * 60 * 60 * 1000
const NOW = '2026-07-14T09:00+05:30'
const NOW_MS = Date.parse('2026-07-14T09:00:00+05:30')

function csv(name: string): Record<string, string>[] {
  return parse(readFileSync(join(FOLDER, name), 'utf8'), { columns: true, bom: true }) as Record<string, string>[]
}

describe('open311 on the bundled grievances dataset', () => {
  test('it serves every service of services.csv, and a definition for each, with attributes when metadata is true', async () => {
    const sandbox = await startOpen311({ dataDir: DATASETS })
    const services = csv('services.csv')
    const listed = (await getJson(sandbox, `${BASE}/services.json`)).body as { service_code: string; metadata: boolean; type: string }[]
    expect(listed.map((s) => [s.service_code, s.metadata, s.type])).toEqual(services.map((s) => [s.service_code, s.metadata === 'true', s.type]))
    for (const s of listed) {
      const definition = await getJson(sandbox, `${BASE}/services/${s.service_code}.json`)
      expect(definition.status).toBe(200)
      expect(definition.body.attributes.length > 0).toBe(s.metadata)
      const xml = await getXml(sandbox, `${BASE}/services/${s.service_code}.xml`)
      expect(xml.body.service_definition.service_code).toBe(s.service_code)
    }
  })

  test('every historical request requested by now can be read by paging through 90-day windows, and no later one', async () => {
    const sandbox = await startOpen311({ dataDir: DATASETS })
    const expected = csv('requests.csv')
      .filter((r) => Date.parse(r.requested_datetime as string) <= NOW_MS)
      .map((r) => r.service_request_id)
    const seen = new Set<string>()
    for (let from = Date.parse('2025-08-01T00:00:00+05:30'); from <= NOW_MS; from += 90 * DAY) {
      const window = `start_date=${encodeURIComponent(new Date(from).toISOString())}&end_date=${encodeURIComponent(new Date(from + 90 * DAY - 1000).toISOString())}`
      for (let page = 1; ; page++) {
        const res = await getJson(sandbox, `${BASE}/requests.json?${window}&page=${page}`)
        expect(res.status).toBe(200)
        for (const r of res.body as { service_request_id: string }[]) seen.add(r.service_request_id)
        if (!res.headers.get('link')) break
      }
    }
    expect(seen.size).toBe(expected.length)
    expect([...seen].sort()).toEqual([...expected].sort())
  })

  test('the default list holds at most 1,000 requests of the last 90 days, newest first, in JSON and XML alike', async () => {
    const sandbox = await startOpen311({ dataDir: DATASETS })
    const json = await getJson(sandbox, `${BASE}/requests.json?extensions=true`)
    const times = (json.body as { requested_datetime: string }[]).map((r) => Date.parse(r.requested_datetime))
    expect(times.length).toBeGreaterThan(0)
    expect(times.length).toBeLessThanOrEqual(1000)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW_MS - 90 * DAY)
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW_MS)
    const xml = await getXml(sandbox, `${BASE}/requests.xml?extensions=true`)
    expect(xml.body.service_requests.request).toEqual(
      json.body.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]))),
    )
  })

  test('a valid request for every service is accepted, answering an id or a token as its type says', async () => {
    const sandbox = await startOpen311({ dataDir: DATASETS })
    const services = (await getJson(sandbox, `${BASE}/services.json`)).body as { service_code: string; type: string }[]
    for (const s of services) {
      const { attributes } = (await getJson(sandbox, `${BASE}/services/${s.service_code}.json`)).body as {
        attributes: { variable: boolean; required: boolean; code: string; datatype: string; values?: { key: string }[] }[]
      }
      const fields: Record<string, string> = { api_key: DEV_KEY, service_code: s.service_code, lat: '19.1972', long: '72.9712', description: 'Sandbox check' }
      for (const a of attributes.filter((x) => x.variable && x.required)) {
        const value = { number: '1', datetime: '2026-07-14T08:00:00+05:30' }[a.datatype] ?? a.values?.[0]?.key ?? 'test'
        fields[a.datatype === 'multivaluelist' ? `attribute[${a.code}][]` : `attribute[${a.code}]`] = value
      }
      const res = await post(sandbox, fields)
      expect(res.status, `${s.service_code}: ${JSON.stringify(res.body)}`).toBe(201)
      if (s.type === 'batch') {
        const [{ token }] = res.body
        expect((await getJson(sandbox, `${BASE}/tokens/${token}.json`)).status).toBe(200)
      } else {
        expect(res.body[0].service_request_id).toMatch(/^\d+$/)
      }
    }
  })

  test('on a live clock the newest request falls within the last week', async () => {
    const sandbox = await startOpen311({ dataDir: DATASETS, clock: 'live' })
    const [newest] = (await getJson(sandbox, `${BASE}/requests.json?page_size=1`)).body
    const age = Date.now() - Date.parse(newest.requested_datetime)
    expect(age).toBeGreaterThanOrEqual(0)
    expect(age).toBeLessThan(WEEK_MS)
  })

  test('under the fixed clock the answers are the same on every start', async () => {
    const a = await startOpen311({ dataDir: DATASETS, clock: NOW })
    const b = await startOpen311({ dataDir: DATASETS, clock: NOW })
    const path = `${BASE}/requests.json?status=open&extensions=true`
    expect((await getJson(a, path)).text).toBe((await getJson(b, path)).text)
  })
})
