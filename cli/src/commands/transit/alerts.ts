import type { Alert } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { cityTime } from '../../services/dates.js'
import { renderDetails } from '../../ui/details.js'

const m = msg.transit.alerts

export default class TransitAlerts extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = { ...apiFlags }

  async run(): Promise<Alert[]> {
    const { flags } = await this.parse(TransitAlerts)
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const alerts = await city.transit.alerts()
    if (!this.jsonEnabled()) {
      if (alerts.length === 0) return (this.log(m.none), alerts)
      const l = m.labels
      this.log(
        alerts
          .map((a) =>
            renderDetails([
              [l.alert, a.headerText],
              [l.effect, [a.effect, a.cause].filter(Boolean).join(' · ')],
              [l.routes, [...new Set(a.informedEntities.map((e) => e.routeId).filter(Boolean))].join(', ')],
              [l.when, a.activePeriods.map((p) => `${cityTime(p.start?.toISOString()) || '…'} – ${cityTime(p.end?.toISOString()) || '…'}`).join('; ')],
              [l.details, a.descriptionText],
            ]),
          )
          .join('\n\n'),
      )
    }
    return alerts
  }
}
