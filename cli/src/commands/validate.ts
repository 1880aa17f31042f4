import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { msg } from '../messages/index.js'
import { renderText, validatePaths, type ValidateResult } from '../services/validate.js'

const m = msg.validate

export default class Validate extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  // Any number of paths: `thane validate a.csv b.csv`.
  static override strict = false
  static override args = {
    paths: Args.string({ description: m.paths, required: true }),
  }
  static override flags = {
    schema: Flags.string({ description: m.schema }),
    'max-errors': Flags.integer({ description: m.maxErrors, default: 1000, min: 1 }),
    'fail-on': Flags.option({ options: ['error', 'warning', 'never'] as const, description: m.failOn, default: 'error' as const })(),
    encoding: Flags.string({ description: m.encoding }),
  }

  async run(): Promise<ValidateResult> {
    const { argv, flags } = await this.parse(Validate)
    const result = await validatePaths({
      paths: argv as string[],
      schema: flags.schema,
      encoding: flags.encoding,
      maxErrors: flags['max-errors'],
      failOn: flags['fail-on'],
      onChoice: (path, name) => {
        if (!this.jsonEnabled()) this.log(m.chosen(path, name))
      },
    })
    if (!this.jsonEnabled()) this.log(renderText(result))
    if (!result.valid) this.failCheck()
    return result
  }
}
