// The air-quality export every tool in bench/validate.mjs validates: a seeded, reproducible CSV of
// 9 stations every 15 minutes, cached in bench/.cache/ by rows and seed.
//   airQualityFile({ rows, seed, invalid }) -> { path, bytes, rows, injected }
// The valid file passes bench/lib/air-quality.schema.json; the `invalid` variant is the same data
// with about 0.1% of the rows given exactly one problem each (a bad number, a bad timestamp, a
// negative value, an AQI over 500, a duplicate primary key), so `injected` is the error count a
// tool that checks every cell and the key should report.
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const CACHE_DIR = join(here, '..', '.cache')
export const HEADER = 'station_id,timestamp,pm25,pm10,no2,so2,co,o3,nh3,aqi'

// Per-station baselines, those of the sensors dataset's air-quality sites (datasets/generate/sensors-catalogue.ts):
// pm the particulate level, traffic the NO2/CO load, so2 and nh3 baselines, coarse the PM10/PM2.5 ratio.
const STATIONS = [
  { pm: 21, traffic: 1.6, so2: 9, nh3: 18, coarse: 2.25 },
  { pm: 15, traffic: 0.9, so2: 8, nh3: 20, coarse: 2.0 },
  { pm: 20, traffic: 1.5, so2: 9, nh3: 17, coarse: 2.3 },
  { pm: 16, traffic: 1.0, so2: 10, nh3: 21, coarse: 2.05 },
  { pm: 17, traffic: 1.1, so2: 9, nh3: 24, coarse: 2.1 },
  { pm: 18, traffic: 0.9, so2: 19, nh3: 19, coarse: 2.1 },
  { pm: 11, traffic: 0.5, so2: 6, nh3: 14, coarse: 1.9 },
  { pm: 16, traffic: 0.7, so2: 8, nh3: 36, coarse: 2.1 },
  { pm: 17, traffic: 1.2, so2: 8, nh3: 15, coarse: 2.2 },
].map((s, i) => ({ ...s, id: `TMC-AQ-0${i + 1}` }))

// Thane's year: clean air in the monsoon (June–September), the worst in winter.
const SEASON = [1.9, 1.7, 1.3, 1.1, 1.0, 0.7, 0.5, 0.45, 0.55, 0.9, 1.5, 1.9]
// Rush hours and the shallow night-time boundary layer raise the levels; the afternoon mixes them away.
const DIURNAL = [1.15, 1.1, 1.05, 1.0, 1.0, 1.05, 1.15, 1.3, 1.4, 1.3, 1.1, 0.95, 0.85, 0.8, 0.8, 0.85, 0.95, 1.05, 1.2, 1.35, 1.4, 1.35, 1.3, 1.2]
const START_UTC_MS = Date.UTC(2026, 6, 1) // read as the local wall time 2026-07-01T00:00 (+05:30 has no DST)
const STEP_MS = 15 * 60 * 1000

/** mulberry32: small, fast and the same on every machine. */
function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad2 = (n) => (n < 10 ? `0${n}` : String(n))
/** One decimal without toFixed (the hot loop writes ~7 of these a row). */
function tenths(value) {
  const n = Math.round(value * 10)
  return `${Math.trunc(n / 10)}.${n % 10}`
}

// India's National AQI sub-index, piecewise linear over the CPCB breakpoints.
const PM25_BP = [[0, 0], [30, 50], [60, 100], [90, 200], [120, 300], [250, 400], [380, 500]]
const PM10_BP = [[0, 0], [50, 50], [100, 100], [250, 200], [350, 300], [430, 400], [510, 500]]
function subIndex(value, bp) {
  for (let i = 1; i < bp.length; i++) {
    const [c1, i1] = bp[i]
    if (value <= c1) {
      const [c0, i0] = bp[i - 1]
      return i0 + ((value - c0) * (i1 - i0)) / (c1 - c0)
    }
  }
  return 500
}

