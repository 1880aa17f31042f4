import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readCsvRecords } from '../src/validate/csv-records.js'
import { compileField } from '../src/validate/fields.js'
import { validatePackage, validateTable, type Report, type TableSchema, type TableSchemaField } from '../src/validate/index.js'
import { KeyHasher, KeySet } from '../src/validate/keyset.js'
import { compileRowValidator } from '../src/validate/row-schema.js'
import { removeOrphanBundles } from '../src/validate/parallel.js'
import { Collector, scanTable } from '../src/validate/table.js'

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'thane-engine-'))
}
function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(tempDir(), name)
  writeFileSync(file, content)
  return file
}

/** Options that send even a small file through two worker threads, in ranges of a few rows. */
const twoThreads = (rangeBytes: number) => ({ threads: 2, parallelMinBytes: 0, rangeBytes })
const oneThread = { threads: 1 }
const brief = (r: Report) => r.errors.map((e) => `${e.code} ${e.row} ${e.field ?? ''} ${e.value ?? ''}`)

const readings: TableSchema = {
  fields: [
    { name: 'station_id', type: 'string', constraints: { required: true, pattern: '^TMC-AQ-\\d{2}$' } },
    { name: 'timestamp', type: 'datetime', format: '%Y-%m-%dT%H:%M:%S%z', constraints: { required: true } },
    { name: 'pm25', type: 'number', constraints: { minimum: 0 } },
    { name: 'note', type: 'string' },
    { name: 'aqi', type: 'integer', constraints: { minimum: 0, maximum: 500, unique: false } },
  ],
  primaryKey: ['station_id', 'timestamp'],
}

/** Readings with a problem every few rows and quoted notes spanning lines; returns the text and the line each row starts on. */
function readingsCsv(rows: number): string {
  const out = ['station_id,timestamp,pm25,note,aqi']
  for (let i = 0; i < rows; i++) {
    const station = `TMC-AQ-0${(i % 3) + 1}`
    const minute = String((Math.floor(i / 3) * 15) % 60).padStart(2, '0')
    const hour = String(Math.floor(Math.floor(i / 3) / 4) % 24).padStart(2, '0')
    let stamp = `2026-07-01T${hour}:${minute}:00+05:30`
    let pm = `${(i * 7) % 200}.5`
    let note = i % 5 === 0 ? `"line one\nline two, with ""quotes"""` : 'ok'
    let aqi = String((i * 13) % 500)
    if (i % 17 === 3) pm = '-1.0'
    if (i % 23 === 5) stamp = '2026-02-30T00:00:00+05:30'
    if (i % 29 === 7) aqi = 'lots'
    if (i % 31 === 11) note = '"a ""quoted"" note\r\nover two lines"'
    if (i % 37 === 13) stamp = out[out.length - 1]?.split(',')[1] ?? stamp // a repeated key, often
    if (i % 41 === 17) {
      out.push(`${station},${stamp}`) // a ragged row
      continue
    }
    out.push([station, stamp, pm, note, aqi].join(','))
  }
  return `${out.join('\n')}\n`
}

describe('the CSV scanner', () => {
  it('readCsvRecords: gives every record with its physical line in every dialect, quoted line breaks included', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', 'x y', 'tab\there', 'semi;colon', 'pipe|bar', 'comma,here', 'say "hi"', 'two\nlines', 'cr\r\nlf'), fc.string({ maxLength: 6 }))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        async (delimiter, eol, rows) => {
          const records = [['h1', 'h2'], ...rows].map((r) => r.map((c) => c.replace(/\r(?!\n)/g, '')))
          const quote = (c: string) => (c === '' || c.includes(delimiter) || /["\r\n]/.test(c) || c.trim() !== c ? `"${c.replaceAll('"', '""')}"` : c)
          const text = records.map((r) => r.map(quote).join(delimiter)).join(eol) + eol
          const got: Array<[number, string[]]> = []
          await readCsvRecords({ text, file: 'x.csv', dialect: { delimiter } }, (record, line) => got.push([line, record]))
          let line = 1
          const want: Array<[number, string[]]> = records.map((r) => {
            const at = line
            line += 1 + r.join('').split('\n').length - 1
            return [at, r]
          })
          expect(got).toEqual(want)
        },
      ),
      { seed: 20260714, numRuns: 150 },
    )
  })

  it('readCsvRecords: a stray quote inside a cell is kept, text after a closing quote too', async () => {
    const got: string[][] = []
    await readCsvRecords({ text: 'a,b\n5" pipe,"x"y\n', file: 'x.csv' }, (r) => got.push(r))
    expect(got).toEqual([['a', 'b'], ['5" pipe', 'x"y']])
  })
})

