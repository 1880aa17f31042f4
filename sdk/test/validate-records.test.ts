import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { SourceError, readRecordKeys, sniffRecordsFormat, validateRecords, type TableSchema } from '../src/validate/index.js'
import { grievancesSchema } from './fixtures/validate/broken.js'
import { requestRecords, toGeojson, toJsonArray, toNdjson, type Rec } from './fixtures/validate/records.js'

const schema = grievancesSchema('requests')

function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'thane-records-')), name)
  writeFileSync(file, content)
  return file
}

const lines = (report: { errors: Array<{ code: string; row?: number; field?: string }> }) => report.errors.map((e) => `${e.code} ${e.row} ${e.field ?? ''}`.trim())

/** 200 requests with record 3 (1-based) given a bad lat type, record 5 without its description, record 7 the id of record 1. */
function brokenRecords(): Rec[] {
  const recs = requestRecords(200).map((r) => ({ ...r }))
  ;(recs[2] as Rec).lat = 'north'
  delete (recs[4] as Rec).description
  ;(recs[6] as Rec).service_request_id = (recs[0] as Rec).service_request_id
  return recs
}

describe('validateRecords: clean grievance requests', () => {
  const cases: Array<[string, string, () => string]> = [
    ['a JSON array', 'requests.json', () => toJsonArray(requestRecords())],
    ['NDJSON', 'requests.ndjson', () => toNdjson(requestRecords())],
    ['JSON Lines', 'requests.jsonl', () => toNdjson(requestRecords())],
    ['a GeoJSON FeatureCollection with lat and long from Point geometry', 'requests.geojson', () => toGeojson(requestRecords())],
  ]
  for (const [name, file, make] of cases) {
    it(`validateRecords: 200 requests as ${name} are valid against grievances/requests`, async () => {
      const report = await validateRecords({ path: tempFile(file, make()), schema, schemaName: 'grievances/requests' })
      expect(report.errors).toEqual([])
      expect(report).toMatchObject({ valid: true, rows: 200, schemaName: 'grievances/requests', truncated: false })
      expect(report.tables).toHaveLength(1)
    })
  }

  it('validateRecords: a gzip NDJSON file is read through and valid', async () => {
    const report = await validateRecords({ path: tempFile('requests.ndjson.gz', gzipSync(toNdjson(requestRecords()))), schema })
    expect(report).toMatchObject({ valid: true, rows: 200 })
  })

  it('validateRecords: the format is sniffed from the content when the extension does not say it', async () => {
    expect(sniffRecordsFormat('  [\n{"a":1}]')).toBe('json')
    expect(sniffRecordsFormat('{"type": "FeatureCollection", "features": []}')).toBe('geojson')
    expect(sniffRecordsFormat('{"a":1}\n{"a":2}\n')).toBe('ndjson')
    for (const content of [toJsonArray(requestRecords(20)), toNdjson(requestRecords(20)), toGeojson(requestRecords(20))]) {
      const report = await validateRecords({ path: tempFile('requests.txt', content), schema })
      expect(report).toMatchObject({ valid: true, rows: 20 })
    }
  })

  it('validateRecords: the keys of the first record are read for choosing a schema, with lat and long for a GeoJSON Point', async () => {
    const keys = Object.keys(requestRecords(1)[0] as Rec)
    expect(await readRecordKeys(tempFile('r.json', toJsonArray(requestRecords(3))))).toEqual(keys)
    expect(await readRecordKeys(tempFile('r.ndjson', toNdjson(requestRecords(3))))).toEqual(keys)
    expect((await readRecordKeys(tempFile('r.geojson', toGeojson(requestRecords(3))))).sort()).toEqual([...keys].sort())
  })
})

