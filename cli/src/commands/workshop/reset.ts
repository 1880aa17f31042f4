import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { findExercise, openLearner, pickExercise, resetExercise, undoReset, type ResetResult } from '../../services/workshop/index.js'
import { learnerFlags } from '../../workshop-flags.js'

const m = msg.workshop.reset

export default class WorkshopReset extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { exercise: Args.string({ description: m.exercise }) }
  static override flags = { ...learnerFlags, undo: Flags.boolean({ description: m.undo }) }

  async run(): Promise<ResetResult> {
    const { args, flags } = await this.parse(WorkshopReset)
    const learner = openLearner(flags.dir ?? process.cwd())
    if (flags.undo) {
      const result = undoReset(learner, args.exercise === undefined ? undefined : findExercise(learner.workshop, args.exercise))
      if (!this.jsonEnabled()) this.log(m.undone(result.exercise, result.restoredFrom ?? ''))
      return result
    }
    const result = resetExercise(learner, pickExercise(learner, args.exercise))
    if (!this.jsonEnabled()) this.log(m.done(result.exercise, result.backup ?? ''))
    return result
  }
}
