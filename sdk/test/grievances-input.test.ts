import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { resolveConfig } from '../src/config.js'
import { InputError } from '../src/errors.js'
import { createGrievancesClient, type GrievancesClient, type ListRequestsFilters, type SubmitRequestInput } from '../src/grievances/index.js'
import { createHttp } from '../src/http/client.js'
import { send, startServer, type LocalServer } from './helpers/local-server.js'

// Everything here must be refused before a request is sent: the server counts its hits.

let server: LocalServer
let client: GrievancesClient
beforeAll(async () => {
  server = await startServer((res) => send(res, 200, []))
  const config = resolveConfig({ grievances: { url: `${server.url}/open311/v2`, apiKey: 'k' }, env: {}, configFile: false })
  client = createGrievancesClient(config, createHttp(config))
})
afterAll(() => server.close())
beforeEach(() => {
  server.hits.length = 0
})

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected the call to fail, but it succeeded')
}

const here = { lat: 19.1972, lon: 72.9722 }
const bad = (input: unknown) => input as SubmitRequestInput

describe('grievances: submit input', () => {
  it.each([
    ['without a service code', bad({ location: here }), 'serviceCode', 'serviceCode is required: pass a service code from services()'],
    ['with a blank service code', bad({ serviceCode: '  ', location: here }), 'serviceCode', 'serviceCode is required: pass a service code from services(), not "  "'],
    ['without a location', bad({ serviceCode: '1' }), 'location', 'location is required: pass { lat, lon }, { addressString } or { addressId }'],
    ['with an empty location', bad({ serviceCode: '1', location: { addressString: ' ' } }), 'location', 'location is empty: pass { lat, lon }, { addressString } or { addressId }'],
    ['with a latitude but no longitude', bad({ serviceCode: '1', location: { lat: 19.2 } }), 'location.lon', 'location.lon is missing: a coordinate needs both lat and lon'],
    ['with a longitude but no latitude', bad({ serviceCode: '1', location: { lon: 72.9 } }), 'location.lat', 'location.lat is missing: a coordinate needs both lat and lon'],
    ['with a latitude out of range', bad({ serviceCode: '1', location: { lat: 91, lon: 72.9 } }), 'location.lat', 'location.lat must be between -90 and 90 degrees (WGS 84), not 91'],
    ['with a longitude out of range', bad({ serviceCode: '1', location: { lat: 19.2, lon: -180.5 } }), 'location.lon', 'location.lon must be between -180 and 180 degrees (WGS 84), not -180.5'],
    ['with a latitude that is not a number', bad({ serviceCode: '1', location: { lat: Number.NaN, lon: 72.9 } }), 'location.lat', 'location.lat must be a finite number of degrees, not NaN'],
    ['with a longitude given as text', bad({ serviceCode: '1', location: { lat: 19.2, lon: '72.9' } }), 'location.lon', 'location.lon must be a finite number of degrees, not "72.9"'],
    ['with an infinite longitude', bad({ serviceCode: '1', location: { lat: 19.2, lon: Infinity } }), 'location.lon', 'location.lon must be a finite number of degrees, not Infinity'],
    ['with a description over 4,000 characters', { serviceCode: '1', location: here, description: 'x'.repeat(4001) }, 'description', 'description is 4,001 characters long; Open311 accepts at most 4,000'],
    ['with an attribute answer that is an object', bad({ serviceCode: '1', location: here, attributes: { SIZE: { big: true } } }), 'attributes.SIZE', 'attributes.SIZE must be a string, not object'],
    ['with a multivaluelist holding a non-string', bad({ serviceCode: '1', location: here, attributes: { HAZARDS: ['traffic', true] } }), 'attributes.HAZARDS[1]', 'attributes.HAZARDS[1] must be a string, not boolean'],
  ])('submit: rejects a grievance %s before sending', async (_name, input, field, message) => {
    const err = await failure(client.submit(input))

    expect(err).toBeInstanceOf(InputError)
    expect(err).toMatchObject({ code: 'E_INPUT', field, message })
    expect(server.hits).toHaveLength(0)
  })

  it('submit: counts the 4,000-character limit in characters (code points), not UTF-16 units', async () => {
    // 4,000 emoji are 8,000 UTF-16 units but 4,000 characters: accepted; one more is refused.
    await client.submit({ serviceCode: '1', location: here, description: '🕳'.repeat(4000) })
    const err = await failure(client.submit({ serviceCode: '1', location: here, description: 'म'.repeat(4001) }))

    expect(new URLSearchParams(server.hits[0]!.body).get('description')).toHaveLength(8000)
    expect(err).toMatchObject({ code: 'E_INPUT', field: 'description', message: 'description is 4,001 characters long; Open311 accepts at most 4,000' })
    expect(server.hits).toHaveLength(1)
  })

  it('submit: accepts the edges of the coordinate ranges', async () => {
    await client.submit({ serviceCode: '1', location: { lat: -90, lon: 180 } })

    expect(server.hits[0]!.body).toBe('api_key=k&service_code=1&lat=-90&long=180')
  })

  it('submit: rejects an empty idempotency key before sending', async () => {
    const err = await failure(client.submit({ serviceCode: '1', location: here }, { idempotencyKey: ' ' }))

    expect(err).toMatchObject({ code: 'E_INPUT', field: 'idempotencyKey', message: 'idempotencyKey cannot be empty' })
    expect(server.hits).toHaveLength(0)
  })
})

