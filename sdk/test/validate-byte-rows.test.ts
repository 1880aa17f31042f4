import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shortDecimal } from '../src/validate/byte-rows.js'
import { validateTable, type TableSchema } from '../src/validate/index.js'
import { decimalValue } from '../src/validate/row-schema.js'

/**
 * The byte reader (byte-rows.ts) reads the common rows of large plain files from bytes and hands
 * every other row to the CSV scanner. Its reports must equal the streaming one-thread path's, which
 * reads every row as strings: these tests send the same files through both and compare whole reports.
 */

function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'thane-bytes-')), name)
  writeFileSync(file, content)
  return file
}

/** The streaming path (small files stay on it) and the byte reader on one thread and on two, in small ranges. */
const streaming = { threads: 1 }
const bytesOneThread = { threads: 1, parallelMinBytes: 0 }
const bytesTwoThreads = (rangeBytes: number) => ({ threads: 2, parallelMinBytes: 0, rangeBytes })

const schemas: TableSchema[] = [
  {
    fields: [
      { name: 'id', type: 'string', constraints: { required: true, pattern: '^S-\\d+$' } },
      { name: 'at', type: 'datetime', constraints: { required: true, minimum: '2026-01-01T00:00:00Z' } },
      { name: 'n', type: 'number', constraints: { minimum: 0, maximum: 1000 } },
      { name: 'i', type: 'integer', constraints: { minimum: -5, maximum: 500 } },
      { name: 'note', type: 'string' },
      { name: 'y', type: 'year' },
    ],
    primaryKey: ['id', 'at'],
  },
  {
    // Missing values other than the empty cell, a zoned and a local date-time, a unique integer.
    missingValues: ['', 'NA', '-999'],
    fields: [
      { name: 'id', type: 'integer', constraints: { unique: true } },
      { name: 'at', type: 'datetime', format: '%Y-%m-%dT%H:%M:%S%z' },
      { name: 'local', type: 'datetime', format: '%Y-%m-%dT%H:%M:%S' },
      { name: 'n', type: 'number', missingValues: [''], constraints: { required: true } },
      { name: 'i', type: 'integer', missingValues: [] },
      { name: 'm', type: 'integer', missingValues: ['-999'], constraints: { required: true } },
      // Last, so CRLF files end their rows on it; unique, so its text reaches the key sets.
      { name: 'note', type: 'string', constraints: { maxLength: 12, unique: true } },
    ],
  },
  {
    // Numbers the reader may range-check by their sign (minimum 0, no maximum) next to one whose
    // range starts above zero, and a number in the primary key, whose value the key reads.
    fields: [
      { name: 'p', type: 'number', constraints: { minimum: 0.5 } },
      { name: 'q', type: 'number', constraints: { minimum: 0 } },
      { name: 'k', type: 'number', constraints: { minimum: 0 } },
      { name: 'i', type: 'integer' },
    ],
    primaryKey: ['k', 'i'],
  },
]

