import { describe, expect, test } from 'vitest'
import { call, error, ids, ok, ROOT, startSensors, VISIBLE } from './sandbox-sensorthings-helpers.js'

const SETS = ['Things', 'Locations', 'HistoricalLocations', 'Datastreams', 'Sensors', 'ObservedProperties', 'Observations', 'FeaturesOfInterest']

describe('SensorThings: resources', () => {
  test('the service root lists the eight entity sets with absolute URLs and the conformance classes', async () => {
    const sandbox = await startSensors()
    const body = await ok(sandbox, '')
    expect(body.value).toEqual(SETS.map((name) => ({ name, url: `${sandbox.url}${ROOT}/${name}` })))
    expect(body.serverSettings.conformance).toContain('http://www.opengis.net/spec/iot_sensing/1.1/req/request-data')
    expect(body.serverSettings.conformance).toContain('http://www.opengis.net/spec/iot_sensing/1.1/req/data-array/data-array')
  })

  test('every entity set lists its entities with @iot.id, an absolute @iot.selfLink and a navigationLink per relation', async () => {
    const sandbox = await startSensors()
    const expected: Record<string, number> = { Things: 3, Locations: 3, HistoricalLocations: 3, Datastreams: 5, Sensors: 3, ObservedProperties: 4, Observations: 100, FeaturesOfInterest: 3 }
    const relations: Record<string, string[]> = {
      Things: ['Locations', 'HistoricalLocations', 'Datastreams'],
      Locations: ['Things', 'HistoricalLocations'],
      HistoricalLocations: ['Thing', 'Locations'],
      Datastreams: ['Thing', 'Sensor', 'ObservedProperty', 'Observations'],
      Sensors: ['Datastreams'],
      ObservedProperties: ['Datastreams'],
      Observations: ['Datastream', 'FeatureOfInterest'],
      FeaturesOfInterest: ['Observations'],
    }
    for (const set of SETS) {
      const body = await ok(sandbox, `/${set}`)
      expect(body.value, set).toHaveLength(expected[set] as number)
      for (const entity of body.value) {
        const self = `${sandbox.url}${ROOT}/${set}(${entity['@iot.id']})`
        expect(entity['@iot.selfLink']).toBe(self)
        for (const rel of relations[set] as string[]) expect(entity[`${rel}@iot.navigationLink`]).toBe(`${self}/${rel}`)
      }
      expect(ids(body)).toEqual([...ids(body)].sort((a, b) => a - b))
    }
  })

  test('an entity is addressed by its id, also quoted; the entity carries the standard properties', async () => {
    const sandbox = await startSensors()
    const thing = await ok(sandbox, '/Things(1)')
    expect(thing).toMatchObject({ '@iot.id': 1, name: 'Kalwa Air Quality Station', properties: { ward: 'Kalwa', kind: 'air-quality' } })
    expect(await ok(sandbox, "/Things('1')")).toEqual(thing)
    const observation = await ok(sandbox, '/Observations(1)')
    expect(observation).toMatchObject({ '@iot.id': 1, phenomenonTime: '2026-07-13T18:30:00Z', resultTime: '2026-07-13T18:30:00Z', result: 40.5 })
    const datastream = await ok(sandbox, '/Datastreams(1)')
    expect(datastream).toMatchObject({
      unitOfMeasurement: { symbol: 'µg/m³' },
      observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
      phenomenonTime: '2026-07-13T18:30:00Z/2026-07-14T03:30:00Z',
    })
    const location = await ok(sandbox, '/Locations(2)')
    expect(location).toMatchObject({ encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [72.9781, 19.189] } })
    expect(await ok(sandbox, '/HistoricalLocations(1)')).toMatchObject({ time: '2026-07-13T18:30:00Z' })
    expect(await ok(sandbox, '/FeaturesOfInterest(3)')).toMatchObject({ name: 'Majiwada junction', feature: { type: 'Point' } })
  })

  test('a malformed id is a 400 and an unknown one a 404', async () => {
    const sandbox = await startSensors()
    expect(await error(sandbox, '/Things(abc)', 400)).toBe('Things(abc): the id must be a whole number, like Things(1); got "abc"')
    expect(await error(sandbox, '/Things(99)', 404)).toBe('Things(99) was not found')
    expect(await error(sandbox, '/Observations(100000)', 404)).toBe('Observations(100000) was not found')
  })

  test('a property answers { name: value }, $value answers plain text, and a null property answers 204', async () => {
    const sandbox = await startSensors()
    expect(await ok(sandbox, '/Things(1)/name')).toEqual({ name: 'Kalwa Air Quality Station' })
    expect(await ok(sandbox, '/Observations(1)/result')).toEqual({ result: 40.5 })
    expect(await ok(sandbox, '/Things(1)/id')).toEqual({ id: 1 })
    const raw = await call(sandbox, '/Things(1)/name/$value')
    expect(raw.status).toBe(200)
    expect(raw.type).toBe('text/plain; charset=utf-8')
    expect(raw.text).toBe('Kalwa Air Quality Station')
    expect((await call(sandbox, '/Observations(2)/phenomenonTime/$value')).text).toBe('2026-07-13T18:45:00Z')
    const empty = await call(sandbox, '/Sensors(3)/properties')
    expect(empty.status).toBe(204)
    expect(empty.text).toBe('')
  })

  test('navigation reaches single entities and collections, nested to any depth', async () => {
    const sandbox = await startSensors()
    expect((await ok(sandbox, '/Observations(5)/Datastream'))['@iot.id']).toBe(1)
    expect((await ok(sandbox, '/Observations(5)/Datastream/Thing'))['@iot.id']).toBe(1)
    expect((await ok(sandbox, '/Observations(100)/FeatureOfInterest'))['@iot.id']).toBe(2)
    expect(ids(await ok(sandbox, '/Things(1)/Datastreams'))).toEqual([1, 2])
    expect(ids(await ok(sandbox, '/Things(3)/Locations'))).toEqual([3])
    expect(ids(await ok(sandbox, '/Locations(3)/Things'))).toEqual([3])
    expect(ids(await ok(sandbox, '/Things(2)/HistoricalLocations'))).toEqual([2])
    expect(ids(await ok(sandbox, '/HistoricalLocations(2)/Locations'))).toEqual([2])
    expect((await ok(sandbox, '/HistoricalLocations(2)/Thing'))['@iot.id']).toBe(2)
    expect(ids(await ok(sandbox, '/Sensors(3)/Datastreams'))).toEqual([4, 5])
    expect(ids(await ok(sandbox, '/ObservedProperties(4)/Datastreams'))).toEqual([4, 5])
    expect(ids(await ok(sandbox, '/Datastreams(5)/Observations'))).toEqual([193, 194, 195, 196, 197, 198, 199, 200, 201, 202])
    expect(ids(await ok(sandbox, '/Things(3)/Datastreams(5)/Observations?$top=2'))).toEqual([193, 194])
    expect((await ok(sandbox, '/Things(1)/Datastreams(2)/Observations(49)/FeatureOfInterest'))['@iot.id']).toBe(1)
    expect((await ok(sandbox, '/FeaturesOfInterest(3)/Observations?$count=true&$top=0'))['@iot.count']).toBe(47)
    expect(await error(sandbox, '/Things(1)/Datastreams(3)', 404)).toBe('Things(1)/Datastreams(3) was not found')
  })

  test('$ref answers selfLinks of a collection or of a single navigation', async () => {
    const sandbox = await startSensors()
    expect(await ok(sandbox, '/Things(1)/Datastreams/$ref')).toEqual({
      value: [{ '@iot.selfLink': `${sandbox.url}${ROOT}/Datastreams(1)` }, { '@iot.selfLink': `${sandbox.url}${ROOT}/Datastreams(2)` }],
    })
    expect(await ok(sandbox, '/Observations(5)/Datastream/$ref')).toEqual({ '@iot.selfLink': `${sandbox.url}${ROOT}/Datastreams(1)` })
    expect((await ok(sandbox, '/Datastreams(1)/Observations/$ref?$top=2&$count=true'))).toEqual({
      '@iot.count': 37,
      value: [{ '@iot.selfLink': `${sandbox.url}${ROOT}/Observations(1)` }, { '@iot.selfLink': `${sandbox.url}${ROOT}/Observations(2)` }],
      '@iot.nextLink': undefined,
    })
  })

  test('an unknown set, property or relation is a 404 with a JSON error naming what exists', async () => {
    const sandbox = await startSensors()
    expect(await error(sandbox, '/Thingz', 404)).toMatch(/^no entity set "Thingz"; the sets are Things, Locations/)
    expect(await error(sandbox, '/Things(1)/colour', 404)).toMatch(/^Things has no property or relation "colour"; it has name, description/)
    expect(await error(sandbox, '/Things(1)/Observations', 404)).toMatch(/^Things has no property or relation "Observations"/)
    expect(await error(sandbox, '/Things/Datastreams', 404)).toMatch(/^Things is a collection; address one entity by its id/)
    const root = await call(sandbox, '/Things(1)/name/extra')
    expect(root.status).toBe(404)
  })
})

