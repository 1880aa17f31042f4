import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  CompiledJsonSchema,
  SchemaError,
  SourceError,
  coerceCell,
  compileJsonSchema,
  detectSchema,
  loadSchemaFile,
  validateWithJsonSchema,
  type Report,
} from '../src/validate/index.js'

function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'thane-json-schema-')), name)
  writeFileSync(file, content)
  return file
}

/** `code row field` of each kept problem, in order: the shape most assertions need. */
const lines = (report: Report) => report.errors.map((e) => `${e.code} ${e.row ?? '-'} ${e.field ?? ''}`.trim())

/** A sensor reading as the city's NDJSON exports carry it (draft 2020-12, nested station object, formats). */
const READING_2020 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://thane.example/schemas/reading.json',
  type: 'object',
  required: ['id', 'observedAt', 'station', 'pm25'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: 1 },
    observedAt: { type: 'string', format: 'date-time' },
    pm25: { type: 'number', minimum: 0, maximum: 1000 },
    contact: { type: 'string', format: 'email' },
    status: { enum: ['ok', 'suspect', 'offline'] },
    station: {
      type: 'object',
      required: ['code', 'location'],
      properties: {
        code: { type: 'string', pattern: '^TMC-[0-9]{3}$' },
        location: { $ref: '#/$defs/point' },
      },
    },
    tags: { type: 'array', items: { type: 'string' } },
  },
  $defs: {
    point: {
      type: 'object',
      required: ['lat', 'lon'],
      properties: { lat: { type: 'number', minimum: 18.9, maximum: 19.4 }, lon: { type: 'number', minimum: 72.8, maximum: 73.3 } },
    },
  },
}

/** A grievance row as a CSV export carries it (draft-07). */
const GRIEVANCE_07 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['id', 'ward', 'opened', 'email'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    ward: { type: 'string', enum: ['Naupada', 'Wagle Estate', 'Majiwada'] },
    opened: { type: 'string', format: 'date-time' },
    email: { type: 'string', format: 'email' },
    urgent: { type: 'boolean' },
    cost: { type: ['number', 'null'] },
    note: { type: 'string', maxLength: 200 },
  },
}

function reading(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: i,
    observedAt: `2026-07-14T0${i % 10}:00:00+05:30`,
    pm25: 20 + i,
    contact: 'aq@thanecity.example',
    status: 'ok',
    station: { code: 'TMC-001', location: { lat: 19.2, lon: 72.97 } },
    tags: ['hourly'],
    ...extra,
  }
}

const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n'

