import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SchemaError, checkTableSchema } from '../src/validate/schema.js'
import { validateRecords } from '../src/validate/records.js'
import {
  THANE_BOUNDARY,
  compileRules,
  findPersonalData,
  insidePolygon,
  isContactField,
  isSpike,
  looksLikeName,
  polygonTest,
  verhoeffDigit,
  verhoeffValid,
  type Profile,
  type RuleFinding,
  type RuleValue,
} from '../src/validate/rules/index.js'
import type { TableSchema } from '../src/validate/types.js'

const compile = (schema: TableSchema, profile: Profile = 'default') => {
  const found: RuleFinding[] = []
  const rules = compileRules(schema, { schema, profile, report: (f) => found.push(f) })
  return { ...rules, found }
}

/** Feeds rows (typed values of the rule's fields) to every table rule, then ends them. */
const feed = (schema: TableSchema, rows: RuleValue[][]): RuleFinding[] => {
  const { tableRules, found } = compile(schema)
  for (const rule of tableRules) {
    rows.forEach((values, i) => rule.row(i + 2, rule.fields.map((n) => values[schema.fields.findIndex((f) => f.name === n)])))
    rule.end()
  }
  return found
}

describe('Verhoeff', () => {
  it('check digits: the published examples (236 → 3, 12345 → 1, 142857 → 0)', () => {
    expect(verhoeffDigit('236')).toBe(3)
    expect(verhoeffDigit('12345')).toBe(1)
    expect(verhoeffDigit('142857')).toBe(0)
  })

  it('validity: UIDAI test Aadhaar numbers pass; a changed digit or a swap of neighbours fails', () => {
    for (const n of ['999941057058', '999971658847', '234123412346', '2363', '123451', '1428570']) expect(verhoeffValid(n), n).toBe(true)
    for (const n of ['999941057059', '999941057085', '234123412347', '243123412346', '2364']) expect(verhoeffValid(n), n).toBe(false)
  })

  it('every single-digit error of a valid number is caught', () => {
    const valid = '234123412346'
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue
        expect(verhoeffValid(valid.slice(0, i) + d + valid.slice(i + 1))).toBe(false)
      }
    }
  })
})

describe('personal data: what the scan finds', () => {
  const kind = (text: string) => findPersonalData(text)?.kind

  it('Indian mobiles with or without +91, 91 or 0, grouped or not', () => {
    for (const t of ['call 9820123456', '+91 98201 23456', '+91-98201-23456', '+919820123456', '09820123456', '919820123456', '(+91) 98201 23456', 'ph: 98201-23456.', 'mob 982 012 3456']) {
      expect(kind(t), t).toBe('phone')
    }
  })

  it('landlines with their STD code', () => {
    for (const t of ['022 2534 1234', '022-25341234', '(022) 2534 1234', '0251 2345678', '+91 22 2534 1234']) expect(kind(t), t).toBe('phone')
  })

  it('e-mail addresses', () => {
    expect(findPersonalData('write to ramesh.patil@example.com today')).toEqual({ kind: 'email', match: 'ramesh.patil@example.com' })
    expect(kind('a.b-c+tag@mail.tmc.gov.in')).toBe('email')
    expect(kind('meet @ 5 pm at the ward office')).toBeUndefined()
  })

  it('e-mail addresses: a long cell is scanned in linear time, and the match is the same', () => {
    const long = 100_000
    const started = Date.now()
    for (const t of [`${'a'.repeat(long)}@`, `a@${'b'.repeat(long)}`, `a@b${'.b'.repeat(long / 2)}.1`]) expect(findPersonalData(t), t.slice(0, 5)).toBeUndefined()
    // Tried from every position, these took about 40 s each.
    expect(Date.now() - started).toBeLessThan(2000)
    expect(findPersonalData(`${'x'.repeat(long)} mail ramesh.patil@example.com`)).toEqual({ kind: 'email', match: 'ramesh.patil@example.com' })
    expect(findPersonalData('(ramesh.patil@example.com)')).toEqual({ kind: 'email', match: 'ramesh.patil@example.com' })
  })

  it('Aadhaar numbers only with a right Verhoeff digit, written together or 4-4-4', () => {
    expect(findPersonalData('Aadhaar 2341 2341 2346')).toEqual({ kind: 'aadhaar', match: '2341 2341 2346' })
    expect(kind('UID 2341-2341-2346')).toBe('aadhaar')
    expect(kind('234123412346')).toBe('aadhaar')
    expect(kind('2341 2341 2347')).toBeUndefined()
    expect(kind('234123412347')).toBeUndefined()
    // The first digit of an Aadhaar number is never 0 or 1.
    expect(kind(`1${'23412341234'}${verhoeffDigit('123412341234'.slice(0, 11))}`)).toBeUndefined()
  })

  it('leaves ordinary numbers alone: dates, times, PIN codes, coordinates, ids, amounts', () => {
    for (const t of [
      '2026-07-14T09:30:00+05:30',
      '14-07-2026 09:30',
      'Thane 400602, near 19.197449, 72.969966',
      'request 100001 of 2026',
      'Rs 1,20,000 sanctioned on 12/07/2026',
      'pole NK-1234-5678',
      'from 2026-07-01 to 2026-07-31',
      'ward 4, plot 1234567',
      '3.14159265358979',
    ]) {
      expect(findPersonalData(t), t).toBeUndefined()
    }
  })

  it('contact fields are known by their names; their values by looking like names', () => {
    for (const n of ['contact_name', 'first_name', 'lastName', 'Last Name', 'complainant', 'name_of_complainant', 'surname']) expect(isContactField(n), n).toBe(true)
    for (const n of ['stop_name', 'service_name', 'name', 'station', 'agency_name']) expect(isContactField(n), n).toBe(false)
    expect(looksLikeName('Ramesh Patil')).toBe(true)
    expect(looksLikeName('रमेश पाटील')).toBe(true)
    expect(looksLikeName("D'Souza")).toBe(true)
    for (const v of ['Anonymous', 'n/a', '-', '42', 'x']) expect(looksLikeName(v), v).toBe(false)
  })
})

