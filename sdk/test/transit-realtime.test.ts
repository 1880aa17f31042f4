import GtfsRealtimeBindings from 'gtfs-realtime-bindings'
import { beforeAll, describe, expect, it } from 'vitest'
import { decodeRealtime, InputError, loadGtfs, type GtfsFeed, type TripUpdate } from '../src/index.js'
import { miniZip } from './fixtures/transit/feeds.js'

const { transit_realtime } = GtfsRealtimeBindings
const ist = (local: string) => new Date(`${local}+05:30`)
const seconds = (d: Date) => d.getTime() / 1000
/** A uint64 the way protobufjs producers pass one: a Long-shaped { low, high, unsigned } object. */
const long = (n: number) => ({ low: n | 0, high: Math.floor(n / 2 ** 32), unsigned: true })
const encode = (message: object) => transit_realtime.FeedMessage.encode(transit_realtime.FeedMessage.create(message as never)).finish()

// T1 (mini feed, Tuesday 14 July 2026): S1 08:00 (seq 1) → S2 08:05 → S3 08:10 → S4 08:20 → S5 08:25.
let feed: GtfsFeed
beforeAll(async () => {
  feed = await loadGtfs(miniZip())
})

/** A TripUpdate as decodeRealtime gives it. */
function update(tripId: string, stopTimeUpdates: TripUpdate['stopTimeUpdates'], extra: Partial<TripUpdate> = {}): TripUpdate {
  return { entityId: `tu-${tripId}`, tripId, startDate: '20260714', scheduleRelationship: 'SCHEDULED', stopTimeUpdates, ...extra }
}
const at = ist('2026-07-14T07:00')
/** T1's departure from each of its boardable stops (S1..S4), joined with `updates`. */
function t1(updates: TripUpdate[]) {
  return ['S1', 'S2', 'S3', 'S4'].map((stop) => {
    const d = feed.departures(stop, { at, limit: 5, updates }).find((x) => x.tripId === 'T1')
    return d && { stop, delay: d.delaySeconds, predicted: d.predicted?.toISOString().slice(11, 16), realtime: d.realtime, cancelled: d.cancelled, skipped: d.skipped }
  })
}

describe('delays joined to departures', () => {
  it('departures: a delay at stop 3 shifts stops 3 and later, not 1 and 2', () => {
    expect(t1([update('T1', [{ stopSequence: 3, departure: { delay: 300 }, scheduleRelationship: 'SCHEDULED' }])])).toEqual([
      { stop: 'S1', delay: undefined, predicted: undefined, realtime: false, cancelled: false, skipped: false },
      { stop: 'S2', delay: undefined, predicted: undefined, realtime: false, cancelled: false, skipped: false },
      { stop: 'S3', delay: 300, predicted: '02:45', realtime: true, cancelled: false, skipped: false }, // 08:15 IST
      { stop: 'S4', delay: 300, predicted: '02:55', realtime: true, cancelled: false, skipped: false }, // 08:25 IST
    ])
  })

  it('departures: an absolute time wins over delay, and the next update replaces the propagated delay', () => {
    const ds = t1([
      update('T1', [
        { stopId: 'S2', departure: { time: ist('2026-07-14T08:07'), delay: 999 }, scheduleRelationship: 'SCHEDULED' },
        { stopSequence: 4, arrival: { delay: -60 }, scheduleRelationship: 'SCHEDULED' },
      ]),
    ])
    expect(ds.map((d) => d?.delay)).toEqual([undefined, 120, 120, -60])
  })

  it('departures: a SKIPPED stop is flagged and the delay passes over it', () => {
    const ds = t1([
      update('T1', [
        { stopSequence: 1, departure: { delay: 120 }, scheduleRelationship: 'SCHEDULED' },
        { stopSequence: 2, scheduleRelationship: 'SKIPPED' },
      ]),
    ])
    expect(ds.map((d) => [d?.delay, d?.cancelled, d?.skipped])).toEqual([
      [120, false, false],
      [undefined, true, true],
      [120, false, false],
      [120, false, false],
    ])
  })

  it('departures: NO_DATA leaves that stop and the next ones on the schedule', () => {
    const ds = t1([
      update('T1', [
        { stopSequence: 1, departure: { delay: 120 }, scheduleRelationship: 'SCHEDULED' },
        { stopSequence: 3, scheduleRelationship: 'NO_DATA' },
      ]),
    ])
    expect(ds.map((d) => [d?.delay, d?.realtime])).toEqual([
      [120, true],
      [120, true],
      [undefined, false],
      [undefined, false],
    ])
  })

  it('departures: a CANCELED trip is listed as cancelled; a DELETED one is left out', () => {
    const s1 = feed.departures('S1', { at: ist('2026-07-14T07:55'), limit: 3, updates: [update('T1', [], { scheduleRelationship: 'CANCELED' }), update('T2', [], { scheduleRelationship: 'DELETED' })] })
    expect(s1.map((d) => [d.tripId, d.cancelled, d.realtime])).toEqual([
      ['T1', true, true],
      ['T3', false, false],
    ])
  })

  it('departures: an update for another service day does not apply', () => {
    expect(t1([update('T1', [{ stopSequence: 1, departure: { delay: 300 }, scheduleRelationship: 'SCHEDULED' }], { startDate: '20260713' })])[0]?.delay).toBeUndefined()
  })

  it('departures: a late bus scheduled before `at` is still listed at its predicted time, in predicted order', () => {
    const updates = [update('T1', [{ stopSequence: 1, departure: { delay: 3600 + 600 }, scheduleRelationship: 'SCHEDULED' }])]
    const ds = feed.departures('S1', { at: ist('2026-07-14T08:05'), limit: 2, updates })
    expect(ds.map((d) => [d.tripId, d.predicted?.toISOString() ?? d.scheduled.toISOString()])).toEqual([
      ['T2', '2026-07-14T03:30:00.000Z'],
      ['T1', '2026-07-14T03:40:00.000Z'], // 08:00 + 70 min = 09:10 IST
    ])
  })

  it('departures: a frequency run is matched by its start_time', () => {
    const updates = [update('T7', [{ stopSequence: 1, departure: { delay: 90 }, scheduleRelationship: 'SCHEDULED' }], { startTime: '07:10:00' })]
    const ds = feed.departures('S2', { at: ist('2026-07-14T06:55'), limit: 3, updates }).filter((d) => d.tripId === 'T7')
    expect(ds.map((d) => [d.startTime, d.delaySeconds])).toEqual([
      ['07:00:00', undefined],
      ['07:10:00', 90],
      ['07:20:00', undefined],
    ])
  })
})

