// The SensorThings 1.1 sensing data model as the sandbox serves it: entity sets, their properties
// (in the order they are written) and their navigation properties.

export const SET_NAMES = [
  'Things',
  'Locations',
  'HistoricalLocations',
  'Datastreams',
  'Sensors',
  'ObservedProperties',
  'Observations',
  'FeaturesOfInterest',
] as const
export type SetName = (typeof SET_NAMES)[number]

/** How a property's value behaves in filters and ordering. */
export type PropKind = 'string' | 'json' | 'datetime' | 'interval' | 'geometry' | 'any'

export interface NavDef {
  target: SetName
  many: boolean
}

export interface EntityDef {
  set: SetName
  /** Property names in output order (besides `@iot.id` and `@iot.selfLink`). */
  props: Record<string, PropKind>
  navs: Record<string, NavDef>
}

const many = (target: SetName): NavDef => ({ target, many: true })
const one = (target: SetName): NavDef => ({ target, many: false })

export const MODEL: Record<SetName, EntityDef> = {
  Things: {
    set: 'Things',
    props: { name: 'string', description: 'string', properties: 'json' },
    navs: { Locations: many('Locations'), HistoricalLocations: many('HistoricalLocations'), Datastreams: many('Datastreams') },
  },
  Locations: {
    set: 'Locations',
    props: { name: 'string', description: 'string', encodingType: 'string', location: 'geometry', properties: 'json' },
    navs: { Things: many('Things'), HistoricalLocations: many('HistoricalLocations') },
  },
  HistoricalLocations: {
    set: 'HistoricalLocations',
    props: { time: 'datetime' },
    navs: { Thing: one('Things'), Locations: many('Locations') },
  },
  Datastreams: {
    set: 'Datastreams',
    props: {
      name: 'string',
      description: 'string',
      unitOfMeasurement: 'json',
      observationType: 'string',
      phenomenonTime: 'interval',
      resultTime: 'interval',
      properties: 'json',
    },
    navs: { Thing: one('Things'), Sensor: one('Sensors'), ObservedProperty: one('ObservedProperties'), Observations: many('Observations') },
  },
  Sensors: {
    set: 'Sensors',
    props: { name: 'string', description: 'string', encodingType: 'string', metadata: 'any', properties: 'json' },
    navs: { Datastreams: many('Datastreams') },
  },
  ObservedProperties: {
    set: 'ObservedProperties',
    props: { name: 'string', definition: 'string', description: 'string', properties: 'json' },
    navs: { Datastreams: many('Datastreams') },
  },
  Observations: {
    set: 'Observations',
    props: {
      phenomenonTime: 'datetime',
      resultTime: 'datetime',
      result: 'any',
      resultQuality: 'json',
      validTime: 'interval',
      parameters: 'json',
    },
    navs: { Datastream: one('Datastreams'), FeatureOfInterest: one('FeaturesOfInterest') },
  },
  FeaturesOfInterest: {
    set: 'FeaturesOfInterest',
    props: { name: 'string', description: 'string', encodingType: 'string', feature: 'geometry', properties: 'json' },
    navs: { Observations: many('Observations') },
  },
}

export function isSetName(name: string): name is SetName {
  return (SET_NAMES as readonly string[]).includes(name)
}

// ---- rows ---------------------------------------------------------------------------------------

export interface ThingRow {
  id: number
  name: string
  description: string
  properties: unknown
}
export interface LocationRow {
  id: number
  name: string
  description: string
  encodingType: string
  location: unknown
  properties: unknown
  thingIds: number[]
}
export interface HistoricalLocationRow {
  id: number
  time: number
  thingId: number
  locationIds: number[]
}
export interface DatastreamRow {
  id: number
  name: string
  description: string
  unitOfMeasurement: unknown
  observationType: string
  properties: unknown
  thingId: number
  sensorId: number
  observedPropertyId: number
}
export interface SensorRow {
  id: number
  name: string
  description: string
  encodingType: string
  metadata: unknown
  properties: unknown
}
export interface ObservedPropertyRow {
  id: number
  name: string
  definition: string
  description: string
  properties: unknown
}
export interface FeatureRow {
  id: number
  name: string
  description: string
  encodingType: string
  feature: unknown
  properties: unknown
}
/** An observation as read from st_observations. */
export interface ObservationRow {
  id: number
  datastream_id: number
  foi_id: number
  phenomenon_ms: number
  phenomenon_end_ms: number | null
  result_time_ms: number | null
  result: number | string | null
  result_json: string | null
  result_quality: string | null
  valid_from_ms: number | null
  valid_to_ms: number | null
  parameters: string | null
}

export type Row = ThingRow | LocationRow | HistoricalLocationRow | DatastreamRow | SensorRow | ObservedPropertyRow | FeatureRow | ObservationRow
