import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { parse } from 'csv-parse/sync'
import { defaultCacheDir } from '../../../config.js'
import { ThaneError } from '../../../errors.js'
import { firstNonXmlChar } from './text.js'
import { parseW3cDateTime } from './time.js'

/** A service type: `realtime` answers POST with an id, `batch` with a token, `blackbox` with neither. */
export type ServiceType = 'realtime' | 'batch' | 'blackbox'

/** One row of services.csv, typed. */
export interface Service {
  service_code: string
  service_name: string
  description: string
  metadata: boolean
  type: ServiceType
  keywords: string
  group: string
  /** Extension: the agency that handles it. */
  agency: string
  /** Extension: days from acknowledgement to the expected time. */
  sla_days: number
}

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const
export type Datatype = (typeof DATATYPES)[number]

/** One GeoReport v2 `attribute` of a service definition. */
export interface Attribute {
  variable: boolean
  code: string
  datatype: Datatype
  required: boolean
  datatype_description: string | null
  order: number
  description: string
  /** The options of the two list datatypes (other datatypes may carry an empty list). */
  values?: { key: string; name: string }[]
}

/** One row of requests.csv, typed; absent values are null. */
export interface DatasetRequest {
  id: number
  service_code: string
  service_name: string
  description: string | null
  description_language: string | null
  status: 'open' | 'closed'
  status_notes: string | null
  agency_responsible: string | null
  service_notice: string | null
  requested_ms: number
  acknowledged_ms: number | null
  expected_ms: number | null
  updated_ms: number | null
  closed_ms: number | null
  address: string | null
  address_id: string | null
  zipcode: string | null
  lat: number | null
  long: number | null
  ward: string | null
  media_url: string | null
}

/** The grievances dataset, read and checked. */
export interface Dataset {
  folder: string
  services: Service[]
  /** Attributes by service_code, sorted by `order`; every service has an entry (maybe empty). */
  definitions: Map<string, Attribute[]>
  requests: DatasetRequest[]
  /** The newest requested time (epoch ms), the end the live clock replays to; undefined when there are no requests. */
  end: number | undefined
}

const SERVICE_COLUMNS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group', 'agency', 'sla_days'] as const
const REQUEST_COLUMNS = [
  'service_request_id', 'service_code', 'service_name', 'description', 'description_language', 'status', 'status_notes',
  'agency_responsible', 'service_notice', 'requested_datetime', 'acknowledged_datetime', 'expected_datetime',
  'updated_datetime', 'closed_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'ward', 'media_url',
] as const

/** The folder of the grievances dataset inside a datasets folder. */
export function grievancesFolder(dataDir: string): string {
  return join(dataDir, 'grievances')
}

const FILES = ['services.csv', 'service-definitions.json', 'requests.csv'] as const

// Parsing requests.csv is most of a start; a process that starts several sandboxes on the same,
// unchanged files (tests, the CLI's demo) parses them once. The Dataset is never modified.
const cache = new Map<string, { stamp: string; dataset: Dataset }>()

/**
 * Reads `services.csv`, `service-definitions.json` and `requests.csv` from `<dataDir>/grievances`
 * and checks them, so that a broken dataset stops the start with a message naming the file, the
 * row and the field, instead of answering nonsense later. The result is remembered for as long as
 * the three files keep their size and modification time.
 *
 * @throws ThaneError `E_DATA` for a missing file or a value that breaks the dataset's rules.
 */
export function readDataset(dataDir: string): Dataset {
  const folder = grievancesFolder(dataDir)
  const stamp = stampOf(folder)
  const cached = cache.get(folder)
  if (cached && cached.stamp === stamp) return cached.dataset
  const cacheFile = datasetCacheFile(folder)
  let dataset = cacheFile === undefined ? undefined : readCachedDataset(cacheFile, folder)
  if (dataset === undefined) {
    dataset = parseDataset(folder)
    if (cacheFile !== undefined) writeCachedDataset(cacheFile, dataset)
  }
  cache.set(folder, { stamp, dataset })
  return dataset
}

function stampOf(folder: string): string {
  return FILES.map((name) => {
    const stat = statSync(join(folder, name), { throwIfNoEntry: false })
    return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'
  }).join('|')
}

