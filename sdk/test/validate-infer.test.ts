import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { SourceError, inferSchema, validateTable, type TableSchema, type TableSchemaField } from '../src/validate/index.js'
import { GRIEVANCES } from './fixtures/validate/broken.js'

const REQUESTS = join(GRIEVANCES, 'requests.csv')
const SERVICES = join(GRIEVANCES, 'services.csv')
const OBSERVATIONS = join(dirname(GRIEVANCES), 'sensors', 'observations.csv.gz')

function tempFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'thane-infer-'))
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

function field(schema: TableSchema, name: string): TableSchemaField {
  const f = schema.fields.find((x) => x.name === name)
  if (!f) throw new Error(`no field ${name}`)
  return f
}

async function expectValidAgainstInferred(path: string): Promise<void> {
  const schema = await inferSchema(path)
  const report = await validateTable({ path, schema })
  expect(report.errors).toEqual([])
  expect(report.valid).toBe(true)
  expect(report.rows).toBeGreaterThan(0)
}

/** 80 rows: an id, a price, a flag, a day, a time stamp, a status of three values, a note often empty, an e-mail. */
const MIXED = [
  'id,price,paid,day,at,status,note,email',
  ...Array.from({ length: 80 }, (_, i) =>
    [
      String(i + 1),
      i % 2 ? `${i}.5` : String(i),
      i % 3 ? 'true' : 'false',
      `2026-07-${String((i % 28) + 1).padStart(2, '0')}`,
      `2026-07-14T09:${String(i % 60).padStart(2, '0')}:00+05:30`,
      ['open', 'closed', 'pending'][i % 3],
      i % 4 ? '' : `note ${i}`,
      `user${i}@example.org`,
    ].join(','),
  ),
].join('\n')

describe('inferSchema', () => {
  it('infers the narrowest type of every column: integer, number, boolean, date, datetime and string', async () => {
    const schema = await inferSchema(tempFile('mixed.csv', MIXED))
    expect(schema.fields.map((f) => [f.name, f.type])).toEqual([
      ['id', 'integer'],
      ['price', 'number'],
      ['paid', 'boolean'],
      ['day', 'date'],
      ['at', 'datetime'],
      ['status', 'string'],
      ['note', 'string'],
      ['email', 'string'],
    ])
  })

  it('sets the e-mail format when every value is an e-mail address', async () => {
    const schema = await inferSchema(tempFile('mixed.csv', MIXED))
    expect(field(schema, 'email').format).toBe('email')
    expect(field(schema, 'note').format).toBeUndefined()
  })

  it('marks a column required only when none of its sampled values is empty', async () => {
    const schema = await inferSchema(tempFile('mixed.csv', MIXED))
    expect(field(schema, 'id').constraints?.required).toBe(true)
    expect(field(schema, 'note').constraints?.required).toBeUndefined()
  })

  it('gives a low-cardinality string column an enum of its sorted values and no minimum or maximum anywhere', async () => {
    const schema = await inferSchema(tempFile('mixed.csv', MIXED))
    expect(field(schema, 'status').constraints?.enum).toEqual(['closed', 'open', 'pending'])
    expect(field(schema, 'email').constraints?.enum).toBeUndefined()
    for (const f of schema.fields) {
      expect(f.constraints?.minimum).toBeUndefined()
      expect(f.constraints?.maximum).toBeUndefined()
    }
  })

  it('gives no enum when the distinct values are more than 5% of the rows', async () => {
    const short = MIXED.split('\n').slice(0, 41).join('\n')
    const schema = await inferSchema(tempFile('short.csv', short))
    expect(field(schema, 'status').constraints?.enum).toBeUndefined()
  })

  it('reads a column of 0 and 1 as integers and a column of mixed numbers and words as strings', async () => {
    const rows = ['flag,code', ...Array.from({ length: 5 }, (_, i) => `${i % 2},${i === 3 ? 'A7' : String(i)}`)]
    const schema = await inferSchema(tempFile('flags.csv', rows.join('\n')))
    expect(field(schema, 'flag').type).toBe('integer')
    expect(field(schema, 'code').type).toBe('string')
  })

  it('reads only sampleRows rows, so a late value of another type does not widen the column', async () => {
    const rows = ['n', ...Array.from({ length: 50 }, (_, i) => String(i)), 'not a number']
    const path = tempFile('late.csv', rows.join('\n'))
    expect(field(await inferSchema(path, { sampleRows: 50 }), 'n').type).toBe('integer')
    expect(field(await inferSchema(path), 'n').type).toBe('string')
  })

  it('infers the bundled requests.csv with its ids as integers, its times as datetimes and its status as an enum', async () => {
    const schema = await inferSchema(REQUESTS)
    expect(field(schema, 'service_request_id').type).toBe('integer')
    expect(field(schema, 'requested_datetime').type).toBe('datetime')
    expect(field(schema, 'lat').type).toBe('number')
    expect(field(schema, 'status').constraints?.enum).toEqual(expect.arrayContaining(['closed', 'open']))
  })

  it('reads a semicolon-delimited, UTF-8 BOM file with Windows line endings like a comma one', async () => {
    const text = '\uFEFF' + MIXED.replaceAll(',', ';').replaceAll('\n', '\r\n')
    const schema = await inferSchema(tempFile('semi.csv', text))
    expect(schema.fields[0]?.name).toBe('id')
    expect(field(schema, 'price').type).toBe('number')
  })

  it('throws a SourceError for a missing file and for an empty one', async () => {
    await expect(inferSchema(join(tmpdir(), 'no-such-file-thane.csv'))).rejects.toBeInstanceOf(SourceError)
    await expect(inferSchema(tempFile('empty.csv', ''))).rejects.toBeInstanceOf(SourceError)
  })

  describe('inferring then validating the same file passes', () => {
    it('passes on the bundled grievances requests.csv', async () => {
      await expectValidAgainstInferred(REQUESTS)
    })

    it('passes on the bundled grievances services.csv', async () => {
      await expectValidAgainstInferred(SERVICES)
    })

    it('passes on the bundled gzip sensor observations', async () => {
      await expectValidAgainstInferred(OBSERVATIONS)
    })

    it('passes on a gzip copy of requests.csv', async () => {
      await expectValidAgainstInferred(tempFile('requests.csv.gz', gzipSync(readFileSync(REQUESTS))))
    })

    it('passes on a semicolon-delimited file with a BOM and CRLF line endings', async () => {
      await expectValidAgainstInferred(tempFile('semi.csv', '\uFEFF' + MIXED.replaceAll(',', ';').replaceAll('\n', '\r\n')))
    })

    it('passes on a UTF-16 file with a byte order mark', async () => {
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MIXED, 'utf16le')])
      await expectValidAgainstInferred(tempFile('utf16.csv', bytes))
    })

    it('passes on a copy of services.csv whose quoted cells hold the delimiter', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'thane-infer-'))
      const copy = join(dir, 'services.csv')
      copyFileSync(SERVICES, copy)
      await expectValidAgainstInferred(copy)
    })
  })
})
