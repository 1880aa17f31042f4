import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { readSensorsDataset, sensorsFolder } from '../sensorthings/load.js'

/** A flood gauge of the sensors dataset, with its water levels in time order. */
export interface FloodGauge {
  code: string
  name: string
  lat: number
  lon: number
  threshold: number
  danger: number | undefined
  /** Epoch ms of each reading (historical, before any replay shift). */
  times: Float64Array
  levels: Float64Array
}

export interface FloodData {
  gauges: FloodGauge[]
  /** Newest reading (epoch ms), for the replay shift. */
  end: number
}

/** A reading older than this no longer says what the water does now. */
export const STALE_MS = 30 * 60_000

/**
 * The flood gauges of `<dataDir>/sensors` (Things whose `properties.kind` is `flood-gauge`, with
 * `threshold_m`, and their "Water level" Datastream), read through the SensorThings API's own
 * loader (parsed once per process, shared with that API). Undefined when the dataset is absent or
 * cannot be read: the transit feeds then run without weather.
 */
export function readFloodGauges(dataDir: string): FloodData | undefined {
  const folder = sensorsFolder(dataDir)
  if (!existsSync(join(folder, 'catalogue.json')) || !existsSync(join(folder, 'observations.csv.gz'))) return undefined
  let dataset
  try {
    dataset = readSensorsDataset(dataDir)
  } catch {
    return undefined
  }
  const levelProps = new Set(dataset.observedProperties.filter((p) => /water level/i.test(p.name)).map((p) => p.id))
  const gauges: FloodGauge[] = []
  for (const thing of dataset.things) {
    const props = thing.properties ?? {}
    const threshold = props.threshold_m
    if (props.kind !== 'flood-gauge' && props.kind !== 'flood') continue
    if (typeof threshold !== 'number') continue
    const point = thing.location.location as { type?: string; coordinates?: unknown }
    if (point.type !== 'Point' || !Array.isArray(point.coordinates)) continue
    const [lon, lat] = point.coordinates as [number, number]
    const stream = dataset.datastreams.find((d) => d.thingId === thing.id && levelProps.has(d.observedPropertyId))
    if (!stream) continue
    const obs = dataset.observations
    const rows: [number, number][] = []
    for (let i = 0; i < obs.length; i++) {
      if (obs.datastream[i] === stream.id && !Number.isNaN(obs.value[i]!)) rows.push([obs.time[i]!, obs.value[i]!])
    }
    if (rows.length === 0) continue
    rows.sort((a, b) => a[0] - b[0])
    gauges.push({
      code: typeof props.station_code === 'string' ? props.station_code : `gauge-${thing.id}`,
      name: typeof thing.location.name === 'string' && thing.location.name ? thing.location.name : thing.name,
      lat,
      lon,
      threshold,
      danger: typeof props.danger_m === 'number' ? props.danger_m : undefined,
      times: Float64Array.from(rows, (r) => r[0]),
      levels: Float64Array.from(rows, (r) => r[1]),
    })
  }
  if (gauges.length === 0) return undefined
  return { gauges, end: Math.max(...gauges.map((g) => g.times[g.times.length - 1]!)) }
}

/** Index of the newest reading at or before `ms` and at most `STALE_MS` old; -1 when none. */
export function readingAt(g: FloodGauge, ms: number): number {
  let lo = 0
  let hi = g.times.length - 1
  if (hi < 0 || g.times[0]! > ms) return -1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (g.times[mid]! <= ms) lo = mid
    else hi = mid - 1
  }
  return ms - g.times[lo]! <= STALE_MS ? lo : -1
}

/** When the run of readings above the threshold that holds reading `i` began (epoch ms). */
export function floodStart(g: FloodGauge, i: number): number {
  let k = i
  while (k > 0 && g.levels[k - 1]! > g.threshold && g.times[k]! - g.times[k - 1]! <= STALE_MS) k--
  return g.times[k]!
}
