import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { THANE_BOUNDARY, insidePolygon } from '../datasets/generate/thane.ts'
import { BUILT_FILES, HOLIDAYS, TRANSIT_DIR, generateTransit } from '../datasets/generate/transit.ts'
import { TABLES } from '../datasets/generate/transit-package.ts'

type Row = Record<string, string>
const GTFS_FILES = TABLES.map((t) => t.file)

/** Required columns (and that they are never empty) per file, from the GTFS reference. */
const REQUIRED: Record<string, string[]> = {
  'agency.txt': ['agency_name', 'agency_url', 'agency_timezone'],
  'stops.txt': ['stop_id'],
  'routes.txt': ['route_id', 'route_type'],
  'trips.txt': ['route_id', 'service_id', 'trip_id'],
  'stop_times.txt': ['trip_id', 'stop_sequence', 'stop_id'],
  'calendar.txt': ['service_id', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'start_date', 'end_date'],
  'calendar_dates.txt': ['service_id', 'date', 'exception_type'],
  'shapes.txt': ['shape_id', 'shape_pt_lat', 'shape_pt_lon', 'shape_pt_sequence'],
  'frequencies.txt': ['trip_id', 'start_time', 'end_time', 'headway_secs'],
  'fare_attributes.txt': ['fare_id', 'price', 'currency_type', 'payment_method', 'transfers'],
  'fare_rules.txt': ['fare_id'],
  'feed_info.txt': ['feed_publisher_name', 'feed_publisher_url', 'feed_lang'],
  'translations.txt': ['table_name', 'field_name', 'language', 'translation'],
}

const TIME = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/
const secs = (t: string): number => {
  const m = TIME.exec(t)
  if (!m) throw new Error(`bad GTFS time ${t}`)
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
}
const DATE = /^\d{8}$/
const dateOf = (d: string): Date => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8))))
const ymd = (d: Date): string => d.toISOString().slice(0, 10).replaceAll('-', '')
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const

