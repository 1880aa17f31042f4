import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'
import { InputError } from '../errors.js'
import { isGtfsDate, parseGtfsTime } from './time.js'
import type { Agency, Route, Stop, Trip } from './types.js'

/** The tables of a feed, file name → bytes (only `*.txt` at the root are read). */
export type FeedFiles = Map<string, Uint8Array>

/**
 * Everything the queries need, in compact form. Stop times are columns of typed arrays sorted by
 * (trip, stop_sequence), so a trip is the range `tripStart[t] … tripStart[t + 1]`; the stop times
 * that a rider can board at each stop are a second range per stop, sorted by departure.
 * @internal
 */
export interface FeedIndex {
  agencies: Agency[]
  timezone: string
  stops: Stop[]
  stopIndex: Map<string, number>
  /** Child stops (platforms) of each station, by stop index. */
  children: Map<number, number[]>
  routes: Route[]
  routeIndex: Map<string, number>
  trips: Trip[]
  tripIndex: Map<string, number>
  tripRoute: Int32Array
  tripService: Int32Array
  /** stop_times, by (trip, sequence). */
  stTrip: Int32Array
  stStop: Int32Array
  stSeq: Int32Array
  stArr: Int32Array
  stDep: Int32Array
  /** Bit 0: the time is the feed's own (not interpolated). Bits 1-2: pickup_type. Bits 3-4: drop_off_type. */
  stFlags: Uint8Array
  stHeadsign: Map<number, string>
  tripStart: Int32Array
  /** Boardable stop times of scheduled (non-frequency) trips, by stop then departure. */
  stopEvtStart: Int32Array
  stopEvt: Int32Array
  stopEvtDep: Int32Array
  /** Boardable stop times of frequency template trips, by stop. */
  stopFreqEvt: Map<number, number[]>
  /** frequencies.txt rows of each template trip. */
  tripFreqs: Map<number, { start: number; end: number; headway: number; exact: boolean }[]>
  serviceIds: string[]
  serviceIndex: Map<string, number>
  /** calendar.txt: weekday bits (bit 0 = Monday), dates as numbers; mask 0 when only in calendar_dates. */
  calMask: Uint8Array
  calStart: Int32Array
  calEnd: Int32Array
  /** calendar_dates.txt: date → [service index, exception_type] pairs. */
  exceptions: Map<string, [number, number][]>
  feedInfo: Record<string, string> | undefined
}

type Row = string[]

interface Table {
  name: string
  header: Map<string, number>
}

/** Reads a feed from zip bytes or from a folder of `.txt` files. */
export function readFeedFiles(source: Uint8Array | string): FeedFiles {
  const files: FeedFiles = new Map()
  if (typeof source === 'string') {
    let names: string[]
    try {
      if (!statSync(source).isDirectory()) return readFeedFiles(new Uint8Array(readFileSync(source)))
      names = readdirSync(source)
    } catch (err) {
      throw new InputError(`cannot read the GTFS feed at ${source} (${(err as NodeJS.ErrnoException).code ?? String(err)})`, { field: 'source' }, { cause: err })
    }
    for (const name of names) if (name.endsWith('.txt')) files.set(name, new Uint8Array(readFileSync(join(source, name))))
    return files
  }
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(source, { filter: (f) => f.name.endsWith('.txt') && !f.name.includes('/') })
  } catch (err) {
    throw new InputError(`the GTFS feed is not a readable zip file (${(err as Error).message})`, { field: 'source' }, { cause: err })
  }
  for (const [name, bytes] of Object.entries(entries)) files.set(name, bytes)
  return files
}

/**
 * Calls `onRow` for each data row of a table; rows are numbered as in the file, the header being
 * row 1 (the numbering of the canonical GTFS validator). Returns false when the file is absent.
 */
