// The dashboard's data logic: plain functions from SDK results to what the page shows.
// Shared by the dev server (server/api.ts) and the browser (src/main.ts), so it imports SDK types only.
import type { Departure, Station, StationAqi } from '@thanekit/sdk'

/** One air-quality card: the station's CPCB National AQI and the category colour to paint it. */
export interface AirCard {
  stationId: string
  name: string
  ward: string
  aqi: number | null
  /** CPCB category (Good, Satisfactory, ...), or "No AQI" when the data is not enough. */
  category: string
  /** Background colour: the category's CPCB colour, grey without an AQI. */
  color: string
  /** Black or white, whichever reads better on `color`. */
  textColor: string
  /** The pollutants that set the AQI, e.g. ["PM2.5"]. */
  dominant: string[]
  /** Why there is no AQI, when there is none. */
  reason?: string
}

export type GaugeStatus = 'normal' | 'above threshold' | 'danger' | 'no data'

/** One flood gauge: its latest water level against its warning threshold and danger level. */
export interface GaugeView {
  stationId: string
  name: string
  ward: string
  waterBody: string
  levelM: number | null
  thresholdM: number
  dangerM: number
  status: GaugeStatus
  /** How full the bar is drawn: the level as a share of the danger level, 0 to 100. */
  fillPercent: number
  observedAt: string | null
}

/** One row of the departures board. */
export interface DepartureRow {
  route: string
  headsign: string
  /** HH:MM in the city's time zone (predicted when there is a prediction). */
  leaves: string
  /** "on time", "3 min late", "scheduled", "cancelled", ... */
  status: string
}

/** What the grievance form sends to the dev server. */
export interface GrievanceForm {
  serviceCode: string
  description: string
  lat: number
  lon: number
}

const NO_AQI_COLOR = '#9e9e9e'
const POLLUTANT_LABELS: Record<string, string> = { pm25: 'PM2.5', pm10: 'PM10', no2: 'NO₂', so2: 'SO₂', co: 'CO', o3: 'O₃', nh3: 'NH₃', pb: 'Pb' }

/** A station name without the suffix every air station shares. */
export function shortName(name: string): string {
  return name.replace(/ (air quality monitoring station|flood gauge)$/i, '')
}

export function airCard(station: Station, result: StationAqi): AirCard {
  const color = result.category?.color ?? NO_AQI_COLOR
  return {
    stationId: station.id,
    name: shortName(station.name),
    ward: station.ward ?? '',
    aqi: result.aqi,
    category: result.category?.name ?? 'No AQI',
    color,
    textColor: readableTextOn(color),
    dominant: result.dominant.map((p) => POLLUTANT_LABELS[p] ?? p),
    ...(result.aqi === null && result.reason ? { reason: result.reason } : {}),
  }
}

/** Black or white text for a `#rrggbb` background, by its relative luminance (WCAG). */
export function readableTextOn(hex: string): '#000000' | '#ffffff' {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) return '#000000'
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  // Contrast with black beats contrast with white above this luminance.
  return luminance > 0.179 ? '#000000' : '#ffffff'
}

export function gaugeStatus(levelM: number | null, thresholdM: number, dangerM: number): GaugeStatus {
  if (levelM === null) return 'no data'
  if (levelM >= dangerM) return 'danger'
  if (levelM > thresholdM) return 'above threshold'
  return 'normal'
}

export function gaugeView(station: Station, levelM: number | null, observedAt: string | null): GaugeView {
  const props = station.properties ?? {}
  const thresholdM = Number(props.threshold_m)
  const dangerM = Number(props.danger_m ?? thresholdM)
  const fill = levelM === null || !(dangerM > 0) ? 0 : (levelM / dangerM) * 100
  return {
    stationId: station.id,
    name: shortName(station.name),
    ward: station.ward ?? '',
    waterBody: typeof props.water_body === 'string' ? props.water_body : '',
    levelM,
    thresholdM,
    dangerM,
    status: gaugeStatus(levelM, thresholdM, dangerM),
    fillPercent: Math.round(Math.min(100, Math.max(0, fill))),
    observedAt,
  }
}

/** Most urgent first, so a gauge in danger is never below the fold. */
export function byUrgency(gauges: GaugeView[]): GaugeView[] {
  const rank: Record<GaugeStatus, number> = { danger: 0, 'above threshold': 1, normal: 2, 'no data': 3 }
  return [...gauges].sort((a, b) => rank[a.status] - rank[b.status] || a.name.localeCompare(b.name))
}

export function departureRow(d: Departure, timeZone: string): DepartureRow {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false })
  return { route: d.routeShortName, headsign: d.headsign, leaves: clock.format(d.predicted ?? d.scheduled), status: departureStatus(d) }
}

export function departureStatus(d: Pick<Departure, 'cancelled' | 'skipped' | 'realtime' | 'delaySeconds'>): string {
  if (d.cancelled) return d.skipped ? 'skips this stop' : 'cancelled'
  if (!d.realtime || d.delaySeconds === undefined) return 'scheduled'
  const minutes = Math.round(d.delaySeconds / 60)
  return minutes === 0 ? 'on time' : minutes > 0 ? `${minutes} min late` : `${-minutes} min early`
}

// Roughly the Thane Municipal Corporation area, so a typo in a coordinate is caught before filing.
export const THANE_BOUNDS = { minLat: 19.1, maxLat: 19.35, minLon: 72.9, maxLon: 73.1 } as const

/** Checks the grievance form; returns a message per field at fault (empty when it can be sent). */
export function checkGrievance(form: Partial<GrievanceForm>): Partial<Record<keyof GrievanceForm, string>> {
  const errors: Partial<Record<keyof GrievanceForm, string>> = {}
  if (!form.serviceCode) errors.serviceCode = 'Choose what the problem is about.'
  const description = form.description?.trim() ?? ''
  if (description.length < 10) errors.description = 'Describe the problem in at least 10 characters.'
  else if (description.length > 4000) errors.description = 'Keep the description under 4,000 characters.'
  const { lat, lon } = form
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < THANE_BOUNDS.minLat || lat > THANE_BOUNDS.maxLat) {
    errors.lat = `Latitude must be in Thane (${THANE_BOUNDS.minLat} to ${THANE_BOUNDS.maxLat}).`
  }
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < THANE_BOUNDS.minLon || lon > THANE_BOUNDS.maxLon) {
    errors.lon = `Longitude must be in Thane (${THANE_BOUNDS.minLon} to ${THANE_BOUNDS.maxLon}).`
  }
  return errors
}