describe('decodeRealtime', () => {
  it('decodeRealtime: decodes a FeedMessage from another producer: Long timestamps, absent optional fields stay absent', () => {
    const bytes = encode({
      header: { gtfsRealtimeVersion: '2.0', timestamp: long(seconds(ist('2026-07-14T09:00'))) },
      entity: [
        {
          id: 'e1',
          tripUpdate: {
            trip: { tripId: 'T1', startDate: '20260714' },
            timestamp: long(seconds(ist('2026-07-14T08:59'))),
            stopTimeUpdate: [
              { stopSequence: 3, arrival: { delay: 300 } },
              { stopSequence: 4, departure: { time: long(seconds(ist('2026-07-14T08:26'))), uncertainty: 30 } },
              { stopSequence: 5, scheduleRelationship: transit_realtime.TripUpdate.StopTimeUpdate.ScheduleRelationship.SKIPPED },
            ],
          },
        },
        { id: 'e2', tripUpdate: { trip: { tripId: 'T2', scheduleRelationship: transit_realtime.TripDescriptor.ScheduleRelationship.CANCELED } } },
        { id: 'v1', vehicle: { position: { latitude: 19.2, longitude: 72.97 } } },
        {
          id: 'v2',
          vehicle: {
            vehicle: { id: 'MH-04-1234', label: 'Bus 12' },
            trip: { tripId: 'T1', routeId: 'R1' },
            position: { latitude: 19.19, longitude: 72.971, bearing: 45, speed: 8.5 },
            currentStatus: transit_realtime.VehiclePosition.VehicleStopStatus.STOPPED_AT,
            stopId: 'S2',
            timestamp: long(seconds(ist('2026-07-14T08:58'))),
          },
        },
      ],
    })
    const rt = decodeRealtime(bytes)

    expect(rt.header).toEqual({ gtfsRealtimeVersion: '2.0', incrementality: 'FULL_DATASET', timestamp: ist('2026-07-14T09:00'), feedVersion: undefined })
    expect(rt.tripUpdates).toEqual([
      {
        entityId: 'e1',
        tripId: 'T1',
        startDate: '20260714',
        scheduleRelationship: 'SCHEDULED',
        timestamp: ist('2026-07-14T08:59'),
        stopTimeUpdates: [
          { stopSequence: 3, arrival: { delay: 300 }, scheduleRelationship: 'SCHEDULED' },
          { stopSequence: 4, departure: { time: ist('2026-07-14T08:26'), uncertainty: 30 }, scheduleRelationship: 'SCHEDULED' },
          { stopSequence: 5, scheduleRelationship: 'SKIPPED' },
        ],
      },
      { entityId: 'e2', tripId: 'T2', scheduleRelationship: 'CANCELED', stopTimeUpdates: [] },
    ])
    // The proto2 default (IN_TRANSIT_TO) is not reported for a vehicle that did not send a status.
    expect(rt.vehicles[0]).toEqual({ entityId: 'v1', vehicleId: 'v1', lat: expect.closeTo(19.2, 5), lon: expect.closeTo(72.97, 5), timestamp: ist('2026-07-14T09:00') })
    expect(rt.vehicles[0]).not.toHaveProperty('currentStatus')
    expect(rt.vehicles[1]).toMatchObject({
      vehicleId: 'MH-04-1234',
      label: 'Bus 12',
      tripId: 'T1',
      routeId: 'R1',
      bearing: 45,
      speed: 8.5,
      currentStatus: 'STOPPED_AT',
      stopId: 'S2',
      timestamp: ist('2026-07-14T08:58'),
    })
    expect(typeof rt.tripUpdates[0]?.stopTimeUpdates[1]?.departure?.time?.getTime()).toBe('number')

    // Joined: stop 3 arrives 5 min late, stop 4 leaves at 08:26 (6 min late).
    const s4 = feed.departures('S4', { at, updates: rt.tripUpdates }).find((d) => d.tripId === 'T1')
    expect(s4).toMatchObject({ delaySeconds: 360, predicted: ist('2026-07-14T08:26'), realtime: true })
  })

  it('decodeRealtime: alerts take the en translation (or the first), keep every translation and the periods', () => {
    const text = (...t: [string, string?][]) => ({ translation: t.map(([s, language]) => (language ? { text: s, language } : { text: s })) })
    const rt = decodeRealtime(
      encode({
        header: { gtfsRealtimeVersion: '2.0' },
        entity: [
          {
            id: 'a1',
            alert: {
              activePeriod: [{ start: long(seconds(ist('2026-07-14T06:00'))), end: long(seconds(ist('2026-07-14T20:00'))) }, { start: long(seconds(ist('2026-07-15T06:00'))) }],
              informedEntity: [{ routeId: 'R1' }, { stopId: 'S3', agencyId: 'TMT' }, { trip: { tripId: 'T1' } }],
              cause: transit_realtime.Alert.Cause.WEATHER,
              effect: transit_realtime.Alert.Effect.DETOUR,
              headerText: text(['मार्ग बदल', 'mr'], ['Diversion at Cadbury Junction', 'en']),
              descriptionText: text(['Waterlogging; buses run via Service Road.', 'en']),
              url: text(['https://tmt.example/alerts/1']),
            },
          },
          { id: 'a2', alert: { informedEntity: [{ routeId: 'R2' }], headerText: text(['कोपरी पूल बंद', 'mr']) } },
        ],
      }),
    )
    expect(rt.alerts[0]).toEqual({
      id: 'a1',
      cause: 'WEATHER',
      effect: 'DETOUR',
      headerText: 'Diversion at Cadbury Junction',
      descriptionText: 'Waterlogging; buses run via Service Road.',
      url: 'https://tmt.example/alerts/1',
      headerTranslations: [
        { text: 'मार्ग बदल', language: 'mr' },
        { text: 'Diversion at Cadbury Junction', language: 'en' },
      ],
      descriptionTranslations: [{ text: 'Waterlogging; buses run via Service Road.', language: 'en' }],
      urlTranslations: [{ text: 'https://tmt.example/alerts/1' }],
      activePeriods: [{ start: ist('2026-07-14T06:00'), end: ist('2026-07-14T20:00') }, { start: ist('2026-07-15T06:00') }],
      informedEntities: [{ routeId: 'R1' }, { stopId: 'S3', agencyId: 'TMT' }, { tripId: 'T1' }],
    })
    expect(rt.alerts[1]).toMatchObject({ id: 'a2', headerText: 'कोपरी पूल बंद', descriptionText: '', activePeriods: [] })
    expect(rt.alerts[1]).not.toHaveProperty('cause')
  })

  it('decodeRealtime: rejects bytes that are not a FeedMessage with InputError', () => {
    expect(() => decodeRealtime(new Uint8Array([0x0a, 0x02, 0x08]))).toThrow(InputError)
    expect(() => decodeRealtime(new Uint8Array([0x0a, 0x02, 0x08]))).toThrow(/^the GTFS-Realtime feed is not a valid FeedMessage/)
  })
})
