import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative } from 'node:path'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { dataSource, type Workshop } from './catalog.js'
import { newState, readState, saveState, STATE_FILE } from './learner.js'

const m = msg.workshop.errors

export interface StartOptions {
  workshop: Workshop
  /** The learner's folder to make (or to complete, when it is already this workshop's). */
  dir: string
  now?: Date
}

export interface StartResult {
  workshop: string
  title: string
  dir: string
  /** Files written, relative to the folder. */
  created: string[]
  /** Files that were there already and were left as they were. */
  kept: string[]
  /** Where node_modules/@thanekit/sdk points, so learner code imports the SDK offline. */
  sdk: string
  firstExercise: string
}

/**
 * Makes a learner's folder: each exercise's starter, given and README files in <dir>/<exercise>/, the
 * data files in <dir>/data/, a package.json (ES modules), the progress file and a link to the SDK
 * this CLI runs with. Never overwrites a file: running it again only adds what is missing.
 */
export function startWorkshop(options: StartOptions): StartResult {
  const { workshop, dir } = options
  const created: string[] = []
  const kept: string[] = []
  refuseForeignFolder(dir, workshop.id)
  mkdirSync(dir, { recursive: true })

  const write = (path: string, content: string) => {
    const file = join(dir, path)
    if (existsSync(file)) return kept.push(path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
    created.push(path)
  }
  const copy = (from: string, path: string) => {
    const file = join(dir, path)
    if (existsSync(file)) return kept.push(path)
    mkdirSync(dirname(file), { recursive: true })
    copyFileSync(from, file)
    created.push(path)
  }

  if (!existsSync(join(dir, STATE_FILE))) {
    saveState(dir, newState(workshop, options.now ?? new Date()))
    created.push(STATE_FILE)
  }
  write('package.json', JSON.stringify({ name: `thane-workshop-${workshop.id}`, private: true, type: 'module', scripts: { verify: 'thane workshop verify', watch: 'thane workshop watch' } }, null, 2) + '\n')
  write('.gitignore', 'node_modules/\n.thane/\n')
  for (const file of readmeFiles(workshop.dir)) copy(join(workshop.dir, file), file)
  for (const exercise of workshop.exercises) {
    const source = join(workshop.dir, exercise)
    if (!existsSync(source)) throw new UserError(m.missingExercise(workshop.id, exercise, source))
    for (const file of readmeFiles(source)) copy(join(source, file), join(exercise, file))
    for (const file of filesUnder(join(source, 'starter'))) copy(join(source, 'starter', file), join(exercise, file))
    // The workshop's given files (helpers every exercise uses) go beside them; a starter file of the same name wins.
    for (const file of filesUnder(join(workshop.dir, GIVEN_DIR))) copy(join(workshop.dir, GIVEN_DIR, file), join(exercise, file))
  }
  for (const entry of workshop.data) {
    const source = dataSource(workshop, entry)
    if (!existsSync(source)) throw new UserError(m.missingData(workshop.id, entry, source))
    copy(source, join('data', basename(entry)))
  }
  const sdk = linkSdk(dir)
  return { workshop: workshop.id, title: workshop.title, dir, created, kept, sdk, firstExercise: workshop.exercises[0] ?? '' }
}

/** A folder that holds something other than this workshop's learner folder is never touched. */
function refuseForeignFolder(dir: string, workshopId: string): void {
  if (!existsSync(dir)) return
  if (!lstatSync(dir).isDirectory()) throw new UserError(m.notAFolder(dir))
  if (existsSync(join(dir, STATE_FILE))) {
    const other = readState(dir).workshop
    if (other !== workshopId) throw new UserError(m.otherWorkshop(dir, other, workshopId))
    return
  }
  if (readdirSync(dir).length > 0) throw new UserError(m.folderInUse(dir))
}

/** A workshop's folder of files given in every exercise (workshops/<id>/given/). */
export const GIVEN_DIR = 'given'

/** README.md and its translations (README.mr.md, …) in a folder. */
export function readmeFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /^README(\.[a-z]{2})?\.md$/.test(name)).sort()
}

/** Every file under a folder, as paths relative to it, sorted. */
export function filesUnder(root: string): string[] {
  if (!existsSync(root)) return []
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) files.push(relative(root, path))
    }
  }
  walk(root)
  return files.sort()
}

/**
 * node_modules/@thanekit/sdk in the learner's folder, linked to the SDK the CLI itself resolves:
 * learner code and checks import it with no registry and no install. A link already there is kept.
 */
function linkSdk(dir: string): string {
  const target = dirname(createRequire(import.meta.url).resolve('@thanekit/sdk/package.json'))
  const link = join(dir, 'node_modules', '@thanekit', 'sdk')
  mkdirSync(dirname(link), { recursive: true })
  let present = false
  try {
    lstatSync(link)
    present = true
  } catch {
    present = false
  }
  // A junction needs no administrator rights on Windows; elsewhere the type is ignored.
  if (!present) symlinkSync(target, link, process.platform === 'win32' ? 'junction' : 'dir')
  return target
}
