import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import Ajv2019Module from 'ajv/dist/2019.js'
import Ajv2020Module from 'ajv/dist/2020.js'
import AjvModule, { type ErrorObject, type Options as AjvOptions, type ValidateFunction } from 'ajv'
import type addFormatsModule from 'ajv-formats'
import type * as AjvFormats from 'ajv-formats/dist/formats.js'
import { readCsvRecords, type CsvInfo } from './csv-records.js'
import { isoDateTime } from './fields.js'
import { readJsonItems, recordsFormatOf, type RecordsFormat } from './records.js'
import { SchemaError, checkTableSchema } from './schema.js'
import { inspectFile, readText, unreadableMessage } from './source.js'
import { Collector, DEFAULT_MAX_ERRORS } from './table.js'
import type { Dialect, Report, Severity, TableSchema, ValidationError } from './types.js'

// ajv and ajv-formats are CommonJS: under NodeNext their classes are the `default` of the module.
const Ajv2020 = Ajv2020Module.default
const Ajv2019 = Ajv2019Module.default
const AjvDraft07 = AjvModule.default

// ajv-formats is loaded on the first JSON Schema compiled, so `@thanekit/sdk/validate` still loads
// (for Table Schemas) in a project that installed the SDK without it.
const requireHere = createRequire(import.meta.url)
let formats: { addFormats: typeof addFormatsModule.default; fullFormats: typeof AjvFormats.fullFormats } | undefined
function loadFormats(): NonNullable<typeof formats> {
  if (!formats) {
    try {
      formats = {
        addFormats: (requireHere('ajv-formats') as typeof addFormatsModule).default,
        fullFormats: (requireHere('ajv-formats/dist/formats.js') as typeof AjvFormats).fullFormats,
      }
    } catch (err) {
      throw new SchemaError('JSON Schema support needs the package ajv-formats, which is not installed; run "npm install ajv-formats"', { cause: err })
    }
  }
  return formats
}

/** The JSON Schema drafts `thane validate` compiles. */
export type JsonSchemaDraft = '2020-12' | '2019-09' | 'draft-07'

/** What a schema document was read as, and why (for messages). */
export type DetectedSchema =
  | { kind: 'table-schema'; by: '$schema' | 'fields' }
  | { kind: 'json-schema'; draft: JsonSchemaDraft; by: '$schema' | 'shape' }

const DRAFTS: Array<{ uri: RegExp; draft: JsonSchemaDraft; canonical: string }> = [
  { uri: /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/, draft: '2020-12', canonical: 'https://json-schema.org/draft/2020-12/schema' },
  { uri: /^https?:\/\/json-schema\.org\/draft\/2019-09\/schema#?$/, draft: '2019-09', canonical: 'https://json-schema.org/draft/2019-09/schema' },
  { uri: /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/, draft: 'draft-07', canonical: 'http://json-schema.org/draft-07/schema#' },
]

/** Frictionless profile URIs (v1 "tableschema", v2 datapackage.org/profiles/…/tableschema.json). */
const TABLE_SCHEMA_URI = /frictionlessdata|datapackage\.org|table-?schema/i

/** Keywords that make an object without "$schema" a JSON Schema rather than a Table Schema. */
const JSON_SCHEMA_KEYWORDS = ['type', 'properties', '$ref', '$defs', 'definitions', 'allOf', 'anyOf', 'oneOf', 'required', 'items', 'enum', 'const', 'patternProperties', 'additionalProperties', 'if', 'not']

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Says whether a schema document is a Frictionless Table Schema or a JSON Schema: by its `$schema`
 * URI when it has one, else by its shape (a `fields` list is a Table Schema; `type`, `properties` and
 * the other JSON Schema keywords make a JSON Schema, read as draft 2020-12). Throws a `SchemaError`
 * for a `$schema` of another draft or vocabulary, and for a document that is neither.
 *
 * @example
 * detectSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }, 'my.json')
 * // { kind: 'json-schema', draft: 'draft-07', by: '$schema' }
 */
