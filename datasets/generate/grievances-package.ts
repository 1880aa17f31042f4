/**
 * The Frictionless Data Package descriptor of the grievances dataset (datapackage.json), and the
 * column lists the CSV writers follow, so the header order and the Table Schema cannot drift apart.
 */
import { SERVICES } from './grievances-catalogue.ts'
import { THANE_BBOX, WARDS } from './thane.ts'

export interface FieldSpec {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean' | 'datetime'
  format?: string
  title?: string
  description: string
  trueValues?: string[]
  falseValues?: string[]
  constraints?: Record<string, unknown>
}

const DATETIME_FORMAT = '%Y-%m-%dT%H:%M:%S%z'
const IST_NOTE = 'ISO 8601 / W3C datetime with the India offset, YYYY-MM-DDTHH:MM:SS+05:30'
const CODE_PATTERN = '^[A-Z][A-Z0-9_]{1,31}$'

export const SERVICE_FIELDS: readonly FieldSpec[] = [
  {
    name: 'service_code',
    type: 'string',
    description: 'Open311 service_code: short, stable identifier of the request type (upper case, digits, underscore).',
    constraints: { required: true, unique: true, pattern: CODE_PATTERN },
  },
  { name: 'service_name', type: 'string', description: 'Open311 service_name: the human-readable name.', constraints: { required: true } },
  { name: 'description', type: 'string', description: 'Open311 description: what the service covers.', constraints: { required: true } },
  {
    name: 'metadata',
    type: 'boolean',
    trueValues: ['true'],
    falseValues: ['false'],
    description: 'Open311 metadata: true when the service has a definition with extra attributes (see service-definitions.json).',
    constraints: { required: true },
  },
  {
    name: 'type',
    type: 'string',
    description: 'Open311 type: realtime (a service_request_id is returned at once), batch (a token is returned), blackbox (nothing is returned).',
    constraints: { required: true, enum: ['realtime', 'batch', 'blackbox'] },
  },
  { name: 'keywords', type: 'string', description: 'Open311 keywords: comma-separated tags and synonyms (English and transliterated Marathi/Hindi).' },
  {
    name: 'group',
    type: 'string',
    description: 'Open311 group: category used to group services in a menu.',
    constraints: { required: true, enum: [...new Set(SERVICES.map((s) => s.group))] },
  },
  { name: 'agency', type: 'string', description: 'The TMC department responsible (becomes agency_responsible on acknowledged requests). Extension column, not part of Open311 GET Service List.', constraints: { required: true } },
  {
    name: 'sla_days',
    type: 'integer',
    description: 'Target resolution time in days from acknowledgement; expected_datetime = acknowledged_datetime + sla_days. Extension column.',
    constraints: { required: true, minimum: 1 },
  },
]

const datetime = (name: string, description: string, required = false): FieldSpec => ({
  name,
  type: 'datetime',
  format: DATETIME_FORMAT,
  description: `${description} ${IST_NOTE}.`,
  ...(required ? { constraints: { required: true } } : {}),
})

export const REQUEST_FIELDS: readonly FieldSpec[] = [
  {
    name: 'service_request_id',
    type: 'string',
    description: 'Open311 service_request_id: a numeric string, sequential in requested order from 100001.',
    constraints: { required: true, unique: true, pattern: '^[1-9][0-9]{5,}$' },
  },
  { name: 'service_code', type: 'string', description: 'Open311 service_code of the request type; references services.service_code.', constraints: { required: true, pattern: CODE_PATTERN } },
  { name: 'service_name', type: 'string', description: 'Open311 service_name, copied from the service list.', constraints: { required: true } },
  {
    name: 'description',
    type: 'string',
    description: 'Open311 description: the complaint as the citizen wrote it (free text, may hold line breaks; at most 4,000 characters).',
    constraints: { required: true, maxLength: 4000 },
  },
  {
    name: 'description_language',
    type: 'string',
    description: 'Language of the description as a BCP 47 tag: en (English), mr (Marathi), hi (Hindi); mr and hi are written in Devanagari. Extension column.',
    constraints: { required: true, enum: ['en', 'mr', 'hi'] },
  },
  {
    name: 'status',
    type: 'string',
    description: "Open311 status at the dataset's end (2026-07-31T23:59:59+05:30): open or closed.",
    constraints: { required: true, enum: ['open', 'closed'] },
  },
  { name: 'status_notes', type: 'string', description: 'Open311 status_notes: closure note for closed requests, progress note for open acknowledged ones, empty otherwise.' },
  { name: 'agency_responsible', type: 'string', description: 'Open311 agency_responsible: the TMC department, set once the request is acknowledged.' },
  { name: 'service_notice', type: 'string', description: 'Open311 service_notice: information about the service at the time of the request; mostly empty.' },
  datetime('requested_datetime', 'Open311 requested_datetime: when the request was submitted.', true),
  datetime('acknowledged_datetime', 'When the department took up the request; empty if not yet acknowledged at the dataset end. Extension column.'),
  datetime('expected_datetime', 'Open311 expected_datetime: acknowledged_datetime plus the service sla_days; empty when not acknowledged.'),
  datetime('updated_datetime', 'Open311 updated_datetime: the latest of requested, acknowledged and closed.', true),
  datetime('closed_datetime', 'When the request was closed; empty while open. Extension column.'),
  { name: 'address', type: 'string', description: 'Open311 address: landmark, locality, ward and city with PIN code, most specific first.', constraints: { required: true } },
  { name: 'address_id', type: 'string', description: 'Open311 address_id: not used in this dataset (always empty).' },
  { name: 'zipcode', type: 'string', description: 'Open311 zipcode: the India Post PIN code of the locality.', constraints: { required: true, pattern: '^4006[0-9]{2}$' } },
  {
    name: 'lat',
    type: 'number',
    description: 'Open311 lat: WGS84 latitude in decimal degrees, 6 decimals; inside Thane.',
    constraints: { required: true, minimum: THANE_BBOX.minLat, maximum: THANE_BBOX.maxLat },
  },
  {
    name: 'long',
    type: 'number',
    description: 'Open311 long: WGS84 longitude in decimal degrees, 6 decimals; inside Thane.',
    constraints: { required: true, minimum: THANE_BBOX.minLon, maximum: THANE_BBOX.maxLon },
  },
  {
    name: 'ward',
    type: 'string',
    description: 'TMC ward committee (prabhag samiti) the location falls in. Extension column.',
    constraints: { required: true, enum: WARDS.map((w) => w.name) },
  },
  { name: 'media_url', type: 'string', format: 'uri', description: 'Open311 media_url: link to a photo; in this dataset a placeholder under https://example.org/media/, or empty.' },
]

