import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { unzipSync } from 'fflate'
import { addDays, formatGtfsTime, isGtfsDate, parseGtfsTime, weekdayOf } from '../transit/time.js'
import { DAYS, GTFS_FILES, OTHER_GTFS_FILES, REQUIRED_FILES, type FieldType, type FileSpec, type GtfsNoticeCode } from './gtfs-rules.js'
import { SourceError, unreadableMessage } from './source.js'
import { Collector, DEFAULT_MAX_ERRORS } from './table.js'
import type { Report, Severity, TableSummary } from './types.js'

export { GTFS_RULES_URL, type GtfsNoticeCode } from './gtfs-rules.js'

/** Options of `validateGtfs`. */
export interface ValidateGtfsOptions {
  /** How many notices to keep in `errors` (the counts still count all). Default 1000. */
  maxErrors?: number
  /**
   * The date (`YYYYMMDD`) before which a service counts as expired (`expired_calendar`). Default:
   * `feed_start_date` of feed_info.txt, so the result never depends on the clock; without either the
   * check is skipped.
   */
  today?: string
}

/** A feed's files: a path in a folder, or a function that inflates one file of a zip when it is read. */
type FeedSource = Map<string, string | (() => Uint8Array)>

/** Files found in a sub-folder of a zip (not read: GTFS files must be at the root). */
const SUBFOLDER = Symbol('subfolder')
type Feed = FeedSource & { [SUBFOLDER]?: string }

async function openFeed(path: string): Promise<Feed> {
  let info
  try {
    info = await stat(path)
  } catch (err) {
    throw new SourceError(unreadableMessage(path, err), path, { cause: err })
  }
  const files: Feed = new Map()
  if (info.isDirectory()) {
    for (const name of (await readdir(path)).sort()) {
      if (name.endsWith('.txt') || name.endsWith('.geojson')) files.set(name, join(path, name))
    }
    return files
  }
  // Only the names are read here; each file is inflated when its turn comes and dropped after, so
  // at most one file of the feed is held uncompressed at a time.
  let zip: Uint8Array
  try {
    zip = new Uint8Array(await readFile(path))
  } catch (err) {
    throw new SourceError(unreadableMessage(path, err), path, { cause: err })
  }
  const names: string[] = []
  try {
    unzipSync(zip, {
      filter: (f) => {
        if (!f.name.includes('/')) names.push(f.name)
        else if (f.name.endsWith('/stops.txt')) files[SUBFOLDER] ??= f.name.slice(0, -'stops.txt'.length)
        return false
      },
    })
  } catch (err) {
    throw new SourceError(`${path} is not a readable zip file (${(err as Error).message}); give a GTFS zip or a folder with stops.txt`, path, { cause: err })
  }
  for (const name of names.sort()) files.set(name, () => unzipSync(zip, { filter: (f) => f.name === name })[name] ?? new Uint8Array())
  return files
}

type Get = (column: string) => string

interface Notice {
  code: GtfsNoticeCode
  severity?: Severity
  file?: string
  row?: number
  field?: string
  value?: string
  message: string
  hint: string
}

const cut = (v: string) => (v.length > 60 ? `${v.slice(0, 59)}…` : v)

/**
 * Validates a GTFS Schedule feed, a zip or a folder of `.txt` files, against GTFS's rules, and reports
 * every notice under MobilityData's notice code (https://gtfs-validator.mobilitydata.org/rules.html),
 * with the file, the line in that file (the header is line 1), the field and the value.
 *
 * Files are read in the order the foreign keys need (agency, stops, routes, shapes, calendars, trips,
 * stop_times, …), keeping only ids. stop_times.txt is streamed: per trip, only its last stop sequence,
 * time and distance and its first and last stops are kept. Times and order along a trip are checked
 * when the file lists each trip's stops by increasing stop_sequence (as feeds do); the stops of a
 * trip that come out of order are still checked for keys, edges and types.
 *
 * @example
 * import { validateGtfs } from '@thanekit/sdk/validate'
 * const report = await validateGtfs('datasets/transit/gtfs')
 * console.log(report.valid, report.counts)
 */
