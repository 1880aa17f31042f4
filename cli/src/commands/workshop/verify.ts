import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { openLearner, pickExercise, pickLanguage, resultLines, taskFile, verifyExercise, type Learner, type VerifyResult } from '../../services/workshop/index.js'
import { langFlags, learnerFlags, timeoutFlags } from '../../workshop-flags.js'

const m = msg.workshop.verify

export type WorkshopVerifyResult = VerifyResult | { results: VerifyResult[]; passed: boolean }

export default class WorkshopVerify extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { exercise: Args.string({ description: m.exercise }) }
  static override flags = { ...learnerFlags, ...langFlags, ...timeoutFlags, all: Flags.boolean({ description: m.all }) }

  async run(): Promise<WorkshopVerifyResult> {
    const { args, flags } = await this.parse(WorkshopVerify)
    if (flags.all && args.exercise !== undefined) throw new UserError(msg.workshop.errors.allWithExercise(args.exercise))
    const learner = openLearner(flags.dir ?? process.cwd())
    const lang = pickLanguage(flags.lang)
    const exercises = flags.all ? learner.workshop.exercises : [pickExercise(learner, args.exercise)]
    const results: VerifyResult[] = []
    for (const exercise of exercises) {
      if (!this.jsonEnabled() && process.stderr.isTTY) process.stderr.write(`${m.running(exercise)}\r`)
      const result = await verifyExercise(learner, exercise, { timeoutSeconds: flags.timeout })
      if (!this.jsonEnabled() && process.stderr.isTTY) process.stderr.write('\u001B[2K')
      results.push(result)
      if (!this.jsonEnabled()) this.show(learner, result, lang, exercises.length === 1)
    }
    if (results.some((r) => !r.passed)) this.failCheck()
    const [only] = results
    return flags.all || !only ? { results, passed: results.every((r) => r.passed) } : only
  }

  private show(learner: Learner, result: VerifyResult, lang: string, single: boolean): void {
    for (const line of resultLines(result)) this.log(line.text)
    if (!single) return
    if (result.finished && result.passed) this.log(m.finished)
    else if (result.next) this.log(m.next(result.next, taskFile(learner, result.next, lang)))
    else if (!result.passed) this.log(m.stuck(taskFile(learner, result.exercise, lang)))
  }
}
