import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, onTestFinished, test } from 'vitest'
import { call, DEV_KEY, error, ok, postJson, ROOT, startSensors, storedObservations, VISIBLE } from './sandbox-sensorthings-helpers.js'

const BUNDLED = 204

describe('SensorThings: creating Observations', () => {
  test('POST Observations with the key stores it: 201, Location = selfLink, the entity in the body, and GET finds it', async () => {
    const sandbox = await startSensors()
    const res = await postJson(sandbox, '/Observations', { Datastream: { '@iot.id': 3 }, phenomenonTime: '2026-07-14T08:55:00+05:30', result: 14.5 })
    expect(res.status, res.text).toBe(201)
    const self = `${sandbox.url}${ROOT}/Observations(1000000000)`
    expect(res.headers.get('location')).toBe(self)
    expect(res.body).toMatchObject({ '@iot.selfLink': self, '@iot.id': 1000000000, phenomenonTime: '2026-07-14T03:25:00Z', resultTime: null, result: 14.5 })
    expect(await ok(sandbox, '/Observations(1000000000)')).toEqual(res.body)
    expect((await ok(sandbox, '/Observations(1000000000)/FeatureOfInterest'))['@iot.id']).toBe(2)
    expect((await ok(sandbox, '/Datastreams(3)/Observations?$count=true&$top=0'))['@iot.count']).toBe(38)
    expect(storedObservations(sandbox)).toBe(BUNDLED + 1)
  })

  test('phenomenonTime defaults to the clock, resultTime to null; other result types and an interval are kept', async () => {
    const sandbox = await startSensors()
    const now = await postJson(sandbox, '/Observations', { Datastream: { '@iot.id': 1 }, result: 'calibrating' })
    expect(now.body).toMatchObject({ phenomenonTime: '2026-07-14T03:30:00Z', resultTime: null, result: 'calibrating' })
    const object = await postJson(sandbox, '/Observations', {
      Datastream: { '@iot.id': 1 },
      result: { pm25: 41, flag: true },
      phenomenonTime: '2026-07-14T08:00:00+05:30/2026-07-14T09:00:00+05:30',
      resultTime: '2026-07-14T09:00:00+05:30',
      parameters: { method: 'manual' },
    })
    expect(object.body).toMatchObject({
      phenomenonTime: '2026-07-14T02:30:00Z/2026-07-14T03:30:00Z',
      resultTime: '2026-07-14T03:30:00Z',
      result: { pm25: 41, flag: true },
      parameters: { method: 'manual' },
    })
    expect((await ok(sandbox, `/Observations?$filter=result eq 'calibrating'`)).value.map((o: any) => o.result)).toEqual(['calibrating'])
  })

  test('POST Datastreams(n)/Observations links the Datastream; the FeatureOfInterest comes from its Thing\'s Location unless linked', async () => {
    const sandbox = await startSensors()
    const res = await postJson(sandbox, '/Datastreams(5)/Observations', { result: 612, phenomenonTime: '2026-07-14T09:00:00+05:30' })
    expect(res.status, res.text).toBe(201)
    const id = res.body['@iot.id']
    expect((await ok(sandbox, `/Observations(${id})/Datastream`))['@iot.id']).toBe(5)
    expect((await ok(sandbox, `/Observations(${id})/FeatureOfInterest`))['@iot.id']).toBe(3)
    const linked = await postJson(sandbox, '/Observations', { Datastream: { '@iot.id': 5 }, FeatureOfInterest: { '@iot.id': 1 }, result: 1 })
    expect((await ok(sandbox, `/Observations(${linked.body['@iot.id']})/FeatureOfInterest`))['@iot.id']).toBe(1)
    expect(await error(sandbox, '/Datastreams(9)/Observations', 404, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEV_KEY }, body: '{"result":1}' })).toBe('Datastreams(9) was not found')
  })

  test('an observation posted in the future of the clock is stored but invisible until the clock reaches it', async () => {
    const sandbox = await startSensors()
    const res = await postJson(sandbox, '/Observations', { Datastream: { '@iot.id': 2 }, phenomenonTime: '2026-07-14T10:00:00+05:30', result: 99 })
    expect(res.status).toBe(201)
    const id = res.body['@iot.id']
    expect(await error(sandbox, `/Observations(${id})`, 404)).toBe(`Observations(${id}) was not found`)
    expect((await ok(sandbox, '/Observations?$count=true&$top=0'))['@iot.count']).toBe(VISIBLE)
    sandbox.clock.advance(60 * 60_000)
    expect((await ok(sandbox, `/Observations(${id})`)).result).toBe(99)
  })

  test('without the key a POST is a 401, with a wrong one a 403; the key may also come as ?api_key; nothing is stored without it', async () => {
    const sandbox = await startSensors()
    const body = { Datastream: { '@iot.id': 1 }, result: 1 }
    const none = await postJson(sandbox, '/Observations', body, null)
    expect(none.status).toBe(401)
    expect(none.body).toEqual({ code: 401, type: 'error', message: expect.stringMatching(/X-API-Key header/) })
    expect((await postJson(sandbox, '/Observations', body, 'wrong')).status).toBe(403)
    expect((await postJson(sandbox, '/CreateObservations', [], null)).status).toBe(401)
    expect((await postJson(sandbox, '/Datastreams(1)/Observations', { result: 1 }, 'wrong')).status).toBe(403)
    expect(storedObservations(sandbox)).toBe(BUNDLED)
    expect((await postJson(sandbox, `/Observations?api_key=${DEV_KEY}`, body, null)).status).toBe(201)
  })

  test('integrity: no Datastream, an unknown Datastream or FeatureOfInterest, no result or a bad time is a 400 and nothing is stored', async () => {
    const sandbox = await startSensors()
    const cases: [unknown, RegExp][] = [
      [{ result: 1 }, /needs its Datastream/],
      [{ Datastream: { '@iot.id': 42 }, result: 1 }, /^Datastream 42 does not exist/],
      [{ Datastream: { '@iot.id': 1 } }, /^an Observation needs a result$/],
      [{ Datastream: { '@iot.id': 1 }, result: 1, FeatureOfInterest: { '@iot.id': 77 } }, /^FeatureOfInterest 77 does not exist$/],
      [{ Datastream: { '@iot.id': 1 }, result: 1, phenomenonTime: 'yesterday' }, /^phenomenonTime must be an ISO 8601 date-time/],
      [{ Datastream: { name: 'new' }, result: 1 }, /deep insert\) is not supported/],
      [{ Datastream: { '@iot.id': 1 }, result: 1, colour: 'red' }, /has no property "colour"/],
      [[1, 2], /must be a JSON object/],
    ]
    for (const [body, message] of cases) {
      const res = await postJson(sandbox, '/Observations', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.message).toMatch(message)
    }
    const notJson = await call(sandbox, '/Observations', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEV_KEY }, body: '{' })
    expect(notJson.status).toBe(400)
    expect(notJson.body).toEqual({ code: 400, type: 'error', message: 'the body is not valid JSON' })
    expect(storedObservations(sandbox)).toBe(BUNDLED)
  })

  test('CreateObservations stores data arrays and answers 201 with a selfLink or "error" per row, in order', async () => {
    const sandbox = await startSensors()
    const res = await postJson(sandbox, '/CreateObservations', [
      {
        Datastream: { '@iot.id': 1 },
        components: ['phenomenonTime', 'result', 'FeatureOfInterest/id'],
        dataArray: [
          ['2026-07-14T08:10:00+05:30', 50, 1],
          ['not a time', 51, 1],
          ['2026-07-14T08:20:00+05:30', 52, 99],
        ],
      },
      { Datastream: { '@iot.id': 4 }, components: ['result', 'phenomenonTime'], dataArray: [[120, '2026-07-14T08:10:00+05:30'], [121]] },
    ])
    expect(res.status, res.text).toBe(201)
    expect(res.body).toEqual([`${sandbox.url}${ROOT}/Observations(1000000000)`, 'error', 'error', `${sandbox.url}${ROOT}/Observations(1000000001)`, 'error'])
    expect(await ok(sandbox, '/Observations(1000000001)?$select=result,phenomenonTime')).toEqual({ result: 120, phenomenonTime: '2026-07-14T02:40:00Z' })
    expect(storedObservations(sandbox)).toBe(BUNDLED + 2)
  })

  test('CreateObservations without the mandatory components or with an unknown Datastream is a 400 and stores nothing', async () => {
    const sandbox = await startSensors()
    const noResult = await postJson(sandbox, '/CreateObservations', [{ Datastream: { '@iot.id': 1 }, components: ['phenomenonTime'], dataArray: [['2026-07-14T08:10:00+05:30']] }])
    expect(noResult.status).toBe(400)
    expect(noResult.body.message).toBe('group 1: components must include result')
    const unknown = await postJson(sandbox, '/CreateObservations', [{ Datastream: { '@iot.id': 8 }, components: ['phenomenonTime', 'result'], dataArray: [] }])
    expect(unknown.body.message).toBe('group 1: Datastream 8 does not exist')
    expect((await postJson(sandbox, '/CreateObservations', { not: 'an array' })).status).toBe(400)
    expect(storedObservations(sandbox)).toBe(BUNDLED)
  })

  test('other writes are not implemented: POST Things, PATCH and DELETE answer 501', async () => {
    const sandbox = await startSensors()
    expect((await postJson(sandbox, '/Things', { name: 'x', description: 'y' })).status).toBe(501)
    expect(await error(sandbox, '/Things(1)', 501, { method: 'DELETE' })).toMatch(/^DELETE is not supported/)
    expect(await error(sandbox, '/Things(1)', 501, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{}' })).toMatch(/^PATCH is not supported/)
  })

  test('created observations persist in a database file across restarts; the bundled ones are imported again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-sensorthings-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const dbPath = join(dir, 'sandbox.db')
    const first = await startSensors({ dbPath })
    const res = await postJson(first, '/Observations', { Datastream: { '@iot.id': 2 }, result: 77 })
    await first.close()
    const second = await startSensors({ dbPath })
    expect((await ok(second, `/Observations(${res.body['@iot.id']})`)).result).toBe(77)
    expect((await ok(second, '/Observations?$count=true&$top=0'))['@iot.count']).toBe(VISIBLE + 1)
    expect(storedObservations(second)).toBe(BUNDLED + 1)
    const next = await postJson(second, '/Observations', { Datastream: { '@iot.id': 2 }, result: 78 })
    expect(next.body['@iot.id']).toBe(res.body['@iot.id'] + 1)
  })
})
