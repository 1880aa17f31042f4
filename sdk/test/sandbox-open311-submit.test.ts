import { describe, expect, test } from 'vitest'
import { InputError } from '../src/errors.js'
import { DEV_API_KEY, startSandbox } from '../src/sandbox/index.js'
import {
  BASE,
  call,
  countRequests,
  DEV_KEY,
  FIXTURES,
  formBody,
  getJson,
  getXml,
  post,
  pothole,
  startOpen311,
  writeDataset,
  type Fields,
} from './sandbox-open311-helpers.js'

const FIRST_NEW_ID = '100022'
const POTHOLE_CLOSING = 'Pothole on road: work completed by TMC Public Works Department.'
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

describe('open311 POST requests', () => {
  test('a form-encoded request is stored with the next id and answered 201 [{ service_request_id }]', async () => {
    const sandbox = await startOpen311()
    const before = countRequests(sandbox)
    const res = await post(sandbox, pothole({ description: 'Deep pothole near the Kapurbawdi junction', address_string: 'Ghodbunder Road, Kapurbawdi' }))
    expect(res.status).toBe(201)
    expect(res.type).toBe('application/json; charset=utf-8')
    expect(res.body).toEqual([{ service_request_id: FIRST_NEW_ID }])
    expect(countRequests(sandbox)).toBe(before + 1)

    const [stored] = (await getJson(sandbox, `${BASE}/requests/${FIRST_NEW_ID}.json`)).body
    expect(stored).toEqual({
      service_request_id: FIRST_NEW_ID,
      status: 'open',
      status_notes: 'Received; awaiting assignment',
      service_name: 'Pothole on road',
      service_code: 'POTHOLE',
      description: 'Deep pothole near the Kapurbawdi junction',
      requested_datetime: '2026-07-14T09:00:00+05:30',
      updated_datetime: '2026-07-14T09:00:00+05:30',
      address: 'Ghodbunder Road, Kapurbawdi',
      lat: 19.2183,
      long: 72.9781,
    })
    // Requested now, so it heads the default list.
    expect((await getJson(sandbox, `${BASE}/requests.json?page_size=1`)).body[0].service_request_id).toBe(FIRST_NEW_ID)
  })

  test('ids are sequential after the highest existing one', async () => {
    const sandbox = await startOpen311()
    const a = await post(sandbox, pothole())
    const b = await post(sandbox, pothole())
    expect([a.body[0].service_request_id, b.body[0].service_request_id]).toEqual(['100022', '100023'])
  })

  test('a JSON body takes the same field names, with attributes as attribute[CODE] keys or an attribute object', async () => {
    const sandbox = await startOpen311()
    const keys = await post(
      sandbox,
      { api_key: DEV_KEY, service_code: 'POTHOLE', lat: 19.2183, long: 72.9781, 'attribute[SIZE]': 'large', 'attribute[HAZARDS][]': ['near_school', 'on_highway'] },
      { json: true },
    )
    expect(keys.status).toBe(201)
    expect(keys.body).toEqual([{ service_request_id: '100022' }])
    const object = await post(
      sandbox,
      { api_key: DEV_KEY, service_code: 'GARBAGE', address_id: 'TMC-ADDR-1', attribute: { BIN_TYPE: 'open_dump', DAYS_UNCOLLECTED: 4 } },
      { json: true },
    )
    expect(object.status).toBe(201)
    expect(object.body).toEqual([{ service_request_id: '100023' }])
    const attributes = sandbox.db.prepare('SELECT id, attributes FROM open311_requests WHERE id >= 100022 ORDER BY id').all()
    expect(attributes).toEqual([
      { id: 100022, attributes: '{"SIZE":"large","HAZARDS":["near_school","on_highway"]}' },
      { id: 100023, attributes: '{"BIN_TYPE":"open_dump","DAYS_UNCOLLECTED":"4"}' },
    ])
  })

  test('a multivaluelist arrives as attribute[CODE][] repeated, and a number, a datetime and text attributes are kept as sent', async () => {
    const sandbox = await startOpen311()
    const res = await post(
      sandbox,
      pothole({ 'attribute[HAZARDS][]': ['water_logged', 'near_school'], 'attribute[DEPTH_CM]': '12.5', 'attribute[NOTICED_AT]': '2026-07-13T18:00:00+05:30' }),
    )
    expect(res.status).toBe(201)
    const row = sandbox.db.prepare('SELECT attributes FROM open311_requests WHERE id = 100022').get()
    expect(JSON.parse(String(row?.attributes))).toEqual({
      SIZE: 'medium',
      DEPTH_CM: '12.5',
      HAZARDS: ['water_logged', 'near_school'],
      NOTICED_AT: '2026-07-13T18:00:00+05:30',
    })
  })

  test('POST requests.xml answers in XML', async () => {
    const sandbox = await startOpen311()
    const res = await post(sandbox, pothole(), { format: 'xml' })
    expect(res.status).toBe(201)
    expect(res.type).toBe('text/xml; charset=utf-8')
    expect(res.text).toBe(`<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>${FIRST_NEW_ID}</service_request_id></request></service_requests>`)
  })

  test('account_id is echoed, and a service with a standing notice answers it', async () => {
    const sandbox = await startOpen311()
    const res = await post(sandbox, pothole({ account_id: 'citizen-42' }))
    expect(res.body).toEqual([{ service_request_id: FIRST_NEW_ID, account_id: 'citizen-42' }])
  })

  test('the person fields are stored but never shown by GET', async () => {
    const sandbox = await startOpen311()
    const person = { email: 'asha@example.com', first_name: 'Asha', last_name: 'Patil', phone: '+91 98200 00000', device_id: 'device-1', account_id: 'acc-7' }
    await post(sandbox, pothole(person))
    const row = sandbox.db.prepare('SELECT email, first_name, last_name, phone, device_id, account_id FROM open311_requests WHERE id = 100022').get()
    expect(row).toEqual(person)
    const text = (await call(sandbox, `${BASE}/requests/${FIRST_NEW_ID}.json?extensions=true`)).text
    for (const value of Object.values(person)) expect(text).not.toContain(value)
  })

  test('a submitted request takes the ward of the nearest historical request', async () => {
    const sandbox = await startOpen311()
    await post(sandbox, pothole({ lat: '19.1801', long: '73.0399' }))
    const [r] = (await getJson(sandbox, `${BASE}/requests/${FIRST_NEW_ID}.json?extensions=true`)).body
    expect(r.ward).toBe('Diva')
    expect(ids(await getJson(sandbox, `${BASE}/requests.json?ward=Diva`))).toEqual([FIRST_NEW_ID, '100018'])
  })

  test('jurisdiction_id thanecity.gov.in is accepted on POST; another answers 404 and stores nothing', async () => {
    const sandbox = await startOpen311()
    expect((await post(sandbox, pothole({ jurisdiction_id: 'thanecity.gov.in' }))).status).toBe(201)
    const before = countRequests(sandbox)
    const res = await post(sandbox, pothole({ jurisdiction_id: 'punecorporation.org' }))
    expect(res.status).toBe(404)
    expect(res.body).toEqual([
      { code: 404, description: `jurisdiction_id 'punecorporation.org' is not served here; this sandbox serves thanecity.gov.in (or leave jurisdiction_id out)` },
    ])
    expect(countRequests(sandbox)).toBe(before)
  })
})