describe('grievances: other input', () => {
  it.each([
    ['get', () => client.get(''), 'serviceRequestId', 'serviceRequestId is required: pass the id of a service request, not ""'],
    ['definition', () => client.definition(undefined as unknown as string), 'serviceCode', 'serviceCode is required: pass a service code from services()'],
    ['resolveToken', () => client.resolveToken(' '), 'token', 'token is required: pass the token submit() returned, not " "'],
  ])('%s: rejects a blank id before sending', async (_name, run, field, message) => {
    const err = await failure(run())

    expect(err).toMatchObject({ code: 'E_INPUT', field, message })
    expect(server.hits).toHaveLength(0)
  })

  it.each([
    ['a status that GeoReport v2 lacks', { status: 'pending' }, 'status', 'status must be "open" or "closed", not "pending"'],
    ['a page size of 0', { pageSize: 0 }, 'pageSize', 'pageSize must be a whole number of 1 or more, not 0'],
    ['a fractional page size', { pageSize: 2.5 }, 'pageSize', 'pageSize must be a whole number of 1 or more, not 2.5'],
    ['a date without an offset', { startDate: '2026-07-01T00:00:00' }, 'startDate', 'startDate must be a Date or an ISO 8601 date-time with its offset, such as 2026-07-14T09:00:00+05:30, not "2026-07-01T00:00:00"'],
    ['a date without a time', { endDate: '2026-07-01' }, 'endDate', 'endDate must be a Date or an ISO 8601 date-time with its offset, such as 2026-07-14T09:00:00+05:30, not "2026-07-01"'],
    ['an invalid Date', { startDate: new Date('never') }, 'startDate', 'startDate is an invalid Date'],
    ['an end before the start', { startDate: '2026-07-14T00:00:00+05:30', endDate: new Date('2026-07-01T00:00:00Z') }, 'endDate', 'endDate (2026-07-01T00:00:00Z) is before startDate (2026-07-14T00:00:00+05:30)'],
    ['an id with a comma', { serviceRequestId: ['1', '2,3'] }, 'serviceRequestId', 'serviceRequestId cannot contain a comma ("2,3"): the standard sends the list comma-separated'],
  ])('list: rejects %s at the call, before any request', (_name, filters, field, message) => {
    let err: unknown
    try {
      client.list(filters as ListRequestsFilters)
    } catch (caught) {
      err = caught
    }

    expect(err).toBeInstanceOf(InputError)
    expect(err).toMatchObject({ code: 'E_INPUT', field, message })
    expect(server.hits).toHaveLength(0)
  })
})