describe('detectSchema: Table Schema or JSON Schema', () => {
  it('detectSchema: a "$schema" of draft 2020-12 or draft-07 (http or https, with or without #) is a JSON Schema of that draft', () => {
    expect(detectSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema' }, 's')).toEqual({ kind: 'json-schema', draft: '2020-12', by: '$schema' })
    expect(detectSchema({ $schema: 'http://json-schema.org/draft-07/schema#' }, 's')).toEqual({ kind: 'json-schema', draft: 'draft-07', by: '$schema' })
    expect(detectSchema({ $schema: 'https://json-schema.org/draft-07/schema' }, 's')).toEqual({ kind: 'json-schema', draft: 'draft-07', by: '$schema' })
  })

  it('detectSchema: without "$schema", a "fields" list is a Table Schema and "type"/"properties" a JSON Schema 2020-12', () => {
    expect(detectSchema({ fields: [{ name: 'a' }] }, 's')).toEqual({ kind: 'table-schema', by: 'fields' })
    expect(detectSchema({ type: 'object' }, 's')).toEqual({ kind: 'json-schema', draft: '2020-12', by: 'shape' })
    expect(detectSchema({ properties: { fields: { type: 'array' } } }, 's')).toEqual({ kind: 'json-schema', draft: '2020-12', by: 'shape' })
    expect(detectSchema({ $schema: 'https://datapackage.org/profiles/2.0/tableschema.json', fields: [] }, 's')).toEqual({ kind: 'table-schema', by: '$schema' })
  })

  it('detectSchema: an unsupported draft, an unknown "$schema" and a document that is neither are schema errors naming the file', () => {
    expect(() => detectSchema({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }, 'old.json')).toThrow(
      new SchemaError('old.json is a JSON Schema of draft 04 (its "$schema"), which is not supported; use draft 2020-12 or draft-07'),
    )
    expect(() => detectSchema({ $schema: 'https://example.org/my-vocab' }, 'v.json')).toThrow(/v\.json has an unknown "\$schema" "https:\/\/example\.org\/my-vocab"/)
    expect(() => detectSchema({ title: 'nothing' }, 'n.json')).toThrow('n.json is neither a Table Schema (it has no "fields" list) nor a JSON Schema (it has no "$schema", "type" or "properties")')
    expect(() => detectSchema([1], 'a.json')).toThrow(/a\.json is neither a Table Schema nor a JSON Schema: it must be a JSON object/)
  })

  it('detectSchema: an unknown "$schema" holding a line break or a control character stays one line in the error', () => {
    expect(() => detectSchema({ $schema: 'http://x.org/\nfoo\u001b[31m' }, 'v.json')).toThrow('v.json has an unknown "$schema" "http://x.org/\\nfoo\\u001b[31m"; use')
    let message = ''
    try {
      detectSchema({ $schema: 'a\r\nb\u001b' }, 'v.json')
    } catch (err) {
      message = (err as Error).message
    }
    expect(message).toMatch(/^v\.json has an unknown "\$schema" "a\\r\\nb\\u001b"/)
    expect(message).not.toMatch(/[\r\n\u001b]/)
  })
})

describe('compileJsonSchema: invalid schemas are one-line schema errors', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    ['a bad type name', { type: 'objekt' }, /^s\.json is not a valid JSON Schema \(read as JSON Schema draft 2020-12, by its keywords; it has no "\$schema"\): at \/type: must be equal to one of the allowed values/],
    ['a misspelt keyword', { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', minProperites: 1 }, /^s\.json is not a valid JSON Schema \(JSON Schema draft-07, as its "\$schema" says\): unknown keyword: "minProperites"$/],
    ['an unknown format', { type: 'string', format: 'emale' }, /unknown format "emale" at #; use one of date-time, date, time, email/],
    ['a $ref to nothing in the file', { properties: { a: { $ref: '#/$defs/nope' } } }, /: the \$ref "#\/\$defs\/nope" points at nothing in the file$/],
    ['a remote $ref', { properties: { a: { $ref: 'https://schemas.example.org/point.json' } } }, /^s\.json has a \$ref to "https:\/\/schemas\.example\.org\/point\.json", outside the file; thane never fetches schemas \(no network, no other files\): copy the referenced schema under "\$defs"/],
    ['a $ref to another file', { properties: { a: { $ref: 'point.json' } } }, /^s\.json has a \$ref to "point\.json", outside the file/],
    ['a Table Schema', { fields: [{ name: 'a' }] }, /^s\.json is a Table Schema \(by its "fields" list\), not a JSON Schema$/],
  ]
  for (const [what, schema, message] of cases) {
    it(`compileJsonSchema: ${what}`, () => {
      let caught: unknown
      try {
        compileJsonSchema(schema, 's.json')
      } catch (err) {
        caught = err
      }
      expect(caught).toBeInstanceOf(SchemaError)
      expect((caught as Error).message).toMatch(message)
      expect((caught as Error).message).not.toContain('\n')
    })
  }

  it('compileJsonSchema: the draft decides the meaning of keywords (draft-07 tuple "items" is refused by 2020-12)', () => {
    const tuple = { type: 'array', items: [{ type: 'string' }, { type: 'number' }] }
    expect(compileJsonSchema({ $schema: 'http://json-schema.org/draft-07/schema#', ...tuple }).draft).toBe('draft-07')
    expect(() => compileJsonSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...tuple }, 't.json')).toThrow(/t\.json is not a valid JSON Schema \(JSON Schema draft 2020-12, as its "\$schema" says\): at \/items: must be object,boolean/)
  })

  it('compileJsonSchema: vendor extensions named x-… are allowed, and a misspelt keyword next to them is still refused', () => {
    const schema = { type: 'object', 'x-source': 'TMC export', properties: { pm25: { type: 'number', 'x-unit': 'µg/m³' } } }
    expect(compileJsonSchema(schema).validate({ pm25: 3 })).toBe(true)
    expect(() => compileJsonSchema({ ...schema, properties: { pm25: { type: 'number', 'x-unit': 'µg/m³', maximun: 5 } } }, 'x.json')).toThrow(/unknown keyword: "maximun"$/)
  })

  it('compileJsonSchema: a $ref to the meta-schema and to $defs by $id resolve without the network', () => {
    const compiled = compileJsonSchema(READING_2020)
    expect(compiled).toBeInstanceOf(CompiledJsonSchema)
    expect(compiled.draft).toBe('2020-12')
    expect(compiled.validate(reading(1))).toBe(true)
    const meta = compileJsonSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', properties: { inner: { $ref: 'https://json-schema.org/draft/2020-12/schema' } } })
    expect(meta.validate({ inner: { type: 'string' } })).toBe(true)
    expect(meta.validate({ inner: { type: 5 } })).toBe(false)
  })
})