function eachRow(files: FeedFiles, name: string, required: string[], onRow: (row: Row, rowNumber: number, t: Table) => void): boolean {
  const bytes = files.get(name)
  if (!bytes) return false
  const table: Table = { name, header: new Map() }
  let rowNumber = 0
  try {
    parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      on_record: (record: Row) => {
        rowNumber++
        if (rowNumber === 1) {
          record.forEach((column, i) => table.header.set(column, i))
          for (const column of required) if (!table.header.has(column)) throw new InputError(`${name} has no ${column} column (a required field)`, { field: name })
        } else {
          onRow(record, rowNumber, table)
        }
        return null
      },
    })
  } catch (err) {
    if (err instanceof InputError) throw err
    throw new InputError(`${name} row ${rowNumber + 1}: not valid CSV (${(err as Error).message})`, { field: name }, { cause: err })
  }
  if (rowNumber === 0 && required.length) throw new InputError(`${name} is empty; it needs a header row`, { field: name })
  return true
}

const col = (t: Table, name: string) => t.header.get(name) ?? -1
const val = (row: Row, i: number) => (i < 0 ? '' : (row[i] ?? ''))
const opt = (row: Row, i: number) => val(row, i) || undefined

function need(files: FeedFiles, name: string): void {
  if (!files.has(name)) throw new InputError(`the GTFS feed has no ${name} (a required file)`, { field: name })
}

function int(row: Row, i: number, t: Table, rowNumber: number, column: string, fallback: number, min = 0): number {
  const text = val(row, i)
  if (text === '') return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < min) throw new InputError(`${t.name} row ${rowNumber}: ${column} "${text}" is not a whole number${min === 0 ? ' of 0 or more' : ''}`, { field: t.name })
  return n
}

/** A stop time's seconds, -1 when empty; `H:MM:SS` or `HH:MM:SS` (hours may pass 24) read digit by digit. */
function stopTime(row: Row, i: number, t: Table, n: number, column: string): number {
  const text = i < 0 ? '' : (row[i] ?? '')
  if (text === '') return -1
  const len = text.length
  const d = (k: number) => text.charCodeAt(k) - 48
  if ((len === 8 || len === 7) && text.charCodeAt(len - 3) === 58 && text.charCodeAt(len - 6) === 58) {
    const h = len === 8 ? d(0) * 10 + d(1) : d(0)
    const m = d(len - 5) * 10 + d(len - 4)
    const s = d(len - 2) * 10 + d(len - 1)
    if (h >= 0 && h <= 99 && d(len - 5) >= 0 && d(len - 5) <= 5 && d(len - 4) >= 0 && d(len - 4) <= 9 && d(len - 2) >= 0 && d(len - 2) <= 5 && d(len - 1) >= 0 && d(len - 1) <= 9 && (len === 7 || (d(1) >= 0 && d(1) <= 9)) && d(0) >= 0 && d(0) <= 9) return h * 3600 + m * 60 + s
  }
  const slow = parseGtfsTime(text)
  if (slow === undefined) throw new InputError(`${t.name} row ${n}: ${column} "${text}" is not a time (HH:MM:SS)`, { field: t.name })
  return slow
}

function fk(t: Table, rowNumber: number, column: string, value: string, target: string): InputError {
  return new InputError(`${t.name} row ${rowNumber}: ${column} "${value}" is not in ${target}`, { field: t.name })
}

class Ints {
  a: Int32Array
  n = 0
  constructor(size = 1024) {
    this.a = new Int32Array(size)
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2)
      b.set(this.a)
      this.a = b
    }
    this.a[this.n++] = v
  }
  done(): Int32Array {
    return this.a.slice(0, this.n)
  }
}

