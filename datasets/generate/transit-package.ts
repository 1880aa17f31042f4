/**
 * The datapackage.json descriptor of the transit dataset: one tabular resource per GTFS file, each
 * with a Table Schema (types, required fields, primary key, foreign keys).
 *
 * GTFS times may pass 24:00:00 (`25:10:00` is 01:10 the next morning on the same service day), so
 * they are strings with a pattern, not Table Schema `time`s. Dates are `YYYYMMDD` strings.
 */
export interface FileFacts {
  bytes: number
  hash: string
}

interface Field {
  name: string
  type: 'string' | 'integer' | 'number'
  description: string
  format?: string
  constraints?: Record<string, unknown>
}

type FieldTuple = [name: string, type: Field['type'], required: boolean, description: string, constraints?: Record<string, unknown>]

const DATE = { pattern: '^[0-9]{8}$' }
const TIME = { pattern: '^[0-9]{1,2}:[0-5][0-9]:[0-5][0-9]$' }
const COLOR = { pattern: '^[0-9A-Fa-f]{6}$' }

const field = ([name, type, required, description, constraints]: FieldTuple): Field => ({
  name,
  type,
  ...(name.endsWith('_url') ? { format: 'uri' } : {}),
  description,
  ...(required || constraints ? { constraints: { ...(required ? { required: true } : {}), ...(constraints ?? {}) } } : {}),
})

interface TableSpec {
  file: string
  title: string
  description: string
  fields: FieldTuple[]
  primaryKey?: string[]
  foreignKeys?: { fields: string[]; resource: string; reference: string[] }[]
}

