import { describe, expect, test } from 'vitest'
import { BASE, call, getJson, getXml, manyRequests, startOpen311, writeDataset } from './sandbox-open311-helpers.js'

const DEFAULT_WINDOW = ['100018', '100017', '100016', '100015', '100014', '100013', '100012', '100011', '100010', '100009', '100008', '100007']

function ids(body: { service_request_id: string }[]): string[] {
  return body.map((r) => r.service_request_id)
}

function xmlIds(body: any): string[] {
  return (body.service_requests.request ?? []).map((r: { service_request_id: string }) => r.service_request_id)
}

/** A JSON request as XML gives it: every value a string. */
function asXml(request: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(request).map(([k, v]) => [k, String(v)]))
}

const R100018 = {
  service_request_id: '100018',
  status: 'open',
  status_notes: 'Received; awaiting assignment',
  service_name: 'Garbage not collected',
  service_code: 'GARBAGE',
  description: 'Garbage not collected near the bus stop',
  requested_datetime: '2026-07-14T09:00:00+05:30',
  updated_datetime: '2026-07-14T09:00:00+05:30',
  address: 'Gokhale Road, Naupada, Thane West',
  zipcode: '400602',
  lat: 19.18,
  long: 73.04,
}

const R100017 = {
  service_request_id: '100017',
  status: 'open',
  status_notes: 'Assigned to TMC Water Supply Department; work in progress',
  service_name: 'Water pipeline leak',
  service_code: 'WATERLEAK',
  description: 'Water pipeline leak near the bus stop',
  agency_responsible: 'TMC Water Supply Department',
  requested_datetime: '2026-07-14T08:30:00+05:30',
  updated_datetime: '2026-07-14T08:45:00+05:30',
  expected_datetime: '2026-07-19T08:45:00+05:30',
  address: 'Gokhale Road, Naupada, Thane West',
  zipcode: '400602',
  lat: 19.19,
  long: 72.98,
}

const R100013 = {
  service_request_id: '100013',
  status: 'closed',
  status_notes: 'खड्डा बुजवला आहे.',
  service_name: 'Pothole on road',
  service_code: 'POTHOLE',
  description: 'घोडबंदर रोडवर मोठा खड्डा आहे, कृपया लवकर बुजवा.',
  agency_responsible: 'TMC Public Works Department',
  requested_datetime: '2026-07-01T09:30:00+05:30',
  updated_datetime: '2026-07-05T15:00:00+05:30',
  expected_datetime: '2026-07-08T10:20:00+05:30',
  address: 'Gokhale Road, Naupada, Thane West',
  zipcode: '400602',
  lat: 19.24,
  long: 72.97,
}

