import { compileField, type FieldCheck } from './fields.js'
import { compileRules, toRuleValue, type CellRule, type Profile, type RuleFinding, type RuleValue, type TableRule } from './rules/index.js'
import { asList, checkTableSchema } from './schema.js'
import { SourceError, inspectFile, readText } from './source.js'
import { Collector, DEFAULT_MAX_ERRORS } from './table.js'
import type { Report, Severity, TableSchema, TableSchemaField, ValidationError } from './types.js'

/** The JSON forms `validateRecords` reads. */
export type RecordsFormat = 'json' | 'ndjson' | 'geojson'

/** Options of `validateRecords`. */
export interface ValidateRecordsOptions {
  /** A `.json`, `.ndjson`/`.jsonl` or `.geojson` file, plain or gzip. */
  path: string
  schema: TableSchema
  /** Default: from the extension (after `.gz`), else from the content (see `validateRecords`). */
  format?: RecordsFormat
  /** Force the encoding, as for CSV. Default: sniffed (UTF-8 unless a BOM says UTF-16). */
  encoding?: string
  /** How many problems to keep in `errors` (the counts still count all). Default 1000. */
  maxErrors?: number
  /** A name for the schema, copied to the report. */
  schemaName?: string
  /** `publish` scans every string field for personal data and reports it as errors. Default `default`. */
  profile?: Profile
}

/** The format a file name says, or undefined (`.gz` is looked through). */
export function recordsFormatOf(path: string): RecordsFormat | undefined {
  const p = path.toLowerCase().replace(/\.gz$/, '')
  if (p.endsWith('.geojson')) return 'geojson'
  if (p.endsWith('.ndjson') || p.endsWith('.jsonl')) return 'ndjson'
  if (p.endsWith('.json')) return 'json'
  return undefined
}

/** The format the text says: `[` a JSON array, `{` with `"type": "FeatureCollection"` GeoJSON, else NDJSON. */
export function sniffRecordsFormat(head: string): RecordsFormat {
  const t = head.replace(/^\uFEFF/, '').trimStart()
  if (t.startsWith('[')) return 'json'
  if (t.startsWith('{') && /"type"\s*:\s*"FeatureCollection"/.test(head.slice(0, 65_536))) return 'geojson'
  return 'ndjson'
}

const cut = (v: string): string => (v.length > 60 ? `${v.slice(0, 59)}…` : v)
const SEP = '\u001f'

type Add = (e: Omit<ValidationError, 'file' | 'severity'> & { severity?: Severity }) => void

/** Checks records one at a time with the same field checks as CSV cells (fields.ts). */
class RecordChecker {
  private readonly fields: FieldCheck[]
  private readonly defs: TableSchemaField[]
  private readonly missing: Array<Set<string>>
  private readonly required: boolean[]
  private readonly uniques: Array<Set<string> | undefined>
  private readonly pk: string[]
  private readonly pkIdx: number[]
  private readonly pkKeys: Set<string> | undefined
  private readonly names: Set<string>
  private readonly warned = new Set<string>()
  /** Per field, the cell rules that check it. */
  private readonly cellRules: CellRule[][]
  private readonly tableRules: Array<{ rule: TableRule; idx: number[]; values: RuleValue[] }>
  /** Per field, the typed value of the current record's cell (for table rules). */
  private readonly typed: RuleValue[]

  constructor(schema: TableSchema, private readonly add: Add, profile: Profile = 'default') {
    this.defs = schema.fields
    this.fields = schema.fields.map(compileField)
    const schemaMissing = schema.missingValues ?? ['']
    this.missing = schema.fields.map((f) => new Set(f.missingValues ?? schemaMissing))
    this.pk = asList(schema.primaryKey)
    const pkSet = new Set(this.pk)
    this.required = this.fields.map((f) => f.required || pkSet.has(f.name))
    this.uniques = this.fields.map((f) => (f.unique ? new Set<string>() : undefined))
    this.pkIdx = this.pk.map((n) => schema.fields.findIndex((f) => f.name === n))
    this.pkKeys = this.pk.length ? new Set<string>() : undefined
    this.names = new Set(schema.fields.map((f) => f.name))
    const report = (f: RuleFinding) => add({ severity: 'warning', ...f })
    const rules = compileRules(schema, { schema, profile, report })
    this.cellRules = schema.fields.map((f) => rules.cellRules.filter((r) => r.fields.includes(f.name)))
    const position = new Map(schema.fields.map((f, i) => [f.name, i]))
    this.tableRules = rules.tableRules.map((rule) => ({ rule, idx: rule.fields.map((n) => position.get(n) ?? -1), values: new Array<RuleValue>(rule.fields.length) }))
    this.typed = new Array<RuleValue>(schema.fields.length)
  }

