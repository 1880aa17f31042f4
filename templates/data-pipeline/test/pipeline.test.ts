import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { computeAqi, createClient } from '@thanekit/sdk'
import { startSandbox } from '@thanekit/sdk/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AqiChart } from '../src/write.js'
import { InvalidDataError } from '../src/errors.js'
import { runPipeline } from '../src/pipeline.js'

const SMALL = join(import.meta.dirname, 'fixtures', 'small')
let scratch: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'thane-pipeline-'))
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const run = promisify(execFile)

/** Runs src/main.ts as `npm start -- <args>` does. */
async function runProgram(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME } })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('a small export (test/fixtures/small: 3 stations in 2 wards, 2 days)', () => {
  it('gives each ward the AQI of its worst station, computed as CPCB does, and writes it as CSV', async () => {
    const outDir = join(scratch, 'small')
    const result = await runPipeline({ input: SMALL, outDir })
    expect(result.stations).toBe(3) // the flood gauge is not an air-quality station
    const alpha = computeAqi({ pm25: 45, pm10: 80, no2: 30 })
    const gamma = computeAqi({ pm25: 100, pm10: 150, no2: 50 })
    expect(alpha.aqi).toBe(80)
    expect(readFileSync(result.files.csv, 'utf8')).toBe(
      [
        'date,ward,aqi,category,dominant,stations_reporting,worst_station',
        `2026-07-01,Ward A,80,Satisfactory,pm10,2,Alpha air quality monitoring station`,
        `2026-07-01,Ward B,${gamma.aqi},${gamma.category!.name},${gamma.dominant.join(' ')},1,Gamma air quality monitoring station`,
        `2026-07-02,Ward A,80,Satisfactory,pm10,2,Alpha air quality monitoring station`,
        // Gamma has 10 hours of data on the 2nd: fewer than the 16 CPCB needs for a 24-hour average.
        '2026-07-02,Ward B,,,,0,',
        '',
      ].join('\n'),
    )
  })

  it('writes a chart-ready JSON: one series a ward over the dates, and the AQI bands with their colours', async () => {
    const outDir = join(scratch, 'chart')
    const { files } = await runPipeline({ input: join(SMALL, 'datapackage.json'), outDir })
    const chart = JSON.parse(readFileSync(files.chart, 'utf8')) as AqiChart
    expect(chart.labels).toEqual(['2026-07-01', '2026-07-02'])
    expect(chart.datasets).toEqual([
      { label: 'Ward A', data: [80, 80] },
      { label: 'Ward B', data: [computeAqi({ pm25: 100, pm10: 150, no2: 50 }).aqi, null] },
    ])
    expect(chart.categories.map((c) => c.name)).toEqual(['Good', 'Satisfactory', 'Moderately polluted', 'Poor', 'Very poor', 'Severe'])
    expect(chart.categories[0]).toMatchObject({ range: [0, 50], color: expect.stringMatching(/^#[0-9A-F]{6}$/i) })
  })
})

describe('invalid or unreadable input', () => {
  it('stops before aggregating when a reading breaks the schema, naming the file, row and field', async () => {
    const broken = join(scratch, 'broken')
    cpSync(SMALL, broken, { recursive: true })
    const csv = readFileSync(join(broken, 'observations.csv'), 'utf8').split('\n')
    csv[3] = csv[3]!.replace(/,45$/, ',high') // line 4 of the file: a PM2.5 reading that is not a number
    csv[5] = csv[5]!.replace(/^1,/, ',') // line 6: no datastream id
    writeFileSync(join(broken, 'observations.csv'), csv.join('\n'))
    const outDir = join(scratch, 'broken-out')

    const failure = await runPipeline({ input: broken, outDir }).catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(InvalidDataError)
    expect((failure as InvalidDataError).report!.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'result', 'type-error'],
      [6, 'datastream_id', 'constraint-error'],
    ])
    expect(existsSync(outDir)).toBe(false)

    const { code, stdout, stderr } = await runProgram([broken, '--out', outDir])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    const lines = stderr.trimEnd().split('\n')
    expect(lines[0]).toBe(`error: ${join(broken, 'datapackage.json')} is not valid: 2 problem(s) found`)
    expect(lines[1]).toMatch(/^ {2}\S*observations\.csv:4 result = "high": .+ \(.+\)$/)
    expect(lines[2]).toMatch(/^ {2}\S*observations\.csv:6 datastream_id = "": .+ \(.+\)$/)
  })

  it('exits with code 2 and one line when the export does not exist', async () => {
    const { code, stderr } = await runProgram([join(scratch, 'nowhere', 'datapackage.json')])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^error: .*nowhere.*\n$/)
  })

  it('exits with code 2 on an unknown flag', async () => {
    const { code, stderr } = await runProgram(['--colour'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^error: Unknown option '--colour'.*\n$/)
  })
})

describe('the sensors data bundled with the SDK', () => {
  it('runs as `npm start` does and agrees with the sandbox AQI of every station on the same data', async () => {
    const outDir = join(scratch, 'bundled')
    const { code, stdout, stderr } = await runProgram(['--out', outDir])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Validated .*datapackage\.json: \d+ rows, no problems\.\n/)
    const rows = readFileSync(join(outDir, 'daily-aqi-by-ward.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(','))
    const dates = [...new Set(rows.map((r) => r[0]))]
    expect(dates).toHaveLength(31)
    expect(dates[0]).toBe('2026-07-01')

    // The sandbox serves the same data through SensorThings; the SDK computes a station's AQI there.
    const sandbox = await startSandbox({ port: 0, clock: '2026-07-14T09:00+05:30' })
    try {
      const city = createClient({ baseUrl: sandbox.url, env: {}, configFile: false })
      const stations = await city.sensors.stations({ kind: 'air-quality' })
      const worst = new Map<string, number | null>()
      for (const station of stations) {
        const { aqi } = await city.sensors.aqi(station.id, { at: '2026-07-14T00:00:00+05:30' })
        const before = worst.get(station.ward!) ?? null
        worst.set(station.ward!, aqi === null ? before : Math.max(aqi, before ?? aqi))
      }
      const day = rows.filter((r) => r[0] === '2026-07-13')
      expect(day.map((r) => r[1]).sort()).toEqual([...worst.keys()].sort())
      for (const [ward, aqi] of worst) expect(day.find((r) => r[1] === ward)![2], ward).toBe(aqi === null ? '' : String(aqi))
    } finally {
      await sandbox.close()
    }
  })
})
