import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fullFormats } from 'ajv-formats/dist/formats.js'
import {
  SchemaError,
  SourceError,
  compileJsonSchema,
  inferSchema,
  validateRecords,
  validateTable,
  validateWithJsonSchema,
  type Report,
  type TableSchema,
} from '../src/validate/index.js'

// Fixed seeds keep CI reproducible; on a failure fast-check prints the seed and the shrunk
// counterexample, so a run can be replayed with { seed, path }.
const SEED = 20_260_714

type ColumnType = 'integer' | 'number' | 'boolean' | 'date' | 'datetime' | 'string'
const COLUMN_TYPES: ColumnType[] = ['integer', 'number', 'boolean', 'date', 'datetime', 'string']

/** Characters that break naive CSV writers and readers, mixed with any grapheme (NUL and U+FFFD excepted: NUL marks a binary file, U+FFFD is how bad bytes read). */
const trickyUnit = fc.oneof(
  fc.constantFrom(',', ';', '\t', '|', '"', '""', '\n', '\r\n', '\r', ' ', "'", 'é', 'ठाणे', '😀', '\u00a0', '\ufeff', '#'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }),
)
const trickyString = fc.string({ unit: trickyUnit, maxLength: 12 }).filter((s) => !/[\0\uFFFD]/.test(s))

const dateArb = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })

function cellOf(type: ColumnType): fc.Arbitrary<string> {
  switch (type) {
    case 'integer':
      return fc.integer().map(String)
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true }).map(String)
    case 'boolean':
      return fc.boolean().map(String)
    case 'date':
      return dateArb.map((d) => d.toISOString().slice(0, 10))
    case 'datetime':
      return dateArb.map((d) => d.toISOString())
    case 'string':
      return trickyString
  }
}

interface Table {
  types: ColumnType[]
  /** Data rows; column 0 is an integer id that is never empty (so no row is blank). */
  rows: string[][]
}

const tableArb: fc.Arbitrary<Table> = fc
  .array(fc.constantFrom(...COLUMN_TYPES), { minLength: 1, maxLength: 6 })
  .chain((types) =>
    fc.record({
      types: fc.constant(types),
      rows: fc.array(
        fc.tuple(fc.nat().map(String), ...types.map((t) => fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 4, arbitrary: cellOf(t) }))),
        { minLength: 1, maxLength: 25 },
      ),
    }),
  )

interface CsvDialect {
  delimiter: ',' | ';' | '\t' | '|'
  eol: '\n' | '\r\n'
  bom: boolean
  quoteAll: boolean
  finalEol: boolean
}

const dialectArb: fc.Arbitrary<CsvDialect> = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  finalEol: fc.boolean(),
})

const labels = (t: Table) => ['id', ...t.types.map((type, i) => `${type}_${i + 1}`)]

/** RFC 4180 writing: a cell is quoted when it must be (or always), a quote doubled. */
function toCsv(t: Table, d: CsvDialect): string {
  const quote = (cell: string) => (d.quoteAll || /[",;\t|\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
  const lines = [labels(t), ...t.rows].map((r) => r.map(quote).join(d.delimiter))
  return `${d.bom ? '\uFEFF' : ''}${lines.join(d.eol)}${d.finalEol ? d.eol : ''}`
}

function tableSchemaOf(t: Table, keys = false): TableSchema {
  return {
    fields: [{ name: 'id', type: 'integer', constraints: { required: true } }, ...t.types.map((type, i) => ({ name: `${type}_${i + 1}`, type }))],
    ...(keys ? { primaryKey: 'id' } : {}),
  }
}

const JSON_TYPES: Record<ColumnType, object> = {
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
  string: { type: 'string' },
}

function jsonSchemaOf(t: Table): object {
  const names = labels(t)
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: Object.fromEntries(names.map((n, i) => [n, i === 0 ? { type: 'integer' } : JSON_TYPES[t.types[i - 1] as ColumnType]])),
  }
}

/** A row as a JSON record: typed values, empty cells left out. */
function recordOf(t: Table, row: string[]): Record<string, unknown> {
  const names = labels(t)
  const out: Record<string, unknown> = {}
  row.forEach((cell, i) => {
    if (cell === '') return
    const type = i === 0 ? 'integer' : (t.types[i - 1] as ColumnType)
    out[names[i] as string] = type === 'integer' || type === 'number' ? Number(cell) : type === 'boolean' ? cell === 'true' : cell
  })
  return out
}

const dir = mkdtempSync(join(tmpdir(), 'thane-property-'))
let fileNumber = 0
function writeTemp(name: string, content: string | Uint8Array): string {
  const file = join(dir, `${fileNumber++}-${name}`)
  writeFileSync(file, content)
  return file
}

/**
 * The counts, severities and kept problems of a report agree with each other and with the input's
 * lines. `oneLine`: every message is one line (validateTable and validateRecords still quote a
 * header label or key with a line break in it as it is, so they are checked without it).
 */
function expectConsistent(r: Report, maxErrors: number, lineCount: number, oneLine = false): void {
  const total = Object.values(r.counts).reduce((a, n) => a + (n ?? 0), 0)
  expect(r.severities.error + r.severities.warning + r.severities.info).toBe(total)
  expect(r.errors.length).toBeLessThanOrEqual(maxErrors)
  expect(r.errors.length).toBe(Math.min(total, maxErrors))
  expect(r.truncated).toBe(total > maxErrors)
  expect(r.valid).toBe(r.severities.error === 0)
  expect(r.rows).toBeLessThanOrEqual(lineCount)
  for (const e of r.errors) {
    if (e.row !== undefined) {
      expect(e.row, JSON.stringify(e)).toBeGreaterThanOrEqual(1)
      expect(e.row, JSON.stringify(e)).toBeLessThanOrEqual(lineCount)
    }
    expect(e.message.length).toBeGreaterThan(0)
    if (oneLine) expect(e.message, JSON.stringify(e)).not.toMatch(/[\r\n]/)
    if (e.value !== undefined) expect(e.value.length).toBeLessThanOrEqual(60)
  }
}

/** Physical lines of the bytes as text: CRLF, CR or LF each end one. UTF-16 (by BOM) is bounded by its newline bytes. */
function lineCountOf(bytes: Uint8Array): number {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return bytes.reduce((n, b) => n + (b === 0x0a || b === 0x0d ? 1 : 0), 1)
  }
  return new TextDecoder('utf-8').decode(bytes).split(/\r\n|\r|\n/).length
}

