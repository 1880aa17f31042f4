import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { BROKEN_REQUESTS_EXPECTED, GRIEVANCES, brokenPackage } from '../../sdk/test/fixtures/validate/broken.js'
import { requestRecords, toGeojson, toJsonArray, toNdjson, type Rec } from '../../sdk/test/fixtures/validate/records.js'
import { BASE, BUNDLED, edit, feed } from '../../sdk/test/fixtures/validate-gtfs/feed.js'
import { oneLineError, runThane, tempDir } from './helpers.js'

const PACKAGE = join(GRIEVANCES, 'datapackage.json')

/** The keys of `thane validate --json`: documented in sdk/src/validate/types.ts (Report) and cli/src/services/validate.ts (ValidateResult). */
const RESULT_KEYS = ['failOn', 'reports', 'valid']
const REPORT_KEYS = ['counts', 'errors', 'rows', 'schemaName', 'severities', 'source', 'tables', 'truncated', 'valid']
const ERROR_KEYS = ['code', 'field', 'fieldNumber', 'file', 'hint', 'message', 'row', 'severity', 'value']

interface Json {
  valid: boolean
  failOn: string
  reports: Array<{
    valid: boolean
    rows: number
    counts: Record<string, number>
    truncated: boolean
    schemaName?: string
    errors: Array<Record<string, unknown> & { code: string; row?: number }>
  }>
}