  /** Tells the table rules the last record has been read. */
  end(): void {
    for (const t of this.tableRules) t.rule.end()
  }

  private runTableRules(row: number): void {
    for (const t of this.tableRules) {
      for (let j = 0; j < t.idx.length; j++) t.values[j] = this.typed[t.idx[j] as number]
      t.rule.row(row, t.values)
    }
  }

  /** `covered`: fields whose absence is already reported (by a bad GeoJSON geometry). */
  check(record: unknown, row: number, covered?: Set<string>): void {
    const add = this.add
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      add({ code: 'source-error', row, value: cut(JSON.stringify(record) ?? ''), message: 'the record is not a JSON object', hint: 'write each record as an object of field names and values' })
      return
    }
    const rec = record as Record<string, unknown>
    const keys = Object.keys(rec)
    if (keys.length === 0) {
      add({ code: 'blank-row', row, message: 'the record is an empty object', hint: 'delete the record, or fill it in' })
      return
    }
    for (const k of keys) {
      // Unknown keys are reported once a file, like an extra column of a CSV header.
      if (!this.names.has(k) && !this.warned.has(k)) {
        this.warned.add(k)
        add({ code: 'extra-label', severity: 'warning', row, field: k, value: cut(k), message: `the key "${k}" is not in the schema; its values are not checked`, hint: 'remove the key, or add the field to the schema' })
      }
    }
    const keysOf = new Array<string | undefined>(this.fields.length)
    this.typed.fill(undefined)
    for (let i = 0; i < this.fields.length; i++) {
      const f = this.fields[i] as FieldCheck
      const def = this.defs[i] as TableSchemaField
      const fieldNumber = i + 1
      if (!(f.name in rec)) {
        if (this.required[i] && !covered?.has(f.name)) {
          add({ code: 'missing-cell', row, field: f.name, fieldNumber, message: `the record has no "${f.name}" key`, hint: `add "${f.name}" to the record` })
        }
        continue
      }
      const v = rec[f.name]
      const cell = toCell(v, def)
      if (cell === undefined) {
        add({ code: 'type-error', row, field: f.name, fieldNumber, value: cut(JSON.stringify(v) ?? ''), message: `"${f.name}" must be a JSON string (type ${def.type ?? 'string'}), not ${Array.isArray(v) ? 'an array' : typeof v}`, hint: 'write the value as a JSON string' })
        continue
      }
      if (cell === null || (this.missing[i] as Set<string>).has(cell)) {
        if (this.required[i]) {
          add({ code: 'constraint-error', row, field: f.name, fieldNumber, value: cell ?? 'null', message: `"${f.name}" is required but empty`, hint: `fill in "${f.name}"` })
        }
        continue
      }
      for (const rule of this.cellRules[i] as CellRule[]) {
        const found = rule.check(cell, f.name)
        if (found) add({ severity: 'warning', value: cut(cell), ...found, row, field: f.name, fieldNumber })
      }
      const r = f.check(cell)
      if (!r.ok) {
        add({ code: r.code, row, field: f.name, fieldNumber, value: cut(cell), message: r.message, hint: r.hint })
        continue
      }
      this.typed[i] = toRuleValue(def, cell, r.num)
      keysOf[i] = r.key
      const seen = this.uniques[i]
      if (seen) {
        if (seen.has(r.key)) {
          add({ code: 'unique-error', row, field: f.name, fieldNumber, value: cut(cell), message: `"${f.name}" must be unique and this value appears in an earlier record`, hint: 'give this record its own value, or remove the duplicate record' })
        } else seen.add(r.key)
      }
    }
    if (this.pkKeys) {
      const parts = this.pkIdx.map((j) => (j >= 0 ? keysOf[j] : undefined))
      if (parts.every((p) => p !== undefined)) {
        const key = parts.join(SEP)
        if (this.pkKeys.has(key)) {
          add({ code: 'primary-key', row, field: this.pk.join(', '), value: cut(parts.join(', ')), message: `the primary key (${this.pk.join(', ')}) repeats an earlier record`, hint: 'each record needs its own key; remove the duplicate record or correct its key' })
        } else this.pkKeys.add(key)
      }
    }
    this.runTableRules(row)
  }
}