/** Odd cells: what the byte reader must hand to the scanner, or cast exactly like the row validator. */
const oddCell = fc.constantFrom(
  '', '-0', '+7', '.5', '5.', '1e3', '2E-2', 'NaN', 'INF', '-INF', 'NA', '-999', '1001', '-6', '501', '12345678901234567', '123456789012345', '"42"', '"4,2"', ' 1', '1 ', 'x',
  '٣', '1\r', '"say ""hi"""', '"two\nlines"', '"cr\r\nlf"', 'naïve', 'ठाणे', '"ठाणे, स्टेशन"', 'bus 🚌', 'a"b', '2026-02-30T00:00:00Z', '"2026-07-14T10:00:00+05:30"', '2026-07-14T09:30:00+05:30 ', '2025-12-31T23:59:59Z',
)
const often = <T>(common: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) => fc.oneof({ arbitrary: common, weight: 6 }, { arbitrary: odd, weight: 1 })
const stamp = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19))
/** A cell for a field: mostly a common valid one (so whole rows take the byte reader), now and then an odd one. */
function cellFor(field: TableSchema['fields'][number]): fc.Arbitrary<string> {
  switch (field.type) {
    case 'integer':
      return often(fc.oneof({ arbitrary: fc.integer({ min: -10, max: 600 }).map(String), weight: 8 }, { arbitrary: fc.constantFrom('', '-999'), weight: 1 }), oddCell)
    case 'number':
      return often(fc.oneof({ arbitrary: fc.tuple(fc.double({ min: -5, max: 1200, noNaN: true }), fc.integer({ min: 0, max: 3 })).map(([v, d]) => v.toFixed(d)), weight: 8 }, { arbitrary: fc.constant(''), weight: 1 }), oddCell)
    case 'year':
      return often(fc.constantFrom('2026', '1999'), oddCell)
    case 'datetime':
      if (field.format === '%Y-%m-%dT%H:%M:%S') return often(stamp, oddCell)
      if (field.format) return often(fc.tuple(stamp, fc.constantFrom('+05:30', 'Z')).map(([t, z]) => t + z), oddCell)
      return often(fc.tuple(stamp, fc.constantFrom('+05:30', 'Z', '')).map(([t, z]) => t + z), oddCell)
    default:
      return often(fc.oneof(fc.integer({ min: 0, max: 30 }).map((n) => `S-${n}`), fc.constantFrom('ok', 'ok', 'S-1', '"S-2"', '"quoted, with comma"')), oddCell)
  }
}
/** Rows for a schema: cells by its columns, now and then ragged, blank or all empty. */
function rowsFor(schema: TableSchema): fc.Arbitrary<string[]> {
  const cells = fc.tuple(...schema.fields.map(cellFor))
  const row = fc.tuple(cells, fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'short', 'long', 'blank', 'commas')).map(([c, shape]) => {
    if (shape === 'short') return c.slice(0, 2).join(',')
    if (shape === 'long') return [...c, 'extra'].join(',')
    if (shape === 'blank') return ''
    if (shape === 'commas') return ','.repeat(c.length - 1)
    return c.join(',')
  })
  return fc.array(row, { minLength: 1, maxLength: 40 })
}

