import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { replayShiftMs } from '../../replay.js'
import type { SandboxApi, SandboxContext } from '../../types.js'
import { SensorThingsError } from './errors.js'
import { readSensorsDataset, type SensorsDataset, sensorsFolder } from './load.js'
import type { Row, SetName } from './model.js'
import { addSensorThingsRoutes, BASE } from './routes.js'
import { type Catalogue, SensorThingsStore } from './store.js'

/**
 * The sandbox's OGC SensorThings API 1.1 (sensing) at `/sensorthings/v1.1`, serving the sensors
 * dataset (`<dataDir>/sensors`). While that folder does not exist the API serves nothing. See
 * README.md beside this file for the decisions the standard leaves open.
 */
export const sensorThingsApi: SandboxApi = {
  name: 'sensors',
  standard: 'OGC SensorThings API 1.1',
  path: BASE,
  register: registerSensorThings,
}

async function registerSensorThings(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  // observations.csv.gz is built, not committed: a checkout that has not run the build has the
  // catalogue alone, and the sandbox must still start (serving no sensors), as without the folder.
  const folder = sensorsFolder(ctx.dataDir)
  if (!existsSync(join(folder, 'catalogue.json')) || !existsSync(join(folder, 'observations.csv.gz'))) {
    app.log.warn(`no sensors dataset (catalogue.json and observations.csv.gz) in ${folder}; ${BASE} is not served`)
    return
  }
  // The month of observations (half a million rows) is read and imported on the first request
  // that needs it, not at start: every sandbox (and every test or workshop check that starts one)
  // would otherwise pay about two seconds before it could answer anything.
  const store = new SensorThingsStore(ctx.db)
  let runtime: Loaded | undefined
  let loading: Promise<Loaded> | undefined
  const load = (): Loaded => {
    const started = performance.now()
    const dataset = readSensorsDataset(ctx.dataDir)
    const shiftFor = (): number => (dataset.end === undefined ? 0 : replayShiftMs(new Date(dataset.end), ctx.clock))
    const shift = shiftFor()
    const catalogue = store.importDataset(dataset, shift)
    app.log.info({ observations: dataset.observations.length, shiftMs: shift, ms: Math.round(performance.now() - started) }, 'sensorthings: sensors loaded')
    return { dataset, shiftFor, shift, catalogue, lists: listsOf(catalogue) }
  }
  // One load for all the requests that arrive before it is done; a failed load is forgotten, so
  // the next request tries again (after the dataset has been fixed, say).
  const ensureLoaded = (): Promise<Loaded> =>
    (loading ??= Promise.resolve()
      .then(load)
      .then(
        (loaded) => (runtime = loaded),
        (err: unknown) => {
          loading = undefined
          throw err
        },
      ))
  const current = (): Loaded => {
    if (runtime === undefined) throw new Error('bug: a SensorThings route ran before the sensors dataset was loaded')
    return runtime
  }

  // Every route waits for the load, the service root excepted: it lists the sets and needs no data.
  // A callback hook, not an async one: once loaded, it costs every request a comparison only.
  app.addHook('onRequest', (request, _reply, done) => {
    if (runtime !== undefined || isServiceRoot(request.url)) return done()
    ensureLoaded().then(
      () => done(),
      (err: unknown) => {
        request.log.error({ err }, 'sensorthings: loading the sensors dataset failed')
        const why = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ')
        done(new SensorThingsError(503, `the sensors dataset could not be loaded: ${why}; the next request tries again`))
      },
    )
  })

  addSensorThingsRoutes(app, {
    ctx,
    store,
    catalogue: () => current().catalogue,
    lists: () => current().lists,
    // A live replay runs on: once the clock is a week past the shifted month, the month is
    // replayed again, shifted by more whole weeks, so the newest reading stays within a week.
    refresh() {
      const loaded = current()
      if (ctx.clock.mode !== 'live') return false
      const wanted = loaded.shiftFor()
      if (wanted === loaded.shift) return false
      loaded.shift = wanted
      loaded.catalogue = store.importDataset(loaded.dataset, wanted)
      loaded.lists = listsOf(loaded.catalogue)
      return true
    },
  })
}

/** The sensors dataset as imported, with the replay shift it was imported at. */
interface Loaded {
  dataset: SensorsDataset
  shiftFor: () => number
  shift: number
  catalogue: Catalogue
  lists: Record<Exclude<SetName, 'Observations'>, readonly Row[]>
}

function isServiceRoot(url: string): boolean {
  const q = url.indexOf('?')
  const path = q === -1 ? url : url.slice(0, q)
  return path === BASE || path === `${BASE}/`
}

function listsOf(c: Catalogue): Record<Exclude<SetName, 'Observations'>, readonly Row[]> {
  const sorted = <T extends { id: number }>(m: Map<number, T>) => [...m.values()].sort((a, b) => a.id - b.id)
  return {
    Things: sorted(c.things),
    Locations: sorted(c.locations),
    HistoricalLocations: sorted(c.historicalLocations),
    Datastreams: sorted(c.datastreams),
    Sensors: sorted(c.sensors),
    ObservedProperties: sorted(c.observedProperties),
    FeaturesOfInterest: sorted(c.features),
  }
}
