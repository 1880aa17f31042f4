import { Args } from '@oclif/core'
import type { LatestReading } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { cityTime } from '../../services/dates.js'
import { resolveStation } from '../../services/sensors.js'
import { renderTable } from '../../ui/table.js'

const m = msg.sensors.latest

export default class SensorsLatest extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { station: Args.string({ description: m.station, required: true }) }
  static override flags = { ...apiFlags }

  async run(): Promise<{ station: { id: string; name: string }; readings: LatestReading[] }> {
    const { args, flags } = await this.parse(SensorsLatest)
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const station = await resolveStation(city, args.station)
    const readings = await city.sensors.latest(station.id)
    if (!this.jsonEnabled()) {
      this.log(m.heading(station.name, station.id))
      this.log('')
      const c = m.columns
      this.log(
        renderTable(readings, [
          { header: c.property, get: (r) => r.observedProperty?.name ?? r.datastream.name },
          { header: c.value, get: (r) => (r.value === undefined ? m.noData : String(r.value)) },
          { header: c.unit, get: (r) => r.unit.symbol ?? '' },
          { header: c.time, get: (r) => cityTime(r.observation?.phenomenonTime) },
        ]),
      )
    }
    return { station: { id: station.id, name: station.name }, readings }
  }
}
