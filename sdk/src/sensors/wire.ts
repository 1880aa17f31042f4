import { ApiError } from '../errors.js'
import type {
  Datastream,
  EntityOf,
  EntitySet,
  FeatureOfInterest,
  HistoricalLocation,
  JsonObject,
  Location,
  Observation,
  ObservedProperty,
  Sensor,
  Thing,
  UnitOfMeasurement,
} from './types.js'

// Wire (the standard's names, `@iot.*` annotations) to camelCase. Lenient about everything optional;
// a body that is not a SensorThings entity or collection at all is an ApiError (see `malformed`).

/** The response a wire value came from. */
export interface WireSource {
  method: string
  url: string
  status: number
}

type Wire = Record<string, unknown>

/** An `ApiError` for a 2xx answer whose body is not what SensorThings defines. */
export function malformed(at: WireSource, detail: string, body?: unknown): ApiError {
  return new ApiError({ status: at.status, url: at.url, method: at.method, body, message: `${at.method} ${at.url} answered ${at.status} with a body that is not SensorThings: ${detail}` })
}

export function isRecord(value: unknown): value is Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
}

function optStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function obj(value: unknown): JsonObject | undefined {
  return isRecord(value) ? value : undefined
}

const KEY_IN_LINK = /\((?:'((?:[^']|'')*)'|([^()']+))\)\/?$/

const ABSOLUTE = /^https?:\/\//i

/** A link made absolute against the URL it came from; `undefined` when absent or unusable. */
export function absolute(link: unknown, base: string): string | undefined {
  if (typeof link !== 'string' || link === '') return undefined
  try {
    return new URL(link, base).href
  } catch {
    return link
  }
}

function identity(item: Wire, base: string): { id: string; selfLink?: string } {
  const raw = item['@iot.id']
  const selfLink = absolute(item['@iot.selfLink'], base)
  let id = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'bigint' ? String(raw) : ''
  if (id === '' && selfLink) {
    const m = KEY_IN_LINK.exec(new URL(selfLink).pathname.replace(/%27/g, "'"))
    if (m) id = m[1] !== undefined ? decodeURIComponent(m[1]).replace(/''/g, "'") : decodeURIComponent(m[2]!)
  }
  return selfLink === undefined ? { id } : { id, selfLink }
}

function many<T>(value: unknown, read: (item: Wire, base: string) => T, base: string): T[] | undefined {
  return Array.isArray(value) ? value.filter(isRecord).map((item) => read(item, base)) : undefined
}

function one<T>(value: unknown, read: (item: Wire, base: string) => T, base: string): T | undefined {
  return isRecord(value) ? read(value, base) : undefined
}

function assign<T extends object>(target: T, key: string, value: unknown): void {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value
}

export function readThing(w: Wire, base: string): Thing {
  const t: Thing = { ...identity(w, base), name: str(w.name), description: str(w.description) }
  assign(t, 'properties', obj(w.properties))
  assign(t, 'locations', many(w.Locations, readLocation, base))
  assign(t, 'historicalLocations', many(w.HistoricalLocations, readHistoricalLocation, base))
  assign(t, 'datastreams', many(w.Datastreams, readDatastream, base))
  return t
}

export function readLocation(w: Wire, base: string): Location {
  const l: Location = { ...identity(w, base), name: str(w.name), description: str(w.description), encodingType: str(w.encodingType), location: w.location }
  assign(l, 'properties', obj(w.properties))
  assign(l, 'things', many(w.Things, readThing, base))
  assign(l, 'historicalLocations', many(w.HistoricalLocations, readHistoricalLocation, base))
  return l
}

export function readHistoricalLocation(w: Wire, base: string): HistoricalLocation {
  const h: HistoricalLocation = { ...identity(w, base), time: str(w.time) }
  assign(h, 'thing', one(w.Thing, readThing, base))
  assign(h, 'locations', many(w.Locations, readLocation, base))
  return h
}

