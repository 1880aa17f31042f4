import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { assetPath } from '@thanekit/sdk/assets'
import { validatePackage } from '@thanekit/sdk/validate'
import { dailyStationAqi, dailyWardAqi, type WardDay } from './aggregate.js'
import { InvalidDataError } from './errors.js'
import { loadSensorsExport } from './load.js'
import { writeOutputs } from './write.js'

export interface PipelineOptions {
  /** A sensors export: its datapackage.json or the folder holding it. Default: the kit's bundled July 2026 data. */
  input?: string
  /** Where to write the CSV and the chart JSON. */
  outDir: string
}

export interface PipelineResult {
  input: string
  /** Data rows the validator read. */
  rowsValidated: number
  stations: number
  wardDays: WardDay[]
  files: { csv: string; chart: string }
}

/** The sensors data bundled with the SDK (a month of synthetic readings from Thane's sensor grid). */
export function bundledSensorsExport(): string {
  return assetPath('datasets', 'sensors', 'datapackage.json')
}

/** Validate, aggregate, write. Throws `InvalidDataError` when the export breaks its own schema. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  let input = options.input ?? bundledSensorsExport()
  if ((await stat(input).catch(() => undefined))?.isDirectory()) input = join(input, 'datapackage.json')

  // 1. Validate every table against the schema in datapackage.json before trusting a single value.
  const report = await validatePackage(input)
  if (!report.valid) throw new InvalidDataError(`${input} is not valid: ${report.severities.error} problem(s) found`, report)

  // 2. Read the stations and their readings; 3. average them into daily AQI per station, then per ward.
  const data = await loadSensorsExport(input)
  const wardDays = dailyWardAqi(dailyStationAqi(data))

  // 4. Write the CSV and the chart-ready JSON.
  const files = await writeOutputs(wardDays, options.outDir)
  return { input, rowsValidated: report.rows, stations: data.stations.length, wardDays, files }
}