function ids(answer: { body: { service_request_id: string }[] }): string[] {
  return answer.body.map((r) => r.service_request_id)
}

describe('open311 POST api_key', () => {
  test.each([
    ['missing', {}, 'api_key is required to submit a service request; send it as a form field with the key the sandbox was started with'],
    ['empty', { api_key: '' }, 'api_key is required to submit a service request; send it as a form field with the key the sandbox was started with'],
    ['wrong', { api_key: 'guess' }, 'api_key is not valid for this sandbox; use the key the sandbox was started with'],
  ])('a %s api_key answers 403 and stores nothing, even for an otherwise invalid request', async (_what, key, description) => {
    const sandbox = await startOpen311()
    const before = countRequests(sandbox)
    const { api_key: _drop, ...rest } = pothole()
    for (const fields of [{ ...rest, ...key }, { service_code: 'NOPE', ...key }]) {
      const res = await post(sandbox, fields)
      expect(res.status).toBe(403)
      expect(res.body).toEqual([{ code: 403, description }])
    }
    const xml = await post(sandbox, { ...rest, ...key }, { format: 'xml' })
    expect(xml.status).toBe(403)
    expect(xml.body.errors.error).toEqual([{ code: '403', description }])
    expect(countRequests(sandbox)).toBe(before)
  })

  test('the api_key may also come in the query string', async () => {
    const sandbox = await startOpen311()
    const { api_key: _drop, ...rest } = pothole()
    const res = await call(sandbox, `${BASE}/requests.json?api_key=${DEV_KEY}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody(rest),
    })
    expect(res.status).toBe(201)
  })

  test('by default the sandbox accepts DEV_API_KEY and says so in sandbox.apiKey', async () => {
    const sandbox = await startOpen311()
    expect(DEV_API_KEY).toBe('thane-sandbox-dev-key')
    expect(sandbox.apiKey).toBe(DEV_API_KEY)
  })

  test('a sandbox started with apiKey accepts only that key', async () => {
    const sandbox = await startOpen311({ apiKey: 's3cret-workshop-key' })
    expect(sandbox.apiKey).toBe('s3cret-workshop-key')
    expect((await post(sandbox, pothole())).status).toBe(403)
    expect((await post(sandbox, pothole({ api_key: 's3cret-workshop-key' }))).status).toBe(201)
  })

  test('an empty apiKey option is rejected as input', async () => {
    const err = await startSandbox({ port: 0, dataDir: FIXTURES, apiKey: ' ' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).field).toBe('apiKey')
    expect((err as InputError).message).toBe('apiKey must be a non-empty string, or left out for the development key thane-sandbox-dev-key; got " "')
  })
})

describe('open311 POST validation', () => {
  const { lat: _lat, long: _long, ...noLocation } = pothole()
  const { service_code: _code, ...noCode } = pothole()
  const { 'attribute[SIZE]': _size, ...noSize } = pothole()
  const cases: [string, Fields, number, [number, string][]][] = [
    ['no service_code', noCode, 400, [[400, 'service_code is required; see /open311/v2/services.json for the codes']]],
    ['an unknown service_code', pothole({ service_code: 'NOPE' }), 404, [[404, `service_code 'NOPE' is not a service of thanecity.gov.in; see /open311/v2/services.json for the codes`]]],
    ['no location', noLocation, 400, [[400, 'a location is required: lat and long, address_string or address_id']]],
    ['lat without long', { ...noLocation, lat: '19.2' }, 400, [[400, 'lat and long must be sent together; long is missing']]],
    ['long without lat', { ...noLocation, long: '72.97' }, 400, [[400, 'lat and long must be sent together; lat is missing']]],
    ['a lat that is not a number', pothole({ lat: 'abc' }), 400, [[400, `lat must be a number from -90 to 90; got 'abc'`]]],
    ['a lat of Infinity', pothole({ lat: 'Infinity' }), 400, [[400, `lat must be a number from -90 to 90; got 'Infinity'`]]],
    ['a long out of range', pothole({ long: '200' }), 400, [[400, `long must be a number from -180 to 180; got '200'`]]],
    [
      'a location outside Thane',
      pothole({ lat: '18.9220', long: '72.8347' }),
      400,
      [[400, 'lat 18.922, long 72.8347 is outside Thane (lat 19.1 to 19.35, long 72.9 to 73.15); this sandbox takes requests inside the city only']],
    ],
    ['a missing required attribute', noSize, 400, [[400, 'attribute[SIZE] is required: How big is the pothole?']]],
    ['a singlevaluelist value that is not a key', pothole({ 'attribute[SIZE]': 'huge' }), 400, [[400, `attribute[SIZE] must be one of small, medium, large; got 'huge'`]]],
    ['two values for a singlevaluelist', pothole({ 'attribute[SIZE]': ['small', 'large'] }), 400, [[400, 'attribute[SIZE] takes one value; got 2']]],
    [
      'a multivaluelist value that is not a key',
      pothole({ 'attribute[HAZARDS][]': ['near_school', 'lava'] }),
      400,
      [[400, `attribute[HAZARDS] values must be among water_logged, near_school, on_highway; got 'lava'`]],
    ],
    ['a number attribute that is not a number', pothole({ 'attribute[DEPTH_CM]': 'deep' }), 400, [[400, `attribute[DEPTH_CM] must be a number; got 'deep'`]]],
    [
      'a datetime attribute that is not ISO 8601',
      pothole({ 'attribute[NOTICED_AT]': 'yesterday' }),
      400,
      [[400, `attribute[NOTICED_AT] must be an ISO 8601 date-time with a zone, like 2026-07-14T09:00:00+05:30 (or a date, 2026-07-14); got 'yesterday'`]],
    ],
    ['an unknown attribute', pothole({ 'attribute[COLOUR]': 'red' }), 400, [[400, 'attribute[COLOUR] is not an attribute of service POTHOLE; see /open311/v2/services/POTHOLE.json']]],
    ['a value for an informational attribute', pothole({ 'attribute[POTHOLE_NOTE]': 'x' }), 400, [[400, 'attribute[POTHOLE_NOTE] is informational (variable false) and takes no value']]],
    [
      'an attribute for a service without metadata',
      { api_key: DEV_KEY, service_code: 'STREETLIGHT', address_string: 'Kalwa Naka', 'attribute[X]': '1' },
      400,
      [[400, 'attribute[X] is not an attribute of service STREETLIGHT; see /open311/v2/services/STREETLIGHT.json']],
    ],
    [
      'a garbage report missing both required attributes and with a two-line landmark',
      { api_key: DEV_KEY, service_code: 'GARBAGE', address_string: 'Kalwa Naka', 'attribute[LANDMARK]': 'near the\ntemple' },
      400,
      [
        [400, 'attribute[BIN_TYPE] is required: Where is the garbage?'],
        [400, 'attribute[DAYS_UNCOLLECTED] is required: For how many days has it not been collected?'],
        [400, 'attribute[LANDMARK] must be a single line; it contains a line break'],
      ],
    ],
    ['a description of 4,001 characters', pothole({ description: 'x'.repeat(4001) }), 400, [[400, 'description is 4,001 characters long; the limit is 4,000']]],
    ['4,001 emoji (8,002 UTF-16 units)', pothole({ description: '😀'.repeat(4001) }), 400, [[400, 'description is 4,001 characters long; the limit is 4,000']]],
    ['a first_name of 101 characters', pothole({ first_name: 'a'.repeat(101) }), 400, [[400, 'first_name is 101 characters long; the limit is 100']]],
    ['an address_string of 501 characters', pothole({ address_string: 'a'.repeat(501) }), 400, [[400, 'address_string is 501 characters long; the limit is 500']]],
    ['an email that is not one', pothole({ email: 'not-an-email' }), 400, [[400, `email must be an address like name@example.com; got 'not-an-email'`]]],
    ['a media_url that is not http', pothole({ media_url: 'javascript:alert(1)' }), 400, [[400, `media_url must be an http or https URL; got 'javascript:alert(1)'`]]],
    ['a phone with letters', pothole({ phone: 'call me' }), 400, [[400, `phone must be digits, spaces, ( ) and - with an optional leading +; got 'call me'`]]],
    ['a device_id with a line break', pothole({ device_id: 'a\nb' }), 400, [[400, 'device_id must be a single line; it contains a line break']]],
    ['a description_language that is not a tag', pothole({ description_language: 'marathi language' }), 400, [[400, `description_language must be a language tag like mr, hi or en; got 'marathi language'`]]],
    [
      'a NUL in the description',
      pothole({ description: 'bad\u0000byte' }),
      400,
      [[400, 'description contains U+0000 at character 4, which XML 1.0 cannot carry; remove control characters other than tab, line feed and carriage return']],
    ],
    [
      'an escape character in the address',
      pothole({ address_string: '😀\u001b[31m' }),
      400,
      [[400, 'address_string contains U+001B at character 2, which XML 1.0 cannot carry; remove control characters other than tab, line feed and carriage return']],
    ],
    [
      'U+FFFF in a name',
      pothole({ last_name: 'x\uffff' }),
      400,
      [[400, 'last_name contains U+FFFF at character 2, which XML 1.0 cannot carry; remove control characters other than tab, line feed and carriage return']],
    ],
    ['a field sent twice', pothole({ description: ['one', 'two'] }), 400, [[400, 'description was given 2 times; send it once']]],
    [
      'several problems at once',
      { api_key: DEV_KEY, service_code: 'NOPE', lat: '19.2', description: 'x'.repeat(4100), email: 'nope' },
      404,
      [
        [404, `service_code 'NOPE' is not a service of thanecity.gov.in; see /open311/v2/services.json for the codes`],
        [400, 'lat and long must be sent together; long is missing'],
        [400, `email must be an address like name@example.com; got 'nope'`],
        [400, 'description is 4,100 characters long; the limit is 4,000'],
      ],
    ],
  ]

  test.each(cases)('%s answers the exact errors with the right status and stores nothing', async (_what, fields, status, errors) => {
    const sandbox = await startOpen311()
    const before = countRequests(sandbox)
    const res = await post(sandbox, fields)
    expect(res.status).toBe(status)
    expect(res.body).toEqual(errors.map(([code, description]) => ({ code, description })))
    const xml = await post(sandbox, fields, { format: 'xml' })
    expect(xml.status).toBe(status)
    expect(xml.body.errors.error).toEqual(errors.map(([code, description]) => ({ code: String(code), description })))
    expect(countRequests(sandbox)).toBe(before)
  })

  test.each([
    ['a JSON lat that is a boolean', { ...pothole(), lat: true }, ['lat must be a string or a number', 'lat and long must be sent together; lat is missing']],
    ['a JSON attribute that is an object', { ...pothole(), 'attribute[SIZE]': { big: true } }, ['attribute[SIZE] must be a string or a number', 'attribute[SIZE] is required: How big is the pothole?']],
    [
      'a lone surrogate in a JSON description',
      { ...pothole(), description: 'half \ud800 a pair' },
      ['description contains U+D800 at character 6, which XML 1.0 cannot carry; remove control characters other than tab, line feed and carriage return'],
    ],
  ])('%s answers 400 and stores nothing', async (_what, body, descriptions) => {
    const sandbox = await startOpen311()
    const res = await post(sandbox, body, { json: true })
    expect(res.status).toBe(400)
    expect(res.body).toEqual(descriptions.map((description) => ({ code: 400, description })))
    expect(countRequests(sandbox)).toBe(21)
  })

  test.each([
    ['a JSON array', 'application/json', '[1,2]', 'a JSON body must be an object of fields, like {"service_code":"POTHOLE","lat":19.2,"long":72.97}'],
    ['invalid JSON', 'application/json', '{"service_code":', 'the body is not valid JSON; send an object of fields, or a form-encoded body'],
    ['an empty JSON body', 'application/json', '', 'the JSON body is empty; send an object of fields, or a form-encoded body'],
    ['plain text', 'text/plain', 'service_code=POTHOLE', `send the body as application/x-www-form-urlencoded (or application/json); got 'text/plain'`],
  ])('a body that is %s answers 400 naming what to send', async (_what, type, body, description) => {
    const sandbox = await startOpen311()
    const res = await call(sandbox, `${BASE}/requests.json`, { method: 'POST', headers: { 'content-type': type }, body })
    expect(res.status).toBe(400)
    expect(res.body).toEqual([{ code: 400, description }])
    expect(countRequests(sandbox)).toBe(21)
  })

  test('a location given only as address_string or address_id is enough', async () => {
    const sandbox = await startOpen311()
    const { lat: _a, long: _b, ...rest } = pothole()
    expect((await post(sandbox, { ...rest, address_string: 'Gokhale Road, Naupada' })).status).toBe(201)
    expect((await post(sandbox, { ...rest, address_id: 'TMC-ADDR-88213' })).status).toBe(201)
  })

  test('optional fields sent empty are as if absent', async () => {
    const sandbox = await startOpen311()
    const res = await post(sandbox, pothole({ email: '', phone: '', description: '', media_url: '', 'attribute[DEPTH_CM]': '', jurisdiction_id: '' }))
    expect(res.status).toBe(201)
    const [r] = (await getJson(sandbox, `${BASE}/requests/${FIRST_NEW_ID}.json`)).body
    expect(r).not.toHaveProperty('description')
    expect(r).not.toHaveProperty('media_url')
  })

  test('a description of exactly 4,000 Devanagari characters is accepted and returned whole', async () => {
    const sandbox = await startOpen311()
    const description = 'ठाणे'.repeat(1000)
    expect([...description]).toHaveLength(4000)
    expect((await post(sandbox, pothole({ description }))).status).toBe(201)
    expect((await getJson(sandbox, `${BASE}/requests/${FIRST_NEW_ID}.json`)).body[0].description).toBe(description)
  })
})

describe('open311 tokens (batch services)', () => {
  test('a batch service answers a token, which GET tokens/{token} turns into the request id, in JSON and XML', async () => {
    const sandbox = await startOpen311()
    const res = await post(sandbox, { api_key: DEV_KEY, service_code: 'TREE', address_string: 'Kopri Colony' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual([{ token: expect.stringMatching(/^[0-9a-f]{32}$/) }])
    const { token } = res.body[0]
    expect((await getJson(sandbox, `${BASE}/tokens/${token}.json`)).body).toEqual([{ service_request_id: FIRST_NEW_ID, token }])
    const xml = await getXml(sandbox, `${BASE}/tokens/${token}.xml`)
    expect(xml.body.service_requests.request).toEqual([{ service_request_id: FIRST_NEW_ID, token }])
    expect((await getJson(sandbox, `${BASE}/requests/${FIRST_NEW_ID}.json`)).body[0].service_code).toBe('TREE')
  })

  test('a batch service with a standing notice answers the token and the notice', async () => {
    const sandbox = await startOpen311()
    const res = await post(sandbox, { api_key: DEV_KEY, service_code: 'WATERLEAK', address_string: 'Station Road, Mumbra', 'attribute[LEAK_SIZE]': 'burst' }, { format: 'xml' })
    expect(res.status).toBe(201)
    expect(res.body.service_requests.request).toEqual([{ token: expect.stringMatching(/^[0-9a-f]{32}$/), service_notice: 'Water supply may be interrupted during repairs' }])
  })

  test('an unknown token answers 404', async () => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}/tokens/0123456789abcdef.json`)
    expect(res.status).toBe(404)
    expect(res.body).toEqual([{ code: 404, description: `token '0123456789abcdef' was not found` }])
  })

  test('a blackbox service stores the request and answers an empty list', async () => {
    const services = `service_code,service_name,description,metadata,type,keywords,group,agency,sla_days
STREETLIGHT,Streetlight not working,Off or flickering,false,blackbox,light,electrical,TMC Electrical Department,3
POTHOLE,Pothole on road,Pothole,false,realtime,road,roads,TMC Public Works Department,7
GARBAGE,Garbage not collected,Garbage,false,realtime,bin,sanitation,TMC Solid Waste Management Department,2
WATERLEAK,Water pipeline leak,Leak,false,batch,water,water,TMC Water Supply Department,5
TREE,Tree fall or trimming,Tree,false,batch,tree,gardens,TMC Tree Authority,10
`
    const sandbox = await startOpen311({ dataDir: writeDataset(undefined, { 'services.csv': services, 'service-definitions.json': '{}' }) })
    const res = await post(sandbox, { api_key: DEV_KEY, service_code: 'STREETLIGHT', address_string: 'Kalwa Naka' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual([])
    expect(countRequests(sandbox)).toBe(22)
  })
})

describe('open311 Idempotency-Key', () => {
  const key = { 'idempotency-key': 'f0c1c5a8-4d0e-4b8e-9a57-0d6d2b1e9c11' }

  test('the same key with the same body answers the same response and stores one request', async () => {
    const sandbox = await startOpen311()
    const first = await post(sandbox, pothole({ description: 'Once' }), { headers: key })
    const second = await post(sandbox, pothole({ description: 'Once' }), { headers: key })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.body).toEqual(first.body)
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(countRequests(sandbox)).toBe(22)
  })

  test('the same fields sent as JSON in another order, or to requests.xml, count as the same body', async () => {
    const sandbox = await startOpen311()
    const first = await post(sandbox, pothole({ description: 'Once' }), { headers: key })
    const { description, ...rest } = pothole({ description: 'Once' })
    const json = await post(sandbox, { description, ...rest, lat: 19.2183, long: 72.9781 }, { json: true, headers: key })
    expect(json.body).toEqual(first.body)
    const xml = await post(sandbox, pothole({ description: 'Once' }), { format: 'xml', headers: key })
    expect(xml.body.service_requests.request).toEqual(first.body)
    expect(countRequests(sandbox)).toBe(22)
  })

  test('the same key with another body answers 409 with an Open311 error list and stores nothing', async () => {
    const sandbox = await startOpen311()
    await post(sandbox, pothole({ description: 'Once' }), { headers: key })
    const res = await post(sandbox, pothole({ description: 'Twice' }), { headers: key })
    expect(res.status).toBe(409)
    expect(res.body).toEqual([
      { code: 409, description: `Idempotency-Key 'f0c1c5a8-4d0e-4b8e-9a57-0d6d2b1e9c11' was already used with a different request; send a new key for a new request` },
    ])
    expect(countRequests(sandbox)).toBe(22)
  })

  test('concurrent duplicates with one key create one request and all answer its id', async () => {
    const sandbox = await startOpen311()
    const answers = await Promise.all(Array.from({ length: 25 }, () => post(sandbox, pothole({ description: 'Raced' }), { headers: key })))
    expect(answers.map((a) => a.status)).toEqual(Array(25).fill(201))
    expect(new Set(answers.map((a) => a.body[0].service_request_id))).toEqual(new Set([FIRST_NEW_ID]))
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === null)).toHaveLength(1)
    expect(countRequests(sandbox)).toBe(22)
  })

  test('different keys make different requests, and a rejected request does not use up its key', async () => {
    const sandbox = await startOpen311()
    const bad = await post(sandbox, pothole({ lat: 'x' }), { headers: { 'idempotency-key': 'k-1' } })
    expect(bad.status).toBe(400)
    const a = await post(sandbox, pothole(), { headers: { 'idempotency-key': 'k-1' } })
    const b = await post(sandbox, pothole(), { headers: { 'idempotency-key': 'k-2' } })
    expect([a.body[0].service_request_id, b.body[0].service_request_id]).toEqual(['100022', '100023'])
  })

  test.each([['has space'], ['x'.repeat(256)], ['café']])('a malformed Idempotency-Key %s answers 400 and stores nothing', async (bad) => {
    const sandbox = await startOpen311()
    const res = await post(sandbox, pothole(), { headers: { 'idempotency-key': bad } })
    expect(res.status).toBe(400)
    expect(res.body).toEqual([{ code: 400, description: 'Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces), sent once; a UUID is a good key' }])
    expect(countRequests(sandbox)).toBe(21)
  })
})

