import { Args } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { showSchema } from '../../services/schema.js'

const m = msg.schema.show

export default class SchemaShow extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override args = {
    name: Args.string({ description: m.name, required: true }),
  }

  async run(): Promise<void> {
    const { args } = await this.parse(SchemaShow)
    const schema = showSchema(args.name)
    // Pretty on a terminal, one line in a pipe.
    this.log(JSON.stringify(schema, null, process.stdout.isTTY ? 2 : undefined))
  }
}
