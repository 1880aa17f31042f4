import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { GRIEVANCES, brokenPackage } from '../../sdk/test/fixtures/validate/broken.js'
import { requestRecords, toNdjson, type Rec } from '../../sdk/test/fixtures/validate/records.js'
import { BUNDLED, edit, feed } from '../../sdk/test/fixtures/validate-gtfs/feed.js'
import Validate from '../src/commands/validate.js'
import { runThane } from './helpers.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const SCHEMA_FILE = join(ROOT, 'cli', 'schemas', 'validate-result.schema.json')

interface SchemaDoc {
  $schema: string
  $id: string
  $defs: Record<string, { anyOf?: Array<{ const?: string; description?: string; $ref?: string }> }>
}

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as SchemaDoc
const ajv = new Ajv2020({ strict: true, allErrors: true })
const check = ajv.compile(schema)

/** The codes a `$defs` entry lists, following `$ref`s to other entries. */
function constsOf(def: string): string[] {
  return (schema.$defs[def]?.anyOf ?? []).flatMap((a) => (a.$ref ? constsOf(a.$ref.replace('#/$defs/', '')) : a.const !== undefined ? [a.const] : []))
}

/** The string literals of a union type alias, read from the SDK's source by the TypeScript checker. */
function unionMembers(file: string, alias: string): string[] {
  // Only the SDK's own files: no lib and no @types, which would take seconds to load and say nothing here.
  const program = ts.createProgram([file], { noLib: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  const decl = source?.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === alias)
  if (!decl) throw new Error(`${alias} not found in ${file}`)
  const type = checker.getTypeAtLocation(decl.name)
  return (type.isUnion() ? type.types : [type]).map((t) => (t.isStringLiteral() ? t.value : checker.typeToString(t)))
}

/** Runs `thane validate <args> --json` and returns its exit code and parsed output, after checking it against the schema. */
async function validJson(args: string[]): Promise<{ code: number | null; json: Record<string, unknown> & { reports?: Array<Record<string, unknown>> } }> {
  const r = await runThane(['validate', ...args, '--json'])
  const json = JSON.parse(r.stdout) as Record<string, unknown>
  const ok = check(json)
  expect(ok ? [] : ajv.errorsText(check.errors, { separator: '\n' }).split('\n'), args.join(' ')).toEqual([])
  return { code: r.code, json }
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'thane-report-schema-'))

describe('thane validate --json: the documented JSON Schema', () => {
  it('schema: is draft 2020-12 with an $id, and describes every code and severity', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.$id).toMatch(/^https:\/\/.+validate-result\.schema\.json$/)
    for (const def of ['frictionlessCode', 'ruleCode', 'gtfsCode', 'severity']) {
      for (const entry of schema.$defs[def]?.anyOf ?? []) expect(entry.description, `${def} ${entry.const}`).toMatch(/\w/)
    }
  })

  it('schema: lists exactly the codes and severities of the SDK types ErrorCode and Severity', () => {
    const types = join(ROOT, 'sdk', 'src', 'validate', 'types.ts')
    expect(constsOf('code').sort()).toEqual(unionMembers(types, 'ErrorCode').sort())
    expect(constsOf('severity').sort()).toEqual(unionMembers(types, 'Severity').sort())
    // No code is listed twice (a code in two families would be ambiguous).
    expect(new Set(constsOf('code')).size).toBe(constsOf('code').length)
  })

  it('flags: the flag surface of thane validate is what scripts rely on (a change here is a breaking change; --json comes with enableJsonFlag)', () => {
    expect(Validate.enableJsonFlag).toBe(true)
    const flags: Record<string, { type: string; options?: readonly string[]; default?: unknown }> = { ...Validate.baseFlags, ...Validate.flags }
    const surface = Object.fromEntries(
      Object.entries(flags)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, f]) => [name, [f.type, f.options?.join('|'), f.default].filter((x) => x !== undefined).join(' ')]),
    )
    expect(surface).toEqual({
      debug: 'boolean',
      encoding: 'option',
      'fail-on': 'option error|warning|never error',
      format: 'option text|json|junit',
      'max-errors': 'option 1000',
      profile: 'option default|publish',
      report: 'option',
      schema: 'option',
      threads: 'option',
    })
  })

  it('schema: ships with the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'cli', 'package.json'), 'utf8')) as { files: string[] }
    expect(pkg.files).toContain('schemas')
  })

  it('schema: a valid CSV and an invalid CSV print output that follows it', async () => {
    const valid = await validJson([join(GRIEVANCES, 'services.csv')])
    expect(valid.code).toBe(0)
    expect(valid.json.valid).toBe(true)
    const { requests } = brokenPackage()
    const invalid = await validJson([requests, '--schema', 'grievances/requests'])
    expect(invalid.code).toBe(1)
    expect(invalid.json.reports?.[0]?.counts).toMatchObject({ 'type-error': 1, 'missing-cell': 11 })
  })

  it('schema: a Data Package with foreign-key errors follows it', async () => {
    const { datapackage } = brokenPackage()
    const r = await validJson([datapackage])
    expect(r.code).toBe(1)
    expect(r.json.reports?.[0]?.counts).toMatchObject({ 'foreign-key': 1 })
  })

  it('schema: a valid and a broken GTFS feed folder follow it', async () => {
    expect((await validJson([BUNDLED])).code).toBe(0)
    const broken = feed({ ...edit('trips.txt', { 2: 'R9,WK,T1,SH1' }) })
    const r = await validJson([broken])
    expect(r.code).toBe(1)
    expect(r.json.reports?.[0]?.counts).toMatchObject({ foreign_key_violation: 1 })
  })

  it('schema: an NDJSON file with broken records follows it', async () => {
    const recs = requestRecords(20).map((r) => ({ ...r }))
    delete (recs[4] as Rec).status
    const lines = toNdjson(recs).split('\n')
    lines.splice(3, 0, 'not json')
    const file = join(tempDir(), 'requests.ndjson')
    writeFileSync(file, lines.join('\n'))
    const r = await validJson([file, '--schema', 'grievances/requests'])
    expect(r.code).toBe(1)
    expect(r.json.reports?.[0]?.counts).toMatchObject({ 'source-error': 1, 'missing-cell': 1 })
  })

  it('schema: several inputs at once, and --max-errors truncation, follow it', async () => {
    const { datapackage, requests } = brokenPackage()
    const r = await validJson([datapackage, requests, join(GRIEVANCES, 'services.csv'), '--max-errors', '2', '--fail-on', 'warning'])
    expect(r.code).toBe(1)
    expect(r.json.failOn).toBe('warning')
    expect(r.json.reports).toHaveLength(3)
    expect(r.json.reports?.[0]).toMatchObject({ truncated: true })
    expect(r.json.reports?.[0]?.errors).toHaveLength(2)
  })

  it('schema: an unreadable input prints the documented error object', async () => {
    const r = await validJson([join(tempDir(), 'missing.csv')])
    expect(r.code).toBe(2)
    expect(r.json).toMatchObject({ error: { code: 'E_USAGE', exitCode: 2 } })
  })

  it('schema: rejects output it does not document (an unknown code or key)', () => {
    const base = { valid: true, failOn: 'error', reports: [{ valid: true, source: 'a.csv', rows: 1, counts: {}, severities: { error: 0, warning: 0, info: 0 }, errors: [], truncated: false, tables: [] }] }
    expect(check(base)).toBe(true)
    expect(check({ ...base, reports: [{ ...base.reports[0], counts: { 'no-such-code': 1 } }] })).toBe(false)
    expect(check({ ...base, extra: 1 })).toBe(false)
  })
})