/** Every GTFS file of the feed with its columns, in the order the columns are written. */
export const TABLES: readonly TableSpec[] = [
  {
    file: 'agency.txt',
    title: 'Agency',
    description: 'The one transit agency: Thane Municipal Transport (TMT).',
    fields: [
      ['agency_id', 'string', true, 'Agency id.'],
      ['agency_name', 'string', true, 'Full name.'],
      ['agency_url', 'string', true, 'Agency web site.'],
      ['agency_timezone', 'string', true, 'IANA time zone of every time in the feed.', { enum: ['Asia/Kolkata'] }],
      ['agency_lang', 'string', false, 'Main language (BCP 47).'],
    ],
    primaryKey: ['agency_id'],
  },
  {
    file: 'stops.txt',
    title: 'Stops',
    description: 'Bus stops (location_type empty) and one station grouping the Thane Station (W) stops (location_type 1). Coordinates are approximate.',
    fields: [
      ['stop_id', 'string', true, 'Stop id, a stable slug.'],
      ['stop_code', 'string', false, 'Short number shown to riders.'],
      ['stop_name', 'string', true, 'Name in English; Marathi in translations.txt.'],
      ['stop_lat', 'number', true, 'WGS84 latitude.', { minimum: -90, maximum: 90 }],
      ['stop_lon', 'number', true, 'WGS84 longitude.', { minimum: -180, maximum: 180 }],
      ['zone_id', 'string', false, 'Fare zone (Z1 near Thane Station to Z5 farthest).'],
      ['location_type', 'integer', false, 'Empty = stop, 1 = station.', { enum: [0, 1] }],
      ['parent_station', 'string', false, 'The station a stop belongs to.'],
    ],
    primaryKey: ['stop_id'],
    foreignKeys: [{ fields: ['parent_station'], resource: 'stops', reference: ['stop_id'] }],
  },
  {
    file: 'routes.txt',
    title: 'Routes',
    description: 'Bus routes with TMT-style numbers.',
    fields: [
      ['route_id', 'string', true, 'Route id (the route number).'],
      ['agency_id', 'string', false, 'Agency.'],
      ['route_short_name', 'string', true, 'Route number as shown on the bus.'],
      ['route_long_name', 'string', true, 'Terminus – terminus.'],
      ['route_desc', 'string', false, 'The way the route goes.'],
      ['route_type', 'integer', true, '3 = bus.', { enum: [3] }],
      ['route_color', 'string', false, 'Hex colour without #.', COLOR],
      ['route_text_color', 'string', false, 'Hex colour without #.', COLOR],
      ['route_sort_order', 'integer', false, 'Display order.', { minimum: 0 }],
    ],
    primaryKey: ['route_id'],
    foreignKeys: [{ fields: ['agency_id'], resource: 'agency', reference: ['agency_id'] }],
  },
  {
    file: 'trips.txt',
    title: 'Trips',
    description: 'Trips in both directions; a trip of a route with frequencies is the template of its frequencies.txt periods.',
    fields: [
      ['route_id', 'string', true, 'Route.'],
      ['service_id', 'string', true, 'WEEKDAY, SATURDAY or SUNDAY.'],
      ['trip_id', 'string', true, 'route-service-direction-HHMM of the first departure (F for a frequency template).'],
      ['trip_headsign', 'string', false, 'Destination shown on the bus.'],
      ['direction_id', 'integer', false, '0 outbound, 1 inbound.', { enum: [0, 1] }],
      ['shape_id', 'string', false, 'Route-direction shape.'],
    ],
    primaryKey: ['trip_id'],
    foreignKeys: [
      { fields: ['route_id'], resource: 'routes', reference: ['route_id'] },
      { fields: ['service_id'], resource: 'calendar', reference: ['service_id'] },
    ],
  },
  {
    file: 'stop_times.txt',
    title: 'Stop times',
    description: 'Every stop of every trip; times may pass 24:00:00 for trips that run after midnight.',
    fields: [
      ['trip_id', 'string', true, 'Trip.'],
      ['arrival_time', 'string', true, 'H:MM:SS or HH:MM:SS from the service day start; may be 24:00:00 or later.', TIME],
      ['departure_time', 'string', true, 'As arrival_time.', TIME],
      ['stop_id', 'string', true, 'Stop (location_type empty).'],
      ['stop_sequence', 'integer', true, 'Order along the trip, strictly increasing.', { minimum: 0 }],
      ['timepoint', 'integer', false, '1 exact time, 0 approximate.', { enum: [0, 1] }],
      ['shape_dist_traveled', 'number', false, 'Kilometres along the shape.', { minimum: 0 }],
    ],
    primaryKey: ['trip_id', 'stop_sequence'],
    foreignKeys: [
      { fields: ['trip_id'], resource: 'trips', reference: ['trip_id'] },
      { fields: ['stop_id'], resource: 'stops', reference: ['stop_id'] },
    ],
  },
  {
    file: 'calendar.txt',
    title: 'Calendar',
    description: 'Weekday, Saturday and Sunday services over the feed period.',
    fields: [
      ['service_id', 'string', true, 'Service.'],
      ['monday', 'integer', true, '1 = runs.', { enum: [0, 1] }],
      ['tuesday', 'integer', true, '1 = runs.', { enum: [0, 1] }],
      ['wednesday', 'integer', true, '1 = runs.', { enum: [0, 1] }],
      ['thursday', 'integer', true, '1 = runs.', { enum: [0, 1] }],
      ['friday', 'integer', true, '1 = runs.', { enum: [0, 1] }],
      ['saturday', 'integer', true, '1 = runs.', { enum: [0, 1] }],
      ['sunday', 'integer', true, '1 = runs.', { enum: [0, 1] }],
      ['start_date', 'string', true, 'YYYYMMDD, included.', DATE],
      ['end_date', 'string', true, 'YYYYMMDD, included.', DATE],
    ],
    primaryKey: ['service_id'],
  },
  {
    file: 'calendar_dates.txt',
    title: 'Calendar dates',
    description: 'Public holidays: the usual service removed (2) and the Sunday service added (1).',
    fields: [
      ['service_id', 'string', true, 'Service.'],
      ['date', 'string', true, 'YYYYMMDD.', DATE],
      ['exception_type', 'integer', true, '1 added, 2 removed.', { enum: [1, 2] }],
    ],
    primaryKey: ['service_id', 'date'],
    foreignKeys: [{ fields: ['service_id'], resource: 'calendar', reference: ['service_id'] }],
  },
  {
    file: 'shapes.txt',
    title: 'Shapes',
    description: 'One polyline per route direction through its stops, with intermediate points.',
    fields: [
      ['shape_id', 'string', true, 'Shape.'],
      ['shape_pt_lat', 'number', true, 'WGS84 latitude.'],
      ['shape_pt_lon', 'number', true, 'WGS84 longitude.'],
      ['shape_pt_sequence', 'integer', true, 'Order, increasing.', { minimum: 0 }],
      ['shape_dist_traveled', 'number', false, 'Kilometres from the first point, increasing.', { minimum: 0 }],
    ],
    primaryKey: ['shape_id', 'shape_pt_sequence'],
  },
  {
    file: 'frequencies.txt',
    title: 'Frequencies',
    description: 'Headway-based service of the routes that run on frequencies, on their template trips.',
    fields: [
      ['trip_id', 'string', true, 'Template trip.'],
      ['start_time', 'string', true, 'First departure of the period.', TIME],
      ['end_time', 'string', true, 'End of the period.', TIME],
      ['headway_secs', 'integer', true, 'Seconds between departures.', { minimum: 1 }],
      ['exact_times', 'integer', false, '1 exact schedule, 0 about every headway_secs.', { enum: [0, 1] }],
    ],
    primaryKey: ['trip_id', 'start_time'],
    foreignKeys: [{ fields: ['trip_id'], resource: 'trips', reference: ['trip_id'] }],
  },
  {
    file: 'fare_attributes.txt',
    title: 'Fare attributes',
    description: 'Flat fares in INR by the number of zones crossed, paid on board, no transfers.',
    fields: [
      ['fare_id', 'string', true, 'Fare.'],
      ['price', 'number', true, 'Price.', { minimum: 0 }],
      ['currency_type', 'string', true, 'ISO 4217.', { enum: ['INR'] }],
      ['payment_method', 'integer', true, '0 on board.', { enum: [0, 1] }],
      ['transfers', 'integer', true, '0 = no transfers.', { enum: [0, 1, 2] }],
      ['agency_id', 'string', false, 'Agency.'],
    ],
    primaryKey: ['fare_id'],
    foreignKeys: [{ fields: ['agency_id'], resource: 'agency', reference: ['agency_id'] }],
  },
  {
    file: 'fare_rules.txt',
    title: 'Fare rules',
    description: 'Which fare applies from an origin zone to a destination zone.',
    fields: [
      ['fare_id', 'string', true, 'Fare.'],
      ['route_id', 'string', false, 'Route (empty: any).'],
      ['origin_id', 'string', false, 'Origin zone_id.'],
      ['destination_id', 'string', false, 'Destination zone_id.'],
    ],
    foreignKeys: [
      { fields: ['fare_id'], resource: 'fare_attributes', reference: ['fare_id'] },
      { fields: ['route_id'], resource: 'routes', reference: ['route_id'] },
    ],
  },
  {
    file: 'feed_info.txt',
    title: 'Feed info',
    description: 'Publisher, language, validity and version of the feed.',
    fields: [
      ['feed_publisher_name', 'string', true, 'Publisher.'],
      ['feed_publisher_url', 'string', true, 'Publisher web site.'],
      ['feed_lang', 'string', true, 'Language of the feed text.'],
      ['feed_start_date', 'string', false, 'YYYYMMDD.', DATE],
      ['feed_end_date', 'string', false, 'YYYYMMDD.', DATE],
      ['feed_version', 'string', false, 'Version (matches GTFS-RT FeedHeader.feed_version).'],
    ],
  },
  {
    file: 'translations.txt',
    title: 'Translations',
    description: 'Marathi (Devanagari) names of every stop and of the agency.',
    fields: [
      ['table_name', 'string', true, 'Translated table.', { enum: ['agency', 'stops', 'routes'] }],
      ['field_name', 'string', true, 'Translated field.'],
      ['language', 'string', true, 'BCP 47 language.'],
      ['translation', 'string', true, 'The translated text.'],
      ['record_id', 'string', true, 'Id of the translated record.'],
    ],
    primaryKey: ['table_name', 'field_name', 'language', 'record_id'],
  },
]

