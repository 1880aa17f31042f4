import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { replayShiftMs } from '../../replay.js'
import type { SandboxApi, SandboxContext } from '../../types.js'
import { readSensorsDataset, sensorsFolder } from './load.js'
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
  const started = performance.now()
  const dataset = readSensorsDataset(ctx.dataDir)
  const store = new SensorThingsStore(ctx.db)
  const shiftFor = (): number => (dataset.end === undefined ? 0 : replayShiftMs(new Date(dataset.end), ctx.clock))
  let shift = shiftFor()
  let catalogue = store.importDataset(dataset, shift)
  let lists = listsOf(catalogue)
  addSensorThingsRoutes(app, {
    ctx,
    store,
    catalogue: () => catalogue,
    lists: () => lists,
    // A live replay runs on: once the clock is a week past the shifted month, the month is
    // replayed again, shifted by more whole weeks, so the newest reading stays within a week.
    refresh() {
      if (ctx.clock.mode !== 'live') return false
      const wanted = shiftFor()
      if (wanted === shift) return false
      shift = wanted
      catalogue = store.importDataset(dataset, shift)
      lists = listsOf(catalogue)
      return true
    },
  })
  app.log.info({ observations: dataset.observations.length, shiftMs: shift, ms: Math.round(performance.now() - started) }, 'sensorthings: sensors loaded')
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
