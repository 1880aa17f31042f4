import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { UserError } from '../../errors.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { parseWhen } from '../../services/dates.js'
import { exportObservations } from '../../services/export.js'
import { progressLine } from '../../ui/progress.js'

const m = msg.sensors.export

export default class SensorsExport extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override args = { datastream: Args.string({ description: m.datastream, required: true }) }
  static override flags = {
    from: Flags.string({ description: m.from, required: true }),
    to: Flags.string({ description: m.to, required: true }),
    format: Flags.option({ options: ['csv', 'ndjson'] as const, default: 'csv', description: m.format })(),
    output: Flags.string({ char: 'o', description: m.output }),
    force: Flags.boolean({ description: m.force, dependsOn: ['output'] }),
    ...apiFlags,
  }

  async run(): Promise<void> {
    const { args, flags } = await this.parse(SensorsExport)
    const from = parseWhen(flags.from, 'from', 'start')
    const to = parseWhen(flags.to, 'to', 'end-exclusive')
    if (Date.parse(to) <= Date.parse(from)) throw new UserError(m.emptyRange(flags.from, flags.to))
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    // Progress goes to stderr, and only to a terminal: piped output stays exactly the data.
    const progress = process.stderr.isTTY ? progressLine(process.stderr) : undefined
    const { count } = await exportObservations(city, {
      datastreamId: args.datastream,
      from,
      to,
      format: flags.format,
      output: flags.output,
      force: flags.force,
      onProgress: progress ? (n, time) => progress.update(m.progress(n, time)) : undefined,
    })
    progress?.done(m.done(count, flags.output))
    if (!progress && flags.output) this.logToStderr(m.done(count, flags.output))
  }
}
