import { Args, loadHelpClass } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { unknownCommandMessage } from '../suggest.js'

// Our own `help` command instead of @oclif/plugin-help: the same output, one plugin less to load at start-up.
export default class Help extends BaseCommand {
  static override summary = msg.help.summary
  static override strict = false
  static override args = {
    command: Args.string({ description: msg.help.command, required: false }),
  }
  static override examples = [...msg.help.examples]

  async run(): Promise<void> {
    const { argv } = await this.parse(Help)
    const words = (argv as string[]).filter((a) => !a.startsWith('-'))
    const id = words.join(':')
    if (id && !this.config.findCommand(id) && !this.config.findTopic(id)) {
      throw new UserError(unknownCommandMessage(words.join(' '), this.config.commandIDs))
    }
    const HelpClass = await loadHelpClass(this.config)
    await new HelpClass(this.config, this.config.pjson.oclif.helpOptions ?? {}).showHelp(argv as string[])
  }
}
