import { Flags, ux } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { msg } from '../messages/index.js'
import { runDoctor, type CheckStatus, type DoctorResult } from '../services/doctor.js'
import { renderTable } from '../ui/table.js'

export default class Doctor extends BaseCommand {
  static override summary = msg.doctor.summary
  static override description = msg.doctor.description
  static override examples = [...msg.doctor.examples]
  static override enableJsonFlag = true

  static override flags = {
    port: Flags.integer({ description: msg.doctor.port, min: 1, max: 65535 }),
  }

  async run(): Promise<DoctorResult> {
    const { flags } = await this.parse(Doctor)
    const result = await runDoctor({ port: flags.port, host: '127.0.0.1' })
    if (!result.ok) this.failCheck()
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(result.checks, [
          { header: msg.doctor.columns.check, get: (c) => c.name },
          { header: msg.doctor.columns.status, get: (c) => paint(c.status) },
          { header: msg.doctor.columns.detail, get: (c) => c.detail },
        ]),
      )
      const failed = result.checks.filter((c) => c.status === 'fail').length
      this.log('')
      this.log(failed === 0 ? msg.doctor.summaryOk : msg.doctor.summaryFail(failed))
    }
    return result
  }
}

function paint(status: CheckStatus): string {
  const text = msg.doctor.status[status]
  const color = status === 'ok' ? 'green' : status === 'warn' ? 'yellow' : 'red'
  return ux.colorize(color, text)
}