// Parsing and checking requests.csv takes a few hundred milliseconds, paid by every process that
// starts a sandbox (a workshop check, `thane demo`). The checked dataset is kept in the cache folder
// as JSON under the SHA-256 of the three files, so it stands for exactly those bytes; a cache that
// cannot be read or written is passed over and the files are read instead.
const CACHE_VERSION = 1

/** Where the checked form of these exact files is kept (undefined when a file cannot be read). */
export function datasetCacheFile(folder: string, cacheDir = defaultCacheDir()): string | undefined {
  try {
    const hash = createHash('sha256')
    for (const name of FILES) hash.update(readFileSync(join(folder, name))).update('\0')
    return join(cacheDir, 'sandbox', `grievances-${hash.digest('hex').slice(0, 32)}.json`)
  } catch {
    return undefined
  }
}

interface CachedDataset {
  version: number
  services: Service[]
  definitions: [string, Attribute[]][]
  requests: DatasetRequest[]
}

function readCachedDataset(file: string, folder: string): Dataset | undefined {
  let cached: Partial<CachedDataset>
  try {
    cached = JSON.parse(readFileSync(file, 'utf8')) as Partial<CachedDataset>
  } catch {
    return undefined
  }
  if (cached.version !== CACHE_VERSION || !Array.isArray(cached.services) || !Array.isArray(cached.definitions) || !Array.isArray(cached.requests)) return undefined
  return withEnd(folder, cached.services, new Map(cached.definitions), cached.requests)
}

function writeCachedDataset(file: string, dataset: Dataset): void {
  const cached: CachedDataset = { version: CACHE_VERSION, services: dataset.services, definitions: [...dataset.definitions], requests: dataset.requests }
  // Named for this process and thread, so two writers of the same file never share a partial one.
  const partial = `${file}.${process.pid}-${threadId}.partial`
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(partial, JSON.stringify(cached))
    // A rename is atomic: a reader sees the whole file or none.
    renameSync(partial, file)
  } catch {
    rmSync(partial, { force: true })
  }
}

function withEnd(folder: string, services: Service[], definitions: Map<string, Attribute[]>, requests: DatasetRequest[]): Dataset {
  let end: number | undefined
  for (const r of requests) if (end === undefined || r.requested_ms > end) end = r.requested_ms
  return { folder, services, definitions, requests, end }
}

function parseDataset(folder: string): Dataset {
  const services = readServices(join(folder, 'services.csv'))
  const byCode = new Map(services.map((s) => [s.service_code, s]))
  const definitions = readDefinitions(join(folder, 'service-definitions.json'), byCode)
  const requests = readRequests(join(folder, 'requests.csv'), byCode)
  return withEnd(folder, services, definitions, requests)
}

function dataError(file: string, where: string, what: string): ThaneError {
  return new ThaneError('E_DATA', `${file}${where ? ` ${where}` : ''}: ${what}; fix the grievances dataset (datasets/generate) or pass another dataDir`)
}

function readText(file: string): string {
  if (!existsSync(file)) throw new ThaneError('E_DATA', `${file} is missing; the grievances dataset needs services.csv, service-definitions.json and requests.csv`)
  return readFileSync(file, 'utf8')
}

function readCsv(file: string, columns: readonly string[]): Record<string, string>[] {
  const text = readText(file)
  // One pass over the whole file (fast) rather than a check per field.
  const bad = firstNonXmlChar(text)
  if (bad) throw dataError(file, `line ${text.slice(0, bad.index).split('\n').length}`, `holds ${bad.char}, which XML cannot carry`)
  let records: Record<string, string>[]
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[]
  } catch (err) {
    throw dataError(file, '', `is not valid CSV (${err instanceof Error ? err.message : String(err)})`)
  }
  const header = records[0] ? Object.keys(records[0]) : columns
  const missing = columns.filter((c) => !header.includes(c))
  if (missing.length > 0) throw dataError(file, '', `lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`)
  return records
}