describe('validateRecords: problems and their rows', () => {
  const expected = ['type-error 3 lat', 'missing-cell 5 description', 'unique-error 7 service_request_id', 'primary-key 7 service_request_id']

  it('validateRecords: a JSON array reports the 1-based item index as the row', async () => {
    const report = await validateRecords({ path: tempFile('r.json', toJsonArray(brokenRecords())), schema })
    expect(report.valid).toBe(false)
    expect(lines(report)).toEqual(expected)
    expect(report.counts).toEqual({ 'type-error': 1, 'missing-cell': 1, 'unique-error': 1, 'primary-key': 1 })
  })

  it('validateRecords: NDJSON reports the physical line, counting blank lines', async () => {
    const text = `\n${toNdjson(brokenRecords())}`
    const report = await validateRecords({ path: tempFile('r.ndjson', text), schema })
    expect(lines(report)).toEqual(expected.map((e) => e.replace(/ (\d+) /, (_, n: string) => ` ${Number(n) + 1} `)))
    expect(report.rows).toBe(200)
  })

  it('validateRecords: a line of NDJSON that is not JSON is a source-error on that line and the next lines are still checked', async () => {
    const recs = requestRecords(10)
    ;(recs[8] as Rec).lat = 'x'
    const text = toNdjson(recs).split('\n')
    text.splice(3, 0, '{"service_request_id": "100099", oops')
    const report = await validateRecords({ path: tempFile('r.ndjson', text.join('\n')), schema })
    expect(lines(report)).toEqual(['source-error 4', 'type-error 10 lat'])
    expect(report.rows).toBe(11)
  })

  it('validateRecords: a broken gzip NDJSON file gives the same problems as plain', async () => {
    const report = await validateRecords({ path: tempFile('r.jsonl.gz', gzipSync(toNdjson(brokenRecords()))), schema })
    expect(lines(report)).toEqual(expected)
  })

  it('validateRecords: JSON numbers are checked as values: 12.5 fails an integer field, "12" passes it, and a number fails a string field', async () => {
    const s: TableSchema = { fields: [{ name: 'n', type: 'integer' }, { name: 's', type: 'string' }, { name: 'b', type: 'boolean' }, { name: 'r', type: 'string', constraints: { required: true } }] }
    const recs = [{ n: 12, s: 'a', b: true, r: 'x' }, { n: '12', s: 'b', b: false, r: 'x' }, { n: 12.5, s: 'c', r: 'x' }, { n: 1, s: 42, r: 'x' }, { n: null, r: null }]
    const report = await validateRecords({ path: tempFile('t.json', JSON.stringify(recs)), schema: s })
    expect(lines(report)).toEqual(['type-error 3 n', 'type-error 4 s', 'constraint-error 5 r'])
  })

  it('validateRecords: a key not in the schema is one extra-label warning a file, and the file stays valid', async () => {
    const recs = requestRecords(5).map((r) => ({ ...r, note: 'x' }))
    const report = await validateRecords({ path: tempFile('r.json', toJsonArray(recs)), schema })
    expect(report.valid).toBe(true)
    expect(report.errors.map((e) => [e.code, e.severity, e.row, e.field])).toEqual([['extra-label', 'warning', 1, 'note']])
  })

  it('validateRecords: a GeoJSON Point out of range is a constraint-error on geometry, and one outside Thane fails the lat constraint', async () => {
    const geo = JSON.parse(toGeojson(requestRecords(5))) as { features: Array<{ geometry: { coordinates: number[] } }> }
    ;(geo.features[1] as { geometry: { coordinates: number[] } }).geometry.coordinates = [72.97, 95]
    ;(geo.features[3] as { geometry: { coordinates: number[] } }).geometry.coordinates = [72.97, 18.5]
    const report = await validateRecords({ path: tempFile('r.geojson', JSON.stringify(geo)), schema })
    expect(lines(report)).toEqual(['constraint-error 2 geometry', 'constraint-error 4 lat'])
  })

  it('validateRecords: Point coordinates that are not numbers are a type-error on geometry', async () => {
    const geo = JSON.parse(toGeojson(requestRecords(3))) as { features: Array<{ geometry: unknown }> }
    ;(geo.features[0] as { geometry: unknown }).geometry = { type: 'Point', coordinates: ['72.97', 19.19] }
    const report = await validateRecords({ path: tempFile('r.geojson', JSON.stringify(geo)), schema })
    expect(lines(report)).toEqual(['type-error 1 geometry'])
  })

  it('validateRecords: UTF-16 NDJSON with a byte order mark and CRLF line ends is read', async () => {
    const text = `\uFEFF${toNdjson(requestRecords(30)).replaceAll('\n', '\r\n')}`
    const report = await validateRecords({ path: tempFile('r.ndjson', Buffer.from(text, 'utf16le')), schema })
    expect(report).toMatchObject({ valid: true, rows: 30 })
  })

  it('validateRecords: leading blank space before a JSON array is skipped', async () => {
    const report = await validateRecords({ path: tempFile('r.json', `\n\n   ${toJsonArray(requestRecords(3))}`), schema })
    expect(report).toMatchObject({ valid: true, rows: 3 })
  })

  it('validateRecords: a geopoint field is filled from the Point when the properties lack it', async () => {
    const s: TableSchema = { fields: [{ name: 'id', type: 'string' }, { name: 'where', type: 'geopoint', constraints: { required: true } }] }
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [72.97, 19.19] }, properties: { id: 'a' } }, { type: 'Feature', geometry: null, properties: { id: 'b' } }] }
    const report = await validateRecords({ path: tempFile('p.geojson', JSON.stringify(fc)), schema: s })
    expect(lines(report)).toEqual(['missing-cell 2 where'])
  })

  it('validateRecords: a malformed JSON array throws a SourceError naming the line and column', async () => {
    const path = tempFile('bad.json', '[\n  {"a": 1},\n  {"a": 2,,}\n]')
    await expect(validateRecords({ path, schema })).rejects.toThrow(SourceError)
    await expect(validateRecords({ path, schema })).rejects.toThrow(/bad\.json is not valid JSON at line 3 column \d+/)
  })

  it('validateRecords: an empty file, and JSON that is not an array of records, are SourceErrors', async () => {
    await expect(validateRecords({ path: tempFile('e.json', '  \n'), schema })).rejects.toThrow(/holds only blank space/)
    await expect(validateRecords({ path: tempFile('o.json', '{"a": 1}'), schema })).rejects.toThrow(/is not a JSON array of records/)
    await expect(validateRecords({ path: tempFile('o.geojson', '{"type": "Feature"}'), schema })).rejects.toThrow(/is not a GeoJSON FeatureCollection/)
  })

  it('validateRecords: an item that is not an object is a source-error on its row', async () => {
    const report = await validateRecords({ path: tempFile('a.json', JSON.stringify([requestRecords(1)[0], 5])), schema })
    expect(lines(report)).toEqual(['source-error 2'])
  })
})