export function detectSchema(value: unknown, where: string): DetectedSchema {
  if (typeof value === 'boolean') return { kind: 'json-schema', draft: '2020-12', by: 'shape' }
  if (!isObject(value)) throw new SchemaError(`${where} is neither a Table Schema nor a JSON Schema: it must be a JSON object`)
  const uri = value.$schema
  if (uri !== undefined) {
    if (typeof uri !== 'string') throw new SchemaError(`${where} has a "$schema" that is not a string; write the URI of its draft, e.g. "https://json-schema.org/draft/2020-12/schema"`)
    const known = DRAFTS.find((d) => d.uri.test(uri))
    if (known) return { kind: 'json-schema', draft: known.draft, by: '$schema' }
    if (TABLE_SCHEMA_URI.test(uri)) return { kind: 'table-schema', by: '$schema' }
    const draft = /json-schema\.org\/(?:draft[-/])?([^/#]+)/.exec(uri)?.[1]
    throw new SchemaError(
      draft
        ? `${where} is a JSON Schema of draft ${draft} (its "$schema"), which is not supported; use draft 2020-12 or draft-07`
        : `${where} has an unknown "$schema" ${JSON.stringify(uri)}; use "https://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft-07/schema#", or drop it`,
    )
  }
  if (Array.isArray(value.fields)) return { kind: 'table-schema', by: 'fields' }
  if (JSON_SCHEMA_KEYWORDS.some((k) => k in value)) return { kind: 'json-schema', draft: '2020-12', by: 'shape' }
  throw new SchemaError(`${where} is neither a Table Schema (it has no "fields" list) nor a JSON Schema (it has no "$schema", "type" or "properties")`)
}

/** The JSON types a property may take, as far as a CSV cell needs to know to be converted. */
type JsonTypes = ReadonlySet<string>

/** A JSON Schema compiled by ajv, ready for `validateWithJsonSchema`. Made by `compileJsonSchema`. */
export class CompiledJsonSchema {
  /** @internal */
  constructor(
    /** The draft it was compiled as. */
    readonly draft: JsonSchemaDraft,
    /** The schema document as given. */
    readonly schema: unknown,
    /** ajv's validation function (errors in `validate.errors`). */
    readonly validate: ValidateFunction,
    /** Top-level properties and the types they declare (for converting CSV cells). */
    readonly properties: ReadonlyMap<string, JsonTypes | undefined>,
    /** Top-level `required` names. */
    readonly required: ReadonlySet<string>,
    /** `patternProperties` of the top level, as expressions. */
    readonly patterns: readonly RegExp[],
    /** How the top level treats keys it does not declare: forbidden, checked by a schema, or free. */
    readonly others: 'forbidden' | 'checked' | 'free',
  ) {}
}

function where(draft: JsonSchemaDraft, by: 'shape' | '$schema'): string {
  const name = draft === 'draft-07' ? 'draft-07' : `draft ${draft}`
  return by === '$schema' ? `JSON Schema ${name}, as its "$schema" says` : `read as JSON Schema ${name}, by its keywords; it has no "$schema"`
}

const AJV_OPTIONS: AjvOptions = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  logger: false,
}

type AjvInstance = InstanceType<typeof Ajv2020> | InstanceType<typeof Ajv2019> | InstanceType<typeof AjvDraft07>

/**
 * RFC 3339 date-time as ajv-formats checks it, with the exact character-code check of fields.ts
 * first (about ten times faster on the common shape). What the fast check accepts (seconds below
 * 60) ajv-formats accepts too; anything else (a leap second, a lowercase "t") goes to ajv-formats.
 */
function fastDateTime(fullFormats: typeof AjvFormats.fullFormats) {
  const full = fullFormats['date-time'] as { validate: (s: string) => boolean; compare: (a: string, b: string) => number | undefined }
  return {
    type: 'string' as const,
    validate: (s: string) => (s.charCodeAt(17) !== 54 && !Number.isNaN(isoDateTime(s, 'required'))) || full.validate(s),
    compare: full.compare,
  }
}

function newAjv(draft: JsonSchemaDraft): AjvInstance {
  const { addFormats, fullFormats } = loadFormats()
  const ajv = draft === '2020-12' ? new Ajv2020(AJV_OPTIONS) : draft === '2019-09' ? new Ajv2019(AJV_OPTIONS) : new AjvDraft07(AJV_OPTIONS)
  addFormats(ajv)
  ajv.addFormat('date-time', fastDateTime(fullFormats))
  return ajv
}

// A new ajv instance costs ~80 ms (it compiles its meta-schema and formats); one a draft is kept.
const shared = new Map<JsonSchemaDraft, AjvInstance>()
function sharedAjv(draft: JsonSchemaDraft): AjvInstance {
  let ajv = shared.get(draft)
  if (!ajv) shared.set(draft, (ajv = newAjv(draft)))
  return ajv
}

/**
 * Compiles without leaving the schema registered, so the same `$id` can be compiled again later;
 * if an `$id` inside still clashes with an earlier schema, a fresh instance compiles it.
 */
function compileOnce(ajv: AjvInstance, draft: JsonSchemaDraft, doc: unknown): ValidateFunction {
  try {
    return ajv.compile(doc as object)
  } catch (err) {
    if (/already exists|resolves to more than one schema/.test((err as Error).message)) return newAjv(draft).compile(doc as object)
    throw err
  } finally {
    if (isObject(doc)) ajv.removeSchema(doc)
  }
}

/** One short line for ajv's first complaint about the schema itself. */
function metaProblem(errors: ErrorObject[] | null | undefined): string {
  const e = errors?.[0]
  if (!e) return 'it does not follow the meta-schema'
  const at = e.instancePath === '' ? 'the top level' : e.instancePath
  const allowed = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})` : ''
  return `at ${at}: ${e.message ?? e.keyword}${allowed}`
}

/**
 * Compiles a JSON Schema (draft 2020-12, 2019-09 or draft-07, chosen by its `$schema`; 2020-12 when
 * it has none) with ajv 8 and ajv-formats. Unknown keywords and formats are errors (a typo such as
 * "minimun" would otherwise check nothing); vendor extensions named `x-…` are allowed. `$ref`s must point inside the document: remote ones are
 * refused, since validation never touches the network. Throws a `SchemaError` saying which draft was
 * assumed.
 *
 * @example
 * const schema = compileJsonSchema({ type: 'object', properties: { pm25: { type: 'number', minimum: 0 } } })
 * const report = await validateWithJsonSchema({ path: 'readings.ndjson', schema })
 */
export function compileJsonSchema(value: unknown, name = 'the JSON Schema'): CompiledJsonSchema {
  const detected = detectSchema(value, name)
  if (detected.kind !== 'json-schema') throw new SchemaError(`${name} is a Table Schema (by its ${detected.by === 'fields' ? '"fields" list' : '"$schema"'}), not a JSON Schema`)
  const { draft, by } = detected
  const ajv = sharedAjv(draft)
  // Vendor extensions ("x-unit", "x-source", …) are annotations by convention, not typos.
  for (const k of extensionKeywords(value)) {
    try {
      ajv.addKeyword(k)
    } catch {
      // Already added for an earlier schema.
    }
  }
  // ajv knows each meta-schema by one spelling of its URI; accept the others (http/https, with or without #).
  const doc = isObject(value) && typeof value.$schema === 'string' ? { ...value, $schema: DRAFTS.find((d) => d.draft === draft)?.canonical } : value
  const fail = (what: string, cause?: unknown): never => {
    throw new SchemaError(`${name} is not a valid JSON Schema (${where(draft, by)}): ${what}`, { cause })
  }
  if (!ajv.validateSchema(doc as object)) fail(metaProblem(ajv.errors))
  let validate: ValidateFunction | undefined
  try {
    validate = compileOnce(ajv, draft, doc)
  } catch (err) {
    const missing = (err as { missingRef?: unknown }).missingRef
    if (typeof missing === 'string') {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(missing) || !missing.startsWith('#')) {
        throw new SchemaError(
          `${name} has a $ref to "${missing}", outside the file; thane never fetches schemas (no network, no other files): copy the referenced schema under "$defs" and point the $ref at "#/$defs/<name>"`,
          { cause: err },
        )
      }
      fail(`the $ref "${missing}" points at nothing in the file`, err)
    }
    const message = (err as Error).message.replace(/^strict mode: /, '')
    const format = /^unknown format "(.*)" ignored in schema at path "(.*)"$/.exec(message)
    if (format) fail(`unknown format "${format[1]}" at ${format[2]}; use one of ${Object.keys(FORMAT_EXAMPLES).join(', ')}, … or drop it`, err)
    fail(message, err)
  }
  const shape = topLevel(value)
  return new CompiledJsonSchema(draft, value, validate as ValidateFunction, shape.properties, shape.required, shape.patterns, shape.others)
}

/** Every `x-…` key used anywhere in the schema. */
function extensionKeywords(root: unknown): Set<string> {
  const found = new Set<string>()
  const visit = (node: unknown, depth: number): void => {
    if (node === null || typeof node !== 'object' || depth > 64) return
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('x-')) found.add(k)
      else visit(v, depth + 1)
    }
  }
  visit(root, 0)
  return found
}

/** Follows a local `#/…` pointer. */
function pointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = root
  for (const raw of ref.slice(2).split('/')) {
    if (!isObject(node) && !Array.isArray(node)) return undefined
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~')
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

/** The types a (sub)schema declares: its `type`, else through a local `$ref`, `enum`/`const`, or the branches of anyOf/oneOf/allOf. */
function declaredTypes(root: unknown, node: unknown, depth = 0): JsonTypes | undefined {
  if (!isObject(node) || depth > 16) return undefined
  if (typeof node.type === 'string') return new Set([node.type])
  if (Array.isArray(node.type)) return new Set(node.type.filter((t): t is string => typeof t === 'string'))
  if (typeof node.$ref === 'string') return declaredTypes(root, pointer(root, node.$ref), depth + 1)
  if ('const' in node) return new Set([jsonTypeOf(node.const)])
  if (Array.isArray(node.enum)) return new Set(node.enum.map(jsonTypeOf))
  for (const k of ['anyOf', 'oneOf', 'allOf']) {
    const branches = node[k]
    if (!Array.isArray(branches)) continue
    const all = new Set<string>()
    for (const b of branches) for (const t of declaredTypes(root, b, depth + 1) ?? []) all.add(t)
    if (all.size > 0) return all
  }
  return undefined
}

/** The top level's properties, required names and policy for other keys (through a root `$ref` and `allOf`). */
function topLevel(root: unknown): { properties: Map<string, JsonTypes | undefined>; required: Set<string>; patterns: RegExp[]; others: 'forbidden' | 'checked' | 'free' } {
  const properties = new Map<string, JsonTypes | undefined>()
  const required = new Set<string>()
  const patterns: RegExp[] = []
  let others: 'forbidden' | 'checked' | 'free' = 'free'
  const visit = (node: unknown, depth: number): void => {
    if (!isObject(node) || depth > 16) return
    if (isObject(node.properties)) {
      for (const [k, sub] of Object.entries(node.properties)) if (!properties.has(k)) properties.set(k, declaredTypes(root, sub))
    }
    if (Array.isArray(node.required)) for (const r of node.required) if (typeof r === 'string') required.add(r)
    if (isObject(node.patternProperties)) {
      for (const p of Object.keys(node.patternProperties)) {
        try {
          patterns.push(new RegExp(p, 'u'))
        } catch {
          // ajv has already accepted or refused the pattern; an odd one only loses the header hint.
        }
      }
    }
    for (const key of ['additionalProperties', 'unevaluatedProperties']) {
      if (node[key] === false) others = 'forbidden'
      else if (isObject(node[key]) && others === 'free') others = 'checked'
    }
    if (typeof node.$ref === 'string') visit(pointer(root, node.$ref), depth + 1)
    if (Array.isArray(node.allOf)) for (const b of node.allOf) visit(b, depth + 1)
  }
  visit(root, 0)
  return { properties, required, patterns, others }
}

/** A schema file of either kind, as `thane validate --schema <file>` reads it. */
export type LoadedSchema = { kind: 'table-schema'; schema: TableSchema } | { kind: 'json-schema'; schema: CompiledJsonSchema }

/**
 * Reads a schema file and compiles it as what it is: a Frictionless Table Schema or a JSON Schema
 * (see `detectSchema`). Throws a `SchemaError` when it cannot be read, is not JSON, or is invalid.
 */
export async function loadSchemaFile(path: string): Promise<LoadedSchema> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new SchemaError(
      code === 'ENOENT' ? `schema file ${path} does not exist` : code === 'EISDIR' ? `schema file ${path} is a folder; give a JSON file` : `schema ${unreadableMessage(path, err)}`,
      { cause: err },
    )
  }
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new SchemaError(`schema file ${path} is not valid JSON (${(err as Error).message})`, { cause: err })
  }
  const name = `schema file ${path}`
  const detected = detectSchema(value, name)
  if (detected.kind === 'table-schema') return { kind: 'table-schema', schema: checkTableSchema(value, name) }
  return { kind: 'json-schema', schema: compileJsonSchema(value, name) }
}

