import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { assetPath } from '@thanekit/sdk/assets'
import { loadSchemaFile, readHeader, readRecordKeys, recordsFormatOf, validateGtfs, validatePackage, validateRecords, validateTable, validateWithJsonSchema, type CompiledJsonSchema, type Report, type Severity, type TableSchema } from '@thanekit/sdk/validate'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { oneLineText } from './visible-text.js'

const m = msg.validate

/** A schema that ships with Thane Kit: a tabular resource of a bundled dataset. */
export interface BuiltinSchema {
  /** `<dataset folder>/<resource name>`, e.g. `grievances/requests`. */
  name: string
  schema: TableSchema
  /** The bundled file the schema describes, as `datasets/<dataset>/<path>` (none when the resource has no path). */
  resource?: string | undefined
}

/** Every tabular resource of the bundled datasets' datapackage.json files. */
export function builtinSchemas(): BuiltinSchema[] {
  const root = assetPath('datasets')
  const out: BuiltinSchema[] = []
  for (const dataset of readdirSync(root).sort()) {
    const file = join(root, dataset, 'datapackage.json')
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { resources?: Array<{ name?: string; path?: unknown; schema?: unknown }> }
    for (const r of pkg.resources ?? []) {
      if (!r.name || !r.schema || typeof r.schema !== 'object') continue
      const resource = typeof r.path === 'string' ? `datasets/${dataset}/${r.path}` : undefined
      out.push({ name: `${dataset}/${r.name}`, schema: r.schema as TableSchema, resource })
    }
  }
  return out
}

/**
 * The built-in schema whose field names best match a header: the highest share of names in common
 * (shared / all distinct names), which must be more than half. The first listed wins a tie.
 */
export function matchSchema(header: string[], candidates: BuiltinSchema[]): BuiltinSchema | undefined {
  const labels = new Set(header)
  let best: BuiltinSchema | undefined
  let bestScore = 0.5
  for (const c of candidates) {
    const names = c.schema.fields.map((f) => f.name)
    const shared = names.filter((n) => labels.has(n)).length
    const score = shared / (labels.size + names.length - shared)
    if (score > bestScore) {
      best = c
      bestScore = score
    }
  }
  return best
}

export type FailOn = 'error' | 'warning' | 'never'

export interface ValidateOptions {
  paths: string[]
  /** A built-in schema name or a Table Schema file; default: chosen by the header. */
  schema?: string | undefined
  encoding?: string | undefined
  maxErrors: number
  failOn: FailOn
  /** Told which built-in schema was chosen for a file. */
  onChoice?: (path: string, schemaName: string) => void
  /** Told how much of an input has been read, in bytes, while it is checked. */
  onProgress?: (path: string, done: number, total: number) => void
  /** `publish`: personal data (phone numbers, e-mail, Aadhaar, names) is an error, not a warning. Default `default`. */
  profile?: 'default' | 'publish' | undefined
  /** Worker threads for large CSV files. Default: the engine's (one a core). */
  threads?: number | undefined
}

/** What `thane validate --json` prints. */
export interface ValidateResult {
  /** False when a problem at or above `failOn` was found in any input. */
  valid: boolean
  failOn: FailOn
  /** One report an input, in the order given. */
  reports: Report[]
}

const isPackage = (path: string) => basename(path).toLowerCase().endsWith('datapackage.json')

/** JSON records (`.json`, `.ndjson`, `.jsonl`, `.geojson`, also `.gz`), checked by `validateRecords`; a datapackage.json is not. */
const isRecords = (path: string) => !isPackage(path) && recordsFormatOf(path) !== undefined

/** The built-in GTFS rule pack's `--schema` name. */
export const GTFS_SCHEMA = 'gtfs'

/** A GTFS feed: a `.zip`, or a folder with stops.txt (another folder is a usage error). */
const isGtfs = (path: string, isDir: boolean) => (isDir ? existsSync(join(path, 'stops.txt')) : path.toLowerCase().endsWith('.zip'))