describe('loadSchemaFile', () => {
  it('loadSchemaFile: reads a Table Schema as one and a JSON Schema (with a BOM) as one', async () => {
    const table = await loadSchemaFile(tempFile('t.json', JSON.stringify({ fields: [{ name: 'a', type: 'integer' }] })))
    expect(table.kind).toBe('table-schema')
    const json = await loadSchemaFile(tempFile('j.json', `\uFEFF${JSON.stringify(GRIEVANCE_07)}`))
    expect(json.kind).toBe('json-schema')
    expect(json.kind === 'json-schema' && json.schema.draft).toBe('draft-07')
  })

  it('loadSchemaFile: a missing file, a folder and bad JSON are schema errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-json-schema-'))
    await expect(loadSchemaFile(join(dir, 'nope.json'))).rejects.toThrow(`schema file ${join(dir, 'nope.json')} does not exist`)
    await expect(loadSchemaFile(dir)).rejects.toThrow(`schema file ${dir} is a folder; give a JSON file`)
    await expect(loadSchemaFile(tempFile('b.json', '{"type": "object",'))).rejects.toThrow(/b\.json is not valid JSON/)
  })
})

describe('validateWithJsonSchema: JSON records', () => {
  it('validateWithJsonSchema: 50 clean NDJSON readings with nested objects and formats are valid', async () => {
    const records = Array.from({ length: 50 }, (_, i) => reading(i + 1))
    const report = await validateWithJsonSchema({ path: tempFile('readings.ndjson', ndjson(records)), schema: READING_2020, schemaName: 'reading' })
    expect(report.errors).toEqual([])
    expect(report).toMatchObject({ valid: true, rows: 50, schemaName: 'reading', truncated: false, tables: [{ rows: 50, valid: true }] })
  })

  it('validateWithJsonSchema: NDJSON problems land on their physical lines with Frictionless codes, nested fields and values', async () => {
    const text = [
      JSON.stringify(reading(1)),
      '',
      JSON.stringify(reading(2, { observedAt: '2026-02-30T10:00:00Z', contact: 'not-an-email' })),
      JSON.stringify(reading(3, { pm25: '42', station: { code: 'TMC-1', location: { lat: 21.5 } } })),
      '{"id": 4, "observedAt": ',
      JSON.stringify(reading(5, { status: 'broken', colour: 'red', tags: ['a', 7] })),
      JSON.stringify({ id: 6, observedAt: '2026-07-14T06:00:00Z', station: { code: 'TMC-006', location: { lat: 19, lon: 73 } } }),
      '[6]',
    ].join('\r\n')
    const report = await validateWithJsonSchema({ path: tempFile('readings.jsonl', text), schema: READING_2020 })
    expect(report.rows).toBe(7)
    expect(lines(report)).toEqual([
      'constraint-error 3 observedAt',
      'constraint-error 3 contact',
      'type-error 4 pm25',
      'constraint-error 4 station.code',
      'missing-cell 4 station.location.lon',
      'constraint-error 4 station.location.lat',
      'source-error 5',
      'extra-label 6 colour',
      'constraint-error 6 status',
      'type-error 6 tags[1]',
      'missing-cell 7 pm25',
      'type-error 8',
    ])
    const byKey = new Map(report.errors.map((e) => [`${e.row} ${e.field ?? ''}`, e]))
    expect(byKey.get('3 observedAt')).toMatchObject({ value: '2026-02-30T10:00:00Z', message: '"observedAt" is not a valid date-time', hint: 'write it in the date-time format, e.g. 2026-07-14T09:30:00+05:30' })
    expect(byKey.get('3 contact')).toMatchObject({ value: 'not-an-email', message: '"contact" is not a valid email' })
    expect(byKey.get('4 pm25')).toMatchObject({ value: '42', fieldNumber: 3, message: '"pm25" must be a number', hint: 'write it as a number in JSON (without quotes)' })
    expect(byKey.get('4 station.code')).toMatchObject({ value: 'TMC-1', message: '"station.code" does not match the pattern ^TMC-[0-9]{3}$' })
    expect(byKey.get('4 station.location.lon')).toMatchObject({ message: '"station.location" has no "lon" key', hint: 'add "lon" to "station.location"' })
    expect(byKey.get('4 station.location.lat')).toMatchObject({ value: '21.5', message: '"station.location.lat" must be <= 19.4' })
    expect(byKey.get('6 colour')).toMatchObject({ severity: 'error', message: 'the key "colour" is not allowed by the schema (additionalProperties is false)' })
    expect(byKey.get('6 status')).toMatchObject({ value: 'broken', message: '"status" must be one of: ok, suspect, offline' })
    expect(byKey.get('7 pm25')).toMatchObject({ message: 'the record has no "pm25" key', hint: 'add "pm25" to the record' })
    expect(byKey.get('8 ')).toMatchObject({ value: '[6]', message: 'the record must be an object', hint: 'write each record as an object' })
    expect(report.counts).toEqual({ 'constraint-error': 5, 'type-error': 3, 'missing-cell': 2, 'source-error': 1, 'extra-label': 1 })
    expect(report.severities).toEqual({ error: 12, warning: 0, info: 0 })
  })

  it('validateWithJsonSchema: a forbidden key is reported once a file, on the first record having it', async () => {
    const records = [reading(1, { colour: 'red' }), reading(2, { colour: 'blue' }), reading(3, { shade: 'x' })]
    const report = await validateWithJsonSchema({ path: tempFile('r.ndjson', ndjson(records)), schema: READING_2020 })
    expect(lines(report)).toEqual(['extra-label 1 colour', 'extra-label 3 shade'])
  })

  it('validateWithJsonSchema: a JSON array (gzipped) and a GeoJSON FeatureCollection are checked item by item', async () => {
    const records = [reading(1), reading(2, { pm25: -1 }), reading(3)]
    const array = await validateWithJsonSchema({ path: tempFile('readings.json.gz', gzipSync(JSON.stringify(records, null, 2))), schema: READING_2020 })
    expect(array.rows).toBe(3)
    expect(lines(array)).toEqual(['constraint-error 2 pm25'])
    expect(array.errors[0]).toMatchObject({ value: '-1', message: '"pm25" must be >= 0' })

    const pointSchema = { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, ward: { type: 'integer' } } }
    const features = [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [72.97, 19.2] }, properties: { name: 'Upvan', ward: 3 } },
      { type: 'Feature', geometry: null, properties: { name: '', ward: 'three' } },
      { type: 'Feature', geometry: null, properties: null },
      { type: 'Feat' },
    ]
    const geo = await validateWithJsonSchema({ path: tempFile('places.geojson', JSON.stringify({ type: 'FeatureCollection', features })), schema: pointSchema })
    expect(geo.rows).toBe(4)
    expect(lines(geo)).toEqual(['constraint-error 2 name', 'type-error 2 ward', 'missing-cell 3 name', 'source-error 4'])
  })

  it('validateWithJsonSchema: a JSON file that is not JSON, or not an array, is a SourceError naming the position', async () => {
    await expect(validateWithJsonSchema({ path: tempFile('bad.json', '[\n {"id": 1},\n {"id": 2,,}\n]'), schema: READING_2020 })).rejects.toThrow(/bad\.json is not valid JSON at line 3 column \d+/)
    await expect(validateWithJsonSchema({ path: tempFile('obj.json', '{"id": 1}'), schema: READING_2020 })).rejects.toThrow(SourceError)
    await expect(validateWithJsonSchema({ path: tempFile('blank.ndjson', '\n\n  \n'), schema: READING_2020 })).rejects.toThrow(/holds only blank space/)
  })

  it('validateWithJsonSchema: anyOf and oneOf failures are one constraint-error, not one a branch', async () => {
    const schema = {
      type: 'object',
      properties: {
        contact: { anyOf: [{ type: 'string', format: 'email' }, { type: 'string', pattern: '^\\+91[0-9]{10}$' }] },
        size: { oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] },
      },
    }
    const report = await validateWithJsonSchema({ text: '{"contact": "call me", "size": 3}\n{"contact": "+919876543210", "size": 2.5}\n', format: 'ndjson', schema })
    expect(report.errors.map((e) => [e.code, e.row, e.field, e.message])).toEqual([
      ['constraint-error', 1, 'contact', '"contact" matches none of the alternatives in the schema\'s "anyOf"'],
      ['constraint-error', 1, 'size', '"size" matches more than one of the alternatives in the schema\'s "oneOf"'],
    ])
  })

  it('validateWithJsonSchema: maxErrors keeps that many problems and the counts still count every one', async () => {
    const records = Array.from({ length: 30 }, (_, i) => reading(i + 1, { pm25: -5 }))
    const report = await validateWithJsonSchema({ path: tempFile('r.ndjson', ndjson(records)), schema: READING_2020, maxErrors: 7 })
    expect(report.errors).toHaveLength(7)
    expect(report).toMatchObject({ truncated: true, counts: { 'constraint-error': 30 }, severities: { error: 30, warning: 0, info: 0 }, valid: false })
  })
})