/** Parses, checks and indexes a feed. Throws `InputError` naming the file and row at fault. */
export function buildIndex(files: FeedFiles): FeedIndex {
  for (const name of ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt']) need(files, name)
  if (!files.has('calendar.txt') && !files.has('calendar_dates.txt')) {
    throw new InputError('the GTFS feed has neither calendar.txt nor calendar_dates.txt (one of them is required)', { field: 'calendar.txt' })
  }

  // agency.txt
  const agencies: Agency[] = []
  eachRow(files, 'agency.txt', ['agency_name', 'agency_url', 'agency_timezone'], (row, n, t) => {
    const timezone = val(row, col(t, 'agency_timezone'))
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone })
    } catch {
      throw new InputError(`agency.txt row ${n}: agency_timezone "${timezone}" is not an IANA time zone such as Asia/Kolkata`, { field: 'agency.txt' })
    }
    agencies.push({
      agencyId: opt(row, col(t, 'agency_id')),
      name: val(row, col(t, 'agency_name')),
      url: val(row, col(t, 'agency_url')),
      timezone,
      lang: opt(row, col(t, 'agency_lang')),
      phone: opt(row, col(t, 'agency_phone')),
    })
  })
  const first = agencies[0]
  if (!first) throw new InputError('agency.txt has no agency (it needs at least one row)', { field: 'agency.txt' })
  const agencyIds = new Set(agencies.map((a) => a.agencyId).filter((id) => id !== undefined))

  // stops.txt
  const stops: Stop[] = []
  const stopIndex = new Map<string, number>()
  const stopRows: number[] = []
  eachRow(files, 'stops.txt', ['stop_id'], (row, n, t) => {
    const stopId = val(row, col(t, 'stop_id'))
    if (!stopId) throw new InputError(`stops.txt row ${n}: stop_id is empty`, { field: 'stops.txt' })
    const earlier = stopIndex.get(stopId)
    if (earlier !== undefined) throw new InputError(`stops.txt row ${n}: stop_id "${stopId}" is already used in row ${stopRows[earlier]}`, { field: 'stops.txt' })
    const locationType = int(row, col(t, 'location_type'), t, n, 'location_type', 0)
    const coord = (name: string, limit: number) => {
      const text = val(row, col(t, name))
      const v = Number(text)
      if (text === '' && locationType > 2) return Number.NaN
      if (text === '' || !Number.isFinite(v) || Math.abs(v) > limit) throw new InputError(`stops.txt row ${n}: ${name} "${text}" is not a ${name === 'stop_lat' ? 'latitude' : 'longitude'}`, { field: 'stops.txt' })
      return v
    }
    stopIndex.set(stopId, stops.length)
    stopRows.push(n)
    stops.push({
      stopId,
      stopCode: opt(row, col(t, 'stop_code')),
      name: val(row, col(t, 'stop_name')),
      lat: coord('stop_lat', 90),
      lon: coord('stop_lon', 180),
      locationType,
      parentStation: opt(row, col(t, 'parent_station')),
      zoneId: opt(row, col(t, 'zone_id')),
      wheelchairBoarding: int(row, col(t, 'wheelchair_boarding'), t, n, 'wheelchair_boarding', 0),
      platformCode: opt(row, col(t, 'platform_code')),
    })
  })
  const children = new Map<number, number[]>()
  stops.forEach((stop, i) => {
    if (!stop.parentStation) return
    const parent = stopIndex.get(stop.parentStation)
    if (parent === undefined) throw fk({ name: 'stops.txt', header: new Map() }, stopRows[i] ?? 0, 'parent_station', stop.parentStation, 'stops.txt')
    let list = children.get(parent)
    if (!list) children.set(parent, (list = []))
    list.push(i)
  })
  applyTranslations(files, stops, stopIndex)

  // routes.txt
  const routes: Route[] = []
  const routeIndex = new Map<string, number>()
  eachRow(files, 'routes.txt', ['route_id', 'route_type'], (row, n, t) => {
    const routeId = val(row, col(t, 'route_id'))
    if (!routeId) throw new InputError(`routes.txt row ${n}: route_id is empty`, { field: 'routes.txt' })
    if (routeIndex.has(routeId)) throw new InputError(`routes.txt row ${n}: route_id "${routeId}" is used twice`, { field: 'routes.txt' })
    const agencyId = opt(row, col(t, 'agency_id'))
    if (agencyId !== undefined && !agencyIds.has(agencyId)) throw fk(t, n, 'agency_id', agencyId, 'agency.txt')
    const sortOrder = val(row, col(t, 'route_sort_order'))
    routeIndex.set(routeId, routes.length)
    routes.push({
      routeId,
      agencyId: agencyId ?? (agencies.length === 1 ? first.agencyId : undefined),
      shortName: val(row, col(t, 'route_short_name')),
      longName: val(row, col(t, 'route_long_name')),
      description: opt(row, col(t, 'route_desc')),
      type: int(row, col(t, 'route_type'), t, n, 'route_type', 3),
      color: (val(row, col(t, 'route_color')) || 'FFFFFF').toUpperCase(),
      textColor: (val(row, col(t, 'route_text_color')) || '000000').toUpperCase(),
      sortOrder: sortOrder === '' ? undefined : int(row, col(t, 'route_sort_order'), t, n, 'route_sort_order', 0),
    })
  })

  // calendar.txt, calendar_dates.txt
  const serviceIds: string[] = []
  const serviceIndex = new Map<string, number>()
  const service = (id: string) => {
    let i = serviceIndex.get(id)
    if (i === undefined) {
      i = serviceIds.length
      serviceIndex.set(id, i)
      serviceIds.push(id)
    }
    return i
  }
  const cal: { mask: number; start: number; end: number }[] = []
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
  const date = (row: Row, i: number, t: Table, n: number, column: string) => {
    const text = val(row, i)
    if (!isGtfsDate(text)) throw new InputError(`${t.name} row ${n}: ${column} "${text}" is not a date (YYYYMMDD)`, { field: t.name })
    return text
  }
  eachRow(files, 'calendar.txt', ['service_id', ...days, 'start_date', 'end_date'], (row, n, t) => {
    const s = service(val(row, col(t, 'service_id')))
    let mask = 0
    days.forEach((day, bit) => {
      const flag = val(row, col(t, day))
      if (flag !== '0' && flag !== '1') throw new InputError(`calendar.txt row ${n}: ${day} "${flag}" must be 0 or 1`, { field: 'calendar.txt' })
      if (flag === '1') mask |= 1 << bit
    })
    cal[s] = { mask, start: Number(date(row, col(t, 'start_date'), t, n, 'start_date')), end: Number(date(row, col(t, 'end_date'), t, n, 'end_date')) }
  })
  const exceptions = new Map<string, [number, number][]>()
  eachRow(files, 'calendar_dates.txt', ['service_id', 'date', 'exception_type'], (row, n, t) => {
    const s = service(val(row, col(t, 'service_id')))
    const d = date(row, col(t, 'date'), t, n, 'date')
    const type = val(row, col(t, 'exception_type'))
    if (type !== '1' && type !== '2') throw new InputError(`calendar_dates.txt row ${n}: exception_type "${type}" must be 1 (added) or 2 (removed)`, { field: 'calendar_dates.txt' })
    let list = exceptions.get(d)
    if (!list) exceptions.set(d, (list = []))
    list.push([s, Number(type)])
  })
  const calMask = new Uint8Array(serviceIds.length)
  const calStart = new Int32Array(serviceIds.length)
  const calEnd = new Int32Array(serviceIds.length)
  cal.forEach((c, i) => {
    if (!c) return
    calMask[i] = c.mask
    calStart[i] = c.start
    calEnd[i] = c.end
  })

  // trips.txt
  const trips: Trip[] = []
  const tripIndex = new Map<string, number>()
  const tripRoute = new Ints()
  const tripService = new Ints()
  eachRow(files, 'trips.txt', ['route_id', 'service_id', 'trip_id'], (row, n, t) => {
    const tripId = val(row, col(t, 'trip_id'))
    if (!tripId) throw new InputError(`trips.txt row ${n}: trip_id is empty`, { field: 'trips.txt' })
    if (tripIndex.has(tripId)) throw new InputError(`trips.txt row ${n}: trip_id "${tripId}" is used twice`, { field: 'trips.txt' })
    const routeId = val(row, col(t, 'route_id'))
    const r = routeIndex.get(routeId)
    if (r === undefined) throw fk(t, n, 'route_id', routeId, 'routes.txt')
    const serviceId = val(row, col(t, 'service_id'))
    const s = serviceIndex.get(serviceId)
    if (s === undefined) throw fk(t, n, 'service_id', serviceId, 'calendar.txt or calendar_dates.txt')
    const direction = val(row, col(t, 'direction_id'))
    tripIndex.set(tripId, trips.length)
    tripRoute.push(r)
    tripService.push(s)
    trips.push({
      tripId,
      routeId,
      serviceId,
      headsign: opt(row, col(t, 'trip_headsign')),
      shortName: opt(row, col(t, 'trip_short_name')),
      directionId: direction === '0' ? 0 : direction === '1' ? 1 : undefined,
      blockId: opt(row, col(t, 'block_id')),
      shapeId: opt(row, col(t, 'shape_id')),
      wheelchairAccessible: int(row, col(t, 'wheelchair_accessible'), t, n, 'wheelchair_accessible', 0),
      frequencyBased: false,
    })
  })

  // frequencies.txt
  const tripFreqs = new Map<number, { start: number; end: number; headway: number; exact: boolean }[]>()
  eachRow(files, 'frequencies.txt', ['trip_id', 'start_time', 'end_time', 'headway_secs'], (row, n, t) => {
    const tripId = val(row, col(t, 'trip_id'))
    const ti = tripIndex.get(tripId)
    if (ti === undefined) throw fk(t, n, 'trip_id', tripId, 'trips.txt')
    const time = (column: string) => {
      const text = val(row, col(t, column))
      const s = parseGtfsTime(text)
      if (s === undefined) throw new InputError(`frequencies.txt row ${n}: ${column} "${text}" is not a time (HH:MM:SS)`, { field: 'frequencies.txt' })
      return s
    }
    const start = time('start_time')
    const end = time('end_time')
    const headway = int(row, col(t, 'headway_secs'), t, n, 'headway_secs', 0, 1)
    const exactText = val(row, col(t, 'exact_times'))
    if (exactText !== '' && exactText !== '0' && exactText !== '1') throw new InputError(`frequencies.txt row ${n}: exact_times "${exactText}" must be 0 or 1`, { field: 'frequencies.txt' })
    if (headway < 1) throw new InputError(`frequencies.txt row ${n}: headway_secs must be at least 1`, { field: 'frequencies.txt' })
    let list = tripFreqs.get(ti)
    if (!list) tripFreqs.set(ti, (list = []))
    list.push({ start, end, headway, exact: exactText === '1' })
    const trip = trips[ti]
    if (trip) trip.frequencyBased = true
  })

  // stop_times.txt: columns of typed arrays, no object per row.
  const rTrip = new Ints(1 << 16)
  const rStop = new Ints(1 << 16)
  const rSeq = new Ints(1 << 16)
  const rArr = new Ints(1 << 16)
  const rDep = new Ints(1 << 16)
  const rFlags = new Ints(1 << 16)
  const rRow = new Ints(1 << 16)
  const headsignByRow = new Map<number, string>()
  let sorted = true
  let lastTrip = -1
  let lastSeq = -1
  // The hot loop of a load: column positions are looked up once, times parsed without a regex.
  let c: Record<'trip' | 'stop' | 'seq' | 'arr' | 'dep' | 'pickup' | 'dropOff' | 'headsign', number> | undefined
  eachRow(files, 'stop_times.txt', ['trip_id', 'stop_sequence'], (row, n, t) => {
    c ??= {
      trip: col(t, 'trip_id'),
      stop: col(t, 'stop_id'),
      seq: col(t, 'stop_sequence'),
      arr: col(t, 'arrival_time'),
      dep: col(t, 'departure_time'),
      pickup: col(t, 'pickup_type'),
      dropOff: col(t, 'drop_off_type'),
      headsign: col(t, 'stop_headsign'),
    }
    const tripId = val(row, c.trip)
    const ti = tripIndex.get(tripId)
    if (ti === undefined) throw fk(t, n, 'trip_id', tripId, 'trips.txt')
    const stopId = val(row, c.stop)
    if (!stopId) throw new InputError(`stop_times.txt row ${n}: stop_id is empty (stop times without a stop, as in flexible services, are not supported)`, { field: 'stop_times.txt' })
    const si = stopIndex.get(stopId)
    if (si === undefined) throw fk(t, n, 'stop_id', stopId, 'stops.txt')
    const seq = int(row, c.seq, t, n, 'stop_sequence', -1)
    if (seq < 0) throw new InputError(`stop_times.txt row ${n}: stop_sequence is empty`, { field: 'stop_times.txt' })
    let arr = stopTime(row, c.arr, t, n, 'arrival_time')
    let dep = stopTime(row, c.dep, t, n, 'departure_time')
    if (arr < 0) arr = dep
    if (dep < 0) dep = arr
    const pickup = c.pickup < 0 ? 0 : int(row, c.pickup, t, n, 'pickup_type', 0) & 3
    const dropOff = c.dropOff < 0 ? 0 : int(row, c.dropOff, t, n, 'drop_off_type', 0) & 3
    const headsign = c.headsign < 0 ? '' : val(row, c.headsign)
    if (headsign) headsignByRow.set(rTrip.n, headsign)
    if (ti < lastTrip || (ti === lastTrip && seq <= lastSeq)) sorted = false
    lastTrip = ti
    lastSeq = seq
    rTrip.push(ti)
    rStop.push(si)
    rSeq.push(seq)
    rArr.push(arr)
    rDep.push(dep)
    rFlags.push((arr >= 0 ? 1 : 0) | (pickup << 1) | (dropOff << 3))
    rRow.push(n)
  })

  const count = rTrip.n
  let stTrip = rTrip.done()
  let stStop = rStop.done()
  let stSeq = rSeq.done()
  let stArr = rArr.done()
  let stDep = rDep.done()
  let stFlags = Uint8Array.from(rFlags.done())
  let stRow = rRow.done()
  let stHeadsign = headsignByRow
  if (!sorted) {
    // Files are usually grouped by trip already; sort only when they are not.
    const order = new Int32Array(count)
    for (let i = 0; i < count; i++) order[i] = i
    const trip = stTrip
    const seq = stSeq
    order.sort((a, b) => trip[a]! - trip[b]! || seq[a]! - seq[b]! || a - b)
    const permute = <A extends Int32Array | Uint8Array>(src: A): A => {
      const out = new (src.constructor as new (n: number) => A)(count)
      for (let i = 0; i < count; i++) out[i] = src[order[i]!]!
      return out
    }
    stTrip = permute(stTrip)
    stStop = permute(stStop)
    stSeq = permute(stSeq)
    stArr = permute(stArr)
    stDep = permute(stDep)
    stFlags = permute(stFlags)
    stRow = permute(stRow)
    if (headsignByRow.size) {
      const inverse = new Int32Array(count)
      for (let i = 0; i < count; i++) inverse[order[i]!] = i
      stHeadsign = new Map([...headsignByRow].map(([i, h]) => [inverse[i]!, h]))
    }
  }

  // Trip ranges; duplicate sequences; times of the first and last stop; interpolation between timed stops.
  const tripStart = new Int32Array(trips.length + 1)
  for (let i = 0; i < count; i++) tripStart[stTrip[i]! + 1]!++
  for (let t = 0; t < trips.length; t++) tripStart[t + 1]! += tripStart[t]!
  for (let t = 0; t < trips.length; t++) {
    const from = tripStart[t]!
    const to = tripStart[t + 1]!
    if (from === to) continue
    for (let i = from + 1; i < to; i++) {
      if (stSeq[i] === stSeq[i - 1]) throw new InputError(`stop_times.txt row ${stRow[i]}: trip_id "${trips[t]!.tripId}" has stop_sequence ${stSeq[i]} twice`, { field: 'stop_times.txt' })
    }
    for (const [i, which] of [[from, 'first'], [to - 1, 'last']] as const) {
      if (stArr[i]! < 0) throw new InputError(`stop_times.txt row ${stRow[i]}: the ${which} stop of trip "${trips[t]!.tripId}" needs an arrival_time or departure_time`, { field: 'stop_times.txt' })
    }
    let prev = from
    for (let i = from + 1; i < to; i++) {
      if (stArr[i]! < 0) continue
      if (i - prev > 1) {
        // Linear by position between the timed stops around the gap (timepoint=0 stops).
        const t0 = stDep[prev]!
        const t1 = stArr[i]!
        for (let k = prev + 1; k < i; k++) stArr[k] = stDep[k] = Math.round(t0 + ((t1 - t0) * (k - prev)) / (i - prev))
      }
      prev = i
    }
  }

  // Boardable stop times by stop, sorted by departure: never the last stop of a trip, never pickup_type=1.
  const boardable = (i: number) => i + 1 < tripStart[stTrip[i]! + 1]! && ((stFlags[i]! >> 1) & 3) !== 1
  const stopEvtStart = new Int32Array(stops.length + 1)
  const stopFreqEvt = new Map<number, number[]>()
  for (let i = 0; i < count; i++) {
    if (!boardable(i)) continue
    if (tripFreqs.has(stTrip[i]!)) {
      let list = stopFreqEvt.get(stStop[i]!)
      if (!list) stopFreqEvt.set(stStop[i]!, (list = []))
      list.push(i)
    } else {
      stopEvtStart[stStop[i]! + 1]!++
    }
  }
  for (let s = 0; s < stops.length; s++) stopEvtStart[s + 1]! += stopEvtStart[s]!
  const fill = stopEvtStart.slice(0, stops.length)
  const stopEvt = new Int32Array(stopEvtStart[stops.length]!)
  for (let i = 0; i < count; i++) {
    if (boardable(i) && !tripFreqs.has(stTrip[i]!)) stopEvt[fill[stStop[i]!]!++] = i
  }
  const dep = stDep
  for (let s = 0; s < stops.length; s++) {
    const a = stopEvtStart[s]!
    const b = stopEvtStart[s + 1]!
    if (b - a > 1) stopEvt.subarray(a, b).sort((x, y) => dep[x]! - dep[y]! || x - y)
  }
  const stopEvtDep = new Int32Array(stopEvt.length)
  for (let k = 0; k < stopEvt.length; k++) stopEvtDep[k] = stDep[stopEvt[k]!]!

  let feedInfo: Record<string, string> | undefined
  eachRow(files, 'feed_info.txt', [], (row, _n, t) => {
    feedInfo ??= Object.fromEntries([...t.header].map(([name, i]) => [name, val(row, i)]))
  })

  return {
    agencies,
    timezone: first.timezone,
    stops,
    stopIndex,
    children,
    routes,
    routeIndex,
    trips,
    tripIndex,
    tripRoute: tripRoute.done(),
    tripService: tripService.done(),
    stTrip,
    stStop,
    stSeq,
    stArr,
    stDep,
    stFlags,
    stHeadsign,
    tripStart,
    stopEvtStart,
    stopEvt,
    stopEvtDep,
    stopFreqEvt,
    tripFreqs,
    serviceIds,
    serviceIndex,
    calMask,
    calStart,
    calEnd,
    exceptions,
    feedInfo,
  }
}

