import { Flags } from '@oclif/core'
import type { ServiceRequest } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { listGrievances, wardOf } from '../../services/grievances.js'
import { renderTable } from '../../ui/table.js'

const m = msg.grievances.list

export default class GrievancesList extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = {
    status: Flags.option({ options: ['open', 'closed'] as const, description: m.status })(),
    service: Flags.string({ description: m.service, multiple: true }),
    from: Flags.string({ description: m.from }),
    to: Flags.string({ description: m.to }),
    ward: Flags.string({ description: m.ward }),
    limit: Flags.integer({ description: m.limit, default: 50, min: 1, max: 10_000 }),
    ...apiFlags,
  }

  async run(): Promise<ServiceRequest[]> {
    const { flags } = await this.parse(GrievancesList)
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const requests = await listGrievances(city, {
      status: flags.status,
      serviceCodes: flags.service,
      from: flags.from,
      to: flags.to,
      ward: flags.ward,
      limit: flags.limit,
    })
    if (!this.jsonEnabled()) {
      if (requests.length === 0) {
        this.log(m.none)
      } else {
        const c = m.columns
        this.log(
          renderTable(requests, [
            { header: c.id, get: (r) => r.serviceRequestId },
            { header: c.status, get: (r) => r.status },
            { header: c.service, get: (r) => r.serviceCode },
            { header: c.ward, get: (r) => wardOf(r) ?? '' },
            { header: c.requested, get: (r) => r.requestedDatetime ?? '' },
            { header: c.address, get: (r) => truncate(r.address ?? '', 48) },
          ]),
        )
        this.log('')
        this.log(m.count(requests.length, flags.limit))
      }
    }
    return requests
  }
}

function truncate(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