/** Only these errors may escape: the input or schema cannot be read. Anything else is a bug. */
async function settle<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work
  } catch (err) {
    if (err instanceof SourceError || err instanceof SchemaError) {
      expect(err.message).not.toContain('\n')
      return undefined
    }
    throw err
  }
}

/** A way to damage bytes at a position given as a fraction of the length. */
type Mangle = { kind: 'flip'; at: number; mask: number } | { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; bytes: readonly number[] } | { kind: 'delete'; at: number; length: number }

const mangleArb: fc.Arbitrary<Mangle> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    // Stray quotes, NUL bytes, line breaks and delimiters (random splits), a lone UTF-8 lead byte.
    bytes: fc.constantFrom([0x22], [0x00], [0x0a], [0x0d], [0x0d, 0x0a], [0x2c], [0x3b], [0x09], [0x22, 0x0a, 0x22], [0xc3], [0xef, 0xbb, 0xbf]),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
)

function mangle(input: Uint8Array, steps: Mangle[]): Uint8Array {
  let bytes = Buffer.from(input)
  for (const step of steps) {
    const at = Math.min(bytes.length, Math.floor(step.at * bytes.length))
    if (step.kind === 'flip' && at < bytes.length) bytes[at] = (bytes[at] as number) ^ step.mask
    else if (step.kind === 'truncate') bytes = bytes.subarray(0, at)
    else if (step.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(step.bytes), bytes.subarray(at)])
    else if (step.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + step.length)])
  }
  return bytes
}

describe('validate: property-based, random tables in random dialects', () => {
  it('validateTable: a random table written in a random dialect is valid with the right row count, and so is it against its inferred schema and a JSON Schema', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, dialectArb, async (table, dialect) => {
        const file = writeTemp('table.csv', toCsv(table, dialect))
        const report = await validateTable({ path: file, schema: tableSchemaOf(table) })
        expect(report.errors).toEqual([])
        expect(report.rows).toBe(table.rows.length)

        const inferred = await inferSchema(file)
        const again = await validateTable({ path: file, schema: inferred })
        expect(again.errors).toEqual([])
        expect(again.rows).toBe(table.rows.length)

        const json = await validateWithJsonSchema({ path: file, schema: jsonSchemaOf(table) })
        expect(json.errors).toEqual([])
        expect(json.rows).toBe(table.rows.length)
      }),
      { seed: SEED, numRuns: 60 },
    )
  }, 60_000)

  it('validateRecords and validateWithJsonSchema: the same random table as NDJSON is valid with the right row count', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (table) => {
        const text = table.rows.map((r) => JSON.stringify(recordOf(table, r))).join('\n')
        const file = writeTemp('table.ndjson', text)
        const report = await validateRecords({ path: file, schema: tableSchemaOf(table) })
        expect(report.errors).toEqual([])
        expect(report.rows).toBe(table.rows.length)
        const json = await validateWithJsonSchema({ path: file, schema: jsonSchemaOf(table) })
        expect(json.errors).toEqual([])
        expect(json.rows).toBe(table.rows.length)
      }),
      { seed: SEED + 1, numRuns: 80 },
    )
  }, 60_000)
})