describe('the byte reader gives the streaming path’s report', () => {
  it('on random rows of common and uncommon cells, in three schemas, on one thread and two', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: schemas.length - 1 }).chain((which) => fc.tuple(fc.constant(which), rowsFor(schemas[which] as TableSchema))), fc.constantFrom('\n', '\r\n'), async ([which, rows], eol) => {
        const schema = schemas[which] as TableSchema
        const header = schema.fields.map((f) => f.name).join(',')
        const text = `${header}${eol}${rows.join(eol)}${eol}`
        const file = tempFile('t.csv', text)
        const want = await validateTable({ path: file, schema, ...streaming })
        expect(await validateTable({ path: file, schema, ...bytesOneThread }), text).toEqual(want)
        expect(await validateTable({ path: file, schema, ...bytesTwoThreads(97) }), text).toEqual(want)
      }),
      { seed: 20261127, numRuns: 100 },
    )
  })

  it('with numbers checked by their sign alone: a minimum above zero, a minus sign, and a key that reads the value', async () => {
    // p's range starts above zero and q's at zero with no top (so a plain q passes by its sign);
    // k is in the key, so the reader keeps its value: keys (k, i) all differ.
    const schema = schemas[2] as TableSchema
    const rows = ['p,q,k,i', '1.5,2.5,3.5,1', '1.5,2.5,4.5,1', '0.25,2,3,1', '0.5,-0.1,3.25,1', '7,0,3.5,2', '2,-0,10.75,2', '3,1.5,3.5,1']
    const file = tempFile('signs.csv', `${rows.join('\n')}\n`)
    const want = await validateTable({ path: file, schema, ...streaming })
    expect(want.errors.map((e) => `${e.row} ${e.code} ${e.field}`)).toEqual(['4 constraint-error p', '5 constraint-error q', '8 primary-key k, i'])
    expect(await validateTable({ path: file, schema, ...bytesOneThread })).toEqual(want)
    expect(await validateTable({ path: file, schema, ...bytesTwoThreads(20) })).toEqual(want)
  })

  it('with a date-time cell like the row above: compared in place, unless the cell above held the delimiter', async () => {
    // With ':' as the delimiter, a quoted date-time holds it; the unquoted row after it is four
    // cells, not one equal to the cell above.
    const schema: TableSchema = { fields: [{ name: 'at', type: 'datetime' }, { name: 'n', type: 'integer' }] }
    const rows = ['at:n', '"2026-07-14T10:00:00Z":1', '2026-07-14T10:00:00Z:1', '2026-07-14T10:00:00Z:2', '2026-07-14T10:00:00Z:3', '"2026-07-14T10:00:00Z":4', '2026-07-14T10:00:00Zx:5']
    const file = tempFile('colons.csv', `${rows.join('\r\n')}\r\n`)
    const dialect = { delimiter: ':' }
    const want = await validateTable({ path: file, schema, dialect, ...streaming })
    expect(want.errors.map((e) => `${e.row} ${e.code}`)).toEqual(['3 extra-cell', '3 type-error', '4 extra-cell', '4 type-error', '5 extra-cell', '5 type-error', '7 extra-cell', '7 type-error'])
    expect(await validateTable({ path: file, schema, dialect, ...bytesOneThread })).toEqual(want)
    expect(await validateTable({ path: file, schema, dialect, ...bytesTwoThreads(30) })).toEqual(want)
    // With commas, rows equal to the one above are read in place, and still range-checked (rows 8
    // and 9); rows 4 and 5 only begin like the one above.
    const bounded: TableSchema = { fields: [{ name: 'at', type: 'datetime', constraints: { minimum: '2000-01-01T00:00:00Z' } }, { name: 'n', type: 'integer' }] }
    const commaRows = ['at,n', '2026-07-14T10:00:00Z,1', '2026-07-14T10:00:00Z,2', '2026-07-14T10:00:00Zx,5', '2026-07-14T10:00:00Zx7', '2026-07-14T10:00:00Z,3', '1999-01-01T00:00:00Z,4', '1999-01-01T00:00:00Z,5', '1999-01-01T00:00:00Z,6']
    const commas = tempFile('commas.csv', `${commaRows.join('\n')}\n`)
    const wantCommas = await validateTable({ path: commas, schema: bounded, ...streaming })
    expect(wantCommas.errors.map((e) => `${e.row} ${e.code}`)).toEqual(['4 type-error', '5 type-error', '5 missing-cell', '7 constraint-error', '8 constraint-error', '9 constraint-error'])
    expect(await validateTable({ path: commas, schema: bounded, ...bytesOneThread })).toEqual(wantCommas)
  })

  it('with text cells seen before: a row of cells that all passed is not validated again, unless a key reads a value its validator casts', async () => {
    // k is cast by the row validator (an enum keeps it from the byte reader's own casts) and read
    // by the key, so its rows are validated every time; code's cells repeat, valid and not.
    const schema: TableSchema = {
      fields: [
        { name: 'k', type: 'integer', constraints: { enum: [1, 2, 3] } },
        { name: 'id', type: 'string' },
        { name: 'code', type: 'string', constraints: { pattern: '^[A-Z]{2}$' } },
      ],
      primaryKey: ['k', 'id'],
    }
    // Row 11: every cell seen before, 'ab' only in rows that failed. Rows 12–14: 'bb' takes the
    // slot where 'AB' passed (they hash alike), and is then seen again.
    const rows = ['k,id,code', '1,a,AB', '2,b,AB', '1,b,AB', '3,a,ab', '2,a,AB', '3,c,ab', '1,a,AB', '3,d,CD', '3,e,CD', '2,c,ab', '3,f,AB', '3,g,bb', '3,f,bb']
    const file = tempFile('seen.csv', `${rows.join('\n')}\n`)
    // The same with k cast by the byte reader (a range instead of the enum): rows are then skipped.
    const ranged: TableSchema = { ...schema, fields: [{ name: 'k', type: 'integer', constraints: { minimum: 1, maximum: 3 } }, ...schema.fields.slice(1)] }
    for (const s of [schema, ranged]) {
      const want = await validateTable({ path: file, schema: s, ...streaming })
      expect(want.errors.map((e) => `${e.row} ${e.code}`)).toEqual(['5 constraint-error', '7 constraint-error', '8 primary-key', '11 constraint-error', '13 constraint-error', '14 constraint-error', '14 primary-key'])
      expect(await validateTable({ path: file, schema: s, ...bytesOneThread })).toEqual(want)
      expect(await validateTable({ path: file, schema: s, ...bytesTwoThreads(40) })).toEqual(want)
    }
  })

  it('with a text column of new cells (ids): no longer remembered after a trial, and still checked', async () => {
    const schema: TableSchema = {
      fields: [
        { name: 'id', type: 'string', constraints: { pattern: '^R-\\d+$' } },
        { name: 'code', type: 'string', constraints: { pattern: '^[A-Z]{2}$' } },
      ],
    }
    // 6,000 distinct ids, then ids and codes seen before, some of them invalid.
    const rows = ['id,code']
    for (let r = 0; r < 6000; r++) rows.push(`R-${r},${r % 97 === 0 ? 'ab' : 'AB'}`)
    for (let r = 0; r < 300; r++) rows.push(`${r % 50 === 0 ? 'bad' : `R-${r % 7}`},${r % 40 === 0 ? 'ab' : 'CD'}`)
    const file = tempFile('ids.csv', `${rows.join('\n')}\n`)
    const want = await validateTable({ path: file, schema, ...streaming, maxErrors: 1000 })
    expect(want.counts['constraint-error']).toBe(Math.ceil(6000 / 97) + 6 + 8)
    expect(await validateTable({ path: file, schema, ...bytesOneThread, maxErrors: 1000 })).toEqual(want)
    expect(await validateTable({ path: file, schema, ...bytesTwoThreads(8192), maxErrors: 1000 })).toEqual(want)
  })

  it('with UTF-8 text beyond ASCII (Marathi, emoji) between ASCII rows: every cell where the scanner puts it', async () => {
    // No cell but n is checked, and ref is unique, so a cell read from the wrong place would pass
    // and change which rows repeat a ref, and the text quoted; the byte reader hands rows beyond
    // ASCII to the scanner and takes the ASCII rows after them (rows 10 and 11) again.
    const schema: TableSchema = {
      fields: [
        { name: 'ward', type: 'string' },
        { name: 'description', type: 'string' },
        { name: 'ref', type: 'string', constraints: { unique: true } },
        { name: 'n', type: 'number', constraints: { minimum: 0 } },
      ],
    }
    const rows = [
      'ward,description,ref,n',
      'ठाणे पश्चिम,रस्त्यावर खड्डा 🚧,R1,1.5',
      'Naupada,"पाणी, गळती",R2,2',
      'कोपरी,🚌🚌 थांबा,R3,3',
      'कोपरी,खड्डा,R4,-4',
      'वागळे,दिवे बंद,R5,5',
      'Kopri,४२,R6,७',
      'Kopri,ok 🙂,R7,9',
      'घोडबंदर,"रस्ता ""बंद""",R5,10',
      'Naupada,x,R7,11',
      'Naupada,x,R2,12',
    ]
    const want = ['5 constraint-error -4', '7 type-error ७', '9 unique-error R5', '10 unique-error R7', '11 unique-error R2']
    // The same rows again, with U+FFFD as written in one: the scanner reports it as a byte that did
    // not decode.
    const withReplacement = [...rows, 'वागळे,"a \uFFFD b",R11,6']
    for (const [lines, errors] of [[rows, want], [withReplacement, [...want, '12 encoding-error a \uFFFD b']]] as const) {
      const file = tempFile('marathi.csv', `${lines.join('\n')}\n`)
      const streamed = await validateTable({ path: file, schema, ...streaming })
      expect(streamed.errors.map((e) => `${e.row} ${e.code} ${e.value ?? ''}`)).toEqual(errors)
      expect(await validateTable({ path: file, schema, ...bytesOneThread })).toEqual(streamed)
      expect(await validateTable({ path: file, schema, ...bytesTwoThreads(60) })).toEqual(streamed)
    }
  })

  it('across its 64 KiB chunks: rows that straddle them, a quoted cell over many lines, a line longer than a chunk, no final line break', async () => {
    const schema = schemas[0] as TableSchema
    const lines = ['id,at,n,i,note,y']
    let seed = 7
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32
    for (let r = 0; r < 6000; r++) {
      const hour = String(Math.floor(r / 10) % 24).padStart(2, '0')
      let note = next() < 0.02 ? `"quoted\n${'x'.repeat(Math.floor(next() * 300))}\nnote"` : 'ok'
      if (r === 2500) note = `"${'y'.repeat(150_000)}"` // longer than a chunk
      if (r === 4000) note = `"${Array.from({ length: 3000 }, (_, k) => `line ${k}`).join('\n')}"`
      const n = next() < 0.01 ? '-1' : (next() * 900).toFixed(1)
      lines.push(`S-${r % 10},2026-07-${String(1 + Math.floor(r / 240)).padStart(2, '0')}T${hour}:00:00+05:30,${n},${Math.floor(next() * 500)},${note},2026`)
    }
    lines.push(lines[1000] as string) // a repeated primary key
    const text = lines.join('\n') // no line break at the end
    const file = tempFile('big.csv', text)
    const want = await validateTable({ path: file, schema, ...streaming })
    expect(want.rows).toBe(6001)
    expect(want.counts['primary-key']).toBe(1)
    expect(want.counts['constraint-error']).toBeGreaterThan(20)
    expect(await validateTable({ path: file, schema, ...bytesOneThread })).toEqual(want)
    expect(await validateTable({ path: file, schema, ...bytesTwoThreads(50_000) })).toEqual(want)
  })

  it('with bytes that are not UTF-8 and a byte order mark inside a cell, flagged the same', async () => {
    const schema: TableSchema = { fields: [{ name: 'id', type: 'integer' }, { name: 'name' }, { name: 'n', type: 'number' }] }
    const rows = Array.from({ length: 300 }, (_, i) => Buffer.from(`${i},name ${i},${i}.5\n`))
    rows[40] = Buffer.concat([Buffer.from('40,bad '), Buffer.from([0xff, 0xfe]), Buffer.from(',1\n')])
    rows[41] = Buffer.concat([Buffer.from('41,'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('bom,2\n')])
    const file = tempFile('bytes.csv', Buffer.concat([Buffer.from('id,name,n\n'), ...rows]))
    const want = await validateTable({ path: file, schema, ...streaming })
    expect(want.counts['encoding-error']).toBe(1)
    expect(await validateTable({ path: file, schema, ...bytesOneThread })).toEqual(want)
    expect(await validateTable({ path: file, schema, ...bytesTwoThreads(600) })).toEqual(want)
  })

  it('with the city rule packs: the bundled air-quality export and a damaged copy give the same warnings and errors', async () => {
    const datasets = new URL('../../datasets/sensors/', import.meta.url)
    const pkg = JSON.parse(readFileSync(new URL('datapackage.json', datasets), 'utf8')) as { resources: Array<{ name: string; schema: TableSchema }> }
    const schema = pkg.resources.find((r) => r.name === 'air-quality')?.schema as TableSchema
    const text = readFileSync(new URL('air-quality.csv', datasets), 'utf8')
    // Damage: a value out of range, a spike, a repeated row, a station outside the pattern, a bad time.
    const lines = text.split('\n')
    lines[100] = (lines[100] as string).replace(/,(\d+(\.\d+)?),/, ',-4,')
    lines[200] = (lines[200] as string).replace(/,(\d+(\.\d+)?),/, ',9999,')
    lines.splice(300, 0, lines[299] as string)
    lines[400] = (lines[400] as string).replace(/^TMC-AQ-\d\d/, 'TMC-AQ-X')
    lines[500] = (lines[500] as string).replace(/T(\d\d):/, 'T25:')
    for (const [name, body] of [['air-quality.csv', text], ['damaged.csv', lines.join('\n')]] as const) {
      const file = tempFile(name, body)
      const want = await validateTable({ path: file, schema, schemaName: 'sensors/air-quality', ...streaming })
      expect(Object.keys(want.counts).length, name).toBeGreaterThan(name === 'damaged.csv' ? 4 : 2)
      expect(await validateTable({ path: file, schema, schemaName: 'sensors/air-quality', ...bytesOneThread })).toEqual(want)
      expect(await validateTable({ path: file, schema, schemaName: 'sensors/air-quality', ...bytesTwoThreads(40_000) })).toEqual(want)
    }
  })

  it('with a Windows-1252 export: text beyond ASCII is read in the file’s encoding, the same on every path', async () => {
    // Names are unique; the last two rows repeat one with a "€" (byte 0x80), the second of them
    // with a bad price: the repeat is found only if whichever path reads each row decodes "€" alike.
    const schema: TableSchema = { fields: [{ name: 'id', type: 'integer' }, { name: 'name', constraints: { unique: true } }, { name: 'price', type: 'number' }] }
    const row = (id: number, name: string, price: string) => Buffer.concat([Buffer.from(`${id},`), Buffer.from(name, 'latin1'), Buffer.from(`,${price}\n`)])
    const rows = Array.from({ length: 400 }, (_, i) => row(i, `caf${i % 3 ? 'e' : '\xe9'} ${i % 7 ? 'plain' : '\x80 euro'} ${i}`, `${i}.5`))
    rows.push(row(900, 'caf\x80 twice', '1.5'), row(901, 'caf\x80 twice', 'oops'))
    const file = tempFile('cp1252.csv', Buffer.concat([Buffer.from('id,name,price\n'), ...rows]))
    for (const encoding of ['windows-1252', 'utf-8']) {
      const want = await validateTable({ path: file, schema, encoding, ...streaming })
      if (encoding === 'windows-1252') expect(want.counts).toEqual({ 'unique-error': 1, 'type-error': 1 })
      expect(await validateTable({ path: file, schema, encoding, ...bytesOneThread })).toEqual(want)
      expect(await validateTable({ path: file, schema, encoding, ...bytesTwoThreads(2000) })).toEqual(want)
    }
  })

  it('shortDecimal: equals decimalValue on every short plain decimal, and declines the rest', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[+-]?\d{0,17}(\.\d{0,17})?$/), fc.constantFrom('1e3', 'INF', 'NaN', '-', '+', '.', '', '0x10', '1_000')), (s) => {
        const bytes = Buffer.from(s)
        for (const fraction of [true, false]) {
          const v = shortDecimal(bytes, 0, bytes.length, fraction)
          if (!Number.isNaN(v)) expect(Object.is(v, decimalValue(s, fraction)), s).toBe(true)
          else if (/^[+-]?\d{1,15}$/.test(s) || (fraction && /^[+-]?(?=.*\d)\d*\.?\d*$/.test(s) && s.replace(/\D/g, '').length <= 15)) expect.fail(`declined ${s}`)
        }
      }),
      { seed: 3, numRuns: 2000 },
    )
  })
})