function readServices(file: string): Service[] {
  const seen = new Set<string>()
  return readCsv(file, SERVICE_COLUMNS).map((r, i) => {
    const where = `record ${i + 1}`
    const code = r.service_code ?? ''
    if (code === '') throw dataError(file, where, 'service_code is empty')
    if (seen.has(code)) throw dataError(file, where, `service_code ${code} appears twice`)
    seen.add(code)
    if (r.metadata !== 'true' && r.metadata !== 'false') throw dataError(file, where, `metadata must be true or false; got '${r.metadata}'`)
    if (r.type !== 'realtime' && r.type !== 'batch' && r.type !== 'blackbox') throw dataError(file, where, `type must be realtime, batch or blackbox; got '${r.type}'`)
    const sla = Number(r.sla_days)
    if (r.sla_days === '' || !Number.isFinite(sla) || sla <= 0) throw dataError(file, where, `sla_days must be a positive number; got '${r.sla_days}'`)
    if (!r.service_name) throw dataError(file, where, 'service_name is empty')
    if (!r.agency) throw dataError(file, where, 'agency is empty')
    return {
      service_code: code,
      service_name: r.service_name,
      description: r.description ?? '',
      metadata: r.metadata === 'true',
      type: r.type,
      keywords: r.keywords ?? '',
      group: r.group ?? '',
      agency: r.agency,
      sla_days: sla,
    }
  })
}

