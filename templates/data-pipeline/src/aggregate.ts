import { aqiCategory, averagesFrom, computeAqi, type Pollutant, type TimedValue } from '@thanekit/sdk'
import type { SensorsExport } from './load.js'

/** Days are calendar days in India Standard Time (UTC+05:30), where Thane's readings are taken. */
export const UTC_OFFSET_MINUTES = 330
const DAY_MS = 24 * 3_600_000
const OFFSET_MS = UTC_OFFSET_MINUTES * 60_000

/** One station's AQI for one day: CPCB's averaging over the day's 24 hours. */
export interface StationDay {
  date: string
  stationId: number
  stationName: string
  ward: string
  aqi: number | null
  dominant: Pollutant[]
}

/** One ward's AQI for one day: that of its worst station (see README). */
export interface WardDay {
  date: string
  ward: string
  aqi: number | null
  category: string | null
  dominant: Pollutant[]
  /** How many of the ward's stations had enough data that day. */
  stationsReporting: number
  /** The station that set the ward's AQI. */
  worstStation: string | null
}

/** `YYYY-MM-DD` of an instant, in local time. */
function localDate(time: number): string {
  return new Date(time + OFFSET_MS).toISOString().slice(0, 10)
}

/** The end of a local day: the next midnight, as CPCB's "24 hours before" window ends there. */
function endOfDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + DAY_MS
}

/** The AQI of every station for every day with readings. Readings at midnight count for the day they end. */
export function dailyStationAqi(data: SensorsExport): StationDay[] {
  const days = new Set<string>()
  for (const readings of data.series.values()) for (const list of readings.values()) for (const r of list) days.add(localDate(r.time))
  const result: StationDay[] = []
  for (const station of data.stations) {
    // Readings grouped by the day whose (00:00, 24:00] window holds them, so each day reads only its own.
    const byDay = new Map<string, Partial<Record<Pollutant, TimedValue[]>>>()
    for (const [pollutant, list] of data.series.get(station.id) ?? []) {
      for (const { time, value } of list) {
        const day = localDate(time - 1)
        const bucket = byDay.get(day) ?? {}
        byDay.set(day, bucket)
        ;(bucket[pollutant] ??= []).push({ phenomenonTime: time, result: value })
      }
    }
    for (const date of [...days].sort()) {
      const { averages } = averagesFrom(byDay.get(date) ?? {}, endOfDay(date))
      const { aqi, dominant } = computeAqi(averages)
      result.push({ date, stationId: station.id, stationName: station.name, ward: station.ward, aqi, dominant })
    }
  }
  return result
}

/** Each ward's daily AQI: the highest of its stations' (a ward breathes its worst monitored air). */
export function dailyWardAqi(stationDays: StationDay[]): WardDay[] {
  const groups = new Map<string, StationDay[]>()
  for (const day of stationDays) {
    const key = `${day.date}\u0000${day.ward}`
    groups.set(key, [...(groups.get(key) ?? []), day])
  }
  const wardDays: WardDay[] = []
  for (const days of groups.values()) {
    const { date, ward } = days[0]!
    const reporting = days.filter((d) => d.aqi !== null)
    const worst = reporting.reduce<StationDay | undefined>((a, b) => (a === undefined || b.aqi! > a.aqi! ? b : a), undefined)
    wardDays.push({
      date,
      ward,
      aqi: worst?.aqi ?? null,
      category: worst ? aqiCategory(worst.aqi!).name : null,
      dominant: worst?.dominant ?? [],
      stationsReporting: reporting.length,
      worstStation: worst?.stationName ?? null,
    })
  }
  return wardDays.sort((a, b) => a.date.localeCompare(b.date) || a.ward.localeCompare(b.ward))
}
