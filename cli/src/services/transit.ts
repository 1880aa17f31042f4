import type { Stop, ThaneClient } from '@thanekit/sdk'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'

/** A stop by its id, its code, or a name (English or Marathi) that matches one stop best. */
export async function resolveStop(city: ThaneClient, ref: string): Promise<Stop> {
  const feed = await city.transit.feed()
  const byId = feed.stop(ref)
  if (byId) return byId
  const found = await city.transit.stops.search(ref)
  const exact = found.filter((s) => s.stopCode === ref || s.name.toLowerCase() === ref.toLowerCase() || s.nameMr === ref)
  if (exact.length === 1 && exact[0]) return exact[0]
  if (found.length === 1 && found[0]) return found[0]
  if (found.length === 0) throw new UserError(msg.transit.noStop(ref))
  throw new UserError(msg.transit.ambiguousStop(ref, found.slice(0, 6).map((s) => `${s.stopId} (${s.name})`)))
}
