// The validator next to the tools people would otherwise reach for, on the same air-quality CSV:
// rows per second and peak memory of each, every run in a fresh process.
//   npm run build && node bench/validate.mjs [--rows 1000000] [--runs 3] [--seed 1] [--invalid] [--only ours,duckdb]
// The file (bench/lib/validate-generate.mjs) is cached in bench/.cache/ by rows and seed; --invalid
// uses the variant with about 0.1% of the rows broken, to see the tools report. Tools (--only takes
// these names, or `ours` / `duckdb` for both of their thread counts):
//   ours:1 ours:2        validateTable() from sdk/dist with bench/lib/air-quality.schema.json, threads 1 / 2
//   csv-parse+ajv        csv-parse streaming, an ajv row schema with ajv-formats, the key in a Set
//   csv-parse            csv-parse streaming, parsing only
//   udsv+ajv udsv        the same with udsv's incremental parser (one core)
//   duckdb:1 duckdb:2    typed read_csv and validation SQL, SET threads = 1 / 2
//   frictionless         `frictionless validate`, where it is installed or installable
// Aims (issue 6): ours at least 1,200,000 rows/s on one core; on two threads faster than DuckDB on
// two; peak memory under 200 MB on a 5,000,000-row file.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { airQualityFile } from './lib/validate-generate.mjs'
import { locateFrictionless } from './lib/validate-frictionless.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const schema = join(here, 'lib', 'air-quality.schema.json')

const TOOLS = [
  { name: 'ours:1', script: 'validate-ours.mjs', args: ['1'] },
  { name: 'ours:2', script: 'validate-ours.mjs', args: ['2'] },
  { name: 'csv-parse+ajv', script: 'validate-csv-parse.mjs', args: ['ajv'] },
  { name: 'csv-parse', script: 'validate-csv-parse.mjs', args: ['parse'], parseOnly: true },
  { name: 'udsv+ajv', script: 'validate-udsv.mjs', args: ['ajv'] },
  { name: 'udsv', script: 'validate-udsv.mjs', args: ['parse'], parseOnly: true },
  { name: 'duckdb:1', script: 'validate-duckdb.mjs', args: ['1'] },
  { name: 'duckdb:2', script: 'validate-duckdb.mjs', args: ['2'] },
  { name: 'frictionless', script: 'validate-frictionless.mjs', args: [] },
]

let options
try {
  options = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      only: { type: 'string' },
      invalid: { type: 'boolean', default: false },
    },
  }).values
} catch (err) {
  console.error(`${err.message}\nusage: node bench/validate.mjs [--rows N] [--runs N] [--seed N] [--invalid] [--only ${TOOLS.map((t) => t.name).join(',')}]`)
  process.exit(2)
}
const rows = Number(options.rows)
const runs = Number(options.runs)
const seed = Number(options.seed)
for (const [flag, value, least] of [['--rows', rows, 1], ['--runs', runs, 1], ['--seed', seed, 0]]) {
  if (!Number.isInteger(value) || value < least) {
    console.error(`${flag} must be a whole number of at least ${least}`)
    process.exit(2)
  }
}
const wanted = options.only?.split(',').map((n) => n.trim()).filter(Boolean)
const unknown = wanted?.filter((n) => !TOOLS.some((t) => t.name === n || t.name.startsWith(`${n}:`)))
if (unknown?.length) {
  console.error(`--only: unknown ${unknown.join(', ')}; the tools are ${TOOLS.map((t) => t.name).join(', ')} (ours and duckdb name both thread counts)`)
  process.exit(2)
}
const tools = TOOLS.filter((t) => !wanted || wanted.some((n) => t.name === n || t.name.startsWith(`${n}:`)))
const sdkEntry = join(root, 'sdk', 'dist', 'validate', 'index.js')
if (tools.some((t) => t.script === 'validate-ours.mjs') && !existsSync(sdkEntry)) {
  console.error('sdk/dist/validate is missing: run npm run build first')
  process.exit(2)
}