function readDefinitions(file: string, services: Map<string, Service>): Map<string, Attribute[]> {
  let json: unknown
  try {
    json = JSON.parse(readText(file))
  } catch (err) {
    if (err instanceof ThaneError) throw err
    throw dataError(file, '', `is not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  if (!isObject(json)) throw dataError(file, '', 'must be an object keyed by service_code')
  const definitions = new Map<string, Attribute[]>()
  for (const [code, definition] of Object.entries(json)) {
    const where = `service ${code}`
    if (!services.has(code)) throw dataError(file, where, 'is not a service of services.csv')
    if (!isObject(definition) || !Array.isArray(definition.attributes)) throw dataError(file, where, 'must be { service_code, attributes: [...] }')
    if (definition.service_code !== code) throw dataError(file, where, `has service_code ${JSON.stringify(definition.service_code)}, not its key`)
    const attributes = definition.attributes.map((a, i) => readAttribute(file, `${where} attribute ${i + 1}`, a))
    const codes = new Set(attributes.map((a) => a.code))
    if (codes.size !== attributes.length) throw dataError(file, where, 'has two attributes with the same code')
    const orders = new Set(attributes.map((a) => a.order))
    if (orders.size !== attributes.length) throw dataError(file, where, 'has two attributes with the same order')
    attributes.sort((a, b) => a.order - b.order)
    definitions.set(code, attributes)
  }
  for (const service of services.values()) {
    const attributes = definitions.get(service.service_code)
    if (service.metadata && (!attributes || attributes.length === 0)) {
      throw dataError(file, `service ${service.service_code}`, 'has metadata=true in services.csv but no attributes here')
    }
    if (!service.metadata && attributes && attributes.length > 0) {
      throw dataError(file, `service ${service.service_code}`, 'has metadata=false in services.csv but attributes here')
    }
    if (!attributes) definitions.set(service.service_code, [])
  }
  return definitions
}

function readAttribute(file: string, where: string, a: unknown): Attribute {
  if (!isObject(a)) throw dataError(file, where, 'must be an object')
  const text = (name: string, nullable = false): string | null => {
    const v = a[name]
    if (typeof v === 'string' && !firstNonXmlChar(v)) return v
    if (nullable && (v === null || v === undefined)) return null
    throw dataError(file, where, `${name} must be a string${nullable ? ' or null' : ''}`)
  }
  const flag = (name: string): boolean => {
    const v = a[name]
    if (typeof v === 'boolean') return v
    throw dataError(file, where, `${name} must be true or false`)
  }
  const code = text('code') as string
  if (code === '' || /[[\]]/.test(code)) throw dataError(file, where, 'code must be non-empty and free of [ and ]')
  const datatype = a.datatype
  if (!DATATYPES.includes(datatype as Datatype)) throw dataError(file, where, `datatype must be one of ${DATATYPES.join(', ')}`)
  const order = a.order
  if (typeof order !== 'number' || !Number.isInteger(order) || order < 1) throw dataError(file, where, 'order must be a positive whole number')
  const attribute: Attribute = {
    variable: flag('variable'),
    code,
    datatype: datatype as Datatype,
    required: flag('required'),
    datatype_description: text('datatype_description', true),
    order,
    description: text('description') as string,
  }
  const isList = datatype === 'singlevaluelist' || datatype === 'multivaluelist'
  if (isList && (!Array.isArray(a.values) || a.values.length === 0)) throw dataError(file, where, `a ${datatype} needs values [{ key, name }]`)
  // Other datatypes may carry an (empty) values list too; it is served as given.
  if (Array.isArray(a.values)) {
    attribute.values = a.values.map((v) => {
      if (!isObject(v) || typeof v.key !== 'string' || typeof v.name !== 'string' || v.key === '') throw dataError(file, where, 'each value must be { key, name } with a non-empty key')
      return { key: v.key, name: v.name }
    })
  } else if (a.values !== undefined && a.values !== null) throw dataError(file, where, 'values must be a list of { key, name }')
  return attribute
}

function readRequests(file: string, services: Map<string, Service>): DatasetRequest[] {
  const ids = new Set<number>()
  return readCsv(file, REQUEST_COLUMNS).map((r, i) => {
    const raw = r.service_request_id ?? ''
    const where = raw ? `request ${raw}` : `record ${i + 1}`
    if (!/^[1-9]\d{0,14}$/.test(raw)) throw dataError(file, where, `service_request_id must be a whole number from 1; got '${raw}'`)
    const id = Number(raw)
    if (ids.has(id)) throw dataError(file, where, 'service_request_id appears twice')
    ids.add(id)
    const service = services.get(r.service_code ?? '')
    if (!service) throw dataError(file, where, `service_code '${r.service_code}' is not in services.csv`)
    if (r.status !== 'open' && r.status !== 'closed') throw dataError(file, where, `status must be open or closed; got '${r.status}'`)
    const time = (name: string): number | null => {
      const v = r[name] ?? ''
      if (v === '') return null
      const ms = parseW3cDateTime(v)
      if (ms === undefined) throw dataError(file, where, `${name} must be a W3C date-time with a zone; got '${v}'`)
      return ms
    }
    const coordinate = (name: string, limit: number): number | null => {
      const v = r[name] ?? ''
      if (v === '') return null
      const n = Number(v)
      if (!Number.isFinite(n) || Math.abs(n) > limit) throw dataError(file, where, `${name} must be a number from -${limit} to ${limit}; got '${v}'`)
      return n
    }
    const requested = time('requested_datetime')
    if (requested === null) throw dataError(file, where, 'requested_datetime is empty')
    let acknowledged = time('acknowledged_datetime')
    const updated = time('updated_datetime')
    let closed = time('closed_datetime')
    // A closed request without its closing time closed when it was last updated.
    if (closed === null && r.status === 'closed') closed = updated ?? acknowledged ?? requested
    // A request closed without being acknowledged was taken when it was closed.
    if (acknowledged === null && closed !== null) acknowledged = closed
    if (acknowledged !== null && acknowledged < requested) throw dataError(file, where, 'acknowledged_datetime is before requested_datetime')
    if (closed !== null && acknowledged !== null && closed < acknowledged) throw dataError(file, where, 'closed_datetime is before acknowledged_datetime')
    const lat = coordinate('lat', 90)
    const long = coordinate('long', 180)
    if ((lat === null) !== (long === null)) throw dataError(file, where, 'lat and long must be both given or both empty')
    const optional = (name: string): string | null => (r[name] ? (r[name] as string) : null)
    return {
      id,
      service_code: service.service_code,
      service_name: r.service_name || service.service_name,
      description: optional('description'),
      description_language: optional('description_language'),
      status: closed === null ? 'open' : 'closed',
      status_notes: optional('status_notes'),
      agency_responsible: optional('agency_responsible'),
      service_notice: optional('service_notice'),
      requested_ms: requested,
      acknowledged_ms: acknowledged,
      expected_ms: time('expected_datetime'),
      updated_ms: updated,
      closed_ms: closed,
      address: optional('address'),
      address_id: optional('address_id'),
      zipcode: optional('zipcode'),
      lat,
      long,
      ward: optional('ward'),
      media_url: optional('media_url'),
    }
  })
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
