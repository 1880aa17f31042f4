// Creating Observations: POST Observations, POST Datastreams(n)/Observations and the Data Array
// extension's POST CreateObservations. Only links to existing entities are accepted (no deep insert).
import { badRequest } from './errors.js'
import { parseTime } from './load.js'
import type { Catalogue, NewObservation } from './store.js'

type Json = Record<string, unknown>

/** Checks one Observation body; `datastreamId` is set when it was posted to a Datastream's Observations. */
export function checkObservation(body: unknown, catalogue: Catalogue, now: number, datastreamId?: number): NewObservation {
  if (!isObject(body)) throw badRequest('the body must be a JSON object: an Observation with result and a Datastream link')
  const known = new Set(['phenomenonTime', 'result', 'resultTime', 'resultQuality', 'validTime', 'parameters', 'Datastream', 'FeatureOfInterest', '@iot.id', 'id'])
  for (const key of Object.keys(body)) {
    if (!known.has(key)) throw badRequest(`an Observation has no property ${JSON.stringify(key)}; it has phenomenonTime, result, resultTime, resultQuality, validTime, parameters, Datastream, FeatureOfInterest`)
  }
  let ds = datastreamId
  if (body.Datastream !== undefined) {
    const linked = linkId(body.Datastream, 'Datastream')
    if (ds !== undefined && linked !== ds) throw badRequest(`the body links Datastream ${linked}, but it was posted to Datastreams(${ds})/Observations`)
    ds = linked
  }
  if (ds === undefined) throw badRequest('an Observation needs its Datastream: add "Datastream": { "@iot.id": <id> }')
  const datastream = catalogue.datastreams.get(ds)
  if (!datastream) throw badRequest(`Datastream ${ds} does not exist; see /Datastreams for the ids`)
  return {
    datastream_id: ds,
    foi_id: featureFor(body.FeatureOfInterest, datastream.thingId, catalogue),
    ...phenomenon(body.phenomenonTime, now),
    result_time_ms: body.resultTime === undefined || body.resultTime === null ? null : instant(body.resultTime, 'resultTime'),
    ...result(body.result),
    result_quality: body.resultQuality === undefined || body.resultQuality === null ? null : JSON.stringify(body.resultQuality),
    ...validTime(body.validTime),
    parameters: parameters(body.parameters),
  }
}

const COMPONENTS = new Set(['phenomenonTime', 'result', 'resultTime', 'resultQuality', 'validTime', 'parameters', 'FeatureOfInterest/id'])

/** A checked CreateObservations request: per row, the observation to store or the reason it is refused. */
export function checkCreateObservations(body: unknown, catalogue: Catalogue, now: number): (NewObservation | Error)[] {
  if (!Array.isArray(body)) throw badRequest('the body must be a JSON array of { Datastream: { "@iot.id" }, components, dataArray }')
  const out: (NewObservation | Error)[] = []
  for (const [g, group] of body.entries()) {
    const where = `group ${g + 1}`
    if (!isObject(group)) throw badRequest(`${where} must be an object { Datastream, components, dataArray }`)
    if (group.Datastream === undefined) throw badRequest(`${where} needs its Datastream: "Datastream": { "@iot.id": <id> }`)
    const ds = linkId(group.Datastream, `${where} Datastream`)
    if (!catalogue.datastreams.has(ds)) throw badRequest(`${where}: Datastream ${ds} does not exist`)
    const components = group.components
    if (!Array.isArray(components) || !components.every((c) => typeof c === 'string')) throw badRequest(`${where}: components must be a list of names`)
    for (const c of components) if (!COMPONENTS.has(c)) throw badRequest(`${where}: unknown component ${JSON.stringify(c)}; use ${[...COMPONENTS].join(', ')}`)
    if (new Set(components).size !== components.length) throw badRequest(`${where}: a component is named twice`)
    for (const c of ['phenomenonTime', 'result']) if (!components.includes(c)) throw badRequest(`${where}: components must include ${c}`)
    if (!Array.isArray(group.dataArray)) throw badRequest(`${where}: dataArray must be a list of rows`)
    for (const row of group.dataArray) {
      if (!Array.isArray(row) || row.length !== components.length) {
        out.push(badRequest(`a row must have ${components.length} values`))
        continue
      }
      const observation: Json = { Datastream: { '@iot.id': ds } }
      for (const [i, c] of (components as string[]).entries()) {
        if (c === 'FeatureOfInterest/id') observation.FeatureOfInterest = { '@iot.id': row[i] }
        else observation[c] = row[i]
      }
      try {
        out.push(checkObservation(observation, catalogue, now))
      } catch (err) {
        out.push(err as Error)
      }
    }
  }
  return out
}

