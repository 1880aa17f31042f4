import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { InputError, ThaneError } from '../src/errors.js'
import { planLifecycle } from '../src/sandbox/apis/open311/lifecycle.js'
import { createClock, openDatabase, startSandbox, type Clock } from '../src/sandbox/index.js'
import { replayShiftMs, WEEK_MS } from '../src/sandbox/replay.js'
import {
  BASE,
  countRequests,
  FIXTURES,
  getJson,
  post,
  pothole,
  REQUEST_COLUMNS,
  startOpen311,
  tempDir,
  writeDataset,
} from './sandbox-open311-helpers.js'

const DAY = 24 * 60 * 60 * 1000
const FIXTURE_END = '2026-07-31T21:45:00+05:30'

/** A live clock that stands where the test puts it, so "now" is known. */
function liveAt(iso: string): Clock {
  let time = Date.parse(iso)
  return {
    mode: 'live',
    now: () => new Date(time),
    advance: (ms) => void (time += ms),
    set: (date) => void (time = date.getTime()),
  }
}

describe('replayShiftMs', () => {
  test('a fixed clock replays nothing: the shift is 0', () => {
    expect(replayShiftMs(new Date(FIXTURE_END), createClock('2030-01-01T00:00Z'))).toBe(0)
  })

  test('a live clock shifts by whole weeks so the dataset end falls in the last week before now', () => {
    const end = new Date(FIXTURE_END)
    const cases: [string, number][] = [
      [FIXTURE_END, 0],
      ['2026-08-07T21:44:59+05:30', 0],
      ['2026-08-07T21:45:00+05:30', 1],
      ['2026-09-02T10:00:00+05:30', 4],
      ['2026-07-31T21:44:59+05:30', -1],
      ['2026-03-01T00:00:00+05:30', -22],
    ]
    for (const [now, weeks] of cases) {
      const shift = replayShiftMs(end, liveAt(now))
      expect(shift).toBe(weeks * WEEK_MS)
      const replayedEnd = end.getTime() + shift
      expect(replayedEnd).toBeLessThanOrEqual(Date.parse(now))
      expect(Date.parse(now) - replayedEnd).toBeLessThan(WEEK_MS)
    }
  })

  test('an invalid dataset end is rejected as input', () => {
    expect(() => replayShiftMs(new Date(Number.NaN), createClock())).toThrow(InputError)
  })
})

describe('planLifecycle', () => {
  test('is the same for the same id, and keeps acknowledgement within 10 to 90 minutes and closing within 20 % to 80 % of the SLA', () => {
    const requested = Date.parse('2026-07-14T09:00:00+05:30')
    expect(planLifecycle(100022, requested, 7)).toEqual(planLifecycle(100022, requested, 7))
    const minutes = new Set<number>()
    for (let id = 100001; id < 102001; id++) {
      const plan = planLifecycle(id, requested, 3)
      const ack = (plan.acknowledged_ms - requested) / 60_000
      minutes.add(ack)
      expect(Number.isInteger(ack) && ack >= 10 && ack <= 90).toBe(true)
      expect(plan.expected_ms).toBe(plan.acknowledged_ms + 3 * DAY)
      const fraction = (plan.closed_ms - plan.acknowledged_ms) / (3 * DAY)
      expect(fraction).toBeGreaterThanOrEqual(0.2 - 1e-4)
      expect(fraction).toBeLessThanOrEqual(0.8 + 1e-4)
      expect((plan.closed_ms - requested) % 60_000).toBe(0)
    }
    expect(minutes.size).toBe(81)
  })
})

