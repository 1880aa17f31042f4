import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateTable } from '../src/validate/index.js'
import type { TableSchema } from '../src/validate/types.js'

// The rule packs through the CSV engine (validateTable), as `thane validate file.csv` meets them.
const DATASETS = new URL('../../datasets/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, DATASETS), 'utf8')
const schemaOf = (pkgPath: string, name: string): TableSchema => {
  const pkg = JSON.parse(read(pkgPath)) as { resources: { name: string; schema?: TableSchema }[] }
  const schema = pkg.resources.find((r) => r.name === name)?.schema
  if (!schema) throw new Error(`no resource ${name}`)
  return schema
}

describe('rule packs through validateTable (CSV)', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'thane-rules-csv-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('sensors/air-quality.csv: valid, with the four injected faults as warnings on their lines', async () => {
    const path = new URL('sensors/air-quality.csv', DATASETS).pathname
    const report = await validateTable({ path, schema: schemaOf('sensors/datapackage.json', 'air-quality'), schemaName: 'sensors/air-quality' })
    expect(report.valid).toBe(true)
    expect(report.counts).toEqual({ 'series-gap': 1, 'stuck-value': 1, spike: 2 })
    const lines = read('sensors/air-quality.csv').split('\n')
    const lineOf = (station: string, time: string) => lines.findIndex((l) => l.startsWith(`${station},${time},`)) + 1
    expect(report.errors.map((e) => [e.code, e.field, e.row, e.severity]).sort()).toEqual(
      [
        ['series-gap', 'timestamp', lineOf('TMC-AQ-04', '2026-07-09T16:00:00+05:30'), 'warning'],
        ['spike', 'co', lineOf('TMC-AQ-05', '2026-07-25T13:00:00+05:30'), 'warning'],
        ['spike', 'pm25', lineOf('TMC-AQ-01', '2026-07-11T03:00:00+05:30'), 'warning'],
        ['stuck-value', 'so2', lineOf('TMC-AQ-06', '2026-07-18T08:00:00+05:30'), 'warning'],
      ].sort(),
    )
  })

  it('planted personal data in grievance requests: warnings by default, errors under publish, in any string column', async () => {
    const records = (parse(read('grievances/requests.csv')) as string[][]).slice(0, 21)
    const description = (records[0] as string[]).indexOf('description')
    const plant = (i: number, text: string) => ((records[i] as string[])[description] = `${text} ${(records[i] as string[])[description]}`)
    plant(5, 'Call me on 98201 23456.')
    plant(9, 'Aadhaar 2341 2341 2346.')
    plant(13, 'Reference 2341 2341 2347.') // a wrong Verhoeff digit: not an Aadhaar number
    const path = join(dir, 'requests.csv')
    writeFileSync(path, records.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n')
    const schema = schemaOf('grievances/datapackage.json', 'requests')
    const report = await validateTable({ path, schema })
    expect(report.errors.filter((e) => e.code !== 'personal-data')).toEqual([])
    expect(report.valid).toBe(true)
    expect(report.errors.filter((e) => e.code === 'personal-data').map((e) => [e.row, e.field, e.severity, e.value])).toEqual([
      [6, 'description', 'warning', '98••• ••456'],
      [10, 'description', 'warning', '23•• •••• •346'],
    ])
    const published = await validateTable({ path, schema, profile: 'publish' })
    expect(published.valid).toBe(false)
    expect(published.counts['personal-data']).toBe(2)
    expect(published.errors.filter((e) => e.code === 'personal-data').every((e) => e.severity === 'error')).toBe(true)
  })
})
