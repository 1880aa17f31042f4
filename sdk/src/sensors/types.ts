/**
 * The OGC SensorThings API 1.1 (Sensing) entities in TypeScript's camelCase. On the wire the names
 * stay the standard's (`@iot.id`, `@iot.selfLink`, `Locations`, `unitOfMeasurement`, ...); `wire.ts`
 * converts them.
 *
 * Reading is lenient, because real servers differ: ids arrive as numbers or strings and are always
 * returned as strings; optional fields a server leaves out are absent (or `null` where the standard
 * says so); times are returned exactly as the server sent them (`2026-07-14T03:30:00Z`, or with an
 * offset, or an interval `start/end`). Expanded relations (`$expand=Datastreams`) appear under their
 * camelCase name (`datastreams`), absent when not expanded.
 */

/** The entity sets of the Sensing part, as they appear in URLs (`…/v1.1/Things`). */
export type EntitySet =
  | 'Things'
  | 'Locations'
  | 'HistoricalLocations'
  | 'Datastreams'
  | 'Sensors'
  | 'ObservedProperties'
  | 'Observations'
  | 'FeaturesOfInterest'

/** The entity type each set holds. */
export interface EntityBySet {
  Things: Thing
  Locations: Location
  HistoricalLocations: HistoricalLocation
  Datastreams: Datastream
  Sensors: Sensor
  ObservedProperties: ObservedProperty
  Observations: Observation
  FeaturesOfInterest: FeatureOfInterest
}

/** The entity type of a set: `EntityOf<'Things'>` is `Thing`. */
export type EntityOf<S extends EntitySet> = EntityBySet[S]

/** A JSON object as the server sent it (`properties`, `parameters`, ...). */
export type JsonObject = Record<string, unknown>

/** What every entity carries. */
export interface Entity {
  /**
   * The entity's `@iot.id`, always a string (`1` on the wire is `"1"`). Taken from the `selfLink`
   * when the server left the id out (a `$select` without `id`); `""` when neither is there.
   */
  id: string
  /** `@iot.selfLink`: the entity's URL, absolute (resolved against the request URL when a server sent it relative). */
  selfLink?: string
}

/** A GeoJSON geometry (or Feature), as the server sent it. */
export interface GeoJson {
  type: string
  coordinates?: unknown
  geometry?: GeoJson
  [key: string]: unknown
}

/** `{ name, symbol, definition }`; every field is `null` for a unit-less Datastream (truth observations). */
export interface UnitOfMeasurement {
  name: string | null
  symbol: string | null
  definition: string | null
}

/** An object of interest, e.g. an air-quality station (`Things`). */
export interface Thing extends Entity {
  name: string
  description: string
  properties?: JsonObject
  locations?: Location[]
  historicalLocations?: HistoricalLocation[]
  datastreams?: Datastream[]
}

/** Where a Thing is (`Locations`): `location` is a GeoJSON geometry or Feature when `encodingType` is `application/geo+json`. */
export interface Location extends Entity {
  name: string
  description: string
  encodingType: string
  location: GeoJson | unknown
  properties?: JsonObject
  things?: Thing[]
  historicalLocations?: HistoricalLocation[]
}

/** Where a Thing was, and since when (`HistoricalLocations`). */
export interface HistoricalLocation extends Entity {
  time: string
  thing?: Thing
  locations?: Location[]
}

/** A series of observations of one property by one sensor of one Thing (`Datastreams`). */
export interface Datastream extends Entity {
  name: string
  description: string
  unitOfMeasurement: UnitOfMeasurement
  /** An `OM_*` URI, e.g. `http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement`. */
  observationType: string
  properties?: JsonObject
  observedArea?: GeoJson
  /** Interval `start/end` of the observations, when the server reports it. */
  phenomenonTime?: string
  resultTime?: string
  thing?: Thing
  sensor?: Sensor
  observedProperty?: ObservedProperty
  observations?: Observation[]
}

