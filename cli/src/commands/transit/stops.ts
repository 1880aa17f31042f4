import { Flags } from '@oclif/core'
import type { Stop, StopWithDistance } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { parsePoint } from '../../services/sensors.js'
import { renderTable } from '../../ui/table.js'

const m = msg.transit.stops

export default class TransitStops extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = {
    near: Flags.string({ description: m.near, exclusive: ['search'] }),
    radius: Flags.integer({ description: m.radius, default: 1000, min: 1 }),
    search: Flags.string({ description: m.search, exclusive: ['near'] }),
    ...apiFlags,
  }

  async run(): Promise<(Stop | StopWithDistance)[]> {
    const { flags } = await this.parse(TransitStops)
    const near = flags.near ? parsePoint(flags.near, '--near') : undefined
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const stops: (Stop | StopWithDistance)[] = near
      ? await city.transit.stops.near(near, flags.radius)
      : flags.search
        ? await city.transit.stops.search(flags.search)
        : (await city.transit.feed()).stops()
    if (!this.jsonEnabled()) {
      if (stops.length === 0) return (this.log(m.none), stops)
      const c = m.columns
      this.log(
        renderTable(stops, [
          { header: c.id, get: (s) => s.stopId },
          { header: c.code, get: (s) => s.stopCode ?? '' },
          { header: c.name, get: (s) => s.name },
          { header: c.nameMr, get: (s) => s.nameMr ?? '' },
          ...(near ? [{ header: c.distance, get: (s: Stop | StopWithDistance) => ('distanceMetres' in s ? `${Math.round(s.distanceMetres)} m` : '') }] : []),
        ]),
      )
    }
    return stops
  }
}