describe('open311 services', () => {
  test('GET services.json lists every service as a top-level array with the standard fields', async () => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}/services.json`)
    expect(res.status).toBe(200)
    expect(res.body).toHaveLength(5)
    expect(res.body[0]).toEqual({
      service_code: 'POTHOLE',
      service_name: 'Pothole on road',
      description: 'A pothole or broken patch on a road, footpath or flyover',
      metadata: true,
      type: 'realtime',
      keywords: 'road,pothole,crater,footpath',
      group: 'roads',
    })
    expect(res.body.map((s: { service_code: string; metadata: boolean; type: string }) => [s.service_code, s.metadata, s.type])).toEqual([
      ['POTHOLE', true, 'realtime'],
      ['GARBAGE', true, 'realtime'],
      ['STREETLIGHT', false, 'realtime'],
      ['WATERLEAK', true, 'batch'],
      ['TREE', false, 'batch'],
    ])
  })

  test('GET services.xml lists the same services inside <services><service>, after the XML declaration', async () => {
    const sandbox = await startOpen311()
    const json = await getJson(sandbox, `${BASE}/services.json`)
    const res = await getXml(sandbox, `${BASE}/services.xml`)
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>POTHOLE<\/service_code>/)
    expect(res.body.services.service).toEqual(json.body.map(asXml))
  })

  test('GET services/{code} answers the definition object with its attributes in order, in JSON and XML', async () => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}/services/POTHOLE.json`)
    expect(res.status).toBe(200)
    expect(res.body.service_code).toBe('POTHOLE')
    expect(res.body.attributes.map((a: { code: string }) => a.code)).toEqual(['POTHOLE_NOTE', 'SIZE', 'DEPTH_CM', 'HAZARDS', 'NOTICED_AT'])
    expect(res.body.attributes[0]).toEqual({
      variable: false,
      code: 'POTHOLE_NOTE',
      datatype: 'string',
      required: false,
      datatype_description: null,
      order: 1,
      description: 'A photo helps the ward engineer find the pothole faster.',
    })
    expect(res.body.attributes[1]).toEqual({
      variable: true,
      code: 'SIZE',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: 'Choose the closest size',
      order: 2,
      description: 'How big is the pothole?',
      values: [
        { key: 'small', name: 'Smaller than a plate' },
        { key: 'medium', name: 'About a car wheel' },
        { key: 'large', name: 'Wider than a car wheel' },
      ],
    })

    const xml = await getXml(sandbox, `${BASE}/services/POTHOLE.xml`)
    expect(xml.status).toBe(200)
    const definition = xml.body.service_definition
    expect(definition.service_code).toBe('POTHOLE')
    expect(definition.attributes.attribute).toHaveLength(5)
    expect(definition.attributes.attribute[0]).toEqual({
      variable: 'false',
      code: 'POTHOLE_NOTE',
      datatype: 'string',
      required: 'false',
      datatype_description: '',
      order: '1',
      description: 'A photo helps the ward engineer find the pothole faster.',
    })
    expect(definition.attributes.attribute[3].values.value).toEqual([
      { key: 'water_logged', name: 'Filled with water' },
      { key: 'near_school', name: 'Near a school' },
      { key: 'on_highway', name: 'On a highway or flyover' },
    ])
  })

  test('GET services/{code} of a metadata=false service answers its definition with no attributes', async () => {
    const sandbox = await startOpen311()
    expect((await getJson(sandbox, `${BASE}/services/STREETLIGHT.json`)).body).toEqual({ service_code: 'STREETLIGHT', attributes: [] })
    const xml = await getXml(sandbox, `${BASE}/services/STREETLIGHT.xml`)
    expect(xml.body.service_definition.service_code).toBe('STREETLIGHT')
  })

  test('GET services/{code} of an unknown code answers 404 with an Open311 error list, in JSON and XML', async () => {
    const sandbox = await startOpen311()
    const json = await getJson(sandbox, `${BASE}/services/NOPE.json`)
    expect(json.status).toBe(404)
    expect(json.body).toEqual([
      { code: 404, description: `service_code 'NOPE' is not a service of thanecity.gov.in; see /open311/v2/services.json for the codes` },
    ])
    const xml = await getXml(sandbox, `${BASE}/services/NOPE.xml`)
    expect(xml.status).toBe(404)
    expect(xml.body.errors.error).toEqual([
      { code: '404', description: `service_code 'NOPE' is not a service of thanecity.gov.in; see /open311/v2/services.xml for the codes` },
    ])
  })
})

