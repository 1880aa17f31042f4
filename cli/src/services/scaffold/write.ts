import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, sep } from 'node:path'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { VENDORED_SDK } from './sdk-tarball.js'
import { TEMPLATE_MANIFEST, type Template } from './templates.js'

/** One file of the new project: where it goes (relative, with "/"), and whether it replaces a file. */
export interface PlannedFile {
  path: string
  action: 'create' | 'overwrite'
}

interface FileSource extends PlannedFile {
  /** Copy this file, or write these bytes. */
  from: { copy: string } | { text: string }
}

export interface ProjectPlan {
  targetDir: string
  /** False when the folder does not exist yet: then it is built aside and appears whole or not at all. */
  targetExists: boolean
  files: FileSource[]
}

export interface PlanOptions {
  template: Template
  /** Absolute path of the project folder. */
  targetDir: string
  /** The package name written into package.json. */
  name: string
  sdkTarball: string
  /** Write into a folder that is not empty (only the template's files are written). */
  force: boolean
}

/** Files in a project folder that do not make it "not empty": a fresh clone of an empty repository has .git. */
const IGNORED_WHEN_EMPTY = new Set(['.git'])
/** Never copied from a template folder, should one hold them after someone tried it in place. */
const NEVER_COPIED = new Set(['node_modules', '.git'])

/**
 * Refuses a project folder that is a file, or a folder that is not empty (unless `force`).
 * Returns whether the folder exists.
 */
export function checkTarget(targetDir: string, force: boolean): boolean {
  if (!existsSync(targetDir)) return false
  if (!statSync(targetDir).isDirectory()) throw new UserError(msg.new.notAFolder(targetDir))
  const present = readdirSync(targetDir).filter((entry) => !IGNORED_WHEN_EMPTY.has(entry))
  if (present.length > 0 && !force) throw new UserError(msg.new.notEmpty(targetDir, present.sort()))
  return true
}

/**
 * What `thane new` would write, checked before anything is written: the folder is empty (or
 * --force), no file of the template lands on a folder, nothing goes inside .git.
 */
export function planProject(options: PlanOptions): ProjectPlan {
  const { targetDir } = options
  const targetExists = checkTarget(targetDir, options.force)

  const sources: Array<{ path: string; from: FileSource['from'] }> = []
  for (const file of templateFiles(options.template.dir)) {
    const path = file.split(sep).map((part) => (part === '_gitignore' ? '.gitignore' : part)).join('/')
    if (path === 'package.json') sources.push({ path, from: { text: renamedPackageJson(join(options.template.dir, file), options.name) } })
    else sources.push({ path, from: { copy: join(options.template.dir, file) } })
  }
  sources.push({ path: VENDORED_SDK, from: { copy: options.sdkTarball } })

  const files = sources
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((source): FileSource => {
      if (source.path.split('/')[0] === '.git') throw new Error(`bug: a template file would be written inside .git (${source.path})`)
      return { ...source, action: targetExists ? actionFor(targetDir, source.path) : 'create' }
    })
  return { targetDir, targetExists, files }
}

/** Whether a file lands on nothing or on a file; a folder in the way (or a file where a folder must go) is a conflict. */
function actionFor(targetDir: string, path: string): PlannedFile['action'] {
  const parts = path.split('/')
  for (let i = 1; i < parts.length; i++) {
    const ancestor = join(targetDir, ...parts.slice(0, i))
    if (existsSync(ancestor) && !statSync(ancestor).isDirectory()) throw new UserError(msg.new.fileInTheWay(ancestor, path))
  }
  const target = join(targetDir, ...parts)
  if (!existsSync(target)) return 'create'
  if (statSync(target).isDirectory()) throw new UserError(msg.new.folderInTheWay(target))
  return 'overwrite'
}

/**
 * Writes the plan. A new folder is built beside its final place and renamed into it, so it appears
 * whole or not at all. Into an existing folder each file is written to a temporary name and renamed,
 * so no file is ever half-written; a failure says which files were already written.
 */
export function writeProject(plan: ProjectPlan): void {
  if (!plan.targetExists) {
    const parent = dirname(plan.targetDir)
    mkdirSync(parent, { recursive: true })
    const staging = join(parent, `.${basename(plan.targetDir)}.thane-new-${process.pid}`)
    try {
      // Made on its own, not recursively: Node's recursive mkdir spins forever where a folder can
      // never be made (/proc), instead of failing.
      mkdirSync(staging)
      for (const file of plan.files) writeOne(staging, file)
      renameSync(staging, plan.targetDir)
    } catch (err) {
      rmSync(staging, { recursive: true, force: true }) // our own scratch folder, never the user's
      throw new UserError(msg.new.writeFailedNothingWritten(plan.targetDir, reason(err)), { cause: err })
    }
    return
  }
  const written: string[] = []
  for (const file of plan.files) {
    try {
      writeOne(plan.targetDir, file)
    } catch (err) {
      throw new UserError(msg.new.writeFailedPartly(plan.targetDir, file.path, reason(err), written, plan.files.length), { cause: err })
    }
    written.push(file.path)
  }
}

function writeOne(root: string, file: FileSource): void {
  const target = join(root, ...file.path.split('/'))
  mkdirSync(dirname(target), { recursive: true })
  const temporary = `${target}.thane-new-${process.pid}`
  try {
    if ('copy' in file.from) copyFileSync(file.from.copy, temporary)
    else writeFileSync(temporary, file.from.text)
    renameSync(temporary, target)
  } catch (err) {
    rmSync(temporary, { force: true })
    throw err
  }
}

/** Every file of a template folder, relative to it, except template.json. */
function templateFiles(dir: string, prefix = ''): string[] {
  const files: string[] = []
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : join(prefix, entry.name)
    if (NEVER_COPIED.has(entry.name)) continue
    if (entry.isDirectory()) files.push(...templateFiles(dir, path))
    else if (entry.isFile() && path !== TEMPLATE_MANIFEST) files.push(path)
  }
  return files
}

/** The template's package.json with the project's name; the rest (and its key order) as it was. */
function renamedPackageJson(file: string, name: string): string {
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  return `${JSON.stringify({ ...pkg, name }, null, 2)}\n`
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException
  // Node's own message already starts with the code ("ENOENT: no such file…").
  return e.code && !e.message.startsWith(e.code) ? `${e.code}: ${e.message}` : String(e.message ?? err)
}
