import { readFile, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join } from 'node:path'
import { KeySet } from './keyset.js'
import type { Profile } from './rules/index.js'
import { Collector, DEFAULT_MAX_ERRORS, scanTable, type KeyCheck, type KeyRequest } from './table.js'
import { SchemaError, asList, checkTableSchema, loadTableSchema } from './schema.js'
import { SourceError, unreadableMessage } from './source.js'
import type { Dialect, Report, TableSchema, TableSummary } from './types.js'

/** Options of `validatePackage`. */
export interface ValidatePackageOptions {
  /** How many problems to keep in `errors` (the counts still count all). Default 1000. */
  maxErrors?: number
  /** Rule packs: `publish` also reports personal data as errors. Default `default`. */
  profile?: Profile
  /** Threads that check large plain files, this one included (1 = no worker). Default `os.availableParallelism()`. */
  threads?: number
  /** A cell larger than this stops a file's read with a source-error. Default 32 MiB. */
  maxCellBytes?: number
  /** Told how far the package's reading has gone, in bytes of all the passes over its files (at most about 10 times a second). */
  onProgress?: (done: number, total: number) => void
}

interface Resource {
  name: string
  path: string
  file: string
  schema: TableSchema
  dialect: Dialect
  encoding?: string
}

interface RawResource {
  name?: string
  path?: unknown
  profile?: string
  schema?: unknown
  dialect?: { delimiter?: string; quoteChar?: string; header?: boolean }
  encoding?: string
}

/** Reads datapackage.json and returns its tabular resources (those with a schema and a file path). */
async function loadResources(path: string): Promise<Resource[]> {
  let text: string
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new SourceError(`${path} is a folder; give the path of its datapackage.json`, path)
    text = await readFile(path, 'utf8')
  } catch (err) {
    if (err instanceof SourceError) throw err
    throw new SourceError(unreadableMessage(path, err), path, { cause: err })
  }
  let pkg: { resources?: RawResource[] }
  try {
    pkg = JSON.parse(text) as { resources?: RawResource[] }
  } catch (err) {
    throw new SchemaError(`${path} is not valid JSON (${(err as Error).message})`, { cause: err })
  }
  if (!pkg || typeof pkg !== 'object' || !Array.isArray(pkg.resources)) throw new SchemaError(`${path} is not a Data Package: it has no "resources" list`)
  const dir = dirname(path)
  const out: Resource[] = []
  for (const [i, r] of pkg.resources.entries()) {
    if (!r || typeof r !== 'object' || r.schema === undefined) continue
    const name = r.name ?? `resource ${i + 1}`
    if (typeof r.path !== 'string') throw new SchemaError(`${path}: resource "${name}" must have one file "path" (multipart and inline data come in a later version)`)
    const schema =
      typeof r.schema === 'string'
        ? await loadTableSchema(isAbsolute(r.schema) ? r.schema : join(dir, r.schema))
        : checkTableSchema(r.schema, `${path}: the schema of resource "${name}"`)
    const dialect: Dialect = {}
    if (r.dialect?.delimiter) dialect.delimiter = r.dialect.delimiter
    if (r.dialect?.quoteChar) dialect.quoteChar = r.dialect.quoteChar
    if (r.dialect?.header === false) dialect.header = false
    const encoding = r.encoding && r.encoding.toLowerCase() !== 'utf-8' ? r.encoding : undefined
    out.push({ name, path: r.path, file: join(dir, r.path), schema, dialect, ...(encoding ? { encoding } : {}) })
  }
  return out
}

/**
 * Validates every tabular resource of a Frictionless Data Package, and the foreign keys across its
 * files. Referenced tables are read first so their keys are at hand; only the keys are kept, as
 * 64-bit hashes (see keyset.ts), so memory grows by 8 bytes a distinct key, not with the data.
 *
 * @example
 * import { validatePackage } from '@thanekit/sdk/validate'
 * const report = await validatePackage('datasets/grievances/datapackage.json')
 */