describe('open311 on a live clock', () => {
  test('the dataset is replayed so that its newest request was requested within the last week, keeping weekday and time of day', async () => {
    const sandbox = await startOpen311({ clock: liveAt('2026-09-02T10:00:00+05:30') })
    const [newest] = (await getJson(sandbox, `${BASE}/requests.json?page_size=1`)).body
    expect(newest.service_request_id).toBe('100021')
    // 4 weeks after Friday 31 July 2026, 21:45.
    expect(newest.requested_datetime).toBe('2026-08-28T21:45:00+05:30')
    const [oldest] = (await getJson(sandbox, `${BASE}/requests/100001.json?extensions=true`)).body
    expect(oldest).toMatchObject({
      requested_datetime: '2025-08-29T08:15:00+05:30',
      acknowledged_datetime: '2025-08-29T09:05:00+05:30',
      closed_datetime: '2025-09-01T16:00:00+05:30',
    })
  })

  test('with the real clock, every historical time moves by the same whole number of weeks', async () => {
    const sandbox = await startOpen311({ clock: 'live' })
    const [newest] = (await getJson(sandbox, `${BASE}/requests.json?page_size=1`)).body
    const shift = Date.parse(newest.requested_datetime) - Date.parse(FIXTURE_END)
    expect(shift % WEEK_MS).toBe(0)
    expect(Date.now() - Date.parse(newest.requested_datetime)).toBeLessThan(WEEK_MS)
    expect(Date.now() - Date.parse(newest.requested_datetime)).toBeGreaterThanOrEqual(0)
    const [first] = (await getJson(sandbox, `${BASE}/requests/100001.json`)).body
    expect(Date.parse(first.requested_datetime) - Date.parse('2025-08-01T08:15:00+05:30')).toBe(shift)
  })

  test('a live clock before the dataset end shifts it back', async () => {
    const sandbox = await startOpen311({ clock: liveAt('2026-03-01T00:00:00+05:30') })
    const [newest] = (await getJson(sandbox, `${BASE}/requests.json?page_size=1`)).body
    expect(newest).toMatchObject({ service_request_id: '100021', requested_datetime: '2026-02-27T21:45:00+05:30' })
  })
})

