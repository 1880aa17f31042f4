import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createGunzip } from 'node:zlib'
import { POLLUTANTS, type Pollutant } from '@thanekit/sdk'
import { parse } from 'csv-parse'
import { InvalidDataError } from './errors.js'

/** An air-quality station of the export's catalogue. */
export interface Station {
  id: number
  name: string
  ward: string
}

/** Readings of one station, by pollutant: epoch milliseconds and the value in CPCB's unit. */
export type StationSeries = Map<Pollutant, { time: number; value: number }[]>

export interface SensorsExport {
  stations: Station[]
  /** Readings by station id. */
  series: Map<number, StationSeries>
}

interface Catalogue {
  things?: { id: number; name: string; properties?: { kind?: string; ward?: string } }[]
  datastreams?: { id: number; thingId: number; unitOfMeasurement?: { symbol?: string }; properties?: { pollutant?: string } }[]
}

interface PackageResource {
  name?: string
  path?: string
}

/**
 * Reads a sensors export shaped like the kit's bundled one: a Data Package whose `catalogue`
 * resource (JSON: things, datastreams) names the stations and pollutants, and whose `observations`
 * resource (CSV, gzipped or not: datastream_id, phenomenon_time, result) holds the readings.
 * Only air-quality stations' pollutant readings are kept.
 */
export async function loadSensorsExport(packagePath: string): Promise<SensorsExport> {
  const resources = (JSON.parse(await readFile(packagePath, 'utf8')) as { resources?: PackageResource[] }).resources ?? []
  const fileOf = (name: string): string => {
    const path = resources.find((r) => r.name === name)?.path
    if (!path) throw new InvalidDataError(`${packagePath} has no "${name}" resource; this pipeline reads sensors exports (see README)`)
    return join(dirname(packagePath), path)
  }
  const catalogueFile = fileOf('catalogue')
  const catalogue = JSON.parse(await readFile(catalogueFile, 'utf8')) as Catalogue

  const stations: Station[] = []
  for (const thing of catalogue.things ?? []) {
    if (thing.properties?.kind !== 'air-quality') continue
    if (!thing.properties.ward) throw new InvalidDataError(`${catalogueFile}: station ${thing.id} (${thing.name}) has no properties.ward`)
    stations.push({ id: thing.id, name: thing.name, ward: thing.properties.ward })
  }
  // Each pollutant datastream of a station: which station, which pollutant, and the factor to CPCB's unit.
  const streams = new Map<number, { stationId: number; pollutant: Pollutant; factor: number }>()
  const stationIds = new Set(stations.map((s) => s.id))
  for (const ds of catalogue.datastreams ?? []) {
    const pollutant = ds.properties?.pollutant as Pollutant | undefined
    if (!stationIds.has(ds.thingId) || !pollutant || !POLLUTANTS.includes(pollutant)) continue
    streams.set(ds.id, { stationId: ds.thingId, pollutant, factor: unitFactor(pollutant, ds.unitOfMeasurement?.symbol ?? '') })
  }

  const series = new Map<number, StationSeries>(stations.map((s) => [s.id, new Map()]))
  const observationsFile = fileOf('observations')
  const input = createReadStream(observationsFile)
  const rows = (observationsFile.endsWith('.gz') ? input.pipe(createGunzip()) : input).pipe(parse())
  // Rows as arrays (much faster than objects on half a million rows), columns found by header name.
  let columns: { id: number; time: number; result: number } | undefined
  for await (const row of rows as AsyncIterable<string[]>) {
    if (!columns) {
      columns = { id: row.indexOf('datastream_id'), time: row.indexOf('phenomenon_time'), result: row.indexOf('result') }
      continue
    }
    const stream = streams.get(Number(row[columns.id]))
    if (!stream) continue
    const readings = series.get(stream.stationId)!
    const list = readings.get(stream.pollutant) ?? []
    readings.set(stream.pollutant, list)
    list.push({ time: Date.parse(row[columns.time] ?? ''), value: Number(row[columns.result]) * stream.factor })
  }
  return { stations, series }
}

// CPCB's units are µg/m³, and mg/m³ for CO; a datastream in the other of the two is converted.
function unitFactor(pollutant: Pollutant, symbol: string): number {
  const unit = symbol.replace(/\s/g, '').toLowerCase()
  const micro = /^(µ|μ|u)g\/m(3|³)$/.test(unit)
  const milli = /^mg\/m(3|³)$/.test(unit)
  if (pollutant === 'co') return micro ? 1 / 1000 : 1
  return milli ? 1000 : 1
}