// Lines printed under the table: tools that could not run, and why.
const notes = []
const frictionless = tools.find((t) => t.name === 'frictionless')
if (frictionless) {
  const found = locateFrictionless()
  if (found.command) frictionless.args = [found.command]
  else notes.push(`frictionless validate: ${found.why}`)
}
const measured = tools.filter((t) => t.name !== 'frictionless' || t.args.length > 0)

process.stderr.write(`preparing ${rows.toLocaleString('en')} rows (seed ${seed}${options.invalid ? ', errors injected' : ''})…\n`)
const data = await airQualityFile({ rows, seed, invalid: options.invalid })

function runOnce(tool) {
  const run = spawnSync(process.execPath, [join(here, 'lib', tool.script), data.path, schema, ...tool.args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: 15 * 60 * 1000,
  })
  const line = (run.stdout ?? '').trim().split('\n').pop() ?? ''
  if (run.status !== 0 || !line.startsWith('{')) {
    // Node's own error line, not the stack or the version trailer after it.
    const stderr = (run.stderr ?? '').split('\n').map((l) => l.trim()).filter(Boolean)
    const why = stderr.find((l) => /^\w*Error\b|Error:/.test(l)) ?? stderr.at(-1) ?? run.error?.message ?? `exit ${run.status}`
    return { failed: why.slice(0, 200) }
  }
  return JSON.parse(line)
}

// Runs go round the tools (run 1 of each, then run 2, ...), so a busy moment on the machine is
// spread over all of them instead of landing on one; every other round goes backwards, so no tool
// always runs first. (This machine's speed swings up to 2× from one second to the next, for work
// that reads memory; the ratio of two tools in the same round moves less than either.)
const loadBefore = loadavg()[0]
// Others rebuild the SDK while this runs on a shared tree; say so when that happened.
const sdkBuild = () => (existsSync(sdkEntry) ? statSync(sdkEntry).mtimeMs : 0)
const buildBefore = sdkBuild()
const results = new Map(measured.map((t) => [t.name, []]))
for (let i = 0; i < runs; i++) {
  for (const tool of i % 2 ? [...measured].reverse() : measured) {
    const result = runOnce(tool)
    results.get(tool.name).push(result)
    const shown = result.failed ? `failed: ${result.failed}` : `${Math.round((result.rows / result.ms) * 1000).toLocaleString('en')} rows/s, ${result.peakRssMB.toFixed(0)} MB`
    process.stderr.write(`  run ${i + 1}/${runs} ${tool.name}: ${shown}\n`)
  }
}

if (measured.some((t) => t.script === 'validate-ours.mjs') && sdkBuild() !== buildBefore) {
  notes.push('sdk/dist/validate was rebuilt during this run: the runs of ours may have measured different builds')
}

const median = (sorted) => (sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2)
const int = (n) => Math.round(n).toLocaleString('en')
const summary = measured.map((tool) => {
  const all = results.get(tool.name)
  const ok = all.filter((r) => !r.failed)
  if (ok.length === 0) return { tool, failed: all[0]?.failed ?? 'no run' }
  const rates = ok.map((r) => (r.rows / r.ms) * 1000).sort((a, b) => a - b)
  const cpuRates = ok.map((r) => (r.rows / r.cpuMs) * 1000).sort((a, b) => a - b)
  const last = ok.at(-1)
  const same = ok.every((r) => r.rows === last.rows && r.errors === last.errors)
  return {
    tool,
    ran: last.ran,
    median: median(rates),
    min: rates[0],
    max: rates.at(-1),
    perCpuSecond: median(cpuRates),
    peakRssMB: Math.max(...ok.map((r) => r.peakRssMB)),
    rows: last.rows,
    errors: last.errors,
    note: same ? (ok.length < all.length ? `${all.length - ok.length} run(s) failed` : '') : 'runs disagree on rows or errors',
  }
})

