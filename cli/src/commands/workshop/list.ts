import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import {
  currentExercise,
  findLearnerDir,
  findWorkshop,
  listWorkshops,
  localizedFile,
  openLearner,
  pickLanguage,
  readHints,
  type Learner,
  type Workshop,
} from '../../services/workshop/index.js'
import { renderTable } from '../../ui/table.js'
import { langFlags, learnerFlags } from '../../workshop-flags.js'
import { relative, join } from 'node:path'

const m = msg.workshop.list

export interface WorkshopSummary {
  id: string
  title: string
  summary: string
  level: string
  minutes: number
  languages: string[]
  exercises: number
}

export interface ExerciseLine {
  id: string
  state: 'passed' | 'current' | 'open'
  attempts: number
  hintsUsed: number
  hints: number
  /** The task file in the chosen language, relative to the learner's (or the workshop's) folder. */
  task: string
}

export type WorkshopListResult =
  | { workshops: WorkshopSummary[] }
  | { workshop: WorkshopSummary; learnerDir?: string; lang: string; passed: number; exercises: ExerciseLine[] }

export default class WorkshopList extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { workshop: Args.string({ description: m.workshop }) }
  static override flags = { ...learnerFlags, ...langFlags }

  async run(): Promise<WorkshopListResult> {
    const { args, flags } = await this.parse(WorkshopList)
    const lang = pickLanguage(flags.lang)
    // --dir must be a learner folder; the working folder only may be one.
    const learnerDir = flags.dir !== undefined ? openLearner(flags.dir).dir : findLearnerDir(process.cwd())
    const learner = learnerDir ? openLearner(learnerDir) : undefined
    if (args.workshop === undefined && !learner) return this.showWorkshops(listWorkshops())
    const workshop = args.workshop !== undefined ? findWorkshop(args.workshop) : (learner as Learner).workshop
    return this.showExercises(workshop, learner?.workshop.id === workshop.id ? learner : undefined, lang)
  }

  private showWorkshops(workshops: Workshop[]): WorkshopListResult {
    const result = { workshops: workshops.map(summary) }
    if (this.jsonEnabled()) return result
    if (workshops.length === 0) {
      this.log(m.none)
      return result
    }
    const c = m.columns
    this.log(
      renderTable(result.workshops, [
        { header: c.id, get: (w) => w.id },
        { header: c.title, get: (w) => w.title },
        { header: c.level, get: (w) => w.level },
        { header: c.minutes, get: (w) => String(w.minutes) },
        { header: c.exercises, get: (w) => String(w.exercises) },
      ]),
    )
    this.log('')
    this.log(m.workshopsFooter)
    return result
  }

  private showExercises(workshop: Workshop, learner: Learner | undefined, lang: string): WorkshopListResult {
    const current = learner ? currentExercise(learner) : undefined
    const exercises = workshop.exercises.map((id): ExerciseLine => {
      const progress = learner?.state.exercises[id]
      const base = learner ? join(learner.dir, id) : join(workshop.dir, id)
      return {
        id,
        state: progress?.passed ? 'passed' : id === current ? 'current' : 'open',
        attempts: progress?.attempts ?? 0,
        hintsUsed: progress?.hintsShown ?? 0,
        hints: readHints(join(workshop.dir, id), lang).length,
        task: relative(learner?.dir ?? workshop.dir, localizedFile(base, 'README', lang).path),
      }
    })
    const passed = exercises.filter((e) => e.state === 'passed').length
    const result = { workshop: summary(workshop), ...(learner ? { learnerDir: learner.dir } : {}), lang, passed, exercises }
    if (this.jsonEnabled()) return result
    const c = m.columns
    this.log(m.heading(workshop.title, workshop.id, passed, exercises.length))
    this.log('')
    this.log(
      renderTable(exercises, [
        { header: c.exercise, get: (e) => e.id },
        { header: c.state, get: (e) => m.state[e.state] },
        { header: c.attempts, get: (e) => String(e.attempts) },
        { header: c.hints, get: (e) => `${e.hintsUsed}/${e.hints}` },
        { header: c.task, get: (e) => e.task },
      ]),
    )
    this.log('')
    this.log(m.exercisesFooter(learner !== undefined))
    return result
  }
}

function summary(w: Workshop): WorkshopSummary {
  return { id: w.id, title: w.title, summary: w.summary, level: w.level, minutes: w.minutes, languages: w.languages, exercises: w.exercises.length }
}
