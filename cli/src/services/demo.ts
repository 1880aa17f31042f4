import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Departure, ThaneClient } from '@thanekit/sdk'
import { assetPath } from '@thanekit/sdk/assets'
import type { Report } from '@thanekit/sdk/validate'
import { aqiOfStations } from './sensors.js'
import { resolveStop } from './transit.js'
import { validatePaths } from './validate.js'

/** A monsoon morning inside the bundled data: weekday buses at rush hour, three flood gauges above their alert level. */
export const DEMO_CLOCK = '2026-07-24T09:00+05:30'
/** The stop whose departures the demo shows: the bus deck (SATIS) at Thane Station West. */
export const DEMO_STOP = 'thane-station-w-satis'
/** Where the demo files its grievance: Teen Hath Naka. */
const DEMO_LOCATION = { lat: 19.1978, lon: 72.9758 }
const DEMO_SERVICE = 'ROAD_DAMAGE'
/** The built-in schema the demo's exports are validated against. */
const AIR_SCHEMA = 'sensors/air-quality'

export const DEMO_STEPS = ['sandbox', 'air', 'buses', 'grievance', 'validate'] as const
export type DemoStep = (typeof DEMO_STEPS)[number]

export interface DemoStation {
  code: string
  name: string
  ward: string | null
  aqi: number | null
  category: string | null
  /** The CPCB category's colour, e.g. `#00B050`; null without an AQI. */
  color: string | null
  reason: string | null
}

export interface DemoDeparture {
  route: string
  headsign: string
  scheduled: string
  expected: string | null
  delaySeconds: number | null
  realtime: boolean
  cancelled: boolean
}

export interface DemoValidation {
  file: string
  valid: boolean
  rows: number
  errors: number
  warnings: number
  /** Problems by code, with the first message of each. */
  problems: { code: string; count: number; example: string }[]
}

/** What `thane demo --json` prints. */
export interface DemoResult {
  sandbox: { url: string; clock: { mode: 'live' | 'fixed'; now: string } }
  air: DemoStation[]
  buses: { stop: { id: string; name: string }; departures: DemoDeparture[] }
  grievance: { id: string; status: string; service: string; requested: string | null; address: string | null }
  validation: { clean: DemoValidation; broken: DemoValidation }
  next: { command: string; why: string }[]
  durationMs: number
}

/** What each step has produced when it finishes (the part of the result it fills). */
export type DemoStepData =
  | { step: 'sandbox'; data: DemoResult['sandbox'] }
  | { step: 'air'; data: DemoResult['air'] }
  | { step: 'buses'; data: DemoResult['buses'] }
  | { step: 'grievance'; data: DemoResult['grievance'] }
  | { step: 'validate'; data: DemoResult['validation'] }

type StepDataOf = { [D in DemoStepData as D['step']]: D['data'] }

export interface DemoOptions {
  /** `'live'` or an ISO 8601 date-time with offset. Default `DEMO_CLOCK`. */
  clock?: string | undefined
  /** Aborting stops the demo at once: the sandbox is closed and the temporary folder removed. */
  signal?: AbortSignal | undefined
  onStart?: (step: DemoStep) => void
  onDone?: (done: DemoStepData) => void
  /** Suggested commands, from the message catalogue. */
  next: readonly (readonly [string, string])[]
  grievanceDescription: string
}

/**
 * Runs the walk-through against a sandbox of its own (127.0.0.1, a free port, an in-memory
 * database, a client cache in a temporary folder), so it needs no network and leaves nothing behind.
 */
export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const started = performance.now()
  const signal = options.signal
  const work = mkdtempSync(join(tmpdir(), 'thane-demo-'))
  const { startSandbox, formatIst } = await import('@thanekit/sdk/sandbox')
  let sandbox: Awaited<ReturnType<typeof startSandbox>> | undefined
  const step = async <K extends DemoStep>(name: K, run: () => Promise<StepDataOf[K]>): Promise<StepDataOf[K]> => {
    signal?.throwIfAborted()
    options.onStart?.(name)
    const data = await untilAborted(run(), signal)
    options.onDone?.({ step: name, data } as DemoStepData)
    return data
  }
  try {
    const sandboxInfo = await step('sandbox', async () => {
      sandbox = await startSandbox({ host: '127.0.0.1', port: 0, clock: options.clock ?? DEMO_CLOCK, dbPath: ':memory:' })
      return { url: sandbox.url, clock: { mode: sandbox.clock.mode, now: formatIst(sandbox.clock.now()) } }
    })
    const running = sandbox as unknown as NonNullable<typeof sandbox>
    const { createClient } = await import('@thanekit/sdk')
    const city = createClient({ baseUrl: running.url, apiKey: running.apiKey, cacheDir: join(work, 'cache') })
    const now = () => formatIst(running.clock.now())

    const air = await step('air', () => airQuality(city, now()))
    const buses = await step('buses', () => nextBuses(city))
    const grievance = await step('grievance', () => fileGrievance(city, options.grievanceDescription))
    const validation = await step('validate', () => validateExports(work, sandboxInfo.clock.now))
    return {
      sandbox: sandboxInfo,
      air,
      buses,
      grievance,
      validation,
      next: options.next.map(([command, why]) => ({ command, why })),
      durationMs: Math.round(performance.now() - started),
    }
  } finally {
    await sandbox?.close()
    rmSync(work, { recursive: true, force: true })
  }
}