describe('row checks compile to ajv and agree with the explainer', () => {
  const fields: TableSchemaField[] = [
    { name: 'i', type: 'integer', constraints: { minimum: -5, maximum: 120 } },
    { name: 'n', type: 'number', constraints: { minimum: 0 } },
    { name: 'g', type: 'number', decimalChar: ',', groupChar: '.', constraints: { maximum: 1000 } },
    { name: 'dt', type: 'datetime', format: '%Y-%m-%dT%H:%M:%S%z', constraints: { minimum: '2026-01-01T00:00:00Z' } },
    { name: 'dto', type: 'datetime' },
    { name: 'd', type: 'date', constraints: { maximum: '2026-12-31' } },
    { name: 's', type: 'string', constraints: { pattern: '[A-Z]{2}-\\d+', minLength: 4, maxLength: 8 } },
    { name: 'e', type: 'string', constraints: { enum: ['open', 'closed'], required: true } },
    { name: 'ie', type: 'integer', constraints: { enum: [1, 2, 3] } },
    { name: 'b', type: 'boolean' },
    { name: 'y', type: 'year' },
    { name: 'ym', type: 'yearmonth' },
    { name: 't', type: 'time' },
    { name: 'gp', type: 'geopoint' },
    { name: 'u', type: 'string', format: 'uuid' },
    { name: 'm', type: 'string', missingValues: ['', 'NA'], constraints: { required: true } },
  ]
  const cellText = fc.oneof(
    fc.constantFrom('', 'NA', '0', '-0', '+7', '120', '121', '-6', '1e3', '1.5', '.5', '5.', 'NaN', 'INF', '-INF', '1.000,5', '12,5', 'true', 'FALSE', '1', '2026', '2026-07', '2026-13',
      '2026-07-14', '2026-02-29', '2027-01-01', '2026-07-14T09:30:00+05:30', '2025-12-31T23:59:59Z', '2026-07-14T09:30:00', '2026-07-14T24:00:00Z', '09:30:00', '25:00:00',
      '72.97, 19.19', '200, 1', 'AB-12', 'AB-123456', 'ab-12', 'open', 'closed', 'Open', '123e4567-e89b-12d3-a456-426614174000', ' 1', '１２'),
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[+-]?\d{0,4}(\.\d{0,3})?([eE][+-]?\d{1,2})?$/),
  )
  for (const field of fields) {
    it(`compileRowValidator: a "${field.name}" cell (${field.type ?? 'string'}) passes ajv exactly when the explainer finds nothing`, () => {
      const validate = compileRowValidator([field], [0], 1, [''], [field.constraints?.required === true])
      const explain = compileField(field)
      const missing = field.missingValues ?? ['']
      fc.assert(
        fc.property(cellText, (cell) => {
          const explained = missing.includes(cell) ? !explain.required : explain.check(cell).ok
          expect(validate([cell]), JSON.stringify(cell)).toBe(explained)
        }),
        { seed: 7, numRuns: 400 },
      )
    })
  }
})