describe('transit generator (TMT GTFS)', () => {
  let out: string
  const feed = new Map<string, Row[]>()
  const raw = new Map<string, string>()
  const rows = (file: string): Row[] => feed.get(file) as Row[]

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'thane-transit-'))
    generateTransit(out)
    for (const file of GTFS_FILES) {
      const text = readFileSync(join(out, 'gtfs', file), 'utf8')
      raw.set(file, text)
      feed.set(file, parse(text, { columns: true, bom: false }) as Row[])
    }
  })
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('rebuilds every file byte for byte (the build-time stop_times.txt too, when it exists)', () => {
    for (const file of GTFS_FILES) {
      const committed = join(TRANSIT_DIR, 'gtfs', file)
      if ((BUILT_FILES as readonly string[]).includes(file) && !existsSync(committed)) continue
      expect(readFileSync(join(out, 'gtfs', file)).equals(readFileSync(committed)), file).toBe(true)
    }
    expect(readFileSync(join(out, 'datapackage.json')).equals(readFileSync(join(TRANSIT_DIR, 'datapackage.json')))).toBe(true)
  })

  it('is a synthetic Data Package with a Table Schema per GTFS file', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'))
    expect(pkg.name).toBe('thane-transit')
    expect(pkg.synthetic).toBe(true)
    expect(pkg.created).toBe('2026-08-01T00:00:00+05:30')
    expect(pkg.licenses[0].name).toBe('CC0-1.0')
    expect(pkg.description).toMatch(/SYNTHETIC/)
    expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(GTFS_FILES.map((f) => `gtfs/${f}`))
    for (const r of pkg.resources) {
      const file = (r.path as string).slice(5)
      expect(r.rows, file).toBe(rows(file).length)
      expect(r.schema.fields.map((f: { name: string }) => f.name)).toEqual(Object.keys(rows(file)[0] as Row))
      if ((BUILT_FILES as readonly string[]).includes(file)) expect(r.hash).toBeUndefined()
      else expect(r.bytes).toBe(Buffer.byteLength(raw.get(file) as string))
    }
  })

  it('follows the file format rules: UTF-8 without BOM, LF, header, required fields filled', () => {
    for (const file of GTFS_FILES) {
      const text = raw.get(file) as string
      expect(text.charCodeAt(0), file).not.toBe(0xfeff)
      expect(text.includes('\r'), file).toBe(false)
      expect(text.endsWith('\n'), file).toBe(true)
      expect(rows(file).length, file).toBeGreaterThan(0)
      for (const col of REQUIRED[file] as string[]) {
        const empty = rows(file).findIndex((r) => !r[col])
        expect(empty, `${file}: ${col} empty in data row ${empty + 1}`).toBe(-1)
      }
    }
  })

  it('has a valid agency, routes and feed_info', () => {
    const [agency] = rows('agency.txt') as [Row]
    expect(agency).toMatchObject({ agency_id: 'TMT', agency_name: 'Thane Municipal Transport', agency_url: 'https://thanecity.gov.in', agency_timezone: 'Asia/Kolkata', agency_lang: 'mr' })
    const routes = rows('routes.txt')
    expect(routes.length).toBeGreaterThanOrEqual(12)
    expect(new Set(routes.map((r) => r.route_id)).size).toBe(routes.length)
    for (const r of routes) {
      expect(r.route_type).toBe('3')
      expect(r.agency_id).toBe('TMT')
      expect(r.route_short_name || r.route_long_name).not.toBe('')
      expect(r.route_color).toMatch(/^[0-9A-F]{6}$/)
      expect(r.route_text_color).toMatch(/^[0-9A-F]{6}$/)
    }
    const [info] = rows('feed_info.txt') as [Row]
    expect(info).toMatchObject({ feed_publisher_name: 'Thane Kit (synthetic TMT feed)', feed_lang: 'en', feed_start_date: '20260601', feed_end_date: '20261231' })
    expect(() => new URL(info.feed_publisher_url as string)).not.toThrow()
    expect(info.feed_version).not.toBe('')
    const fares = rows('fare_attributes.txt')
    expect(fares.map((f) => Number(f.price))).toEqual([10, 15, 20, 25, 30])
    for (const f of fares) expect(f).toMatchObject({ currency_type: 'INR', payment_method: '0', transfers: '0', agency_id: 'TMT' })
  })

  it('has at least 150 stops inside Thane, each translated into Marathi', () => {
    const stops = rows('stops.txt')
    expect(stops.length).toBeGreaterThanOrEqual(150)
    expect(new Set(stops.map((s) => s.stop_id)).size).toBe(stops.length)
    const byId = new Map(stops.map((s) => [s.stop_id, s]))
    for (const s of stops) {
      expect(insidePolygon(THANE_BOUNDARY, Number(s.stop_lat), Number(s.stop_lon)), s.stop_id).toBe(true)
      expect(s.stop_name).not.toBe('')
      expect(['', '1']).toContain(s.location_type)
      if (s.location_type === '1') expect(s.parent_station).toBe('')
      if (s.parent_station) expect(byId.get(s.parent_station)?.location_type).toBe('1')
    }
    const mr = new Map(
      rows('translations.txt')
        .filter((t) => t.table_name === 'stops' && t.field_name === 'stop_name' && t.language === 'mr')
        .map((t) => [t.record_id, t.translation as string]),
    )
    for (const s of stops) expect(mr.get(s.stop_id) ?? '', s.stop_id).toMatch(/^[\p{Script=Devanagari}\p{P}\p{Zs}0-9]+$/u)
    for (const t of rows('translations.txt')) {
      if (t.table_name === 'stops') expect(byId.has(t.record_id as string)).toBe(true)
      if (t.table_name === 'agency') expect(t.record_id).toBe('TMT')
    }
    expect(mr.get('thane-station-w')).toBe('ठाणे स्थानक (पश्चिम)')
  })

  it('keeps every foreign key', () => {
    const ids = (file: string, col: string): Set<string> => new Set(rows(file).map((r) => r[col] as string))
    const routeIds = ids('routes.txt', 'route_id')
    const serviceIds = new Set([...ids('calendar.txt', 'service_id'), ...ids('calendar_dates.txt', 'service_id')])
    const shapeIds = ids('shapes.txt', 'shape_id')
    const tripIds = ids('trips.txt', 'trip_id')
    const zones = ids('stops.txt', 'zone_id')
    const platforms = new Set(rows('stops.txt').filter((s) => s.location_type !== '1').map((s) => s.stop_id))
    expect(tripIds.size).toBe(rows('trips.txt').length)
    for (const r of rows('routes.txt')) expect(r.agency_id).toBe('TMT')
    for (const t of rows('trips.txt')) {
      expect(routeIds.has(t.route_id as string), t.trip_id).toBe(true)
      expect(serviceIds.has(t.service_id as string), t.trip_id).toBe(true)
      expect(shapeIds.has(t.shape_id as string), t.trip_id).toBe(true)
      expect(['0', '1']).toContain(t.direction_id)
    }
    for (const st of rows('stop_times.txt')) {
      if (!tripIds.has(st.trip_id as string)) throw new Error(`stop_times: unknown trip ${st.trip_id}`)
      if (!platforms.has(st.stop_id as string)) throw new Error(`stop_times: ${st.stop_id} is not a stop`)
    }
    const calendar = ids('calendar.txt', 'service_id')
    for (const d of rows('calendar_dates.txt')) expect(calendar.has(d.service_id as string)).toBe(true)
    for (const f of rows('frequencies.txt')) expect(tripIds.has(f.trip_id as string)).toBe(true)
    const fareIds = ids('fare_attributes.txt', 'fare_id')
    for (const r of rows('fare_rules.txt')) {
      expect(fareIds.has(r.fare_id as string)).toBe(true)
      if (r.route_id) expect(routeIds.has(r.route_id)).toBe(true)
      for (const z of [r.origin_id, r.destination_id]) if (z) expect(zones.has(z)).toBe(true)
    }
    // every trip has stop_times, every route has trips in both directions
    const withTimes = ids('stop_times.txt', 'trip_id')
    for (const t of tripIds) expect(withTimes.has(t), t).toBe(true)
    for (const r of routeIds) {
      const dirs = new Set(rows('trips.txt').filter((t) => t.route_id === r).map((t) => t.direction_id))
      expect([...dirs].sort(), r).toEqual(['0', '1'])
    }
  })

  it('has increasing stop sequences, non-decreasing times, times at both ends, and trips past midnight', () => {
    const st = rows('stop_times.txt')
    expect(st.length).toBeLessThanOrEqual(150_000)
    let latest = 0
    let i = 0
    while (i < st.length) {
      const trip = (st[i] as Row).trip_id
      let j = i
      let prevSeq = -1
      let prevTime = -1
      let prevDist = -1
      while (j < st.length && (st[j] as Row).trip_id === trip) {
        const r = st[j] as Row
        const seq = Number(r.stop_sequence)
        if (!(Number.isInteger(seq) && seq > prevSeq)) throw new Error(`${trip}: stop_sequence ${seq} after ${prevSeq}`)
        const arr = secs(r.arrival_time as string)
        const dep = secs(r.departure_time as string)
        if (arr < prevTime || dep < arr) throw new Error(`${trip}: time goes back at ${seq}`)
        const dist = Number(r.shape_dist_traveled)
        if (!(dist > prevDist)) throw new Error(`${trip}: shape_dist_traveled does not increase at ${seq}`)
        if (!['0', '1'].includes(r.timepoint as string)) throw new Error(`${trip}: timepoint ${r.timepoint}`)
        prevSeq = seq
        prevTime = dep
        prevDist = dist
        latest = Math.max(latest, dep)
        j++
      }
      expect(j - i, trip).toBeGreaterThanOrEqual(2)
      for (const end of [st[i] as Row, st[j - 1] as Row]) {
        expect(end.arrival_time, trip).not.toBe('')
        expect(end.departure_time, trip).not.toBe('')
        expect(end.timepoint).toBe('1')
      }
      i = j
    }
    expect(new Set(st.map((r) => r.trip_id)).size).toBe(rows('trips.txt').length) // trips contiguous
    expect(latest).toBeGreaterThan(24 * 3600)
    expect(st.some((r) => r.departure_time === '25:10:00' && r.stop_sequence === '1')).toBe(true)
    // first departures of the day between 05:30 and 23:30 (night route N1 apart)
    const firsts = st.filter((r) => r.stop_sequence === '1' && !r.trip_id?.startsWith('N1-')).map((r) => secs(r.departure_time as string))
    expect(Math.min(...firsts)).toBeGreaterThanOrEqual(5.5 * 3600)
    expect(Math.max(...firsts)).toBeLessThanOrEqual(23.5 * 3600)
  })

  it('has frequencies on at least two routes, with both exact_times values and no overlapping periods', () => {
    const freq = rows('frequencies.txt')
    const routeOf = new Map(rows('trips.txt').map((t) => [t.trip_id, t.route_id]))
    const byExact = new Map<string, Set<string>>()
    const byTrip = new Map<string, [number, number, number][]>()
    for (const f of freq) {
      const s = secs(f.start_time as string)
      const e = secs(f.end_time as string)
      const h = Number(f.headway_secs)
      expect(e).toBeGreaterThan(s)
      expect(h).toBeGreaterThan(0)
      expect(['0', '1']).toContain(f.exact_times)
      if (f.exact_times === '1') {
        const last = s + Math.floor((e - s - 1) / h) * h
        expect(e).toBeGreaterThan(last)
        expect(e).toBeLessThan(last + h)
      }
      byExact.set(f.exact_times as string, (byExact.get(f.exact_times as string) ?? new Set()).add(routeOf.get(f.trip_id) as string))
      byTrip.set(f.trip_id as string, [...(byTrip.get(f.trip_id as string) ?? []), [s, e, h]])
    }
    expect(new Set(freq.map((f) => routeOf.get(f.trip_id))).size).toBeGreaterThanOrEqual(2)
    expect(byExact.get('0')?.size).toBeGreaterThanOrEqual(1)
    expect(byExact.get('1')?.size).toBeGreaterThanOrEqual(1)
    for (const [trip, periods] of byTrip) {
      periods.sort((a, b) => a[0] - b[0])
      for (let k = 1; k < periods.length; k++) expect((periods[k] as number[])[0], trip).toBeGreaterThanOrEqual((periods[k - 1] as number[])[1] as number)
    }
  })

  it('has shapes with increasing sequence and shape_dist_traveled, inside Thane', () => {
    let prev: Row | undefined
    for (const p of rows('shapes.txt')) {
      if (prev && prev.shape_id === p.shape_id) {
        expect(Number(p.shape_pt_sequence)).toBeGreaterThan(Number(prev.shape_pt_sequence))
        expect(Number(p.shape_dist_traveled)).toBeGreaterThan(Number(prev.shape_dist_traveled))
      }
      expect(insidePolygon(THANE_BOUNDARY, Number(p.shape_pt_lat), Number(p.shape_pt_lon)), p.shape_id).toBe(true)
      prev = p
    }
    expect(new Set(rows('shapes.txt').map((p) => p.shape_id)).size).toBe(rows('routes.txt').length * 2)
  })

  it('has a calendar covering the period: every service active on some date, holidays as exceptions', () => {
    const cal = rows('calendar.txt')
    const dates = rows('calendar_dates.txt')
    expect(cal.map((c) => c.service_id)).toEqual(['WEEKDAY', 'SATURDAY', 'SUNDAY'])
    for (const c of cal) {
      expect(c.start_date).toMatch(DATE)
      expect(c.end_date).toMatch(DATE)
      expect(c).toMatchObject({ start_date: '20260601', end_date: '20261231' })
    }
    const active = (service: string, d: string): boolean => {
      const ex = dates.find((x) => x.service_id === service && x.date === d)
      if (ex?.exception_type === '2') return false
      if (ex?.exception_type === '1') return true
      const c = cal.find((x) => x.service_id === service)
      return !!c && (c.start_date as string) <= d && d <= (c.end_date as string) && c[WEEKDAYS[dateOf(d).getUTCDay()] as string] === '1'
    }
    const days: string[] = []
    for (let d = dateOf('20260601'); ymd(d) <= '20261231'; d = new Date(d.getTime() + 86_400_000)) days.push(ymd(d))
    for (const svc of new Set(rows('trips.txt').map((t) => t.service_id as string))) expect(days.some((d) => active(svc, d)), svc).toBe(true)
    // exactly one of the three services runs every day of the period
    for (const d of days) expect(['WEEKDAY', 'SATURDAY', 'SUNDAY'].filter((s) => active(s, d)), d).toHaveLength(1)
    for (const d of dates) expect(d.date >= '20260601' && d.date <= '20261231', d.date).toBe(true)
    const ex = (date: string): string[] => dates.filter((x) => x.date === date).map((x) => `${x.service_id}:${x.exception_type}`).sort()
    expect(ex('20260914')).toEqual(['SUNDAY:1', 'WEEKDAY:2']) // Ganesh Chaturthi, Monday
    expect(ex('20260815')).toEqual(['SATURDAY:2', 'SUNDAY:1']) // Independence Day, Saturday
    expect(ex('20261002')).toEqual(['SUNDAY:1', 'WEEKDAY:2']) // Gandhi Jayanti, Friday
    expect(ex('20261110')).toEqual(['SUNDAY:1', 'WEEKDAY:2']) // Balipratipada, Tuesday
    expect(ex('20261225')).toEqual(['SUNDAY:1', 'WEEKDAY:2']) // Christmas, Friday
    expect(ex('20261108')).toEqual([]) // Lakshmi Pujan falls on a Sunday
    expect(HOLIDAYS).toHaveLength(5)
  })
})
