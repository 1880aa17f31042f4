import { Args } from '@oclif/core'
import type { ServiceRequest } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { wardOf } from '../../services/grievances.js'
import { renderDetails } from '../../ui/details.js'

export default class GrievancesShow extends BaseCommand {
  static override summary = msg.grievances.show.summary
  static override description = msg.grievances.show.description
  static override examples = [...msg.grievances.show.examples]
  static override enableJsonFlag = true
  static override args = { id: Args.string({ description: msg.grievances.show.id, required: true }) }
  static override flags = { ...apiFlags }

  async run(): Promise<ServiceRequest> {
    const { args, flags } = await this.parse(GrievancesShow)
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const r = await city.grievances.get(args.id)
    const l = msg.grievances.show.labels
    if (!this.jsonEnabled()) {
      this.log(
        renderDetails([
          [l.id, r.serviceRequestId],
          [l.status, r.status],
          [l.service, r.serviceName ? `${r.serviceName} (${r.serviceCode})` : r.serviceCode],
          [l.ward, wardOf(r)],
          [l.requested, r.requestedDatetime],
          [l.updated, r.updatedDatetime],
          [l.expected, r.expectedDatetime],
          [l.agency, r.agencyResponsible],
          [l.address, r.address],
          [l.location, r.lat !== undefined && r.lon !== undefined ? `${r.lat}, ${r.lon}` : undefined],
          [l.notes, r.statusNotes],
          [l.notice, r.serviceNotice],
          [l.media, r.mediaUrl],
          [l.description, r.description],
        ]),
      )
    }
    return r
  }
}
