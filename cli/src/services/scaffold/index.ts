import { relative } from 'node:path'
import { gitAvailable, gitInit, insideRepository, type GitOutcome } from './git.js'
import { installDependencies } from './install.js'
import { installCommand, runCommand, type PackageManager } from './package-manager.js'
import { sdkTarball } from './sdk-tarball.js'
import type { Template } from './templates.js'
import { planProject, writeProject, type PlannedFile } from './write.js'

export { readAnswers, ANSWERS_SCHEMA, type Answers } from './answers.js'
export { packageNameProblems, toPackageName } from './package-name.js'
export { PACKAGE_MANAGERS, detectPackageManager, type PackageManager } from './package-manager.js'
export { listTemplates, findTemplate, templatesDir, type Template } from './templates.js'
export { gitAvailable, insideRepository } from './git.js'
export { checkTarget } from './write.js'

export interface CreateProjectOptions {
  template: Template
  /** Absolute path of the project folder. */
  targetDir: string
  /** The package name, already checked. */
  name: string
  packageManager: PackageManager
  install: boolean
  git: boolean
  force: boolean
  dryRun: boolean
  /** The working directory, to print `cd <dir>` relative to it. */
  cwd: string
  /** Send the package manager's output to stderr (stdout carries --json). */
  quiet: boolean
  /** Called once the files are written, before git and the install (to show progress). */
  onWritten?: (files: readonly PlannedFile[]) => void
}

/** What `thane new` did (or, with --dry-run, would do): the `--json` result. */
export interface NewProjectResult {
  dir: string
  name: string
  template: string
  packageManager: PackageManager
  dryRun: boolean
  files: PlannedFile[]
  /** With --dry-run, reason "dry-run" means git init would run. */
  git: GitOutcome | { initialised: false; reason: 'dry-run' }
  /** `requested`: the install was asked for; `ran`: it ran and succeeded. */
  install: { requested: boolean; ran: boolean; command: string }
  /** The commands to run next, in order. */
  next: string[]
}

/** Plans, writes, runs `git init` and the install: the whole of `thane new` once the answers are known. */
export async function createProject(options: CreateProjectOptions): Promise<NewProjectResult> {
  const plan = planProject({ template: options.template, targetDir: options.targetDir, name: options.name, sdkTarball: sdkTarball(), force: options.force })
  const where = shellPath(relative(options.cwd, options.targetDir) || '.')
  const install = { requested: options.install, ran: false, command: installCommand(options.packageManager).join(' ') }
  const files = plan.files.map(({ path, action }) => ({ path, action }))
  const next = nextSteps(where, options.packageManager, options.template, !options.install || options.dryRun)
  const result = { dir: options.targetDir, name: options.name, template: options.template.name, packageManager: options.packageManager, dryRun: options.dryRun, files, install, next }
  if (options.dryRun) return { ...result, git: { initialised: false, reason: options.git ? 'dry-run' : 'not-asked' } }

  writeProject(plan)
  options.onWritten?.(files)
  let git: GitOutcome = { initialised: false, reason: 'not-asked' }
  if (options.git) {
    if (!gitAvailable()) git = { initialised: false, reason: 'no-git' }
    else if (insideRepository(options.targetDir)) git = { initialised: false, reason: 'inside-repository' }
    else git = { initialised: true, ...gitInit(options.targetDir) }
  }
  if (options.install) {
    await installDependencies(options.targetDir, options.packageManager, { retryIn: where, outputToStderr: options.quiet })
    install.ran = true
  }
  return { ...result, git, install }
}

function nextSteps(where: string, pm: PackageManager, template: Template, needsInstall: boolean): string[] {
  return [
    ...(where === '.' ? [] : [`cd ${where}`]),
    ...(needsInstall ? [installCommand(pm).join(' ')] : []),
    runCommand(pm, 'test').join(' '),
    runCommand(pm, template.run).join(' '),
  ]
}

/** A path as a POSIX shell reads it: quoted when it holds anything but plain characters. */
function shellPath(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`
}
