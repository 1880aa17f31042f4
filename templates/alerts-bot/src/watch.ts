// What the bot watches. Each watcher turns SDK results into alerts; an alert's `key` names the
// condition, so the same condition seen again is not sent twice (see state.ts). Add a watcher here.
import type { ThaneClient } from '@thanekit/sdk'

export interface CityAlert {
  /** Stable name of the condition, e.g. "flood:20:danger". A new key is a new notification. */
  key: string
  kind: 'flood' | 'air' | 'transit'
  severity: 'info' | 'warning' | 'severe'
  title: string
  text: string
}

export async function floodAlerts(city: ThaneClient): Promise<CityAlert[]> {
  const gauges = await city.sensors.stations({ kind: 'flood-gauge' })
  const alerts = await Promise.all(
    gauges.map(async (gauge): Promise<CityAlert | undefined> => {
      const threshold = Number(gauge.properties?.threshold_m)
      const danger = Number(gauge.properties?.danger_m ?? threshold)
      const level = (await city.sensors.latest(gauge.id)).find((r) => r.unit.symbol === 'm')?.value
      if (level === undefined || !(level > threshold)) return undefined
      const isDanger = level >= danger
      // The status is part of the key: rising from "above" to "danger" is news, staying there is not.
      return {
        key: `flood:${gauge.id}:${isDanger ? 'danger' : 'above'}`,
        kind: 'flood',
        severity: isDanger ? 'severe' : 'warning',
        title: `${isDanger ? 'Danger' : 'Flood warning'}: ${gauge.name}`,
        text: `Water at ${level.toFixed(2)} m (warning ${threshold} m, danger ${danger} m), ${gauge.ward ?? 'Thane'} ward.`,
      }
    }),
  )
  return alerts.filter((a) => a !== undefined)
}

export async function airAlerts(city: ThaneClient, aqiAt: number): Promise<CityAlert[]> {
  const stations = await city.sensors.stations({ kind: 'air-quality' })
  const alerts = await Promise.all(
    stations.map(async (station): Promise<CityAlert | undefined> => {
      const { aqi, category, dominant } = await city.sensors.aqi(station.id)
      if (aqi === null || category === null || aqi < aqiAt) return undefined
      return {
        key: `air:${station.id}:${category.name}`,
        kind: 'air',
        severity: aqi > 300 ? 'severe' : 'warning',
        title: `Air quality ${category.name}: ${station.name}`,
        text: `AQI ${aqi} (CPCB), mostly ${dominant.join(', ')}, ${station.ward ?? 'Thane'} ward.`,
      }
    }),
  )
  return alerts.filter((a) => a !== undefined)
}

export async function transitAlerts(city: ThaneClient): Promise<CityAlert[]> {
  const alerts = await city.transit.alerts()
  return alerts.map((alert) => ({
    key: `transit:${alert.id}`,
    kind: 'transit',
    severity: alert.severityLevel === 'SEVERE' ? 'severe' : alert.severityLevel === 'WARNING' ? 'warning' : 'info',
    title: alert.headerText,
    text: alert.descriptionText,
  }))
}
