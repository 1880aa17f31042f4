import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { parse as parseSync } from 'csv-parse/sync'
import { readCsvRecords } from './csv-records.js'
import { KeySet } from './keyset.js'
import { scanParallel, shouldScanInParallel } from './parallel.js'
import { compileRules, type Profile, type TableRule } from './rules/index.js'
import { checkTableSchema } from './schema.js'
import { inspectFile, readText, sniffDelimiter } from './source.js'
import { RowPass, TableMerger, cutValue, keySpecsOf, ruleFindingDraft, type Draft, type TablePlanInput } from './table-engine.js'
import type { Dialect, ErrorCode, Report, Severity, TableSchema, TableSummary, ValidationError } from './types.js'

/** Options of `validateTable`. Give `path` or `text`. */
export interface ValidateTableOptions {
  /** A CSV file: plain or gzip, UTF-8 (with or without BOM), UTF-16 with BOM, or `encoding`. */
  path?: string
  /** The CSV itself, as a string. */
  text?: string
  schema: TableSchema
  /** Anything not given is sniffed from the header line. */
  dialect?: Dialect
  /** Force the encoding: utf-8, utf-16le, utf-16be, windows-1252. Default: sniffed (UTF-8 unless a BOM says UTF-16). */
  encoding?: string
  /** How many problems to keep in `errors` (the counts still count all). Default 1000. */
  maxErrors?: number
  /** A name for the schema, copied to the report. */
  schemaName?: string
  /** Rule packs: `publish` also reports personal data as errors. Default `default`. */
  profile?: Profile
  /** A cell larger than this stops the read with a source-error (characters of decoded text, a byte each for ASCII). Default 32 MiB. */
  maxCellBytes?: number
  /** Called with bytes read and the file's size (compressed bytes for gzip), about 10 times a second at most and once at the end. */
  onProgress?: (done: number, total: number) => void
  /** Threads that check a large plain file, this one included: n starts n - 1 workers (1 = this thread only). Default `os.availableParallelism()`. */
  threads?: number
  /** Files smaller than this are streamed on one thread instead of read in byte ranges. Default 16 MiB (tests lower it). */
  parallelMinBytes?: number
  /** Bytes a worker reads at a time. Default 4 MiB. */
  rangeBytes?: number
}

export const DEFAULT_MAX_ERRORS = 1000

/** Keeps the first `max` problems and counts every one. */
export class Collector {
  readonly errors: ValidationError[] = []
  readonly counts: Partial<Record<ErrorCode, number>> = {}
  readonly severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  truncated = false
  constructor(readonly max: number) {}

  /** Counts the problem and keeps it when there is room; returns it when kept. */
  add(e: ValidationError): ValidationError | undefined {
    this.counts[e.code] = (this.counts[e.code] ?? 0) + 1
    this.severities[e.severity]++
    if (this.errors.length < this.max) {
      this.errors.push(e)
      return e
    }
    this.truncated = true
    return undefined
  }

  /** Counts problems found but not kept (a worker keeps only the first `max` of its range). */
  addUncounted(code: ErrorCode, severity: Severity, n: number): void {
    if (n <= 0) return
    this.counts[code] = (this.counts[code] ?? 0) + n
    this.severities[severity] += n
    this.truncated = true
  }

  /** True when no more problems can be kept. */
  get full(): boolean {
    return this.errors.length >= this.max
  }

  report(source: string, rows: number, tables: TableSummary[], schemaName?: string): Report {
    return {
      valid: this.severities.error === 0,
      source,
      ...(schemaName !== undefined ? { schemaName } : {}),
      rows,
      counts: this.counts,
      severities: this.severities,
      errors: this.errors,
      truncated: this.truncated,
      tables,
    }
  }
}

/** A set of keys to fill while a table is read (the target of someone's foreign key). */
export interface KeyRequest {
  fields: string[]
  keys: KeySet
}

/** A foreign key to check while a table is read, against keys already collected. */
export interface KeyCheck {
  fields: string[]
  keys: KeySet
  /** The referenced resource's name. */
  resource: string
  /** How to name the referenced table in messages. */
  target: string
  targetFields: string[]
}

export interface ScanOptions {
  path?: string
  text?: string
  schema: TableSchema
  dialect?: Dialect
  encoding?: string
  collector: Collector
  /** How files and resources are named in errors. */
  file: string
  resource?: string
  collect?: KeyRequest[]
  foreignKeys?: KeyCheck[]
  /** As in `ValidateTableOptions`. */
  profile?: Profile
  maxCellBytes?: number
  onProgress?: (done: number, total: number) => void
  threads?: number
  parallelMinBytes?: number
  rangeBytes?: number
  /** @internal Another worker script (tests of crash handling). */
  workerScript?: string
}

/**
 * The data rows a plain file holds, estimated from the line breaks in its first 64 KiB after
 * `from` (0 for a gzip file or an empty sample). Sizes the key sets, so they never double.
 */
