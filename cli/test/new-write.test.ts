import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../src/errors.js'
import type { Template } from '../src/services/scaffold/templates.js'
import { planProject, writeProject } from '../src/services/scaffold/write.js'

// A write that fails midway: the plan is made, then one of the template's files disappears before
// it is copied (as when a template folder is edited during `thane new`).
function fixture(): { template: Template; sdk: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'thane-new-write-'))
  const dir = join(root, 'tiny')
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'thane-tiny', private: true, version: '1.0.0' }))
  writeFileSync(join(dir, 'README.md'), '# Tiny\n')
  writeFileSync(join(dir, 'src', 'main.ts'), 'console.log(1)\n')
  writeFileSync(join(dir, 'template.json'), '{}')
  const sdk = join(root, 'sdk.tgz')
  writeFileSync(join(sdk), 'not really a tarball')
  return { template: { name: 'tiny', title: 'Tiny', summary: 'tiny', order: 1, run: 'start', dir }, sdk, root }
}

function failure(run: () => void): UserError {
  try {
    run()
  } catch (err) {
    if (err instanceof UserError) return err
    throw err
  }
  throw new Error('expected the write to fail')
}

describe('thane new: writing the project', () => {
  it('plans the files in order, renaming the package and leaving template.json out', () => {
    const { template, sdk, root } = fixture()
    const plan = planProject({ template, targetDir: join(root, 'out'), name: 'my-tiny', sdkTarball: sdk, force: false })
    expect(plan.files.map((f) => `${f.action} ${f.path}`)).toEqual(['create package.json', 'create README.md', 'create src/main.ts', 'create vendor/thanekit-sdk.tgz'])
    writeProject(plan)
    expect(JSON.parse(readFileSync(join(root, 'out', 'package.json'), 'utf8'))).toEqual({ name: 'my-tiny', private: true, version: '1.0.0' })
  })

  it('a new folder appears whole or not at all: a failure midway leaves nothing behind', () => {
    const { template, sdk, root } = fixture()
    const plan = planProject({ template, targetDir: join(root, 'out'), name: 'my-tiny', sdkTarball: sdk, force: false })
    rmSync(join(template.dir, 'src', 'main.ts'))
    const err = failure(() => writeProject(plan))
    expect(err.message).toMatch(/^cannot create .*out \(ENOENT: .*\); nothing was written; check that its parent folder is writable$/)
    expect(existsSync(join(root, 'out'))).toBe(false)
    expect(readdirSync(root).sort()).toEqual(['sdk.tgz', 'tiny'])
  })

  it('a folder that can never be made (under /proc) is refused at once, the code said once', () => {
    const { template, sdk } = fixture()
    const plan = planProject({ template, targetDir: `/proc/thane-new-${process.pid}`, name: 'my-tiny', sdkTarball: sdk, force: false })
    const err = failure(() => writeProject(plan))
    expect(err.message).toMatch(/^cannot create \/proc\/thane-new-\d+ \(ENOENT: no such file or directory, mkdir .*\); nothing was written; check that its parent folder is writable$/)
  })

  it('into an existing folder, a failure midway says which files were written', () => {
    const { template, sdk, root } = fixture()
    mkdirSync(join(root, 'out'))
    writeFileSync(join(root, 'out', 'keep.txt'), 'mine')
    const plan = planProject({ template, targetDir: join(root, 'out'), name: 'my-tiny', sdkTarball: sdk, force: true })
    rmSync(join(template.dir, 'src', 'main.ts'))
    const err = failure(() => writeProject(plan))
    expect(err.message).toMatch(
      /^wrote 2 of 4 files into .*out \(package\.json, README\.md\), then failed on src\/main\.ts \(ENOENT: .*\); fix that and run the same command again with --force$/,
    )
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['README.md', 'keep.txt', 'package.json', 'src'])
    expect(readdirSync(join(root, 'out', 'src'))).toEqual([])
  })
})