describe('SensorThings: query options', () => {
  test('pages of 100 carry an absolute @iot.nextLink that keeps the other options; following it to the end adds up to the count', async () => {
    const sandbox = await startSensors()
    let body = await ok(sandbox, `/Observations?$count=true&$filter=result ge 0`)
    expect(body['@iot.count']).toBe(VISIBLE)
    expect(body.value).toHaveLength(100)
    expect(body['@iot.nextLink']).toBe(`${sandbox.url}${ROOT}/Observations?%24count=true&%24filter=result+ge+0&$skip=100`.replace('%24count', '$count').replace('%24filter', '$filter'))
    const seen = ids(body)
    while (body['@iot.nextLink']) {
      body = await ok(sandbox, body['@iot.nextLink'])
      expect(body['@iot.count']).toBe(VISIBLE)
      seen.push(...ids(body))
    }
    expect(seen).toHaveLength(VISIBLE)
    expect(new Set(seen).size).toBe(VISIBLE)
  })

  test('$top under the page limit gives no nextLink; $top over the limit is capped at 1000 with $top carried on', async () => {
    const sandbox = await startSensors()
    const small = await ok(sandbox, '/Observations?$top=10&$skip=5')
    expect(ids(small)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15])
    expect(small['@iot.nextLink']).toBeUndefined()
    const all = await ok(sandbox, '/Observations?$top=5000')
    expect(all.value).toHaveLength(VISIBLE)
    expect(all['@iot.nextLink']).toBeUndefined()
    expect((await ok(sandbox, '/Observations?$top=0&$count=true'))).toEqual({ '@iot.count': VISIBLE, value: [] })
  })

  test('$count=true counts what $filter matches, whatever $top and $skip say', async () => {
    const sandbox = await startSensors()
    const body = await ok(sandbox, '/Datastreams(1)/Observations?$count=true&$top=3&$skip=30&$filter=result gt 50')
    const all = await ok(sandbox, '/Datastreams(1)/Observations?$filter=result gt 50&$top=1000')
    expect(body['@iot.count']).toBe(all.value.length)
    expect(body.value.length).toBeLessThanOrEqual(3)
    expect((await ok(sandbox, '/Things?$count=false'))['@iot.count']).toBeUndefined()
  })

  test('$orderby sorts ascending or descending, nulls first ascending and last descending, ties by id', async () => {
    const sandbox = await startSensors()
    expect(ids(await ok(sandbox, '/Things?$orderby=properties/lanes desc'))).toEqual([3, 2, 1])
    expect(ids(await ok(sandbox, '/Things?$orderby=properties/lanes'))).toEqual([1, 2, 3])
    expect(ids(await ok(sandbox, '/Things?$orderby=name desc'))).toEqual([2, 3, 1])
    const latest = await ok(sandbox, '/Datastreams(1)/Observations?$orderby=phenomenonTime desc&$top=2')
    expect(latest.value.map((o: any) => o.phenomenonTime)).toEqual(['2026-07-14T03:30:00Z', '2026-07-14T03:15:00Z'])
    const byResult = await ok(sandbox, '/Datastreams(4)/Observations?$orderby=result desc,phenomenonTime asc&$top=1000')
    const results = byResult.value.map((o: any) => o.result)
    expect(results).toEqual([...results].sort((a: number, b: number) => b - a))
    const mixed = await ok(sandbox, '/Observations?$orderby=Datastream/id desc,id asc&$top=3')
    expect(ids(mixed)).toEqual([193, 194, 195])
  })

  test('$filter: comparisons, logic and arithmetic on Observations', async () => {
    const sandbox = await startSensors()
    const window = await ok(sandbox, '/Datastreams(1)/Observations?$filter=phenomenonTime ge 2026-07-14T02:00:00%2B05:30 and phenomenonTime lt 2026-07-14T03:00:00%2B05:30')
    expect(window.value.map((o: any) => o.phenomenonTime)).toEqual(['2026-07-13T20:30:00Z', '2026-07-13T20:45:00Z', '2026-07-13T21:00:00Z', '2026-07-13T21:15:00Z'])
    // A '+' sent unencoded arrives as a space and is still read as the zone.
    expect(ids(await ok(sandbox, '/Datastreams(1)/Observations?$filter=phenomenonTime lt 2026-07-14T00:30:00+05:30'))).toEqual([1, 2])
    expect(ids(await ok(sandbox, '/Observations?$filter=id eq 3 or id eq 50'))).toEqual([3, 50])
    expect(ids(await ok(sandbox, '/Observations?$filter=Datastream/id eq 5 and not (result lt 580)'))).toEqual([201, 202])
    expect(ids(await ok(sandbox, '/Observations?$filter=Datastream/id eq 5 and result sub 500 ge 80'))).toEqual([201, 202])
    expect(ids(await ok(sandbox, '/Observations?$filter=Datastream/id eq 5 and result div 10 eq 59'))).toEqual([202])
    expect(ids(await ok(sandbox, '/Observations?$filter=Datastream/id eq 5 and result mod 100 eq 0'))).toEqual([193])
    expect((await ok(sandbox, `/Observations?$filter=result eq 'high'&$count=true`))['@iot.count']).toBe(0)
    expect((await ok(sandbox, '/Observations?$filter=resultTime eq null&$count=true'))['@iot.count']).toBe(0)
    expect((await ok(sandbox, '/Observations?$filter=resultTime ne null&$count=true'))['@iot.count']).toBe(VISIBLE)
    expect((await ok(sandbox, '/Observations?$filter=phenomenonTime gt now() sub duration\'PT1H\'&$count=true'))['@iot.count']).toBe(4 * 4 + 1)
  })

  test('$filter: a path through relations, as SQL for Observations and in JS for the small sets', async () => {
    const sandbox = await startSensors()
    expect((await ok(sandbox, "/Observations?$filter=Datastream/Thing/properties/ward eq 'Kalwa'&$count=true"))['@iot.count']).toBe(74)
    expect(ids(await ok(sandbox, "/Datastreams?$filter=Thing/properties/ward eq 'Majiwada'"))).toEqual([4, 5])
    expect(ids(await ok(sandbox, "/Datastreams?$filter=ObservedProperty/name eq 'PM10' or Sensor/id eq 2"))).toEqual([2, 3])
    expect(ids(await ok(sandbox, "/HistoricalLocations?$filter=Thing/name eq 'Naupada Flood Level Sensor'"))).toEqual([2])
    expect(await error(sandbox, '/Things?$filter=Datastreams/id eq 1', 400)).toMatch(/^\$filter at position 0: Datastreams is a collection/)
    expect(await error(sandbox, '/Things?$filter=colour eq 1', 400)).toMatch(/^\$filter at position 0: Things has no property or relation colour/)
  })

  test('$filter: string, date and math functions', async () => {
    const sandbox = await startSensors()
    expect(ids(await ok(sandbox, "/Things?$filter=startswith(name,'Kalwa')"))).toEqual([1])
    expect(ids(await ok(sandbox, "/Things?$filter=substringof('Flood',name) or endswith(name,'Counter')"))).toEqual([2, 3])
    expect(ids(await ok(sandbox, "/Things?$filter=tolower(properties/ward) eq 'naupada' and length(name) gt 5"))).toEqual([2])
    expect(ids(await ok(sandbox, "/Sensors?$filter=concat(name,'!') eq 'BAM-1020!'"))).toEqual([1])
    expect(ids(await ok(sandbox, "/Things?$filter=indexof(name,'Air') eq 6 and substring(name,0,5) eq 'Kalwa'"))).toEqual([1])
    expect((await ok(sandbox, '/Observations?$filter=hour(phenomenonTime) eq 19&$count=true'))['@iot.count']).toBe(4 * 4 + 1)
    expect((await ok(sandbox, '/Observations?$filter=day(phenomenonTime) eq 14 and minute(phenomenonTime) eq 0&$count=true'))['@iot.count']).toBe(4 * 4)
    expect(ids(await ok(sandbox, '/Observations?$filter=Datastream/id eq 1 and round(result) eq 48'))).toEqual([2, 25])
    expect(ids(await ok(sandbox, '/Observations?$filter=Datastream/id eq 3 and floor(result) eq 14 and ceiling(result) eq 15'))).toEqual([101, 106, 111, 116, 121, 126, 131])
  })

  test('$filter: geo.distance in degrees and st_within, on Locations, FeaturesOfInterest and through to Observations', async () => {
    const sandbox = await startSensors()
    expect(ids(await ok(sandbox, "/Locations?$filter=geo.distance(location, geography'POINT(72.99 19.2)') lt 0.01"))).toEqual([1])
    expect(ids(await ok(sandbox, "/Locations?$orderby=geo.distance(location, geography'POINT(72.98 19.22)')"))).toEqual([3, 1, 2])
    const box = "geography'POLYGON((72.97 19.18, 72.99 19.18, 72.99 19.23, 72.97 19.23, 72.97 19.18))'"
    expect(ids(await ok(sandbox, `/Locations?$filter=st_within(location, ${box})`))).toEqual([2, 3])
    expect(ids(await ok(sandbox, `/FeaturesOfInterest?$filter=st_contains(${box}, feature)`))).toEqual([2, 3])
    expect(ids(await ok(sandbox, `/FeaturesOfInterest?$filter=not st_intersects(feature, ${box})`))).toEqual([1])
    expect((await ok(sandbox, `/Observations?$filter=st_within(FeatureOfInterest/feature, ${box})&$count=true&$top=0`))['@iot.count']).toBe(37 + 37 + 10)
  })

  test('$select keeps the named properties, id as @iot.id and navigation names as their links', async () => {
    const sandbox = await startSensors()
    const body = await ok(sandbox, '/Things?$select=id,name,Datastreams&$top=1')
    expect(body.value).toEqual([
      { '@iot.id': 1, name: 'Kalwa Air Quality Station', 'Datastreams@iot.navigationLink': `${sandbox.url}${ROOT}/Things(1)/Datastreams` },
    ])
    expect(await ok(sandbox, '/Observations(1)?$select=result,phenomenonTime')).toEqual({ phenomenonTime: '2026-07-13T18:30:00Z', result: 40.5 })
    expect(await error(sandbox, '/Things?$select=colour', 400)).toMatch(/^\$select: Things has no property "colour"/)
  })

  test('$expand nests two and three levels with options, counts and multi-level paths', async () => {
    const sandbox = await startSensors()
    const thing = await ok(
      sandbox,
      '/Things(1)?$select=name&$expand=Datastreams($select=id,name;$orderby=id desc;$expand=Observations($orderby=phenomenonTime desc;$top=2;$count=true;$select=result),ObservedProperty($select=name))',
    )
    expect(thing).toEqual({
      name: 'Kalwa Air Quality Station',
      Datastreams: [
        { '@iot.id': 2, name: 'Kalwa PM10', 'Observations@iot.count': 37, Observations: [{ result: 80 + ((36 * 11) % 37) }, { result: 80 + ((35 * 11) % 37) }], ObservedProperty: { name: 'PM10' } },
        { '@iot.id': 1, name: 'Kalwa PM2.5', 'Observations@iot.count': 37, Observations: [{ result: 40 + ((36 * 7) % 23) + 0.5 }, { result: 40 + ((35 * 7) % 23) + 0.5 }], ObservedProperty: { name: 'PM2.5' } },
      ],
    })
    const multi = await ok(sandbox, '/Observations(1)?$expand=Datastream/Thing/Locations,FeatureOfInterest($select=name)')
    expect(multi.Datastream['@iot.id']).toBe(1)
    expect(multi.Datastream.Thing['@iot.id']).toBe(1)
    expect(multi.Datastream.Thing.Locations.map((l: any) => l['@iot.id'])).toEqual([1])
    expect(multi.FeatureOfInterest).toEqual({ name: 'Kalwa Naka' })
    const filtered = await ok(sandbox, '/Datastreams?$filter=id le 2&$expand=Observations($filter=result gt 63;$count=true;$top=1)')
    for (const d of filtered.value) expect(d['Observations@iot.count']).toBe(d['@iot.id'] === 1 ? 0 : 37)
    expect(await error(sandbox, '/Things?$expand=Observations', 400)).toMatch(/^\$expand: Things has no relation "Observations"/)
  })

  test('dataArray groups Observations per Datastream, with components from $select, counts and paging', async () => {
    const sandbox = await startSensors()
    const body = await ok(sandbox, '/Observations?$resultFormat=dataArray&$filter=Datastream/Thing/id eq 1&$top=40&$count=true')
    expect(body['@iot.count']).toBe(74)
    expect(body.value.map((g: any) => [g['Datastream@iot.navigationLink'], g['dataArray@iot.count']])).toEqual([
      [`${sandbox.url}${ROOT}/Datastreams(1)`, 37],
      [`${sandbox.url}${ROOT}/Datastreams(2)`, 3],
    ])
    expect(body.value[0].components).toEqual(['id', 'phenomenonTime', 'resultTime', 'result'])
    expect(body.value[0].dataArray[0]).toEqual([1, '2026-07-13T18:30:00Z', '2026-07-13T18:30:00Z', 40.5])
    const selected = await ok(sandbox, '/Datastreams(5)/Observations?$resultFormat=dataArray&$select=result,phenomenonTime&$top=2')
    expect(selected.value).toEqual([
      {
        'Datastream@iot.navigationLink': `${sandbox.url}${ROOT}/Datastreams(5)`,
        components: ['result', 'phenomenonTime'],
        'dataArray@iot.count': 2,
        dataArray: [[500, '2026-07-13T18:30:00Z'], [510, '2026-07-13T19:30:00Z']],
      },
    ])
    expect(await error(sandbox, '/Observations?$resultFormat=dataArray&$expand=Datastream', 400)).toMatch(/\$expand cannot be combined with \$resultFormat=dataArray/)
    expect(await error(sandbox, '/Things?$resultFormat=dataArray', 400)).toBe('$resultFormat=dataArray applies to collections of Observations only')
  })

  test('bad options: a malformed filter is a 400 with its position, a negative $top or $count=yes a 400, $search a 501', async () => {
    const sandbox = await startSensors()
    expect(await error(sandbox, '/Observations?$filter=result gt', 400)).toBe("$filter at position 9: expected a value after 'gt', found the end")
    expect(await error(sandbox, '/Observations?$top=-1', 400)).toMatch(/^\$top at position 0: /)
    expect(await error(sandbox, '/Observations?$count=yes', 400)).toBe('$count at position 0: $count must be true or false, got yes')
    expect(await error(sandbox, '/Observations?$search=pm', 501)).toBe('$search is not supported by this SensorThings service')
    expect(await error(sandbox, '/Things?$filter=st_relate(name, name, \'T********\')', 501)).toMatch(/st_relate is not supported/)
  })
})