/** Options of `validateWithJsonSchema`. Give `path` or `text`. */
export interface ValidateWithJsonSchemaOptions {
  /** A CSV, JSON array, NDJSON or GeoJSON file (any of them gzipped). */
  path?: string
  /** The data itself, as a string (CSV unless `format` says otherwise). */
  text?: string
  /** A JSON Schema document, or one compiled by `compileJsonSchema`. */
  schema: unknown
  /** Default: from the extension (`.json`, `.ndjson`/`.jsonl`, `.geojson`, each also `.gz`), else CSV. */
  format?: 'csv' | RecordsFormat
  /** CSV only: the delimiter and quote; sniffed when not given. The first row is always the header. */
  dialect?: Dialect
  /** Force the encoding: utf-8, utf-16le, utf-16be, windows-1252. Default: sniffed. */
  encoding?: string
  /** How many problems to keep in `errors` (the counts still count all). Default 1000. */
  maxErrors?: number
  /** A name for the schema, copied to the report. */
  schemaName?: string
}

const INTEGER = /^[+-]?\d+$/
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE'])

/**
 * A CSV cell as the JSON value its property declares: an integer, number, boolean, null, or an
 * object/array written as JSON; anything that does not read as one of them stays a string, so ajv
 * reports the type error on the cell as written.
 */
