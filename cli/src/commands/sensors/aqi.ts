import { Flags, ux } from '@oclif/core'
import type { StationAqi } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { cityTime, parseWhen } from '../../services/dates.js'
import { aqiOfStations } from '../../services/sensors.js'
import { renderTable } from '../../ui/table.js'

const m = msg.sensors.aqi

export default class SensorsAqi extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = {
    station: Flags.string({ description: m.station }),
    at: Flags.string({ description: m.at }),
    ...apiFlags,
  }

  async run(): Promise<(StationAqi & { stationName: string; ward: string | undefined })[]> {
    const { flags } = await this.parse(SensorsAqi)
    const at = flags.at ? parseWhen(flags.at, 'at', 'start') : undefined
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const results = await aqiOfStations(city, { station: flags.station, at })
    if (!this.jsonEnabled()) {
      const c = m.columns
      this.log(
        renderTable(results, [
          { header: c.station, get: (r) => r.station.name },
          { header: c.ward, get: (r) => r.station.ward ?? '' },
          { header: c.aqi, get: (r) => (r.aqi === null ? '–' : paint(r.category?.color, String(r.aqi))) },
          { header: c.category, get: (r) => (r.category ? paint(r.category.color, r.category.name) : (r.reason ?? '')) },
          { header: c.dominant, get: (r) => r.dominant.map((p) => m.pollutant[p]).join(', ') },
          { header: c.at, get: (r) => cityTime(r.at) },
        ]),
      )
    }
    return results.map(({ station, ...aqi }) => ({ ...aqi, stationName: station.name, ward: station.ward }))
  }
}

// The category's own colour, on a terminal that shows colour.
function paint(hex: string | undefined, text: string): string {
  return hex ? ux.colorize(hex, text) : text
}
