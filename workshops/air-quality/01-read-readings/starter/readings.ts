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

/**
 * Turns the text of air-quality.csv into readings.
 * - The first line is the header. Find each column by its name, not by its position.
 * - Skip empty lines; lines may end with \n or \r\n.
 * - A number cell becomes a number; an empty cell becomes null (not 0!).
 * - The aqi column is not needed here.
 */
export function parseReadings(csvText: string): Reading[] {
  throw new Error('not written yet')
}

/** The station ids that occur in the readings, each once, sorted. */
export function stationIds(readings: Reading[]): string[] {
  throw new Error('not written yet')
}

/** How many readings (hours) each station has, e.g. { 'TMC-AQ-01': 744, … }. */
export function countByStation(readings: Reading[]): Record<string, number> {
  throw new Error('not written yet')
}

// Run with `node readings.ts` to see the file summarised.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(new URL('../data/air-quality.csv', import.meta.url), 'utf8')
  const readings = parseReadings(text)
  console.log(`${readings.length} readings from ${stationIds(readings).length} stations`)
  console.table(countByStation(readings))
}
