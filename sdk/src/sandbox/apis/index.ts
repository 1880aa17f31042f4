import type { SandboxApi } from '../types.js'
import { gtfsApi } from './gtfs/index.js'
import { open311Api } from './open311/index.js'
import { sensorThingsApi } from './sensorthings/index.js'

/** The APIs the sandbox serves, in the order `GET /` lists them. Each standard's module appends itself here. */
export const sandboxApis: readonly SandboxApi[] = [open311Api, sensorThingsApi, gtfsApi]
