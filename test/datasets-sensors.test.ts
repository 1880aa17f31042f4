import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Random } from '../datasets/generate/random.ts'
import { KINDS, STREAMS } from '../datasets/generate/sensors-catalogue.ts'
import { FAULTS } from '../datasets/generate/sensors-faults.ts'
import { DAYS, END, SEED, SENSORS_DIR, START, buildWeather, generateSensors, type Catalogue, type Fault } from '../datasets/generate/sensors.ts'
import { WARDS, insideThane, insideWard, wardByName } from '../datasets/generate/thane.ts'
import { IST_TIMESTAMP, MINUTE, istParts } from '../datasets/generate/time.ts'

const DIR = SENSORS_DIR
const COMMITTED = ['catalogue.json', 'datapackage.json', 'faults.json', 'air-quality.csv']
const OBSERVATIONS = 'observations.csv.gz'
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8')

const catalogue = JSON.parse(read('catalogue.json')) as Catalogue
const faults = JSON.parse(read('faults.json')) as Fault[]
const pkg = JSON.parse(read('datapackage.json')) as {
  name: string
  synthetic: boolean
  description: string
  created: string
  licenses: { name: string }[]
  resources: { name: string; path: string; format: string; compression?: string; rows?: number; schema?: { fields: { name: string; type: string }[]; primaryKey: string[] } }[]
}

/** Readings of one datastream: times (ms) and values, in file order. */
interface Stream {
  times: number[]
  values: number[]
  raw: string[]
}

const t = (s: string): number => Date.parse(s)
const hourOf = (ms: number): number => istParts(ms).hour
const dayOf = (ms: number): number => Math.floor((ms - START) / (24 * 60 * MINUTE))
const faultsOf = (id: number, kind?: Fault['kind']): Fault[] => faults.filter((f) => f.datastream_id === id && (kind === undefined || f.kind === kind))
const thingOf = (datastreamId: number) => {
  const ds = catalogue.datastreams.find((d) => d.id === datastreamId)
  const thing = catalogue.things.find((x) => x.id === ds?.thingId)
  if (!ds || !thing) throw new Error(`no datastream ${datastreamId}`)
  return { ds, thing }
}
const streamsOfKind = (kind: string) => catalogue.datastreams.filter((d) => thingOf(d.id).thing.properties.kind === kind)