export function coerceCell(cell: string, types: JsonTypes | undefined): unknown {
  if (!types) return cell
  if (types.has('integer') && INTEGER.test(cell)) return Number(cell)
  if (types.has('number') && NUMBER.test(cell)) return Number(cell)
  if (types.has('boolean')) {
    if (TRUE.has(cell)) return true
    if (FALSE.has(cell)) return false
  }
  if (types.has('null') && !types.has('string') && cell === 'null') return null
  if ((types.has('object') || types.has('array')) && /^\s*[[{]/.test(cell)) {
    try {
      const v: unknown = JSON.parse(cell)
      if (types.has(jsonTypeOf(v))) return v
    } catch {
      // Not JSON: left as a string for ajv's type error.
    }
  }
  return cell
}

const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16)}`))
const cut = (v: string): string => (v.length > 60 ? `${v.slice(0, 59)}…` : v)
const shown = (v: unknown): string | undefined => (v === undefined ? undefined : cut(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v))))

type Add = (e: Omit<ValidationError, 'file' | 'severity'> & { severity?: Severity }) => void

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': '2026-07-14T09:30:00+05:30',
  date: '2026-07-14',
  time: '09:30:00+05:30',
  email: 'name@example.org',
  uri: 'https://example.org/page',
  'uri-reference': 'https://example.org/page',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  ipv4: '192.168.1.10',
  ipv6: '2001:db8::1',
  hostname: 'example.org',
  duration: 'P1DT2H',
}

/** Where an error is in the data, as path segments from the record. */
function segmentsOf(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function valueAt(data: unknown, segments: string[]): unknown {
  let node = data
  for (const s of segments) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[s]
  }
  return node
}

/** `address.city`, `tags[2]`: a path as people write it. */
function fieldName(data: unknown, segments: string[]): string {
  let name = ''
  let node = data
  for (const s of segments) {
    name = Array.isArray(node) ? `${name}[${s}]` : name === '' ? s : `${name}.${s}`
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[s] : undefined
  }
  return name
}

/** Drops the branch-by-branch errors under a failed anyOf/oneOf (the combinator's own error says it) and the bare "if" errors (the then/else errors say it). */
function essentialErrors(errors: ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`)
  return errors.filter((e) => e.keyword !== 'if' && !combinators.some((c) => e.schemaPath.startsWith(c)))
}