export function estimateRows(path: string, from: number): number {
  let size = 0
  let sample: Buffer
  try {
    const fd = openSync(path, 'r')
    try {
      size = fstatSync(fd).size
      sample = Buffer.alloc(Math.max(0, Math.min(65_536, size - from)))
      readSync(fd, sample, 0, sample.length, from)
    } finally {
      closeSync(fd)
    }
  } catch {
    return 0 // unreadable: the read that follows reports it
  }
  if (sample.length === 0 || (from === 0 && sample[0] === 0x1f && sample[1] === 0x8b)) return 0
  let breaks = 0
  for (let at = sample.indexOf(10); at !== -1; at = sample.indexOf(10, at + 1)) breaks++
  return breaks > 0 ? Math.ceil(((size - from) * breaks) / sample.length) : 0
}

/** Key sets are sized up front for at most this many keys (64 MB); beyond it they grow as needed. */
const MAX_PRESIZED_KEYS = 6_000_000

/** How a scan reports: adds the file and resource to each draft. */
export type AddDraft = (e: Omit<Draft, 'severity'> & { severity?: Severity }) => ValidationError | undefined

/** The parts of a scan both the one-thread and the worker paths share: header, plan, merger, rules. */
export interface ScanSetup {
  add: AddDraft
  merger: TableMerger
  plan: TablePlanInput
  tableRules: TableRule[]
}

/**
 * Checks the header (or takes the schema's order when there is none) and builds the plan, the key
 * sets and the merger. `labels` is undefined for a file without a header row; `expectedRows`, an
 * estimate of the data rows, sizes the key sets.
 */
export function setUpScan(o: ScanOptions, labels: string[] | undefined, delimiter: string, add: AddDraft, expectedRows = 0): ScanSetup {
  const schema = o.schema
  const columns = labels ? checkHeader(labels, schema, add) : schema.fields.map((_, i) => i)
  const width = labels ? labels.length : schema.fields.length
  let merger: TableMerger | undefined
  const { tableRules } = compileRules(schema, {
    schema,
    profile: o.profile ?? 'default',
    report: (finding) => {
      add(ruleFindingDraft(finding, merger?.currentLine ?? 0))
    },
  })
  const collect = o.collect ?? []
  const foreign = o.foreignKeys ?? []
  const keys = keySpecsOf(schema, collect, foreign)
  const sets = keys.map((k) => {
    if (k.kind === 'collect') return (collect[keys.filter((x) => x.kind === 'collect').indexOf(k)] as KeyRequest).keys
    if (k.kind === 'foreign') return (foreign[keys.filter((x) => x.kind === 'foreign').indexOf(k)] as KeyCheck).keys
    // Sized for the rows expected (when known), so a large file's set never doubles: doubling
    // holds the old and the new table at once (96 MB at 5 million keys instead of 64).
    return new KeySet(Math.ceil((Math.min(expectedRows, MAX_PRESIZED_KEYS) * 4) / 3))
  })
  const index = new Map(schema.fields.map((f, i) => [f.name, i]))
  const ruleFields = [...new Set(tableRules.flatMap((r) => r.fields.map((n) => index.get(n) ?? -1)))].filter((i) => i >= 0)
  const plan: TablePlanInput = { schema, columns, width, delimiter, profile: o.profile ?? 'default', keys, ruleFields }
  merger = new TableMerger(schema, columns, keys, sets, (d) => add(d), tableRules, ruleFields)
  return { add, merger, plan, tableRules }
}

/**
 * Reads one table and reports into `collector`. Returns the number of data rows. Throws a
 * `SourceError` when the input cannot be read at all. A large plain file is read in byte ranges,
 * by worker threads when there are several (see parallel.ts); the report is the same either way.
 */
export async function scanTable(o: ScanOptions): Promise<number> {
  const out = o.collector
  const base = { file: o.file, ...(o.resource !== undefined ? { resource: o.resource } : {}) }
  const add: AddDraft = (e) => out.add({ severity: 'error', ...base, ...e } as ValidationError)
  const threads = o.threads ?? availableParallelism()
  // A large plain file is read in byte ranges (byte-rows.ts), on one thread too.
  if (o.path !== undefined && threads >= 1) {
    const decision = await shouldScanInParallel(o.path, o.encoding, o.parallelMinBytes)
    if (decision) {
      const rows = await scanParallel(o, decision, threads, add, o.workerScript)
      if (rows !== undefined) return rows
    }
  }

  const header = o.dialect?.header !== false
  const expectedRows = o.path !== undefined ? estimateRows(o.path, 0) : 0
  let setup: ScanSetup | undefined
  let pass: RowPass | undefined
  const describeOut = {
    error: (e: Draft) => {
      add(e)
    },
    row: (line: number, hashes: Uint32Array, values: Array<string | number | undefined>, p: RowPass) => {
      setup?.merger.row(line, hashes, 0, values, p)
    },
  }
  const info = await readCsvRecords(
    { ...(o.path !== undefined ? { path: o.path } : { text: o.text ?? '' }), ...(o.dialect ? { dialect: o.dialect } : {}), ...(o.encoding ? { encoding: o.encoding } : {}), file: o.file },
    (record, at, csv) => {
      if (!pass) {
        setup = setUpScan(o, header ? record : undefined, csv.delimiter, add, expectedRows)
        pass = new RowPass(setup.plan, describeOut)
        if (header) return
      }
      pass.badBytes = csv.badBytes
      pass.row(record, at)
    },
    { reuseRecords: true, ...(o.maxCellBytes !== undefined ? { maxCellBytes: o.maxCellBytes } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) },
  )
  if (info.broken) {
    add(brokenDraft(info.broken))
  } else if (!pass && header) {
    add({ code: 'source-error', message: 'the file has no header row', hint: 'write the field names on the first line' })
  }
  for (const rule of setup?.tableRules ?? []) rule.end()
  return pass?.rows ?? 0
}

