import type { Hook } from '@oclif/core'
import { ExitCode } from '../exit-codes.js'
import { msg } from '../messages/index.js'
import { unknownCommandMessage } from '../suggest.js'

/** An unknown command gets one line naming the nearest real command, if one is near, and exit 2. */
const hook: Hook.CommandNotFound = async function (options) {
  // Written by hand rather than with this.error(), whose pretty printer wraps and indents the line.
  process.stderr.write(`${msg.errors.prefix}: ${unknownCommandMessage(options.id.replaceAll(':', ' '), options.config.commandIDs)}\n`)
  this.exit(ExitCode.Usage)
}

export default hook