describe('open311 lifecycle of a submitted request', () => {
  test('advancing the clock moves it from received to acknowledged to closed, deterministically', async () => {
    const sandbox = await startOpen311()
    const requested = sandbox.clock.now().getTime()
    await post(sandbox, pothole())
    const read = async () => (await getJson(sandbox, `${BASE}/requests/${FIRST_NEW_ID}.json?extensions=true`)).body[0]

    sandbox.clock.advance(9 * MINUTE)
    expect(await read()).toMatchObject({ status: 'open', status_notes: 'Received; awaiting assignment', updated_datetime: '2026-07-14T09:00:00+05:30' })
    expect(await read()).not.toHaveProperty('agency_responsible')

    sandbox.clock.advance(81 * MINUTE)
    const taken = await read()
    expect(taken).toMatchObject({
      status: 'open',
      status_notes: 'Assigned to TMC Public Works Department; work in progress',
      agency_responsible: 'TMC Public Works Department',
    })
    const acknowledged = Date.parse(taken.acknowledged_datetime)
    expect(acknowledged - requested).toBeGreaterThanOrEqual(10 * MINUTE)
    expect(acknowledged - requested).toBeLessThanOrEqual(90 * MINUTE)
    expect((acknowledged - requested) % MINUTE).toBe(0)
    expect(taken.updated_datetime).toBe(taken.acknowledged_datetime)
    expect(Date.parse(taken.expected_datetime)).toBe(acknowledged + 7 * DAY)
    expect(taken).not.toHaveProperty('closed_datetime')

    // POTHOLE's SLA is 7 days; it closes after 20 % to 80 % of it.
    sandbox.clock.set(new Date(acknowledged + 0.2 * 7 * DAY - MINUTE))
    expect((await read()).status).toBe('open')
    sandbox.clock.set(new Date(acknowledged + 0.8 * 7 * DAY + MINUTE))
    const closed = await read()
    expect(closed).toMatchObject({ status: 'closed', status_notes: POTHOLE_CLOSING })
    expect(closed.updated_datetime).toBe(closed.closed_datetime)
    expect(Date.parse(closed.closed_datetime)).toBeLessThan(Date.parse(closed.expected_datetime))

    // The same id on a fresh sandbox at the same clock gets the same lifecycle.
    const again = await startOpen311()
    await post(again, pothole())
    again.clock.set(sandbox.clock.now())
    expect((await getJson(again, `${BASE}/requests/${FIRST_NEW_ID}.json?extensions=true`)).body[0]).toEqual(closed)
  })

  test('a status filter sees a submitted request move from open to closed', async () => {
    const sandbox = await startOpen311()
    await post(sandbox, pothole())
    expect(ids(await getJson(sandbox, `${BASE}/requests.json?status=open&service_code=POTHOLE`))).toContain(FIRST_NEW_ID)
    sandbox.clock.advance(8 * DAY)
    const closed = await getJson(sandbox, `${BASE}/requests.json?status=closed&service_code=POTHOLE`)
    expect(ids(closed)).toContain(FIRST_NEW_ID)
  })
})

