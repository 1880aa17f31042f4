import { existsSync, statSync } from 'node:fs'
import { GTFS_RULES_URL, inferSchema, type TableSchema } from '@thanekit/sdk/validate'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { GTFS_SCHEMA, builtinSchemas, type BuiltinSchema } from './validate.js'
import { writeFileAtomically } from './write-file.js'

const m = msg.schema

/** One row of `thane schema list`. */
export interface SchemaListing {
  /** What `--schema` and `thane schema show` take: `grievances/requests`, …, `gtfs`. */
  name: string
  /** The bundled file (or folder, for gtfs) the schema describes, as `datasets/<dataset>/<path>`. */
  resource: string
  /** How many fields the schema has (for gtfs: over every GTFS file). */
  fields: number
}

/** What `thane schema show gtfs` prints: the rule pack's tables, as the bundled feed's Table Schemas. */
export interface GtfsSchemaDocument {
  name: typeof GTFS_SCHEMA
  description: string
  rules: string
  tables: Array<{ name: string; path: string; schema: TableSchema }>
}

const GTFS_FOLDER = 'datasets/transit/gtfs/'

/** The GTFS rule pack's tables: the bundled transit feed's resources that live under gtfs/. */
function gtfsDocument(builtins: BuiltinSchema[]): GtfsSchemaDocument {
  const tables = builtins
    .filter((b) => b.resource?.startsWith(GTFS_FOLDER))
    .map((b) => ({ name: b.name.slice('transit/'.length), path: (b.resource ?? '').slice(GTFS_FOLDER.length), schema: b.schema }))
  return { name: GTFS_SCHEMA, description: m.gtfsDescription, rules: GTFS_RULES_URL, tables }
}

/** Every built-in schema, then gtfs (the bundled datapackage.json files are read once). */
export function listSchemas(): SchemaListing[] {
  const builtins = builtinSchemas()
  const rows = builtins.map((b) => ({ name: b.name, resource: b.resource ?? '', fields: b.schema.fields.length }))
  const gtfs = gtfsDocument(builtins)
  rows.push({ name: GTFS_SCHEMA, resource: GTFS_FOLDER, fields: gtfs.tables.reduce((n, t) => n + t.schema.fields.length, 0) })
  return rows
}

/** A built-in schema by name; throws a `UserError` (exit 2) naming every schema when there is none. */
export function showSchema(name: string): TableSchema | GtfsSchemaDocument {
  const builtins = builtinSchemas()
  if (name === GTFS_SCHEMA) return gtfsDocument(builtins)
  const builtin = builtins.find((b) => b.name === name)
  if (!builtin) throw new UserError(m.unknown(name, [...builtins.map((b) => b.name), GTFS_SCHEMA]))
  return builtin.schema
}

export interface InferOptions {
  file: string
  sampleRows: number
  output?: string | undefined
  force: boolean
  encoding?: string | undefined
}

/** Infers the schema of a file; writes it to `output` (never over a file without `force`) when given. */
export async function inferToFile(options: InferOptions): Promise<TableSchema> {
  const { file, output } = options
  let isDir = false
  try {
    isDir = statSync(file).isDirectory()
  } catch {
    throw new UserError(m.missing(file))
  }
  if (isDir) throw new UserError(m.folder(file))
  if (output !== undefined && existsSync(output) && !options.force) throw new UserError(m.exists(output))
  const schema = await inferSchema(file, { sampleRows: options.sampleRows, ...(options.encoding ? { encoding: options.encoding } : {}) })
  // Whole or not at all: an interrupted run never leaves half a schema (nor half of the file --force replaces).
  if (output !== undefined) writeFileAtomically(output, `${JSON.stringify(schema, null, 2)}\n`, m.cannotWrite)
  return schema
}