/** One record's context for explaining ajv's errors. */
interface RecordContext {
  row: number
  data: unknown
  csv: boolean
  /** CSV: the column of each label, and the row's raw cells. */
  columns?: ReadonlyMap<string, number>
  cells?: readonly string[]
  /** Top-level properties whose absence was already reported (a missing column, a short row). */
  reported?: ReadonlySet<string>
}

/** Turns ajv's errors into Frictionless-coded problems with a plain message and a hint. */
class Explainer {
  /** Top-level keys forbidden by the schema, reported once a file. */
  private readonly extraKeys = new Set<string>()
  private readonly order: Map<string, number>

  constructor(compiled: CompiledJsonSchema, private readonly add: Add) {
    this.order = new Map([...compiled.properties.keys()].map((k, i) => [k, i + 1]))
  }

  explain(errors: ErrorObject[], ctx: RecordContext): void {
    for (const e of essentialErrors(errors)) this.one(e, ctx)
  }

  private one(e: ErrorObject, ctx: RecordContext): void {
    const params = e.params as Record<string, unknown>
    const segments = segmentsOf(e.instancePath)
    const named = typeof params.missingProperty === 'string' && e.keyword === 'required'
      ? params.missingProperty
      : typeof params.additionalProperty === 'string'
        ? params.additionalProperty
        : typeof params.unevaluatedProperty === 'string'
          ? params.unevaluatedProperty
          : undefined
    const path = named !== undefined ? [...segments, named] : segments
    const top = path[0]
    const field = path.length > 0 ? fieldName(ctx.data, path) : undefined
    const column = top !== undefined ? ctx.columns?.get(top) : undefined
    const fieldNumber = ctx.csv ? (column !== undefined ? column + 1 : undefined) : top !== undefined ? this.order.get(top) : undefined
    const at = { row: ctx.row, ...(field !== undefined ? { field } : {}), ...(fieldNumber !== undefined ? { fieldNumber } : {}) }
    const rawCell = ctx.csv && path.length === 1 && column !== undefined ? ctx.cells?.[column] : undefined
    const value = rawCell !== undefined ? cut(rawCell) : shown(valueAt(ctx.data, path))
    const withValue = value !== undefined ? { value } : {}
    const subject = field !== undefined ? `"${field}"` : ctx.csv ? 'the row' : 'the record'

    if (e.keyword === 'required') {
      if (path.length === 1 && ctx.reported?.has(named as string)) return
      if (ctx.csv && path.length === 1) {
        this.add({ code: 'constraint-error', ...at, value: '', message: `${subject} is required but empty`, hint: `fill in "${field}"` })
        return
      }
      const parent = segments.length > 0 ? `"${fieldName(ctx.data, segments)}"` : 'the record'
      this.add({ code: 'missing-cell', ...at, message: `${parent} has no "${named}" key`, hint: `add "${named}" to ${segments.length > 0 ? parent : 'the record'}` })
      return
    }
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      if (path.length === 1) {
        // A forbidden top-level key is a column the schema does not have: once a file, like a CSV header's.
        if (this.extraKeys.has(named as string)) return
        this.extraKeys.add(named as string)
        this.add({ code: 'extra-label', ...at, value: cut(named as string), message: `the key "${named}" is not allowed by the schema (${e.keyword} is false)`, hint: 'remove the key, or add it to the schema\'s "properties"' })
        return
      }
      this.add({ code: 'constraint-error', ...at, message: `${subject} is not allowed in "${fieldName(ctx.data, segments)}" (${e.keyword} is false)`, hint: 'remove the key, or add it to the schema\'s "properties" there' })
      return
    }
    if (e.keyword === 'type') {
      const wanted = String(params.type).split(',').map((t) => TYPE_NAMES[t] ?? t)
      const expected = wanted.length > 1 ? `${wanted.slice(0, -1).join(', ')} or ${wanted.at(-1)}` : (wanted[0] ?? '')
      this.add({
        code: 'type-error',
        ...at,
        ...withValue,
        message: `${subject} must be ${expected}`,
        hint: ctx.csv
          ? `write it as ${expected}, or leave the cell empty if it may be missing`
          : field === undefined
            ? `write each record as ${expected}`
            : `write it as ${expected} in JSON${wanted.includes('a string') || wanted.includes('an object') || wanted.includes('an array') ? '' : ' (without quotes)'}`,
      })
      return
    }
    this.add({ code: 'constraint-error', ...at, ...withValue, ...this.constraintText(e, subject) })
  }

  private constraintText(e: ErrorObject, subject: string): { message: string; hint: string } {
    const p = e.params as Record<string, unknown>
    switch (e.keyword) {
      case 'enum': {
        const allowed = (p.allowedValues as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
        const list = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, …` : allowed.join(', ')
        return { message: `${subject} must be one of: ${list}`, hint: 'use one of the allowed values, or add this one to the schema\'s "enum"' }
      }
      case 'const':
        return { message: `${subject} must be ${JSON.stringify(p.allowedValue)}`, hint: 'use that value, or correct the schema\'s "const"' }
      case 'format': {
        const format = String(p.format)
        const example = FORMAT_EXAMPLES[format]
        return { message: `${subject} is not a valid ${format}`, hint: `write it in the ${format} format${example ? `, e.g. ${example}` : ''}` }
      }
      case 'pattern':
        return { message: `${subject} does not match the pattern ${String(p.pattern)}`, hint: 'correct the value so that it matches the schema\'s "pattern"' }
      case 'anyOf':
      case 'oneOf':
        return {
          message: `${subject} ${e.keyword === 'oneOf' && typeof p.passingSchemas === 'object' && p.passingSchemas !== null ? 'matches more than one' : 'matches none'} of the alternatives in the schema's "${e.keyword}"`,
          hint: `make it fit exactly ${e.keyword === 'oneOf' ? 'one' : 'at least one'} of the "${e.keyword}" alternatives`,
        }
      default:
        return { message: `${subject} ${e.message ?? `fails "${e.keyword}"`}`, hint: `correct the value, or the schema's "${e.keyword}" if the rule is wrong` }
    }
  }
}

