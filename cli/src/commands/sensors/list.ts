import { Flags } from '@oclif/core'
import type { Station } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { parsePoint } from '../../services/sensors.js'
import { renderTable } from '../../ui/table.js'

const m = msg.sensors.list

export default class SensorsList extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = {
    kind: Flags.string({ description: m.kind }),
    ward: Flags.string({ description: m.ward }),
    near: Flags.string({ description: m.near }),
    radius: Flags.integer({ description: m.radius, dependsOn: ['near'], min: 1 }),
    ...apiFlags,
  }

  async run(): Promise<Station[]> {
    const { flags } = await this.parse(SensorsList)
    const near = flags.near ? { ...parsePoint(flags.near, '--near'), ...(flags.radius ? { radiusMetres: flags.radius } : {}) } : undefined
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const stations = await city.sensors.stations({
      ...(flags.kind ? { kind: flags.kind } : {}),
      ...(flags.ward ? { ward: flags.ward } : {}),
      ...(near ? { near } : {}),
    })
    if (!this.jsonEnabled()) {
      if (stations.length === 0) return (this.log(m.none), stations)
      const c = m.columns
      this.log(
        renderTable(stations, [
          { header: c.id, get: (s) => s.id },
          { header: c.code, get: (s) => String(s.properties?.station_code ?? '') },
          { header: c.name, get: (s) => s.name },
          { header: c.kind, get: (s) => s.kind ?? '' },
          { header: c.ward, get: (s) => s.ward ?? '' },
          ...(near ? [{ header: c.distance, get: (s: Station) => (s.distanceMetres === undefined ? '' : `${Math.round(s.distanceMetres)} m`) }] : []),
        ]),
      )
    }
    return stations
  }
}
