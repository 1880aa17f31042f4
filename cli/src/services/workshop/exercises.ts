import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { findExercise, localizedFile, readHints } from './catalog.js'
import { runCheck, type CheckRun } from './check-runner.js'
import {
  allPassed,
  currentExercise,
  dataFolder,
  exerciseFolder,
  progressOf,
  recordActivity,
  RUNNER_DIR,
  saveState,
  type Learner,
} from './learner.js'
import { filesUnder, GIVEN_DIR, readmeFiles } from './start.js'
import { codeOpens } from './unlock.js'

const m = msg.workshop.errors

/** The exercise a command is about: the one named, else the current one. */
export function pickExercise(learner: Learner, typed: string | undefined): string {
  return typed === undefined ? currentExercise(learner) : findExercise(learner.workshop, typed)
}

/** The task of an exercise in the learner's language, as a path relative to the learner's folder. */
export function taskFile(learner: Learner, exercise: string, lang: string): string {
  return relative(learner.dir, localizedFile(exerciseFolder(learner, exercise), 'README', lang).path)
}

export interface VerifyResult extends CheckRun {
  workshop: string
  exercise: string
  attempts: number
  /** The exercise to do next after a pass, if any is left. */
  next?: string
  /** Every exercise has passed. */
  finished: boolean
}

/** Runs one exercise's check on the learner's files and records the attempt (and the pass). */
export async function verifyExercise(
  learner: Learner,
  exercise: string,
  options: { timeoutSeconds?: number; signal?: AbortSignal; now?: () => Date } = {},
): Promise<VerifyResult> {
  const now = options.now ?? (() => new Date())
  const exerciseDir = exerciseFolder(learner, exercise)
  if (!existsSync(exerciseDir)) throw new UserError(m.missingExerciseFolder(exercise, exerciseDir))
  const run = await runCheck({
    checkDir: join(learner.workshop.dir, exercise, 'check'),
    exerciseDir,
    dataDir: dataFolder(learner),
    workDir: join(learner.dir, RUNNER_DIR, 'checks', exercise),
    ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  const progress = progressOf(learner.state, exercise)
  // A run stopped by a newer save is no attempt of the learner's.
  if (!options.signal?.aborted) {
    recordActivity(learner.state, exercise, now())
    progress.attempts += 1
    if (run.passed && !progress.passed) {
      progress.passed = true
      progress.passedAt = now().toISOString()
    }
    saveState(learner.dir, learner.state)
  }
  const next = learner.workshop.exercises.find((id) => !learner.state.exercises[id]?.passed)
  return { workshop: learner.workshop.id, exercise, ...run, attempts: progress.attempts, ...(run.passed && next ? { next } : {}), finished: allPassed(learner) }
}

export interface HintResult {
  exercise: string
  /** 1-based number of the hint shown. */
  number: number
  total: number
  text: string
  /** No further hint after this one. */
  last: boolean
}

/**
 * The next graded hint of an exercise, recorded so the trainer sees how many were needed. Once
 * every hint has been shown, the last one is shown again and nothing more is counted.
 */
export function nextHint(learner: Learner, exercise: string, lang: string, now: Date = new Date()): HintResult {
  const hints = readHints(join(learner.workshop.dir, exercise), lang)
  if (hints.length === 0) throw new UserError(m.noHints(exercise))
  const progress = progressOf(learner.state, exercise)
  const number = Math.min(progress.hintsShown + 1, hints.length)
  progress.hintsShown = Math.max(progress.hintsShown, number)
  recordActivity(learner.state, exercise, now)
  saveState(learner.dir, learner.state)
  return { exercise, number, total: hints.length, text: hints[number - 1] ?? '', last: number === hints.length }
}

export interface SolutionResult {
  exercise: string
  /** Why it was opened. */
  unlockedBy: 'pass' | 'code'
  files: { path: string; content: string }[]
}

/** The reference solution, after the exercise has passed or with the trainer's code. */
export function openSolution(learner: Learner, exercise: string, code: string | undefined, now: Date = new Date()): SolutionResult {
  const progress = progressOf(learner.state, exercise)
  let unlockedBy: SolutionResult['unlockedBy']
  if (progress.passed) unlockedBy = 'pass'
  else if (code === undefined) throw new UserError(m.solutionLocked(exercise))
  else if (codeOpens(learner.workshop, exercise, code)) unlockedBy = 'code'
  else throw new UserError(m.wrongCode(exercise))
  const dir = join(learner.workshop.dir, exercise, 'solution')
  const files = filesUnder(dir).map((path) => ({ path, content: readFileSync(join(dir, path), 'utf8') }))
  progress.solutionShown = true
  recordActivity(learner.state, exercise, now)
  saveState(learner.dir, learner.state)
  return { exercise, unlockedBy, files }
}

export interface ResetResult {
  exercise: string
  /** The backup of the learner's files, relative to the learner's folder. */
  backup?: string
  /** With --undo: the backup that was put back. */
  restoredFrom?: string
}

/** The folder of backups; each backup is `<time>--<exercise>`, so names sort by time. */
function backupsDir(learner: Learner): string {
  return join(learner.dir, RUNNER_DIR, 'backups')
}

/**
 * Puts an exercise back to its starter (and given) files, after copying the learner's whole exercise folder
 * to .thane/backups/. Progress (attempts, passes, hints) is history and stays.
 */
export function resetExercise(learner: Learner, exercise: string, now: Date = new Date()): ResetResult {
  const dir = exerciseFolder(learner, exercise)
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const backup = join(backupsDir(learner), `${stamp}--${exercise}`)
  mkdirSync(backup, { recursive: true })
  if (existsSync(dir)) cpSync(dir, backup, { recursive: true })
  rmSync(dir, { recursive: true, force: true })
  const source = join(learner.workshop.dir, exercise)
  mkdirSync(dir, { recursive: true })
  for (const file of readmeFiles(source)) cpSync(join(source, file), join(dir, file))
  cpSync(join(source, 'starter'), dir, { recursive: true })
  const given = join(learner.workshop.dir, GIVEN_DIR)
  if (existsSync(given)) cpSync(given, dir, { recursive: true, force: false })
  recordActivity(learner.state, exercise, now)
  saveState(learner.dir, learner.state)
  return { exercise, backup: relative(learner.dir, backup) }
}

/**
 * Restores the newest backup (of `exercise` when one is named) in place of the exercise's files,
 * and removes that backup, so a second --undo goes one step further back.
 */
export function undoReset(learner: Learner, exercise: string | undefined): ResetResult {
  const root = backupsDir(learner)
  const backups = existsSync(root) ? readdirSync(root).filter((name) => name.includes('--')).sort() : []
  const wanted = exercise === undefined ? backups : backups.filter((name) => name.endsWith(`--${exercise}`))
  const newest = wanted.at(-1)
  if (!newest) throw new UserError(m.nothingToUndo(exercise))
  const restored = newest.slice(newest.indexOf('--') + 2)
  const dir = exerciseFolder(learner, restored)
  rmSync(dir, { recursive: true, force: true })
  cpSync(join(root, newest), dir, { recursive: true })
  rmSync(join(root, newest), { recursive: true, force: true })
  return { exercise: restored, restoredFrom: relative(learner.dir, join(root, newest)) }
}