export const columnsOf = (file: string): string[] => {
  const t = TABLES.find((x) => x.file === file)
  if (!t) throw new Error(`bug: no table ${file}`)
  return t.fields.map((f) => f[0])
}

const CSV_DIALECT = { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true }

export interface PackageInput {
  seed: number
  generator: string
  start: string
  end: string
  counts: { routes: number; stops: number; trips: number; stopTimes: number; shapePoints: number }
  /** Facts of every committed file; a file missing here is generated at build time. */
  files: Record<string, FileFacts>
  rows: Record<string, number>
}

export function transitPackage(input: PackageInput): Record<string, unknown> {
  const c = input.counts
  const built = TABLES.filter((t) => !input.files[t.file]).map((t) => t.file)
  return {
    profile: 'data-package',
    name: 'thane-transit',
    title: 'Thane Municipal Transport bus timetable, June–December 2026 (synthetic GTFS)',
    description:
      `SYNTHETIC DATA, not TMT's real timetable. A GTFS Schedule feed for an invented Thane Municipal Transport (TMT) bus network on real Thane corridors ` +
      `(Ghodbunder Road to Gaimukh, Vartak Nagar, Lokmanya Nagar, Wagle Estate, Kalwa, Mumbra, Diva, Kopri, Hiranandani Estate...), for Thane Kit's sandbox, workshops and tests. ` +
      `${c.routes} routes, ${c.stops} stops with Marathi names, ${c.trips} trips, ${c.stopTimes} stop times, ${c.shapePoints} shape points; ` +
      `weekday, Saturday and Sunday services from ${input.start} to ${input.end} with public-holiday exceptions, two routes on frequencies, a night route past midnight, zone fares in INR. ` +
      `Generated by ${input.generator} from seed ${input.seed}, byte for byte the same on every run` +
      (built.length ? `; ${built.join(', ')} is not committed but written at build time (npm run build or npm run generate:transit).` : '.') +
      ` Stop and place names are real and coordinates approximate; routes, numbers, times and fares are made up.`,
    version: '1.0.0',
    created: '2026-08-01T00:00:00+05:30',
    synthetic: true,
    generator: { script: input.generator, seed: input.seed, command: 'npm run generate:transit' },
    temporalCoverage: { start: input.start, end: input.end },
    keywords: ['Thane', 'TMT', 'Thane Municipal Transport', 'GTFS', 'bus', 'timetable', 'synthetic'],
    licenses: [{ name: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'Creative Commons Zero v1.0 Universal' }],
    contributors: [{ title: 'Thane Kit contributors', role: 'author' }],
    resources: TABLES.map((t) => {
      const facts = input.files[t.file]
      return {
        profile: 'tabular-data-resource',
        name: t.file.replace(/\.txt$/, ''),
        title: t.title,
        description: t.description + (facts ? '' : ' Generated at build time (not committed), deterministically from the seed.'),
        path: `gtfs/${t.file}`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...(facts ? { bytes: facts.bytes, hash: facts.hash } : {}),
        rows: input.rows[t.file],
        dialect: CSV_DIALECT,
        schema: {
          fields: t.fields.map(field),
          ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
          ...(t.foreignKeys
            ? {
                foreignKeys: t.foreignKeys.map((k) => ({
                  fields: k.fields,
                  reference: { resource: k.resource === t.file.replace(/\.txt$/, '') ? '' : k.resource, fields: k.reference },
                })),
              }
            : {}),
          missingValues: [''],
        },
      }
    }),
  }
}