/**
 * A JSON value as the cell text the CSV checks expect: null is a missing value; a string is taken as
 * it is (so "12" passes an integer field, as it does in a CSV); a number or boolean is written out
 * (a boolean as the field's first true or false value); an object or array as JSON. Returns
 * undefined for a non-string value of a `string` field (a type error).
 */
function toCell(v: unknown, def: TableSchemaField): string | null | undefined {
  const type = def.type ?? 'string'
  if (v === null) return null
  if (typeof v === 'string') return v
  if (type === 'string') return undefined
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') {
    if (type === 'boolean') return v ? (def.trueValues?.[0] ?? 'true') : (def.falseValues?.[0] ?? 'false')
    return String(v)
  }
  if (type === 'geopoint' && (def.format ?? 'default') === 'default' && Array.isArray(v) && v.length === 2) return `${String(v[0])}, ${String(v[1])}`
  return JSON.stringify(v)
}

const LAT_NAMES = ['lat', 'latitude']
const LON_NAMES = ['long', 'lon', 'lng', 'longitude']

/** The schema fields a Point fills when the properties lack them. */
function pointFields(schema: TableSchema): Set<string> {
  return new Set(schema.fields.filter((f) => f.type === 'geopoint' || LAT_NAMES.includes(f.name.toLowerCase()) || LON_NAMES.includes(f.name.toLowerCase())).map((f) => f.name))
}

/**
 * Checks a Feature's geometry and returns its properties, filled from a Point where the schema wants
 * coordinates. A bad Point is reported once, on `geometry`, and not again as missing coordinates:
 * its fields are added to `covered`.
 */
function featureRecord(feature: unknown, row: number, schema: TableSchema, add: Add, covered: Set<string>): unknown {
  if (feature === null || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
    add({ code: 'source-error', row, message: 'the item of "features" is not a GeoJSON Feature', hint: 'write each item as {"type": "Feature", "geometry": …, "properties": {…}}' })
    return undefined
  }
  const f = feature as { geometry?: unknown; properties?: unknown }
  const props = f.properties === null || f.properties === undefined ? {} : f.properties
  if (typeof props !== 'object' || Array.isArray(props)) return props
  const record = { ...(props as Record<string, unknown>) }
  const g = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined
  if (g === null || g === undefined) return record
  if (typeof g !== 'object' || typeof g.type !== 'string') {
    add({ code: 'type-error', row, field: 'geometry', value: cut(JSON.stringify(g) ?? ''), message: 'the geometry is not a GeoJSON geometry object', hint: 'write {"type": "Point", "coordinates": [lon, lat]}, or null' })
    for (const n of pointFields(schema)) covered.add(n)
    return record
  }
  if (g.type !== 'Point') return record
  const c = g.coordinates
  const ok = Array.isArray(c) && c.length >= 2 && typeof c[0] === 'number' && typeof c[1] === 'number'
  if (!ok) {
    add({ code: 'type-error', row, field: 'geometry', value: cut(JSON.stringify(c) ?? ''), message: 'the Point coordinates are not [lon, lat] numbers', hint: 'write "coordinates": [longitude, latitude] in degrees' })
    for (const n of pointFields(schema)) covered.add(n)
    return record
  }
  const [lon, lat] = c as [number, number]
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    add({ code: 'constraint-error', row, field: 'geometry', value: cut(JSON.stringify(c)), message: `the Point [${lon}, ${lat}] is outside [-180..180, -90..90]`, hint: 'GeoJSON coordinates are [longitude, latitude]: check they are not swapped' })
    for (const n of pointFields(schema)) covered.add(n)
    return record
  }
  for (const field of schema.fields) {
    if (field.name in record) continue
    const name = field.name.toLowerCase()
    if (field.type === 'geopoint') {
      const fmt = field.format ?? 'default'
      record[field.name] = fmt === 'array' ? [lon, lat] : fmt === 'object' ? { lon, lat } : `${lon}, ${lat}`
    } else if (LAT_NAMES.includes(name)) record[field.name] = lat
    else if (LON_NAMES.includes(name)) record[field.name] = lon
  }
  return record
}

/** Splits text chunks into lines (LF or CRLF), with their 1-based numbers. */
async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<[string, number]> {
  let rest = ''
  let n = 0
  for await (const chunk of chunks) {
    rest += chunk
    let from = 0
    let i: number
    while ((i = rest.indexOf('\n', from)) >= 0) {
      const line = rest.slice(from, i)
      from = i + 1
      yield [line.endsWith('\r') ? line.slice(0, -1) : line, ++n]
    }
    rest = rest.slice(from)
  }
  if (rest !== '') yield [rest.endsWith('\r') ? rest.slice(0, -1) : rest, ++n]
}

