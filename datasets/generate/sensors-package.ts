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

export interface PackageInput {
  seed: number
  generator: string
  start: string
  end: string
  rows: number
  counts: Record<string, number>
  datastreams: number
  files: { catalogue: FileFacts; faults: FileFacts }
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
    ],
  }
}
