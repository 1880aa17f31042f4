import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { threadId } from 'node:worker_threads'
import { gunzipSync } from 'node:zlib'
import { defaultCacheDir } from '../../../config.js'
import { ThaneError } from '../../../errors.js'

/** One Thing of catalogue.json with its one Location. */
export interface CatalogueThing {
  id: number
  name: string
  description: string
  properties: Record<string, unknown> | null
  location: { name: string; description: string; encodingType: string; location: unknown; properties?: unknown }
}
export interface CatalogueSensor {
  id: number
  name: string
  description: string
  encodingType: string
  metadata: unknown
  properties: unknown
}
export interface CatalogueObservedProperty {
  id: number
  name: string
  definition: string
  description: string
  properties: unknown
}
export interface CatalogueDatastream {
  id: number
  name: string
  description: string
  thingId: number
  sensorId: number
  observedPropertyId: number
  unitOfMeasurement: unknown
  observationType: string
  properties: unknown
}

/** The bundled observations, column by column (row i of the CSV is observation id i + 1). */
export interface ObservationColumns {
  length: number
  datastream: Int32Array
  time: Float64Array
  /** Numeric results; NaN where the result is text (then in `text`). */
  value: Float64Array
  text: Map<number, string>
}

export interface SensorsDataset {
  folder: string
  things: CatalogueThing[]
  sensors: CatalogueSensor[]
  observedProperties: CatalogueObservedProperty[]
  datastreams: CatalogueDatastream[]
  observations: ObservationColumns
  /** The oldest and newest phenomenon time (epoch ms); undefined without observations. */
  start: number | undefined
  end: number | undefined
  /** Size and modification time of both files: a database holding this stamp holds these rows. */
  stamp: string
}

const FILES = ['catalogue.json', 'observations.csv.gz'] as const

/** The folder of the sensors dataset inside a datasets folder. */
export function sensorsFolder(dataDir: string): string {
  return join(dataDir, 'sensors')
}

// Parsing half a million rows is most of a start; a process that starts several sandboxes on the
// same unchanged files (tests, the CLI's demo) parses them once. The dataset is never modified.
const cache = new Map<string, SensorsDataset>()

/**
 * Reads `catalogue.json` and `observations.csv.gz` from `<dataDir>/sensors` and checks them, so a
 * broken dataset stops the start with a message naming the file, the line and the field.
 *
 * @throws ThaneError `E_DATA` for a missing file or a value that breaks the dataset's rules.
 */
export function readSensorsDataset(dataDir: string): SensorsDataset {
  const folder = sensorsFolder(dataDir)
  const stamp = FILES.map((name) => {
    const stat = statSync(join(folder, name), { throwIfNoEntry: false })
    return stat ? `${stat.size}:${stat.mtimeMs}` : 'missing'
  }).join('|')
  const cached = cache.get(folder)
  if (cached && cached.stamp === stamp) return cached
  const dataset = parse(folder, stamp)
  cache.set(folder, dataset)
  return dataset
}

function dataError(file: string, where: string, what: string): ThaneError {
  return new ThaneError('E_DATA', `${file}${where ? ` ${where}` : ''}: ${what}; fix the sensors dataset (datasets/generate) or pass another dataDir`)
}