describe('thane validate', () => {
  it('validate: the bundled grievances package is valid and exits 0 with one summary line', async () => {
    const r = await runThane(['validate', PACKAGE])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`${PACKAGE}: 5,016 rows, 0 errors, 0 warnings`)
    expect(r.stdout.trim().split('\n').at(-1)).toBe('Valid: 1 input checked, 0 invalid; 0 errors, 0 warnings.')
  })

  it('validate: a broken package exits 1 with the problems grouped by code and their first examples', async () => {
    const { datapackage } = brokenPackage()
    const r = await runThane(['validate', datapackage])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('  missing-cell (11)\n')
    expect(r.stdout).toContain('    requests.csv, line 5, service_code "NO_SUCH_SERVICE": service_code has no match in service_code of services (services.csv); use a value that exists in services (services.csv), or add it there first')
    expect(r.stdout).toContain('    … and 8 more')
    expect(r.stdout.trim().split('\n').at(-1)).toBe(`Invalid: 1 input checked, 1 invalid; ${BROKEN_REQUESTS_EXPECTED.length} errors, 0 warnings.`)
  })

  it('validate: --json prints the documented shape with every problem and its physical line', async () => {
    const { datapackage } = brokenPackage()
    const r = await runThane(['validate', datapackage, '--json'])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout) as Json
    expect(Object.keys(json).sort()).toEqual(RESULT_KEYS)
    expect(json).toMatchObject({ valid: false, failOn: 'error' })
    const [report] = json.reports
    expect(Object.keys(report ?? {}).sort()).toEqual(REPORT_KEYS.filter((k) => k !== 'schemaName'))
    expect(report?.errors.map((e) => `${e.code} ${e.row}`)).toEqual(BROKEN_REQUESTS_EXPECTED)
    expect(Object.keys(report?.errors[0] ?? {}).sort()).toEqual([...ERROR_KEYS, 'resource'].sort())
  })

  it('validate: a CSV without --schema gets the built-in schema that matches its header, and says so', async () => {
    const { requests } = brokenPackage()
    const r = await runThane(['validate', requests])
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n')[0]).toBe(`${requests}: using the built-in schema grievances/requests (its fields match the columns)`)
    // Alone, the table has no services to check its foreign key against.
    expect(r.stdout).not.toContain('foreign-key')
    const json = JSON.parse((await runThane(['validate', requests, '--json'])).stdout) as Json
    expect(Object.keys(json.reports[0] ?? {}).sort()).toEqual(REPORT_KEYS)
    expect(json.reports[0]?.schemaName).toBe('grievances/requests')
  })

  it('validate: --max-errors keeps that many problems while the counts and summary count them all', async () => {
    const { requests } = brokenPackage()
    const json = JSON.parse((await runThane(['validate', requests, '--schema', 'grievances/requests', '--max-errors', '2', '--json'])).stdout) as Json
    const report = json.reports[0]
    expect(report?.errors).toHaveLength(2)
    expect(report?.truncated).toBe(true)
    expect(report?.counts).toEqual({ 'type-error': 1, 'constraint-error': 1, 'unique-error': 1, 'primary-key': 1, 'missing-cell': 11, 'blank-row': 1 })
    const text = await runThane(['validate', requests, '--schema', 'grievances/requests', '--max-errors', '2'])
    expect(text.stdout).toContain('(only the first 2 problems were kept; raise --max-errors to see more)')
  })

  it('validate: --fail-on never exits 0 and still prints the problems', async () => {
    const { requests } = brokenPackage()
    const r = await runThane(['validate', requests, '--schema', 'grievances/requests', '--fail-on', 'never'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('type-error (1)')
  })

  it('validate: --fail-on warning fails on a warning that --fail-on error lets pass', async () => {
    const file = join(tempDir('thane-validate-cli-'), 'services.csv')
    writeFileSync(file, 'service_code,note\nPOTHOLE,x\n')
    const schema = join(tempDir('thane-validate-cli-'), 'schema.json')
    writeFileSync(schema, JSON.stringify({ fields: [{ name: 'service_code' }] }))
    expect((await runThane(['validate', file, '--schema', schema])).code).toBe(0)
    const r = await runThane(['validate', file, '--schema', schema, '--fail-on', 'warning'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('extra-label (1)')
  })

  it('validate: several paths are checked in one run and the summary counts each', async () => {
    const { requests } = brokenPackage()
    const r = await runThane(['validate', PACKAGE, requests])
    expect(r.code).toBe(1)
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^Invalid: 2 inputs checked, 1 invalid; /)
  })

  it('validate: unreadable inputs and bad usage exit 2 with one line', async () => {
    const dir = tempDir('thane-validate-cli-')
    mkdirSync(join(dir, 'folder'))
    writeFileSync(join(dir, 'empty.csv'), '')
    writeFileSync(join(dir, 'binary.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    writeFileSync(join(dir, 'bad.json'), '{ "fields": [ { "name": "a", ')
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ fields: [{ name: 'a', type: 'text' }] }))
    writeFileSync(join(dir, 'a.csv'), 'a\n1\n')
    const cases: Array<[string[], RegExp]> = [
      [[join(dir, 'missing.csv')], /missing\.csv does not exist; check the path$/],
      [[join(dir, 'folder')], /folder is a folder; give a CSV file, a datapackage\.json, or a GTFS feed folder \(one with stops\.txt\)$/],
      [[join(dir, 'empty.csv'), '--schema', 'grievances/services'], /empty\.csv is empty; there is no header or data to check$/],
      [[join(dir, 'binary.csv'), '--schema', 'grievances/services'], /binary\.csv looks like a binary file, not text/],
      [[join(dir, 'a.csv'), '--schema', join(dir, 'bad.json')], /bad\.json is not valid JSON/],
      [[join(dir, 'a.csv'), '--schema', join(dir, 'wrong.json')], /wrong\.json is not a valid Table Schema: field "a" has an unknown type "text"$/],
      [[join(dir, 'a.csv'), '--schema', 'grievances/nope'], /--schema "grievances\/nope" is neither a built-in schema nor a file; built-in schemas: grievances\/services, grievances\/requests, sensors\/observations, /],
      [[join(dir, 'a.csv')], /no built-in schema matches the header of .*a\.csv; pass --schema/],
      [[join(dir, 'a.csv'), '--schema', 'grievances/services', '--encoding', 'ebcdic'], /unknown encoding "ebcdic"/],
      [[PACKAGE, '--schema', 'grievances/services'], /is a Data Package, which carries its own schemas; drop --schema$/],
      [[], /Missing 1 required arg/],
    ]
    for (const [args, pattern] of cases) {
      const r = await runThane(['validate', ...args])
      expect(r.code, args.join(' ')).toBe(2)
      expect(oneLineError(r.stderr), args.join(' ')).toMatch(pattern)
      expect(r.stdout, args.join(' ')).toBe('')
    }
  })

  it('validate: with --json an unreadable input is a JSON error and exit 2', async () => {
    const r = await runThane(['validate', '/no/such/file.csv', '--json'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'E_USAGE', message: '/no/such/file.csv does not exist; check the path', exitCode: 2 } })
  })
})

describe('thane validate: GTFS feeds', () => {
  it('validate gtfs: the bundled feed folder is recognised by its stops.txt and exits 0', async () => {
    const r = await runThane(['validate', BUNDLED])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^${BUNDLED.replaceAll('/', '\\/')}: [\\d,]+ rows, 0 errors, 0 warnings`))
    expect(r.stdout.trim().split('\n').at(-1)).toBe('Valid: 1 input checked, 0 invalid; 0 errors, 0 warnings.')
  })

  it('validate gtfs: a broken folder exits 1 with MobilityData codes, files and lines in --json', async () => {
    const dir = feed({
      ...edit('stops.txt', { 4: 'S2,Two,190,72.95,Z1,,' }),
      ...edit('trips.txt', { 2: 'R9,WK,T1,SH1' }),
      ...edit('stop_times.txt', { 3: 'T1,05:50:00,05:55:00,S2,2,1.5' }),
    })
    const r = await runThane(['validate', dir, '--json'])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout) as Json
    expect(json.valid).toBe(false)
    const [report] = json.reports
    expect(report?.schemaName).toBe('gtfs')
    expect(report?.errors.map((e) => `${e.code} ${String(e.file)}:${e.row}`)).toEqual([
      'number_out_of_range stops.txt:4',
      'foreign_key_violation trips.txt:2',
      'stop_time_with_arrival_before_previous_departure_time stop_times.txt:3',
    ])
    expect(report?.counts).toEqual({ number_out_of_range: 1, foreign_key_violation: 1, stop_time_with_arrival_before_previous_departure_time: 1 })
    for (const e of report?.errors ?? []) expect(Object.keys(e).every((k) => ERROR_KEYS.includes(k))).toBe(true)
  })

  it('validate gtfs: a zip without stops.txt, and --schema gtfs on a folder without it, report missing_required_file', async () => {
    const dir = tempDir('thane-validate-cli-')
    const files = Object.fromEntries(Object.entries(BASE).filter(([name]) => name !== 'stops.txt').map(([name, text]) => [name, strToU8(text)]))
    writeFileSync(join(dir, 'feed.zip'), zipSync(files))
    const zipped = await runThane(['validate', join(dir, 'feed.zip')])
    expect(zipped.code).toBe(1)
    expect(zipped.stdout).toContain('  missing_required_file (1)\n    stops.txt: the feed has no stops.txt, a required file; add stops.txt at the root of the feed')
    const folder = feed({ 'stops.txt': null })
    const forced = await runThane(['validate', folder, '--schema', 'gtfs', '--json'])
    expect(forced.code).toBe(1)
    expect((JSON.parse(forced.stdout) as Json).reports[0]?.counts.missing_required_file).toBe(1)
    // Without --schema gtfs that folder is not a feed: a usage error.
    const plain = await runThane(['validate', folder])
    expect(plain.code).toBe(2)
    expect(oneLineError(plain.stderr)).toMatch(/is a folder; give a CSV file, a datapackage\.json, or a GTFS feed folder/)
  })

  it('validate gtfs: a .zip that is not a zip exits 2 with one line', async () => {
    const dir = tempDir('thane-validate-cli-')
    writeFileSync(join(dir, 'feed.zip'), 'not a zip')
    const r = await runThane(['validate', join(dir, 'feed.zip')])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toMatch(/feed\.zip is not a readable zip file/)
  })
})

describe('thane validate: JSON, NDJSON and GeoJSON records', () => {
  const write = (name: string, content: string | Uint8Array): string => {
    const file = join(tempDir('thane-validate-cli-'), name)
    writeFileSync(file, content)
    return file
  }

  it('validate records: 200 requests as a JSON array, NDJSON and GeoJSON get grievances/requests by their keys and exit 0', async () => {
    const recs = requestRecords(200)
    for (const file of [write('requests.json', toJsonArray(recs)), write('requests.ndjson', toNdjson(recs)), write('requests.geojson', toGeojson(recs)), write('requests.jsonl.gz', gzipSync(toNdjson(recs)))]) {
      const r = await runThane(['validate', file])
      expect(r.stderr, file).toBe('')
      expect(r.code, file).toBe(0)
      expect(r.stdout.split('\n')[0], file).toBe(`${file}: using the built-in schema grievances/requests (its fields match the columns)`)
      expect(r.stdout, file).toContain(`${file}: 200 rows, 0 errors, 0 warnings`)
    }
  })

  it('validate records: broken NDJSON exits 1 with the codes and physical lines in --json', async () => {
    const recs = requestRecords(20).map((r) => ({ ...r }))
    ;(recs[2] as Rec).lat = 19.5
    delete (recs[4] as Rec).status
    ;(recs[6] as Rec).service_request_id = (recs[0] as Rec).service_request_id
    const text = toNdjson(recs).split('\n')
    text.splice(9, 0, 'not json')
    const file = write('broken.ndjson', text.join('\n'))
    const r = await runThane(['validate', file, '--schema', 'grievances/requests', '--json'])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.stdout) as Json
    expect(Object.keys(json.reports[0] ?? {}).sort()).toEqual(REPORT_KEYS)
    expect(json.reports[0]?.rows).toBe(21)
    expect(json.reports[0]?.errors.map((e) => `${e.code} ${e.row}`)).toEqual(['constraint-error 3', 'missing-cell 5', 'unique-error 7', 'primary-key 7', 'source-error 10'])
  })

  it('validate records: a GeoJSON Point outside Thane exits 1 and --fail-on never exits 0', async () => {
    const geo = JSON.parse(toGeojson(requestRecords(5))) as { features: Array<{ geometry: { coordinates: number[] } }> }
    ;(geo.features[2] as { geometry: { coordinates: number[] } }).geometry.coordinates = [72.97, 18.9]
    const file = write('out.geojson', JSON.stringify(geo))
    const r = await runThane(['validate', file, '--schema', 'grievances/requests'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('  constraint-error (1)\n')
    expect(r.stdout).toContain('line 3, lat "18.9"')
    expect((await runThane(['validate', file, '--schema', 'grievances/requests', '--fail-on', 'never'])).code).toBe(0)
  })

  it('validate records: a malformed JSON array exits 2 with one line naming the position', async () => {
    const file = write('bad.json', '[\n  {"service_request_id": "100001"},\n  {"service_request_id": "100002",,}\n]\n')
    for (const args of [[file], [file, '--schema', 'grievances/requests']]) {
      const r = await runThane(['validate', ...args])
      expect(r.code, args.join(' ')).toBe(2)
      expect(oneLineError(r.stderr), args.join(' ')).toMatch(/bad\.json is not valid JSON at line 3 column \d+/)
      expect(r.stdout).toBe('')
    }
  })

  it('validate records: JSON records whose keys match no built-in schema exit 2', async () => {
    const r = await runThane(['validate', write('x.ndjson', '{"foo": 1}\n')])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toMatch(/no built-in schema matches the header of .*x\.ndjson; pass --schema/)
  })
})