export interface FileFacts {
  bytes: number
  hash: string
}

export interface PackageInput {
  seed: number
  generator: string
  start: string
  end: string
  files: { services: FileFacts; requests: FileFacts; definitions: FileFacts }
}

const schemaFields = (fields: readonly FieldSpec[]) =>
  fields.map((f) => ({
    name: f.name,
    type: f.type,
    ...(f.format ? { format: f.format } : {}),
    description: f.description,
    ...(f.trueValues ? { trueValues: f.trueValues } : {}),
    ...(f.falseValues ? { falseValues: f.falseValues } : {}),
    ...(f.constraints ? { constraints: f.constraints } : {}),
  }))

const CSV_DIALECT = { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true }

/**
 * The datapackage.json object. Profile note: Tabular Data Package requires *every* resource to be
 * tabular, and service-definitions.json is not, so the package is a plain `data-package` whose two
 * CSV resources declare the `tabular-data-resource` profile.
 */
export function grievancesPackage(input: PackageInput): Record<string, unknown> {
  return {
    profile: 'data-package',
    name: 'thane-grievances',
    title: 'Thane civic grievances (synthetic)',
    description:
      `SYNTHETIC DATA, not real complaints. About 5,000 civic grievances and the service catalogue of Thane Municipal Corporation (TMC), ` +
      `shaped as Open311 GeoReport v2 services, service definitions and service requests, for Thane Kit's sandbox, workshops and tests. ` +
      `Generated by ${input.generator} from seed ${input.seed}; running it again rebuilds these files byte for byte. ` +
      `Place names, ward committees and PIN codes are real and coordinates approximate; every request, description, note and date is made up. ` +
      `Requests run from ${input.start} to ${input.end} with monsoon, festival and summer patterns. No personal data: no names, phone numbers or e-mail addresses.`,
    version: '1.0.0',
    created: '2026-08-01T00:00:00+05:30',
    synthetic: true,
    generator: { script: input.generator, seed: input.seed },
    temporalCoverage: { start: input.start, end: input.end },
    keywords: ['Thane', 'TMC', 'Open311', 'GeoReport v2', 'grievances', 'civic complaints', 'synthetic'],
    licenses: [{ name: 'CC0-1.0', path: 'https://creativecommons.org/publicdomain/zero/1.0/', title: 'Creative Commons Zero v1.0 Universal' }],
    contributors: [{ title: 'Thane Kit contributors', role: 'author' }],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'services',
        title: 'TMC service list',
        description: 'Open311 GET Service List: one row per request type, plus the responsible department and target days.',
        path: 'services.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: input.files.services.bytes,
        hash: input.files.services.hash,
        dialect: CSV_DIALECT,
        schema: { fields: schemaFields(SERVICE_FIELDS), primaryKey: ['service_code'], missingValues: [''] },
      },
      {
        profile: 'tabular-data-resource',
        name: 'requests',
        title: 'Service requests',
        description: 'Open311 service requests with their state at the dataset end, in English, Marathi and Hindi.',
        path: 'requests.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: input.files.requests.bytes,
        hash: input.files.requests.hash,
        dialect: CSV_DIALECT,
        schema: {
          fields: schemaFields(REQUEST_FIELDS),
          primaryKey: ['service_request_id'],
          foreignKeys: [{ fields: ['service_code'], reference: { resource: 'services', fields: ['service_code'] } }],
          missingValues: [''],
          // City rule packs: every request lies inside TMC's boundary, and the free text carries no
          // personal data (complaints are published; the citizen's contact details never are).
          'thane:rules': [
            { rule: 'inside-area', latitude: 'lat', longitude: 'long', area: 'thane' },
            { rule: 'personal-data', fields: ['description', 'status_notes', 'service_notice', 'address'] },
          ],
        },
      },
      {
        profile: 'data-resource',
        name: 'service-definitions',
        title: 'Service definitions',
        description:
          'Open311 GET Service Definition for every service with metadata=true: a JSON object keyed by service_code, each value { service_code, attributes[] } exactly as GeoReport v2 defines it.',
        path: 'service-definitions.json',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        bytes: input.files.definitions.bytes,
        hash: input.files.definitions.hash,
      },
    ],
  }
}
