import { resolve } from 'node:path'
import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { canPrompt } from '../../prompts.js'
import { learnerProgress, openLearner, writeProgressFile, type ProgressFile } from '../../services/workshop/index.js'
import { renderTable } from '../../ui/table.js'
import { learnerFlags } from '../../workshop-flags.js'

const m = msg.workshop.progress

export default class WorkshopProgress extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = {
    ...learnerFlags,
    export: Flags.string({ description: m.export, helpValue: '<file.json>' }),
    name: Flags.string({ description: m.name, helpValue: '<name>' }),
  }

  async run(): Promise<ProgressFile> {
    const { flags } = await this.parse(WorkshopProgress)
    const learner = openLearner(flags.dir ?? process.cwd())
    // The name is asked once, on a terminal, when a file is exported without one; it is remembered.
    let name = flags.name
    if (name === undefined && flags.export !== undefined && !learner.state.name && canPrompt() && !this.jsonEnabled()) {
      const { input } = await import('@inquirer/prompts')
      name = await input({ message: m.askName, required: true })
    }
    const progress = learnerProgress(learner, name === undefined ? {} : { name: name.trim() })
    if (flags.export !== undefined) writeProgressFile(resolve(flags.export), progress)
    if (this.jsonEnabled()) return progress
    const c = m.columns
    this.log(m.heading(progress.name, progress.workshop.title, progress.passed, progress.total, progress.minutes))
    this.log('')
    this.log(
      renderTable(progress.exercises, [
        { header: c.exercise, get: (e) => e.id },
        { header: c.passed, get: (e) => (e.passed ? m.yes : '') },
        { header: c.attempts, get: (e) => String(e.attempts) },
        { header: c.hints, get: (e) => `${e.hintsUsed}/${e.hintsAvailable}` },
        { header: c.minutes, get: (e) => String(e.minutes) },
      ]),
    )
    if (flags.export !== undefined) {
      this.log('')
      this.log(m.exported(flags.export))
    }
    return progress
  }
}
