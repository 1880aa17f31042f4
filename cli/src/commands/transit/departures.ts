import { Args, Flags } from '@oclif/core'
import type { Departure, Stop, ThaneClient } from '@thanekit/sdk'
import { BaseCommand } from '../../base-command.js'
import { UserError } from '../../errors.js'
import { apiFlags } from '../../flags.js'
import { msg } from '../../messages/index.js'
import { cityClient } from '../../services/city.js'
import { cityTime, parseWhen } from '../../services/dates.js'
import { resolveStop } from '../../services/transit.js'
import { liveView } from '../../ui/live.js'
import { renderTable } from '../../ui/table.js'

const m = msg.transit.departures

export default class TransitDepartures extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = { stop: Args.string({ description: m.stop, required: true }) }
  static override flags = {
    at: Flags.string({ description: m.at, exclusive: ['watch'] }),
    limit: Flags.integer({ description: m.limit, default: 10, min: 1, max: 200 }),
    watch: Flags.boolean({ description: m.watch }),
    ...apiFlags,
  }

  async run(): Promise<{ stop: Stop; departures: Departure[] }> {
    const { args, flags } = await this.parse(TransitDepartures)
    if (flags.watch && (this.jsonEnabled() || !process.stdout.isTTY)) throw new UserError(m.watchNeedsTerminal)
    const at = flags.at ? parseWhen(flags.at, 'at', 'start') : undefined
    const city = await cityClient({ apiUrl: flags['api-url'], apiKey: flags['api-key'] })
    const stop = await resolveStop(city, args.stop)
    const load = () => city.transit.departures(stop.stopId, { limit: flags.limit, ...(at ? { at } : {}) })
    if (flags.watch) {
      await liveView(async () => render(stop, await load(), city), 15_000)
      return { stop, departures: [] }
    }
    const departures = await load()
    if (!this.jsonEnabled()) this.log(await render(stop, departures, city))
    return { stop, departures }
  }
}

async function render(stop: Stop, departures: Departure[], city: ThaneClient): Promise<string> {
  const heading = m.heading(stop.name, stop.nameMr, stop.stopId)
  if (departures.length === 0) return `${heading}\n\n${m.none}`
  const routes = new Map((await city.transit.routes()).map((r) => [r.routeId, r]))
  const c = m.columns
  const table = renderTable(departures, [
    { header: c.scheduled, get: (d) => cityTime(d.scheduled.toISOString()).slice(11) },
    { header: c.expected, get: (d) => (d.cancelled ? m.cancelled : d.predicted ? cityTime(d.predicted.toISOString()).slice(11) : '') },
    { header: c.delay, get: (d) => (d.delaySeconds === undefined ? (d.realtime ? '' : m.scheduledOnly) : m.delay(d.delaySeconds)) },
    { header: c.route, get: (d) => routes.get(d.routeId)?.shortName ?? d.routeShortName },
    { header: c.headsign, get: (d) => d.headsign },
  ])
  return `${heading}\n\n${table}`
}
