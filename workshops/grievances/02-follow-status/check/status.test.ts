import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { pathToFileURL } from 'node:url'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'

interface Status {
  status: 'open' | 'closed'
  notes: string
  agency?: string
  expected?: string
  updated: string
}

const exerciseDir = process.env.THANE_EXERCISE_DIR
if (!exerciseDir) throw new Error('THANE_EXERCISE_DIR is not set: run the check with `thane workshop verify`')
const learner = (await import(new URL('status.ts', pathToFileURL(exerciseDir + '/')).href)) as {
  getStatus: (baseUrl: string, id: string) => Promise<Status>
  describe: (status: Status) => string
}

const FILED_AT = '2026-07-14T09:00:00+05:30'
const HOUR = 3_600_000
let sandbox: Sandbox
let id: string

before(async () => {
  sandbox = await startSandbox({ port: 0, clock: FILED_AT, dbPath: ':memory:' })
  // Filed here with fetch, so that only the following is checked.
  const body = new URLSearchParams({ api_key: sandbox.apiKey, service_code: 'ROAD_DAMAGE', lat: '19.1972', long: '72.9722', description: 'Broken footpath near Teen Hath Naka' })
  const response = await fetch(`${sandbox.url}/open311/v2/requests.json`, { method: 'POST', body })
  const [created] = (await response.json()) as { service_request_id: string }[]
  if (!created) throw new Error(`bug: the sandbox did not file the check's complaint (${response.status})`)
  id = created.service_request_id
})
after(() => sandbox.close())

const setClock = (hoursAfterFiling: number) => sandbox.clock.set(new Date(Date.parse(FILED_AT) + hoursAfterFiling * HOUR))

test('a complaint just filed is open and awaiting assignment, with no agency yet', async () => {
  setClock(0)
  const status = await learner.getStatus(sandbox.url, id)
  assert.deepEqual(status, { status: 'open', notes: 'Received; awaiting assignment', updated: FILED_AT })
})

test('two hours later a department has taken it and says when it expects to be done', async () => {
  setClock(2)
  const status = await learner.getStatus(sandbox.url, id)
  assert.deepEqual(status, {
    status: 'open',
    notes: 'Assigned to Public Works Department; work in progress',
    agency: 'Public Works Department',
    expected: '2026-07-21T10:06:00+05:30',
    updated: '2026-07-14T10:06:00+05:30',
  })
})

test('eight days later it is closed, with the closing note and time', async () => {
  setClock(8 * 24)
  const status = await learner.getStatus(sandbox.url, id)
  assert.equal(status.status, 'closed', `expected closed, got ${status.status}`)
  assert.equal(status.notes, 'Paver blocks relaid and levelled')
  assert.equal(status.updated, '2026-07-19T07:42:00+05:30', `expected the closing time as updated, got ${status.updated}`)
})

test('an id the server does not know is an error', async () => {
  await assert.rejects(learner.getStatus(sandbox.url, '999999999'), (error: Error) => {
    assert.doesNotMatch(error.message, /not written yet/, 'getStatus is not written yet')
    assert.match(error.message, /404|999999999/, `expected the message to give the status 404 or the id, got: ${error.message}`)
    return true
  })
})

test('describe gives one line: status, notes, agency, expected time while open, and the update time', () => {
  assert.equal(
    learner.describe({ status: 'open', notes: 'Assigned to Public Works Department; work in progress', agency: 'Public Works Department', expected: '2026-07-21T10:06:00+05:30', updated: '2026-07-14T10:06:00+05:30' }),
    'open: Assigned to Public Works Department; work in progress, Public Works Department, expected by 2026-07-21T10:06:00+05:30 (updated 2026-07-14T10:06:00+05:30)',
  )
  assert.equal(learner.describe({ status: 'open', notes: 'Received; awaiting assignment', updated: FILED_AT }), `open: Received; awaiting assignment (updated ${FILED_AT})`)
  assert.equal(
    learner.describe({ status: 'closed', notes: 'Paver blocks relaid and levelled', agency: 'Public Works Department', expected: '2026-07-21T10:06:00+05:30', updated: '2026-07-19T07:42:00+05:30' }),
    'closed: Paver blocks relaid and levelled, Public Works Department (updated 2026-07-19T07:42:00+05:30)',
  )
})
