import { Flags } from '@oclif/core'
import type { VehiclePosition } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { cityTime } from '../../services/dates.js'
import { renderTable } from '../../ui/table.js'

const m = msg.transit.vehicles

export default class TransitVehicles extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = { route: Flags.string({ description: m.route }), ...apiFlags }

  async run(): Promise<VehiclePosition[]> {
    const { flags } = await this.parse(TransitVehicles)
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const vehicles = await city.transit.vehicles(flags.route ? { routeId: flags.route } : {})
    if (!this.jsonEnabled()) {
      if (vehicles.length === 0) return (this.log(m.none), vehicles)
      // Stop names come from the static feed; without it (unreachable), the ids are shown.
      const feed = await city.transit.feed().catch(() => undefined)
      const stopName = (id: string | undefined) => (id ? (feed?.stop(id)?.name ?? id) : '')
      const c = m.columns
      this.log(
        renderTable(vehicles, [
          { header: c.vehicle, get: (v) => v.vehicleId },
          { header: c.route, get: (v) => v.routeId ?? '' },
          { header: c.trip, get: (v) => v.tripId ?? '' },
          { header: c.position, get: (v) => `${v.lat.toFixed(5)}, ${v.lon.toFixed(5)}` },
          { header: c.status, get: (v) => (v.currentStatus ? `${m.status[v.currentStatus]} ${stopName(v.stopId)}`.trim() : '') },
          { header: c.time, get: (v) => cityTime(v.timestamp.toISOString()).slice(11) },
        ]),
      )
    }
    return vehicles
  }
}
