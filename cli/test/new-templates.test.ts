import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'

// The template contract, checked on every folder of templates/ (and the schema itself on samples).
const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates')
const schema = JSON.parse(readFileSync(join(TEMPLATES, 'template.schema.json'), 'utf8')) as object
const check = new Ajv({ allErrors: true, strict: true }).compile(schema)
const names = readdirSync(TEMPLATES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(TEMPLATES, e.name, 'template.json')))
  .map((e) => e.name)

interface PackageJson {
  name?: string
  private?: boolean
  type?: string
  engines?: { node?: string }
  scripts?: Record<string, string>
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

const sample = { $schema: '../template.schema.json', name: 'starter', title: 'Starter', summary: 'A small program', order: 1, run: 'dev' }

describe('templates/template.schema.json', () => {
  it('accepts a template.json with the five fields of the contract', () => {
    expect(check(sample)).toBe(true)
  })

  it.each([
    ['a missing field', { ...sample, summary: undefined }],
    ['an unknown field', { ...sample, variables: [] }],
    ['an order below 1', { ...sample, order: 0 }],
    ['a fractional order', { ...sample, order: 1.5 }],
    ['a run script other than dev or start', { ...sample, run: 'serve' }],
    ['a name with capitals', { ...sample, name: 'Starter' }],
    ['a summary on two lines', { ...sample, summary: 'one\ntwo' }],
  ])('refuses %s', (_what, manifest) => {
    expect(check(JSON.parse(JSON.stringify(manifest)))).toBe(false)
  })

  it('there are templates to check', () => {
    expect(names.length).toBeGreaterThan(0)
  })
})

describe.each(names)('template %s keeps the contract', (name) => {
  const dir = join(TEMPLATES, name)
  const manifest = JSON.parse(readFileSync(join(dir, 'template.json'), 'utf8')) as { name: string; run: string; order: number }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson

  it('its template.json matches the schema and names its folder', () => {
    expect(check(manifest), JSON.stringify(check.errors)).toBe(true)
    expect(manifest.name).toBe(name)
  })

  it('its package.json is thane-<name>, private, ESM, Node 22.13+, with test, build and the run script', () => {
    expect(pkg.name).toBe(`thane-${name}`)
    expect(pkg.private).toBe(true)
    expect(pkg.type).toBe('module')
    expect(pkg.engines?.node).toBe('>=22.13')
    expect(Object.keys(pkg.scripts ?? {})).toEqual(expect.arrayContaining(['test', 'build', manifest.run]))
  })

  it('depends on the SDK through the packed copy in vendor/, and on nothing else of the kit', () => {
    expect(pkg.dependencies?.['@thanekit/sdk']).toBe('file:vendor/thanekit-sdk.tgz')
    const all = { ...pkg.dependencies, ...pkg.devDependencies }
    for (const [dep, range] of Object.entries(all)) {
      if (dep === '@thanekit/sdk') continue
      expect(dep.startsWith('@thanekit/'), dep).toBe(false)
      expect(range, `${dep} ${range}`).toMatch(/^\^\d/)
    }
  })

  it('commits no lockfile, node_modules, dist or vendor, and has a _gitignore', () => {
    for (const extra of ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'node_modules', 'dist', 'vendor', '.gitignore', '.env']) {
      expect(existsSync(join(dir, extra)), extra).toBe(false)
    }
    expect(existsSync(join(dir, '_gitignore'))).toBe(true)
  })
})

describe('the templates together', () => {
  it('have distinct places in the picker', () => {
    const orders = names.map((name) => (JSON.parse(readFileSync(join(TEMPLATES, name, 'template.json'), 'utf8')) as { order: number }).order)
    expect(new Set(orders).size).toBe(orders.length)
  })
})
