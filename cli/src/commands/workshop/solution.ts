import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { openLearner, openSolution, pickExercise, type SolutionResult } from '../../services/workshop/index.js'
import { learnerFlags } from '../../workshop-flags.js'

const m = msg.workshop.solution

export default class WorkshopSolution extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { exercise: Args.string({ description: m.exercise }) }
  static override flags = { ...learnerFlags, code: Flags.string({ description: m.code, helpValue: '<code>' }) }

  async run(): Promise<SolutionResult> {
    const { args, flags } = await this.parse(WorkshopSolution)
    const learner = openLearner(flags.dir ?? process.cwd())
    const solution = openSolution(learner, pickExercise(learner, args.exercise), flags.code)
    if (!this.jsonEnabled()) {
      this.log(m.heading(solution.exercise, solution.unlockedBy))
      for (const file of solution.files) {
        this.log('')
        this.log(m.file(file.path))
        this.log(file.content.trimEnd())
      }
    }
    return solution
  }
}