describe('open311 storage across restarts', () => {
  test('on a file database, submitted requests survive a restart and the dataset is re-imported once', async () => {
    const dbPath = join(tempDir(), 'sandbox.db')
    const first = await startOpen311({ dbPath })
    const a = await post(first, pothole({ description: 'kept across restarts' }))
    await post(first, { api_key: first.apiKey, service_code: 'TREE', address_string: 'Kopri' })
    await first.close()

    const second = await startOpen311({ dbPath })
    expect(countRequests(second)).toBe(23)
    const [kept] = (await getJson(second, `${BASE}/requests/${a.body[0].service_request_id}.json`)).body
    expect(kept).toMatchObject({ service_request_id: '100022', description: 'kept across restarts', requested_datetime: '2026-07-14T09:00:00+05:30' })
    expect((await post(second, pothole())).body).toEqual([{ service_request_id: '100024' }])
    expect(second.db.prepare(`SELECT version FROM schema_migrations WHERE domain = 'open311'`).all()).toEqual([{ version: 1 }])
  })

  test('a restart under another clock re-shifts the historical requests and leaves submitted ones as they were', async () => {
    const dbPath = join(tempDir(), 'sandbox.db')
    const first = await startOpen311({ dbPath })
    await post(first, pothole())
    await first.close()
    const second = await startOpen311({ dbPath, clock: liveAt('2026-09-02T10:00:00+05:30') })
    const [historical] = (await getJson(second, `${BASE}/requests/100021.json`)).body
    expect(historical.requested_datetime).toBe('2026-08-28T21:45:00+05:30')
    const [submitted] = (await getJson(second, `${BASE}/requests/100022.json`)).body
    expect(submitted.requested_datetime).toBe('2026-07-14T09:00:00+05:30')
    expect(countRequests(second)).toBe(22)
  })

  test('a request written to the same database file by another connection shows at once', async () => {
    const dbPath = join(tempDir(), 'sandbox.db')
    const sandbox = await startOpen311({ dbPath })
    expect((await getJson(sandbox, `${BASE}/requests.json`)).body).toHaveLength(12)
    const other = openDatabase(dbPath)
    try {
      other
        .prepare(`INSERT INTO open311_requests (id, source, service_code, service_name, requested_ms, address) VALUES (?, 'api', 'TREE', 'Tree fall or trimming', ?, ?)`)
        .run(100050, Date.parse('2026-07-14T08:59:00+05:30'), 'written elsewhere')
    } finally {
      other.close()
    }
    const [first] = (await getJson(sandbox, `${BASE}/requests.json`)).body
    expect(first).toMatchObject({ service_request_id: '100018' })
    expect((await getJson(sandbox, `${BASE}/requests.json`)).body[1]).toMatchObject({ service_request_id: '100050', address: 'written elsewhere' })
  })

  test('a dataset that has grown into the id of a kept submitted request stops the start with E_DB', async () => {
    const dbPath = join(tempDir(), 'sandbox.db')
    const first = await startOpen311({ dbPath })
    await post(first, pothole())
    await first.close()
    const lines = readFileSync(join(FIXTURES, 'grievances', 'requests.csv'), 'utf8').trim().split('\n').slice(1)
    const last = lines.find((line) => line.startsWith('100021,')) as string
    const grown = [...lines, last.replace(/^100021,/, '100022,')]
    const err = await startSandbox({ port: 0, dbPath, dataDir: writeDataset(grown), clock: '2026-07-14T09:00+05:30' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ThaneError)
    expect((err as ThaneError).code).toBe('E_DB')
    expect((err as ThaneError).message).toBe(
      `the dataset's request 100022 has the id of a request submitted earlier and kept in ${dbPath}; the dataset has grown since, so start with a fresh database (delete that file or choose another dbPath)`,
    )
  })
})

describe('open311 dataset checks', () => {
  async function startError(dataDir: string): Promise<ThaneError> {
    const err = await startSandbox({ port: 0, dataDir, clock: '2026-07-14T09:00+05:30' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(ThaneError)
    expect((err as ThaneError).code).toBe('E_DATA')
    return err as ThaneError
  }
  const fix = 'fix the grievances dataset (datasets/generate) or pass another dataDir'
  const services = readFileSync(join(FIXTURES, 'grievances', 'services.csv'), 'utf8')
  const requests = readFileSync(join(FIXTURES, 'grievances', 'requests.csv'), 'utf8')

  test('without a grievances folder the sandbox starts and does not serve /open311/v2', async () => {
    const sandbox = await startSandbox({ port: 0, dataDir: tempDir() })
    try {
      const res = await fetch(new URL(`${BASE}/services.json`, sandbox.url))
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route GET /open311/v2/services.json; see GET / for the APIs' } })
    } finally {
      await sandbox.close()
    }
  })

  test('a missing file stops the start naming the three files', async () => {
    const dataDir = writeDataset(undefined)
    const file = join(dataDir, 'grievances', 'service-definitions.json')
    const { rmSync } = await import('node:fs')
    rmSync(file)
    expect((await startError(dataDir)).message).toBe(`${file} is missing; the grievances dataset needs services.csv, service-definitions.json and requests.csv`)
  })

  test.each([
    ['services.csv', services.replace(',true,realtime,"road', ',yes,realtime,"road'), `services.csv record 1: metadata must be true or false; got 'yes'; ${fix}`],
    ['services.csv', services.replace('batch,"tree', 'queued,"tree'), `services.csv record 5: type must be realtime, batch or blackbox; got 'queued'; ${fix}`],
    ['services.csv', services.replace(',10\n', ',-1\n'), `services.csv record 5: sla_days must be a positive number; got '-1'; ${fix}`],
    ['services.csv', services.replace('service_code,service_name,', 'code,service_name,'), `services.csv: lacks the column service_code; ${fix}`],
    ['service-definitions.json', '{"TREE": {"service_code": "TREE", "attributes": [{"code": "X"}]}}', `service-definitions.json service TREE attribute 1: datatype must be one of string, number, datetime, text, singlevaluelist, multivaluelist; ${fix}`],
    ['service-definitions.json', '{"NOPE": {"service_code": "NOPE", "attributes": []}}', `service-definitions.json service NOPE: is not a service of services.csv; ${fix}`],
    ['service-definitions.json', '{}', `service-definitions.json service POTHOLE: has metadata=true in services.csv but no attributes here; ${fix}`],
    ['service-definitions.json', '[', `service-definitions.json: is not valid JSON (Unexpected end of JSON input); ${fix}`],
    ['requests.csv', requests.replace('100003,STREETLIGHT', '100003,LAMP'), `requests.csv request 100003: service_code 'LAMP' is not in services.csv; ${fix}`],
    ['requests.csv', requests.replace('2025-09-10T07:40:00+05:30', '2025-09-10 07:40'), `requests.csv request 100002: requested_datetime must be a W3C date-time with a zone; got '2025-09-10 07:40'; ${fix}`],
    ['requests.csv', requests.replace('100004,WATERLEAK', '100003,WATERLEAK'), `requests.csv request 100003: service_request_id appears twice; ${fix}`],
    ['requests.csv', requests.replace('Lamp post no. 14', 'Lamp\u0007post no. 14'), `requests.csv line 4: holds U+0007, which XML cannot carry; ${fix}`],
    ['requests.csv', `${REQUEST_COLUMNS}\n100001,POTHOLE,Pothole on road,x,en,open,,,,2026-07-14T09:00:00+05:30,2026-07-14T08:00:00+05:30,,,,,,,,,,\n`, `requests.csv request 100001: acknowledged_datetime is before requested_datetime; ${fix}`],
  ])('a broken %s stops the start with E_DATA naming the record and the rule', async (name, text, message) => {
    const dataDir = writeDataset(undefined, { [name]: text })
    expect((await startError(dataDir)).message).toBe(`${join(dataDir, 'grievances', name)}${message.slice(name.length)}`)
  })
})