/** The instrument behind Datastreams (`Sensors`). */
export interface Sensor extends Entity {
  name: string
  description: string
  encodingType: string
  metadata: unknown
  properties?: JsonObject
  datastreams?: Datastream[]
}

/** What is observed, e.g. PM2.5 mass concentration (`ObservedProperties`). */
export interface ObservedProperty extends Entity {
  name: string
  /** A URI that defines the property. */
  definition: string
  description: string
  properties?: JsonObject
  datastreams?: Datastream[]
}

/** One reading (`Observations`). */
export interface Observation extends Entity {
  /** An instant (`2026-07-14T03:30:00Z`) or an interval (`start/end`), exactly as sent. */
  phenomenonTime: string
  /** Any JSON value; a number for `OM_Measurement`. */
  result: unknown
  /** `null` when the server has none (the standard lets it be null). */
  resultTime: string | null
  resultQuality?: unknown
  validTime?: string
  parameters?: JsonObject
  datastream?: Datastream
  featureOfInterest?: FeatureOfInterest
}

/** The feature an Observation is about (`FeaturesOfInterest`). */
export interface FeatureOfInterest extends Entity {
  name: string
  description: string
  encodingType: string
  feature: unknown
  properties?: JsonObject
  observations?: Observation[]
}

/** One page of a collection, as the server sent it. */
export interface Page<T> {
  value: T[]
  /** `@iot.count`, when asked for with `$count=true`. */
  count?: number
  /** `@iot.nextLink`, absolute (resolved against the request URL). */
  nextLink?: string
  /** The URL this page was read from. */
  url: string
}

// --- domain helpers ---------------------------------------------------------------------------

/** A point in WGS 84 degrees. */
export interface LatLon {
  lat: number
  lon: number
}

/** Filters of `stations()`. */
export interface StationsOptions {
  /** `properties/kind`, e.g. `air-quality`, `flood-gauge` (server-side `$filter`). */
  kind?: string
  /** `properties/ward`, e.g. `Naupada` (server-side `$filter`). */
  ward?: string
  /**
   * Sort by great-circle distance from this point (computed in the SDK, so any server works);
   * with `radiusMetres`, keep only stations within it. Stations without a point are then left out.
   */
  near?: LatLon & { radiusMetres?: number }
}

/** A Thing with its point, as `stations()` gives it. */
export interface Station extends Thing {
  /** `properties.kind`, when the Thing has one. */
  kind?: string
  /** `properties.ward`, when the Thing has one. */
  ward?: string
  /** The first Location's GeoJSON Point (or a Feature holding one); `undefined` when it has none. */
  coordinates: LatLon | undefined
  /** Metres from `near`, when `near` was given. */
  distanceMetres?: number
}

/** The newest reading of one Datastream, as `latest()` gives it. */
export interface LatestReading {
  datastream: Datastream
  /** The Datastream's ObservedProperty (expanded). */
  observedProperty: ObservedProperty | undefined
  unit: UnitOfMeasurement
  /** `properties.pollutant` or a pollutant recognised from the names, for air-quality Datastreams. */
  pollutant: Pollutant | undefined
  /** The newest Observation; `undefined` when the Datastream has none. */
  observation: Observation | undefined
  /** The result as a number, when it is one (or a numeric string). */
  value: number | undefined
}

/** Options of `observations()`. */
export interface ObservationsOptions {
  /** Start of the range, inclusive (`phenomenonTime ge from`). A Date or an ISO 8601 string. */
  from?: Date | string
  /** End of the range, exclusive (`phenomenonTime lt to`). A Date or an ISO 8601 string. */
  to?: Date | string
  /** `$top` of each page asked for; the server may send fewer. Default: 1000. */
  pageSize?: number
}

// --- AQI ------------------------------------------------------------------------------------

