import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { htmlText } from '../visible-text.js'
import { writeFileAtomically } from '../write-file.js'
import { readHints } from './catalog.js'
import { progressOf, recordActivity, saveState, currentExercise, type Learner } from './learner.js'

const m = msg.workshop.errors

/** The file a learner hands in: `thane workshop progress --export progress.json`. */
export interface ProgressFile {
  format: 'thane-workshop-progress'
  version: 1
  name: string
  workshop: { id: string; title: string }
  startedAt: string
  exportedAt: string
  exercises: ExerciseRecord[]
  passed: number
  total: number
  hintsUsed: number
  minutes: number
}

export interface ExerciseRecord {
  id: string
  passed: boolean
  passedAt?: string
  attempts: number
  hintsUsed: number
  hintsAvailable: number
  solutionShown: boolean
  /** Time spent, in whole minutes (runs of thane more than 10 minutes apart count as a break). */
  minutes: number
}

/** The learner's progress as the file they hand in; records the learner's name in the folder. */
export function learnerProgress(learner: Learner, options: { name?: string; now?: Date } = {}): ProgressFile {
  const now = options.now ?? new Date()
  recordActivity(learner.state, currentExercise(learner), now)
  if (options.name !== undefined) learner.state.name = options.name
  saveState(learner.dir, learner.state)
  const exercises = learner.workshop.exercises.map((id): ExerciseRecord => {
    const p = progressOf(learner.state, id)
    return {
      id,
      passed: p.passed,
      ...(p.passedAt ? { passedAt: p.passedAt } : {}),
      attempts: p.attempts,
      hintsUsed: p.hintsShown,
      hintsAvailable: readHints(`${learner.workshop.dir}/${id}`, 'en').length,
      solutionShown: p.solutionShown,
      minutes: Math.round(p.activeMs / 60_000),
    }
  })
  return {
    format: 'thane-workshop-progress',
    version: 1,
    name: learner.state.name ?? '',
    workshop: { id: learner.workshop.id, title: learner.workshop.title },
    startedAt: learner.state.startedAt,
    exportedAt: now.toISOString(),
    exercises,
    passed: exercises.filter((e) => e.passed).length,
    total: exercises.length,
    hintsUsed: exercises.reduce((sum, e) => sum + e.hintsUsed, 0),
    minutes: exercises.reduce((sum, e) => sum + e.minutes, 0),
  }
}

export function writeProgressFile(file: string, progress: ProgressFile): void {
  writeFileAtomically(file, JSON.stringify(progress, null, 2) + '\n')
}

/** One learner's line of the trainer's report. */
export interface LearnerRow {
  name: string
  file: string
  workshop: string
  passed: number
  total: number
  /** The first exercise not passed, or undefined when all passed. */
  stuckOn?: string
  /** Attempts and hints on that exercise. */
  stuckAttempts: number
  stuckHints: number
  hintsUsed: number
  solutionsShown: number
  minutes: number
}

/** One exercise's line: how the room did on it. */
export interface ExerciseRow {
  workshop: string
  exercise: string
  learners: number
  passed: number
  /** Learners whose first unpassed exercise this is. */
  stuck: number
  attempts: number
  hintsUsed: number
  solutionsShown: number
  medianMinutes: number
}

export interface ClassReport {
  learners: LearnerRow[]
  exercises: ExerciseRow[]
}

/** Reads the progress files a room handed in; a file that is not one is a usage error naming it. */
export function readProgressFiles(files: readonly string[]): ProgressFile[] {
  return files.map((file) => {
    let data: ProgressFile
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as ProgressFile
    } catch (err) {
      throw new UserError(m.badProgressFile(file, (err as Error).message), { cause: err })
    }
    if (data?.format !== 'thane-workshop-progress' || !Array.isArray(data.exercises) || typeof data.workshop?.id !== 'string') {
      throw new UserError(m.badProgressFile(file, m.progressShape))
    }
    // A hand-edited file must not reach the report as a crash or as NaN in a column.
    if (typeof (data.name ?? '') !== 'string') throw new UserError(m.badProgressFile(file, m.progressName))
    const bad = data.exercises.findIndex((e) => !isExerciseRecord(e))
    if (bad >= 0) throw new UserError(m.badProgressFile(file, m.exerciseShape(bad + 1)))
    return data
  })
}

function isExerciseRecord(e: unknown): e is ExerciseRecord {
  if (typeof e !== 'object' || e === null) return false
  const r = e as Record<string, unknown>
  const count = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
  return typeof r.id === 'string' && typeof r.passed === 'boolean' && count(r.attempts) && count(r.hintsUsed) && count(r.minutes)
}

