import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { nextHint, openLearner, pickExercise, pickLanguage, type HintResult } from '../../services/workshop/index.js'
import { langFlags, learnerFlags } from '../../workshop-flags.js'

const m = msg.workshop.hint

export default class WorkshopHint extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { exercise: Args.string({ description: m.exercise }) }
  static override flags = { ...learnerFlags, ...langFlags }

  async run(): Promise<HintResult> {
    const { args, flags } = await this.parse(WorkshopHint)
    const learner = openLearner(flags.dir ?? process.cwd())
    const hint = nextHint(learner, pickExercise(learner, args.exercise), pickLanguage(flags.lang))
    if (!this.jsonEnabled()) {
      this.log(m.heading(hint.exercise, hint.number, hint.total))
      this.log('')
      this.log(hint.text)
      this.log('')
      this.log(hint.last ? m.last : m.more)
    }
    return hint
  }
}
