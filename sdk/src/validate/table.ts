import { parse as parseSync } from 'csv-parse/sync'
import { readCsvRecords, type CsvInfo } from './csv-records.js'
import { compileField, type FieldCheck } from './fields.js'
import { asList, checkTableSchema } from './schema.js'
import { inspectFile, readText, sniffDelimiter } from './source.js'
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
}

export const DEFAULT_MAX_ERRORS = 1000

/** Keeps the first `max` problems and counts every one. */
export class Collector {
  readonly errors: ValidationError[] = []
  readonly counts: Partial<Record<ErrorCode, number>> = {}
  readonly severities: Record<Severity, number> = { error: 0, warning: 0, info: 0 }
  truncated = false
  constructor(private readonly max: number) {}

  add(e: ValidationError): void {
    this.counts[e.code] = (this.counts[e.code] ?? 0) + 1
    this.severities[e.severity]++
    if (this.errors.length < this.max) this.errors.push(e)
    else this.truncated = true
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
  keys: Set<string>
}

/** A foreign key to check while a table is read, against keys already collected. */
export interface KeyCheck {
  fields: string[]
  keys: Set<string>
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
}

const SEP = '\u001f'

function cutValue(value: string): string {
  return value.length > 60 ? `${value.slice(0, 59)}…` : value
}

/**
 * Reads one table and reports into `collector`. Returns the number of data rows. Throws a
 * `SourceError` when the input cannot be read at all.
 */
export async function scanTable(o: ScanOptions): Promise<number> {
  const out = o.collector
  const base = { file: o.file, ...(o.resource !== undefined ? { resource: o.resource } : {}) }
  const add = (e: Omit<ValidationError, 'file' | 'resource' | 'severity'> & { severity?: Severity }) =>
    out.add({ severity: 'error', ...base, ...e } as ValidationError)

  const schema = o.schema
  const fields: FieldCheck[] = schema.fields.map(compileField)
  const schemaMissing = schema.missingValues ?? ['']
  const missingOf = schema.fields.map((f) => new Set(f.missingValues ?? schemaMissing))
  const pk = asList(schema.primaryKey)
  const pkSet = new Set(pk)
  const required = fields.map((f) => f.required || pkSet.has(f.name))
  const uniques = fields.map((f) => (f.unique ? new Set<string>() : undefined))
  const pkKeys = pk.length ? new Set<string>() : undefined
  const nameIndex = new Map(schema.fields.map((f, i) => [f.name, i]))
  const indexes = (names: string[]) => names.map((n) => nameIndex.get(n) ?? -1)
  const pkIdx = indexes(pk)
  const collect = (o.collect ?? []).map((r) => ({ idx: indexes(r.fields), keys: r.keys }))
  const fks = (o.foreignKeys ?? []).map((k) => ({ ...k, idx: indexes(k.fields) }))

  const header = o.dialect?.header !== false
  let column: number[] = schema.fields.map((_, i) => i) // schema field -> column in the file
  let width = schema.fields.length
  let rows = 0
  let first = true
  let delimiter = ','
  const keysOf = new Array<string | undefined>(fields.length)

  const onRecord = (record: string[], at: number, info: CsvInfo): void => {
    if (first && header) {
      delimiter = info.delimiter
      first = false
      column = checkHeader(record, schema, add)
      width = record.length
      return
    }
    first = false
    rows++

    if (record.length === 1 && record[0] === '' && width > 1) {
      add({ code: 'blank-row', row: at, message: 'the row is blank', hint: 'delete the empty line' })
      return
    }
    let blank = true
    for (let i = 0; i < fields.length; i++) {
      const col = column[i] as number
      if (col >= 0 && col < record.length && !(missingOf[i] as Set<string>).has(record[col] as string)) {
        blank = false
        break
      }
    }
    if (blank && record.length <= width) {
      add({ code: 'blank-row', row: at, message: 'every cell of the row is empty', hint: 'delete the row, or fill it in' })
      return
    }
    if (record.length > width) {
      add({
        code: 'extra-cell',
        row: at,
        fieldNumber: width + 1,
        value: cutValue(record[width] ?? ''),
        message: `the row has ${record.length} cells but the header has ${width}`,
        hint: `remove the extra cells, or quote a value that holds "${delimiter === '\t' ? '\\t' : delimiter}"`,
      })
    }

    for (let i = 0; i < fields.length; i++) {
      keysOf[i] = undefined
      const col = column[i] as number
      if (col < 0) continue // a missing label, reported once
      const f = fields[i] as FieldCheck
      if (col >= record.length) {
        add({
          code: 'missing-cell',
          row: at,
          field: f.name,
          fieldNumber: col + 1,
          message: `the row ends before "${f.name}" (it has ${record.length} cells, the header ${width})`,
          hint: 'add the missing cells, or check for an unquoted line break in an earlier cell',
        })
        continue
      }
      const cell = record[col] as string
      if ((missingOf[i] as Set<string>).has(cell)) {
        if (required[i]) {
          add({ code: 'constraint-error', row: at, field: f.name, fieldNumber: col + 1, value: cell, message: `"${f.name}" is required but empty`, hint: `fill in "${f.name}"` })
        }
        continue
      }
      if (info.badBytes && cell.includes('\uFFFD')) {
        add({
          code: 'encoding-error',
          row: at,
          field: f.name,
          fieldNumber: col + 1,
          value: cutValue(cell),
          message: 'the cell holds bytes that are not valid in the file\'s encoding',
          hint: 'save the export as UTF-8, or pass --encoding windows-1252 for an Excel export',
        })
      }
      const r = f.check(cell)
      if (!r.ok) {
        add({ code: r.code, row: at, field: f.name, fieldNumber: col + 1, value: cutValue(cell), message: r.message, hint: r.hint })
        continue
      }
      keysOf[i] = r.key
      const seen = uniques[i]
      if (seen) {
        if (seen.has(r.key)) {
          add({ code: 'unique-error', row: at, field: f.name, fieldNumber: col + 1, value: cutValue(cell), message: `"${f.name}" must be unique and this value appears on an earlier row`, hint: 'give this row its own value, or remove the duplicate row' })
        } else seen.add(r.key)
      }
    }

    if (pkKeys) {
      const key = joinKey(pkIdx, keysOf)
      if (key !== undefined) {
        if (pkKeys.has(key)) {
          add({ code: 'primary-key', row: at, field: pk.join(', '), value: cutValue(key.split(SEP).join(', ')), message: `the primary key (${pk.join(', ')}) repeats an earlier row`, hint: 'each row needs its own key; remove the duplicate row or correct its key' })
        } else pkKeys.add(key)
      }
    }
    for (const c of collect) {
      const key = joinKey(c.idx, keysOf)
      if (key !== undefined) c.keys.add(key)
    }
    for (const fk of fks) {
      const key = joinKey(fk.idx, keysOf)
      if (key !== undefined && !fk.keys.has(key)) {
        add({
          code: 'foreign-key',
          row: at,
          field: fk.fields.join(', '),
          value: cutValue(key.split(SEP).join(', ')),
          message: `${fk.fields.join(', ')} has no match in ${fk.targetFields.join(', ')} of ${fk.target}`,
          hint: `use a value that exists in ${fk.target}, or add it there first`,
        })
      }
    }
  }

  const info = await readCsvRecords(
    { ...(o.path !== undefined ? { path: o.path } : { text: o.text ?? '' }), ...(o.dialect ? { dialect: o.dialect } : {}), ...(o.encoding ? { encoding: o.encoding } : {}), file: o.file },
    onRecord,
  )
  if (info.broken) {
    add({
      code: 'source-error',
      ...(info.broken.line ? { row: info.broken.line } : {}),
      message: `the CSV cannot be read past this point: ${info.broken.message}`,
      hint: 'look for a quote that is opened and never closed',
    })
    return rows
  }
  if (first && header) {
    add({ code: 'source-error', message: 'the file has no header row', hint: 'write the field names on the first line' })
  }
  return rows
}

/** The composite key of these fields, or undefined when one of them is missing or invalid. */
function joinKey(idx: number[], keysOf: Array<string | undefined>): string | undefined {
  if (idx.length === 1) return keysOf[idx[0] as number]
  let key = ''
  for (let j = 0; j < idx.length; j++) {
    const k = keysOf[idx[j] as number]
    if (k === undefined) return undefined
    key = j === 0 ? k : key + SEP + k
  }
  return key
}

/** Checks the labels and maps each schema field to its column by name (-1 when absent). */
function checkHeader(
  labels: string[],
  schema: TableSchema,
  add: (e: Omit<ValidationError, 'file' | 'resource' | 'severity'> & { severity?: Severity }) => void,
): number[] {
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
 * than memory (only the keys of unique and primary-key fields are kept, as strings).
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