/** Reads a CSV and validates each row, as an object built from the header, against the schema. */
async function scanCsv(o: ValidateWithJsonSchemaOptions, compiled: CompiledJsonSchema, add: Add, file: string): Promise<number> {
  const explainer = new Explainer(compiled, add)
  let labels: Array<string | undefined> = [] // per column: the property it fills, or undefined (ignored column)
  let types: Array<JsonTypes | undefined> = []
  const columns = new Map<string, number>()
  let absentColumns = new Set<string>()
  let width = 0
  let first = true
  let rows = 0
  let delimiter = ','

  const onHeader = (record: string[], info: CsvInfo): void => {
    delimiter = info.delimiter
    width = record.length
    labels = record.map((raw, i) => {
      const label = raw.trim()
      if (label === '') {
        add({ code: 'blank-label', row: 1, fieldNumber: i + 1, message: `column ${i + 1} has no label`, hint: 'write the field name in the header' })
        return undefined
      }
      if (columns.has(label)) {
        add({ code: 'duplicate-label', row: 1, field: label, fieldNumber: i + 1, value: cut(label), message: `the label "${label}" appears twice in the header (columns ${(columns.get(label) ?? 0) + 1} and ${i + 1})`, hint: 'rename or remove one of the two columns' })
        return undefined
      }
      columns.set(label, i)
      if (compiled.properties.has(label) || compiled.patterns.some((p) => p.test(label)) || compiled.others === 'checked') return label
      if (compiled.others === 'forbidden') {
        add({ code: 'extra-label', row: 1, field: label, fieldNumber: i + 1, value: cut(label), message: `the column "${label}" is not allowed by the schema (it declares no such property and forbids others)`, hint: 'remove the column, or add the property to the schema' })
        return undefined
      }
      add({ code: 'extra-label', severity: 'warning', row: 1, field: label, fieldNumber: i + 1, value: cut(label), message: `the column "${label}" is not in the schema's properties; its cells are not checked`, hint: 'remove the column, or add the property to the schema' })
      return label
    })
    types = labels.map((l) => (l === undefined ? undefined : compiled.properties.get(l)))
    for (const name of compiled.required) {
      if (!columns.has(name)) add({ code: 'missing-label', row: 1, field: name, message: `the header has no column "${name}", which the schema requires`, hint: `add a "${name}" column (its name must match the schema exactly)` })
    }
    absentColumns = new Set([...compiled.required].filter((n) => !columns.has(n)))
  }

  const onRecord = (record: string[], at: number, info: CsvInfo): void => {
    if (first) {
      first = false
      onHeader(record, info)
      return
    }
    rows++
    if (record.length <= width && record.every((c) => c === '')) {
      add({ code: 'blank-row', row: at, message: record.length === 1 ? 'the row is blank' : 'every cell of the row is empty', hint: record.length === 1 ? 'delete the empty line' : 'delete the row, or fill it in' })
      return
    }
    if (record.length > width) {
      add({
        code: 'extra-cell',
        row: at,
        fieldNumber: width + 1,
        value: cut(record[width] ?? ''),
        message: `the row has ${record.length} cells but the header has ${width}`,
        hint: `remove the extra cells, or quote a value that holds "${delimiter === '\t' ? '\\t' : delimiter}"`,
      })
    }
    let reported = absentColumns
    const data: Record<string, unknown> = {}
    for (let col = 0; col < width; col++) {
      const label = labels[col]
      if (label === undefined) continue
      if (col >= record.length) {
        if (reported === absentColumns) reported = new Set(absentColumns)
        reported.add(label)
        add({ code: 'missing-cell', row: at, field: label, fieldNumber: col + 1, message: `the row ends before "${label}" (it has ${record.length} cells, the header ${width})`, hint: 'add the missing cells, or check for an unquoted line break in an earlier cell' })
        continue
      }
      const cell = record[col] as string
      if (cell === '') continue
      if (info.badBytes && cell.includes('\uFFFD')) {
        add({ code: 'encoding-error', row: at, field: label, fieldNumber: col + 1, value: cut(cell), message: 'the cell holds bytes that are not valid in the file\'s encoding', hint: 'save the export as UTF-8, or pass --encoding windows-1252 for an Excel export' })
      }
      data[label] = coerceCell(cell, types[col])
    }
    if (!compiled.validate(data)) explainer.explain(compiled.validate.errors ?? [], { row: at, data, csv: true, columns, cells: record, reported })
  }

  const info = await readCsvRecords(
    { ...(o.path !== undefined ? { path: o.path } : { text: o.text ?? '' }), ...(o.dialect ? { dialect: { ...o.dialect, header: true } } : {}), ...(o.encoding ? { encoding: o.encoding } : {}), file },
    onRecord,
  )
  if (info.broken) {
    add({ code: 'source-error', ...(info.broken.line ? { row: info.broken.line } : {}), message: `the CSV cannot be read past this point: ${info.broken.message}`, hint: 'look for a quote that is opened and never closed' })
  } else if (first) {
    add({ code: 'source-error', message: 'the file has no header row', hint: 'write the field names on the first line' })
  }
  return rows
}