/** The source-error of a scan that stopped early. */
export function brokenDraft(broken: { line?: number; message: string }): Omit<Draft, 'severity'> {
  return {
    code: 'source-error',
    ...(broken.line ? { row: broken.line } : {}),
    message: `the CSV cannot be read past this point: ${broken.message}`,
    hint: broken.message.includes('larger than the limit') ? 'look for a quote that is opened and never closed, or raise maxCellBytes for a cell this large' : 'look for a quote that is opened and never closed',
  }
}

/** Checks the labels and maps each schema field to its column by name (-1 when absent). */
function checkHeader(labels: string[], schema: TableSchema, add: AddDraft): number[] {
  const position = new Map<string, number>()
  labels.forEach((raw, i) => {
    const label = raw.trim()
    if (label === '') {
      add({ code: 'blank-label', row: 1, fieldNumber: i + 1, message: `column ${i + 1} has no label`, hint: 'write the field name in the header' })
      return
    }
    if (position.has(label)) {
      add({ code: 'duplicate-label', row: 1, field: label, fieldNumber: i + 1, value: cutValue(label), message: `the label "${label}" appears twice in the header (columns ${(position.get(label) ?? 0) + 1} and ${i + 1})`, hint: 'rename or remove one of the two columns' })
      return
    }
    position.set(label, i)
  })
  const names = new Set(schema.fields.map((f) => f.name))
  for (const [label, i] of position) {
    if (!names.has(label)) {
      add({ code: 'extra-label', severity: 'warning', row: 1, field: label, fieldNumber: i + 1, value: cutValue(label), message: `the column "${label}" is not in the schema; its cells are not checked`, hint: 'remove the column, or add the field to the schema' })
    }
  }
  return schema.fields.map((f) => {
    const i = position.get(f.name)
    if (i === undefined) {
      add({ code: 'missing-label', row: 1, field: f.name, message: `the header has no column "${f.name}"`, hint: `add a "${f.name}" column (its name must match the schema exactly)` })
      return -1
    }
    return i
  })
}

/**
 * Validates one CSV table against a Frictionless Table Schema, streaming, so the file can be larger
 * than memory (keys of unique and primary-key fields are kept as 64-bit hashes, 8 bytes each).
 * Rows are checked by one ajv-compiled row schema; a large plain file is read by worker threads
 * (`threads`), with the same report as on one thread.
 *
 * Row numbers are physical lines: the header is line 1, and a record whose quoted cell spans lines
 * moves the next record's number by as many lines.
 *
 * @example
 * import { validateTable } from '@thanekit/sdk/validate'
 * const report = await validateTable({ path: 'requests.csv', schema })
 * if (!report.valid) console.log(report.counts)
 */
export async function validateTable(options: ValidateTableOptions): Promise<Report> {
  const schema = checkTableSchema(options.schema, options.schemaName ? `schema ${options.schemaName}` : 'the schema')
  const collector = new Collector(options.maxErrors ?? DEFAULT_MAX_ERRORS)
  const file = options.path ?? '<text>'
  const rows = await scanTable({
    ...(options.path !== undefined ? { path: options.path } : { text: options.text ?? '' }),
    schema,
    ...(options.dialect ? { dialect: options.dialect } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.maxCellBytes !== undefined ? { maxCellBytes: options.maxCellBytes } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.parallelMinBytes !== undefined ? { parallelMinBytes: options.parallelMinBytes } : {}),
    ...(options.rangeBytes !== undefined ? { rangeBytes: options.rangeBytes } : {}),
    collector,
    file,
  })
  return collector.report(file, rows, [{ file, rows, valid: collector.severities.error === 0 }], options.schemaName)
}

/** The labels of a CSV file's header line (for choosing a schema by them). */
export async function readHeader(path: string, options: { encoding?: string } = {}): Promise<string[]> {
  const info = await inspectFile(path, options.encoding)
  let head = ''
  for await (const chunk of readText(path, info, () => undefined)) {
    head += chunk
    if (/[\r\n]/.test(head) || head.length > 65_536) break
  }
  const first = head.split(/\r?\n|\r/, 1)[0] ?? ''
  const delimiter = sniffDelimiter(first)
  const records = parseSync(first, { delimiter, relax_quotes: true, relax_column_count: true, to_line: 1 }) as string[][]
  return (records[0] ?? []).map((l) => l.trim())
}
