import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { assetPath } from '@thanekit/sdk/assets'
import { GTFS_RULES_URL, inferSchema, type TableSchema } from '@thanekit/sdk/validate'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { GTFS_SCHEMA, builtinSchemas } from './validate.js'

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

/** The `path` of each resource of the bundled datasets, by built-in name (`grievances/requests`), as `datasets/<dataset>/<path>`. */
function resourcePaths(): Map<string, string> {
  const root = assetPath('datasets')
  const out = new Map<string, string>()
  for (const dataset of new Set(builtinSchemas().map((b) => b.name.split('/')[0] as string))) {
    const pkg = JSON.parse(readFileSync(join(root, dataset, 'datapackage.json'), 'utf8')) as { resources?: Array<{ name?: string; path?: unknown }> }
    for (const r of pkg.resources ?? []) if (r.name && typeof r.path === 'string') out.set(`${dataset}/${r.name}`, `datasets/${dataset}/${r.path}`)
  }
  return out
}

/** The GTFS rule pack's tables: the bundled transit feed's resources that live under gtfs/. */
function gtfsDocument(): GtfsSchemaDocument {
  const paths = resourcePaths()
  const tables = builtinSchemas()
    .filter((b) => (paths.get(b.name) ?? '').startsWith('datasets/transit/gtfs/'))
    .map((b) => ({ name: b.name.slice('transit/'.length), path: (paths.get(b.name) ?? '').slice('datasets/transit/gtfs/'.length), schema: b.schema }))
  return { name: GTFS_SCHEMA, description: m.gtfsDescription, rules: GTFS_RULES_URL, tables }
}

/** Every built-in schema, then gtfs. */
export function listSchemas(): SchemaListing[] {
  const paths = resourcePaths()
  const rows = builtinSchemas().map((b) => ({ name: b.name, resource: paths.get(b.name) ?? '', fields: b.schema.fields.length }))
  const gtfs = gtfsDocument()
  rows.push({ name: GTFS_SCHEMA, resource: 'datasets/transit/gtfs/', fields: gtfs.tables.reduce((n, t) => n + t.schema.fields.length, 0) })
  return rows
}

/** A built-in schema by name; throws a `UserError` (exit 2) naming every schema when there is none. */
export function showSchema(name: string): TableSchema | GtfsSchemaDocument {
  if (name === GTFS_SCHEMA) return gtfsDocument()
  const builtin = builtinSchemas().find((b) => b.name === name)
  if (!builtin) throw new UserError(m.unknown(name, listSchemas().map((s) => s.name)))
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
  if (output !== undefined) {
    try {
      writeFileSync(output, `${JSON.stringify(schema, null, 2)}\n`)
    } catch (err) {
      throw new UserError(m.cannotWrite(output, (err as NodeJS.ErrnoException).code ?? String(err)), { cause: err })
    }
  }
  return schema
}
