// One measurement in a fresh process (run with --expose-gc), printed as one JSON line:
//   node --expose-gc bench/lib/transit-measure.mjs ours|gtfs <feed folder> <queries> [gtfs package folder]
// ours: loadGtfs(folder), then feed.departures() for random stops and times.
// gtfs: the `gtfs` npm package's importGtfs() into a temporary SQLite file, then getStoptimes()
//       for a stop, a service date and a two-hour window (its nearest equivalent of departures).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [mode, folder, queriesArg, gtfsDir] = process.argv.slice(2)
const queries = Number(queriesArg ?? 2000)
const MB = 1024 * 1024

// A small seeded generator, so both sides get the same stops and times.
let seed = 42
const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
const stopIds = readFileSync(join(folder, 'stops.txt'), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',')[0])
const picks = Array.from({ length: queries }, () => {
  const day = 13 + Math.floor(random() * 7) // Mon 13 – Sun 19 July 2026
  const minutes = 5 * 60 + Math.floor(random() * 18 * 60)
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0')
  const mm = String(minutes % 60).padStart(2, '0')
  return { stopId: stopIds[Math.floor(random() * stopIds.length)], date: `202607${day}`, at: `2026-07-${day}T${hh}:${mm}:00+05:30`, time: `${hh}:${mm}:00`, end: `${String(Math.floor(minutes / 60) + 2).padStart(2, '0')}:${mm}:00` }
})

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
function timeQueries(run) {
  for (const q of picks.slice(0, 50)) run(q) // warm-up
  const ms = picks.map((q) => {
    const t = performance.now()
    run(q)
    return performance.now() - t
  })
  ms.sort((a, b) => a - b)
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) }
}

globalThis.gc?.()
const before = process.memoryUsage()
let loadMs
let latency
let extra = {}
if (mode === 'ours') {
  const { loadGtfs } = await import('../../sdk/dist/index.js')
  const started = performance.now()
  const feed = await loadGtfs(folder)
  loadMs = performance.now() - started
  globalThis.gc?.()
  const after = process.memoryUsage()
  extra = { heapMB: (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / MB, rssMB: (after.rss - before.rss) / MB, stopTimes: feed.counts.stopTimes }
  latency = timeQueries((q) => feed.departures(q.stopId, { at: q.at, limit: 10 }))
} else {
  const gtfs = await import(pathToFileURL(join(gtfsDir, 'node_modules', 'gtfs', 'dist', 'index.js')).href)
  const dir = mkdtempSync(join(tmpdir(), 'thane-bench-gtfs-'))
  const sqlitePath = join(dir, 'gtfs.db')
  const config = { sqlitePath, agencies: [{ path: folder }], verbose: false, logFunction: () => {} }
  try {
    const started = performance.now()
    await gtfs.importGtfs(config)
    loadMs = performance.now() - started
    const db = gtfs.openDb(config)
    globalThis.gc?.()
    const after = process.memoryUsage()
    extra = { heapMB: (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / MB, rssMB: (after.rss - before.rss) / MB }
    latency = timeQueries((q) =>
      gtfs.getStoptimes({ stop_id: q.stopId, date: Number(q.date), start_time: q.time, end_time: q.end }, ['trip_id', 'stop_id', 'departure_time'], [['departure_time', 'ASC']], { db }).slice(0, 10),
    )
    gtfs.closeDb(db)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
console.log(JSON.stringify({ mode, loadMs, ...extra, peakRssMB: process.resourceUsage().maxRSS / 1024, ...latency }))
