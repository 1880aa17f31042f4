import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, createClient, InputError, sensorFilter as f, sensorQuery, type Observation, type ThaneClient } from '../src/index.js'
import { send, startServer, type Hit, type LocalServer } from './helpers/local-server.js'

// A small SensorThings 1.1 server answering canned JSON the way real ones vary: numeric and string
// ids, absolute and relative nextLinks, relative selfLinks, units with nulls, FROST-style errors.

const ROOT = '/st/v1.1'
type Wire = Record<string, unknown>
type Route = (hit: Hit, query: URLSearchParams, base: string) => { status?: number; body: unknown } | undefined

const servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function serve(route: Route): Promise<{ server: LocalServer; city: ThaneClient; paths: () => string[] }> {
  let base = ''
  const server = await startServer((res, hit) => {
    const url = new URL(hit.path, base)
    const answer = route(hit, url.searchParams, base)
    if (!answer) return send(res, 404, { code: 404, type: 'error', message: `Nothing found at ${url.pathname}` })
    send(res, answer.status ?? 200, answer.body, { 'content-type': 'application/json' })
  })
  base = server.url
  servers.push(server)
  const city = createClient({ sensors: { url: `${server.url}${ROOT}` }, retries: 0, env: {}, configFile: false })
  return { server, city, paths: () => server.hits.map((hit) => decodeURIComponent(hit.path.replace(/\+/g, ' '))) }
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of iterable) out.push(item)
  return out
}

function thing(id: number | string, name: string, props: Wire, lonLat?: [number, number]): Wire {
  return {
    '@iot.id': id,
    '@iot.selfLink': `Things(${typeof id === 'number' ? id : `'${id}'`})`,
    name,
    description: `${name} station`,
    properties: props,
    ...(lonLat ? { Locations: [{ '@iot.id': `loc-${id}`, name, description: '', encodingType: 'application/geo+json', location: { type: 'Point', coordinates: lonLat } }] } : {}),
  }
}

describe('sensors: the query builder', () => {
  it('query: renders the exact SensorThings options, encoded with URLSearchParams', () => {
    const q = sensorQuery()
      .filter((b) => b.and(b.eq('properties/kind', 'air-quality'), b.eq('properties/ward', "Naupada's East")))
      .expand('Locations')
      .expand('Datastreams', (d) => d.select('name', 'unitOfMeasurement').expand('Observations', (o) => o.orderBy('phenomenonTime', 'desc').top(1)))
      .orderBy('name')
      .top(50)
      .skip(10)
      .count()
    expect(q.toEntries()).toEqual([
      ['$filter', "properties/kind eq 'air-quality' and properties/ward eq 'Naupada''s East'"],
      ['$expand', 'Locations,Datastreams($expand=Observations($orderby=phenomenonTime desc;$top=1);$select=name,unitOfMeasurement)'],
      ['$orderby', 'name'],
      ['$top', '50'],
      ['$skip', '10'],
      ['$count', 'true'],
    ])
    expect(sensorQuery().filter((b) => b.ge('phenomenonTime', new Date('2026-07-14T09:00+05:30'))).top(5).toString()).toBe(
      '%24filter=phenomenonTime+ge+2026-07-14T03%3A30%3A00.000Z&%24top=5',
    )
  })

  it('query: the plain-object form gives the same query as the builder', () => {
    const plain = sensorQuery({
      filter: { and: [{ eq: ['properties/kind', 'air-quality'] }, { or: [{ eq: ['properties/ward', 'Naupada'] }, { eq: ['properties/ward', 'Kopri'] }] }] },
      expand: { Locations: true, Datastreams: { orderBy: ['name', 'desc'], top: 3 } },
      orderBy: [['name', 'asc'], 'id'],
      top: 50,
    })
    const built = sensorQuery()
      .filter((b) => b.and(b.eq('properties/kind', 'air-quality'), b.in('properties/ward', ['Naupada', 'Kopri'])))
      .expand('Locations')
      .expand('Datastreams', (d) => d.orderBy('name', 'desc').top(3))
      .orderBy('name', 'asc')
      .orderBy('id')
      .top(50)
    expect(plain.toString()).toBe(built.toString())
    expect(plain.toEntries()[0]).toEqual(['$filter', "properties/kind eq 'air-quality' and (properties/ward eq 'Naupada' or properties/ward eq 'Kopri')"])
  })

  it('query: every value goes through one literal encoder', () => {
    expect(f.eq('result', 12.5).text).toBe('result eq 12.5')
    expect(f.eq('result', 1e-7).text).toBe('result eq 0.0000001')
    expect(f.ne('properties/active', false).text).toBe('properties/active ne false')
    expect(f.eq('resultTime', null).text).toBe('resultTime eq null')
    expect(f.not(f.or(f.eq('a', 1), f.eq('b', 2))).text).toBe('not (a eq 1 or b eq 2)')
    expect(f.startsWith('name', "Teen Hath's").text).toBe("startswith(name,'Teen Hath''s')")
    expect(f.contains('name', 'Naka').text).toBe("substringof('Naka',name)")
    expect(f.lt(f.fn('geo.distance', f.path('location'), { lat: 19.1972, lon: 72.9722 }), 0.05).text).toBe("geo.distance(location,geography'POINT(72.9722 19.1972)') lt 0.05")
    expect(f.eq('location', { type: 'Point', coordinates: [72.97, 19.19] }).text).toBe("location eq geography'POINT(72.97 19.19)'")
  })

  it('query: paths, values and options that could inject are InputErrors', () => {
    expect(() => f.eq("name eq 'x' or 1", 1)).toThrow(InputError)
    expect(() => f.eq('name', 'x').text && sensorQuery().orderBy('name;drop')).toThrow('orderBy must be a property path such as properties/ward or Datastream/Thing/id, not "name;drop"')
    expect(() => f.eq('result', Number.NaN)).toThrow('a filter value must be a finite number, not NaN')
    expect(() => f.eq('resultTime', new Date('nope'))).toThrow('a filter value is an invalid Date')
    expect(() => f.eq('result', { a: 1 } as never)).toThrow(InputError)
    expect(() => f.fn('drop table')).toThrow(InputError)
    expect(() => sensorQuery().top(-1)).toThrow('top must be a whole number of 0 or more, not -1')
    expect(() => sensorQuery({ filter: { like: ['name', 'x'] } as never })).toThrow('unknown filter operator "like"')
  })
})

