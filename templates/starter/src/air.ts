import type { ThaneClient } from '@thanekit/sdk'
import { paint, table } from './format.js'

/** One station's National AQI (CPCB), as shown in the table. */
export interface StationAqiRow {
  id: string
  name: string
  ward: string
  aqi: number | null
  category: string
  color: string
  dominant: string[]
  /** Why there is no AQI, when there is none. */
  reason?: string
}

/** The AQI of every air-quality station, in the order the API lists them. */
export async function airQuality(city: ThaneClient): Promise<StationAqiRow[]> {
  const stations = await city.sensors.stations({ kind: 'air-quality' })
  // One request chain a station, run side by side.
  return Promise.all(
    stations.map(async (station) => {
      const result = await city.sensors.aqi(station.id)
      return {
        id: station.id,
        name: station.name,
        ward: station.ward ?? '',
        aqi: result.aqi,
        category: result.category?.name ?? 'no AQI',
        color: result.category?.color ?? '#808080',
        dominant: result.dominant,
        ...(result.reason ? { reason: result.reason } : {}),
      }
    }),
  )
}

export function formatAirQuality(rows: StationAqiRow[], color: boolean): string {
  const body = rows.map((r) => [
    r.name.replace(/ air quality monitoring station$/, ''),
    r.ward,
    paint(r.aqi === null ? '–' : String(r.aqi), r.color, color),
    paint(r.category, r.color, color),
    r.aqi === null ? (r.reason ?? '') : r.dominant.map(pollutantLabel).join(', '),
  ])
  return table(['Station', 'Ward', 'AQI', 'Category', 'Dominant'], body)
}

const LABELS: Record<string, string> = { pm25: 'PM2.5', pm10: 'PM10', no2: 'NO₂', so2: 'SO₂', co: 'CO', o3: 'O₃', nh3: 'NH₃', pb: 'Pb' }

function pollutantLabel(pollutant: string): string {
  return LABELS[pollutant] ?? pollutant
}
