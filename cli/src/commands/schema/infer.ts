import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { inferToFile } from '../../services/schema.js'

const m = msg.schema.infer

export default class SchemaInfer extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override args = {
    file: Args.string({ description: m.file, required: true }),
  }
  static override flags = {
    'sample-rows': Flags.integer({ description: m.sampleRows, default: 10_000, min: 1 }),
    output: Flags.string({ char: 'o', description: m.output }),
    force: Flags.boolean({ description: m.force, default: false }),
    encoding: Flags.string({ description: m.encoding }),
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(SchemaInfer)
    const schema = await inferToFile({
      file: args.file,
      sampleRows: flags['sample-rows'],
      output: flags.output,
      force: flags.force,
      encoding: flags.encoding,
    })
    if (flags.output === undefined) this.log(JSON.stringify(schema, null, 2))
    else this.log(m.written(flags.output, schema.fields.length))
  }
}