describe('sensors: list, get and paging', () => {
  it('list: sends the query the builder made and reads string and numeric ids as strings', async () => {
    const { city, paths } = await serve((hit) =>
      hit.path.startsWith(`${ROOT}/Things?`)
        ? { body: { value: [thing(1, 'Naupada AQ', { kind: 'air-quality', ward: 'Naupada' }), thing('kopri-aq', 'Kopri AQ', { kind: 'air-quality', ward: 'Kopri' })] } }
        : undefined,
    )
    const things = await collect(
      city.sensors.query('Things').filter((b) => b.and(b.eq('properties/kind', 'air-quality'), b.eq('properties/ward', 'Naupada'))).expand('Locations').orderBy('name').top(50),
    )
    expect(paths()).toEqual([`${ROOT}/Things?$filter=properties/kind eq 'air-quality' and properties/ward eq 'Naupada'&$expand=Locations&$orderby=name&$top=50`])
    expect(things.map((t) => t.id)).toEqual(['1', 'kopri-aq'])
    expect(things[1]).toMatchObject({ name: 'Kopri AQ', selfLink: `${city.config.sensors.url}/Things('kopri-aq')`, properties: { ward: 'Kopri' } })
  })

  it('list: follows absolute and relative nextLinks verbatim, lazily', async () => {
    const { city, server } = await serve((hit, _q, base) => {
      if (hit.path === `${ROOT}/Observations?%24top=2`) return { body: { value: [{ '@iot.id': 1, phenomenonTime: 't1', result: 1 }, { '@iot.id': 2, phenomenonTime: 't2', result: 2 }], '@iot.nextLink': `${base}${ROOT}/Observations?$top=2&$skip=2` } }
      if (hit.path === `${ROOT}/Observations?$top=2&$skip=2`) return { body: { value: [{ '@iot.id': 3, phenomenonTime: 't3', result: 3 }], '@iot.nextLink': 'Observations?$skipToken=opaque%2Bx' } }
      if (hit.path === `${ROOT}/Observations?$skipToken=opaque%2Bx`) return { body: { value: [{ '@iot.id': 4, phenomenonTime: 't4', result: 4, resultTime: '2026-07-14T03:30:00Z' }] } }
      return undefined
    })
    const all = await collect(city.sensors.list('Observations', { top: 2 }))
    expect(all.map((o) => o.id)).toEqual(['1', '2', '3', '4'])
    expect(all[3]).toEqual({ id: '4', phenomenonTime: 't4', result: 4, resultTime: '2026-07-14T03:30:00Z' })
    expect(all[0]?.resultTime).toBeNull()
    expect(server.hits).toHaveLength(3)

    server.hits.length = 0
    for await (const o of city.sensors.list('Observations', sensorQuery().top(2))) {
      if (o.id === '2') break
    }
    expect(server.hits.map((h) => h.path)).toEqual([`${ROOT}/Observations?%24top=2`])
  })

  it('list: a nextLink that leads back to a page already read is an ApiError, not a loop', async () => {
    const { city } = await serve((hit) => (hit.path.startsWith(`${ROOT}/Things`) ? { body: { value: [thing(1, 'A', {})], '@iot.nextLink': `${ROOT}/Things` } } : undefined))
    await expect(collect(city.sensors.things())).rejects.toThrow(/its @iot.nextLink leads back to a page already read/)
  })

  it('get: writes numeric ids bare and string ids quoted with quotes doubled', async () => {
    const { city, paths } = await serve((hit) => {
      if (hit.path === `${ROOT}/Things(7)`) return { body: thing(7, 'Seven', {}) }
      if (hit.path.startsWith(`${ROOT}/Things('O''Brien%20Rd%2F1')`)) return { body: { ...thing("O'Brien Rd/1", 'Quoted', {}), '@iot.selfLink': undefined } }
      return undefined
    })
    expect((await city.sensors.get('Things', '7')).id).toBe('7')
    const quoted = await city.sensors.get('Things', "O'Brien Rd/1", { expand: ['Locations', 'Datastreams'] })
    expect(quoted.id).toBe("O'Brien Rd/1")
    expect(paths()).toEqual([`${ROOT}/Things(7)`, `${ROOT}/Things('O''Brien Rd/1')?$expand=Locations,Datastreams`])
  })

  it('get: an error status is an ApiError with the server message; a body that is not SensorThings too', async () => {
    const { city } = await serve((hit) => {
      if (hit.path.startsWith(`${ROOT}/Things(1)`)) return { status: 400, body: { code: 400, type: 'error', message: 'Invalid query: unknown property foo' } }
      if (hit.path.startsWith(`${ROOT}/Datastreams`)) return { body: { items: [] } }
      return undefined
    })
    const failure = city.sensors.get('Things', '1')
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ code: 'E_API', status: 400, message: `GET ${city.config.sensors.url}/Things(1) answered 400 Bad Request: Invalid query: unknown property foo` })
    await expect(city.sensors.get('Things', '404')).rejects.toMatchObject({ status: 404, message: expect.stringContaining('Nothing found at /st/v1.1/Things(404)') })
    await expect(collect(city.sensors.datastreams())).rejects.toThrow(`GET ${city.config.sensors.url}/Datastreams answered 200 with a body that is not SensorThings: a collection must be an object with a "value" list`)
  })

  it('list: bad input is an InputError before any request', async () => {
    const { city, server } = await serve(() => undefined)
    expect(() => city.sensors.list('Widgets' as never)).toThrow('entitySet must be one of Things, Locations, HistoricalLocations, Datastreams, Sensors, ObservedProperties, Observations, FeaturesOfInterest, not "Widgets"')
    expect(() => city.sensors.list('Things', { top: 1.5 })).toThrow(InputError)
    expect(() => city.sensors.observations('1', { from: 'soon' })).toThrow('from must be a Date or an ISO 8601 date-time')
    await expect(city.sensors.get('Things', '')).rejects.toThrow(InputError)
    expect(server.hits).toHaveLength(0)
  })
})