describe('worker threads over byte ranges', () => {
  it('validateTable: threads 1 and 2 give the same report, lines right across range boundaries inside quoted line breaks', async () => {
    const file = tempFile('readings.csv', readingsCsv(400))
    const one = await validateTable({ path: file, schema: readings, ...oneThread })
    for (const rangeBytes of [37, 256, 4096]) {
      const two = await validateTable({ path: file, schema: readings, ...twoThreads(rangeBytes) })
      expect(two).toEqual(one)
    }
    expect(one.rows).toBe(400)
    expect(Object.keys(one.counts).sort()).toEqual(['constraint-error', 'missing-cell', 'primary-key', 'type-error'])
    // Row i starts on line 2 + i + (quoted line breaks before it): check one after many breaks.
    const text = readingsCsv(400).split('\n')
    const firstBad = one.errors.find((e) => e.code === 'constraint-error' && e.field === 'pm25')
    expect(firstBad?.row).toBe(text.findIndex((l) => l.includes(',-1.0,')) + 1)
    const lastPrimary = one.errors.filter((e) => e.code === 'primary-key').at(-1)
    expect(lastPrimary?.value).toMatch(/^TMC-AQ-0\d, 2026-07-\d\dT\d\d:\d\d:00\+05:30$/)
  })

  it('validateTable: maxErrors with threads keeps the first problems in file order and counts them all', async () => {
    const file = tempFile('readings.csv', readingsCsv(300))
    const all = await validateTable({ path: file, schema: readings, ...oneThread })
    const few = await validateTable({ path: file, schema: readings, maxErrors: 7, ...twoThreads(300) })
    expect(few.errors).toEqual(all.errors.slice(0, 7))
    expect(few.counts).toEqual(all.counts)
    expect(few.severities).toEqual(all.severities)
    expect(few.truncated).toBe(true)
  })

  it('validatePackage: foreign keys, unique and primary keys give the same report with threads 1 and 2', async () => {
    const dir = tempDir()
    const stations = ['id,name', ...Array.from({ length: 40 }, (_, i) => `S${i},"Station ${i}\nsecond line"`), 'S7,again'].join('\n')
    const obs = ['station,at,value', ...Array.from({ length: 500 }, (_, i) => `${i % 53 === 0 ? 'S99' : `S${i % 40}`},${1000 + i - (i % 97 === 0 ? 1 : 0)},${i}`)].join('\n')
    writeFileSync(join(dir, 'stations.csv'), `${stations}\n`)
    writeFileSync(join(dir, 'obs.csv'), `${obs}\n`)
    writeFileSync(
      join(dir, 'datapackage.json'),
      JSON.stringify({
        resources: [
          { name: 'stations', path: 'stations.csv', schema: { fields: [{ name: 'id', type: 'string' }, { name: 'name' }], primaryKey: 'id' } },
          {
            name: 'obs',
            path: 'obs.csv',
            schema: {
              fields: [{ name: 'station', type: 'string' }, { name: 'at', type: 'integer', constraints: { unique: true } }, { name: 'value', type: 'number' }],
              foreignKeys: [{ fields: 'station', reference: { resource: 'stations', fields: 'id' } }],
            },
          },
        ],
      }),
    )
    const one = await validatePackage(join(dir, 'datapackage.json'), { threads: 1 })
    expect(one.counts).toEqual({ 'primary-key': 1, 'foreign-key': 10, 'unique-error': 5 })
    expect(one.errors.find((e) => e.code === 'primary-key')).toMatchObject({ row: 82, value: 'S7' })
    expect(one.errors.find((e) => e.code === 'foreign-key')).toMatchObject({ row: 2, value: 'S99', resource: 'obs' })
    // Worker ranges of 64 bytes: validatePackage passes threads; the range size is forced through scanTable below.
    for (const resource of ['stations', 'obs']) {
      const collector1 = new Collector(1000)
      const collector2 = new Collector(1000)
      const schema = resource === 'stations' ? { fields: [{ name: 'id' }, { name: 'name' }], primaryKey: 'id' } : { fields: [{ name: 'station' }, { name: 'at', type: 'integer', constraints: { unique: true } }] }
      const file = join(dir, `${resource}.csv`)
      await scanTable({ path: file, file, schema, collector: collector1, threads: 1 })
      await scanTable({ path: file, file, schema, collector: collector2, ...twoThreads(64) })
      expect(collector2.errors).toEqual(collector1.errors)
    }
  })

  it('validateTable: gzip, UTF-16 and small files stay on one thread and give the same report', async () => {
    const text = readingsCsv(60)
    const plain = await validateTable({ text, schema: readings })
    const gz = await validateTable({ path: tempFile('r.csv.gz', gzipSync(text)), schema: readings, ...twoThreads(50) })
    const utf16 = await validateTable({ path: tempFile('r.csv', Buffer.from(`\uFEFF${text}`, 'utf16le')), schema: readings, ...twoThreads(50) })
    const file = tempFile('r.csv', text)
    const two = await validateTable({ path: file, schema: readings, ...twoThreads(50) })
    for (const r of [gz, utf16, two]) expect(brief(r)).toEqual(brief(plain))
  })

  it('validateTable (built SDK): worker threads start under Node options a worker refuses or cannot use (`node -e`, V8 and process-wide flags)', () => {
    const file = tempFile('readings.csv', readingsCsv(200))
    const sdk = new URL('../dist/validate/index.js', import.meta.url).href
    const script = `import { validateTable } from ${JSON.stringify(sdk)}
const schema = ${JSON.stringify(readings)}
const two = await validateTable({ path: ${JSON.stringify(file)}, schema, threads: 2, parallelMinBytes: 0, rangeBytes: 512 })
const one = await validateTable({ path: ${JSON.stringify(file)}, schema, threads: 1 })
console.log(JSON.stringify({ rows: two.rows, same: JSON.stringify(two) === JSON.stringify(one) }))`
    // --input-type would stop a worker from loading its file; the others make new Worker() throw.
    for (const options of [[], ['--max-old-space-size=512'], ['--v8-pool-size=1', '--enable-source-maps']]) {
      const run = spawnSync(process.execPath, [...options, '--input-type=module', '-e', script], { encoding: 'utf8' })
      expect(run.stderr, options.join(' ')).toBe('')
      expect(JSON.parse(run.stdout)).toEqual({ rows: 200, same: true })
    }
  })

  it('workerScript (tests run from sources): bundles left by processes that are gone are removed, others kept', () => {
    // A process that has exited: its pid is free (until the system reuses it, which a test this
    // short does not see).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const orphan = join(tmpdir(), `thane-table-worker-${gone.stdout}-1.mjs`)
    const mine = join(tmpdir(), `thane-table-worker-${process.pid}-1.mjs`)
    // The test runner's own process is alive: a bundle of its is kept.
    const living = join(tmpdir(), `thane-table-worker-${process.ppid}-1.mjs`)
    const other = join(tmpdir(), `thane-table-worker-${gone.stdout}-1.mjs.keep`)
    const files = [orphan, mine, living, other]
    for (const f of files) writeFileSync(f, '// bundle\n')
    try {
      removeOrphanBundles()
      expect(files.map((f) => existsSync(f))).toEqual([false, true, true, true])
    } finally {
      for (const f of files) rmSync(f, { force: true })
    }
  })

  it('scanTable: a worker that crashes is one clear error, and no worker is left running', async () => {
    const file = tempFile('readings.csv', readingsCsv(200))
    const crash = tempFile('crash.mjs', "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => { throw new Error('boom in the worker') })\n")
    const quits = tempFile('quit.mjs', "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => process.exit(3))\n")
    for (const [script, message] of [
      [crash, /a validation worker thread failed \(boom in the worker\); run again with one thread/],
      [quits, /a validation worker thread failed \(it exited with code 3\)/],
    ] as const) {
      const collector = new Collector(100)
      await expect(scanTable({ path: file, file, schema: readings, collector, ...twoThreads(100), workerScript: script })).rejects.toThrow(message)
    }
    // The same file still validates after that (workers were terminated, nothing is stuck).
    const ok = await validateTable({ path: file, schema: readings, ...twoThreads(100) })
    expect(ok.rows).toBe(200)
  })

  it('scanTable: the main thread checks ranges itself, so a file of one range starts no worker at all', async () => {
    const text = readingsCsv(120)
    const file = tempFile('readings.csv', text)
    // A worker script that fails on any range: a whole-file range must never reach it.
    const crash = tempFile('crash.mjs', "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => { throw new Error('boom in the worker') })\n")
    const collector = new Collector(1000)
    const rows = await scanTable({ path: file, file, schema: readings, collector, ...twoThreads(text.length * 2), workerScript: crash })
    const one = await validateTable({ path: file, schema: readings, ...oneThread })
    expect(rows).toBe(120)
    expect(collector.errors).toEqual(one.errors)
  })
})

