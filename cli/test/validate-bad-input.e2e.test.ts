import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { describe, expect, it, onTestFinished } from 'vitest'
import { THANE_BIN, collect, isolatedEnv, oneLineError, runThane, type RunResult, tempDir } from './helpers.js'

// What validate.e2e.test.ts already covers (a missing path, a folder, an empty .csv, a PNG, a schema
// that is not JSON, an unknown field type, a malformed JSON array) is not repeated here; every case
// below also checks that the inputs' bytes are unchanged afterwards.

/** sha256 of every file under `dir`, by path: to prove validation never writes to its inputs. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name)
    try {
      if (statSync(path).isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex')
    } catch {
      out[name] = 'unreadable'
    }
  }
  return out
}

/** Deterministic bytes that are no text: every byte value, NULs included. */
function binaryBytes(length: number): Buffer {
  const b = Buffer.alloc(length)
  let x = 2_463_534_242
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    b[i] = x & 0xff
  }
  return b
}

const STATION_TABLE = { fields: [{ name: 'id', type: 'integer', constraints: { required: true } }, { name: 'station', type: 'string' }, { name: 'pm25', type: 'number', constraints: { minimum: 0 } }] }
const STATION_JSON = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['id', 'station'],
  additionalProperties: false,
  properties: { id: { type: 'integer' }, station: { type: 'string', pattern: '^TMC-' }, pm25: { type: 'number', minimum: 0 }, at: { type: 'string', format: 'date-time' } },
}

interface Json {
  valid: boolean
  reports: Array<{ valid: boolean; rows: number; counts: Record<string, number>; errors: Array<{ code: string; row?: number; field?: string; value?: string; message: string }> }>
}