/** Reads JSON records (array, NDJSON, GeoJSON features' properties) and validates each against the schema. */
async function scanRecords(o: ValidateWithJsonSchemaOptions, compiled: CompiledJsonSchema, add: Add, file: string, kind: RecordsFormat): Promise<number> {
  const explainer = new Explainer(compiled, add)
  const check = (record: unknown, row: number): void => {
    if (!compiled.validate(record)) explainer.explain(compiled.validate.errors ?? [], { row, data: record, csv: false })
  }
  let badBytes = false
  let chunks: AsyncGenerator<string>
  if (o.path !== undefined) {
    const info = await inspectFile(o.path, o.encoding)
    chunks = readText(o.path, info, () => (badBytes = true))
  } else {
    const text = (o.text ?? '').replace(/^\uFEFF/, '')
    chunks = (async function* () {
      yield text
    })()
  }
  const { rows } = await readJsonItems(
    { chunks, file, ...(o.path !== undefined ? { path: o.path } : {}), format: kind },
    (item, row) => {
      if (kind !== 'geojson') return check(item, row)
      if (!isObject(item) || item.type !== 'Feature') {
        add({ code: 'source-error', row, message: 'the item of "features" is not a GeoJSON Feature', hint: 'write each item as {"type": "Feature", "geometry": …, "properties": {…}}' })
        return
      }
      check(item.properties ?? {}, row)
    },
    (line, row, err) =>
      add({ code: 'source-error', row, value: cut(line), message: `the line is not JSON (${err.message})`, hint: 'write one JSON object a line; a record must not span lines' }),
  )
  if (badBytes) add({ code: 'encoding-error', message: 'the file holds bytes that are not valid in its encoding', hint: 'save the export as UTF-8, or pass --encoding' })
  return rows
}

