import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AQI_CATEGORIES } from '@thanekit/sdk'
import type { WardDay } from './aggregate.js'

export const CSV_FILE = 'daily-aqi-by-ward.csv'
export const CHART_FILE = 'daily-aqi-by-ward.json'

/** The chart-ready JSON: one series a ward over the dates (the `{ labels, datasets }` shape Chart.js takes). */
export interface AqiChart {
  title: string
  labels: string[]
  datasets: { label: string; data: (number | null)[] }[]
  /** The AQI bands with their colours, to shade the chart. */
  categories: { name: string; range: [number, number]; color: string }[]
}

export function toCsv(rows: WardDay[]): string {
  const header = 'date,ward,aqi,category,dominant,stations_reporting,worst_station'
  const lines = rows.map((r) => [r.date, r.ward, r.aqi ?? '', r.category ?? '', r.dominant.join(' '), r.stationsReporting, r.worstStation ?? ''].map(csvCell).join(','))
  return [header, ...lines].join('\n') + '\n'
}

export function toChart(rows: WardDay[]): AqiChart {
  const labels = [...new Set(rows.map((r) => r.date))].sort()
  const wards = [...new Set(rows.map((r) => r.ward))].sort()
  const aqiOf = new Map(rows.map((r) => [`${r.date}\u0000${r.ward}`, r.aqi]))
  return {
    title: 'Daily AQI by ward (CPCB National AQI, worst station of the ward)',
    labels,
    datasets: wards.map((ward) => ({ label: ward, data: labels.map((date) => aqiOf.get(`${date}\u0000${ward}`) ?? null) })),
    categories: AQI_CATEGORIES.map(({ name, range, color }) => ({ name, range, color })),
  }
}

/** Writes the CSV and the chart JSON into `outDir` (created if needed) and returns their paths. */
export async function writeOutputs(rows: WardDay[], outDir: string): Promise<{ csv: string; chart: string }> {
  await mkdir(outDir, { recursive: true })
  const csv = join(outDir, CSV_FILE)
  const chart = join(outDir, CHART_FILE)
  await writeFile(csv, toCsv(rows))
  await writeFile(chart, JSON.stringify(toChart(rows), null, 2) + '\n')
  return { csv, chart }
}

// RFC 4180: quote a cell holding a comma, a quote or a line break.
function csvCell(value: string | number): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