// Rejects as soon as the signal aborts, leaving the work behind: the sandbox is closed next,
// which ends whatever it was doing.
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

async function airQuality(city: ThaneClient, at: string): Promise<DemoStation[]> {
  const results = await aqiOfStations(city, { at })
  return results.map((r) => ({
    code: String(r.station.properties?.station_code ?? r.station.id),
    // "Teen Hath Naka air quality monitoring station" says more than a list of stations needs.
    name: r.station.name.replace(/\s+air quality monitoring station$/i, ''),
    ward: r.station.ward ?? null,
    aqi: r.aqi,
    category: r.category?.name ?? null,
    color: r.category?.color ?? null,
    reason: r.aqi === null ? (r.reason ?? null) : null,
  }))
}

async function nextBuses(city: ThaneClient): Promise<DemoResult['buses']> {
  const stop = await resolveStop(city, DEMO_STOP)
  // No `at`: the SDK takes "now" from the realtime feed's header, which is the sandbox clock.
  const departures = await city.transit.departures(stop.stopId, { limit: 6 })
  return { stop: { id: stop.stopId, name: stop.name }, departures: departures.map(departureOf) }
}

function departureOf(d: Departure): DemoDeparture {
  return {
    route: d.routeShortName,
    headsign: d.headsign,
    scheduled: d.scheduled.toISOString(),
    expected: d.predicted ? d.predicted.toISOString() : null,
    delaySeconds: d.delaySeconds ?? null,
    realtime: d.realtime,
    cancelled: d.cancelled,
  }
}

async function fileGrievance(city: ThaneClient, description: string): Promise<DemoResult['grievance']> {
  const filed = await city.grievances.submit({ serviceCode: DEMO_SERVICE, location: DEMO_LOCATION, description })
  if (!filed.serviceRequestId) throw new Error(`the sandbox gave no service_request_id for a realtime ${DEMO_SERVICE} request`)
  const read = await city.grievances.get(filed.serviceRequestId)
  return { id: read.serviceRequestId, status: read.status, service: read.serviceName ?? DEMO_SERVICE, requested: read.requestedDatetime ?? null, address: read.address ?? null }
}

/**
 * The day's hourly air-quality readings up to the demo's hour, as an export would give them, and a
 * copy broken the way real exports break: a unit typed into a number, a station id with a space, a
 * negative concentration, a row exported twice.
 */
async function validateExports(work: string, nowIst: string): Promise<DemoResult['validation']> {
  const [header = '', ...lines] = readFileSync(assetPath('datasets', 'sensors', 'air-quality.csv'), 'utf8').split(/\r?\n/).filter((l) => l !== '')
  const day = nowIst.slice(0, 10)
  const hour = nowIst.slice(11, 13)
  let rows = lines.filter((l) => l.split(',')[1]?.slice(0, 10) === day && (l.split(',')[1]?.slice(11, 13) ?? '') <= hour)
  // A clock outside the data (--clock live) still shows something: the data's last day.
  if (rows.length === 0) {
    const lastDay = lines.at(-1)?.split(',')[1]?.slice(0, 10)
    rows = lines.filter((l) => l.split(',')[1]?.slice(0, 10) === lastDay)
  }
  const clean = join(work, 'air-quality-export.csv')
  writeFileSync(clean, [header, ...rows].join('\n') + '\n')
  const broken = join(work, 'air-quality-export-broken.csv')
  writeFileSync(broken, [header, ...breakRows(header, rows)].join('\n') + '\n')
  const { reports } = await validatePaths({ paths: [clean, broken], schema: AIR_SCHEMA, maxErrors: 100, failOn: 'error' })
  const [cleanReport, brokenReport] = reports as [Report, Report]
  return { clean: summaryOf(cleanReport, 'air-quality-export.csv'), broken: summaryOf(brokenReport, 'air-quality-export-broken.csv') }
}

function breakRows(header: string, rows: string[]): string[] {
  const columns = header.split(',')
  const out = rows.map((r) => r.split(','))
  const set = (row: number, column: string, value: string) => {
    const cells = out[row]
    if (cells) cells[columns.indexOf(column)] = value
  }
  set(1, 'pm25', '41 µg/m³')
  set(3, 'station_id', 'TMC AQ-03')
  set(5, 'no2', '-12.5')
  const copy = out[7]
  if (copy) out.splice(8, 0, [...copy])
  return out.map((cells) => cells.join(','))
}

function summaryOf(report: Report, file: string): DemoValidation {
  const problems = Object.entries(report.counts).map(([code, count]) => ({
    code,
    count: count ?? 0,
    example: report.errors.find((e) => e.code === code)?.message ?? '',
  }))
  return { file, valid: report.valid, rows: report.rows, errors: report.severities.error, warnings: report.severities.warning, problems }
}
