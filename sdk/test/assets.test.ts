import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ASSET_KINDS, assetPath, assetsRoot } from '../src/assets.js'

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const repo = join(sdkDir, '..')

/** Runs the built resolver in a fresh Node process, from a working directory of its own. */
function builtRoot(distAssets: string, env: NodeJS.ProcessEnv = {}): string {
  const cwd = mkdtempSync(join(tmpdir(), 'thane-elsewhere-'))
  const script = `import(${JSON.stringify(distAssets)}).then((m) => process.stdout.write(m.assetsRoot()))`
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' })
}

describe('asset resolver', () => {
  it('finds every content folder of the checkout from the sources', () => {
    expect(assetsRoot({})).toBe(repo)
    for (const kind of ASSET_KINDS) expect(existsSync(assetPath(kind)), kind).toBe(true)
    expect(assetPath('datasets', 'grievances', 'requests.csv')).toBe(join(repo, 'datasets', 'grievances', 'requests.csv'))
  })

  it('finds the checkout from the built package run in another working directory', () => {
    expect(builtRoot(join(sdkDir, 'dist', 'assets.js'))).toBe(repo)
  })

  it('finds the copied assets/ folder of an installed package outside the checkout', () => {
    const project = mkdtempSync(join(tmpdir(), 'thane-installed-'))
    const pkg = join(project, 'node_modules', '@thanekit', 'sdk')
    mkdirSync(pkg, { recursive: true })
    cpSync(join(sdkDir, 'dist'), join(pkg, 'dist'), { recursive: true })
    cpSync(join(sdkDir, 'package.json'), join(pkg, 'package.json'))
    for (const kind of ASSET_KINDS) mkdirSync(join(pkg, 'assets', kind), { recursive: true })
    // A folder of the user's own with the same name must never be mistaken for the kit's content.
    mkdirSync(join(project, 'datasets'))
    writeFileSync(join(project, 'package.json'), '{"name":"my-hackathon-app"}')
    expect(builtRoot(join(pkg, 'dist', 'assets.js'))).toBe(join(pkg, 'assets'))
  })

  it('honours THANE_ASSETS_DIR', () => {
    expect(assetsRoot({ THANE_ASSETS_DIR: '/srv/thane-content' })).toBe('/srv/thane-content')
    expect(builtRoot(join(sdkDir, 'dist', 'assets.js'), { THANE_ASSETS_DIR: '/srv/thane-content' })).toBe('/srv/thane-content')
  })
})