function parse(folder: string, stamp: string): SensorsDataset {
  const catalogueFile = join(folder, 'catalogue.json')
  const observationsFile = join(folder, 'observations.csv.gz')
  for (const file of [catalogueFile, observationsFile]) {
    if (!existsSync(file)) throw new ThaneError('E_DATA', `${file} is missing; the sensors dataset needs catalogue.json and observations.csv.gz (npm run generate builds them)`)
  }
  let json: unknown
  try {
    json = JSON.parse(readFileSync(catalogueFile, 'utf8'))
  } catch (err) {
    throw dataError(catalogueFile, '', `is not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  if (!isObject(json)) throw dataError(catalogueFile, '', 'must be an object { things, sensors, observedProperties, datastreams }')
  const list = (name: string): Record<string, unknown>[] => {
    const v = json[name]
    if (!Array.isArray(v) || !v.every(isObject)) throw dataError(catalogueFile, '', `${name} must be a list of objects`)
    return v
  }
  const ids = (name: string, items: Record<string, unknown>[]): Set<number> => {
    const seen = new Set<number>()
    for (const [i, item] of items.entries()) {
      const id = item.id
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) throw dataError(catalogueFile, `${name}[${i}]`, `id must be a whole number from 1; got ${JSON.stringify(id)}`)
      if (seen.has(id)) throw dataError(catalogueFile, `${name}[${i}]`, `id ${id} appears twice`)
      seen.add(id)
      for (const field of ['name', 'description']) {
        if (typeof item[field] !== 'string') throw dataError(catalogueFile, `${name} ${id}`, `${field} must be a string`)
      }
    }
    return seen
  }
  const things = list('things') as unknown as CatalogueThing[]
  const sensors = list('sensors') as unknown as CatalogueSensor[]
  const observedProperties = list('observedProperties') as unknown as CatalogueObservedProperty[]
  const datastreams = list('datastreams') as unknown as CatalogueDatastream[]
  const thingIds = ids('things', things as unknown as Record<string, unknown>[])
  const sensorIds = ids('sensors', sensors as unknown as Record<string, unknown>[])
  const propertyIds = ids('observedProperties', observedProperties as unknown as Record<string, unknown>[])
  const streamIds = ids('datastreams', datastreams as unknown as Record<string, unknown>[])
  for (const t of things) {
    if (!isObject(t.location) || !isObject(t.location.location)) throw dataError(catalogueFile, `thing ${t.id}`, 'location must be { name, description, encodingType, location: GeoJSON }')
  }
  for (const d of datastreams) {
    if (!thingIds.has(d.thingId)) throw dataError(catalogueFile, `datastream ${d.id}`, `thingId ${d.thingId} is not a thing`)
    if (!sensorIds.has(d.sensorId)) throw dataError(catalogueFile, `datastream ${d.id}`, `sensorId ${d.sensorId} is not a sensor`)
    if (!propertyIds.has(d.observedPropertyId)) throw dataError(catalogueFile, `datastream ${d.id}`, `observedPropertyId ${d.observedPropertyId} is not an observed property`)
  }
  const observations = readObservationsCached(catalogueFile, observationsFile, streamIds)
  let start: number | undefined
  let end: number | undefined
  for (let i = 0; i < observations.length; i++) {
    const t = observations.time[i] as number
    if (start === undefined || t < start) start = t
    if (end === undefined || t > end) end = t
  }
  return { folder, things, sensors, observedProperties, datastreams, observations, start, end, stamp }
}

// Splitting half a million CSV lines takes most of a second, and each process that serves the
// sensors pays it (a workshop check, `thane demo`). The parsed columns are kept in the cache folder
// under the SHA-256 of both files, so they stand for exactly those bytes, already checked; a cache
// that cannot be read or written is passed over and the CSV is read instead.
const CACHE_MAGIC = 'THOBS001'
const CACHE_HEADER_BYTES = 16
// Typed arrays are written as the machine holds them; the layout is little-endian, so elsewhere the cache is not used.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** Where the parsed form of these exact files is kept (undefined when the files cannot be read). */
export function observationsCacheFile(catalogueFile: string, observationsFile: string, cacheDir = defaultCacheDir()): string | undefined {
  try {
    const hash = createHash('sha256').update(readFileSync(catalogueFile)).update('\0').update(readFileSync(observationsFile)).digest('hex')
    return join(cacheDir, 'sandbox', `sensors-observations-${hash.slice(0, 32)}.bin`)
  } catch {
    return undefined
  }
}

function readObservationsCached(catalogueFile: string, observationsFile: string, streams: Set<number>): ObservationColumns {
  const cacheFile = LITTLE_ENDIAN ? observationsCacheFile(catalogueFile, observationsFile) : undefined
  const cached = cacheFile === undefined ? undefined : readColumns(cacheFile)
  if (cached) return cached
  const observations = readObservations(observationsFile, streams)
  if (cacheFile !== undefined) writeColumns(cacheFile, observations)
  return observations
}

// Layout: magic, row count and text length (uint32 LE), then time and value (float64), datastream
// (int32), and the text results as JSON [[row, text], ...]; all little-endian, 8-byte aligned.
function writeColumns(file: string, o: ObservationColumns): void {
  const n = o.length
  const text = Buffer.from(JSON.stringify([...o.text]))
  const header = Buffer.alloc(CACHE_HEADER_BYTES)
  header.write(CACHE_MAGIC, 0, 'latin1')
  header.writeUInt32LE(n, 8)
  header.writeUInt32LE(text.length, 12)
  const bytes = Buffer.concat([
    header,
    bytesOf(o.time.subarray(0, n)),
    bytesOf(o.value.subarray(0, n)),
    bytesOf(o.datastream.subarray(0, n)),
    text,
  ])
  // Named for this process and thread, so two writers of the same file never share a partial one.
  const partial = `${file}.${process.pid}-${threadId}.partial`
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(partial, bytes)
    // A rename is atomic: a reader sees the whole file or none.
    renameSync(partial, file)
  } catch {
    rmSync(partial, { force: true })
  }
}

function readColumns(file: string): ObservationColumns | undefined {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  if (bytes.length < CACHE_HEADER_BYTES || bytes.toString('latin1', 0, 8) !== CACHE_MAGIC) return undefined
  const n = bytes.readUInt32LE(8)
  const textLength = bytes.readUInt32LE(12)
  const timeAt = CACHE_HEADER_BYTES
  const valueAt = timeAt + 8 * n
  const streamAt = valueAt + 8 * n
  const textAt = streamAt + 4 * n
  if (bytes.length !== textAt + textLength) return undefined
  let entries: unknown
  try {
    entries = JSON.parse(bytes.toString('utf8', textAt, textAt + textLength))
  } catch {
    return undefined
  }
  if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'string')) return undefined
  return {
    length: n,
    time: new Float64Array(copyOut(bytes, timeAt, 8 * n)),
    value: new Float64Array(copyOut(bytes, valueAt, 8 * n)),
    datastream: new Int32Array(copyOut(bytes, streamAt, 4 * n)),
    text: new Map(entries as [number, string][]),
  }
}

function bytesOf(view: Float64Array | Int32Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength)
}

// A copy into a fresh buffer: typed arrays need an aligned offset, which a file's bytes need not have.
function copyOut(bytes: Buffer, at: number, length: number): ArrayBuffer {
  const out = new ArrayBuffer(length)
  new Uint8Array(out).set(bytes.subarray(at, at + length))
  return out
}

// The CSV has three plain columns and no quoting (ids, ISO times, numbers), so it is split by hand:
// five times faster than a general CSV parser on half a million rows. A quote is refused, not guessed at.
function readObservations(file: string, streams: Set<number>): ObservationColumns {
  let text: string
  try {
    text = gunzipSync(readFileSync(file)).toString('utf8')
  } catch (err) {
    throw dataError(file, '', `is not a gzip file (${err instanceof Error ? err.message : String(err)})`)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const lines = text.split('\n')
  const header = (lines[0] ?? '').replace(/\r$/, '')
  if (header !== 'datastream_id,phenomenon_time,result') throw dataError(file, 'line 1', `the header must be datastream_id,phenomenon_time,result; got ${JSON.stringify(header)}`)
  const capacity = lines.length
  const datastream = new Int32Array(capacity)
  const time = new Float64Array(capacity)
  const value = new Float64Array(capacity)
  const textResults = new Map<number, string>()
  let n = 0
  let lastStream = -1
  const times = new Map<string, number>()
  for (let li = 1; li < lines.length; li++) {
    let line = lines[li] as string
    if (line.endsWith('\r')) line = line.slice(0, -1)
    if (line === '') continue
    const a = line.indexOf(',')
    const b = line.indexOf(',', a + 1)
    if (a < 0 || b < 0 || line.includes('"')) throw dataError(file, `line ${li + 1}`, 'must be datastream_id,phenomenon_time,result without quotes')
    const ds = Number(line.slice(0, a))
    if (ds !== lastStream) {
      if (!streams.has(ds)) throw dataError(file, `line ${li + 1}`, `datastream_id ${line.slice(0, a)} is not a datastream of catalogue.json`)
      lastStream = ds
    }
    // A month of readings repeats a few thousand distinct times: parse each once.
    const timeText = line.slice(a + 1, b)
    let ms = times.get(timeText)
    if (ms === undefined) {
      ms = parseTime(timeText)
      if (times.size < 1_000_000) times.set(timeText, ms)
    }
    if (Number.isNaN(ms)) throw dataError(file, `line ${li + 1}`, `phenomenon_time must be an ISO 8601 date-time with a zone; got ${JSON.stringify(line.slice(a + 1, b))}`)
    const raw = line.slice(b + 1)
    // A missing reading is no observation.
    if (raw === '') continue
    const num = Number(raw)
    datastream[n] = ds
    time[n] = ms
    if (Number.isFinite(num) && raw.trim() !== '') value[n] = num
    else {
      value[n] = Number.NaN
      textResults.set(n, raw)
    }
    n++
  }
  return { length: n, datastream, time, value, text: textResults }
}

const FIXED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:Z|([+-])(\d{2}):(\d{2}))$/

/** Epoch ms of an ISO 8601 date-time with a zone; NaN when it is not one. */
export function parseTime(text: string): number {
  const m = FIXED.exec(text)
  if (m) {
    const [, y, mo, d, h, mi, s, sign, oh, om] = m
    const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0
    const month = Number(mo)
    const day = Number(d)
    if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return Number.NaN
    return Date.UTC(Number(y), month - 1, day, Number(h), Number(mi) - offset, Number(s))
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return Number.NaN
  return Date.parse(text)
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
