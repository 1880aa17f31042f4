import { resolve } from 'node:path'
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { findWorkshop, localizedFile, pickLanguage, startWorkshop, type StartResult } from '../../services/workshop/index.js'
import { langFlags } from '../../workshop-flags.js'
import { join, relative } from 'node:path'

const m = msg.workshop.start

export default class WorkshopStart extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { workshop: Args.string({ description: m.workshop, required: true }) }
  static override flags = { dir: Flags.string({ description: m.dir, helpValue: '<folder>' }), ...langFlags }

  async run(): Promise<StartResult> {
    const { args, flags } = await this.parse(WorkshopStart)
    const workshop = findWorkshop(args.workshop)
    const typed = flags.dir ?? workshop.id
    const result = startWorkshop({ workshop, dir: resolve(typed) })
    if (!this.jsonEnabled()) {
      this.log(m.created(typed, workshop.title, result.created.length))
      if (result.kept.length > 0) this.log(m.kept(result.kept.length))
      const task = localizedFile(join(result.dir, result.firstExercise), 'README', pickLanguage(flags.lang)).path
      this.log('')
      this.log(m.next(typed, relative(result.dir, task)))
    }
    return result
  }
}
