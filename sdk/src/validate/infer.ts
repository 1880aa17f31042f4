import { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'
import { isoDateTime } from './fields.js'
import { SourceError, inspectFile, readText, sniffDelimiter } from './source.js'
import type { TableSchema, TableSchemaField } from './types.js'

/** Options of `inferSchema`. */
export interface InferSchemaOptions {
  /** How many data rows to read (the rest of the file is not read). Default 10,000. */
  sampleRows?: number
  /** Force the encoding: utf-8, utf-16le, utf-16be, windows-1252. Default: sniffed. */
  encoding?: string
}

export const DEFAULT_SAMPLE_ROWS = 10_000

/** Enums are inferred for string columns with at most this many distinct values… */
const ENUM_MAX_VALUES = 12
/** …that are at most this share of the rows… */
const ENUM_MAX_SHARE = 0.05
/** …in a sample of at least this many rows. */
const ENUM_MIN_ROWS = 20

// The same patterns the validator's type checks use (fields.ts), so an inferred type always validates.
const INTEGER = /^[+-]?\d+$/
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE'])
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

function isDate(s: string): boolean {
  // A date is a date-time's first ten characters: reuse the exact check on a midnight.
  return s.length === 10 && !Number.isNaN(isoDateTime(`${s}T00:00:00`, 'none'))
}

/** What one column's sampled values still fit. */
class Column {
  integer = true
  number = true
  boolean = true
  date = true
  datetime = true
  email = true
  uri = true
  uuid = true
  present = 0
  /** Distinct values, until there are too many to be an enum. */
  values: Set<string> | undefined = new Set()

  see(s: string): void {
    this.present++
    if (this.integer && !INTEGER.test(s)) this.integer = false
    if (this.number && !this.integer && !NUMBER.test(s) && s !== 'NaN' && s !== 'INF' && s !== '-INF') this.number = false
    if (this.boolean && !TRUE.has(s) && !FALSE.has(s)) this.boolean = false
    if (this.date && !isDate(s)) this.date = false
    if (this.datetime && Number.isNaN(isoDateTime(s, 'optional'))) this.datetime = false
    if (this.email && !EMAIL.test(s)) this.email = false
    if (this.uri && !URI.test(s)) this.uri = false
    if (this.uuid && !UUID.test(s)) this.uuid = false
    if (this.values) {
      this.values.add(s)
      if (this.values.size > ENUM_MAX_VALUES) this.values = undefined
    }
  }

  field(name: string, rows: number): TableSchemaField {
    const field: TableSchemaField = { name }
    const any = this.present > 0
    if (any && this.integer) field.type = 'integer'
    else if (any && this.number) field.type = 'number'
    // Only true/false words: a column of 0 and 1 is read as integers above.
    else if (any && this.boolean) field.type = 'boolean'
    else if (any && this.date) field.type = 'date'
    else if (any && this.datetime) field.type = 'datetime'
    else {
      field.type = 'string'
      const format = !any ? undefined : this.uuid ? 'uuid' : this.email ? 'email' : this.uri ? 'uri' : undefined
      if (format) field.format = format
    }
    const constraints: NonNullable<TableSchemaField['constraints']> = {}
    if (rows > 0 && this.present === rows) constraints.required = true
    if (field.type === 'string' && !field.format && this.values && this.values.size > 0 && rows >= ENUM_MIN_ROWS && this.values.size <= rows * ENUM_MAX_SHARE) {
      constraints.enum = [...this.values].sort()
    }
    if (Object.keys(constraints).length > 0) field.constraints = constraints
    return field
  }
}

/**
 * Infers a Frictionless Table Schema from a CSV file (plain or gzip, any dialect the validator
 * reads), from its first `sampleRows` data rows: for each column the narrowest type every
 * non-empty value fits (integer, number, boolean, date, datetime, else string with an e-mail, URI
 * or UUID format when every value is one), `required` when no value is empty, and an `enum` for a
 * string column with few distinct values (at most 12, and at most 5% of at least 20 rows). Ranges
 * are not inferred. Validating the sampled rows against the schema finds no problem of type or
 * constraint.
 *
 * @example
 * import { inferSchema, validateTable } from '@thanekit/sdk/validate'
 * const schema = await inferSchema('requests.csv')
 * const report = await validateTable({ path: 'requests.csv', schema }) // report.valid
 */
export async function inferSchema(path: string, options: InferSchemaOptions = {}): Promise<TableSchema> {
  const sampleRows = options.sampleRows ?? DEFAULT_SAMPLE_ROWS
  if (!Number.isInteger(sampleRows) || sampleRows < 1) throw new RangeError(`sampleRows must be a whole number of at least 1, not ${sampleRows}`)
  const info = await inspectFile(path, options.encoding)
  const chunks = readText(path, info, () => undefined)

  let head = ''
  for (;;) {
    const next = await chunks.next()
    if (next.done) break
    head += next.value
    if (/[\r\n]/.test(head.slice(0, 65_536)) || head.length > 65_536) break
  }
  if (head.trim() === '') {
    await chunks.return(undefined)
    throw new SourceError(`${path} holds only blank lines; there is no header to infer a schema from`, path)
  }
  const delimiter = sniffDelimiter(head)
  const feed = Readable.from(
    (async function* () {
      yield head
      yield* chunks
    })(),
  )
  const parser = parse({ delimiter, quote: '"', relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: false })
  feed.on('error', (err) => parser.destroy(err))
  feed.pipe(parser)

  let names: string[] | undefined
  let columns: Column[] = []
  let rows = 0
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!names) {
        names = record.map((label, i) => label.trim() || `field${i + 1}`)
        columns = names.map(() => new Column())
        continue
      }
      // Blank lines are reported by the validator as blank rows, not read as empty values.
      if (record.every((cell) => cell === '')) continue
      rows++
      for (let i = 0; i < columns.length; i++) {
        const cell = record[i]
        if (cell !== undefined && cell !== '') (columns[i] as Column).see(cell)
      }
      if (rows >= sampleRows) break
    }
  } catch (err) {
    if (err instanceof SourceError) throw err
    if (err instanceof CsvError) throw new SourceError(`${path} is not a CSV file that can be read (${err.message})`, path, { cause: err })
    throw err
  } finally {
    feed.destroy()
  }
  if (!names) throw new SourceError(`${path} has no header row`, path)
  const seen = new Set<string>()
  const fields = names.map((name, i) => {
    // Duplicate labels get a number so the schema stays valid; the validator still reports them.
    let unique = name
    for (let n = 2; seen.has(unique); n++) unique = `${name}_${n}`
    seen.add(unique)
    return (columns[i] as Column).field(unique, rows)
  })
  return { fields }
}