describe('open311 hostile input', () => {
  const HOSTILE = [
    `Robert'); DROP TABLE open311_requests;--`,
    `" OR 1=1 -- <script>alert('x')</script> & &amp; &#13; ]]> <![CDATA[ x ]]> <?xml?>`,
    'tab\there\r\nCRLF\rCR\nLF  and  trailing spaces  ',
    '  leading spaces, 😀 emoji, combining e\u0301, RTL \u202eabc\u202c, NEL \u0085, LS \u2028, DEL \u007f',
    '%00 %s %n {{7*7}} ${process.exit()} \\x00 \\u0000',
    'ठाणे महानगरपालिका: घोडबंदर रोडवर खड्डा. '.repeat(110).slice(0, 4000),
  ]

  test.each(HOSTILE.map((s, i) => [i, s] as const))('hostile string %i round-trips exactly through form and JSON, and back in JSON and XML', async (_i, text) => {
    const sandbox = await startOpen311()
    const fields = pothole({ description: text, address_string: text.slice(0, 500) })
    const viaForm = await post(sandbox, fields)
    const viaJson = await post(sandbox, fields, { json: true })
    expect([viaForm.status, viaJson.status]).toEqual([201, 201])
    for (const id of [viaForm.body[0].service_request_id, viaJson.body[0].service_request_id]) {
      const [json] = (await getJson(sandbox, `${BASE}/requests/${id}.json`)).body
      expect(json.description).toBe(text)
      expect(json.address).toBe(text.slice(0, 500))
      const xml = await getXml(sandbox, `${BASE}/requests/${id}.xml`)
      expect(xml.body.service_requests.request[0].description).toBe(text)
      expect(xml.body.service_requests.request[0].address).toBe(text.slice(0, 500))
    }
    const list = await getXml(sandbox, `${BASE}/requests.xml?service_request_id=${viaForm.body[0].service_request_id}`)
    expect(list.body.service_requests.request[0].description).toBe(text)
    expect(countRequests(sandbox)).toBe(23)
  })

  test('hostile filter values are plain values: nothing matches and nothing breaks', async () => {
    const sandbox = await startOpen311()
    for (const value of [`' OR 1=1 --`, '"); DROP TABLE open311_requests;--', '<script>', '%', '_']) {
      const q = encodeURIComponent(value)
      expect((await getJson(sandbox, `${BASE}/requests.json?service_code=${q}&ward=${q}`)).body).toEqual([])
      expect((await getJson(sandbox, `${BASE}/services/${q}.json`)).status).toBe(404)
    }
    expect(countRequests(sandbox)).toBe(21)
  })
})

describe('open311 under load', () => {
  test('500 concurrent submissions get 500 distinct sequential ids, each readable afterwards', async () => {
    const sandbox = await startOpen311()
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => post(sandbox, pothole({ description: `report ${i}` }))))
    expect(answers.every((a) => a.status === 201)).toBe(true)
    const got = answers.map((a) => Number(a.body[0].service_request_id))
    expect(new Set(got).size).toBe(500)
    expect([...got].sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => 100022 + i))
    for (let i = 0; i < 500; i += 50) {
      const batch = answers.slice(i, i + 50)
      const reads = await Promise.all(batch.map((a) => getJson(sandbox, `${BASE}/requests/${a.body[0].service_request_id}.json`)))
      reads.forEach((r, j) => {
        expect(r.status).toBe(200)
        expect(r.body[0].description).toBe(`report ${i + j}`)
      })
    }
    expect(countRequests(sandbox)).toBe(521)
  })
})
