// The SensorThings API on the bundled month (datasets/sensors). `npm test` builds first, and the
// build generates the month's observations, so they are always there.
import { describe, expect, test } from 'vitest'
import { assetPath } from '../src/assets.js'
import { WEEK_MS } from '../src/sandbox/replay.js'
import { ids, ok, startSensors } from './sandbox-sensorthings-helpers.js'

const DATASETS = assetPath('datasets')

describe('SensorThings on the bundled month', () => {
  test('serves the catalogue: every Thing has one Location, one HistoricalLocation and one FeatureOfInterest', async () => {
    const sandbox = await startSensors({ dataDir: DATASETS, clock: '2026-07-20T09:00+05:30' })
    const things = await ok(sandbox, '/Things?$count=true&$top=0')
    for (const set of ['Locations', 'HistoricalLocations', 'FeaturesOfInterest']) {
      expect((await ok(sandbox, `/${set}?$count=true&$top=0`))['@iot.count'], set).toBe(things['@iot.count'])
    }
    const thing = await ok(sandbox, '/Things(1)?$expand=Locations,HistoricalLocations,Datastreams($select=id)')
    expect(thing.Locations).toHaveLength(1)
    expect(thing.HistoricalLocations[0].time).toBe('2026-06-30T18:30:00Z')
    expect(thing.Datastreams.length).toBeGreaterThan(0)
  })

  test('a day of a 15-minute datastream is 96 readings, and the latest page is newest first', async () => {
    const sandbox = await startSensors({ dataDir: DATASETS, clock: '2026-07-20T09:00+05:30' })
    const day = await ok(sandbox, '/Datastreams(1)/Observations?$filter=phenomenonTime ge 2026-07-10T00:00:00Z and phenomenonTime lt 2026-07-11T00:00:00Z&$count=true&$top=1')
    expect(day['@iot.count']).toBe(96)
    const latest = await ok(sandbox, '/Datastreams(1)/Observations?$orderby=phenomenonTime desc&$top=100')
    expect(latest.value).toHaveLength(100)
    expect(latest.value[0].phenomenonTime).toBe('2026-07-20T03:30:00Z')
    expect(latest['@iot.nextLink']).toBeUndefined()
  })

  test('an expanded collection is paged at 100 with Rel@iot.nextLink, which leads on', async () => {
    const sandbox = await startSensors({ dataDir: DATASETS, clock: '2026-07-20T09:00+05:30' })
    const ds = await ok(sandbox, '/Datastreams(1)?$expand=Observations($count=true)')
    expect(ds.Observations).toHaveLength(100)
    expect(ds['Observations@iot.nextLink']).toMatch(/\/Datastreams\(1\)\/Observations\?/)
    const next = await ok(sandbox, ds['Observations@iot.nextLink'])
    expect(next['@iot.count']).toBe(ds['Observations@iot.count'])
    expect(ids(next)[0]).toBe(ids({ value: ds.Observations }).at(-1)! + 1)
  })

  test('on a live clock the month is replayed so that the newest reading is less than a week old', async () => {
    const sandbox = await startSensors({ dataDir: DATASETS, clock: 'live' })
    const latest = await ok(sandbox, '/Datastreams(1)/Observations?$orderby=phenomenonTime desc&$top=1')
    const age = Date.now() - Date.parse(latest.value[0].phenomenonTime)
    expect(age).toBeGreaterThanOrEqual(0)
    expect(age).toBeLessThan(WEEK_MS)
  })
})
