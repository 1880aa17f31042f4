import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileField } from '../src/validate/fields.js'
import { validateRecords } from '../src/validate/records.js'
import { compileRules, toRuleValue, type Profile, type RuleFinding } from '../src/validate/rules/index.js'
import type { TableSchema } from '../src/validate/types.js'

const DATASETS = new URL('../../datasets/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, DATASETS), 'utf8')

interface Resource {
  name: string
  path: string
  schema?: TableSchema
}
const sensors = JSON.parse(read('sensors/datapackage.json')) as { resources: Resource[] }
const grievances = JSON.parse(read('grievances/datapackage.json')) as { resources: Resource[] }
const schemaOf = (pkg: { resources: Resource[] }, name: string): TableSchema => {
  const r = pkg.resources.find((x) => x.name === name)
  if (!r?.schema) throw new Error(`no resource ${name}`)
  return r.schema
}

interface Fault {
  datastream_id: number
  kind: 'gap' | 'stuck' | 'spike' | 'meter-reset'
  from: string
  to: string
}
const faults = JSON.parse(read('sensors/faults.json')) as Fault[]

/**
 * Runs a schema's rules over parsed CSV records the way a table engine does: cell rules on every
 * non-empty cell, table rules with the typed values of the cells that pass their own checks. Lines
 * are physical lines (the header is line 1; these files have no multi-line cells).
 */
function runRules(schema: TableSchema, records: string[][], profile: Profile = 'default'): RuleFinding[] {
  const found: RuleFinding[] = []
  const rules = compileRules(schema, { schema, profile, report: (f) => found.push(f) })
  const header = records[0] as string[]
  const column = schema.fields.map((f) => header.indexOf(f.name))
  const checks = schema.fields.map(compileField)
  const table = rules.tableRules.map((rule) => ({ rule, idx: rule.fields.map((n) => schema.fields.findIndex((f) => f.name === n)) }))
  const typed = new Array<number | string | undefined>(schema.fields.length)
  for (let r = 1; r < records.length; r++) {
    const record = records[r] as string[]
    const line = r + 1
    schema.fields.forEach((field, i) => {
      typed[i] = undefined
      const cell = record[column[i] as number] ?? ''
      if (cell === '') return
      for (const rule of rules.cellRules) {
        if (!rule.fields.includes(field.name)) continue
        const f = rule.check(cell, field.name)
        if (f) found.push({ ...f, row: line, field: field.name })
      }
      const c = (checks[i] as ReturnType<typeof compileField>).check(cell)
      if (c.ok) typed[i] = toRuleValue(field, cell, c.num)
    })
    for (const t of table) t.rule.row(line, t.idx.map((i) => typed[i]))
  }
  for (const t of table) t.rule.end()
  return found
}

/** A fault's readings as [first line, last line] of the observations file, by datastream and time. */
function lineIndex(records: string[][]): Map<string, number> {
  const at = new Map<string, number>()
  for (let r = 1; r < records.length; r++) {
    const rec = records[r] as string[]
    at.set(`${rec[0]}@${Date.parse(rec[1] as string)}`, r + 1)
  }
  return at
}

describe('rule packs on the bundled sensor month (faults.json is the ground truth)', () => {
  let records: string[][]
  let findings: RuleFinding[]
  let lineOf: Map<string, number>
  const intervalOf = new Map<number, number>()

  beforeAll(() => {
    // Half a million rows without a quote in them: split them rather than parse them.
    const text = gunzipSync(readFileSync(new URL('sensors/observations.csv.gz', DATASETS))).toString('utf8')
    records = text.trimEnd().split('\n').map((l) => l.split(','))
    findings = runRules(schemaOf(sensors, 'observations'), records)
    lineOf = lineIndex(records)
    const catalogue = JSON.parse(read('sensors/catalogue.json')) as { datastreams: { id: number; properties: { interval_minutes: number } }[] }
    for (const d of catalogue.datastreams) intervalOf.set(d.id, d.properties.interval_minutes)
  }, 120_000)

  const line = (id: number, time: string | number): number => {
    const t = typeof time === 'number' ? time : Date.parse(time)
    const n = lineOf.get(`${id}@${t}`)
    if (n === undefined) throw new Error(`no reading of datastream ${id} at ${new Date(t).toISOString()}`)
    return n
  }
  const rowsOf = (code: string): number[] => findings.filter((f) => f.code === code).map((f) => f.row as number).sort((a, b) => a - b)

  it('series-gap: one finding per injected gap, on the first reading after it, and no other', () => {
    const expected = faults.filter((f) => f.kind === 'gap').map((f) => line(f.datastream_id, Date.parse(f.to) + (intervalOf.get(f.datastream_id) as number) * 60_000))
    expect(rowsOf('series-gap')).toEqual(expected.sort((a, b) => a - b))
    const aq04 = findings.find((f) => f.code === 'series-gap')
    expect(aq04?.message).toMatch(/^datastream_id \d+ has no reading for \d+ h( \d+ min)? before this one \(since line \d+; expected one every (15|5|60) min|1 h/)
  })

  it('stuck-value: each frozen sensor is found from the reading it repeats, and nothing else', () => {
    const expected = faults.filter((f) => f.kind === 'stuck').map((f) => line(f.datastream_id, Date.parse(f.from) - (intervalOf.get(f.datastream_id) as number) * 60_000))
    expect(rowsOf('stuck-value')).toEqual(expected.sort((a, b) => a - b))
    const so2 = findings.find((f) => f.code === 'stuck-value' && f.message.includes('times in a row'))
    expect(so2?.severity).toBe('warning')
  })

  it('spike: each injected spike and nothing else', () => {
    const expected = faults.filter((f) => f.kind === 'spike').map((f) => line(f.datastream_id, f.from))
    expect(rowsOf('spike')).toEqual(expected.sort((a, b) => a - b))
  })

  it('meter-decrease: the smart-meter reset and nothing else', () => {
    const expected = faults.filter((f) => f.kind === 'meter-reset').map((f) => line(f.datastream_id, f.from))
    expect(expected).toHaveLength(1)
    expect(rowsOf('meter-decrease')).toEqual(expected)
  })

  it('physical-range: only the impossible injected readings (a level of -1 m, a PV plant at three times its capacity)', () => {
    const spikes = new Set(faults.filter((f) => f.kind === 'spike').map((f) => line(f.datastream_id, f.from)))
    const out = findings.filter((f) => f.code === 'out-of-range')
    expect(out.length).toBe(2)
    for (const f of out) expect(spikes.has(f.row as number), f.message).toBe(true)
    expect(out.map((f) => f.message).sort()).toEqual([
      'power (datastream_id 179) reads 163.4 kW, outside its physical range 0–50 kW',
      'water level (datastream_id 120) reads -1 m, outside its physical range at least 0 m',
    ])
  })

  it('no duplicate or out-of-order timestamps, and no other code', () => {
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(['series-gap', 'stuck-value', 'spike', 'meter-decrease', 'out-of-range']))
  })
})

describe('rule packs on the air-quality export (sensors/air-quality)', () => {
  const schema = schemaOf(sensors, 'air-quality')
  const records = parse(read('sensors/air-quality.csv')) as string[][]
  const lineAt = (station: string, time: string): number => records.findIndex((r) => r[0] === station && r[1] === time) + 1

  it('finds the AQ faults as they show in hourly means: the Kalwa outage, the frozen SO2, the PM2.5 and CO spikes', () => {
    const findings = runRules(schema, records)
    const summary = findings.map((f) => `${f.code} ${f.field} ${f.row}`).sort()
    expect(summary).toEqual(
      [
        `series-gap timestamp ${lineAt('TMC-AQ-04', '2026-07-09T16:00:00+05:30')}`,
        `stuck-value so2 ${lineAt('TMC-AQ-06', '2026-07-18T08:00:00+05:30')}`,
        `spike pm25 ${lineAt('TMC-AQ-01', '2026-07-11T03:00:00+05:30')}`,
        `spike co ${lineAt('TMC-AQ-05', '2026-07-25T13:00:00+05:30')}`,
      ].sort(),
    )
    expect(findings.every((f) => f.severity === 'warning')).toBe(true)
  })

  it('through validateRecords (NDJSON): the same findings, counted as warnings, the report valid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-rules-aq-'))
    try {
      const header = records[0] as string[]
      const lines = records.slice(1).map((r) => JSON.stringify(Object.fromEntries(header.map((h, i) => [h, r[i] === '' ? null : r[i]]))))
      const path = join(dir, 'aq.ndjson')
      writeFileSync(path, lines.join('\n') + '\n')
      const report = await validateRecords({ path, schema })
      expect(report.valid).toBe(true)
      expect(report.counts).toEqual({ 'series-gap': 1, 'stuck-value': 1, spike: 2 })
      expect(report.severities).toEqual({ error: 0, warning: 4, info: 0 })
      const gap = report.errors.find((e) => e.code === 'series-gap')
      // NDJSON rows are lines of the NDJSON file: one less than the CSV's (no header).
      expect(gap).toMatchObject({ file: path, field: 'timestamp', row: lineAt('TMC-AQ-04', '2026-07-09T16:00:00+05:30') - 1 })
      expect(gap?.message).toBe(`station_id TMC-AQ-04 has no reading for 15 h before this one (since line ${lineAt('TMC-AQ-04', '2026-07-09T01:00:00+05:30') - 1}; expected one every 1 h, about 14 missing)`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('rule packs on the grievance requests', () => {
  const schema = schemaOf(grievances, 'requests')
  const records = parse(read('grievances/requests.csv')) as string[][]
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thane-rules-grv-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('the bundled requests raise no rule finding, under either profile', () => {
    expect(runRules(schema, records)).toEqual([])
    expect(runRules(schema, records, 'publish')).toEqual([])
  })

  it('planted personal data is found (and a twelve-digit number with a wrong Verhoeff digit is not); publish makes it errors', async () => {
    const header = records[0] as string[]
    const col = (name: string) => header.indexOf(name)
    const planted = records.slice(0, 41).map((r) => r.slice())
    const plant = (row: number, field: string, text: string) => {
      const rec = planted[row] as string[]
      rec[col(field)] = `${rec[col(field)]} ${text}`
    }
    plant(3, 'description', 'Call me on 98201 23456 after 6 pm.')
    plant(7, 'description', 'My number is +91-9820123456, please call.')
    plant(11, 'description', 'Write to ramesh.patil@example.com for photos.')
    plant(15, 'address', 'Landline 022 2534 1234')
    plant(19, 'description', 'My Aadhaar 2341 2341 2346 was asked at the ward office.')
    plant(23, 'description', 'Reference 2341 2341 2347 from the ward office.') // wrong check digit: not an Aadhaar
    plant(27, 'status_notes', 'Spoke to the complainant at 09876543210')
    // A point across the creek: inside the schema's bounding box, outside the city's boundary.
    ;(planted[31] as string[])[col('lat')] = '19.28'
    ;(planted[31] as string[])[col('long')] = '73.05'
    const csv = planted.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n'
    writeFileSync(join(dir, 'requests.csv'), csv)

    const findings = runRules(schema, parse(csv) as string[][])
    const personal = findings.filter((f) => f.code === 'personal-data')
    expect(personal.map((f) => [f.row, f.field, f.message])).toEqual([
      [4, 'description', '"description" holds a phone number'],
      [8, 'description', '"description" holds a phone number'],
      [12, 'description', '"description" holds an e-mail address'],
      [16, 'address', '"address" holds a phone number'],
      [20, 'description', '"description" holds an Aadhaar number (its Verhoeff check digit is right)'],
      [28, 'status_notes', '"status_notes" holds a phone number'],
    ])
    expect(personal.every((f) => f.severity === 'warning')).toBe(true)
    // The report shows where, not the personal data itself.
    expect(personal.map((f) => f.value)).toEqual(['98••• ••456', '+91-•••••••456', 'r•••@example.com', '02• •••• •234', '23•• •••• •346', '09••••••210'])
    expect(findings.filter((f) => f.code === 'outside-area').map((f) => f.row)).toEqual([32])

    const published = runRules(schema, parse(csv) as string[][], 'publish').filter((f) => f.code === 'personal-data')
    expect(published).toHaveLength(6)
    expect(published.every((f) => f.severity === 'error')).toBe(true)
  })
})