describe('validateWithJsonSchema: CSV rows', () => {
  const header = 'id,ward,opened,email,urgent,cost,note'

  it('validateWithJsonSchema: a CSV (draft-07) with quoted newlines, CRLF and a BOM is valid, cells converted to their declared types', async () => {
    const csv = `\uFEFF${header}\r\n1,Naupada,2026-07-14T09:00:00+05:30,a@b.org,true,12.5,"two\r\nlines"\r\n2,Majiwada,2026-07-14T10:00:00Z,c@d.org,FALSE,null,\r\n3,"Wagle Estate",2026-07-14T11:00:00Z,e@f.org,,,"a, b"\r\n`
    const report = await validateWithJsonSchema({ path: tempFile('g.csv', csv), schema: GRIEVANCE_07 })
    expect(report.errors).toEqual([])
    expect(report).toMatchObject({ valid: true, rows: 3 })
  })

  it('validateWithJsonSchema: CSV problems have the right codes, physical lines, columns and values', async () => {
    const long = 'x'.repeat(250)
    const csv = [
      header,
      '1,Naupada,2026-07-14T09:00:00+05:30,a@b.org,true,1,"spans',
      'two lines"',
      '2.5,Thane West,yesterday,nobody,maybe,cheap,ok',
      `3,Majiwada,2026-07-14T09:00:00Z,,true,1,${long}`,
      '4,Naupada',
      '5,Naupada,2026-07-14T09:00:00Z,a@b.org,true,1,note,surplus',
      '',
      ',,,,,,',
    ].join('\n')
    const report = await validateWithJsonSchema({ path: tempFile('g.csv', csv), schema: GRIEVANCE_07 })
    expect(report.rows).toBe(7)
    expect(lines(report)).toEqual([
      'type-error 4 id',
      'constraint-error 4 ward',
      'constraint-error 4 opened',
      'constraint-error 4 email',
      'type-error 4 urgent',
      'type-error 4 cost',
      'constraint-error 5 email',
      'constraint-error 5 note',
      'missing-cell 6 opened',
      'missing-cell 6 email',
      'missing-cell 6 urgent',
      'missing-cell 6 cost',
      'missing-cell 6 note',
      'extra-cell 7',
      'blank-row 8',
      'blank-row 9',
    ])
    const at = (row: number, field: string) => report.errors.find((e) => e.row === row && e.field === field)
    expect(at(4, 'id')).toMatchObject({ fieldNumber: 1, value: '2.5', message: '"id" must be an integer', hint: 'write it as an integer, or leave the cell empty if it may be missing' })
    expect(at(4, 'ward')).toMatchObject({ fieldNumber: 2, value: 'Thane West', message: '"ward" must be one of: Naupada, Wagle Estate, Majiwada' })
    expect(at(4, 'cost')).toMatchObject({ value: 'cheap', message: '"cost" must be a number or null' })
    expect(at(5, 'email')).toMatchObject({ code: 'constraint-error', value: '', message: '"email" is required but empty', hint: 'fill in "email"' })
    expect(at(5, 'note')?.value).toBe(`${'x'.repeat(59)}…`)
    expect(at(6, 'opened')).toMatchObject({ fieldNumber: 3, message: 'the row ends before "opened" (it has 2 cells, the header 7)' })
    expect(report.errors.find((e) => e.code === 'extra-cell')).toMatchObject({ fieldNumber: 8, value: 'surplus', message: 'the row has 8 cells but the header has 7' })
  })

  it('validateWithJsonSchema: a column the schema requires is one missing-label, and a column it forbids one extra-label, from the header', async () => {
    const csv = 'id,ward,opened,colour\n1,Naupada,2026-07-14T09:00:00Z,red\n2,Majiwada,2026-07-14T09:00:00Z,blue\n'
    const report = await validateWithJsonSchema({ path: tempFile('g.csv', csv), schema: GRIEVANCE_07 })
    expect(lines(report)).toEqual(['extra-label 1 colour', 'missing-label 1 email'])
    expect(report.errors[0]).toMatchObject({ severity: 'error', fieldNumber: 4, message: 'the column "colour" is not allowed by the schema (it declares no such property and forbids others)' })
    expect(report.errors[1]).toMatchObject({ message: 'the header has no column "email", which the schema requires' })
  })

  it('validateWithJsonSchema: an open schema only warns about a column it does not declare, and duplicate or blank labels are reported', async () => {
    const schema = { type: 'object', properties: { a: { type: 'integer' } } }
    const report = await validateWithJsonSchema({ text: 'a;b;a;\n1;x;2;\n', schema })
    expect(report.errors.map((e) => `${e.code} ${e.severity} ${e.field ?? e.fieldNumber}`)).toEqual(['extra-label warning b', 'duplicate-label error a', 'blank-label error 4'])
  })

  it('validateWithJsonSchema: an object or array column is read as JSON and checked inside', async () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'integer' }, point: { $ref: '#/$defs/p' }, tags: { type: 'array', items: { type: 'string' }, maxItems: 2 } },
      $defs: { p: { type: 'object', required: ['lat'], properties: { lat: { type: 'number', maximum: 90 } } } },
    }
    const csv = 'id,point,tags\n1,"{""lat"": 19.2}","[""a""]"\n2,"{""lat"": 99}","[""a"",""b"",""c""]"\n3,not json,[1\n'
    const report = await validateWithJsonSchema({ text: csv, schema })
    expect(report.errors.map((e) => [e.code, e.row, e.field, e.value])).toEqual([
      ['constraint-error', 3, 'point.lat', '99'],
      ['constraint-error', 3, 'tags', '["a","b","c"]'],
      ['type-error', 4, 'point', 'not json'],
      ['type-error', 4, 'tags', '[1'],
    ])
  })

  it('validateWithJsonSchema: a quote never closed is a source-error on its line after the rows before it', async () => {
    const csv = `${header}\n1,Naupada,2026-07-14T09:00:00Z,a@b.org,true,1,ok\n2,"Naupada,2026-07-14T09:00:00Z,a@b.org,true,1,ok\n`
    const report = await validateWithJsonSchema({ text: csv, schema: GRIEVANCE_07 })
    expect(report.errors.at(-1)).toMatchObject({ code: 'source-error', row: 3 })
    expect(report.errors.at(-1)?.message).toMatch(/^the CSV cannot be read past this point: /)
  })
})

describe('coerceCell', () => {
  it('coerceCell: converts to the first declared type the cell reads as, else leaves the string', () => {
    const t = (...types: string[]) => new Set(types)
    expect(coerceCell('12', t('integer'))).toBe(12)
    expect(coerceCell('-1.5e3', t('number'))).toBe(-1500)
    expect(coerceCell('1.5', t('integer'))).toBe('1.5')
    expect(coerceCell('True', t('boolean'))).toBe(true)
    expect(coerceCell('null', t('number', 'null'))).toBeNull()
    expect(coerceCell('null', t('string', 'null'))).toBe('null')
    expect(coerceCell('007', t('string'))).toBe('007')
    expect(coerceCell('{"a":1}', t('object'))).toEqual({ a: 1 })
    expect(coerceCell('[1]', t('object'))).toBe('[1]')
    expect(coerceCell('anything', undefined)).toBe('anything')
  })
})
