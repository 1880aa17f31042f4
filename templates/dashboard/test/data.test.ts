import { AQI_CATEGORIES, type Departure, type Station, type StationAqi } from '@thanekit/sdk'
import { describe, expect, it } from 'vitest'
import { airCard, byUrgency, checkGrievance, departureRow, departureStatus, gaugeStatus, gaugeView, readableTextOn } from '../src/data.js'

const station = (props: Record<string, unknown>, name = 'Naupada air quality monitoring station'): Station =>
  ({ id: '7', name, description: '', properties: props, kind: String(props.kind), ward: 'Naupada-Kopri', coordinates: { lat: 19.19, lon: 72.97 } }) as Station

describe('air cards', () => {
  it('paints a card in the colour of its CPCB category, with readable text and the dominant pollutant', () => {
    const poor = AQI_CATEGORIES.find((c) => c.name === 'Poor')!
    const card = airCard(station({ kind: 'air-quality' }), { aqi: 245, category: poor, dominant: ['pm10'], subIndices: [] } as unknown as StationAqi)
    expect(card).toMatchObject({ name: 'Naupada', ward: 'Naupada-Kopri', aqi: 245, category: 'Poor', color: poor.color, dominant: ['PM10'] })
    expect(card.textColor).toBe(readableTextOn(poor.color))
  })

  it('shows "No AQI" in grey with the reason when the data is not enough', () => {
    const card = airCard(station({ kind: 'air-quality' }), { aqi: null, category: null, dominant: [], subIndices: [], reason: 'fewer than 3 pollutants' } as unknown as StationAqi)
    expect(card).toMatchObject({ aqi: null, category: 'No AQI', color: '#9e9e9e', reason: 'fewer than 3 pollutants' })
  })

  it('readableTextOn: black on light colours, white on dark ones', () => {
    expect(readableTextOn('#ffff00')).toBe('#000000')
    expect(readableTextOn('#00b050')).toBe('#000000')
    expect(readableTextOn('#7030a0')).toBe('#ffffff')
    expect(readableTextOn('#c00000')).toBe('#ffffff')
  })
})

describe('flood gauges', () => {
  it('gaugeStatus: normal up to the threshold, above it, then danger at the danger level', () => {
    expect(gaugeStatus(3.8, 3.8, 4.3)).toBe('normal')
    expect(gaugeStatus(3.81, 3.8, 4.3)).toBe('above threshold')
    expect(gaugeStatus(4.3, 3.8, 4.3)).toBe('danger')
    expect(gaugeStatus(null, 3.8, 4.3)).toBe('no data')
  })

  it('gaugeView: reads threshold and danger from the Thing, and fills the bar as a share of danger, capped at 100', () => {
    const gauge = station({ kind: 'flood-gauge', threshold_m: 3.8, danger_m: 4.3, water_body: 'Thane Creek' }, 'Kopri bridge flood gauge')
    expect(gaugeView(gauge, 2.15, '2026-07-14T03:30:00Z')).toMatchObject({ name: 'Kopri bridge', waterBody: 'Thane Creek', thresholdM: 3.8, dangerM: 4.3, fillPercent: 50, status: 'normal' })
    expect(gaugeView(gauge, 5, null).fillPercent).toBe(100)
  })

  it('byUrgency: danger first, then above threshold, normal, no data', () => {
    const gauge = station({ kind: 'flood-gauge', threshold_m: 1, danger_m: 2 })
    const views = [gaugeView(gauge, null, null), gaugeView(gauge, 0.5, null), gaugeView(gauge, 2.5, null), gaugeView(gauge, 1.5, null)]
    expect(byUrgency(views).map((v) => v.status)).toEqual(['danger', 'above threshold', 'normal', 'no data'])
  })
})

describe('departures', () => {
  const base = { cancelled: false, skipped: false, realtime: true, delaySeconds: 0 }
  it('departureStatus: on time, late, early, scheduled, cancelled, skipped', () => {
    expect(departureStatus(base)).toBe('on time')
    expect(departureStatus({ ...base, delaySeconds: 190 })).toBe('3 min late')
    expect(departureStatus({ ...base, delaySeconds: -120 })).toBe('2 min early')
    expect(departureStatus({ ...base, realtime: false, delaySeconds: undefined })).toBe('scheduled')
    expect(departureStatus({ ...base, cancelled: true })).toBe('cancelled')
    expect(departureStatus({ ...base, cancelled: true, skipped: true })).toBe('skips this stop')
  })

  it('departureRow: the predicted time in the city time zone', () => {
    const d = { ...base, routeShortName: '61', headsign: 'Vasant Vihar', scheduled: new Date('2026-07-14T03:30:00Z'), predicted: new Date('2026-07-14T03:33:00Z'), delaySeconds: 180 } as Departure
    expect(departureRow(d, 'Asia/Kolkata')).toEqual({ route: '61', headsign: 'Vasant Vihar', leaves: '09:03', status: '3 min late' })
  })
})

describe('grievance form', () => {
  const good = { serviceCode: 'pothole', description: 'Deep pothole near the bus stop', lat: 19.186, lon: 72.975 }
  it('accepts a complete form in Thane', () => {
    expect(checkGrievance(good)).toEqual({})
  })
  it('names every field at fault', () => {
    expect(Object.keys(checkGrievance({ ...good, serviceCode: '', description: 'short', lat: 28.6, lon: Number.NaN })).sort()).toEqual(['description', 'lat', 'lon', 'serviceCode'])
    expect(checkGrievance({ ...good, description: 'x'.repeat(4001) }).description).toBe('Keep the description under 4,000 characters.')
  })
})