describe('limits and progress', () => {
  it('validateTable: a cell over maxCellBytes stops with one source-error naming its line and the limit', async () => {
    const big = 'x'.repeat(5000)
    const text = `id,text\n1,short\n2,"${big}"\n3,after\n`
    const file = tempFile('big.csv', text)
    for (const options of [oneThread, twoThreads(16)]) {
      const report = await validateTable({ path: file, schema: { fields: [{ name: 'id', type: 'integer' }, { name: 'text' }] }, maxCellBytes: 1024, ...options })
      expect(report.errors).toHaveLength(1)
      expect(report.errors[0]).toMatchObject({ code: 'source-error', row: 3 })
      expect(report.errors[0]?.message).toBe('the CSV cannot be read past this point: a cell starting on line 3 is larger than the limit of 1024 bytes (a quote opened there may never close)')
      expect(report.rows).toBe(1)
    }
  })

  it('validateTable: a quote never closed on a large file stops at the limit with bounded memory', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},value ${i}`)
    rows.splice(10, 0, '10,"opened and never closed')
    const file = tempFile('open.csv', `id,text\n${rows.join('\n')}\n`)
    for (const options of [oneThread, twoThreads(4096)]) {
      const report = await validateTable({ path: file, schema: { fields: [{ name: 'id', type: 'integer' }, { name: 'text' }] }, maxCellBytes: 64 * 1024, ...options })
      expect(report.errors.map((e) => `${e.code} ${e.row}`)).toEqual(['source-error 12'])
      expect(report.errors[0]?.message).toMatch(/a cell starting on line 12 is larger than the limit of 65536 bytes/)
      expect(report.rows).toBe(10)
    }
  })

  it('validateTable: onProgress reports bytes of the file, rising, and ends with the whole size', async () => {
    const text = readingsCsv(500)
    for (const [file, options] of [
      [tempFile('p.csv', text), oneThread],
      [tempFile('p.csv', text), twoThreads(512)],
      [tempFile('p.csv.gz', gzipSync(text)), oneThread],
    ] as const) {
      const calls: Array<[number, number]> = []
      await validateTable({ path: file, schema: readings, onProgress: (done, total) => calls.push([done, total]), ...options })
      const size = statSync(file).size
      expect(calls.at(-1)).toEqual([size, size])
      expect(calls.every(([done, total], i) => total === size && done <= size && (i === 0 || done >= (calls[i - 1] as [number, number])[0]))).toBe(true)
    }
  })
})

describe('the fast path keeps exact results', () => {
  it('readCsvRecords: with reuseRecords, copies of the records equal fresh records, ragged and quoted rows included', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', 'x,y', 'say "hi"', 'two\nlines'), fc.string({ maxLength: 5 }))
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        const quote = (c: string) => (c === '' || /[,"\r\n]/.test(c) || c.trim() !== c ? `"${c.replaceAll('"', '""')}"` : c)
        const text = `${[['h1', 'h2'], ...rows].map((r) => r.map(quote).join(',')).join('\n')}\n`
        const fresh: Array<[number, string[]]> = []
        const reused: Array<[number, string[]]> = []
        await readCsvRecords({ text, file: 'x.csv' }, (record, line) => fresh.push([line, record]))
        await readCsvRecords({ text, file: 'x.csv' }, (record, line) => reused.push([line, [...record]]), { reuseRecords: true })
        expect(reused).toEqual(fresh)
      }),
      { seed: 20261127, numRuns: 150 },
    )
  })

  it('KeySet: agrees with a Set of the same 64-bit keys through growth, at any capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { maxLength: 600 }), (capacity, keys) => {
        const set = new KeySet(capacity)
        const seen = new Set<string>()
        for (const [a, b] of keys) {
          // Spread the small integers over all 32 bits, as hashes are.
          const hi = Math.imul(a, 0x9e3779b1) >>> 0
          const lo = Math.imul(b + 1, 0x85ebca6b) >>> 0
          const id = `${hi}:${lo}`
          expect(set.has(hi, lo)).toBe(seen.has(id))
          expect(set.add(hi, lo)).toBe(seen.has(id))
          seen.add(id)
        }
        expect(set.size).toBe(seen.size)
      }),
      { seed: 11, numRuns: 200 },
    )
  })

  it('KeySet.addRun: stops at the first key already there, skips (0, 0), and leaves the set as add would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { maxLength: 600 }), (capacity, keys) => {
        // Key (0, 0) stands for a row without a key; the others are spread over all 32 bits.
        const words = new Uint32Array(keys.flatMap(([a, b]) => (a === 0 && b === 0 ? [0, 0] : [Math.imul(a, 0x9e3779b1) >>> 0, Math.imul(b + 1, 0x85ebca6b) >>> 0])))
        const byRun = new KeySet(capacity)
        const byAdd = new KeySet(capacity)
        const repeats: number[] = []
        const wanted: number[] = []
        for (let r = 0; r < keys.length; r++) {
          if ((words[2 * r] === 0 && words[2 * r + 1] === 0) || !byAdd.add(words[2 * r] as number, words[2 * r + 1] as number)) continue
          wanted.push(r)
        }
        for (let r = byRun.addRun(words, 0, keys.length); r < keys.length; r = byRun.addRun(words, r + 1, keys.length)) repeats.push(r)
        expect(repeats).toEqual(wanted)
        expect(byRun.size).toBe(byAdd.size)
      }),
      { seed: 12, numRuns: 200 },
    )
  })

  it('KeyHasher: strings that differ anywhere, or only in length, hash apart', () => {
    const hash = (parts: string[]) => {
      const h = new KeyHasher()
      h.start()
      for (const p of parts) h.string(p)
      return `${h.hi}:${h.lo}`
    }
    const texts = ['', 'a', 'a\0', 'ab', 'ba', 'abc', 'abd', 'TMC-AQ-01', 'TMC-AQ-10', '😀', '😀x']
    expect(new Set(texts.map((t) => hash([t]))).size).toBe(texts.length)
    expect(hash(['ab', 'c'])).not.toBe(hash(['a', 'bc']))
    expect(hash(['TMC-AQ-01'])).toBe(hash(['TMC-AQ-01']))
  })

  it('validateTable: keys read the values the row validator parsed, equal to the explainer\'s', async () => {
    // Equal numbers written differently are one key; a row the validator rejects still takes part
    // in the key through the explainer; threads 1 and 2 agree.
    const schema: TableSchema = {
      fields: [
        { name: 'at', type: 'datetime' },
        { name: 'n', type: 'number' },
        { name: 'k', type: 'integer', constraints: { maximum: 10 } },
      ],
      primaryKey: ['at', 'n'],
    }
    const rows = [
      '2026-07-01T00:00:00Z,1.5,1',
      '2026-07-01T05:30:00+05:30,1.50,2', // the same instant and number: a repeated key
      '2026-07-01T00:00:00Z,+1.5,99', // the same key again, in a row with another error
      '2026-07-01T00:00:00Z,INF,3',
      '2026-07-01T00:00:00Z,INF,4', // INF twice
      '2026-07-01T00:00:01Z,1.5,5',
    ]
    const file = tempFile('keys.csv', `at,n,k\n${rows.join('\n')}\n`)
    const one = await validateTable({ path: file, schema, ...oneThread })
    // (A repeated key is shown as this row writes it, though it matched an earlier row written otherwise.)
    expect(brief(one)).toEqual([
      'primary-key 3 at, n 2026-07-01T05:30:00+05:30, 1.50',
      'constraint-error 4 k 99',
      'primary-key 4 at, n 2026-07-01T00:00:00Z, +1.5',
      'primary-key 6 at, n 2026-07-01T00:00:00Z, INF',
    ])
    expect(await validateTable({ path: file, schema, ...twoThreads(40) })).toEqual(one)
  })
})