export async function validateGtfs(path: string, options: ValidateGtfsOptions = {}): Promise<Report> {
  const feed = await openFeed(path)
  const collector = new Collector(options.maxErrors ?? DEFAULT_MAX_ERRORS)
  const add = (n: Notice) => {
    collector.add({
      code: n.code,
      severity: n.severity ?? 'error',
      message: n.message,
      hint: n.hint,
      ...(n.file !== undefined ? { file: n.file } : {}),
      ...(n.row !== undefined ? { row: n.row } : {}),
      ...(n.field !== undefined ? { field: n.field } : {}),
      ...(n.value !== undefined ? { value: cut(n.value) } : {}),
    })
  }
  const tables: TableSummary[] = []
  let totalRows = 0

  // Files: required, conditionally required, unknown.
  for (const name of REQUIRED_FILES) {
    const sub = feed[SUBFOLDER]
    const hint = sub ? `the zip has its files in the folder ${sub}; zip the files themselves, not their folder` : `add ${name} at the root of the feed`
    if (!feed.has(name)) add({ code: 'missing_required_file', file: name, message: `the feed has no ${name}, a required file`, hint })
  }
  if (!feed.has('calendar.txt') && !feed.has('calendar_dates.txt')) {
    add({ code: 'missing_required_file', file: 'calendar.txt', message: 'the feed has neither calendar.txt nor calendar_dates.txt; one of them is required', hint: 'add calendar.txt (weekly services) or calendar_dates.txt (service dates)' })
  }
  if (feed.has('translations.txt') && !feed.has('feed_info.txt')) {
    add({ code: 'missing_required_file', file: 'feed_info.txt', message: 'the feed has translations.txt but no feed_info.txt, which is then required', hint: 'add feed_info.txt with feed_publisher_name, feed_publisher_url and feed_lang' })
  }
  for (const name of feed.keys()) {
    if (!GTFS_FILES[name] && !OTHER_GTFS_FILES.has(name)) {
      add({ code: 'unknown_file', severity: 'info', file: name, message: `${name} is not a GTFS file; validators and consumers ignore it`, hint: 'check the spelling of the file name, or remove the file' })
    }
  }

  /**
   * Reads one table row by row: header checks, required values, field types and the primary key,
   * then `onRow`. Returns false when the file is absent.
   */
  const read = async (name: string, onRow?: (get: Get, row: number, has: (c: string) => boolean) => void, again = false): Promise<boolean> => {
    // Read again (a second pass): no notice, no table summary, only onRow.
    const note = again ? () => {} : add
    const source = feed.get(name)
    if (source === undefined) return false
    const spec = GTFS_FILES[name] as FileSpec
    let input: Readable
    if (typeof source === 'string') input = createReadStream(source)
    else {
      let bytes: Uint8Array
      try {
        bytes = source()
      } catch (err) {
        note({ code: 'csv_parsing_failed', file: name, message: `${name} cannot be inflated from the zip (${(err as Error).message})`, hint: 'rebuild the zip file' })
        return true
      }
      input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)])
    }
    const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }))
    // pipe() does not pass on a read error (a folder named like a file, no permission): end the loop with it.
    input.on('error', (err) => parser.destroy(err))
    let header: Map<string, number> | undefined
    const has = (c: string) => header?.has(c) ?? false
    const keys = spec.key ? new Map<string, number>() : undefined
    let keyCols: number[] = []
    let checks: [string, number, FieldType | undefined, boolean][] = []
    let rows = 0
    let headerLen = 0
    const before = collector.severities.error
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        // info.lines is the line the record ends on; GTFS values hold no line breaks, but count them if they do.
        let line = info.lines
        for (const v of record) for (let i = v.indexOf('\n'); i >= 0; i = v.indexOf('\n', i + 1)) line--
        if (!header) {
          header = new Map()
          for (const [i, column] of record.entries()) {
            if (header.has(column)) note({ code: 'duplicated_column', file: name, row: line, field: column, message: `${name} has the column ${column} twice`, hint: 'remove one of the two columns' })
            else header.set(column, i)
          }
          for (const column of spec.required) {
            if (!header.has(column)) note({ code: 'missing_required_column', file: name, row: line, field: column, message: `${name} has no ${column} column, a required field`, hint: `add the column ${column} to the header of ${name}` })
          }
          checks = [...header].map(([column, i]) => [column, i, spec.fields[column], spec.required.includes(column) && !(spec.emptyOk ?? []).includes(column)])
          headerLen = record.length
          keyCols = (spec.key ?? []).map((c) => header?.get(c) ?? -1)
          continue
        }
        rows++
        const hdr = header
        if (record.length !== headerLen) {
          note({ code: 'invalid_row_length', file: name, row: line, message: `line ${line} of ${name} has ${record.length} values but the header has ${headerLen}`, hint: 'give every row as many values as the header has columns' })
        }
        if (!again) for (const [column, i, type, required] of checks) {
          const value = record[i] ?? ''
          if (value === '') {
            if (required) note({ code: 'missing_required_field', file: name, row: line, field: column, value, message: `${column} is empty; it is required`, hint: `give a ${column} on line ${line} of ${name}` })
          } else if (type) checkValue(note, name, line, column, value, type)
        }
        if (keys && !again && !keyCols.includes(-1)) {
          const key = keyCols.map((i) => record[i] ?? '').join('\u001f')
          if (key !== '' && !keyCols.every((i) => (record[i] ?? '') === '')) {
            const first = keys.get(key)
            if (first !== undefined) {
              const fields = (spec.key as string[]).join(', ')
              note({ code: 'duplicate_key', file: name, row: line, field: fields, value: key.replaceAll('\u001f', ', '), message: `${fields} "${key.replaceAll('\u001f', ', ')}" is already used on line ${first}`, hint: `give each row of ${name} its own ${fields}` })
            } else keys.set(key, line)
          }
        }
        if (onRow) onRow((c) => { const i = hdr.get(c); return i === undefined ? '' : (record[i] ?? '') }, line, has)
      }
    } catch (err) {
      if (typeof source === 'string' && (err as NodeJS.ErrnoException).syscall !== undefined) throw new SourceError(unreadableMessage(source, err), source, { cause: err })
      note({ code: 'csv_parsing_failed', file: name, row: (err as { lines?: number }).lines ?? rows + 2, message: `${name} is not valid CSV after this line (${(err as Error).message})`, hint: 'quote values that hold commas or quotes, and double the quotes inside them' })
    }
    if (!header) note({ code: 'empty_file', file: name, message: `${name} is empty; it needs at least a header line`, hint: `add the header of ${name}, or remove the file if it is optional` })
    if (again) return true
    totalRows += rows
    tables.push({ file: name, rows, valid: collector.severities.error === before })
    return true
  }

  const fk = (file: string, row: number, field: string, value: string, target: string) =>
    add({ code: 'foreign_key_violation', file, row, field, value, message: `${field} "${value}" has no match in ${target}`, hint: `use a value of ${target}, or add it there first` })

  // agency.txt
  const agencyIds = new Set<string>()
  await read('agency.txt', (get) => {
    const id = get('agency_id')
    if (id) agencyIds.add(id)
  })

  // stops.txt
  const stopIds = new Set<string>()
  const zoneIds = new Set<string>()
  const parents: [number, string][] = []
  await read('stops.txt', (get, row) => {
    const id = get('stop_id')
    if (id) stopIds.add(id)
    const zone = get('zone_id')
    if (zone) zoneIds.add(zone)
    const type = get('location_type')
    if (type === '' || type === '0' || type === '1' || type === '2') {
      for (const column of ['stop_lat', 'stop_lon']) {
        if (get(column) === '') add({ code: 'missing_required_field', file: 'stops.txt', row, field: column, value: '', message: `${column} is empty; it is required for stops, stations and entrances (location_type 0, 1, 2)`, hint: `give the ${column} of stop "${id}"` })
      }
    }
    const parent = get('parent_station')
    if (parent) parents.push([row, parent])
  })
  for (const [row, parent] of parents) if (!stopIds.has(parent)) fk('stops.txt', row, 'parent_station', parent, 'stop_id of stops.txt')

  // routes.txt
  const routeIds = new Set<string>()
  await read('routes.txt', (get, row) => {
    const id = get('route_id')
    if (id) routeIds.add(id)
    const agency = get('agency_id')
    if (agency && !agencyIds.has(agency)) fk('routes.txt', row, 'agency_id', agency, 'agency_id of agency.txt')
    if (get('route_short_name') === '' && get('route_long_name') === '') {
      add({ code: 'route_both_short_and_long_name_missing', file: 'routes.txt', row, field: 'route_short_name', value: '', message: `route "${id}" has neither a route_short_name nor a route_long_name`, hint: 'give the route a short name (its number) or a long name' })
    }
  })

  // shapes.txt: only the ids.
  const shapeIds = new Set<string>()
  await read('shapes.txt', (get) => {
    const id = get('shape_id')
    if (id) shapeIds.add(id)
  })

  // calendar.txt, calendar_dates.txt
  interface Service {
    file: string
    row: number
    mask: number
    start?: string
    end?: string
    added: string[]
    removed: Set<string>
    /** A date of its calendar.txt row is not a date: its coverage is not judged (invalid_date says why). */
    unknown?: boolean
  }
  const services = new Map<string, Service>()
  const service = (id: string, file: string, row: number) => {
    let s = services.get(id)
    if (!s) services.set(id, (s = { file, row, mask: 0, added: [], removed: new Set() }))
    return s
  }
  await read('calendar.txt', (get, row) => {
    const id = get('service_id')
    if (!id) return
    const s = service(id, 'calendar.txt', row)
    DAYS.forEach((day, bit) => {
      if (get(day) === '1') s.mask |= 1 << bit
    })
    const start = get('start_date')
    const end = get('end_date')
    if (isGtfsDate(start) && isGtfsDate(end)) {
      s.start = start
      s.end = end
    } else s.unknown = true
  })
  await read('calendar_dates.txt', (get, row) => {
    const id = get('service_id')
    const date = get('date')
    if (!id || !isGtfsDate(date)) return
    const s = service(id, 'calendar_dates.txt', row)
    const type = get('exception_type')
    if (type === '1') s.added.push(date)
    else if (type === '2') s.removed.add(date)
  })

  // trips.txt
  const tripRows = new Map<string, number>()
  await read('trips.txt', (get, row) => {
    const id = get('trip_id')
    if (id && !tripRows.has(id)) tripRows.set(id, row)
    const route = get('route_id')
    if (route && !routeIds.has(route)) fk('trips.txt', row, 'route_id', route, 'route_id of routes.txt')
    const sid = get('service_id')
    if (sid && !services.has(sid)) fk('trips.txt', row, 'service_id', sid, 'service_id of calendar.txt or calendar_dates.txt')
    const shape = get('shape_id')
    if (shape && !shapeIds.has(shape)) fk('trips.txt', row, 'shape_id', shape, 'shape_id of shapes.txt')
  })

  // stop_times.txt, streamed: per trip only what the checks along it need.
  interface TripState {
    count: number
    lastSeq: number
    lastRow: number
    /** Departure (or arrival) of the last stop with a time, -1 before one. */
    lastTime: number
    lastTimeRow: number
    lastDist: number
    lastDistRow: number
    /** The line where the trip's stops came out of stop_sequence order (0: in order). */
    unsortedAt: number
    minSeq: number
    minRow: number
    minTimed: boolean
    maxSeq: number
    maxRow: number
    maxTimed: boolean
  }
  /** One stop time, as the checks along a trip need it. */
  interface StopRow {
    row: number
    seq: number
    seqText: string
    arr: number
    dep: number
    arrText: string
    depText: string
    dist: number
    distText: string
  }
  const ST = 'stop_times.txt'
  /**
   * The checks between a stop time and the one before it along the trip (in stop_sequence order):
   * a repeated stop_sequence, times or distances that go back. `quiet(prev, cur)` says when a pair
   * was already checked (the second pass over trips listed out of order).
   */
  const along = (s: TripState, tripId: string, r: StopRow, quiet: (prevRow: number, row: number) => boolean = () => false) => {
    if (r.seq === s.lastSeq) {
      if (!quiet(s.lastRow, r.row)) add({ code: 'duplicate_key', file: ST, row: r.row, field: 'trip_id, stop_sequence', value: `${tripId}, ${r.seqText}`, message: `trip "${tripId}" has stop_sequence ${r.seqText} twice (also on line ${s.lastRow})`, hint: 'give each stop of a trip its own stop_sequence' })
      return
    }
    s.lastSeq = r.seq
    s.lastRow = r.row
    const time = r.arr >= 0 ? r.arr : r.dep
    if (time >= 0) {
      if (s.lastTime >= 0 && time < s.lastTime && !quiet(s.lastTimeRow, r.row)) {
        add({ code: 'stop_time_with_arrival_before_previous_departure_time', file: ST, row: r.row, field: r.arr >= 0 ? 'arrival_time' : 'departure_time', value: r.arr >= 0 ? r.arrText : r.depText, message: `trip "${tripId}" arrives here before it leaves the previous stop with a time (line ${s.lastTimeRow})`, hint: 'make times along a trip never go back; past midnight write 24:10:00, not 00:10:00' })
      }
      s.lastTime = r.dep >= 0 ? r.dep : r.arr
      s.lastTimeRow = r.row
    }
    if (!Number.isNaN(r.dist)) {
      if (!Number.isNaN(s.lastDist) && r.dist <= s.lastDist && !quiet(s.lastDistRow, r.row)) {
        add({ code: 'decreasing_or_equal_stop_time_distance', file: ST, row: r.row, field: 'shape_dist_traveled', value: r.distText, message: `shape_dist_traveled ${r.distText} is not more than at the previous stop of trip "${tripId}" (${s.lastDist})`, hint: 'make shape_dist_traveled increase along the trip' })
      }
      s.lastDist = r.dist
      s.lastDistRow = r.row
    }
  }
  const fresh = (r: StopRow, timed: boolean): TripState => ({ count: 1, lastSeq: r.seq, lastRow: r.row, lastTime: r.dep >= 0 ? r.dep : r.arr, lastTimeRow: r.row, lastDist: r.dist, lastDistRow: r.row, unsortedAt: 0, minSeq: r.seq, minRow: r.row, minTimed: timed, maxSeq: r.seq, maxRow: r.row, maxTimed: timed })
  const stopRow = (get: Get, row: number): StopRow | undefined => {
    const seqText = get('stop_sequence')
    if (!/^\d+$/.test(seqText)) return undefined
    const arrText = get('arrival_time')
    const depText = get('departure_time')
    const distText = get('shape_dist_traveled')
    return {
      row,
      seq: Number(seqText),
      seqText,
      arr: arrText ? (parseGtfsTime(arrText) ?? -2) : -1,
      dep: depText ? (parseGtfsTime(depText) ?? -2) : -1,
      arrText,
      depText,
      dist: distText === '' ? Number.NaN : Number(distText),
      distText,
    }
  }
  const tripStates = new Map<string, TripState>()
  let unsortedTrips = 0
  await read(ST, (get, row, has) => {
    const tripId = get('trip_id')
    const stopId = get('stop_id')
    if (tripId && !tripRows.has(tripId)) fk(ST, row, 'trip_id', tripId, 'trip_id of trips.txt')
    if (stopId) {
      if (!stopIds.has(stopId)) fk(ST, row, 'stop_id', stopId, 'stop_id of stops.txt')
    } else if (!get('location_id') && !get('location_group_id')) {
      add({ code: 'missing_required_field', file: ST, row, field: 'stop_id', value: '', message: 'stop_id is empty; it is required unless location_id or location_group_id is given', hint: `give the stop_id of line ${row}` })
    }
    const arrText = get('arrival_time')
    const depText = get('departure_time')
    const arr = arrText ? (parseGtfsTime(arrText) ?? -2) : -1
    const dep = depText ? (parseGtfsTime(depText) ?? -2) : -1
    if ((arrText === '') !== (depText === '')) {
      const missing = arrText === '' ? 'arrival_time' : 'departure_time'
      add({ code: 'stop_time_with_only_arrival_or_departure_time', file: ST, row, field: missing, value: '', message: `only one of arrival_time and departure_time is given`, hint: 'give both times, or neither for an untimed stop' })
    }
    if (arr >= 0 && dep >= 0 && dep < arr) {
      add({ code: 'stop_time_with_departure_before_arrival_time', file: ST, row, field: 'departure_time', value: depText, message: `departure_time ${depText} is before arrival_time ${arrText}`, hint: 'make departure_time the same as or later than arrival_time' })
    }
    if (has('timepoint') && get('timepoint') === '1' && (arrText === '' || depText === '')) {
      add({ code: 'stop_time_timepoint_without_times', file: ST, row, field: 'timepoint', value: '1', message: 'timepoint is 1 (exact) but the stop has no arrival_time or departure_time', hint: 'give both times, or set timepoint to 0' })
    }
    const r = tripId ? stopRow(get, row) : undefined
    if (!r) return
    const timed = arrText !== '' && depText !== ''
    const s = tripStates.get(tripId)
    if (!s) {
      tripStates.set(tripId, fresh(r, timed))
      return
    }
    s.count++
    if (r.seq < s.minSeq) Object.assign(s, { minSeq: r.seq, minRow: row, minTimed: timed })
    if (r.seq > s.maxSeq) Object.assign(s, { maxSeq: r.seq, maxRow: row, maxTimed: timed })
    if (s.unsortedAt) return
    if (r.seq < s.lastSeq) {
      // Checked again, in stop_sequence order, by the second pass below.
      s.unsortedAt = row
      unsortedTrips++
      return
    }
    along(s, tripId, r)
  })
  if (unsortedTrips > 0) {
    // Second pass, only for the trips listed out of order: their stop times (a few numbers each),
    // sorted by stop_sequence. Pairs of lines before the disorder were checked by the first pass.
    // Five numbers a stop time (seq, line, arrival, departure, distance); texts are rebuilt for messages.
    const pending = new Map<string, number[]>()
    for (const [tripId, s] of tripStates) if (s.unsortedAt) pending.set(tripId, [])
    await read(
      ST,
      (get, row) => {
        const list = pending.get(get('trip_id'))
        const r = list && stopRow(get, row)
        if (r) list.push(r.seq, r.row, r.arr, r.dep, r.dist)
      },
      true,
    )
    for (const [tripId, flat] of pending) {
      pending.delete(tripId)
      const at = (tripStates.get(tripId) as TripState).unsortedAt
      const list: StopRow[] = []
      for (let i = 0; i < flat.length; i += 5) {
        const [seq, row, arr, dep, dist] = flat.slice(i, i + 5) as [number, number, number, number, number]
        const time = (t: number) => (t >= 0 ? formatGtfsTime(t) : '')
        list.push({ seq, row, arr, dep, dist, seqText: String(seq), arrText: time(arr), depText: time(dep), distText: Number.isNaN(dist) ? '' : String(dist) })
      }
      list.sort((a, b) => a.seq - b.seq || a.row - b.row)
      const [first, ...rest] = list
      if (!first) continue
      const s = fresh(first, false)
      for (const r of rest) along(s, tripId, r, (prevRow, row) => row < at && prevRow < at)
    }
  }
  for (const [tripId, tripRow] of tripRows) {
    const s = tripStates.get(tripId)
    if (!s || s.count < 2) {
      add({ code: 'unusable_trip', severity: 'warning', file: 'trips.txt', row: tripRow, field: 'trip_id', value: tripId, message: `trip "${tripId}" has ${s?.count ?? 0} stop time${s?.count === 1 ? '' : 's'}; a trip needs at least two stops to be usable`, hint: 'add its stops to stop_times.txt, or remove the trip' })
    }
    if (!s) continue
    if (!s.minTimed) add({ code: 'missing_trip_edge', file: ST, row: s.minRow, field: 'arrival_time', message: `the first stop of trip "${tripId}" lacks an arrival_time or departure_time`, hint: 'give the first and last stop of every trip both times' })
    if (!s.maxTimed && s.maxRow !== s.minRow) add({ code: 'missing_trip_edge', file: ST, row: s.maxRow, field: 'departure_time', message: `the last stop of trip "${tripId}" lacks an arrival_time or departure_time`, hint: 'give the first and last stop of every trip both times' })
  }
  tripStates.clear()

  // frequencies.txt
  await read('frequencies.txt', (get, row) => {
    const id = get('trip_id')
    if (id && !tripRows.has(id)) fk('frequencies.txt', row, 'trip_id', id, 'trip_id of trips.txt')
  })

  // Fares v1
  const fareIds = new Set<string>()
  await read('fare_attributes.txt', (get, row) => {
    const id = get('fare_id')
    if (id) fareIds.add(id)
    const agency = get('agency_id')
    if (agency && !agencyIds.has(agency)) fk('fare_attributes.txt', row, 'agency_id', agency, 'agency_id of agency.txt')
  })
  await read('fare_rules.txt', (get, row) => {
    const fare = get('fare_id')
    if (fare && !fareIds.has(fare)) fk('fare_rules.txt', row, 'fare_id', fare, 'fare_id of fare_attributes.txt')
    const route = get('route_id')
    if (route && !routeIds.has(route)) fk('fare_rules.txt', row, 'route_id', route, 'route_id of routes.txt')
    for (const column of ['origin_id', 'destination_id', 'contains_id']) {
      const zone = get(column)
      if (zone && !zoneIds.has(zone)) fk('fare_rules.txt', row, column, zone, 'zone_id of stops.txt')
    }
  })

  // translations.txt: record_id of the tables whose ids are kept.
  const recordIds: Record<string, Set<string>> = { stops: stopIds, routes: routeIds, agency: agencyIds, trips: new Set(tripRows.keys()) }
  await read('translations.txt', (get, row) => {
    const table = get('table_name')
    const record = get('record_id')
    const ids = recordIds[table]
    if (record && ids && !ids.has(record)) fk('translations.txt', row, 'record_id', record, `${table === 'agency' ? 'agency_id' : `${table.replace(/s$/, '')}_id`} of ${table}.txt`)
  })

  let feedStart = ''
  await read('feed_info.txt', (get) => {
    feedStart ||= get('feed_start_date')
  })
  for (const name of ['transfers.txt', 'levels.txt', 'pathways.txt', 'attributions.txt']) await read(name)

  // Calendar coverage: each service's last active date; never active, or expired.
  const today = options.today ?? (isGtfsDate(feedStart) ? feedStart : undefined)
  for (const [id, s] of services) {
    if (s.unknown) continue
    let last = ''
    for (const d of s.added) if (!s.removed.has(d) && d > last) last = d
    if (s.start && s.end && s.mask && s.end > last) {
      // Walk back from end_date (at most ten years) to the last date the weekly pattern runs.
      const stop = s.start > last ? s.start : last
      for (let d = s.end, n = 0; d >= stop && n < 3660; d = addDays(d, -1), n++) {
        if (s.mask & (1 << weekdayOf(d)) && !s.removed.has(d)) {
          last = d > last ? d : last
          break
        }
      }
    }
    if (!last) {
      add({ code: 'service_never_active', severity: 'warning', file: s.file, row: s.row, field: 'service_id', value: id, message: `service "${id}" is not active on any date`, hint: 'give it days of the week within start_date and end_date, or dates with exception_type 1' })
    } else if (today && last < today) {
      add({ code: 'expired_calendar', severity: 'warning', file: s.file, row: s.row, field: 'service_id', value: id, message: `service "${id}" last runs on ${last}, before ${today}`, hint: 'extend its end_date or remove the expired service' })
    }
  }

  return collector.report(path, totalRows, tables, 'gtfs')
}