describe('sensors: domain helpers', () => {
  const STATIONS = [
    thing(1, 'Naupada', { kind: 'air-quality', ward: 'Naupada' }, [72.9722, 19.1972]),
    thing(2, 'Kopri', { kind: 'air-quality', ward: 'Kopri' }, [72.9833, 19.1833]),
    thing(3, 'Ghodbunder', { kind: 'air-quality', ward: 'Majiwada' }, [72.96, 19.25]),
    thing(4, 'No location', { kind: 'air-quality', ward: 'Naupada' }),
  ]

  it('stations: filters kind and ward on the server and reads each point', async () => {
    const { city, paths } = await serve((hit) => (hit.path.startsWith(`${ROOT}/Things?`) ? { body: { value: STATIONS.slice(0, 2) } } : undefined))
    const stations = await city.sensors.stations({ kind: 'air-quality', ward: 'Naupada' })
    expect(paths()).toEqual([`${ROOT}/Things?$filter=properties/kind eq 'air-quality' and properties/ward eq 'Naupada'&$expand=Locations&$orderby=id`])
    expect(stations[0]).toMatchObject({ id: '1', kind: 'air-quality', ward: 'Naupada', coordinates: { lat: 19.1972, lon: 72.9722 } })
  })

  it('stations: near sorts by distance, cuts at the radius and leaves out stations without a point', async () => {
    const { city } = await serve((hit) => (hit.path.startsWith(`${ROOT}/Things?`) ? { body: { value: STATIONS } } : undefined))
    const near = await city.sensors.stations({ near: { lat: 19.185, lon: 72.982 } })
    expect(near.map((s) => s.name)).toEqual(['Kopri', 'Naupada', 'Ghodbunder'])
    expect(near[0]!.distanceMetres).toBeGreaterThan(100)
    expect(near[0]!.distanceMetres).toBeLessThan(250)
    const within = await city.sensors.stations({ near: { lat: 19.185, lon: 72.982, radiusMetres: 2000 } })
    expect(within.map((s) => s.name)).toEqual(['Kopri', 'Naupada'])
  })

  it('latest: asks for the newest observation of every Datastream with its unit and property', async () => {
    const { city, paths } = await serve((hit) =>
      hit.path.startsWith(`${ROOT}/Things('st-1')/Datastreams?`)
        ? {
            body: {
              value: [
                { '@iot.id': 11, name: 'PM2.5', description: '', observationType: 'OM_Measurement', unitOfMeasurement: { name: 'microgram per cubic metre', symbol: 'µg/m³', definition: null }, properties: { pollutant: 'pm25' }, ObservedProperty: { '@iot.id': 1, name: 'PM2.5', definition: 'x', description: '' }, Observations: [{ '@iot.id': 5, phenomenonTime: '2026-07-14T03:30:00Z', result: '41.5' }] },
                { '@iot.id': 12, name: 'Door open', description: '', observationType: 'OM_TruthObservation', unitOfMeasurement: { name: null, symbol: null, definition: null }, Observations: [] },
              ],
            },
          }
        : undefined,
    )
    const readings = await city.sensors.latest('st-1')
    expect(paths()).toEqual([`${ROOT}/Things('st-1')/Datastreams?$expand=ObservedProperty,Observations($orderby=phenomenonTime desc;$top=1)&$orderby=id`])
    expect(readings[0]).toMatchObject({ pollutant: 'pm25', value: 41.5, unit: { symbol: 'µg/m³', definition: null }, observedProperty: { name: 'PM2.5' }, observation: { id: '5' } })
    expect(readings[1]).toMatchObject({ pollutant: undefined, value: undefined, observation: undefined, unit: { name: null, symbol: null, definition: null } })
  })

  it('observations: asks for the range oldest first and streams every page', async () => {
    const start = Date.parse('2026-07-13T18:30:00Z')
    const obs = (i: number) => ({ '@iot.id': i, phenomenonTime: new Date(start + i * 900_000).toISOString(), result: i })
    const { city, paths } = await serve((hit, q) => {
      if (!hit.path.startsWith(`${ROOT}/Datastreams(11)/Observations?`)) return undefined
      const skip = Number(q.get('$skip') ?? 0)
      const value = Array.from({ length: Math.min(40, 96 - skip) }, (_, i) => obs(skip + i))
      return { body: { value, ...(skip + 40 < 96 ? { '@iot.nextLink': `Observations?$skip=${skip + 40}` } : {}) } }
    })
    const day = await collect(city.sensors.observations('11', { from: '2026-07-14T00:00+05:30', to: new Date('2026-07-15T00:00+05:30'), pageSize: 40 }))
    expect(paths()[0]).toBe(`${ROOT}/Datastreams(11)/Observations?$filter=phenomenonTime ge 2026-07-13T18:30:00.000Z and phenomenonTime lt 2026-07-14T18:30:00.000Z&$orderby=phenomenonTime asc&$top=40`)
    expect(paths().slice(1)).toEqual([`${ROOT}/Datastreams(11)/Observations?$skip=40`, `${ROOT}/Datastreams(11)/Observations?$skip=80`])
    expect(day).toHaveLength(96)
    expect(day.map((o: Observation) => o.result)).toEqual(Array.from({ length: 96 }, (_, i) => i))
  })

  it('observations: against a server where $top is a limit, asks for the next chunk with $skip', async () => {
    // The standard's reading of $top (and the sandbox's): at most n items, a nextLink only when the server's own limit (here 3) cut the page.
    const all = Array.from({ length: 11 }, (_, i) => ({ '@iot.id': `o${i}`, phenomenonTime: new Date(Date.UTC(2026, 6, 14) + i * 900_000).toISOString(), result: i }))
    const { city, paths } = await serve((hit, q) => {
      if (!hit.path.startsWith(`${ROOT}/Datastreams('pm25-1')/Observations?`)) return undefined
      const skip = Number(q.get('$skip') ?? 0)
      const top = Number(q.get('$top'))
      const value = all.slice(skip, skip + Math.min(top, 3))
      const more = top > 3 && skip + 3 < all.length
      return { body: { value, ...(more ? { '@iot.nextLink': `${ROOT}/Datastreams('pm25-1')/Observations?$top=${top - 3}&$skip=${skip + 3}` } : {}) } }
    })
    const got = await collect(city.sensors.observations('pm25-1', { pageSize: 6 }))
    expect(got.map((o) => o.result)).toEqual(all.map((o) => o.result))
    expect(paths()).toEqual([
      `${ROOT}/Datastreams('pm25-1')/Observations?$orderby=phenomenonTime asc&$top=6`,
      `${ROOT}/Datastreams('pm25-1')/Observations?$top=3&$skip=3`,
      `${ROOT}/Datastreams('pm25-1')/Observations?$orderby=phenomenonTime asc&$top=6&$skip=6`,
      `${ROOT}/Datastreams('pm25-1')/Observations?$top=3&$skip=9`,
    ])
  })

  it('aqi: averages the 24 hours before the newest reading and applies CPCB', async () => {
    const at = Date.parse('2026-07-14T03:30:00Z')
    const streams: [number, string, string, number, number][] = [
      // id, pollutant, unit symbol, value, hours of data
      [21, 'pm25', 'µg/m³', 45, 24],
      [22, 'pm10', 'µg/m³', 80, 24],
      [23, 'no2', 'µg/m³', 30, 24],
      [24, 'co', 'µg/m³', 1500, 24], // 1.5 mg/m³, converted
      [25, 'so2', 'µg/m³', 10, 12], // too few hours
    ]
    const { city, paths } = await serve((hit) => {
      if (hit.path.startsWith(`${ROOT}/Things(9)/Datastreams?`)) {
        return {
          body: {
            value: streams.map(([id, pollutant, symbol]) => ({
              '@iot.id': id,
              name: pollutant,
              description: '',
              observationType: 'OM_Measurement',
              unitOfMeasurement: { name: null, symbol, definition: null },
              properties: { pollutant },
              Observations: [{ '@iot.id': id * 100, phenomenonTime: new Date(at - (id === 21 ? 0 : 900_000)).toISOString(), result: 1 }],
            })),
          },
        }
      }
      const m = /^\/st\/v1\.1\/Datastreams\((\d+)\)\/Observations\?/.exec(hit.path)
      const stream = m && streams.find(([id]) => id === Number(m[1]))
      if (!stream) return undefined
      const [, , , value, hours] = stream
      return { body: { value: Array.from({ length: hours * 4 }, (_, i) => ({ '@iot.id': i, phenomenonTime: new Date(at - (hours * 4 - 1 - i) * 900_000).toISOString(), result: value })) } }
    })
    const result = await city.sensors.aqi('9')
    expect(result).toMatchObject({ stationId: '9', at: '2026-07-14T03:30:00.000Z', aqi: 80, category: { name: 'Satisfactory' }, dominant: ['pm10'] })
    expect(result.subIndices.map((s) => [s.pollutant, s.index])).toEqual([['pm25', 75], ['pm10', 80], ['no2', 38], ['co', 73]]) // CO 1.5 mg/m³: 51 + 49/0.9 × 0.4
    expect(result.averages.co).toBeCloseTo(1.5, 10)
    expect(result.insufficient).toEqual([{ pollutant: 'so2', reason: '12 of the 24 hours before 2026-07-14T03:30:00.000Z have data; a 24-hour average needs at least 16' }])
    expect(result.datastreams).toEqual({ pm25: '21', pm10: '22', no2: '23', co: '24', so2: '25' })
    expect(paths()).toContain(`${ROOT}/Datastreams(21)/Observations?$filter=phenomenonTime gt 2026-07-13T03:30:00.000Z and phenomenonTime le 2026-07-14T03:30:00.000Z&$orderby=phenomenonTime asc&$top=1000`)

    const earlier = await city.sensors.aqi('9', { at: '2026-07-14T08:00+05:30' })
    expect(earlier.at).toBe('2026-07-14T02:30:00.000Z')
  })

  it('aqi: a station without pollutant data has no AQI, with a reason', async () => {
    const { city } = await serve((hit) => (hit.path.startsWith(`${ROOT}/Things(5)/Datastreams?`) ? { body: { value: [] } } : undefined))
    expect(await city.sensors.aqi('5')).toMatchObject({ aqi: null, reason: 'insufficient data: station 5 has no pollutant Datastreams' })
  })
})
