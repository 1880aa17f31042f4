import { InputError, type ThaneClient } from '@thanekit/sdk'
import { airQuality, formatAirQuality } from './air.js'
import { formatBuses, nextBuses } from './buses.js'
import { bold } from './format.js'

/** What the program reads from the environment (see .env.example). */
export interface Settings {
  /** A stop id, name or code. */
  stop: string
  /** How many departures to show. */
  buses: number
}

export function settingsFrom(env: NodeJS.ProcessEnv): Settings {
  const buses = Number(env.THANE_BUSES || 5)
  if (!Number.isInteger(buses) || buses < 1) throw new InputError(`THANE_BUSES must be a whole number of 1 or more, not "${env.THANE_BUSES}"`, { field: 'THANE_BUSES' })
  return { stop: env.THANE_STOP || 'Thane Station', buses }
}

/** The whole report as text: the AQI table, then the next buses. */
export async function report(city: ThaneClient, settings: Settings, color: boolean): Promise<string> {
  const [air, buses] = await Promise.all([airQuality(city), nextBuses(city, settings.stop, settings.buses)])
  const [busTitle, ...busTable] = formatBuses(buses).split('\n')
  return [bold('Air quality now (CPCB National AQI)', color), formatAirQuality(air, color), '', bold(busTitle ?? '', color), ...busTable].join('\n')
}
