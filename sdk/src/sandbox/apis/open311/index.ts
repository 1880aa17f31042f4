import { existsSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { replayShiftMs } from '../../replay.js'
import type { SandboxApi, SandboxContext } from '../../types.js'
import { closedNote } from './lifecycle.js'
import { grievancesFolder, readDataset, type Dataset } from './load.js'
import { addOpen311Routes, BASE, changesetOf } from './routes.js'
import { Open311Store } from './store.js'
import { WardLocator } from './wards.js'

/**
 * The sandbox's Open311 GeoReport v2 server at `/open311/v2`, serving the grievances dataset
 * (`<dataDir>/grievances`). While that folder does not exist the API serves nothing. See
 * README.md beside this file for the decisions the standard leaves open and the extensions.
 */
export const open311Api: SandboxApi = {
  name: 'grievances',
  standard: 'Open311 GeoReport v2',
  path: BASE,
  register: registerOpen311,
}

async function registerOpen311(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  if (!existsSync(grievancesFolder(ctx.dataDir))) {
    app.log.warn(`no grievances dataset in ${ctx.dataDir}; ${BASE} is not served`)
    return
  }
  const started = performance.now()
  const dataset = readDataset(ctx.dataDir)
  const shift = dataset.end === undefined ? 0 : replayShiftMs(new Date(dataset.end), ctx.clock)
  const store = new Open311Store(ctx.db)
  store.importDataset(dataset, shift)
  const services = new Map(dataset.services.map((s) => [s.service_code, s]))
  addOpen311Routes(app, {
    ctx,
    store,
    services,
    definitions: dataset.definitions,
    closingNotes: mostCommon(dataset, 'closing', (code) => closedNote(services.get(code)?.agency ?? 'the agency')),
    notices: mostCommon(dataset, 'notice'),
    wards: new WardLocator(dataset.requests),
    changeset: changesetOf(ctx.clock.now()),
  })
  app.log.info({ requests: dataset.requests.length, shiftMs: shift, ms: Math.round(performance.now() - started) }, 'open311: grievances loaded')
}

/**
 * Per service, what submitted requests are given so they read like the historical ones:
 * - `closing`: the closing note the service's closed requests carry most often (ties: the first
 *   in text order), or `fallback` when it has none;
 * - `notice`: the service notice, only when most of the service's requests carry the same one
 *   (a standing notice such as the batch-service one, not a seasonal warning).
 */
function mostCommon(dataset: Dataset, what: 'closing' | 'notice', fallback?: (code: string) => string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>()
  const totals = new Map<string, number>()
  for (const r of dataset.requests) {
    if (what === 'closing' && r.closed_ms === null) continue
    totals.set(r.service_code, (totals.get(r.service_code) ?? 0) + 1)
    const text = what === 'closing' ? r.status_notes : r.service_notice
    if (!text) continue
    let perService = counts.get(r.service_code)
    if (!perService) counts.set(r.service_code, (perService = new Map()))
    perService.set(text, (perService.get(text) ?? 0) + 1)
  }
  const result = new Map<string, string>()
  for (const s of dataset.services) {
    const [best] = [...(counts.get(s.service_code) ?? [])].sort(([a, n], [b, m]) => m - n || (a < b ? -1 : a > b ? 1 : 0))
    const total = totals.get(s.service_code) ?? 0
    if (best && (what === 'closing' || best[1] * 2 > total)) result.set(s.service_code, best[0])
    else if (fallback) result.set(s.service_code, fallback(s.service_code))
  }
  return result
}
