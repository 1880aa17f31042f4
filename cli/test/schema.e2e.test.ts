import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { GRIEVANCES } from '../../sdk/test/fixtures/validate/broken.js'
import { oneLineError, runThane, tempDir } from './helpers.js'

const REQUESTS = join(GRIEVANCES, 'requests.csv')
const SERVICES = join(GRIEVANCES, 'services.csv')

interface Schema {
  fields: Array<{ name: string; type?: string; constraints?: { required?: boolean; enum?: unknown[] } }>
}

describe('thane schema', () => {
  it('schema list prints every built-in schema with its resource path and field count, and gtfs', async () => {
    const r = await runThane(['schema', 'list'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^name\s+resource\s+fields$/m)
    expect(r.stdout).toMatch(/^grievances\/requests\s+datasets\/grievances\/requests\.csv\s+21$/m)
    expect(r.stdout).toMatch(/^sensors\/observations\s+datasets\/sensors\/observations\.csv\.gz\s+\d+$/m)
    expect(r.stdout).toMatch(/^gtfs\s+datasets\/transit\/gtfs\/\s+\d+$/m)
  })

  it('schema list --json prints name, resource and fields for each schema', async () => {
    const r = await runThane(['schema', 'list', '--json'])
    expect(r.code).toBe(0)
    const rows = JSON.parse(r.stdout) as Array<{ name: string; resource: string; fields: number }>
    expect(rows.find((s) => s.name === 'grievances/services')).toEqual({ name: 'grievances/services', resource: 'datasets/grievances/services.csv', fields: 9 })
    expect(rows.map((s) => s.name)).toContain('gtfs')
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['fields', 'name', 'resource'])
  })

  it('schema show prints the built-in Table Schema as JSON', async () => {
    const r = await runThane(['schema', 'show', 'grievances/requests'])
    expect(r.code).toBe(0)
    const schema = JSON.parse(r.stdout) as Schema
    expect(schema.fields).toHaveLength(21)
    expect(schema.fields[0]?.name).toBe('service_request_id')
  })

  it('schema show gtfs prints the Table Schema of each GTFS file', async () => {
    const r = await runThane(['schema', 'show', 'gtfs'])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout) as { name: string; tables: Array<{ path: string; schema: Schema }> }
    expect(doc.name).toBe('gtfs')
    expect(doc.tables.map((t) => t.path)).toContain('stops.txt')
  })

  it('schema show with an unknown name exits 2 with one line that lists the names', async () => {
    const r = await runThane(['schema', 'show', 'grievances/nope'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    const line = oneLineError(r.stderr)
    expect(line).toContain('grievances/nope')
    expect(line).toContain('grievances/requests')
    expect(line).toContain('gtfs')
  })

  it('schema infer prints the inferred schema of a CSV file to stdout', async () => {
    const r = await runThane(['schema', 'infer', SERVICES])
    expect(r.code).toBe(0)
    const schema = JSON.parse(r.stdout) as Schema
    expect(schema.fields.map((f) => f.name)).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group', 'agency', 'sla_days'])
    expect(schema.fields.find((f) => f.name === 'sla_days')?.type).toBe('integer')
    expect(schema.fields.find((f) => f.name === 'metadata')?.type).toBe('boolean')
  })

  it('schema infer --output writes the file, and validating the same file with it exits 0', async () => {
    const dir = tempDir('thane-schema-cli-')
    const out = join(dir, 'requests.schema.json')
    const r = await runThane(['schema', 'infer', REQUESTS, '--output', out])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(out)
    const schema = JSON.parse(readFileSync(out, 'utf8')) as Schema
    expect(schema.fields.find((f) => f.name === 'status')?.constraints?.enum).toEqual(expect.arrayContaining(['open', 'closed']))
    const v = await runThane(['validate', REQUESTS, '--schema', out])
    expect(v.stderr).toBe('')
    expect(v.code).toBe(0)
  })

  it('schema infer of a semicolon gzip file validates with the inferred schema', async () => {
    const dir = tempDir('thane-schema-cli-')
    const rows = ['id;reading;station', ...Array.from({ length: 40 }, (_, i) => `${i + 1};${(i * 1.5).toFixed(1)};${['TMC-01', 'TMC-02'][i % 2]}`)]
    const csv = join(dir, 'readings.csv.gz')
    writeFileSync(csv, gzipSync(rows.join('\n')))
    const out = join(dir, 'readings.schema.json')
    expect((await runThane(['schema', 'infer', csv, '-o', out])).code).toBe(0)
    const schema = JSON.parse(readFileSync(out, 'utf8')) as Schema
    expect(schema.fields.map((f) => f.type)).toEqual(['integer', 'number', 'string'])
    expect((await runThane(['validate', csv, '--schema', out])).code).toBe(0)
  })

  it('schema infer never overwrites an existing --output file without --force', async () => {
    const dir = tempDir('thane-schema-cli-')
    const out = join(dir, 'schema.json')
    writeFileSync(out, 'keep me')
    const r = await runThane(['schema', 'infer', SERVICES, '--output', out])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('--force')
    expect(readFileSync(out, 'utf8')).toBe('keep me')
    const forced = await runThane(['schema', 'infer', SERVICES, '--output', out, '--force'])
    expect(forced.code).toBe(0)
    expect((JSON.parse(readFileSync(out, 'utf8')) as Schema).fields).toHaveLength(9)
  })

  it('schema infer of a missing file exits 2 with one line and writes nothing', async () => {
    const dir = tempDir('thane-schema-cli-')
    const out = join(dir, 'schema.json')
    const r = await runThane(['schema', 'infer', join(dir, 'nope.csv'), '--output', out])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('does not exist')
    expect(existsSync(out)).toBe(false)
  })

  it('schema infer --output into a missing folder exits 2 with one line, and --force leaves no temporary file beside the output', async () => {
    const dir = tempDir('thane-schema-cli-')
    const missing = join(dir, 'no', 'schema.json')
    const r = await runThane(['schema', 'infer', SERVICES, '--output', missing])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain(`cannot write ${missing} (ENOENT)`)
    const out = join(dir, 'schema.json')
    writeFileSync(out, 'old')
    const forced = await runThane(['schema', 'infer', SERVICES, '--output', out, '--force'])
    expect(forced.code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['schema.json'])
  })

  it('schema infer of a folder or an empty file exits 2 with one line', async () => {
    const dir = tempDir('thane-schema-cli-')
    const folder = await runThane(['schema', 'infer', dir])
    expect(folder.code).toBe(2)
    expect(oneLineError(folder.stderr)).toContain('folder')
    const empty = join(dir, 'empty.csv')
    writeFileSync(empty, '')
    const r = await runThane(['schema', 'infer', empty])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('empty')
  })
})