/** The pollutants of India's National AQI (CPCB). Concentrations in µg/m³, except `co` in mg/m³. */
export type Pollutant = 'pm25' | 'pm10' | 'no2' | 'so2' | 'co' | 'o3' | 'nh3' | 'pb'

/** The six AQI categories. */
export type AqiCategoryName = 'Good' | 'Satisfactory' | 'Moderately polluted' | 'Poor' | 'Very poor' | 'Severe'

/** An AQI category with its range and the colour commonly used for it. */
export interface AqiCategory {
  name: AqiCategoryName
  /** Lowest and highest AQI of the category, e.g. `[51, 100]`. */
  range: [number, number]
  /** Hex colour, e.g. `#00B050` for Good. */
  color: string
}

/**
 * Averaged concentrations, the input of `computeAqi()`: 24-hour averages for PM2.5, PM10, NO2,
 * SO2, NH3 and Pb; 8-hour averages for CO (mg/m³) and O3. `o3OneHour` is the 1-hour O3 value used
 * for the Very poor and Severe bands (when the 8-hour value is above 208 µg/m³). A pollutant that is
 * absent, `null` or not a finite number is treated as having no valid data.
 */
export type PollutantAverages = { [P in Pollutant]?: number | null } & { o3OneHour?: number | null }

/** One pollutant's part of the AQI. */
export interface AqiSubIndex {
  pollutant: Pollutant
  /** The averaged concentration given. */
  concentration: number
  /** The concentration the breakpoints were applied to (rounded; the 1-hour value for high O3). */
  used: number
  /** The sub-index, a whole number from 0 to 500. */
  index: number
  category: AqiCategory
  /** `true` when the concentration is above the top of the (extended) Severe band, so the index was capped at 500. */
  capped: boolean
}

/** The result of `computeAqi()`. */
export interface AqiResult {
  /** The AQI (the largest sub-index, a whole number), or `null` when there is not enough data (see `reason`). */
  aqi: number | null
  /** The category of `aqi`, `null` with it. */
  category: AqiCategory | null
  /** The pollutant(s) whose sub-index is the AQI, in the order pm25, pm10, no2, so2, co, o3, nh3, pb. Empty when `aqi` is `null`. */
  dominant: Pollutant[]
  /** The sub-index of every pollutant with valid data (shown even when `aqi` is `null`), in the same order. */
  subIndices: AqiSubIndex[]
  /** Why `aqi` is `null`. */
  reason?: string
}

/** What `averagesFrom()` works on: timestamped values, e.g. Observations. */
export interface TimedValue {
  /** An instant or an interval `start/end` (the end is used), an epoch millisecond number or a Date. */
  phenomenonTime: string | number | Date
  /** A number or numeric string; anything else, negatives included, is not valid data. */
  result: unknown
}

/** The result of `averagesFrom()`. */
export interface AveragingResult {
  /** The averages of the pollutants with enough data; feed them to `computeAqi()`. */
  averages: PollutantAverages
  /** Hours (of the 24 before `at`) with at least one valid value, per pollutant given. */
  validHours: Partial<Record<Pollutant, number>>
  /** Pollutants given whose data is not enough for their average, each with the reason. */
  insufficient: { pollutant: Pollutant; reason: string }[]
  /** The end of the averaging window, ISO 8601 in UTC. */
  at: string
}

/** Options of `aqi()`. */
export interface StationAqiOptions {
  /** The time of the AQI (the end of the averaging windows). Default: the time of the station's newest pollutant observation. */
  at?: Date | string
}

/** The National AQI of one station, as `aqi()` gives it. */
export interface StationAqi extends AqiResult {
  stationId: string
  /** The end of the averaging windows, ISO 8601 in UTC. */
  at: string
  averages: PollutantAverages
  validHours: Partial<Record<Pollutant, number>>
  insufficient: { pollutant: Pollutant; reason: string }[]
  /** The Datastream each pollutant was read from. */
  datastreams: Partial<Record<Pollutant, string>>
}