function linkId(link: unknown, what: string): number {
  if (!isObject(link)) throw badRequest(`${what} must be a link { "@iot.id": <id> }`)
  const id = link['@iot.id']
  const keys = Object.keys(link)
  if (keys.length !== 1 || id === undefined) throw badRequest(`${what} must be a link to an existing entity, { "@iot.id": <id> }; creating related entities (deep insert) is not supported`)
  const n = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw badRequest(`${what} "@iot.id" must be a whole number; got ${JSON.stringify(id)}`)
  return n
}

function featureFor(link: unknown, thingId: number, catalogue: Catalogue): number {
  if (link === undefined || link === null) {
    const id = catalogue.featureOfThing.get(thingId)
    if (id === undefined) throw badRequest(`Thing ${thingId} has no Location to make a FeatureOfInterest from; link one with "FeatureOfInterest": { "@iot.id": <id> }`)
    return id
  }
  const id = linkId(link, 'FeatureOfInterest')
  if (!catalogue.features.has(id)) throw badRequest(`FeatureOfInterest ${id} does not exist`)
  return id
}

function instant(v: unknown, what: string): number {
  const ms = typeof v === 'string' ? parseTime(v) : Number.NaN
  if (Number.isNaN(ms)) throw badRequest(`${what} must be an ISO 8601 date-time with a zone, like 2026-07-14T09:00:00+05:30; got ${JSON.stringify(v)}`)
  return ms
}

function interval(v: unknown, what: string): [number, number | null] {
  if (typeof v === 'string' && v.includes('/')) {
    const [a, b, extra] = v.split('/')
    if (extra !== undefined) throw badRequest(`${what} must be an instant or start/end; got ${JSON.stringify(v)}`)
    const start = instant(a, what)
    const end = instant(b, what)
    if (end < start) throw badRequest(`${what} ends before it starts: ${JSON.stringify(v)}`)
    return [start, end]
  }
  return [instant(v, what), null]
}

function phenomenon(v: unknown, now: number): { phenomenon_ms: number; phenomenon_end_ms: number | null } {
  if (v === undefined || v === null) return { phenomenon_ms: now, phenomenon_end_ms: null }
  const [start, end] = interval(v, 'phenomenonTime')
  return { phenomenon_ms: start, phenomenon_end_ms: end }
}

function validTime(v: unknown): { valid_from_ms: number | null; valid_to_ms: number | null } {
  if (v === undefined || v === null) return { valid_from_ms: null, valid_to_ms: null }
  const [start, end] = interval(v, 'validTime')
  return { valid_from_ms: start, valid_to_ms: end ?? start }
}

function result(v: unknown): { result: number | string | null; result_json: string | null } {
  if (v === undefined) throw badRequest('an Observation needs a result')
  if (v === null) throw badRequest('result must not be null')
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw badRequest('result must be a finite number')
    return { result: v, result_json: null }
  }
  if (typeof v === 'string') return { result: v, result_json: null }
  return { result: null, result_json: JSON.stringify(v) }
}

function parameters(v: unknown): string | null {
  if (v === undefined || v === null) return null
  if (!isObject(v)) throw badRequest('parameters must be a JSON object')
  return JSON.stringify(v)
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