function readUnit(value: unknown): UnitOfMeasurement {
  const u = isRecord(value) ? value : {}
  const field = (v: unknown) => (typeof v === 'string' ? v : null)
  return { name: field(u.name), symbol: field(u.symbol), definition: field(u.definition) }
}

export function readDatastream(w: Wire, base: string): Datastream {
  const d: Datastream = {
    ...identity(w, base),
    name: str(w.name),
    description: str(w.description),
    unitOfMeasurement: readUnit(w.unitOfMeasurement),
    observationType: str(w.observationType),
  }
  assign(d, 'properties', obj(w.properties))
  assign(d, 'observedArea', obj(w.observedArea))
  assign(d, 'phenomenonTime', optStr(w.phenomenonTime))
  assign(d, 'resultTime', optStr(w.resultTime))
  assign(d, 'thing', one(w.Thing, readThing, base))
  assign(d, 'sensor', one(w.Sensor, readSensor, base))
  assign(d, 'observedProperty', one(w.ObservedProperty, readObservedProperty, base))
  assign(d, 'observations', many(w.Observations, readObservation, base))
  return d
}

export function readSensor(w: Wire, base: string): Sensor {
  const s: Sensor = { ...identity(w, base), name: str(w.name), description: str(w.description), encodingType: str(w.encodingType), metadata: w.metadata }
  assign(s, 'properties', obj(w.properties))
  assign(s, 'datastreams', many(w.Datastreams, readDatastream, base))
  return s
}

export function readObservedProperty(w: Wire, base: string): ObservedProperty {
  const p: ObservedProperty = { ...identity(w, base), name: str(w.name), definition: str(w.definition), description: str(w.description) }
  assign(p, 'properties', obj(w.properties))
  assign(p, 'datastreams', many(w.Datastreams, readDatastream, base))
  return p
}

// Observations are read by the hundred thousand: one object literal, and the optional fields only
// looked at when present.
export function readObservation(w: Wire, base: string): Observation {
  const raw = w['@iot.id']
  const id = typeof raw === 'number' ? String(raw) : typeof raw === 'string' && raw !== '' ? raw : undefined
  const o: Observation =
    id === undefined
      ? { ...identity(w, base), phenomenonTime: str(w.phenomenonTime), result: w.result, resultTime: typeof w.resultTime === 'string' ? w.resultTime : null }
      : { id, phenomenonTime: str(w.phenomenonTime), result: w.result, resultTime: typeof w.resultTime === 'string' ? w.resultTime : null }
  const link = w['@iot.selfLink']
  if (id !== undefined && typeof link === 'string' && link !== '') o.selfLink = ABSOLUTE.test(link) ? link : absolute(link, base)!
  if (w.resultQuality !== undefined) o.resultQuality = w.resultQuality
  if (typeof w.validTime === 'string') o.validTime = w.validTime
  if (isRecord(w.parameters)) o.parameters = w.parameters
  if (w.Datastream !== undefined) assign(o, 'datastream', one(w.Datastream, readDatastream, base))
  if (w.FeatureOfInterest !== undefined) assign(o, 'featureOfInterest', one(w.FeatureOfInterest, readFeatureOfInterest, base))
  return o
}

export function readFeatureOfInterest(w: Wire, base: string): FeatureOfInterest {
  const f: FeatureOfInterest = { ...identity(w, base), name: str(w.name), description: str(w.description), encodingType: str(w.encodingType), feature: w.feature }
  assign(f, 'properties', obj(w.properties))
  assign(f, 'observations', many(w.Observations, readObservation, base))
  return f
}

/** The reader of each entity set. */
export const READERS: { [S in EntitySet]: (w: Wire, base: string) => EntityOf<S> } = {
  Things: readThing,
  Locations: readLocation,
  HistoricalLocations: readHistoricalLocation,
  Datastreams: readDatastream,
  Sensors: readSensor,
  ObservedProperties: readObservedProperty,
  Observations: readObservation,
  FeaturesOfInterest: readFeatureOfInterest,
}

/** A result as a number: a finite number, or a string holding one; anything else is `undefined`. */
export function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : undefined
  }
  return undefined
}