const mb = (bytes) => (bytes / 1e6).toFixed(1)
console.log(
  `node ${process.version}, ${availableParallelism()} cores, ${relative(root, data.path)}: ${mb(data.bytes)} MB, ${int(data.rows)} rows ` +
    `(${(data.bytes / data.rows).toFixed(1)} bytes a row), ${options.invalid ? `${int(data.injected)} errors injected` : 'valid'}; ${runs} run${runs === 1 ? '' : 's'} a tool, each in a fresh process; ` +
    // Above the core count, other work shared the machine and the figures are low.
    `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`,
)
// rows per CPU-second (all threads of the process) moves less than rows/s when others share the machine.
const table = [['tool', 'ran', 'rows/s median', 'min–max', 'rows/CPU-s', 'peak RSS MB', 'rows', 'errors']]
for (const s of summary) {
  if (s.failed) {
    table.push([s.tool.name, 'failed (below)', '', '', '', '', '', ''])
    notes.push(`${s.tool.name} failed: ${s.failed}`)
    continue
  }
  table.push([
    s.tool.name,
    s.ran ?? (s.tool.parseOnly ? 'parsing only' : 'one thread'),
    int(s.median),
    `${int(s.min)}–${int(s.max)}`,
    int(s.perCpuSecond),
    s.peakRssMB.toFixed(0),
    int(s.rows),
    // Every injected row has exactly one problem, so a tool that checks every cell and the key finds that many.
    s.errors === undefined ? '—' : [int(s.errors), s.errors !== data.injected ? `(expected ${int(data.injected)})` : '', s.note ? `(${s.note})` : ''].filter(Boolean).join(' '),
  ])
}
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)))
const numeric = new Set([2, 3, 4, 5, 6])
for (const row of table) console.log(row.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd())
for (const line of notes) console.log(line)

// The aims, for what this run measured.
const rate = (name) => summary.find((s) => s.tool.name === name && !s.failed)
const aims = []
const ours1 = rate('ours:1')
const ours2 = rate('ours:2')
const duck2 = rate('duckdb:2')
if (ours1) aims.push(`ours on one core ≥ 1,200,000 rows/s: ${ours1.median >= 1_200_000 ? 'met' : 'NOT met'} (${int(ours1.median)})`)
if (ours2 && duck2) aims.push(`ours on two threads faster than DuckDB on two: ${ours2.median > duck2.median ? 'met' : 'NOT met'} (${int(ours2.median)} vs ${int(duck2.median)})`)
const ours = [ours1, ours2].filter(Boolean)
if (ours.length && rows >= 5_000_000) {
  const met = ours.every((s) => s.peakRssMB < 200)
  aims.push(`ours peak RSS < 200 MB on ${int(rows)} rows: ${met ? 'met' : 'NOT met'} (${ours.map((s) => `${s.tool.name} ${s.peakRssMB.toFixed(0)} MB`).join(', ')})`)
}
if (aims.length) console.log(`aims: ${aims.join('; ')}`)

// Ours against DuckDB round by round (the same minute of the machine).
for (const threads of [1, 2]) {
  const a = results.get(`ours:${threads}`)
  const b = results.get(`duckdb:${threads}`)
  if (!a || !b) continue
  const ratios = a.map((r, i) => (r.failed || b[i]?.failed ? undefined : b[i].ms / r.ms)).filter((x) => x !== undefined).sort((x, y) => x - y)
  if (!ratios.length) continue
  const ahead = ratios.filter((x) => x > 1).length
  console.log(`ours against DuckDB on ${threads} thread${threads > 1 ? 's' : ''}, round by round: ${median(ratios).toFixed(2)}× median (${ratios.map((x) => x.toFixed(2)).join(', ')}); ahead in ${ahead} of ${ratios.length}`)
}