/**
 * Validates a file against a JSON Schema (draft 2020-12, 2019-09 or draft-07), with the same
 * `Report`, Frictionless codes and `maxErrors` as `validateTable`.
 *
 * - **JSON records** (a JSON array, NDJSON, a GeoJSON FeatureCollection, chosen as `validateRecords`
 *   chooses) are validated one by one as they are; for GeoJSON the record is each Feature's
 *   `properties` (the geometry is not checked). `row` is the NDJSON line, or the 1-based item.
 * - **CSV** rows become objects keyed by the header: each cell is converted to the type its property
 *   declares (integer, number, boolean, null, an object or array written as JSON; a cell that does
 *   not read as that type stays a string and fails), and an empty cell leaves the property out.
 *   `row` is the physical line.
 * - ajv's errors map to codes: `type` → `type-error`; `required` → `missing-cell` (JSON), a
 *   `constraint-error` for an empty CSV cell, or one `missing-label` for a column the header lacks;
 *   `additionalProperties: false` → one `extra-label` a key (for CSV, from the header) and a short row's
 *   cells → `missing-cell`, a long row → `extra-cell`; every other keyword → `constraint-error`.
 * - A JSON Schema has no primary key or `unique` across records: only each record is checked.
 *
 * @example
 * import { compileJsonSchema, validateWithJsonSchema } from '@thanekit/sdk/validate'
 * const schema = compileJsonSchema(JSON.parse(readFileSync('reading.schema.json', 'utf8')))
 * const report = await validateWithJsonSchema({ path: 'readings.ndjson', schema })
 */
export async function validateWithJsonSchema(options: ValidateWithJsonSchemaOptions): Promise<Report> {
  const compiled = options.schema instanceof CompiledJsonSchema ? options.schema : compileJsonSchema(options.schema, options.schemaName ? `schema ${options.schemaName}` : 'the JSON Schema')
  const collector = new Collector(options.maxErrors ?? DEFAULT_MAX_ERRORS)
  const file = options.path ?? '<text>'
  // Labels and keys come from the data and may hold line breaks; a message stays one line.
  const add: Add = (e) => collector.add({ severity: 'error', file, ...e, message: oneLine(e.message), hint: oneLine(e.hint) } as ValidationError)
  const format = options.format ?? (options.path !== undefined ? recordsFormatOf(options.path) : undefined) ?? 'csv'
  const rows = format === 'csv' ? await scanCsv(options, compiled, add, file) : await scanRecords(options, compiled, add, file, format)
  return collector.report(file, rows, [{ file, rows, valid: collector.severities.error === 0 }], options.schemaName)
}