describe('thane validate: bad input', () => {
  it('bad input: each unreadable input or invalid schema exits 2 with one line, prints no report, and leaves the files as they were', async () => {
    const dir = tempDir('thane-bad-input-')
    const f = (name: string, content: string | Uint8Array) => {
      writeFileSync(join(dir, name), content)
      return join(dir, name)
    }
    const good = f('good.csv', 'id,station,pm25\n1,TMC-001,12.5\n')
    const table = f('station.schema.json', JSON.stringify(STATION_TABLE))
    f('blank.csv', '\n\r\n\n')
    f('empty.ndjson', '')
    f('binary.csv', binaryBytes(2048))
    f('binary.ndjson', Buffer.concat([Buffer.from('{"id": 1}\n'), binaryBytes(512)]))
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},TMC-${i % 1000},${i % 97}.5`).join('\n')
    const gz = gzipSync(Buffer.from(`id,station,pm25\n${rows}\n`))
    f('truncated.csv.gz', gz.subarray(0, gz.length >> 1))
    f('not-a-collection.geojson', JSON.stringify({ type: 'Feature', properties: { id: 1 } }))
    f('cut.json', '[{"id": 1, "station": "TMC-001"}, {"id": 2, "sta')
    f('pk.schema.json', JSON.stringify({ ...STATION_TABLE, primaryKey: 'nope' }))
    f('twice.schema.json', JSON.stringify({ fields: [{ name: 'id' }, { name: 'id' }] }))
    f('bad-type.schema.json', JSON.stringify({ type: 'object', properties: { id: { type: 'int' } } }))
    f('typo.schema.json', JSON.stringify({ ...STATION_JSON, properties: { id: { type: 'integer', minimun: 1 } } }))
    f('remote.schema.json', JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { at: { $ref: 'https://schemas.example.org/time.json' } } }))
    f('draft4.schema.json', JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object' }))
    f('neither.schema.json', JSON.stringify({ title: 'stations', columns: ['id'] }))
    f('not-json.schema.json', '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": ')
    mkdirSync(join(dir, 'schemas'))

    const cases: Array<[string[], RegExp]> = [
      [[join(dir, 'binary.csv')], /binary\.csv looks like a binary file, not text \(it holds NUL bytes\)/],
      [[join(dir, 'binary.ndjson'), '--schema', table], /binary\.ndjson looks like a binary file, not text/],
      [[join(dir, 'blank.csv'), '--schema', table], /blank\.csv holds only blank lines; there is no header or data to check$/],
      [[join(dir, 'empty.ndjson'), '--schema', 'grievances/requests'], /empty\.ndjson is empty; there is no header or data to check$/],
      [[join(dir, 'truncated.csv.gz'), '--schema', table], /truncated\.csv\.gz cannot be read to the end \(.*\); the gzip file may be truncated$/],
      [[good, join(dir, 'missing.csv')], /missing\.csv does not exist; check the path$/],
      [[join(dir, 'not-a-collection.geojson'), '--schema', 'grievances/requests'], /not-a-collection\.geojson is not a GeoJSON FeatureCollection/],
      [[join(dir, 'cut.json'), '--schema', table], /cut\.json is not valid JSON at line 1 column \d+/],
      [[good, '--schema', join(dir, 'schemas')], /schema file .*schemas is a folder; give a JSON file$/],
      [[good, '--schema', join(dir, 'pk.schema.json')], /pk\.schema\.json is not a valid Table Schema: primaryKey names "nope", which is not a field$/],
      [[good, '--schema', join(dir, 'twice.schema.json')], /twice\.schema\.json is not a valid Table Schema: field "id" is declared twice$/],
      [[good, '--schema', join(dir, 'bad-type.schema.json')], /bad-type\.schema\.json is not a valid JSON Schema \(read as JSON Schema draft 2020-12, by its keywords; it has no "\$schema"\): at \/properties\/id\/type: must be equal to one of the allowed values/],
      [[good, '--schema', join(dir, 'typo.schema.json')], /typo\.schema\.json is not a valid JSON Schema \(JSON Schema draft-07, as its "\$schema" says\): unknown keyword: "minimun"$/],
      [[good, '--schema', join(dir, 'remote.schema.json')], /remote\.schema\.json has a \$ref to "https:\/\/schemas\.example\.org\/time\.json", outside the file; thane never fetches schemas \(no network, no other files\)/],
      [[good, '--schema', join(dir, 'draft4.schema.json')], /draft4\.schema\.json is a JSON Schema of draft 04 \(its "\$schema"\), which is not supported; use draft 2020-12 or draft-07$/],
      [[good, '--schema', join(dir, 'neither.schema.json')], /neither\.schema\.json is neither a Table Schema \(it has no "fields" list\) nor a JSON Schema \(it has no "\$schema", "type" or "properties"\)$/],
      [[good, '--schema', join(dir, 'not-json.schema.json')], /not-json\.schema\.json is not valid JSON/],
    ]
    const before = hashes(dir)
    for (const [args, pattern] of cases) {
      const r = await runThane(['validate', ...args])
      const what = args.join(' ')
      expect(r.code, what).toBe(2)
      expect(oneLineError(r.stderr), what).toMatch(pattern)
      expect(r.stdout, what).toBe('')
    }
    expect(hashes(dir)).toEqual(before)
  }, 120_000)

  it('bad input: an error quoting a name with a line break stays one line, the break written as \\n', async () => {
    const dir = tempDir('thane-bad-input-')
    const data = join(dir, 'r.csv')
    const schema = join(dir, 'r.schema.json')
    writeFileSync(data, 'x,y\n1,2\n')
    writeFileSync(schema, JSON.stringify({ fields: [{ name: 'x' }, { name: 'y' }], 'thane:rules': [{ rule: 'inside-area', latitude: 'la\nt', longitude: 'x' }] }))
    const r = await runThane(['validate', data, '--schema', schema])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('"latitude" names "la\\nt", which is not a field of the schema')
  })

  it('bad input: a quote never closed is a source-error on its line, after the rows before it were checked, exit 1', async () => {
    const dir = tempDir('thane-bad-input-')
    const csv = join(dir, 'quote.csv')
    writeFileSync(csv, 'id,station,pm25\n1,TMC-001,12.5\n2,TMC-002,-4\n3,"TMC-003,7\n4,TMC-004,8\n')
    writeFileSync(join(dir, 'station.schema.json'), JSON.stringify(STATION_TABLE))
    writeFileSync(join(dir, 'station.json-schema.json'), JSON.stringify(STATION_JSON))
    const before = hashes(dir)
    for (const schema of ['station.schema.json', 'station.json-schema.json']) {
      const r = await runThane(['validate', csv, '--schema', join(dir, schema), '--json'])
      expect(r.code, schema).toBe(1)
      expect(r.stderr, schema).toBe('')
      const out = JSON.parse(r.stdout) as Json
      const errors = out.reports[0]?.errors ?? []
      expect(errors.map((e) => `${e.code} ${e.row}`), schema).toEqual(['constraint-error 3', 'source-error 4'])
      expect(errors[1]?.message, schema).toMatch(/^the CSV cannot be read past this point: /)
    }
    const text = await runThane(['validate', csv, '--schema', join(dir, 'station.schema.json')])
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/source-error \(1\)\n {4}line 4: the CSV cannot be read past this point: .*; look for a quote that is opened and never closed/)
    expect(hashes(dir)).toEqual(before)
  })

  it('bad input: ragged rows are missing-cell and extra-cell on their lines, with a Table Schema and a JSON Schema alike, exit 1', async () => {
    const dir = tempDir('thane-bad-input-')
    const csv = join(dir, 'ragged.csv')
    writeFileSync(csv, 'id;station;pm25\r\n1;TMC-001;12.5\r\n2;TMC-002\r\n3;TMC-003;7;surplus;more\r\n4\r\n5;TMC-005;9\r\n')
    writeFileSync(join(dir, 'table.json'), JSON.stringify(STATION_TABLE))
    writeFileSync(join(dir, 'json-schema.json'), JSON.stringify(STATION_JSON))
    const before = hashes(dir)
    const expected: Record<string, string[]> = {
      'table.json': ['missing-cell 3 pm25', 'extra-cell 4 -', 'missing-cell 5 station', 'missing-cell 5 pm25'],
      'json-schema.json': ['missing-cell 3 pm25', 'extra-cell 4 -', 'missing-cell 5 station', 'missing-cell 5 pm25'],
    }
    for (const [schema, lines] of Object.entries(expected)) {
      const r = await runThane(['validate', csv, '--schema', join(dir, schema), '--json'])
      expect(r.code, schema).toBe(1)
      const report = (JSON.parse(r.stdout) as Json).reports[0]
      expect(report?.rows, schema).toBe(5)
      expect(report?.errors.map((e) => `${e.code} ${e.row} ${e.field ?? '-'}`), schema).toEqual(lines)
    }
    expect(hashes(dir)).toEqual(before)
  })

  it('bad input: NDJSON with lines that are not JSON exits 1 with a source-error on each, and the other lines checked', async () => {
    const dir = tempDir('thane-bad-input-')
    const file = join(dir, 'readings.ndjson')
    writeFileSync(file, ['{"id": 1, "station": "TMC-001", "pm25": 3}', '{"id": 2, "station": "TMC-002", ', 'garbage }{', '{"id": "3", "station": "Thane"}', ''].join('\n'))
    writeFileSync(join(dir, 's.json'), JSON.stringify(STATION_JSON))
    const before = hashes(dir)
    const r = await runThane(['validate', file, '--schema', join(dir, 's.json'), '--json'])
    expect(r.code).toBe(1)
    const report = (JSON.parse(r.stdout) as Json).reports[0]
    expect(report?.errors.map((e) => `${e.code} ${e.row} ${e.field ?? '-'}`)).toEqual(['source-error 2 -', 'source-error 3 -', 'type-error 4 id', 'constraint-error 4 station'])
    expect(hashes(dir)).toEqual(before)
  })

  it('bad input: a 100 MB single field is a source-error naming the cell-size limit, exit 1, no crash, memory well below the file times four', async () => {
    const dir = tempDir('thane-bad-input-')
    // 100 MB is too much to leave behind in the temporary folder.
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const csv = join(dir, 'huge-field.csv')
    const fd = openSync(csv, 'w')
    writeSync(fd, 'id,station,pm25\n1,"')
    const chunk = 'x'.repeat(1 << 20)
    for (let i = 0; i < 100; i++) writeSync(fd, chunk)
    writeSync(fd, '",3\n2,TMC-002,4\n')
    closeSync(fd)
    writeFileSync(join(dir, 'station.schema.json'), JSON.stringify(STATION_TABLE))
    // The child writes its peak resident memory here as it exits (a crash writes nothing).
    const rssFile = join(dir, 'max-rss.txt')
    const preload = join(dir, 'max-rss.mjs')
    writeFileSync(preload, `import { writeFileSync } from 'node:fs'\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))\n`)
    const before = hashes(dir)
    const r = await runThane(['validate', csv, '--schema', join(dir, 'station.schema.json'), '--json'], { nodeArgs: ['--import', pathToFileURL(preload).href] })
    // The engine's cell-size limit stops the read there: a source-error on the cell's line naming the limit.
    expect(r.code, r.stderr.slice(0, 500)).toBe(1)
    const report = (JSON.parse(r.stdout) as Json).reports[0]
    expect(report?.valid).toBe(false)
    expect(report?.errors.map((e) => `${e.code} ${e.row}`)).toEqual(['source-error 2'])
    expect(report?.errors[0]?.message).toMatch(/larger than the limit of \d+ MiB/)
    expect(r.stderr).not.toMatch(/\n\s+at |FATAL ERROR|heap out of memory/)
    const maxRssKb = Number(readFileSync(rssFile, 'utf8'))
    expect(maxRssKb).toBeLessThan(400 * 1024)
    delete before['max-rss.txt']
    const after = hashes(dir)
    delete after['max-rss.txt']
    expect(after).toEqual(before)
  }, 120_000)
})

/**
 * Tests run as root, for whom chmod 000 stops nothing. So the CLI runs as the unprivileged user
 * "nobody" (uid/gid 65534) through util-linux `setpriv --reuid=65534 --regid=65534 --clear-groups`,
 * in folders that user may enter; as any other user it runs as itself.
 */
function runAsUnprivileged(args: string[], cwd: string): Promise<RunResult> {
  const home = mkdtempSync(join(tmpdir(), 'thane-nobody-home-'))
  chmodSync(home, 0o777)
  const env = isolatedEnv({ HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'), XDG_DATA_HOME: join(home, '.local', 'share') })
  const asRoot = process.getuid?.() === 0
  const [command, ...rest] = asRoot
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, THANE_BIN, ...args]
    : [process.execPath, THANE_BIN, ...args]
  const child = spawn(command as string, rest, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  return collect(child)
}

describe('thane validate: no read permission', () => {
  it('bad input: a file, a schema and a folder the user may not read each exit 2 with one line saying so, and stay unchanged', async () => {
    if (process.getuid?.() === 0) {
      // Without setpriv this test cannot drop root; fail loudly rather than pass without checking.
      expect(spawnSync('setpriv', ['--version']).status, 'setpriv (util-linux) is needed to run as nobody').toBe(0)
    }
    const dir = tempDir('thane-bad-input-')
    chmodSync(dir, 0o755)
    const locked = join(dir, 'locked.csv')
    writeFileSync(locked, 'id,station,pm25\n1,TMC-001,3\n')
    chmodSync(locked, 0o000)
    const open = join(dir, 'open.csv')
    writeFileSync(open, 'id,station,pm25\n1,TMC-001,3\n')
    chmodSync(open, 0o644)
    const schema = join(dir, 'locked.schema.json')
    writeFileSync(schema, JSON.stringify(STATION_JSON))
    chmodSync(schema, 0o000)
    const openSchema = join(dir, 'open.schema.json')
    writeFileSync(openSchema, JSON.stringify(STATION_TABLE))
    chmodSync(openSchema, 0o644)
    const privateDir = join(dir, 'private')
    mkdirSync(privateDir, { mode: 0o700 })
    writeFileSync(join(privateDir, 'inside.csv'), 'id,station,pm25\n1,TMC-001,3\n')
    chmodSync(privateDir, 0o700)
    const before = hashes(dir)

    const control = await runAsUnprivileged(['validate', open, '--schema', openSchema], dir)
    expect(control.code, control.stderr).toBe(0)
    const cases: Array<[string[], RegExp]> = [
      [[locked, '--schema', openSchema], /locked\.csv cannot be read: permission denied; check the permissions of the file and its folders \(ls -l\), or run as a user who may read it$/],
      [[locked], /locked\.csv cannot be read: permission denied/],
      [[open, '--schema', schema], /schema .*locked\.schema\.json cannot be read: permission denied/],
      [[join(privateDir, 'inside.csv'), '--schema', openSchema], /inside\.csv cannot be read: permission denied; check the permissions of the file and its folders/],
    ]
    for (const [args, pattern] of cases) {
      const r = await runAsUnprivileged(['validate', ...args], dir)
      const what = args.join(' ')
      expect(r.code, what).toBe(2)
      expect(oneLineError(r.stderr), what).toMatch(pattern)
      expect(r.stdout, what).toBe('')
    }
    expect(hashes(dir)).toEqual(before)
  })
})

describe('thane validate --schema <JSON Schema>', () => {
  it('validate: a JSON Schema file is recognised; valid CSV and NDJSON exit 0, invalid ones exit 1 with Frictionless codes on their lines', async () => {
    const dir = tempDir('thane-bad-input-')
    const schema = join(dir, 'reading.schema.json')
    writeFileSync(schema, JSON.stringify(STATION_JSON))
    const goodCsv = join(dir, 'good.csv')
    writeFileSync(goodCsv, 'id,station,pm25,at\n1,TMC-001,3.5,2026-07-14T09:00:00+05:30\n2,TMC-002,,\n')
    const goodNd = join(dir, 'good.ndjson')
    writeFileSync(goodNd, '{"id": 1, "station": "TMC-001", "pm25": 3.5}\n{"id": 2, "station": "TMC-002", "at": "2026-07-14T09:00:00Z"}\n')
    const badCsv = join(dir, 'bad.csv')
    writeFileSync(badCsv, 'id,station,pm25,at,colour\n1,TMC-001,-3,2026-07-14,red\n"2","Thane",x,,blue\n')
    const before = hashes(dir)

    const ok = await runThane(['validate', goodCsv, goodNd, '--schema', schema])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('Valid: 2 inputs checked, 0 invalid; 0 errors, 0 warnings.')

    const bad = await runThane(['validate', badCsv, '--schema', schema, '--json'])
    expect(bad.code).toBe(1)
    const report = (JSON.parse(bad.stdout) as Json & { reports: Array<{ schemaName?: string }> }).reports[0]
    expect(report?.schemaName).toBe(schema)
    expect(report?.errors.map((e) => `${e.code} ${e.row} ${e.field}`)).toEqual([
      'extra-label 1 colour',
      'constraint-error 2 pm25',
      'constraint-error 2 at',
      'constraint-error 3 station',
      'type-error 3 pm25',
    ])
    expect(hashes(dir)).toEqual(before)
  })
})