const isMarathi = (lang: string) => lang.toLowerCase() === 'mr' || lang.toLowerCase().startsWith('mr-')

/**
 * Marathi stop names from translations.txt, in either form: the current one (table_name,
 * field_name, language, translation, record_id | field_value) or the legacy one (trans_id, lang,
 * translation, where trans_id is the text being translated).
 */
function applyTranslations(files: FeedFiles, stops: Stop[], stopIndex: Map<string, number>): void {
  const byId = new Map<number, string>()
  const byValue = new Map<string, string>()
  eachRow(files, 'translations.txt', [], (row, _n, t) => {
    if (t.header.has('table_name')) {
      if (val(row, col(t, 'table_name')) !== 'stops' || val(row, col(t, 'field_name')) !== 'stop_name') return
      if (!isMarathi(val(row, col(t, 'language')))) return
      const text = val(row, col(t, 'translation'))
      const recordId = val(row, col(t, 'record_id'))
      if (recordId) {
        const i = stopIndex.get(recordId)
        if (i !== undefined) byId.set(i, text)
      } else {
        const value = val(row, col(t, 'field_value'))
        if (value) byValue.set(value, text)
      }
    } else if (t.header.has('trans_id')) {
      if (!isMarathi(val(row, col(t, 'lang')))) return
      byValue.set(val(row, col(t, 'trans_id')), val(row, col(t, 'translation')))
    }
  })
  if (!byId.size && !byValue.size) return
  stops.forEach((stop, i) => {
    const mr = byId.get(i) ?? byValue.get(stop.name)
    if (mr) stop.nameMr = mr
  })
}