function checkValue(add: (n: Notice) => void, file: string, row: number, field: string, value: string, type: FieldType): void {
  const bad = (code: GtfsNoticeCode, what: string, hint: string) => add({ code, file, row, field, value, message: `${field} "${cut(value)}" is not ${what}`, hint })
  if (typeof type === 'string') {
    switch (type) {
      case 'time':
        if (parseGtfsTime(value) === undefined) bad('invalid_time', 'a time (HH:MM:SS)', 'write the time as HH:MM:SS or H:MM:SS, e.g. 06:05:00; past midnight go on counting: 25:10:00')
        return
      case 'date':
        if (!isGtfsDate(value)) bad('invalid_date', 'a date (YYYYMMDD)', 'write the date as YYYYMMDD, e.g. 20260601')
        return
      case 'color':
        if (!/^[0-9A-Fa-f]{6}$/.test(value)) bad('invalid_color', 'a colour (six hex digits)', 'write the colour as six hex digits without "#", e.g. D32F2F')
        return
      case 'url':
        if (!/^https?:\/\/\S+$/i.test(value) || !URL.canParse(value)) bad('invalid_url', 'a web address', 'give a full URL starting with http:// or https://')
        return
      case 'email':
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) bad('invalid_email', 'an e-mail address', 'give an e-mail address such as transport@example.org')
        return
      case 'timezone':
        if (!value.includes('/') && value !== 'UTC') return bad('invalid_timezone', 'an IANA time zone', 'give a time zone such as Asia/Kolkata')
        try {
          new Intl.DateTimeFormat('en', { timeZone: value })
        } catch {
          bad('invalid_timezone', 'an IANA time zone', 'give a time zone such as Asia/Kolkata')
        }
        return
      case 'currency':
        if (!/^[A-Z]{3}$/.test(value)) bad('invalid_currency', 'an ISO 4217 currency code', 'give a three-letter currency code such as INR')
        return
      default:
        return
    }
  }
  if ('enum' in type) {
    const allowed = type.label ?? type.enum.join(', ')
    if (!/^-?\d+$/.test(value)) return bad('invalid_integer', 'a whole number', `give one of ${allowed}`)
    if (!type.enum.includes(Number(value))) add({ code: 'number_out_of_range', file, row, field, value, message: `${field} ${value} is not one of the allowed values (${allowed})`, hint: `use one of ${allowed}` })
    return
  }
  const [min, max] = 'int' in type ? type.int : type.float
  const n = Number(value)
  if ('int' in type ? !/^-?\d+$/.test(value) : !/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) || !Number.isFinite(n)) {
    return bad('int' in type ? 'invalid_integer' : 'invalid_float', 'int' in type ? 'a whole number' : 'a number', 'give a number, with a dot as the decimal mark')
  }
  if (n < min || (max !== undefined && n > max)) {
    add({ code: 'number_out_of_range', file, row, field, value, message: `${field} ${value} is out of range (${max === undefined ? `at least ${min}` : `${min} to ${max}`})`, hint: field.endsWith('lat') || field.endsWith('lon') ? 'give latitude (−90 to 90) and longitude (−180 to 180) in decimal degrees, not swapped' : `give a value of at least ${min}` })
  }
}