/** Checks every input and returns their reports; throws a `UserError` (or an SDK error) for bad usage or unreadable input. */
export async function validatePaths(options: ValidateOptions): Promise<ValidateResult> {
  if (options.paths.length === 0) throw new UserError(m.noPaths)
  // Unreadable inputs fail before any report is printed.
  const gtfs = new Set<string>()
  const asGtfs = options.schema === GTFS_SCHEMA
  for (const path of options.paths) {
    let isDir = false
    try {
      isDir = statSync(path).isDirectory()
    } catch (err) {
      // A folder that may not be entered is not a missing file: say which.
      const code = (err as NodeJS.ErrnoException).code
      throw new UserError(code === 'EACCES' || code === 'EPERM' ? m.unreadable(path) : m.missing(path), { cause: err })
    }
    if (options.schema && isPackage(path)) throw new UserError(m.schemaWithPackage(path))
    if (asGtfs || isGtfs(path, isDir)) {
      gtfs.add(path)
      continue
    }
    if (isDir) throw new UserError(m.folder(path))
  }
  let fixed: { name: string; schema: TableSchema } | undefined
  // A schema file may be a JSON Schema instead of a Table Schema (told apart by its $schema or shape).
  let jsonSchema: { name: string; schema: CompiledJsonSchema } | undefined
  let builtins: BuiltinSchema[] | undefined
  if (options.schema && !asGtfs) {
    builtins = builtinSchemas()
    const ref = options.schema
    const builtin = builtins.find((b) => b.name === ref)
    if (builtin) fixed = builtin
    else if (existsSync(ref)) {
      const loaded = await loadSchemaFile(ref)
      if (loaded.kind === 'json-schema') jsonSchema = { name: ref, schema: loaded.schema }
      else fixed = { name: ref, schema: loaded.schema }
    }
    else throw new UserError(m.unknownSchema(ref, [...builtins.map((b) => b.name), GTFS_SCHEMA]))
  }
  const reports: Report[] = []
  const onProgress = options.onProgress
  for (const path of options.paths) {
    if (gtfs.has(path)) {
      reports.push(await validateGtfs(path, { maxErrors: options.maxErrors }))
      continue
    }
    if (isPackage(path)) {
      reports.push(
        await validatePackage(path, {
          maxErrors: options.maxErrors,
          ...(options.profile ? { profile: options.profile } : {}),
          ...(options.threads ? { threads: options.threads } : {}),
          ...(onProgress ? { onProgress: (done: number, total: number) => onProgress(path, done, total) } : {}),
        }),
      )
      continue
    }
    if (jsonSchema) {
      reports.push(
        await validateWithJsonSchema({
          path,
          schema: jsonSchema.schema,
          schemaName: jsonSchema.name,
          maxErrors: options.maxErrors,
          ...(options.encoding ? { encoding: options.encoding } : {}),
        }),
      )
      continue
    }
    let chosen = fixed
    if (!chosen) {
      builtins ??= builtinSchemas()
      const enc = options.encoding ? { encoding: options.encoding } : {}
      const header = isRecords(path) ? await readRecordKeys(path, enc) : await readHeader(path, enc)
      chosen = matchSchema(header, builtins)
      if (!chosen) throw new UserError(m.noMatch(path))
      options.onChoice?.(path, chosen.name)
    }
    if (isRecords(path)) {
      reports.push(
        await validateRecords({
          path,
          schema: chosen.schema,
          schemaName: chosen.name,
          maxErrors: options.maxErrors,
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.profile ? { profile: options.profile } : {}),
        }),
      )
      continue
    }
    reports.push(
      await validateTable({
        path,
        schema: chosen.schema,
        schemaName: chosen.name,
        maxErrors: options.maxErrors,
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.threads ? { threads: options.threads } : {}),
        ...(onProgress ? { onProgress: (done: number, total: number) => onProgress(path, done, total) } : {}),
      }),
    )
  }
  return { valid: reports.every((r) => !fails(r, options.failOn)), failOn: options.failOn, reports }
}

/** Whether a report fails the run under `--fail-on`. */
export function fails(report: Report, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  const worst: Severity[] = failOn === 'warning' ? ['error', 'warning'] : ['error']
  return worst.some((s) => report.severities[s] > 0)
}

/** The text report: problems grouped by code with the first examples of each, then one summary line. */
export function renderText(result: ValidateResult, examples = 3): string {
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  for (const r of result.reports) {
    errors += r.severities.error
    warnings += r.severities.warning
    lines.push(m.heading(r.source, r.rows, r.severities.error, r.severities.warning))
    for (const [code, n] of Object.entries(r.counts)) {
      lines.push(m.group(code, n ?? 0))
      const kept = r.errors.filter((e) => e.code === code)
      for (const e of kept.slice(0, examples)) {
        const where = [
          r.tables.length > 1 && e.file ? basename(e.file) : undefined,
          e.row !== undefined ? `line ${e.row}` : undefined,
          e.field,
        ].filter(Boolean).join(', ')
        // Shown, not obeyed: a cell's escape sequences must not drive the terminal.
        const value = e.value !== undefined ? ` "${oneLineText(e.value)}"` : ''
        lines.push(m.example(where ? `${oneLineText(where)}${value}: ` : value ? `${value.trim()}: ` : '', oneLineText(e.message), oneLineText(e.hint)))
      }
      if ((n ?? 0) > Math.min(kept.length, examples)) lines.push(m.more((n ?? 0) - Math.min(kept.length, examples)))
    }
    if (r.truncated) lines.push(m.truncated(r.errors.length))
  }
  const invalid = result.reports.filter((r) => fails(r, result.failOn === 'never' ? 'error' : result.failOn)).length
  lines.push(m.totals(result.reports.length, invalid, errors, warnings))
  return lines.join('\n')
}