describe('open311 discovery, formats and jurisdiction', () => {
  test('discovery.json and discovery.xml describe one test endpoint of GeoReport v2 with its url and formats', async () => {
    const sandbox = await startOpen311()
    const json = await getJson(sandbox, `${BASE}/discovery.json`)
    expect(json.status).toBe(200)
    expect(json.body).toEqual({
      changeset: '2026-07-14T09:00:00+05:30',
      contact: expect.stringContaining('synthetic'),
      key_service: expect.stringContaining('api_key'),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${sandbox.url}/open311/v2`,
          changeset: '2026-07-14T09:00:00+05:30',
          type: 'test',
          formats: ['text/xml', 'application/json'],
        },
      ],
    })
    const xml = await getXml(sandbox, `${BASE}/discovery.xml`)
    expect(xml.body.discovery).toEqual({
      ...json.body,
      endpoints: { endpoint: [{ ...json.body.endpoints[0], formats: { format: ['text/xml', 'application/json'] } }] },
    })
  })

  test.each([
    ['/services.csv', `format 'csv' is not served; use .json or .xml, like /open311/v2/services.json`],
    ['/requests.yaml', `format 'yaml' is not served; use .json or .xml, like /open311/v2/requests.json`],
    ['/discovery.html', `format 'html' is not served; use .json or .xml, like /open311/v2/discovery.json`],
    ['/requests/100001.html', `format 'html' is not served; use .json or .xml, like /open311/v2/requests/{service_request_id}.json`],
    ['/services/POTHOLE.txt', `format 'txt' is not served; use .json or .xml, like /open311/v2/services/{service_code}.json`],
    ['/tokens/abc.csv', `format 'csv' is not served; use .json or .xml, like /open311/v2/tokens/{token}.json`],
    ['/services', 'add the format to the path: /open311/v2/services.json or /open311/v2/services.xml'],
    ['/requests/100001', 'add the format to the path: /open311/v2/requests/{service_request_id}.json or .xml'],
  ])('GET %s answers 404 with an Open311 error list naming the formats', async (path, description) => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}${path}`)
    expect(res.status).toBe(404)
    expect(res.body).toEqual([{ code: 404, description }])
  })

  test('an unknown path or method under /open311/v2 answers 404 with an Open311 error list, in XML when the path ends in .xml', async () => {
    const sandbox = await startOpen311()
    for (const [method, path] of [
      ['GET', '/open311/v2/foo'],
      ['GET', '/open311/v2'],
      ['GET', '/open311/v2/requests/100001.json/more'],
      ['DELETE', '/open311/v2/requests/100001.json'],
      ['POST', '/open311/v2/services.json'],
    ] as const) {
      const res = await call(sandbox, path, { method })
      expect(res.status).toBe(404)
      expect(res.body).toEqual([{ code: 404, description: `no Open311 resource ${method} ${path}; the endpoints are listed at /open311/v2/discovery.json` }])
    }
    const xml = await getXml(sandbox, '/open311/v2/foo.xml?x=1')
    expect(xml.status).toBe(404)
    expect(xml.body.errors.error).toEqual([
      { code: '404', description: 'no Open311 resource GET /open311/v2/foo.xml; the endpoints are listed at /open311/v2/discovery.json' },
    ])
  })

  test('jurisdiction_id thanecity.gov.in or empty is accepted on every GET; any other answers 404', async () => {
    const sandbox = await startOpen311()
    for (const path of ['/services.json', '/services/POTHOLE.json', '/requests.json', '/requests/100001.json']) {
      expect((await call(sandbox, `${BASE}${path}?jurisdiction_id=thanecity.gov.in`)).status).toBe(200)
      expect((await call(sandbox, `${BASE}${path}?jurisdiction_id=`)).status).toBe(200)
      const other = await getJson(sandbox, `${BASE}${path}?jurisdiction_id=mumbai.gov.in`)
      expect(other.status).toBe(404)
      expect(other.body).toEqual([
        { code: 404, description: `jurisdiction_id 'mumbai.gov.in' is not served here; this sandbox serves thanecity.gov.in (or leave jurisdiction_id out)` },
      ])
    }
    const xml = await getXml(sandbox, `${BASE}/services.xml?jurisdiction_id=sfgov.org`)
    expect(xml.status).toBe(404)
    expect(xml.body.errors.error[0].code).toBe('404')
  })
})

describe('open311 GET requests', () => {
  test('with no filter it answers the 90 days before now, newest first, a tie broken by the higher id', async () => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}/requests.json`)
    expect(res.status).toBe(200)
    // 100007 was requested exactly 90 days before now, 100018 exactly now; 100016 and 100017 at the same time.
    expect(ids(res.body)).toEqual(DEFAULT_WINDOW)
    expect(res.headers.get('link')).toBeNull()
  })

  test('each request is shown as of now: received, taken by an agency, with the agency note, closed', async () => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}/requests.json`)
    const byId = new Map(res.body.map((r: { service_request_id: string }) => [r.service_request_id, r]))
    expect(byId.get('100018')).toEqual(R100018)
    expect(byId.get('100017')).toEqual(R100017)
    expect(byId.get('100013')).toEqual(R100013)
    // Open at the dataset's end: the agency's own note, from when it was written.
    expect(byId.get('100012')).toMatchObject({
      status: 'open',
      status_notes: 'Trimming scheduled with the Tree Authority contractor',
      agency_responsible: 'TMC Tree Authority',
      updated_datetime: '2026-06-25T12:00:00+05:30',
      expected_datetime: '2026-07-01T10:00:00+05:30',
    })
    // Closed in the dataset, but on 16 July: still open now, with no closing note yet.
    expect(byId.get('100014')).toMatchObject({
      status: 'open',
      status_notes: 'Assigned to TMC Solid Waste Management Department; work in progress',
      updated_datetime: '2026-07-10T10:40:00+05:30',
    })
    // Never acknowledged.
    expect(byId.get('100015')).toMatchObject({ status: 'open', status_notes: 'Received; awaiting assignment' })
    expect(byId.get('100015')).not.toHaveProperty('agency_responsible')
  })

  test('GET requests.xml answers the same requests inside <service_requests><request>, values as text', async () => {
    const sandbox = await startOpen311()
    const json = await getJson(sandbox, `${BASE}/requests.json`)
    const xml = await getXml(sandbox, `${BASE}/requests.xml`)
    expect(xml.status).toBe(200)
    expect(xml.body.service_requests.request).toEqual(json.body.map(asXml))
    expect(xml.text).toContain('<request><service_request_id>100018</service_request_id><status>open</status><status_notes>')
  })

  test('GET requests/{id} answers a one-element array in JSON and one <request> in XML', async () => {
    const sandbox = await startOpen311()
    const json = await getJson(sandbox, `${BASE}/requests/100017.json`)
    expect(json.status).toBe(200)
    expect(json.body).toEqual([R100017])
    const xml = await getXml(sandbox, `${BASE}/requests/100013.xml`)
    expect(xml.status).toBe(200)
    expect(xml.body.service_requests.request).toEqual([asXml(R100013)])
  })

  test('a request with only an address_id, a notice or a media_url shows just the fields it has', async () => {
    const sandbox = await startOpen311()
    const [r5] = (await getJson(sandbox, `${BASE}/requests/100005.json`)).body
    expect(r5).toEqual({
      service_request_id: '100005',
      status: 'closed',
      status_notes: 'Tree fall or trimming: work completed by TMC Tree Authority.',
      service_name: 'Tree fall or trimming',
      service_code: 'TREE',
      description: 'Branch hanging over\nthe school gate',
      agency_responsible: 'TMC Tree Authority',
      requested_datetime: '2026-02-14T16:20:00+05:30',
      updated_datetime: '2026-02-19T17:10:00+05:30',
      expected_datetime: '2026-02-24T17:10:00+05:30',
      address_id: 'TMC-ADDR-88213',
    })
    const [r4] = (await getJson(sandbox, `${BASE}/requests/100004.json`)).body
    expect(r4.service_notice).toBe('Water supply may be interrupted during repairs')
    const [r1] = (await getJson(sandbox, `${BASE}/requests/100001.json`)).body
    expect(r1.media_url).toBe('https://thanecity.gov.in/media/grievances/100001.jpg')
  })

  test('GET requests/{id} of an unknown or malformed id answers 404 with an error list', async () => {
    const sandbox = await startOpen311()
    for (const id of ['999999', 'abc', '0100001', '100001.5', '%27%20OR%201%3D1--']) {
      const res = await getJson(sandbox, `${BASE}/requests/${id}.json`)
      expect(res.status).toBe(404)
      expect(res.body).toEqual([{ code: 404, description: `service_request_id '${decodeURIComponent(id)}' was not found` }])
    }
    const xml = await getXml(sandbox, `${BASE}/requests/999999.xml`)
    expect(xml.body.errors.error).toEqual([{ code: '404', description: `service_request_id '999999' was not found` }])
  })

  test('a request requested after now is invisible: not listed, not found by id, left out of id lists', async () => {
    const sandbox = await startOpen311()
    const future = await getJson(sandbox, `${BASE}/requests.json?start_date=2026-07-01T00:00:00%2B05:30&end_date=2026-07-31T23:59:59%2B05:30`)
    expect(ids(future.body)).toEqual(['100018', '100017', '100016', '100015', '100014', '100013'])
    expect((await getJson(sandbox, `${BASE}/requests/100019.json`)).status).toBe(404)
    expect((await getJson(sandbox, `${BASE}/requests/100021.json`)).status).toBe(404)
    expect(ids((await getJson(sandbox, `${BASE}/requests.json?service_request_id=100019,100018,100020`)).body)).toEqual(['100018'])
  })

  test('advancing the clock makes later requests appear and moves requests through their lifecycle', async () => {
    const sandbox = await startOpen311()
    sandbox.clock.advance(1000)
    expect((await getJson(sandbox, `${BASE}/requests/100019.json`)).status).toBe(200)
    const at = async (id: string) => (await getJson(sandbox, `${BASE}/requests/${id}.json`)).body[0]
    expect(await at('100016')).toMatchObject({ status: 'open', status_notes: 'Received; awaiting assignment' })
    sandbox.clock.set(new Date('2026-07-14T09:30:00+05:30'))
    expect(await at('100016')).toMatchObject({
      status: 'open',
      status_notes: 'Assigned to TMC Public Works Department; work in progress',
      agency_responsible: 'TMC Public Works Department',
      updated_datetime: '2026-07-14T09:30:00+05:30',
      expected_datetime: '2026-07-21T09:30:00+05:30',
    })
    sandbox.clock.set(new Date('2026-07-18T17:00:00+05:30'))
    expect(await at('100016')).toMatchObject({ status: 'closed', status_notes: 'Pothole patched.', updated_datetime: '2026-07-18T17:00:00+05:30' })
  })

  test('an agency note is not shown before the time it was written', async () => {
    const sandbox = await startOpen311({ clock: '2026-06-23T12:00+05:30' })
    const [r] = (await getJson(sandbox, `${BASE}/requests/100012.json`)).body
    expect(r).toMatchObject({ status: 'open', status_notes: 'Assigned to TMC Tree Authority; work in progress', updated_datetime: '2026-06-21T10:00:00+05:30' })
  })

  test('extensions=true adds ward, description_language and the lifecycle times that have happened, in JSON and XML', async () => {
    const sandbox = await startOpen311()
    const [r13] = (await getJson(sandbox, `${BASE}/requests/100013.json?extensions=true`)).body
    expect(r13).toEqual({
      ...R100013,
      ward: 'Majiwada-Manpada',
      description_language: 'mr',
      acknowledged_datetime: '2026-07-01T10:20:00+05:30',
      closed_datetime: '2026-07-05T15:00:00+05:30',
    })
    const list = await getJson(sandbox, `${BASE}/requests.json?extensions=true`)
    const r18 = list.body.find((r: { service_request_id: string }) => r.service_request_id === '100018')
    expect(r18).toEqual({ ...R100018, ward: 'Diva', description_language: 'en' })
    const r17 = list.body.find((r: { service_request_id: string }) => r.service_request_id === '100017')
    expect(r17).toEqual({ ...R100017, ward: 'Uthalsar', description_language: 'en', acknowledged_datetime: '2026-07-14T08:45:00+05:30' })
    const xml = await getXml(sandbox, `${BASE}/requests/100013.xml?extensions=true`)
    expect(xml.body.service_requests.request[0]).toEqual(asXml(r13))
    // Without the flag, or with extensions=false, none of them.
    expect((await getJson(sandbox, `${BASE}/requests/100013.json?extensions=false`)).body).toEqual([R100013])
  })

  test('extensions other than true or false answers 400', async () => {
    const sandbox = await startOpen311()
    for (const path of ['/requests.json?extensions=yes', '/requests/100013.json?extensions=yes']) {
      const res = await getJson(sandbox, `${BASE}${path}`)
      expect(res.status).toBe(400)
      expect(res.body).toEqual([{ code: 400, description: `extensions must be true or false; got 'yes'` }])
    }
  })

  test.each([
    ['service_code=POTHOLE,TREE', ['100016', '100013', '100012', '100010']],
    ['service_code=POTHOLE&service_code=TREE', ['100016', '100013', '100012', '100010']],
    ['service_code=NOPE', []],
    ['status=open', ['100018', '100017', '100016', '100015', '100014', '100012']],
    ['status=closed', ['100013', '100011', '100010', '100009', '100008', '100007']],
    ['status=open,closed', DEFAULT_WINDOW],
    ['status=closed&status=open', DEFAULT_WINDOW],
    ['ward=Kalwa', ['100015', '100011']],
    ['ward=Kalwa,Diva', ['100018', '100015', '100011']],
    ['service_code=GARBAGE&status=open', ['100018', '100014']],
    ['service_code=GARBAGE,POTHOLE&status=closed&ward=Wagle%20Estate', ['100010']],
    ['start_date=2026-05-01T00:00:00%2B05:30&end_date=2026-06-30T23:59:59%2B05:30', ['100012', '100011', '100010', '100009']],
    ['start_date=2026-04-30T18:30:00Z&end_date=2026-06-30T18:29:59Z', ['100012', '100011', '100010', '100009']],
    ['start_date=2025-08-01T08:15:00%2B05:30', ['100002', '100001']],
    ['end_date=2026-04-15T09:00:00%2B05:30', ['100007', '100006', '100005']],
    ['start_date=2026-01-01T00:00:00%2B05:30&end_date=2026-04-01T00:00:00%2B05:30', ['100006', '100005', '100004']],
    ['start_date=2026-07-14T08:30:00%2B05:30&end_date=2026-07-14T08:30:00%2B05:30', ['100017', '100016']],
    ['service_request_id=100001,100013', ['100013', '100001']],
    ['service_request_id=100001&service_code=TREE&status=open&start_date=nonsense&ward=Diva', ['100001']],
    ['service_request_id=100001,abc,,999999', ['100001']],
  ])('GET requests.json?%s answers the matching requests newest first', async (query, expected) => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}/requests.json?${query}`)
    expect(res.status).toBe(200)
    expect(ids(res.body)).toEqual(expected)
    const xml = await getXml(sandbox, `${BASE}/requests.xml?${query}`)
    expect(xmlIds(xml.body)).toEqual(expected)
  })

  test('optional parameters sent empty behave as if absent', async () => {
    const sandbox = await startOpen311()
    const res = await getJson(
      sandbox,
      `${BASE}/requests.json?service_request_id=&service_code=&start_date=&end_date=&status=&ward=&page=&page_size=&extensions=&jurisdiction_id=`,
    )
    expect(res.status).toBe(200)
    expect(ids(res.body)).toEqual(DEFAULT_WINDOW)
  })

  test.each([
    ['start_date=2026-07-01', [`start_date must be a W3C date-time with a zone, like 2026-07-01T00:00:00+05:30; got '2026-07-01'`]],
    ['end_date=2026-07-01T00:00:00', [`end_date must be a W3C date-time with a zone, like 2026-07-01T00:00:00+05:30; got '2026-07-01T00:00:00'`]],
    ['start_date=2026-02-30T00:00:00Z', [`start_date must be a W3C date-time with a zone, like 2026-07-01T00:00:00+05:30; got '2026-02-30T00:00:00Z'`]],
    ['start_date=2026-07-10T00:00:00Z&end_date=2026-07-01T00:00:00Z', ['start_date is after end_date; give a start_date at or before the end_date']],
    [
      'start_date=2026-01-01T00:00:00%2B05:30&end_date=2026-04-01T00:00:01%2B05:30',
      ['the window from start_date to end_date is longer than 90 days; ask for at most 90 days at a time'],
    ],
    ['start_date=2026-07-01T00:00:00Z&start_date=2026-07-02T00:00:00Z', ['start_date was given 2 times; send it once']],
    ['status=pending', [`status must be open, closed or both, comma-separated; got 'pending'`]],
    ['status=open,Closed', [`status must be open, closed or both, comma-separated; got 'Closed'`]],
    ['page=0', [`page must be a whole number from 1; got '0'`]],
    ['page=-1', [`page must be a whole number from 1; got '-1'`]],
    ['page=two', [`page must be a whole number from 1; got 'two'`]],
    ['page_size=0', [`page_size must be a whole number from 1 to 1000; got '0'`]],
    ['page_size=1001', [`page_size must be a whole number from 1 to 1000; got '1001'`]],
    ['page_size=1.5', [`page_size must be a whole number from 1 to 1000; got '1.5'`]],
    [
      'start_date=yesterday&end_date=today&status=x&page=0',
      [
        `page must be a whole number from 1; got '0'`,
        `start_date must be a W3C date-time with a zone, like 2026-07-01T00:00:00+05:30; got 'yesterday'`,
        `end_date must be a W3C date-time with a zone, like 2026-07-01T00:00:00+05:30; got 'today'`,
        `status must be open, closed or both, comma-separated; got 'x'`,
      ],
    ],
  ])('GET requests.json?%s answers 400 naming the parameter', async (query, descriptions) => {
    const sandbox = await startOpen311()
    const res = await getJson(sandbox, `${BASE}/requests.json?${query}`)
    expect(res.status).toBe(400)
    expect(res.body).toEqual(descriptions.map((description) => ({ code: 400, description })))
    const xml = await getXml(sandbox, `${BASE}/requests.xml?${query}`)
    expect(xml.status).toBe(400)
    expect(xml.body.errors.error).toEqual(descriptions.map((description) => ({ code: '400', description })))
  })

  test('page and page_size page through the window newest first, with a Link to the next page', async () => {
    const sandbox = await startOpen311()
    const first = await getJson(sandbox, `${BASE}/requests.json?page_size=5`)
    expect(ids(first.body)).toEqual(DEFAULT_WINDOW.slice(0, 5))
    expect(first.headers.get('link')).toBe('</open311/v2/requests.json?page_size=5&page=2>; rel="next"')
    const second = await getJson(sandbox, `${BASE}/requests.json?page_size=5&page=2`)
    expect(ids(second.body)).toEqual(DEFAULT_WINDOW.slice(5, 10))
    expect(second.headers.get('link')).toBe('</open311/v2/requests.json?page_size=5&page=3>; rel="next"')
    const last = await getJson(sandbox, `${BASE}/requests.json?page_size=5&page=3`)
    expect(ids(last.body)).toEqual(DEFAULT_WINDOW.slice(10))
    expect(last.headers.get('link')).toBeNull()
    expect((await getJson(sandbox, `${BASE}/requests.json?page_size=5&page=4`)).body).toEqual([])
    const xml = await getXml(sandbox, `${BASE}/requests.xml?page_size=5&page=4`)
    expect(xml.text).toBe('<?xml version="1.0" encoding="utf-8"?>\n<service_requests></service_requests>')
  })
})

describe('open311 answers stay exact while they are cached', () => {
  test('a request leaves the default window the moment it is more than 90 days old', async () => {
    const sandbox = await startOpen311()
    expect(ids((await getJson(sandbox, `${BASE}/requests.json`)).body)).toContain('100007')
    sandbox.clock.advance(1)
    expect(ids((await getJson(sandbox, `${BASE}/requests.json`)).body)).toEqual(DEFAULT_WINDOW.slice(0, -1))
  })

  test('moving the clock back hides again what had not happened yet', async () => {
    const sandbox = await startOpen311()
    expect(ids((await getJson(sandbox, `${BASE}/requests.json`)).body)[0]).toBe('100018')
    sandbox.clock.advance(-1)
    expect(ids((await getJson(sandbox, `${BASE}/requests.json`)).body)[0]).toBe('100017')
    expect((await getJson(sandbox, `${BASE}/requests/100018.json`)).status).toBe(404)
  })

  test('a submitted request shows at once in lists read before it', async () => {
    const sandbox = await startOpen311()
    expect((await getJson(sandbox, `${BASE}/requests.json`)).body).toHaveLength(12)
    expect(xmlIds((await getXml(sandbox, `${BASE}/requests.xml`)).body)).toHaveLength(12)
    const res = await call(sandbox, `${BASE}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'api_key=thane-sandbox-dev-key&service_code=STREETLIGHT&address_string=Kalwa%20Naka',
    })
    expect(res.status).toBe(201)
    expect(ids((await getJson(sandbox, `${BASE}/requests.json`)).body)[0]).toBe('100022')
    expect(xmlIds((await getXml(sandbox, `${BASE}/requests.xml`)).body)[0]).toBe('100022')
  })

  test('between two events the answer is the same, and the next event changes it', async () => {
    const sandbox = await startOpen311()
    const first = await getJson(sandbox, `${BASE}/requests/100016.json`)
    sandbox.clock.set(new Date('2026-07-14T09:29:59.999+05:30'))
    expect((await getJson(sandbox, `${BASE}/requests/100016.json`)).text).toBe(first.text)
    sandbox.clock.advance(1)
    expect((await getJson(sandbox, `${BASE}/requests/100016.json`)).body[0].status_notes).toBe('Assigned to TMC Public Works Department; work in progress')
  })
})

