import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { writeFileAtomically } from '../write-file.js'
import { findWorkshop, type Workshop } from './catalog.js'

const m = msg.workshop.errors

/** The learner's progress file, at the top of the learner's folder: no accounts, no server. */
export const STATE_FILE = '.thane-workshop.json'

/** Where the runner keeps its own things in the learner's folder: copied checks, backups. */
export const RUNNER_DIR = '.thane'

/** A gap between two runs longer than this counts as a break, not as time on the exercise. */
export const IDLE_CAP_MS = 10 * 60_000

export interface ExerciseProgress {
  attempts: number
  passed: boolean
  /** When the check first passed (ISO 8601). */
  passedAt?: string
  hintsShown: number
  solutionShown: boolean
  /** Time on this exercise: the gaps between the learner's runs of thane, each capped at IDLE_CAP_MS. */
  activeMs: number
}

export interface LearnerState {
  format: 'thane-workshop-learner'
  version: 1
  workshop: string
  startedAt: string
  /** The last time the learner ran a workshop command, to measure time spent. */
  lastActivityAt: string
  /** The learner's name, asked once for the progress file. */
  name?: string
  exercises: Record<string, ExerciseProgress>
}

export interface Learner {
  /** The learner's folder (absolute). */
  dir: string
  workshop: Workshop
  state: LearnerState
}

export function newState(workshop: Workshop, now: Date): LearnerState {
  const at = now.toISOString()
  return {
    format: 'thane-workshop-learner',
    version: 1,
    workshop: workshop.id,
    startedAt: at,
    lastActivityAt: at,
    exercises: Object.fromEntries(workshop.exercises.map((id) => [id, emptyProgress()])),
  }
}

function emptyProgress(): ExerciseProgress {
  return { attempts: 0, passed: false, hintsShown: 0, solutionShown: false, activeMs: 0 }
}

/** The learner folder that holds `from` (the folder itself or a parent), or undefined. */
export function findLearnerDir(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, STATE_FILE))) return dir
    if (dirname(dir) === dir) return undefined
  }
}

/** Reads a learner folder's state, or a usage error saying how to make one. */
export function readState(dir: string): LearnerState {
  const file = join(dir, STATE_FILE)
  let state: LearnerState
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as LearnerState
  } catch (err) {
    throw new UserError(m.badState(file, (err as Error).message), { cause: err })
  }
  if (state.format !== 'thane-workshop-learner' || typeof state.workshop !== 'string' || typeof state.exercises !== 'object') {
    throw new UserError(m.badState(file, m.stateShape))
  }
  return state
}

/**
 * The learner folder of `from` (or of `--dir`), with its workshop. Exercises added to the workshop
 * since the folder was made get an empty record.
 */
export function openLearner(from: string): Learner {
  const dir = findLearnerDir(from)
  if (!dir) throw new UserError(m.notLearnerFolder(resolve(from)))
  const state = readState(dir)
  const workshop = findWorkshop(state.workshop)
  for (const id of workshop.exercises) state.exercises[id] ??= emptyProgress()
  return { dir, workshop, state }
}

/** Writes the state whole through a temporary file, so an interrupted write never leaves half a file. */
export function saveState(dir: string, state: LearnerState): void {
  writeFileAtomically(join(dir, STATE_FILE), JSON.stringify(state, null, 2) + '\n')
}

/** The record of one exercise (made when missing). */
export function progressOf(state: LearnerState, exercise: string): ExerciseProgress {
  return (state.exercises[exercise] ??= emptyProgress())
}

/**
 * Counts the time since the learner's last run towards `exercise`, up to IDLE_CAP_MS: a learner
 * who left for lunch did not spend lunch on the exercise.
 */
export function recordActivity(state: LearnerState, exercise: string, now: Date): void {
  const gap = now.getTime() - Date.parse(state.lastActivityAt)
  if (Number.isFinite(gap) && gap > 0) progressOf(state, exercise).activeMs += Math.min(gap, IDLE_CAP_MS)
  state.lastActivityAt = now.toISOString()
}

/** The exercise to work on: the first one not passed yet, else the last one. */
export function currentExercise(learner: Pick<Learner, 'workshop' | 'state'>): string {
  const { exercises } = learner.workshop
  const open = exercises.find((id) => !learner.state.exercises[id]?.passed)
  const last = exercises.at(-1)
  if (open) return open
  if (last) return last
  throw new Error(`bug: workshop ${learner.workshop.id} has no exercises`)
}

/** Whether every exercise has passed. */
export function allPassed(learner: Pick<Learner, 'workshop' | 'state'>): boolean {
  return learner.workshop.exercises.every((id) => learner.state.exercises[id]?.passed)
}

/** The learner's folder of one exercise, and the shared data folder. */
export function exerciseFolder(learner: Pick<Learner, 'dir'>, exercise: string): string {
  return join(learner.dir, exercise)
}

export function dataFolder(learner: Pick<Learner, 'dir'>): string {
  return join(learner.dir, 'data')
}
