// GTFS loading and departures: the SDK's loadGtfs() next to the `gtfs` npm package (SQLite via
// better-sqlite3) on the same feeds, in the same run, each measurement in a fresh process.
//   npm run build && node bench/transit.mjs [queries]
// Feeds: the bundled datasets/transit/gtfs, and a copy scaled to one million stop_times rows
// (trips repeated under new ids) written to a temporary folder. The `gtfs` package is installed on
// demand into bench/.cache/gtfs-compare (git-ignored), never into the workspaces.
// Aims: load the million-row feed at least 3x faster than the gtfs import; departures p50 < 1 ms.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { scaleFeed } from './lib/transit-scale.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const queries = Number(process.argv[2] ?? 2000)
const bundled = join(here, '..', 'datasets', 'transit', 'gtfs')
const gtfsDir = join(here, '.cache', 'gtfs-compare')

if (!existsSync(join(here, '..', 'sdk', 'dist', 'index.js'))) throw new Error('build first: npm run build')
if (!existsSync(join(bundled, 'stop_times.txt'))) throw new Error(`no feed at ${bundled}: run npm run build (it generates the feed)`)

// The comparison package, installed once into a folder of its own.
let gtfsReady = existsSync(join(gtfsDir, 'node_modules', 'gtfs', 'package.json'))
let gtfsWhy = ''
if (!gtfsReady) {
  mkdirSync(gtfsDir, { recursive: true })
  try {
    execFileSync('npm', ['install', '--prefix', gtfsDir, '--no-audit', '--no-fund', '--loglevel=error', 'gtfs@4'], { stdio: ['ignore', 'ignore', 'pipe'] })
    gtfsReady = true
  } catch (err) {
    gtfsWhy = `npm install gtfs failed: ${String(err.stderr ?? err.message).trim().split('\n').slice(-3).join(' ')}`
  }
}

const temp = mkdtempSync(join(tmpdir(), 'thane-bench-transit-'))
process.on('exit', () => rmSync(temp, { recursive: true, force: true }))
const scaled = join(temp, 'million')
mkdirSync(scaled)
const scaledRows = scaleFeed(bundled, scaled, 1_000_000)

function measure(mode, folder) {
  const args = ['--expose-gc', join(here, 'lib', 'transit-measure.mjs'), mode, folder, String(queries), gtfsDir]
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 })
  const line = run.stdout.trim().split('\n').pop()
  if (run.status !== 0 || !line?.startsWith('{')) {
    if (mode === 'gtfs') {
      gtfsWhy ||= `the gtfs package failed: ${run.stderr.trim().split('\n').slice(-4).join(' ')}`
      return undefined
    }
    throw new Error(`${mode} on ${folder} failed:\n${run.stderr}`)
  }
  return JSON.parse(line)
}

const feeds = [
  ['bundled TMT feed', bundled],
  [`scaled (${scaledRows.toLocaleString('en')} stop_times)`, scaled],
]
const rows = []
for (const [name, folder] of feeds) {
  const ours = measure('ours', folder)
  const theirs = gtfsReady ? measure('gtfs', folder) : undefined
  rows.push({ name, ours, theirs })
}

const f = (n, digits = 0) => (n === undefined ? '—' : n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }))
console.log(`Node ${process.version}, ${queries} departure queries per feed (random stops, 05:00–23:00, 13–19 July 2026, limit 10)\n`)
console.log('| feed | stop_times | SDK load + index | gtfs importGtfs | speed-up | SDK heap Δ / RSS Δ / peak RSS | gtfs heap Δ / RSS Δ / peak RSS | SDK departures p50 / p99 | gtfs getStoptimes p50 / p99 |')
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
for (const { name, ours, theirs } of rows) {
  console.log(
    `| ${name} | ${f(ours.stopTimes)} | ${f(ours.loadMs)} ms | ${theirs ? `${f(theirs.loadMs)} ms` : '—'} | ${theirs ? `${f(theirs.loadMs / ours.loadMs, 1)}×` : '—'} ` +
      `| ${f(ours.heapMB)} / ${f(ours.rssMB)} / ${f(ours.peakRssMB)} MB | ${theirs ? `${f(theirs.heapMB)} / ${f(theirs.rssMB)} / ${f(theirs.peakRssMB)} MB` : '—'} ` +
      `| ${f(ours.p50, 3)} / ${f(ours.p99, 3)} ms | ${theirs ? `${f(theirs.p50, 3)} / ${f(theirs.p99, 3)} ms` : '—'} |`,
  )
}
if (gtfsWhy) console.log(`\ngtfs comparison skipped: ${gtfsWhy}`)
const million = rows[1]
console.log(`\naims: million-row load ≥ 3× faster than gtfs import: ${million.theirs ? (million.theirs.loadMs / million.ours.loadMs >= 3 ? 'met' : 'NOT met') : 'not measured'}; departures p50 < 1 ms: ${million.ours.p50 < 1 ? 'met' : 'NOT met'}`)