describe('sensors generator', () => {
  let out: string
  let csv: string
  let header: string[]
  const streams = new Map<number, Stream>()

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'thane-sensors-'))
    const result = generateSensors(out)
    expect(result.files).toHaveLength(5)
    csv = gunzipSync(readFileSync(join(out, OBSERVATIONS))).toString('utf8')
    const records = parse(csv, { bom: false }) as string[][]
    header = records[0] as string[]
    const instants = new Map<string, number>() // 8,928 distinct timestamps: parse each once
    for (let i = 1; i < records.length; i++) {
      const [id, time, result] = records[i] as [string, string, string]
      const key = Number(id)
      let s = streams.get(key)
      if (!s) streams.set(key, (s = { times: [], values: [], raw: [] }))
      let ms = instants.get(time)
      if (ms === undefined) instants.set(time, (ms = t(time)))
      s.times.push(ms)
      s.values.push(Number(result))
      s.raw.push(result)
    }
  })
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('generator: rebuilds the committed files byte for byte', () => {
    for (const name of COMMITTED) {
      expect(readFileSync(join(out, name)).equals(readFileSync(join(DIR, name))), `${name} differs from a fresh build`).toBe(true)
    }
  })

  it('generator: the built observations.csv.gz is the same bytes as a fresh build', () => {
    expect(existsSync(join(DIR, OBSERVATIONS)), 'datasets/sensors/observations.csv.gz is missing: run `npm run generate:sensors` (the build does)').toBe(true)
    expect(readFileSync(join(out, OBSERVATIONS)).equals(readFileSync(join(DIR, OBSERVATIONS)))).toBe(true)
    expect(readdirSync(out).sort()).toEqual([...COMMITTED, OBSERVATIONS].sort())
  })

  it('files: UTF-8 JSON without BOM, LF only, trailing newline; gzip header has no timestamp', () => {
    for (const name of COMMITTED) {
      const bytes = readFileSync(join(DIR, name))
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${name} starts with a BOM`).toBe(false)
      expect(bytes.includes(0x0d), `${name} holds a CR`).toBe(false)
      expect(bytes.at(-1)).toBe(0x0a)
    }
    const gz = readFileSync(join(out, OBSERVATIONS))
    expect(gz.readUInt32LE(4), 'gzip MTIME').toBe(0)
    expect(csv.includes('\r')).toBe(false)
    expect(csv.endsWith('\n')).toBe(true)
  })

  it('datapackage: says it is synthetic and describes the four resources', () => {
    expect(pkg.name).toBe('thane-sensors')
    expect(pkg.synthetic).toBe(true)
    expect(pkg.description).toMatch(/^SYNTHETIC DATA/)
    expect(pkg.description).toMatch(/npm run generate/)
    expect(pkg.created).toBe('2026-08-01T00:00:00+05:30')
    expect(pkg.licenses[0]?.name).toBe('CC0-1.0')
    expect(pkg.resources.map((r) => r.name)).toEqual(['catalogue', 'observations', 'faults', 'air-quality'])
    const obs = pkg.resources[1]
    expect(obs).toMatchObject({ path: OBSERVATIONS, format: 'csv', compression: 'gz' })
    expect(obs?.schema?.fields.map((f) => [f.name, f.type])).toEqual([
      ['datastream_id', 'integer'],
      ['phenomenon_time', 'datetime'],
      ['result', 'number'],
    ])
    expect(obs?.schema?.primaryKey).toEqual(['datastream_id', 'phenomenon_time'])
    expect(obs?.rows).toBe(csv.split('\n').length - 2)
  })

  it('catalogue: ids run from 1 in each list and every foreign key resolves', () => {
    for (const list of [catalogue.things, catalogue.sensors, catalogue.observedProperties, catalogue.datastreams]) {
      expect(list.map((x) => x.id)).toEqual(list.map((_, i) => i + 1))
    }
    for (const d of catalogue.datastreams) {
      expect(catalogue.things.some((x) => x.id === d.thingId)).toBe(true)
      expect(catalogue.sensors.some((x) => x.id === d.sensorId)).toBe(true)
      expect(catalogue.observedProperties.some((x) => x.id === d.observedPropertyId)).toBe(true)
    }
    for (const thing of catalogue.things) expect(catalogue.datastreams.some((d) => d.thingId === thing.id), thing.name).toBe(true)
    const codes = catalogue.things.map((x) => x.properties.station_code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(new Set(catalogue.observedProperties.map((p) => p.properties.code)).size).toBe(catalogue.observedProperties.length)
    for (const s of catalogue.sensors) {
      expect(['text/html', 'application/pdf']).toContain(s.encodingType)
      expect(s.metadata).toMatch(/^https:\/\/example\.org\//)
    }
    for (const p of catalogue.observedProperties) expect(p.definition).toMatch(/^https?:\/\//)
  })

  it('catalogue: every Thing has a kind, a real ward and a location inside Thane and its ward', () => {
    const kinds = KINDS.map((k) => k.kind)
    for (const thing of catalogue.things) {
      const p = thing.properties
      expect(kinds).toContain(p.kind)
      expect(WARDS.map((w) => w.name)).toContain(p.ward)
      expect(p.station_code).toMatch(/^[A-Z]{2}-\d{2}$/)
      expect(thing.location.encodingType).toBe('application/geo+json')
      expect(thing.location.location.type).toBe('Point')
      const [lon, lat] = thing.location.location.coordinates
      expect(insideThane(lat, lon), `${p.station_code} ${thing.name} is outside THANE_BOUNDARY`).toBe(true)
      expect(insideWard(wardByName(p.ward), lat, lon), `${p.station_code} ${thing.name} is outside ${p.ward}`).toBe(true)
      if (p.kind === 'flood-gauge') expect(p.threshold_m).toBeGreaterThan(0)
      if (p.kind === 'rooftop-solar' || p.kind === 'ev-charger') expect(p.capacity_kw).toBeGreaterThan(0)
    }
    for (const k of KINDS) {
      expect(catalogue.things.filter((x) => x.properties.kind === k.kind).length, k.kind).toBeGreaterThanOrEqual(k.min)
    }
  })

  it('catalogue: each Datastream has a unit, an observation type and its interval', () => {
    const OM = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/'
    for (const d of catalogue.datastreams) {
      const { thing } = thingOf(d.id)
      expect(d.unitOfMeasurement.name.length).toBeGreaterThan(0)
      expect(d.unitOfMeasurement.symbol.length).toBeGreaterThan(0)
      expect(d.unitOfMeasurement.definition).toMatch(/^https?:\/\//)
      expect([`${OM}OM_Measurement`, `${OM}OM_CountObservation`]).toContain(d.observationType)
      expect([5, 15, 60]).toContain(d.properties.interval_minutes)
      if (thing.properties.kind === 'air-quality') expect(['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3']).toContain(d.properties.pollutant)
      if (thing.properties.kind === 'smart-meter') expect(d.properties.cumulative).toBe(true)
      if (thing.properties.kind === 'traffic') expect(d.observationType).toBe(`${OM}OM_CountObservation`)
    }
    // The air-quality stations carry all seven CPCB pollutants, CO in mg/m³.
    for (const thing of catalogue.things.filter((x) => x.properties.kind === 'air-quality')) {
      const ds = catalogue.datastreams.filter((d) => d.thingId === thing.id)
      expect(ds.map((d) => d.properties.pollutant).sort()).toEqual(['co', 'nh3', 'no2', 'o3', 'pm10', 'pm25', 'so2'])
      for (const d of ds) expect(d.unitOfMeasurement.symbol).toBe(d.properties.pollutant === 'co' ? 'mg/m³' : 'µg/m³')
    }
    expect(catalogue.datastreams).toHaveLength(catalogue.things.reduce((n, x) => n + STREAMS[x.properties.kind].length, 0))
  })

  it('observations: header, sort order, timestamp format and number formats', () => {
    expect(header).toEqual(['datastream_id', 'phenomenon_time', 'result'])
    expect([...streams.keys()]).toEqual(catalogue.datastreams.map((d) => d.id))
    const line = /^\d+,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:30,-?\d+(\.\d+)?$/
    const lines = csv.split('\n')
    for (let i = 1; i < lines.length - 1; i += 997) expect(lines[i]).toMatch(line)
    expect(lines[1]?.split(',')[1]).toMatch(IST_TIMESTAMP)
    for (const d of catalogue.datastreams) {
      const s = streams.get(d.id) as Stream
      const format = d.observationType.endsWith('OM_CountObservation') ? /^\d+$/ : /^-?\d+(\.\d{1,2})?$/
      const bad = s.raw.filter((r) => !format.test(r))
      expect(bad.slice(0, 3), `${d.name}: badly formatted results`).toEqual([])
    }
  })

  it('observations: every stream keeps its interval from 1 July to 31 July, except in its recorded gaps', () => {
    for (const d of catalogue.datastreams) {
      const s = streams.get(d.id) as Stream
      const step = d.properties.interval_minutes * MINUTE
      const gaps = faultsOf(d.id, 'gap').map((f) => [t(f.from), t(f.to)] as const)
      const missingAt = (ms: number): boolean => gaps.some(([a, b]) => ms >= a && ms <= b)
      const expected: number[] = []
      for (let ms = START; ms < END; ms += step) if (!missingAt(ms)) expected.push(ms)
      expect(s.times.length, d.name).toBe(expected.length)
      expect(s.times).toEqual(expected)
    }
  })

  it('observations: smart-meter registers never go down except at a recorded meter reset', () => {
    const resets = new Set(faults.filter((f) => f.kind === 'meter-reset').map((f) => `${f.datastream_id}@${t(f.from)}`))
    expect(resets.size).toBeGreaterThan(0)
    let seen = 0
    for (const d of streamsOfKind('smart-meter')) {
      const s = streams.get(d.id) as Stream
      for (let i = 1; i < s.values.length; i++) {
        if ((s.values[i] as number) < (s.values[i - 1] as number)) {
          expect(resets.has(`${d.id}@${s.times[i]}`), `${d.name} goes down at ${new Date(s.times[i] as number).toISOString()}`).toBe(true)
          expect(s.values[i]).toBeLessThan(100) // the new register starts near zero
          seen++
        }
      }
    }
    expect(seen).toBe(resets.size)
  })

  it('observations: flood gauges cross their warning level only on a few heavy-rain days', () => {
    const weather = buildWeather(new Random(SEED).fork('weather'))
    const all = new Set<number>()
    for (const d of streamsOfKind('flood-gauge')) {
      const { thing } = thingOf(d.id)
      const threshold = thing.properties.threshold_m as number
      const s = streams.get(d.id) as Stream
      const spikes = new Set(faultsOf(d.id, 'spike').map((f) => t(f.from)))
      const days = new Set<number>()
      s.values.forEach((v, i) => {
        if (v > threshold && !spikes.has(s.times[i] as number)) days.add(dayOf(s.times[i] as number))
      })
      expect(days.size, `${d.name} crosses on ${days.size} days`).toBeGreaterThanOrEqual(1)
      expect(days.size).toBeLessThanOrEqual(5)
      for (const day of days) all.add(day)
      expect(Math.min(...s.values.filter((_, i) => !spikes.has(s.times[i] as number)))).toBeGreaterThan(0)
    }
    for (const day of all) expect(weather.heavy, `day ${day + 1} crossed but was not a heavy-rain day`).toContain(day)
    expect(weather.heavy.length).toBeGreaterThanOrEqual(3)
    expect(weather.daily.reduce((a, b) => a + b, 0)).toBeGreaterThan(700) // a Konkan July
  })

  it('observations: traffic is higher at 9-11 and 18-20 than at 2-4 on weekdays, and lower at weekends', () => {
    for (const d of streamsOfKind('traffic').filter((x) => x.properties.vehicle_class !== 'bus_truck')) {
      const s = streams.get(d.id) as Stream
      const sums = { am: [0, 0], pm: [0, 0], night: [0, 0], weekend: [0, 0], weekday: [0, 0] }
      const add = (k: keyof typeof sums, v: number): void => {
        sums[k][0] = (sums[k][0] as number) + v
        sums[k][1] = (sums[k][1] as number) + 1
      }
      expect(s.values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true)
      s.values.forEach((v, i) => {
        const ms = s.times[i] as number
        const p = istParts(ms)
        const weekend = p.weekday === 0 || p.weekday === 6
        add(weekend ? 'weekend' : 'weekday', v)
        if (weekend) return
        if (p.hour >= 9 && p.hour < 11) add('am', v)
        if (p.hour >= 18 && p.hour < 20) add('pm', v)
        if (p.hour >= 2 && p.hour < 4) add('night', v)
      })
      const mean = (k: keyof typeof sums): number => (sums[k][0] as number) / (sums[k][1] as number)
      expect(mean('am'), d.name).toBeGreaterThan(3 * mean('night'))
      expect(mean('pm'), d.name).toBeGreaterThan(3 * mean('night'))
      expect(mean('weekend'), d.name).toBeLessThan(mean('weekday'))
    }
  })

  it('observations: monsoon air is mostly clean (PM2.5 daily means low, NO2 highest at roadside)', () => {
    const daily: number[] = []
    for (const d of streamsOfKind('air-quality').filter((x) => x.properties.pollutant === 'pm25')) {
      const s = streams.get(d.id) as Stream
      const spikes = new Set(faultsOf(d.id, 'spike').map((f) => t(f.from)))
      const byDay = new Map<number, number[]>()
      s.values.forEach((v, i) => {
        if (spikes.has(s.times[i] as number)) return
        const day = dayOf(s.times[i] as number)
        byDay.set(day, [...(byDay.get(day) ?? []), v])
      })
      for (const vs of byDay.values()) daily.push(vs.reduce((a, b) => a + b, 0) / vs.length)
    }
    daily.sort((a, b) => a - b)
    expect(daily[Math.floor(daily.length / 2)]).toBeGreaterThan(8)
    expect(daily[Math.floor(daily.length / 2)]).toBeLessThan(30) // median: CPCB Good
    expect(daily.filter((x) => x > 60).length / daily.length).toBeLessThan(0.05)
  })

  it('observations: solar is zero at night and streetlights are on at night', () => {
    for (const d of streamsOfKind('rooftop-solar')) {
      const s = streams.get(d.id) as Stream
      const cap = thingOf(d.id).thing.properties.capacity_kw as number
      const spikes = new Set(faultsOf(d.id, 'spike').map((f) => t(f.from)))
      const nightPower = s.values.filter((v, i) => {
        const h = hourOf(s.times[i] as number)
        return (h < 5 || h >= 20) && v !== 0
      })
      expect(nightPower, d.name).toEqual([])
      expect(Math.max(...s.values.filter((_, i) => !spikes.has(s.times[i] as number)))).toBeLessThanOrEqual(cap)
    }
    for (const d of streamsOfKind('streetlight-feeder')) {
      const s = streams.get(d.id) as Stream
      const night = s.values.filter((_, i) => hourOf(s.times[i] as number) === 22)
      const noon = s.values.filter((_, i) => hourOf(s.times[i] as number) === 12)
      expect(Math.min(...night)).toBeGreaterThan(5 * Math.max(...noon))
    }
  })

  it('faults: every planned fault is recorded, and each one is visible in the data', () => {
    expect(faults.length).toBeGreaterThanOrEqual(FAULTS.length)
    expect(new Set(faults.map((f) => f.kind))).toEqual(new Set(['gap', 'stuck', 'spike', 'meter-reset']))
    for (const f of faults) {
      expect(f.from).toMatch(IST_TIMESTAMP)
      expect(f.to).toMatch(IST_TIMESTAMP)
      expect(t(f.to)).toBeGreaterThanOrEqual(t(f.from))
      expect(t(f.from)).toBeGreaterThanOrEqual(START)
      expect(t(f.to)).toBeLessThan(END)
      const { ds } = thingOf(f.datastream_id)
      const s = streams.get(f.datastream_id) as Stream
      const step = ds.properties.interval_minutes * MINUTE
      const at = (ms: number): number => s.times.indexOf(ms)
      const from = t(f.from)
      const to = t(f.to)
      if (f.kind === 'gap') {
        expect(s.times.some((ms) => ms >= from && ms <= to)).toBe(false)
        if (from > START) expect(at(from - step)).toBeGreaterThanOrEqual(0)
        if (to + step < END) expect(at(to + step)).toBeGreaterThanOrEqual(0)
      } else if (f.kind === 'stuck') {
        const i = at(from)
        const j = at(to)
        expect(j - i).toBe((to - from) / step)
        const run = s.values.slice(i - 1, j + 1)
        expect(new Set(run).size, `stuck run on ${ds.name} is not constant`).toBe(1)
        // ... and the same stream does vary outside the run.
        expect(new Set(s.values.slice(Math.max(0, i - 40), i - 1)).size).toBeGreaterThan(1)
      } else if (f.kind === 'spike') {
        const v = s.values[at(from)] as number
        const others = s.values.filter((_, k) => s.times[k] !== from)
        expect(v < 0 || v > 2 * Math.max(...others), `spike on ${ds.name} (${v}) is not out of range`).toBe(true)
      } else {
        const i = at(from)
        expect(s.values[i] as number).toBeLessThan(s.values[i - 1] as number)
      }
    }
  })

  it('weather: the rain series is seeded (same seed, same rain) and July has 31 days of it', () => {
    const a = buildWeather(new Random(SEED).fork('weather'))
    const b = buildWeather(new Random(SEED).fork('weather'))
    expect(a.daily).toEqual(b.daily)
    expect(a.daily).toHaveLength(DAYS)
    expect(a.rain).toHaveLength(DAYS * 24)
  })
})