/** Where a `JSON.parse` error happened, in words ("at line 3 column 7"), from Node's message. */
function jsonPosition(err: Error, text: string): string {
  const lc = /line (\d+) column (\d+)/.exec(err.message)
  if (lc) return `line ${lc[1]} column ${lc[2]}`
  const pos = /position (\d+)/.exec(err.message)
  if (pos) {
    const before = text.slice(0, Number(pos[1]))
    const line = before.split('\n').length
    return `line ${line} column ${before.length - before.lastIndexOf('\n')}`
  }
  return 'the end of the file'
}

/** Where `readJsonItems` reads: decoded text chunks, how to name the input, and its format if known. */
export interface JsonItemsSource {
  chunks: AsyncGenerator<string>
  /** How the input is named in messages. */
  file: string
  /** The file's path, for `SourceError`. */
  path?: string
  /** Default: from the name, else from the first text (`sniffRecordsFormat`). */
  format?: RecordsFormat
}

/**
 * Reads the items of a JSON records file in order, for `validateRecords` and the JSON Schema path:
 * each NDJSON line (its `row` is the line number; blank lines are skipped, a line that is not JSON
 * goes to `onBadLine`), each item of a JSON array, or each Feature of a GeoJSON FeatureCollection,
 * whole (`row` is the 1-based index). Throws a `SourceError` for a blank file, a file that is not
 * valid JSON, or a document of the wrong shape. Returns the format read and how many items there
 * were (NDJSON: non-blank lines).
 */
export async function readJsonItems(
  src: JsonItemsSource,
  onItem: (item: unknown, row: number, format: RecordsFormat) => void,
  onBadLine: (line: string, row: number, err: Error) => void,
): Promise<{ format: RecordsFormat; rows: number }> {
  const { chunks, file, path } = src
  // Read up to the first non-blank text to sniff the format when the name does not say it.
  let head = ''
  for (;;) {
    const next = await chunks.next()
    if (next.done) break
    head += next.value
    if (head.trim() !== '') break
  }
  head = head.replace(/^\uFEFF/, '')
  if (head.trim() === '') throw new SourceError(`${file} holds only blank space; there are no records to check`, path)
  const format = src.format ?? recordsFormatOf(file) ?? sniffRecordsFormat(head)
  const rest = (async function* () {
    yield head
    yield* chunks
  })()

  let rows = 0
  if (format === 'ndjson') {
    for await (const [line, n] of linesOf(rest)) {
      if (line.trim() === '') continue
      rows++
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (err) {
        onBadLine(line, n, err as Error)
        continue
      }
      onItem(value, n, format)
    }
    return { format, rows }
  }
  let text = ''
  for await (const c of rest) text += c
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (err) {
    throw new SourceError(`${file} is not valid JSON at ${jsonPosition(err as Error, text)}: ${(err as Error).message}`, path, { cause: err })
  }
  if (format === 'geojson') {
    const fc = doc as { type?: unknown; features?: unknown }
    if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
      throw new SourceError(`${file} is not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and a "features" array)`, path)
    }
    fc.features.forEach((feature: unknown, i: number) => onItem(feature, i + 1, format))
    return { format, rows: fc.features.length }
  }
  if (!Array.isArray(doc)) throw new SourceError(`${file} is not a JSON array of records; give an array of objects, or NDJSON (one object a line)`, path)
  doc.forEach((item: unknown, i: number) => onItem(item, i + 1, format))
  return { format, rows: doc.length }
}