describe('SensorThings: the clock', () => {
  test('observations after the clock do not exist; advancing the clock reveals them and counts follow', async () => {
    const sandbox = await startSensors()
    expect(await error(sandbox, '/Observations(38)', 404)).toBe('Observations(38) was not found')
    expect((await ok(sandbox, '/Observations?$count=true&$top=0'))['@iot.count']).toBe(VISIBLE)
    expect((await ok(sandbox, '/Datastreams(1)')).phenomenonTime).toBe('2026-07-13T18:30:00Z/2026-07-14T03:30:00Z')
    expect(ids(await ok(sandbox, '/Datastreams(1)/Observations?$orderby=phenomenonTime desc&$top=1'))).toEqual([37])
    sandbox.clock.advance(15 * 60_000)
    expect((await ok(sandbox, '/Observations(38)')).phenomenonTime).toBe('2026-07-14T03:45:00Z')
    expect((await ok(sandbox, '/Observations?$count=true&$top=0'))['@iot.count']).toBe(VISIBLE + 4)
    expect((await ok(sandbox, '/Datastreams(1)')).phenomenonTime).toBe('2026-07-13T18:30:00Z/2026-07-14T03:45:00Z')
    expect(ids(await ok(sandbox, '/Datastreams(1)/Observations?$orderby=phenomenonTime desc&$top=1'))).toEqual([38])
    sandbox.clock.advance(-60 * 60_000)
    expect((await ok(sandbox, '/Observations?$count=true&$top=0'))['@iot.count']).toBe(VISIBLE - 4 * 3 - 1)
  })

  test('before the first reading every datastream is empty and has no phenomenonTime', async () => {
    const sandbox = await startSensors({ clock: '2026-07-13T12:00+05:30' })
    expect(await ok(sandbox, '/Observations')).toEqual({ value: [] })
    const datastream = await ok(sandbox, '/Datastreams(1)')
    expect(datastream.phenomenonTime).toBeUndefined()
  })
})
