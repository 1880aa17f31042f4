import type { Service } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { renderTable } from '../../ui/table.js'

export default class GrievancesServices extends BaseCommand {
  static override summary = msg.grievances.services.summary
  static override description = msg.grievances.services.description
  static override examples = [...msg.grievances.services.examples]
  static override enableJsonFlag = true
  static override flags = { ...apiFlags }

  async run(): Promise<Service[]> {
    const { flags } = await this.parse(GrievancesServices)
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const services = await city.grievances.services()
    const c = msg.grievances.services.columns
    if (!this.jsonEnabled()) {
      this.log(
        renderTable(services, [
          { header: c.code, get: (s) => s.serviceCode },
          { header: c.name, get: (s) => s.serviceName },
          { header: c.group, get: (s) => s.group ?? '' },
          { header: c.type, get: (s) => s.type },
          { header: c.questions, get: (s) => msg.grievances.services.questions(s.metadata) },
        ]),
      )
    }
    return services
  }
}