/** The CSV text of `count` rows starting at row `from` (rows are written in blocks to bound memory). */
function block(state, from, count) {
  const { random, inject, invalid } = state
  const lines = new Array(count)
  for (let r = from; r < from + count; r++) {
    const stationIndex = r % STATIONS.length
    const step = (r - stationIndex) / STATIONS.length
    const s = STATIONS[stationIndex]
    const wall = new Date(START_UTC_MS + step * STEP_MS)
    const hour = wall.getUTCHours()
    const dayKey = wall.getUTCFullYear() * 10000 + wall.getUTCMonth() * 100 + wall.getUTCDate()
    if (dayKey !== state.dayKey) {
      state.dayKey = dayKey
      state.day = `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`
      state.season = SEASON[wall.getUTCMonth()]
    }
    const timestamp = `${state.day}T${pad2(hour)}:${pad2(wall.getUTCMinutes())}:00+05:30`
    const noise = () => 0.8 + random() * 0.45
    const load = state.season * DIURNAL[hour]
    const pm25 = s.pm * 3 * load * noise()
    const pm10 = pm25 * s.coarse * (0.9 + random() * 0.2)
    const no2 = 5 + 18 * s.traffic * DIURNAL[hour] * Math.sqrt(state.season) * noise()
    const so2 = s.so2 * noise()
    const co = 0.3 + 0.6 * s.traffic * DIURNAL[hour] * noise()
    const sun = hour >= 7 && hour <= 18 ? Math.sin(((hour - 7) / 11) * Math.PI) : 0
    const o3 = (10 + 70 * sun * (state.season < 0.7 ? 0.6 : 1)) * noise()
    const nh3 = s.nh3 * noise()
    const aqi = Math.min(500, Math.round(Math.max(subIndex(pm25, PM25_BP), subIndex(pm10, PM10_BP))))
    const cells = [s.id, timestamp, tenths(pm25), tenths(pm10), tenths(no2), tenths(so2), tenths(co), tenths(o3), tenths(nh3), String(aqi)]
    // A separate generator decides the injected problems, so the variant differs only in those rows.
    if (invalid && inject() < 0.001 && r > 0) {
      const kind = Math.floor(inject() * 5)
      const column = 2 + Math.floor(inject() * 7) // one of the pollutants
      if (kind === 0) cells[column] = inject() < 0.5 ? `${cells[column]}.5` : 'n/a'
      else if (kind === 1) cells[1] = `${timestamp.slice(0, 5)}13${timestamp.slice(7)}` // month 13
      else if (kind === 2) cells[column] = `-${cells[column]}`
      else if (kind === 3) cells[9] = String(501 + Math.floor(inject() * 99))
      else [cells[0], cells[1]] = state.previousKey // the key of the row before
      state.injected++
    }
    state.previousKey = [cells[0], cells[1]]
    lines[r - from] = cells.join(',')
  }
  return `${lines.join('\n')}\n`
}

/**
 * The cached file for these rows and seed, written first if missing. `injected` (for the invalid
 * variant) is stored in the file name, so a cached file still tells it.
 */
export async function airQualityFile({ rows = 1_000_000, seed = 1, invalid = false } = {}) {
  mkdirSync(CACHE_DIR, { recursive: true })
  const stem = join(CACHE_DIR, `air-quality-${rows}-s${seed}${invalid ? '-invalid' : ''}`)
  const cached = findCached(stem, rows, invalid)
  if (cached) return cached

  const state = { random: prng(seed), inject: prng(seed ^ 0x5eed), invalid, injected: 0, dayKey: -1, day: '', season: 1, previousKey: ['', ''] }
  const partial = `${stem}.partial`
  const out = createWriteStream(partial)
  const write = (text) => (out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve)))
  await write(`${HEADER}\n`)
  const BLOCK = 50_000
  for (let from = 0; from < rows; from += BLOCK) await write(block(state, from, Math.min(BLOCK, rows - from)))
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())))
  const path = `${stem}${invalid ? `-e${state.injected}` : ''}.csv`
  renameSync(partial, path)
  return { path, bytes: statSync(path).size, rows, injected: state.injected }
}

function findCached(stem, rows, invalid) {
  if (!invalid) return existsSync(`${stem}.csv`) ? { path: `${stem}.csv`, bytes: statSync(`${stem}.csv`).size, rows, injected: 0 } : undefined
  // The invalid variant's name ends in -e<injected>.csv (one such file: the count follows from the seed).
  const prefix = `${stem}-e`
  const name = readdirSync(dirname(stem)).find((n) => join(dirname(stem), n).startsWith(prefix) && n.endsWith('.csv'))
  if (name === undefined) return undefined
  const path = join(dirname(stem), name)
  return { path, bytes: statSync(path).size, rows, injected: Number(path.slice(prefix.length, -'.csv'.length)) }
}
