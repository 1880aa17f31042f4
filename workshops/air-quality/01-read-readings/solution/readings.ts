import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The pollutant columns of the export, in the order CPCB lists them. */
export const POLLUTANTS = ['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3'] as const
export type Pollutant = (typeof POLLUTANTS)[number]

/** One row of the export: one station, one hour. */
export interface Reading {
  stationId: string
  /** The start of the hour, as written in the file: 2026-07-01T00:00:00+05:30 */
  timestamp: string
  /** The hourly mean of each pollutant; null when the cell is empty (no valid data that hour). */
  values: Record<Pollutant, number | null>
}

/** Turns the text of air-quality.csv into readings, finding each column by its header name. */
export function parseReadings(csvText: string): Reading[] {
  const lines = csvText.split(/\r?\n/).filter((line) => line.trim() !== '')
  const header = lines[0]?.split(',') ?? []
  const column = (name: string): number => {
    const i = header.indexOf(name)
    if (i === -1) throw new Error(`the CSV has no "${name}" column`)
    return i
  }
  const stationColumn = column('station_id')
  const timeColumn = column('timestamp')
  const pollutantColumns = POLLUTANTS.map((p) => [p, column(p)] as const)

  return lines.slice(1).map((line) => {
    const cells = line.split(',')
    const values = {} as Record<Pollutant, number | null>
    for (const [pollutant, i] of pollutantColumns) {
      const cell = (cells[i] ?? '').trim()
      // An empty cell means "no data", which is not the same as a reading of zero.
      values[pollutant] = cell === '' ? null : Number(cell)
    }
    return { stationId: cells[stationColumn]!, timestamp: cells[timeColumn]!, values }
  })
}

/** The station ids that occur in the readings, each once, sorted. */
export function stationIds(readings: Reading[]): string[] {
  return [...new Set(readings.map((r) => r.stationId))].sort()
}

/** How many readings (hours) each station has. */
export function countByStation(readings: Reading[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of readings) counts[r.stationId] = (counts[r.stationId] ?? 0) + 1
  return counts
}

// Run with `node readings.ts` to see the file summarised.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(new URL('../data/air-quality.csv', import.meta.url), 'utf8')
  const readings = parseReadings(text)
  console.log(`${readings.length} readings from ${stationIds(readings).length} stations`)
  console.table(countByStation(readings))
}
