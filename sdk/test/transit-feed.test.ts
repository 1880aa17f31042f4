import { beforeAll, describe, expect, it } from 'vitest'
import { GtfsFeed, InputError, loadGtfs, type Departure } from '../src/index.js'
import { MINI_FEED, miniZip } from './fixtures/transit/feeds.js'

// The mini feed (sdk/test/fixtures/transit/mini), Asia/Kolkata. 14 July 2026 is a Tuesday.
//   WK: Mon–Fri 1–31 July; removed Wed 15 July; added Sun 19 July.  SU: Sundays.  EXTRA: only Sat 18 July.
//   T1 (WK) S1 08:00 → S2 08:05 → S3 08:10 → S4 08:20 → S5 08:25
//   T2 (WK) S1 09:00 → S2 (no time: 09:05 interpolated) → S3 09:10 → S4 → S5; sequences 10..50
//   T3 (WK) S1 24:50 → S2 25:00 → S3 25:10 → S4 25:20 → S5 25:25   (after midnight, the day before's service)
//   T4 (EXTRA) S1 10:00 → S5;  T5 (SU) S1 10:00 (stop headsign "Majiwada only") → S4
//   T6 (WK) template S1 06:00 → S2 06:04 → S6 06:12, every 900 s 06:00–07:00, exact_times=0
//   T7 (WK) template S2 07:00 → S3 07:05 → S6 07:10, every 600 s 07:00–07:25, exact_times=1
const ist = (local: string) => new Date(`${local}+05:30`)
const brief = (ds: Departure[]) => ds.map((d) => `${d.tripId} ${d.serviceDate} ${d.scheduled.toISOString()}`)

let feed: GtfsFeed
beforeAll(async () => {
  feed = await loadGtfs(miniZip())
})