/**
 * Validates JSON records against a Frictionless Table Schema, with the same field checks, codes and
 * `Report` as `validateTable` for CSV.
 *
 * - **Format**: from the extension (`.json`, `.ndjson`/`.jsonl`, `.geojson`, each also `.gz`), else
 *   from the content: a first non-space `[` is a JSON array, `{` with `"type": "FeatureCollection"`
 *   GeoJSON, anything else NDJSON.
 * - **NDJSON** is streamed line by line (memory bounded by the longest line and the unique keys);
 *   `row` is the physical line. A line that is not JSON is a `source-error` on that line and the
 *   next lines are still checked. Blank lines are skipped.
 * - **JSON arrays and GeoJSON** are read whole (`JSON.parse`), so the file must fit in memory; use
 *   NDJSON for very large exports. `row` is the 1-based item (feature) index. A file that is not
 *   valid JSON throws a `SourceError` naming the line and column.
 * - **Values**: JSON `null` is a missing value; strings are checked as CSV cells are (a numeric
 *   string passes an `integer` field); numbers and booleans are written out and checked (12.5 fails
 *   an `integer` field); a non-string value of a `string` field is a `type-error`.
 * - An absent key of a required (or primary-key) field is `missing-cell`; an absent optional key is
 *   fine. A key not in the schema is one `extra-label` warning a file (on the first record having it).
 * - **GeoJSON**: each Feature's `properties` is the record. A Point geometry must hold numeric
 *   [lon, lat] in range (`type-error` / `constraint-error` on field `geometry`); other geometry
 *   types and null are accepted unchecked. When the properties lack them, `geopoint` fields and
 *   fields named lat/latitude and long/lon/lng/longitude are filled from the Point, so their schema
 *   constraints (such as a city's bounding box) apply to the geometry. A bad Point is reported once (on
 *   `geometry`), not again as a missing lat/long.
 * - Invalid bytes for the encoding are one file-level `encoding-error` (no row).
 * - `unique` fields and the primary key are checked as for CSV; foreign keys are not (a single file).
 * - City rule packs declared under `"thane:rules"` run as for CSV (see `compileRules`): cell rules on
 *   every present value, table rules in file order on the values that passed their checks. Under
 *   `profile: 'publish'` every string field is scanned for personal data, reported as errors.
 */
export async function validateRecords(options: ValidateRecordsOptions): Promise<Report> {
  const schema = checkTableSchema(options.schema, options.schemaName ? `schema ${options.schemaName}` : 'the schema')
  const collector = new Collector(options.maxErrors ?? DEFAULT_MAX_ERRORS)
  const file = options.path
  const add: Add = (e) => collector.add({ severity: 'error', file, ...e } as ValidationError)
  const checker = new RecordChecker(schema, add, options.profile)
  const info = await inspectFile(options.path, options.encoding)
  let badBytes = false
  const chunks = readText(options.path, info, () => (badBytes = true))
  const flagBytes = () => {
    if (badBytes) add({ code: 'encoding-error', message: 'the file holds bytes that are not valid in its encoding', hint: 'save the export as UTF-8, or pass --encoding' })
  }

  const { rows } = await readJsonItems(
    { chunks, file, path: file, ...(options.format ? { format: options.format } : {}) },
    (item, row, format) => {
      if (format !== 'geojson') return checker.check(item, row)
      const covered = new Set<string>()
      const record = featureRecord(item, row, schema, add, covered)
      if (record !== undefined) checker.check(record, row, covered)
    },
    (line, row, err) =>
      add({ code: 'source-error', row, value: cut(line), message: `the line is not JSON (${err.message})`, hint: 'write one JSON object a line; a record must not span lines' }),
  )
  checker.end()
  flagBytes()
  return collector.report(file, rows, [{ file, rows, valid: collector.severities.error === 0 }], options.schemaName)
}

/** The keys of the first record of a JSON, NDJSON or GeoJSON file (for choosing a schema by them). */
export async function readRecordKeys(path: string, options: { encoding?: string; format?: RecordsFormat } = {}): Promise<string[]> {
  const info = await inspectFile(path, options.encoding)
  const chunks = readText(path, info, () => undefined)
  let text = ''
  let format = options.format ?? recordsFormatOf(path)
  for await (const chunk of chunks) {
    text += chunk
    format ??= sniffRecordsFormat(text)
    if (format === 'ndjson' && /\S[^\n]*\n/.test(text)) break
  }
  text = text.replace(/^\uFEFF/, '')
  format ??= sniffRecordsFormat(text)
  let first: unknown
  try {
    if (format === 'ndjson') {
      const line = text.split('\n').find((l) => l.trim() !== '')
      first = line === undefined ? undefined : JSON.parse(line)
    } else {
      const doc = JSON.parse(text) as unknown
      if (format === 'geojson') {
        const f = (doc as { features?: Array<{ properties?: unknown; geometry?: { type?: string } | null }> })?.features?.[0]
        const keys = f?.properties && typeof f.properties === 'object' ? Object.keys(f.properties) : []
        return f?.geometry?.type === 'Point' && !keys.includes('lat') ? [...keys, 'lat', 'long'] : keys
      }
      first = Array.isArray(doc) ? doc[0] : undefined
    }
  } catch (err) {
    throw new SourceError(`${path} is not valid JSON at ${jsonPosition(err as Error, text)}: ${(err as Error).message}`, path, { cause: err })
  }
  return first && typeof first === 'object' && !Array.isArray(first) ? Object.keys(first) : []
}
