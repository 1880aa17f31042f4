/**
 * The datapackage.json descriptor of the sensors dataset.
 *
 * observations.csv.gz is not committed: the build (and `npm run generate`) writes it from the seed,
 * so its bytes and hash are not recorded here (they would tie the descriptor to one zlib build);
 * the row count is, and the test checks it.
 */
export interface FileFacts {
  bytes: number
  hash: string
}

/** What the rule packs need to know of one Datastream. */
export interface StreamFacts {
  id: number
  /** The Thing's kind: air-quality, smart-meter, ev-charger, ... */
  kind: string
  /** The observed property's code: pm25, ph, power, energy, ... */
  property: string
  intervalMinutes: number
  /** A cumulative register (must never go down). */
  cumulative: boolean
  /** The Thing's rated capacity (PV plants, EV chargers): the most power it can give. */
  capacityKw?: number
}

export interface PackageInput {
  seed: number
  generator: string
  start: string
  end: string
  rows: number
  counts: Record<string, number>
  datastreams: number
  streams: StreamFacts[]
  files: { catalogue: FileFacts; faults: FileFacts; airQuality: FileFacts & { rows: number } }
}

/** The usual interval of the grid; Datastreams with another one are listed in the rule's perSeries. */
const USUAL_INTERVAL = 15
/**
 * Readings of one value in a row before it counts as stuck: three hours' worth, and at least 12
 * (natural runs in the month are at most 6 readings, 15 at the 5-minute flood gauges).
 */
const STUCK_READINGS = 12
const STUCK_HOURS = 3
/** An AC charging session holds its power for up to five hours (20 readings): allow six. */
const EV_STUCK_READINGS = 24
/** The spike threshold (see isSpike in sdk/src/validate/rules/time-series.ts). */
const SPIKE_THRESHOLD = 10

/**
 * The city rule packs of the observations table: the time-series checks per Datastream (its own
 * interval; energy registers as meters) and physical ranges per observed property (power capped at
 * the Thing's capacity).
 */
export function observationRules(streams: StreamFacts[]): Record<string, unknown>[] {
  const perSeries: Record<string, Record<string, unknown>> = {}
  const ranges: Record<string, unknown> = {}
  for (const s of streams) {
    const own: Record<string, unknown> = {}
    if (s.intervalMinutes !== USUAL_INTERVAL) own.interval = s.intervalMinutes
    const stuck = Math.max(STUCK_READINGS, (STUCK_HOURS * 60) / s.intervalMinutes)
    if (stuck !== STUCK_READINGS) own.stuck = stuck
    if (s.cumulative) Object.assign(own, { cumulative: true, spike: 0 })
    if (s.kind === 'ev-charger') own.stuck = EV_STUCK_READINGS
    if (Object.keys(own).length) perSeries[String(s.id)] = own
    ranges[String(s.id)] = s.capacityKw !== undefined ? { quantity: s.property, maximum: s.capacityKw } : s.property
  }
  return [
    {
      rule: 'time-series',
      series: 'datastream_id',
      time: 'phenomenon_time',
      values: ['result'],
      interval: USUAL_INTERVAL,
      tolerance: 0.5,
      stuck: STUCK_READINGS,
      stuckIgnore: [0],
      spike: SPIKE_THRESHOLD,
      perSeries,
    },
    { rule: 'physical-range', value: 'result', series: 'datastream_id', ranges },
  ]
}

export const AIR_QUALITY_FIELDS = [
  { name: 'station_id', type: 'string', description: 'The station: TMC- and its station code (the Thing\'s station_code in catalogue.json).', constraints: { required: true, pattern: '^TMC-AQ-\\d{2}$' } },
  { name: 'timestamp', type: 'datetime', description: 'The start of the hour, IST with its offset: 2026-07-01T00:00:00+05:30.', constraints: { required: true } },
  { name: 'pm25', type: 'number', description: 'PM2.5, µg/m³, hourly mean.', constraints: { minimum: 0 } },
  { name: 'pm10', type: 'number', description: 'PM10, µg/m³, hourly mean.', constraints: { minimum: 0 } },
  { name: 'no2', type: 'number', description: 'NO2, µg/m³, hourly mean.', constraints: { minimum: 0 } },
  { name: 'so2', type: 'number', description: 'SO2, µg/m³, hourly mean.', constraints: { minimum: 0 } },
  { name: 'co', type: 'number', description: 'CO, mg/m³, hourly mean.', constraints: { minimum: 0 } },
  { name: 'o3', type: 'number', description: 'O3, µg/m³, hourly mean.', constraints: { minimum: 0 } },
  { name: 'nh3', type: 'number', description: 'NH3, µg/m³, hourly mean.', constraints: { minimum: 0 } },
  { name: 'aqi', type: 'integer', description: 'CPCB National AQI from the 24 hours ending with this hour; empty until a day of data has built up.', constraints: { minimum: 0, maximum: 500 } },
] as const

const POLLUTANT_COLUMNS = ['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3'] as const

/** The rule packs of the air-quality export: physical ranges per column, the time series per station (hourly). */
export function airQualityRules(): Record<string, unknown>[] {
  return [
    { rule: 'physical-range', fields: Object.fromEntries([...POLLUTANT_COLUMNS, 'aqi'].map((c) => [c, c])) },
    {
      rule: 'time-series',
      series: 'station_id',
      time: 'timestamp',
      values: [...POLLUTANT_COLUMNS],
      interval: 'PT1H',
      tolerance: 0.5,
      stuck: 6,
      spike: SPIKE_THRESHOLD,
    },
  ]
}