describe('loadGtfs', () => {
  it('loadGtfs: reads the same feed from a zip and from a folder', async () => {
    const fromFolder = await loadGtfs(MINI_FEED)
    expect(fromFolder.counts).toEqual({ agencies: 1, stops: 6, routes: 3, trips: 7, stopTimes: 25, services: 3 })
    expect(feed.counts).toEqual(fromFolder.counts)
    expect(feed.timezone).toBe('Asia/Kolkata')
    expect(feed.feedInfo?.feed_version).toBe('mini-1')
  })

  it('loadGtfs: maps rows to camelCase, with GTFS defaults and the BOM stripped', () => {
    expect(feed.stop('S1')).toEqual({
      stopId: 'S1',
      stopCode: '101',
      name: 'Thane Station (Satis)',
      nameMr: 'ठाणे स्थानक',
      lat: 19.186,
      lon: 72.975,
      locationType: 0,
      parentStation: undefined,
      zoneId: undefined,
      wheelchairBoarding: 0,
      platformCode: undefined,
    })
    expect(feed.route('R1')).toMatchObject({ routeId: 'R1', agencyId: 'TMT', shortName: '1', type: 3, color: 'FFFFFF', textColor: '000000', sortOrder: 1 })
    expect(feed.trip('T6')).toMatchObject({ tripId: 'T6', routeId: 'R2', serviceId: 'WK', headsign: 'Kopri', directionId: 0, frequencyBased: true })
  })

  it('loadGtfs: interpolates a stop time the feed leaves empty and accepts H:MM:SS', () => {
    expect(feed.stopTimes('T2').map((st) => [st.stopId, st.stopSequence, st.departureSeconds, st.timed])).toEqual([
      ['S1', 10, 9 * 3600, true],
      ['S2', 20, 9 * 3600 + 300, false],
      ['S3', 30, 9 * 3600 + 600, true],
      ['S4', 40, 9 * 3600 + 1200, true],
      ['S5', 50, 9 * 3600 + 1500, true],
    ])
  })

  it('loadGtfs: sorts stop times given out of order by trip and stop_sequence', async () => {
    const shuffled = await loadGtfs(miniZip({ 'stop_times.txt': (text) => {
      const [header, ...rows] = text.trim().split('\n')
      return [header, ...rows.reverse()].join('\n')
    } }))
    expect(shuffled.stopTimes('T1').map((st) => st.stopId)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5'])
    expect(brief(shuffled.departures('S1', { at: ist('2026-07-14T07:55'), limit: 3 }))).toEqual(brief(feed.departures('S1', { at: ist('2026-07-14T07:55'), limit: 3 })))
  })

  it('routes and trips: routes by route_sort_order, the trips of one route, InputError for an unknown route', () => {
    expect(feed.routes().map((r) => r.routeId)).toEqual(['R1', 'R2', 'R3'])
    expect(feed.trips('R1').map((t) => t.tripId)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5'])
    expect(() => feed.trips('R9')).toThrow(InputError)
    expect(() => feed.trips('R9')).toThrow('route "R9" is not in the GTFS feed')
  })
})

describe('service calendar', () => {
  it('isServiceActive: weekday flags within the dates, a removed date, an added date, a calendar_dates-only service', () => {
    expect(feed.isServiceActive('WK', '20260714')).toBe(true) // Tuesday
    expect(feed.isServiceActive('WK', '20260715')).toBe(false) // removed
    expect(feed.isServiceActive('WK', '20260718')).toBe(false) // Saturday
    expect(feed.isServiceActive('WK', '20260719')).toBe(true) // added Sunday
    expect(feed.isServiceActive('WK', '20260731')).toBe(true) // last day (end_date is inclusive)
    expect(feed.isServiceActive('WK', '20260803')).toBe(false) // a Monday after end_date
    expect(feed.isServiceActive('WK', '20260630')).toBe(false) // a Tuesday before start_date
    expect(feed.servicesOn('20260718')).toEqual(['EXTRA'])
    expect(feed.servicesOn('20260719')).toEqual(['WK', 'SU'])
  })

  it('isServiceActive: a removal wins over an addition of the same date', async () => {
    const both = await loadGtfs(miniZip({ 'calendar_dates.txt': (text) => `${text}WK,20260720,2\nWK,20260720,1\n` }))
    expect(both.isServiceActive('WK', '20260720')).toBe(false)
  })
})

describe('departures', () => {
  it('departures: the next trips in time order, limited, through midnight into the previous service day', () => {
    const ds = feed.departures('S1', { at: ist('2026-07-14T07:55'), limit: 3 })
    expect(brief(ds)).toEqual(['T1 20260714 2026-07-14T02:30:00.000Z', 'T2 20260714 2026-07-14T03:30:00.000Z', 'T3 20260714 2026-07-14T19:20:00.000Z'])
    expect(ds[0]).toEqual({
      tripId: 'T1',
      routeId: 'R1',
      routeShortName: '1',
      headsign: 'Kapurbawdi',
      stopId: 'S1',
      stopSequence: 1,
      serviceDate: '20260714',
      scheduled: ist('2026-07-14T08:00'),
      predicted: undefined,
      delaySeconds: undefined,
      realtime: false,
      cancelled: false,
      skipped: false,
      frequencyBased: false,
    })
    expect(feed.departures('S1', { at: ist('2026-07-14T07:55'), limit: 1 })).toHaveLength(1)
  })

  it('departures: a 25:10:00 trip at 01:00 on Wednesday belongs to Tuesday, the day before', () => {
    const [d] = feed.departures('S3', { at: '2026-07-15T01:00+05:30', limit: 1 })
    expect(d).toMatchObject({ tripId: 'T3', serviceDate: '20260714', scheduled: ist('2026-07-15T01:10') })
  })

  it('departures: none on a removed date, and the next service day follows', () => {
    const ds = feed.departures('S1', { at: ist('2026-07-15T07:00'), limit: 2 })
    expect(ds.map((d) => [d.tripId, d.serviceDate, d.startTime])).toEqual([
      ['T6', '20260716', '06:00:00'],
      ['T6', '20260716', '06:15:00'],
    ])
  })

  it('departures: an added date, a Sunday service and a stop headsign', () => {
    const ds = feed.departures('S1', { at: ist('2026-07-19T07:55'), limit: 3 })
    expect(ds.map((d) => [d.tripId, d.serviceDate, d.headsign])).toEqual([
      ['T1', '20260719', 'Kapurbawdi'],
      ['T2', '20260719', 'Kapurbawdi'],
      ['T5', '20260719', 'Majiwada only'],
    ])
  })

  it('departures: a service that exists only in calendar_dates.txt runs on its date', () => {
    expect(brief(feed.departures('S1', { at: ist('2026-07-18T07:00'), limit: 1 }))).toEqual(['T4 20260718 2026-07-18T04:30:00.000Z'])
  })

  it('departures: the last day of a calendar runs, the day after it does not', () => {
    expect(feed.departures('S1', { at: ist('2026-07-31T07:55'), limit: 1 })[0]).toMatchObject({ tripId: 'T1', serviceDate: '20260731' })
    expect(feed.departures('S1', { at: ist('2026-08-03T07:55') })).toEqual([])
  })

  it('departures: frequency trips from their template offsets, exact_times=0 and 1, end_time excluded', () => {
    const ds = feed.departures('S2', { at: ist('2026-07-14T06:10'), limit: 7 })
    expect(ds.map((d) => [d.tripId, d.scheduled.toISOString().slice(11, 16), d.startTime, d.frequencyBased])).toEqual([
      ['T6', '00:49', '06:15:00', true], // 06:19 IST: run 06:15 + 4 min
      ['T6', '01:04', '06:30:00', true],
      ['T6', '01:19', '06:45:00', true], // the 07:00 run is not: end_time is exclusive
      ['T7', '01:30', '07:00:00', true],
      ['T7', '01:40', '07:10:00', true],
      ['T7', '01:50', '07:20:00', true],
      ['T1', '02:35', undefined, false],
    ])
    const mid = feed.departures('S3', { at: ist('2026-07-14T07:06'), limit: 2 })
    expect(mid.map((d) => d.scheduled.getTime())).toEqual([ist('2026-07-14T07:15').getTime(), ist('2026-07-14T07:25').getTime()])
    expect(feed.frequencies('T7')).toEqual([{ tripId: 'T7', startSeconds: 25200, endSeconds: 26700, headwaySecs: 600, exactTimes: true }])
  })

  it('departures: the last stop of a trip is not a departure', () => {
    expect(feed.departures('S5', { at: ist('2026-07-14T00:00') })).toEqual([])
  })

  it('departures: rejects an unknown stop, a bad limit and a bad date with InputError', () => {
    expect(() => feed.departures('S99')).toThrow('stop "S99" is not in the GTFS feed')
    expect(() => feed.departures('S1', { limit: 0 })).toThrow('limit must be a whole number of 1 or more, not 0')
    expect(() => feed.departures('S1', { at: 'tomorrow' })).toThrow('at must be a Date or a date-time such as 2026-07-14T09:00+05:30, not "tomorrow"')
  })

  it('departures: service days follow agency_timezone, not a fixed +05:30', async () => {
    const tokyo = await loadGtfs(miniZip({ 'agency.txt': (text) => text.replace('Asia/Kolkata', 'Asia/Tokyo') }))
    const [d] = tokyo.departures('S1', { at: new Date('2026-07-14T07:55+09:00'), limit: 1 })
    expect(d?.scheduled).toEqual(new Date('2026-07-14T08:00+09:00'))
  })
})

describe('stops', () => {
  it('stopsNear: stops within the radius, nearest first, with distances in metres', () => {
    const near = feed.stopsNear({ lat: 19.1862, lon: 72.9752 }, 1000)
    expect(near.map((s) => [s.stopId, s.distanceMetres])).toEqual([
      // By hand: dlat 0.0002° = 22.2 m, dlon 0.0002° × cos 19.19° = 21.0 m → 30.6 m.
      ['S1', 31],
      ['S6', 798],
      ['S2', 845],
    ])
    expect(feed.stopsNear({ lat: 19.1862, lon: 72.9752 }, 10)).toEqual([])
    expect(() => feed.stopsNear({ lat: 95, lon: 72 }, 10)).toThrow('lat must be a latitude between -90 and 90, not 95')
  })

  it('searchStops: case- and accent-insensitive on names, codes and Marathi names; exact and prefix first', () => {
    expect(feed.searchStops('kopri').map((s) => s.stopId)).toEqual(['S6'])
    expect(feed.searchStops('104').map((s) => s.stopId)).toEqual(['S4'])
    expect(feed.searchStops('ठाणे').map((s) => s.stopId)).toEqual(['S1'])
    expect(feed.searchStops('माजिवडा')[0]?.stopId).toBe('S4')
    // "thane station (satis)" starts with "th"; "teen hath naka" only contains it.
    expect(feed.searchStops('TH').map((s) => s.stopId)).toEqual(['S1', 'S2'])
    expect(feed.searchStops('majiwada').map((s) => s.stopId)).toEqual(['S4'])
    expect(feed.stop('S4')?.nameMr).toBe('माजिवडा') // mr, not the hi translation
  })

  it('searchStops: reads Marathi names from the legacy translations.txt too', async () => {
    const legacy = await loadGtfs(miniZip({ 'translations.txt': 'trans_id,lang,translation\nTeen Hath Naka,mr,तीन हात नाका\nTeen Hath Naka,en,Teen Hath Naka\n' }))
    expect(legacy.stop('S2')?.nameMr).toBe('तीन हात नाका')
    expect(legacy.searchStops('तीन').map((s) => s.stopId)).toEqual(['S2'])
  })
})

describe('broken feeds', () => {
  const rejects = async (zip: Uint8Array, message: string) => {
    const load = loadGtfs(zip)
    await expect(load).rejects.toBeInstanceOf(InputError)
    await expect(load).rejects.toMatchObject({ code: 'E_INPUT', message })
  }

  it('loadGtfs: rejects a feed without a required file', async () => {
    await rejects(miniZip({ 'stop_times.txt': null }), 'the GTFS feed has no stop_times.txt (a required file)')
    await rejects(miniZip({ 'calendar.txt': null, 'calendar_dates.txt': null }), 'the GTFS feed has neither calendar.txt nor calendar_dates.txt (one of them is required)')
  })

  it('loadGtfs: a calendar_dates.txt-only feed is fine', async () => {
    const only = await loadGtfs(miniZip({ 'calendar.txt': null, 'trips.txt': (text) => text.replace(/,(WK|SU),/g, ',EXTRA,') }))
    expect(only.servicesOn('20260718')).toEqual(['EXTRA'])
  })

  it('loadGtfs: rejects broken foreign keys, naming the file and row', async () => {
    await rejects(miniZip({ 'stop_times.txt': (text) => text.replace('T3,24:50:00,24:50:00,S1,', 'T3,24:50:00,24:50:00,S999,') }), 'stop_times.txt row 12: stop_id "S999" is not in stops.txt')
    await rejects(miniZip({ 'stop_times.txt': (text) => `${text}T9,10:00:00,10:00:00,S1,1,\n` }), 'stop_times.txt row 27: trip_id "T9" is not in trips.txt')
    await rejects(miniZip({ 'trips.txt': (text) => text.replace('R3,WK,T7', 'R4,WK,T7') }), 'trips.txt row 8: route_id "R4" is not in routes.txt')
    await rejects(miniZip({ 'trips.txt': (text) => text.replace('R1,SU,T5', 'R1,HOLIDAY,T5') }), 'trips.txt row 6: service_id "HOLIDAY" is not in calendar.txt or calendar_dates.txt')
    await rejects(miniZip({ 'routes.txt': (text) => text.replace('R2,TMT', 'R2,BEST') }), 'routes.txt row 3: agency_id "BEST" is not in agency.txt')
    await rejects(miniZip({ 'frequencies.txt': (text) => text.replace('T6,', 'T66,') }), 'frequencies.txt row 2: trip_id "T66" is not in trips.txt')
  })

  it('loadGtfs: rejects malformed values and missing columns, naming the file and row', async () => {
    await rejects(miniZip({ 'stop_times.txt': (text) => text.replace('08:20:00,08:20:00', '8h20,8h20') }), 'stop_times.txt row 5: arrival_time "8h20" is not a time (HH:MM:SS)')
    await rejects(miniZip({ 'stop_times.txt': (text) => text.replace('T1,08:25:00,08:25:00', 'T1,,') }), 'stop_times.txt row 6: the last stop of trip "T1" needs an arrival_time or departure_time')
    await rejects(miniZip({ 'stops.txt': (text) => text.replace('19.2000', 'north') }), 'stops.txt row 4: stop_lat "north" is not a latitude')
    await rejects(miniZip({ 'stops.txt': (text) => text.replace('S3,103', 'S1,103') }), 'stops.txt row 4: stop_id "S1" is already used in row 2')
    await rejects(miniZip({ 'calendar.txt': (text) => text.replace('20260731', '20260732') }), 'calendar.txt row 2: end_date "20260732" is not a date (YYYYMMDD)')
    await rejects(miniZip({ 'trips.txt': (text) => text.replace('service_id', 'service') }), 'trips.txt has no service_id column (a required field)')
    await rejects(miniZip({ 'agency.txt': (text) => text.replace('Asia/Kolkata', 'India/Thane') }), 'agency.txt row 2: agency_timezone "India/Thane" is not an IANA time zone such as Asia/Kolkata')
    await rejects(miniZip({ 'stop_times.txt': (text) => text.replace('T1,08:05:00,08:05:00,S2,2', 'T1,08:05:00,08:05:00,S2,1') }), 'stop_times.txt row 3: trip_id "T1" has stop_sequence 1 twice')
    await rejects(new TextEncoder().encode('not a zip'), 'the GTFS feed is not a readable zip file (invalid zip data)')
  })
})
