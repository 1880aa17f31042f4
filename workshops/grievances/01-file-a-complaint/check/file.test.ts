import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { pathToFileURL } from 'node:url'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'

interface Complaint {
  serviceCode: string
  lat: number
  lon: number
  description: string
}

const exerciseDir = process.env.THANE_EXERCISE_DIR
if (!exerciseDir) throw new Error('THANE_EXERCISE_DIR is not set: run the check with `thane workshop verify`')
const { fileComplaint } = (await import(new URL('file.ts', pathToFileURL(exerciseDir + '/')).href)) as {
  fileComplaint: (baseUrl: string, apiKey: string, complaint: Complaint) => Promise<string>
}

let sandbox: Sandbox
before(async () => {
  sandbox = await startSandbox({ port: 0, clock: '2026-07-14T09:00:00+05:30', dbPath: ':memory:' })
})
after(() => sandbox.close())

const complaint: Complaint = {
  serviceCode: 'ROAD_DAMAGE',
  lat: 19.1972,
  lon: 72.9722,
  description: 'Paver blocks sunk near Teen Hath Naka, two-wheelers skidding, "urgent" & dangerous',
}

test('fileComplaint files the complaint and returns the id the server gave it', async () => {
  const id = await fileComplaint(sandbox.url, sandbox.apiKey, complaint)
  assert.equal(typeof id, 'string', `expected the id as a string, got ${typeof id}: ${String(id)}`)
  const response = await fetch(`${sandbox.url}/open311/v2/requests/${encodeURIComponent(id)}.json`)
  assert.equal(response.status, 200, `expected GET requests/${id}.json to find the complaint, got ${response.status}`)
  const [stored] = (await response.json()) as Record<string, unknown>[]
  assert.equal(stored?.service_code, 'ROAD_DAMAGE', `expected service_code ROAD_DAMAGE, got ${String(stored?.service_code)}`)
  assert.equal(stored?.description, complaint.description, 'expected the description exactly as given (quotes and & included)')
  assert.equal(stored?.lat, 19.1972, `expected lat 19.1972, got ${String(stored?.lat)}`)
  assert.equal(stored?.long, 72.9722, `expected long 72.9722 (sent as "long"), got ${String(stored?.long)}`)
})

test('two complaints get two different ids', async () => {
  const first = await fileComplaint(sandbox.url, sandbox.apiKey, complaint)
  const second = await fileComplaint(sandbox.url, sandbox.apiKey, { ...complaint, description: 'Second complaint about the same footpath' })
  assert.notEqual(first, second, `expected two ids, got ${first} twice`)
})

test('a wrong API key is an error that gives the status 403', async () => {
  await assert.rejects(fileComplaint(sandbox.url, 'not-the-key', complaint), (error: Error) => {
    assert.match(error.message, /403/, `expected the message to give the status 403, got: ${error.message}`)
    return true
  })
})

test('a location outside Thane is an error that gives the status 400', async () => {
  await assert.rejects(fileComplaint(sandbox.url, sandbox.apiKey, { ...complaint, lat: 18.52, lon: 73.85 }), (error: Error) => {
    assert.match(error.message, /400/, `expected the message to give the status 400, got: ${error.message}`)
    return true
  })
})