export const OBSERVATION_FIELDS = [
  { name: 'datastream_id', type: 'integer', description: 'The Datastream (id in catalogue.json) the reading belongs to.', constraints: { required: true, minimum: 1 } },
  { name: 'phenomenon_time', type: 'datetime', description: 'When the reading was taken, IST with its offset: 2026-07-01T00:00:00+05:30.', constraints: { required: true } },
  { name: 'result', type: 'number', description: "The reading, in the Datastream's unitOfMeasurement (counts are integers).", constraints: { required: true } },
] as const

export function sensorsPackage(input: PackageInput): Record<string, unknown> {
  const counts = Object.entries(input.counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ')
  return {
    profile: 'data-package',
    name: 'thane-sensors',
    title: 'Thane sensor grid, July 2026 (synthetic)',
    description:
      `SYNTHETIC DATA, not real measurements. A month of readings (${input.start} to ${input.end}) from an invented sensor grid at real Thane places, ` +
      `shaped as OGC SensorThings API 1.1 Things, Locations, Sensors, ObservedProperties, Datastreams and Observations, for Thane Kit's sandbox, workshops and tests. ` +
      `Things: ${counts}; ${input.datastreams} Datastreams; ${input.rows} observations. ` +
      `One seeded monsoon rain series drives flood levels, PM wash-out, lake turbidity and solar output; traffic has rush hours and a weekend dip. ` +
      `Outages, stuck sensors, spikes and a meter reset were injected on purpose and are listed in faults.json. ` +
      `catalogue.json and faults.json are committed; observations.csv.gz is generated at build time by \`npm run generate\` (or the build) from seed ${input.seed} by ${input.generator}, ` +
      `deterministically, so every run rebuilds the same rows. Place names and ward committees are real and coordinates approximate; every reading is made up.`,
    version: '1.0.0',
    created: '2026-08-01T00:00:00+05:30',
    synthetic: true,
    generator: { script: input.generator, seed: input.seed, command: 'npm run generate:sensors' },
    temporalCoverage: { start: input.start, end: input.end },
    keywords: ['Thane', 'TMC', 'SensorThings', 'OGC', 'air quality', 'CPCB AQI', 'lakes', 'flood', 'traffic', 'energy', 'synthetic'],
    licenses: [{ name: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'Creative Commons Zero v1.0 Universal' }],
    contributors: [{ title: 'Thane Kit contributors', role: 'author' }],
    resources: [
      {
        profile: 'data-resource',
        name: 'catalogue',
        title: 'SensorThings catalogue',
        description:
          'A JSON object { things, sensors, observedProperties, datastreams }, each a list with integer ids from 1. A Thing carries its Location inline; ' +
          'a Datastream names its Thing, Sensor and ObservedProperty by id (thingId, sensorId, observedPropertyId) and gives interval_minutes in its properties.',
        path: 'catalogue.json',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        bytes: input.files.catalogue.bytes,
        hash: input.files.catalogue.hash,
      },
      {
        profile: 'tabular-data-resource',
        name: 'observations',
        title: 'Observations',
        description:
          `Every reading, sorted by datastream_id then phenomenon_time; ${input.rows} rows. A missing row is a missing reading. ` +
          'Generated at build time (not committed), deterministically from the seed.',
        path: 'observations.csv.gz',
        format: 'csv',
        mediatype: 'text/csv',
        compression: 'gz',
        encoding: 'utf-8',
        rows: input.rows,
        dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: OBSERVATION_FIELDS.map((f) => ({ ...f, constraints: { ...f.constraints } })),
          primaryKey: ['datastream_id', 'phenomenon_time'],
          missingValues: [''],
          'thane:rules': observationRules(input.streams),
        },
      },
      {
        profile: 'data-resource',
        name: 'faults',
        title: 'Injected faults (ground truth)',
        description:
          'A JSON list of { datastream_id, kind, from, to, note }: kind is gap (readings from..to missing), stuck (readings from..to repeat the reading before from), ' +
          'spike (one impossible reading at from = to) or meter-reset (the cumulative register restarts from zero at from = to). from and to are readings of that Datastream, both included.',
        path: 'faults.json',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        bytes: input.files.faults.bytes,
        hash: input.files.faults.hash,
      },
      {
        profile: 'tabular-data-resource',
        name: 'air-quality',
        title: 'Hourly air quality export (synthetic)',
        description:
          `SYNTHETIC DATA. The hourly wide export of the ${input.counts['air-quality'] ?? 0} air-quality stations, as a CPCB portal download gives it: ` +
          `one row a station and hour, ${input.files.airQuality.rows} rows. Each pollutant is the mean of the hour's four 15-minute observations (empty when fewer than three exist); ` +
          'an hour without any reading has no row. The injected faults of the air-quality Datastreams (faults.json) show through: the outage at AQ-04 as missing hours, ' +
          'the frozen SO2 analyser at AQ-06 as a flat line, the PM2.5 and CO spikes as outlying hours. aqi is the CPCB National AQI of the 24 hours ending with the row.',
        path: 'air-quality.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        rows: input.files.airQuality.rows,
        bytes: input.files.airQuality.bytes,
        hash: input.files.airQuality.hash,
        dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: AIR_QUALITY_FIELDS.map((f) => ({ ...f, constraints: { ...f.constraints } })),
          primaryKey: ['station_id', 'timestamp'],
          missingValues: [''],
          'thane:rules': airQualityRules(),
        },
      },
    ],
  }
}