export async function validatePackage(path: string, options: ValidatePackageOptions = {}): Promise<Report> {
  const resources = await loadResources(path)
  const byName = new Map(resources.map((r) => [r.name, r]))

  // Every foreign key, resolved; and which key sets each resource must collect while it is read.
  const requests = new Map<string, KeyRequest[]>()
  const keySet = (target: string, fields: string[]): KeySet => {
    const list = requests.get(target) ?? []
    requests.set(target, list)
    const found = list.find((k) => k.fields.join('\0') === fields.join('\0'))
    if (found) return found.keys
    const keys = new KeySet()
    list.push({ fields, keys })
    return keys
  }
  const checks = new Map<string, KeyCheck[]>()
  const dependsOn = new Map<string, string[]>()
  for (const r of resources) {
    for (const fk of r.schema.foreignKeys ?? []) {
      const target = fk.reference.resource ? fk.reference.resource : r.name
      const t = byName.get(target)
      if (!t) throw new SchemaError(`${path}: a foreign key of "${r.name}" references "${target}", which is not a tabular resource of the package`)
      const targetFields = asList(fk.reference.fields)
      for (const f of targetFields) {
        if (!t.schema.fields.some((x) => x.name === f)) throw new SchemaError(`${path}: a foreign key of "${r.name}" references ${target}.${f}, which is not a field`)
      }
      const list = checks.get(r.name) ?? []
      list.push({ fields: asList(fk.fields), keys: keySet(target, targetFields), resource: target, target: `${target} (${t.path})`, targetFields })
      checks.set(r.name, list)
      if (target !== r.name) dependsOn.set(r.name, [...(dependsOn.get(r.name) ?? []), target])
    }
  }

  // Referenced resources first (depth first); a cycle falls back to a keys-only pass below.
  const order: Resource[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (r: Resource) => {
    if (state.get(r.name)) return
    state.set(r.name, 'visiting')
    for (const d of dependsOn.get(r.name) ?? []) visit(byName.get(d) as Resource)
    state.set(r.name, 'done')
    order.push(r)
  }
  resources.forEach(visit)

  const collector = new Collector(options.maxErrors ?? DEFAULT_MAX_ERRORS)
  const tuning = {
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.maxCellBytes !== undefined ? { maxCellBytes: options.maxCellBytes } : {}),
  }
  // Keys of a table not read yet (itself, or a cycle) take one pass that only collects them.
  const done = new Set<string>()
  const plan = order.map((r) => {
    const pending = [...new Set((checks.get(r.name) ?? []).map((k) => k.resource))].filter((t) => !done.has(t))
    done.add(r.name)
    return { r, pending }
  })
  done.clear()
  const progress = await packageProgress(plan.flatMap(({ r, pending }) => [...pending.map((t) => (byName.get(t) as Resource).file), r.file]), options.onProgress)
  const summaries = new Map<string, TableSummary>()
  let rows = 0
  for (const { r, pending } of plan) {
    const fks = checks.get(r.name) ?? []
    for (const t of pending) {
      const target = byName.get(t) as Resource
      await scanTable({ ...source(target), ...tuning, ...progress.next(), collector: new Collector(0), file: target.file, collect: requests.get(t) ?? [] }).catch(() => 0)
    }
    const before = collector.severities.error
    try {
      const n = await scanTable({
        ...source(r),
        ...tuning,
        ...progress.next(),
        collector,
        file: r.file,
        resource: r.name,
        collect: pending.includes(r.name) ? [] : (requests.get(r.name) ?? []),
        foreignKeys: fks,
      })
      rows += n
      summaries.set(r.name, { file: r.file, resource: r.name, rows: n, valid: collector.severities.error === before })
    } catch (err) {
      if (!(err instanceof SourceError)) throw err
      collector.add({ code: 'source-error', severity: 'error', file: r.file, resource: r.name, message: err.message, hint: `check the "path" of resource "${r.name}" in ${path}` })
      summaries.set(r.name, { file: r.file, resource: r.name, rows: 0, valid: false })
    }
    done.add(r.name)
  }
  progress.end()
  const tables = resources.map((r) => summaries.get(r.name) as TableSummary)
  return collector.report(path, rows, tables)
}

/**
 * One progress over the passes of a package: each pass's own progress (bytes of its file) is
 * offset by the passes before it. `next()` gives the option for the next pass, in plan order.
 */
async function packageProgress(files: string[], onProgress: ((done: number, total: number) => void) | undefined) {
  if (!onProgress) return { next: () => ({}), end: () => undefined }
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => s.size, () => 0)))
  const total = sizes.reduce((a, b) => a + b, 0)
  let pass = -1
  let before = 0
  let last = -1
  const report = (done: number) => {
    if (done !== last) onProgress((last = done), total)
  }
  return {
    next: () => {
      if (pass >= 0) before += sizes[pass] ?? 0
      pass++
      const offset = before
      const size = sizes[pass] ?? 0
      return { onProgress: (done: number) => report(offset + Math.min(done, size)) }
    },
    end: () => report(total),
  }
}

function source(r: Resource) {
  return { path: r.file, schema: r.schema, dialect: r.dialect, ...(r.encoding ? { encoding: r.encoding } : {}) }
}