describe('open311 volume', () => {
  // 2,500 requests, one every 45 minutes back from now: about 78 days, all inside the default window.
  const NOW_MS = Date.parse('2026-07-14T09:00:00+05:30')

  test('an answer holds at most 1,000 requests (the standard default volume); pages of up to 1,000 reach the rest', async () => {
    const sandbox = await startOpen311({ dataDir: writeDataset(manyRequests(2500, NOW_MS, 45)) })
    const first = await getJson(sandbox, `${BASE}/requests.json`)
    expect(first.body).toHaveLength(1000)
    expect(first.body[0].service_request_id).toBe('200001')
    expect(first.body[999].service_request_id).toBe('201000')
    expect(first.headers.get('link')).toBe('</open311/v2/requests.json?page=2>; rel="next"')
    const third = await getJson(sandbox, `${BASE}/requests.json?page=3`)
    expect(third.body).toHaveLength(500)
    expect(third.body[499].service_request_id).toBe('202500')
    expect(third.headers.get('link')).toBeNull()
  })

  test('pages of any size are disjoint, stable and together hold every request of the window exactly once', async () => {
    const sandbox = await startOpen311({ dataDir: writeDataset(manyRequests(2500, NOW_MS, 45)) })
    const seen: string[] = []
    for (let page = 1; ; page++) {
      const res = await getJson(sandbox, `${BASE}/requests.json?page_size=333&page=${page}&ward=Kalwa`)
      seen.push(...ids(res.body))
      if (!res.headers.get('link')) break
    }
    expect(seen).toHaveLength(1250)
    expect(new Set(seen).size).toBe(1250)
    // manyRequests numbers them from the newest back, so newest first is ascending ids.
    expect(seen).toEqual([...seen].sort((a, b) => Number(a) - Number(b)))
    expect(seen[0]).toBe('200002')
    const xml = await getXml(sandbox, `${BASE}/requests.xml?page_size=1000`)
    expect(xml.body.service_requests.request).toHaveLength(1000)
  })

  test('service_request_id lists at most 1,000 ids', async () => {
    const sandbox = await startOpen311()
    const list = Array.from({ length: 1001 }, (_, i) => 100001 + i).join(',')
    const res = await getJson(sandbox, `${BASE}/requests.json?service_request_id=${list}`)
    expect(res.status).toBe(400)
    expect(res.body).toEqual([{ code: 400, description: 'service_request_id lists at most 1000 ids; got 1001' }])
  })
})