describe('validate: property-based, mangled and random input', () => {
  const maxErrorsArb = fc.integer({ min: 1, max: 25 })

  it('validateTable: mangled CSV (byte flips, truncation, stray quotes, NUL bytes, random splits) gives a consistent report or a SourceError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, dialectArb, fc.array(mangleArb, { minLength: 1, maxLength: 6 }), maxErrorsArb, fc.boolean(), async (table, dialect, steps, maxErrors, keys) => {
        const bytes = mangle(Buffer.from(toCsv(table, dialect)), steps)
        const file = writeTemp('mangled.csv', bytes)
        const lines = lineCountOf(bytes)
        const report = await settle(validateTable({ path: file, schema: tableSchemaOf(table, keys), maxErrors }))
        if (report) expectConsistent(report, maxErrors, lines)
        const json = await settle(validateWithJsonSchema({ path: file, schema: jsonSchemaOf(table), maxErrors }))
        if (json) expectConsistent(json, maxErrors, lines, true)
      }),
      { seed: SEED + 2, numRuns: 250 },
    )
  }, 60_000)

  it('validateTable: random bytes and random CSV-ish text give a consistent report or a SourceError, never a crash', async () => {
    const csvish = fc.string({ unit: fc.constantFrom('a', '1', ',', ';', '"', '\n', '\r', '\t', '|', ' ', 'é', '\0', '\ufeff'), maxLength: 200 })
    const input = fc.oneof(fc.uint8Array({ maxLength: 300 }), csvish.map((s) => new Uint8Array(Buffer.from(s))))
    const schema: TableSchema = { fields: [{ name: 'a', type: 'integer', constraints: { required: true, unique: true } }, { name: '1', type: 'date' }], primaryKey: ['a', '1'] }
    await fc.assert(
      fc.asyncProperty(input, maxErrorsArb, async (bytes, maxErrors) => {
        const file = writeTemp('random.csv', bytes)
        const report = await settle(validateTable({ path: file, schema, maxErrors }))
        if (report) expectConsistent(report, maxErrors, lineCountOf(bytes))
        const json = await settle(validateWithJsonSchema({ path: file, schema: { type: 'object', required: ['a'], properties: { a: { type: 'integer' } } }, maxErrors }))
        if (json) expectConsistent(json, maxErrors, lineCountOf(bytes), true)
      }),
      { seed: SEED + 3, numRuns: 200 },
    )
  }, 60_000)

  it('validateRecords: mangled NDJSON gives a consistent report, one problem line at a time, or a SourceError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, fc.array(mangleArb, { minLength: 1, maxLength: 6 }), maxErrorsArb, fc.boolean(), async (table, steps, maxErrors, keys) => {
        const text = table.rows.map((r) => JSON.stringify(recordOf(table, r))).join('\n') + '\n'
        const bytes = mangle(Buffer.from(text), steps)
        const file = writeTemp('mangled.ndjson', bytes)
        const lines = lineCountOf(bytes)
        const report = await settle(validateRecords({ path: file, schema: tableSchemaOf(table, keys), maxErrors }))
        if (report) expectConsistent(report, maxErrors, lines)
        const json = await settle(validateWithJsonSchema({ path: file, schema: jsonSchemaOf(table), maxErrors }))
        if (json) expectConsistent(json, maxErrors, lines, true)
      }),
      { seed: SEED + 4, numRuns: 250 },
    )
  }, 60_000)
})

describe('validate: property-based, the fast date-time format', () => {
  it('compileJsonSchema: the fast date-time check gives the same verdict as ajv-formats on random date-time-like strings', () => {
    const full = (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate
    const schema = compileJsonSchema({ type: 'string', format: 'date-time' })
    let valid = 0
    const digits = (n: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '5', '6', '9'), minLength: n, maxLength: n })
    const like = fc
      .tuple(
        fc.oneof(fc.constantFrom('2024', '2026', '1900', '2000', '2100'), digits(4)),
        fc.constantFrom('01', '02', '04', '09', '12', '13', '00', '1'),
        fc.constantFrom('01', '15', '28', '29', '30', '31', '32', '00'),
        fc.constantFrom('T', 'T', 't', ' ', '_'),
        fc.constantFrom('00', '09', '23', '24', '7'),
        fc.constantFrom('00', '59', '60'),
        fc.constantFrom('00', '30', '59', '60', '61', '5'),
        fc.constantFrom('', '.5', '.123456', '.'),
        fc.constantFrom('Z', 'z', '', '+05:30', '+0530', '-14:00', '+15:00', '+05', '+05:', '-00:00', '+23:59'),
      )
      .map(([y, mo, d, sep, h, mi, se, frac, zone]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${se}${frac}${zone}`)
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: like }, { weight: 1, arbitrary: fc.string({ maxLength: 30 }) }), (s) => {
        const verdict = full(s)
        if (verdict) valid++
        expect(schema.validate(s), s).toBe(verdict)
      }),
      { seed: SEED + 5, numRuns: 5000 },
    )
    // The strings must often be valid date-times, or the agreement would say little.
    expect(valid).toBeGreaterThan(100)
  })
})