describe('compileRules: declarations', () => {
  const base: TableSchema = {
    fields: [
      { name: 'station', type: 'string' },
      { name: 'time', type: 'datetime' },
      { name: 'pm25', type: 'number' },
      { name: 'lat', type: 'number' },
      { name: 'long', type: 'number' },
      { name: 'note', type: 'string' },
    ],
  }
  const withRules = (rules: unknown[]): TableSchema => ({ ...base, 'thane:rules': rules } as TableSchema)
  const error = (rules: unknown): string => {
    try {
      compileRules({ ...base, 'thane:rules': rules } as TableSchema, { schema: base, profile: 'default', report: () => undefined })
    } catch (err) {
      expect(err).toBeInstanceOf(SchemaError)
      return (err as Error).message
    }
    throw new Error('no SchemaError')
  }

  it('a schema without rules compiles to nothing (and to the personal-data scan under publish)', () => {
    expect(compile(base).cellRules).toEqual([])
    expect(compile(base).tableRules).toEqual([])
    const published = compile(base, 'publish')
    expect(published.cellRules).toHaveLength(1)
    expect(published.cellRules[0]?.fields).toEqual(['station', 'note'])
  })

  it('unknown rules and bad options are one-line schema errors that say what to do', () => {
    expect(error({ rule: 'time-series' })).toBe('"thane:rules" must be a list of rule declarations such as {"rule": "inside-area", ...}')
    expect(error([{ name: 'x' }])).toBe('rule 1 of "thane:rules" must be an object with a "rule" name (one of inside-area, time-series, physical-range, personal-data)')
    expect(error([{ rule: 'inside-thane' }])).toBe('rule 1 of "thane:rules" (inside-thane): unknown rule "inside-thane"; the rules are inside-area, time-series, physical-range, personal-data')
    expect(error([{ rule: 'inside-area', latitude: 'lat' }])).toBe('rule 1 of "thane:rules" (inside-area): name the coordinates: "latitude" and "longitude", or "geopoint"')
    expect(error([{ rule: 'inside-area', latitude: 'lat', longitude: 'lng' }])).toBe('rule 1 of "thane:rules" (inside-area): "longitude" names "lng", which is not a field of the schema')
    expect(error([{ rule: 'inside-area', latitude: 'note', longitude: 'long' }])).toBe('rule 1 of "thane:rules" (inside-area): "latitude" names "note", a string field; it must be integer or number')
    expect(error([{ rule: 'time-series', time: 'time', intreval: 15 }])).toBe('rule 1 of "thane:rules" (time-series): unknown option "intreval" (the rule reads "series", "time", "values", "tolerance", "stuck", "spike", "stuckIgnore", "cumulative", "interval", "perSeries")')
    expect(error([{ rule: 'time-series', time: 'time', interval: 'every hour' }])).toBe('rule 1 of "thane:rules" (time-series): "interval" must be a number of minutes above 0 or an ISO 8601 duration such as "PT15M"')
    expect(error([{ rule: 'time-series', time: 'time', values: ['pm25'], stuck: 2.5 }])).toBe('rule 1 of "thane:rules" (time-series): "stuck" must be a whole number of readings (0 turns the check off)')
    expect(error([{ rule: 'physical-range', fields: { pm25: 'pm2.5' } }])).toMatch(/^rule 1 of "thane:rules" \(physical-range\): "fields"\."pm25" names an unknown quantity "pm2\.5" \(known: pm25, pm10, /)
    expect(error([{ rule: 'physical-range', fields: { pm25: { minimum: 5, maximum: 1 } } }])).toBe('rule 1 of "thane:rules" (physical-range): "fields"."pm25" has a minimum above its maximum')
    expect(error([{ rule: 'personal-data', contactFields: ['nobody'] }])).toBe('rule 1 of "thane:rules" (personal-data): "contactFields" names "nobody", which is not a field of the schema')
  })

  it('checkTableSchema reports a bad declaration up front, as a schema error', () => {
    expect(() => checkTableSchema(withRules([{ rule: 'time-series' }]), 'schema x.json')).toThrow(
      new SchemaError('schema x.json is not a valid Table Schema: rule 1 of "thane:rules" (time-series): "time" is required: name a field'),
    )
    expect(checkTableSchema(withRules([{ rule: 'inside-area', latitude: 'lat', longitude: 'long' }]), 'x')).toBeTruthy()
  })

  it('ISO 8601 durations and minutes give the same interval', () => {
    const rows: RuleValue[][] = [0, 3600, 7200, 14400].map((t) => ['A', t, 1, undefined, undefined, undefined])
    const a = feed(withRules([{ rule: 'time-series', series: 'station', time: 'time', interval: 'PT1H' }]), rows)
    const b = feed(withRules([{ rule: 'time-series', series: 'station', time: 'time', interval: 60 }]), rows)
    expect(a.map((f) => f.code)).toEqual(['series-gap'])
    expect(b).toEqual(a)
  })
})

describe('inside-area', () => {
  const schema = {
    fields: [
      { name: 'lat', type: 'number' },
      { name: 'long', type: 'number' },
      { name: 'where', type: 'geopoint' },
    ],
    'thane:rules': [
      { rule: 'inside-area', latitude: 'lat', longitude: 'long' },
      { rule: 'inside-area', geopoint: 'where' },
    ],
  } as TableSchema

  it('the fast test agrees with the plain ray casting on a grid over the city and beyond', () => {
    const fast = polygonTest(THANE_BOUNDARY)
    let inside = 0
    for (let lat = 19.1; lat <= 19.35; lat += 0.0025) {
      for (let lon = 72.88; lon <= 73.12; lon += 0.0025) {
        expect(fast(lat, lon)).toBe(insidePolygon(THANE_BOUNDARY, lat, lon))
        if (fast(lat, lon)) inside++
      }
    }
    expect(inside).toBeGreaterThan(500)
  })

  it('points in Thane pass; swapped coordinates, Mumbai and 0, 0 do not', () => {
    const found = feed(schema, [
      [19.1932, 72.9722, '72.9722, 19.1932'], // Naupada
      [72.9722, 19.1932, '19.1932, 72.9722'], // swapped
      [19.076, 72.8777, '72.8777, 19.076'], // Mumbai
      [0, 0, '0, 0'],
      [undefined, 72.97, undefined], // missing: reported by its own check
    ])
    expect(found.filter((f) => f.field === 'lat, long').map((f) => f.row)).toEqual([3, 4, 5])
    expect(found.filter((f) => f.field === 'where').map((f) => f.row)).toEqual([3, 4, 5])
    expect(found[0]).toEqual({
      code: 'outside-area',
      severity: 'warning',
      row: 3,
      field: 'lat, long',
      value: '72.9722, 19.1932',
      message: 'the point (lat 72.9722, lon 19.1932) lies outside the Thane Municipal Corporation boundary',
      hint: 'check the coordinates: latitude and longitude swapped, a sign or a digit lost, or a default position such as 0, 0',
    })
  })
})

describe('physical-range', () => {
  it('wide: a cell rule a column, with the quantity named or its bounds given', () => {
    const schema = {
      fields: [
        { name: 'pm25', type: 'number' },
        { name: 'ph', type: 'number', decimalChar: ',' },
        { name: 'load', type: 'number' },
      ],
      'thane:rules': [{ rule: 'physical-range', fields: { pm25: 'pm25', ph: 'ph', load: { quantity: 'power', maximum: 50 } } }],
    } as TableSchema
    const [rule] = compile(schema).cellRules
    expect(rule?.fields).toEqual(['pm25', 'ph', 'load'])
    expect(rule?.check('985', 'pm25')).toBeUndefined()
    expect(rule?.check('1200', 'pm25')?.message).toBe('PM2.5 reads 1200 µg/m³, outside its physical range 0–1000 µg/m³')
    expect(rule?.check('-3', 'pm25')?.code).toBe('out-of-range')
    expect(rule?.check('7,4', 'ph')).toBeUndefined()
    expect(rule?.check('14,5', 'ph')?.message).toBe('pH reads 14.5, outside its physical range 0–14')
    expect(rule?.check('50.1', 'load')?.message).toBe('power reads 50.1 kW, outside its physical range 0–50 kW')
    expect(rule?.check('abc', 'pm25')).toBeUndefined()
  })

  it('long: the series says what is measured', () => {
    const schema = {
      fields: [
        { name: 'datastream_id', type: 'integer' },
        { name: 'result', type: 'number' },
      ],
      'thane:rules': [{ rule: 'physical-range', value: 'result', series: 'datastream_id', ranges: { '1': 'pm25', '2': 'ph' } }],
    } as TableSchema
    const found = feed(schema, [
      [1, 999],
      [2, 15],
      [1, 1001],
      [3, 99999],
    ])
    expect(found.map((f) => [f.row, f.message])).toEqual([
      [3, 'pH (datastream_id 2) reads 15, outside its physical range 0–14'],
      [4, 'PM2.5 (datastream_id 1) reads 1001 µg/m³, outside its physical range 0–1000 µg/m³'],
    ])
  })
})

describe('time-series', () => {
  const schema = (options: Record<string, unknown>): TableSchema =>
    ({
      fields: [
        { name: 'station', type: 'string' },
        { name: 'time', type: 'datetime' },
        { name: 'value', type: 'number' },
        { name: 'meter', type: 'number' },
      ],
      'thane:rules': [{ rule: 'time-series', series: 'station', time: 'time', values: ['value', 'meter'], interval: 15, ...options }],
    }) as TableSchema
  const Q = 900 // 15 minutes in seconds
  /** A smooth, noisy-looking series with no fault: a daily-ish wave plus a deterministic wobble. */
  const clean = (n: number, station = 'A', from = 0): RuleValue[][] =>
    Array.from({ length: n }, (_, k) => [station, (from + k) * Q, Math.round((30 + 10 * Math.sin(k / 8) + ((k * 7) % 5)) * 10) / 10, 100 + k * 1.5])

  it('a clean series, interleaved with another, raises nothing', () => {
    const a = clean(200, 'A')
    const b = clean(200, 'B')
    const rows = a.flatMap((r, i) => [r, b[i] as RuleValue[]])
    expect(feed(schema({ stuck: 6, spike: 10, cumulative: ['meter'] }), rows)).toEqual([])
  })

  it('duplicate and out-of-order timestamps, per series', () => {
    const rows = clean(10)
    rows.splice(5, 0, ['A', 4 * Q, 1, 1]) // line 7 repeats line 6's time
    rows.splice(8, 0, ['A', 2 * Q, 1, 1]) // line 10 goes back in time
    rows.push(['B', 4 * Q, 1, 1]) // another series may have the same time
    const found = feed(schema({}), rows)
    expect(found.map((f) => [f.code, f.row])).toEqual([
      ['duplicate-timestamp', 7],
      ['out-of-order', 10],
    ])
    expect(found[0]?.message).toBe('station A has a second reading at the same time as line 6')
    expect(found[1]?.message).toBe('station A: this reading is 1 h earlier than the one on line 9')
  })

  it('gaps longer than the interval and its tolerance; per-series intervals', () => {
    const rows = clean(20)
    rows.splice(10, 3) // three readings missing: 1 h between lines 11 and 12
    rows.push(['B', 0, 1, 1], ['B', 3600, 1, 1], ['B', 3600 + 5500, 1, 1]) // B is hourly: 1 h 31 min > 1.5 h
    const within = clean(5, 'C').map((r, k) => [r[0], (r[1] as number) + (k === 3 ? 400 : 0), r[2], r[3]]) // 22 min < 22.5 min
    const found = feed(schema({ perSeries: { B: { interval: 'PT1H' } } }), [...rows, ...within])
    expect(found.map((f) => [f.code, f.row])).toEqual([
      ['series-gap', 12],
      ['series-gap', 21],
    ])
    expect(found[0]?.message).toBe('station A has no reading for 1 h before this one (since line 11; expected one every 15 min, about 3 missing)')
  })

  it('stuck: more than N equal readings in a row, reported once from the first of them; ignored values may repeat', () => {
    const rows = clean(40)
    for (let k = 10; k < 18; k++) (rows[k] as RuleValue[])[2] = (rows[9] as RuleValue[])[2] // 9 equal readings: lines 11..19
    for (let k = 25; k < 35; k++) (rows[k] as RuleValue[])[2] = 0
    const found = feed(schema({ stuck: 8, stuckIgnore: [0] }), rows)
    expect(found.map((f) => [f.code, f.row, f.field])).toEqual([['stuck-value', 11, 'value']])
    expect(found[0]?.message).toMatch(/^station A: value reads [\d.]+ 9 times in a row \(lines 11–19\); more than 8 suggests a stuck sensor$/)
    expect(feed(schema({ stuck: 9, stuckIgnore: [0] }), rows)).toEqual([])
    expect(feed(schema({ stuck: 8 }), rows).map((f) => f.row)).toEqual([11, 27])
  })

  it('spike: an isolated jump is found; a step change, a ramp and small noise are not', () => {
    const rows = clean(60)
    ;(rows[20] as RuleValue[])[2] = 985
    for (let k = 40; k < 60; k++) (rows[k] as RuleValue[])[2] = ((rows[k] as RuleValue[])[2] as number) + 400 // a level shift
    const found = feed(schema({ spike: 10 }), rows)
    expect(found.map((f) => [f.code, f.row])).toEqual([['spike', 22]])
    expect(found[0]?.message).toMatch(/^station A: value jumps to 985 while the readings around it are near [\d.]+$/)
    // Near the ends of a series a reading is judged from the neighbours it has, one on each side at least;
    // the very first and last are not (a change may start or end there).
    const edges = clean(20)
    ;(edges[1] as RuleValue[])[2] = 985
    ;(edges[18] as RuleValue[])[2] = -500
    expect(feed(schema({ spike: 10 }), edges).map((f) => f.row)).toEqual([3, 20])
    const ends = clean(20)
    ;(ends[0] as RuleValue[])[2] = 985
    ;(ends[19] as RuleValue[])[2] = -500
    expect(feed(schema({ spike: 10 }), ends)).toEqual([])
  })

  it('isSpike: outside all neighbours and far beyond their spread and the usual step', () => {
    expect(isSpike(985, [14, 15, 16, 15, 14, 13], 2, 10)).toBe(true)
    expect(isSpike(40, [14, 15, 16, 15, 14, 13], 2, 10)).toBe(false)
    expect(isSpike(15.5, [14, 15, 16, 15, 14, 13], 2, 10)).toBe(false)
    expect(isSpike(2, [0, 0, 0, 0, 0, 0], 3, 10)).toBe(false) // a quiet series' first small change
    expect(isSpike(100, [0, 0, 100, 100, 100, 100], 1, 10)).toBe(false)
    expect(isSpike(0.34, [0.33, 0.33, 0.33, 0.33, 0.33, 0.33], 0, 10, 0.01)).toBe(false) // one step of the resolution
  })

  it('meter-decrease: a cumulative meter going down, not a value going down', () => {
    const rows = clean(30)
    ;(rows[12] as RuleValue[])[3] = 3.5 // meter replaced: restarts low, then counts on
    for (let k = 13; k < 30; k++) (rows[k] as RuleValue[])[3] = 3.5 + (k - 12) * 1.5
    const found = feed(schema({ cumulative: ['meter'] }), rows)
    expect(found.map((f) => [f.code, f.row, f.field])).toEqual([['meter-decrease', 14, 'meter']])
    expect(found[0]?.message).toBe('station A: the cumulative meter meter goes down from 116.5 to 3.5')
    expect(feed(schema({ perSeries: { A: { cumulative: false } }, cumulative: ['meter'] }), rows)).toEqual([])
  })

  it('memory stays per series: 200,000 rows of 4 series keep 4 states', () => {
    const s = schema({ stuck: 12, spike: 10, cumulative: ['meter'] })
    const { tableRules, found } = compile(s)
    const rule = tableRules[0]
    if (!rule) throw new Error('no rule')
    // What the rule keeps, after a full collection on both sides: the row arrays given to it are
    // garbage, and heap figures without a collection measured them too (a flaky test).
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    gc()
    const before = process.memoryUsage().heapUsed
    for (let k = 0; k < 200_000; k++) {
      const station = ['A', 'B', 'C', 'D'][k % 4] as string
      const i = Math.floor(k / 4)
      rule.row(k + 2, [station, i * Q, Math.round((30 + 10 * Math.sin(i / 8) + ((i * 7) % 5)) * 10) / 10, 100 + i])
    }
    gc()
    const kept = process.memoryUsage().heapUsed - before
    rule.end()
    expect(found).toEqual([])
    // Far below what keeping rows would take (200,000 rows of 4 values is tens of MB).
    expect(kept).toBeLessThan(1_000_000)
  })
})

describe('rules through validateRecords (NDJSON)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thane-rules-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const schema = {
    fields: [
      { name: 'service_request_id', type: 'string' },
      { name: 'description', type: 'string' },
      { name: 'contact_name', type: 'string' },
      { name: 'lat', type: 'number' },
      { name: 'long', type: 'number' },
    ],
    'thane:rules': [{ rule: 'inside-area', latitude: 'lat', longitude: 'long' }],
  } as TableSchema
  const write = (name: string, records: unknown[]): string => {
    const path = join(dir, name)
    writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
    return path
  }
  const records = [
    { service_request_id: '1', description: 'Pothole on Ghodbunder Road', contact_name: null, lat: 19.23, long: 72.98 },
    { service_request_id: '2', description: 'Call 98201 23456 for access', contact_name: 'Ramesh Patil', lat: 19.23, long: 72.98 },
    { service_request_id: '3', description: 'Garbage not lifted', contact_name: 'Anonymous', lat: 72.98, long: 19.23 },
  ]

  it('default profile: the declared rules as warnings; personal data is not scanned when not declared', async () => {
    const report = await validateRecords({ path: write('a.ndjson', records), schema })
    expect(report.valid).toBe(true)
    expect(report.counts).toEqual({ 'outside-area': 1 })
    expect(report.errors[0]).toMatchObject({ code: 'outside-area', severity: 'warning', row: 3, field: 'lat, long' })
  })

  it('publish profile: personal data in any string field is an error, the contact name too', async () => {
    const report = await validateRecords({ path: write('b.ndjson', records), schema, profile: 'publish' })
    expect(report.valid).toBe(false)
    expect(report.counts).toEqual({ 'personal-data': 2, 'outside-area': 1 })
    const personal = report.errors.filter((e) => e.code === 'personal-data')
    expect(personal.map((e) => [e.row, e.field, e.fieldNumber, e.severity, e.value, e.message])).toEqual([
      [2, 'description', 2, 'error', '98••• ••456', '"description" holds a phone number'],
      [2, 'contact_name', 3, 'error', 'R•••', '"contact_name" holds a person\'s name in a contact field'],
    ])
    expect(personal[0]?.hint).toBe('remove or mask it before publishing (keep at most the last digits), or leave the column out of the export')
  })

  it('declared personal-data: warnings under the default profile', async () => {
    const declared = { ...schema, 'thane:rules': [{ rule: 'personal-data' }] } as TableSchema
    const report = await validateRecords({ path: write('c.ndjson', records), schema: declared })
    expect(report.valid).toBe(true)
    expect(report.severities).toEqual({ error: 0, warning: 2, info: 0 })
  })
})
