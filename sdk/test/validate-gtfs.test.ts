import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { SourceError, validateGtfs, type Report } from '../src/validate/index.js'
import { BASE, BUNDLED, append, edit, feed } from './fixtures/validate-gtfs/feed.js'

const notices = (r: Report) => r.errors.map((e) => `${e.code} ${e.file ?? ''}:${e.row ?? ''} ${e.field ?? ''}`.trim())

describe('validateGtfs', () => {
  it('gtfs: the small base feed is valid with no notice at all', async () => {
    const r = await validateGtfs(feed())
    expect(notices(r)).toEqual([])
    expect(r).toMatchObject({ valid: true, schemaName: 'gtfs', rows: 24 })
    expect(r.tables.map((t) => t.file)).toContain('stop_times.txt')
  })

  it('gtfs: the bundled TMT feed validates with 0 errors and 0 warnings', async () => {
    expect(existsSync(join(BUNDLED, 'stop_times.txt')), 'run npm run build first: stop_times.txt is generated').toBe(true)
    const r = await validateGtfs(BUNDLED)
    expect(r.severities).toEqual({ error: 0, warning: 0, info: 0 })
    expect(r.valid).toBe(true)
    expect(r.rows).toBeGreaterThan(69_000)
  })

  it('missing_required_file: a folder without stops.txt, and neither calendar file', async () => {
    const r = await validateGtfs(feed({ 'stops.txt': null, 'calendar.txt': null, 'calendar_dates.txt': null }))
    expect(notices(r).filter((n) => n.startsWith('missing_required_file'))).toEqual(['missing_required_file stops.txt:', 'missing_required_file calendar.txt:'])
    expect(r.valid).toBe(false)
  })

  it('missing_required_file: a zip (fflate.zipSync) without stops.txt', async () => {
    const files = Object.fromEntries(Object.entries(BASE).filter(([name]) => name !== 'stops.txt').map(([name, text]) => [name, strToU8(text)]))
    const zip = join(mkdtempSync(join(tmpdir(), 'thane-gtfs-zip-')), 'feed.zip')
    writeFileSync(zip, zipSync(files))
    const r = await validateGtfs(zip)
    expect(r.counts.missing_required_file).toBe(1)
    expect(r.errors.find((e) => e.code === 'missing_required_file')).toMatchObject({ file: 'stops.txt', severity: 'error' })
    // Every stop_id of stop_times.txt, the translated stop and the fare zones then have no match: all are collected.
    expect(r.counts.foreign_key_violation).toBe(6 + 1 + 2)
  })

  it('missing_required_file: a zip of the feed folder says that the files must be at the root', async () => {
    const files = Object.fromEntries(Object.entries(BASE).map(([name, text]) => [`gtfs/${name}`, strToU8(text)]))
    const zip = join(mkdtempSync(join(tmpdir(), 'thane-gtfs-zip-')), 'feed.zip')
    writeFileSync(zip, zipSync(files))
    const r = await validateGtfs(zip)
    expect(r.counts.missing_required_file).toBe(6)
    expect(r.errors[0]?.hint).toBe('the zip has its files in the folder gtfs/; zip the files themselves, not their folder')
  })

  it('gtfs: a zip of the valid feed is valid, and a file that is not a zip is a SourceError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-gtfs-zip-'))
    writeFileSync(join(dir, 'ok.zip'), zipSync(Object.fromEntries(Object.entries(BASE).map(([n, t]) => [n, strToU8(t)]))))
    expect(notices(await validateGtfs(join(dir, 'ok.zip')))).toEqual([])
    writeFileSync(join(dir, 'bad.zip'), 'not a zip')
    await expect(validateGtfs(join(dir, 'bad.zip'))).rejects.toBeInstanceOf(SourceError)
    await expect(validateGtfs(join(dir, 'missing'))).rejects.toBeInstanceOf(SourceError)
  })

  it('gtfs: a feed file that cannot be read (a folder named routes.txt) is a SourceError naming it, not an unhandled stream error', async () => {
    const dir = feed({ 'routes.txt': null })
    mkdirSync(join(dir, 'routes.txt'))
    const err = await validateGtfs(dir).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SourceError)
    expect((err as SourceError).message).toBe(`${join(dir, 'routes.txt')} cannot be read (EISDIR)`)
  })

  it('missing_required_column and missing_required_field', async () => {
    const r = await validateGtfs(
      feed({
        ...edit('routes.txt', { 1: 'route_id,agency_id,route_short_name,route_long_name,route_kind,route_color' }),
        ...edit('agency.txt', { 2: 'A,,https://example.org,Asia/Kolkata' }),
      }),
    )
    expect(notices(r)).toEqual(['missing_required_field agency.txt:2 agency_name', 'missing_required_column routes.txt:1 route_type'])
  })

  it('invalid_time, invalid_date, invalid_color, invalid_url, invalid_timezone', async () => {
    const r = await validateGtfs(
      feed({
        ...edit('agency.txt', { 2: 'A,Agency,example.org,Asia/Thane' }),
        ...edit('routes.txt', { 2: 'R1,A,1,,3,red' }),
        ...edit('calendar.txt', { 2: 'WK,1,1,1,1,1,0,0,20260601,20261301' }),
        ...edit('stop_times.txt', { 3: 'T1,6:1:00,06:11:00,S2,2,1.5' }),
      }),
    )
    expect(notices(r)).toEqual([
      'invalid_url agency.txt:2 agency_url',
      'invalid_timezone agency.txt:2 agency_timezone',
      'invalid_color routes.txt:2 route_color',
      'invalid_date calendar.txt:2 end_date',
      'invalid_time stop_times.txt:3 arrival_time',
    ])
    expect(r.errors[0]).toMatchObject({ value: 'example.org', severity: 'error' })
    expect(r.errors[0]?.hint).toBeTruthy()
  })

  it('number_out_of_range: latitude, longitude, route_type and location_type', async () => {
    const r = await validateGtfs(
      feed({
        ...edit('stops.txt', { 4: 'S2,Two,190,72.95,Z1,,', 5: 'S3,Three,19.3,-200,Z2,7,' }),
        ...edit('routes.txt', { 2: 'R1,A,1,,99,D32F2F' }),
      }),
    )
    expect(notices(r)).toEqual([
      'number_out_of_range stops.txt:4 stop_lat',
      'number_out_of_range stops.txt:5 stop_lon',
      'number_out_of_range stops.txt:5 location_type',
      'number_out_of_range routes.txt:2 route_type',
    ])
  })

  it('duplicate_key: stop_id, route_id, trip_id, calendar service_id, (trip_id, stop_sequence)', async () => {
    const r = await validateGtfs(
      feed({
        ...append('stops.txt', 'S3,Three again,19.3,72.96,Z2,,'),
        ...append('routes.txt', 'R1,A,1b,,3,D32F2F'),
        ...append('trips.txt', 'R1,WK,T2,'),
        ...append('calendar.txt', 'WK,0,0,0,0,0,1,1,20260601,20261231'),
        ...edit('stop_times.txt', { 4: 'T1,06:20:00,06:20:00,S3,2,3' }),
      }),
    )
    expect(notices(r)).toEqual([
      'duplicate_key stops.txt:6 stop_id',
      'duplicate_key routes.txt:3 route_id',
      'duplicate_key calendar.txt:3 service_id',
      'duplicate_key trips.txt:4 trip_id',
      'duplicate_key stop_times.txt:4 trip_id, stop_sequence',
    ])
    expect(r.errors[0]?.message).toContain('line 5')
  })

  it('foreign_key_violation: every reference the rule pack checks', async () => {
    const r = await validateGtfs(
      feed({
        ...edit('stops.txt', { 3: 'S1,One,19.1,72.9,Z1,,NOPE' }),
        ...edit('trips.txt', { 2: 'R9,XX,T1,SH9' }),
        ...append('stop_times.txt', 'T9,07:00:00,07:00:00,S1,1,', 'T2,25:20:00,25:20:00,S9,8,'),
        ...edit('frequencies.txt', { 2: 'T8,06:00:00,09:00:00,600' }),
        ...edit('fare_rules.txt', { 2: 'F9,R9,Z1,Z2' }),
        ...edit('translations.txt', { 2: 'stops,stop_name,mr,एक,S9' }),
      }),
    )
    expect(notices(r)).toEqual([
      'foreign_key_violation stops.txt:3 parent_station',
      'foreign_key_violation trips.txt:2 route_id',
      'foreign_key_violation trips.txt:2 service_id',
      'foreign_key_violation trips.txt:2 shape_id',
      'foreign_key_violation stop_times.txt:8 trip_id',
      'foreign_key_violation stop_times.txt:9 stop_id',
      'foreign_key_violation frequencies.txt:2 trip_id',
      'foreign_key_violation fare_rules.txt:2 fare_id',
      'foreign_key_violation fare_rules.txt:2 route_id',
      'foreign_key_violation translations.txt:2 record_id',
    ])
    expect(r.errors[1]).toMatchObject({ value: 'R9', message: 'route_id "R9" has no match in route_id of routes.txt' })
  })

  it('times and distances that go back along a trip', async () => {
    const r = await validateGtfs(
      feed({
        ...edit('stop_times.txt', { 3: 'T1,05:50:00,05:55:00,S2,2,1.5', 4: 'T1,06:20:00,06:20:00,S3,3,1.5' }),
      }),
    )
    expect(notices(r)).toEqual([
      'stop_time_with_arrival_before_previous_departure_time stop_times.txt:3 arrival_time',
      'decreasing_or_equal_stop_time_distance stop_times.txt:4 shape_dist_traveled',
    ])
  })

  it('unusable_trip (warning) and missing_trip_edge', async () => {
    const r = await validateGtfs(
      feed({
        ...append('trips.txt', 'R1,WK,T3,', 'R1,WK,T4,'),
        // T2 loses the times of its last stop; T3 gets one stop time, T4 none.
        ...edit('stop_times.txt', { 7: 'T2,,,S1,7,', 8: 'T3,07:00:00,07:00:00,S1,1,' }),
      }),
    )
    expect(notices(r)).toEqual(['missing_trip_edge stop_times.txt:7 departure_time', 'unusable_trip trips.txt:4 trip_id', 'unusable_trip trips.txt:5 trip_id'])
    expect(r.errors.map((e) => e.severity)).toEqual(['error', 'warning', 'warning'])
    expect(r.errors.map((e) => e.message)).toEqual([
      'the last stop of trip "T2" lacks an arrival_time or departure_time',
      'trip "T3" has 1 stop time; a trip needs at least two stops to be usable',
      'trip "T4" has 0 stop times; a trip needs at least two stops to be usable',
    ])
  })

  it('service_never_active and expired_calendar (warnings, against feed_start_date or `today`)', async () => {
    const dir = feed(append('calendar.txt', 'NEVER,0,0,0,0,0,0,0,20260601,20261231', 'OLD,1,1,1,1,1,1,1,20250101,20250131'))
    const r = await validateGtfs(dir)
    expect(notices(r)).toEqual(['service_never_active calendar.txt:3 service_id', 'expired_calendar calendar.txt:4 service_id'])
    expect(r.valid).toBe(true)
    expect(r.severities).toEqual({ error: 0, warning: 2, info: 0 })
    const later = await validateGtfs(feed(), { today: '20270101' })
    expect(notices(later)).toEqual(['expired_calendar calendar.txt:2 service_id', 'expired_calendar calendar_dates.txt:3 service_id'])
    const noInfo = await validateGtfs(feed({ 'feed_info.txt': null, 'translations.txt': null, ...append('calendar.txt', 'OLD,1,1,1,1,1,1,1,20250101,20250131') }))
    expect(notices(noInfo)).toEqual([])
  })

  it('unknown_file (info) and empty_file', async () => {
    const r = await validateGtfs(feed({ 'notes.txt': 'hello\n', 'frequencies.txt': '' }))
    expect(notices(r)).toEqual(['unknown_file notes.txt:', 'empty_file frequencies.txt:'])
    expect(r.errors.map((e) => e.severity)).toEqual(['info', 'error'])
  })

  it('gtfs: collects every notice of a feed broken in many ways, and --max-errors style truncation keeps the counts', async () => {
    const dir = feed({
      ...edit('agency.txt', { 2: 'A,,example.org,Asia/Kolkata' }),
      ...edit('stops.txt', { 4: 'S2,Two,190,72.95,Z1,,' }),
      ...append('stop_times.txt', 'T9,07:00:00,07:00:00,S1,1,'),
    })
    const all = await validateGtfs(dir)
    expect(all.counts).toMatchObject({ missing_required_field: 1, invalid_url: 1, number_out_of_range: 1, foreign_key_violation: 1 })
    const few = await validateGtfs(dir, { maxErrors: 2 })
    expect(few.errors).toHaveLength(2)
    expect(few.truncated).toBe(true)
    expect(few.severities.error).toBe(4)
  })

  it('gtfs: rows are physical lines, with CRLF, a BOM and blank lines', async () => {
    const text = '\uFEFFstop_id,stop_name,stop_lat,stop_lon,zone_id,location_type,parent_station\r\nST,Station,19.1,72.9,Z1,1,\r\n\r\nS1,One,19.1,72.9,Z1,,ST\r\nS2,Two,91,72.95,Z1,,\r\nS3,Three,19.3,72.96,Z2,,\r\n'
    const r = await validateGtfs(feed({ 'stops.txt': text }))
    expect(notices(r)).toEqual(['number_out_of_range stops.txt:5 stop_lat'])
  })

  it('gtfs: a trip whose stop times are listed out of order is not flagged, and its edges are found by stop_sequence', async () => {
    const reversed = edit('stop_times.txt', { 5: 'T2,25:10:00,25:10:00,S1,7,', 6: 'T2,,,S2,5,', 7: 'T2,24:50:00,24:50:00,S3,1,' })
    expect(notices(await validateGtfs(feed(reversed)))).toEqual([])
    const edgeless = edit('stop_times.txt', { 5: 'T2,25:10:00,25:10:00,S1,7,', 6: 'T2,,,S2,5,', 7: 'T2,,,S3,1,' })
    expect(notices(await validateGtfs(feed(edgeless)))).toEqual(['missing_trip_edge stop_times.txt:7 arrival_time'])
  })

  it('gtfs: extended route types are accepted; words where numbers belong are invalid_integer / invalid_float', async () => {
    const r = await validateGtfs(
      feed({
        ...edit('routes.txt', { 2: 'R1,A,1,,700,D32F2F' }),
        ...edit('stops.txt', { 4: 'S2,Two,north,72.95,Z1,,' }),
        ...edit('stop_times.txt', { 3: 'T1,06:10:00,06:11:00,S2,two,1.5' }),
      }),
    )
    expect(notices(r)).toEqual(['invalid_float stops.txt:4 stop_lat', 'invalid_integer stop_times.txt:3 stop_sequence'])
  })

  it('gtfs: trips listed out of order get a second pass in stop_sequence order: times going back, a repeated stop_sequence far apart', async () => {
    const back = edit('stop_times.txt', { 3: 'T1,06:20:00,06:20:00,S3,3,3', 4: 'T1,06:25:00,06:25:00,S2,2,1.5' })
    expect(notices(await validateGtfs(feed(back)))).toEqual(['stop_time_with_arrival_before_previous_departure_time stop_times.txt:3 arrival_time'])
    const twice = await validateGtfs(feed(append('stop_times.txt', 'T1,06:11:00,06:11:00,S2,2,1.5')))
    expect(notices(twice)).toEqual(['duplicate_key stop_times.txt:8 trip_id, stop_sequence'])
    expect(twice.errors[0]?.message).toBe('trip "T1" has stop_sequence 2 twice (also on line 3)')
  })
})