/** Who is stuck where, hints used and time spent, one line a learner and one an exercise. */
export function classReport(files: readonly string[]): ClassReport {
  const progress = readProgressFiles(files)
  const learners = progress
    .map((p, i): LearnerRow => {
      const stuck = p.exercises.find((e) => !e.passed)
      return {
        name: p.name || basename(files[i] ?? '', '.json'),
        file: files[i] ?? '',
        workshop: p.workshop.id,
        passed: p.exercises.filter((e) => e.passed).length,
        total: p.exercises.length,
        ...(stuck ? { stuckOn: stuck.id } : {}),
        stuckAttempts: stuck?.attempts ?? 0,
        stuckHints: stuck?.hintsUsed ?? 0,
        hintsUsed: p.exercises.reduce((sum, e) => sum + e.hintsUsed, 0),
        solutionsShown: p.exercises.filter((e) => e.solutionShown).length,
        minutes: p.exercises.reduce((sum, e) => sum + e.minutes, 0),
      }
    })
    .sort((a, b) => a.workshop.localeCompare(b.workshop) || a.passed - b.passed || a.name.localeCompare(b.name))

  const byExercise = new Map<string, { workshop: string; exercise: string; records: ExerciseRecord[]; stuck: number }>()
  for (const p of progress) {
    const stuck = p.exercises.find((e) => !e.passed)?.id
    for (const e of p.exercises) {
      const key = `${p.workshop.id}\0${e.id}`
      const entry = byExercise.get(key) ?? { workshop: p.workshop.id, exercise: e.id, records: [], stuck: 0 }
      entry.records.push(e)
      if (e.id === stuck) entry.stuck += 1
      byExercise.set(key, entry)
    }
  }
  const exercises = [...byExercise.values()].map(
    ({ workshop, exercise, records, stuck }): ExerciseRow => ({
      workshop,
      exercise,
      learners: records.length,
      passed: records.filter((r) => r.passed).length,
      stuck,
      attempts: records.reduce((sum, r) => sum + r.attempts, 0),
      hintsUsed: records.reduce((sum, r) => sum + r.hintsUsed, 0),
      solutionsShown: records.filter((r) => r.solutionShown).length,
      medianMinutes: median(records.map((r) => r.minutes)),
    }),
  )
  exercises.sort((a, b) => a.workshop.localeCompare(b.workshop) || a.exercise.localeCompare(b.exercise))
  return { learners, exercises }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return 0
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2)
}

/** RFC 4180 CSV of the learners' lines; a cell that starts like a formula is quoted as text for spreadsheets. */
export function reportCsv(report: ClassReport): string {
  const header = ['name', 'workshop', 'passed', 'total', 'stuck_on', 'attempts_on_stuck', 'hints_on_stuck', 'hints_used', 'solutions_shown', 'minutes', 'file']
  const rows = report.learners.map((r) => [r.name, r.workshop, r.passed, r.total, r.stuckOn ?? '', r.stuckAttempts, r.stuckHints, r.hintsUsed, r.solutionsShown, r.minutes, r.file])
  return [header, ...rows].map((row) => row.map((cell) => csvCell(String(cell))).join(',')).join('\r\n') + '\r\n'
}

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A self-contained page (no script, no outside resource) with both tables, for a projector or an e-mail. */
export function reportHtml(report: ClassReport, generatedAt: Date): string {
  const t = msg.workshop.report.html
  const esc = htmlText
  const table = (headers: readonly string[], rows: (string | number)[][], rowClass: (i: number) => string) =>
    `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((row, i) => `<tr class="${rowClass(i)}">${row.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`
  const learners = table(
    t.learnerHeaders,
    report.learners.map((r) => [r.name, r.workshop, `${r.passed}/${r.total}`, r.stuckOn ?? t.done, r.stuckOn ? r.stuckAttempts : '', r.hintsUsed, r.solutionsShown, r.minutes]),
    (i) => (report.learners[i]?.stuckOn ? (report.learners[i]?.stuckAttempts ?? 0) >= 5 ? 'stuck' : '' : 'done'),
  )
  const exercises = table(
    t.exerciseHeaders,
    report.exercises.map((r) => [r.workshop, r.exercise, `${r.passed}/${r.learners}`, r.stuck, r.attempts, r.hintsUsed, r.solutionsShown, r.medianMinutes]),
    () => '',
  )
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}
table{border-collapse:collapse;min-width:60%}th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
th{background:#f0f0f0}tr.done td{background:#e8f6e8}tr.stuck td{background:#fdecea}
p.note{color:#555}
</style></head><body>
<h1>${esc(t.title)}</h1>
<p class="note">${esc(t.generated(generatedAt.toISOString(), report.learners.length))}</p>
<h2>${esc(t.learners)}</h2>
${learners}
<h2>${esc(t.exercises)}</h2>
${exercises}
<p class="note">${esc(t.legend)}</p>
</body></html>
`
}
