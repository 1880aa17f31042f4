/**
 * Generator of the synthetic Thane sensor grid (datasets/sensors/): July 2026 at native resolution.
 *
 *   node datasets/generate/sensors.ts      # writes catalogue.json, faults.json, datapackage.json, observations.csv.gz
 *
 * One shared, seeded weather series (hourly rain and sky clearness) drives everything that reacts to
 * the monsoon: flood levels, PM wash-out, lake turbidity and dilution, solar output, traffic. Each
 * Thing then draws from its own named stream (`<seed>/thing/<station code>`), so adding a Thing or a
 * Datastream leaves every other series as it was. Faults (sensors-faults.ts) are applied last.
 *
 * Deterministic: no clock, no Math.random, stable order; gzip with a fixed level and no timestamp.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { Random } from './random.ts'
import { FAULTS, type FaultKind } from './sensors-faults.ts'
import { KINDS, PROPERTIES, SENSORS, SITES, STREAMS, type Kind, type Site, type StreamSpec } from './sensors-catalogue.ts'
import { sensorsPackage, type FileFacts } from './sensors-package.ts'
import { MINUTE, formatIst, ist, istParts } from './time.ts'

/** The seed of the sensors dataset. Change it and every file changes. */
export const SEED = 2026
/** First reading and the instant after the last one (readings are at START + k * interval, before END). */
export const START = ist(2026, 7, 1)
export const END = ist(2026, 8, 1)
export const DAYS = 31
const HOURS = DAYS * 24
/** The finest interval (flood gauges): every other interval is a multiple of it. */
const STEP = 5
const SLOTS = (DAYS * 24 * 60) / STEP
const START_WEEKDAY = istParts(START).weekday

export const SENSORS_DIR = fileURLToPath(new URL('../sensors/', import.meta.url))
const GENERATOR = 'datasets/generate/sensors.ts'
/** gzip level of observations.csv.gz (fixed so the bytes are too). */
const GZIP_LEVEL = 6

// ---------------------------------------------------------------------------------------------
// Weather: one shared series for the whole city

export interface Weather {
  /** Rain in mm per hour, one value an hour. */
  rain: Float64Array
  /** Sky clearness 0..1 (fraction of clear-sky sunshine), one value an hour. */
  sky: Float64Array
  /** Rain per day (mm). */
  daily: number[]
  /** Day indexes (0 = 1 July) of the heavy-rain days. */
  heavy: number[]
  /** Hours since the last hour with more than 0.5 mm of rain (capped), one value an hour. */
  dry: Float64Array
}

export function buildWeather(rng: Random): Weather {
  const regimeRng = rng.fork('regime')
  const active: boolean[] = []
  let on = true
  for (let d = 0; d < DAYS; d++) {
    active.push(on)
    on = on ? !regimeRng.bool(0.16) : regimeRng.bool(0.4)
  }
  const heavyRng = rng.fork('heavy')
  const candidates = heavyRng.shuffle(active.map((a, d) => (a && d > 0 && d < DAYS - 1 ? d : -1)).filter((d) => d >= 0))
  const heavy = candidates.slice(0, 4).sort((a, b) => a - b)

  const totalsRng = rng.fork('totals')
  const daily: number[] = []
  for (let d = 0; d < DAYS; d++) {
    if (heavy.includes(d)) daily.push(totalsRng.float(150, 240))
    else if (active[d]) daily.push(Math.min(70, totalsRng.logNormal(18, 0.6)))
    else daily.push(totalsRng.bool(0.5) ? 0 : totalsRng.float(0, 3))
  }

  const rain = new Float64Array(HOURS)
  const shapeRng = rng.fork('hourly')
  for (let d = 0; d < DAYS; d++) {
    const isHeavy = heavy.includes(d)
    const bursts = isHeavy ? shapeRng.int(2, 3) : shapeRng.int(1, 4)
    const kernel = new Float64Array(24)
    for (let b = 0; b < bursts; b++) {
      const centre = shapeRng.float(0, 24)
      const width = isHeavy ? shapeRng.float(1.5, 3.5) : shapeRng.float(0.7, 3)
      const weight = shapeRng.float(0.4, 1.6)
      for (let h = 0; h < 24; h++) kernel[h] = (kernel[h] as number) + weight * Math.exp(-0.5 * ((h + 0.5 - centre) / width) ** 2)
    }
    for (let h = 0; h < 24; h++) kernel[h] = (kernel[h] as number) * shapeRng.logNormal(1, 0.35)
    const sum = kernel.reduce((a, b) => a + b, 0)
    for (let h = 0; h < 24; h++) rain[d * 24 + h] = ((daily[d] as number) * (kernel[h] as number)) / sum
  }

  const sky = new Float64Array(HOURS)
  const skyRng = rng.fork('sky')
  let cloud = 0
  for (let i = 0; i < HOURS; i++) {
    cloud = 0.9 * cloud + skyRng.normal(0, 0.08)
    const d = Math.floor(i / 24)
    const base = active[d] ? 0.42 : 0.68
    sky[i] = clamp(base + cloud - 0.06 * (rain[i] as number), 0.06, 0.95)
  }

  const dry = new Float64Array(HOURS)
  let since = 48
  for (let i = 0; i < HOURS; i++) {
    since = (rain[i] as number) > 0.5 ? 0 : Math.min(since + 1, 96)
    dry[i] = since
  }
  return { rain, sky, daily, heavy, dry }
}

// ---------------------------------------------------------------------------------------------
// Shared shapes

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x)

/** Time of slot k (at STEP minutes) as hour-of-day (fractional) and weekday. */
interface When {
  hour: number
  weekday: number
  day: number
  /** Index of the hour since START. */
  h: number
}

function when(minutesSinceStart: number): When {
  const h = Math.floor(minutesSinceStart / 60)
  const day = Math.floor(h / 24)
  return { hour: (minutesSinceStart % 1440) / 60, weekday: (START_WEEKDAY + day) % 7, day, h }
}

const WEEKDAY_TRAFFIC = [0.18, 0.1, 0.07, 0.06, 0.08, 0.2, 0.45, 0.75, 0.95, 1.0, 0.95, 0.8, 0.7, 0.68, 0.7, 0.75, 0.82, 0.92, 1.0, 0.98, 0.85, 0.62, 0.42, 0.28]
const SATURDAY_TRAFFIC = [0.2, 0.12, 0.08, 0.07, 0.08, 0.16, 0.33, 0.55, 0.72, 0.8, 0.82, 0.8, 0.76, 0.74, 0.74, 0.76, 0.8, 0.86, 0.9, 0.9, 0.82, 0.66, 0.48, 0.32]
const SUNDAY_TRAFFIC = [0.24, 0.14, 0.09, 0.07, 0.07, 0.1, 0.2, 0.32, 0.45, 0.55, 0.62, 0.66, 0.66, 0.62, 0.6, 0.62, 0.66, 0.72, 0.76, 0.76, 0.7, 0.58, 0.44, 0.3]
/** Heavy trucks: mostly at night (daytime entry restrictions on the city's highways). */
const TRUCKS = [1.0, 1.0, 0.95, 0.9, 0.85, 0.7, 0.45, 0.25, 0.15, 0.15, 0.2, 0.3, 0.3, 0.3, 0.3, 0.3, 0.25, 0.15, 0.15, 0.15, 0.25, 0.5, 0.8, 0.95]

function interp(profile: readonly number[], hour: number): number {
  const i = Math.floor(hour) % 24
  const f = hour - Math.floor(hour)
  return (profile[i] as number) * (1 - f) + (profile[(i + 1) % 24] as number) * f
}

/** Relative road traffic (weekday peak = 1) at a fractional hour of a weekday (0 = Sunday). */
export function trafficShape(hour: number, weekday: number): number {
  return interp(weekday === 0 ? SUNDAY_TRAFFIC : weekday === 6 ? SATURDAY_TRAFFIC : WEEKDAY_TRAFFIC, hour)
}

/** Clear-sky solar shape 0..1 for Thane in July (sunrise about 06:05, sunset about 19:18 IST). */
function clearSky(hour: number): number {
  const rise = 6.1
  const set = 19.3
  if (hour <= rise || hour >= set) return 0
  return Math.sin((Math.PI * (hour - rise)) / (set - rise)) ** 1.25
}

/** An hourly series read at a fractional hour index, linearly interpolated. */
function hourly(series: Float64Array, hIndex: number): number {
  const i = Math.min(Math.floor(hIndex), HOURS - 1)
  const f = hIndex - i
  const a = series[i] as number
  const b = series[Math.min(i + 1, HOURS - 1)] as number
  return a * (1 - f) + b * f
}

/** An AR(1) process: `next()` returns the next value with the given persistence and innovation sd. */
function ar1(rng: Random, phi: number, sd: number): () => number {
  let x = rng.normal(0, sd / Math.sqrt(1 - phi * phi))
  return () => {
    x = phi * x + rng.normal(0, sd)
    return x
  }
}

function slotCount(interval: number): number {
  return (DAYS * 24 * 60) / interval
}

// ---------------------------------------------------------------------------------------------
// Per kind: each returns one Float64Array per stream key, at the stream's interval

type Series = Map<string, Float64Array>

function airQuality(site: Site, rng: Random, w: Weather): Series {
  const m = site.model as { pm: number; traffic: number; so2: number; nh3: number; coarse: number }
  const n = slotCount(15)
  const keys = ['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3'] as const
  const out = new Map(keys.map((k) => [k as string, new Float64Array(n)]))
  const noise = keys.map((k) => ar1(rng.fork(`noise/${k}`), 0.96, k === 'pm10' ? 0.04 : 0.06))
  const industrial = site.props.setting === 'industrial'
  // Wet-deposition index: rain in mm, decaying with a 6-hour time constant.
  let wet = 0
  let lastH = -1
  for (let i = 0; i < n; i++) {
    const t = when(i * 15)
    if (t.h !== lastH) {
      wet = wet * Math.exp(-1 / 6) + (w.rain[t.h] as number)
      lastH = t.h
    }
    const tr = trafficShape(t.hour, t.weekday)
    const stable = 1 + 0.32 * Math.cos((2 * Math.PI * (t.hour - 4)) / 24) // night-time inversion
    const wash = 0.5 + 0.5 * Math.exp(-wet / 8)
    const build = 1 + 0.3 * Math.min((w.dry[t.h] as number) / 24, 3)
    const sun = Math.max(0, Math.sin((Math.PI * (t.hour - 8.5)) / 11)) * (0.35 + 0.65 * hourly(w.sky, t.h + (t.hour % 1)))
    const e = noise.map((f) => Math.exp(f()))
    const pm25 = m.pm * stable ** 0.8 * (0.72 + 0.42 * m.traffic * tr) * wash * build * (e[0] as number)
    const pm10 = pm25 * m.coarse * (1 + 0.12 * (build - 1)) * (e[1] as number)
    const no2 = (7 + 27 * m.traffic * tr ** 0.9) * stable ** 0.6 * build ** 0.5 * (0.85 + 0.15 * wash) * (e[2] as number)
    const workHours = industrial && t.weekday !== 0 && t.hour >= 8 && t.hour < 20 ? 1 : 0
    const so2 = m.so2 * (1 + 0.7 * workHours) * stable ** 0.4 * (0.8 + 0.2 * wash) * (e[3] as number)
    const co = (0.32 + 0.75 * m.traffic * tr) * stable ** 0.6 * build ** 0.4 * (e[4] as number)
    const o3 = ((7 + 40 * sun) / (1 + 0.25 * m.traffic * tr)) * (e[5] as number)
    const nh3 = m.nh3 * (1 + 0.22 * Math.cos((2 * Math.PI * (t.hour - 7)) / 24)) * (e[6] as number)
    const values = [pm25, pm10, no2, so2, co, o3, nh3]
    keys.forEach((k, j) => ((out.get(k) as Float64Array)[i] = values[j] as number))
  }
  return out
}

function lakeWater(site: Site, rng: Random, w: Weather): Series {
  const m = site.model as { ph: number; do: number; turb: number; ec: number; area: number }
  const n = slotCount(60)
  const ph = new Float64Array(n)
  const dox = new Float64Array(n)
  const turb = new Float64Array(n)
  const temp = new Float64Array(n)
  const ec = new Float64Array(n)
  const nPh = ar1(rng.fork('noise/ph'), 0.9, 0.02)
  const nDo = ar1(rng.fork('noise/do'), 0.9, 0.12)
  const nTurb = ar1(rng.fork('noise/turbidity'), 0.85, 0.07)
  const nTemp = ar1(rng.fork('noise/temperature'), 0.95, 0.04)
  const nEc = ar1(rng.fork('noise/conductivity'), 0.95, 0.008)
  const offset = rng.fork('offset').float(-0.4, 0.4)
  let runoff = 0
  let dilution = 60
  let cool = 0
  for (let i = 0; i < n; i++) {
    const t = when(i * 60)
    const r = (w.rain[i] as number) * m.area
    runoff = runoff * Math.exp(-1 / 10) + r
    dilution = dilution * Math.exp(-1 / 72) + (w.rain[i] as number)
    cool = cool * Math.exp(-1 / 36) + 0.012 * (w.rain[i] as number)
    const light = 0.5 + 0.5 * (w.sky[i] as number)
    const photo = Math.sin((Math.PI * (t.hour - 8)) / 13) * light // negative at night: respiration
    ph[i] = m.ph + 0.3 * photo - 0.0012 * dilution + nPh()
    dox[i] = Math.max(0.3, m.do + 1.5 * photo - 0.012 * runoff + nDo())
    turb[i] = m.turb * (1 + 0.06 * runoff ** 1.1) * Math.exp(nTurb())
    temp[i] = 27.9 + offset + 0.7 * Math.sin((2 * Math.PI * (t.hour - 10)) / 24) - Math.min(cool, 1.8) + nTemp()
    ec[i] = m.ec * (1 - 0.4 * (1 - Math.exp(-dilution / 150))) * Math.exp(nEc())
  }
  return new Map([
    ['ph', ph],
    ['dissolved_oxygen', dox],
    ['turbidity', turb],
    ['water_temperature', temp],
    ['conductivity', ec],
  ])
}

/** The M2 tide's period in hours. */
const TIDE_PERIOD = 12.42

function floodGauge(site: Site, rng: Random, w: Weather): Series {
  const m = site.model as { base: number; tide: number; tau: number; rank: number }
  const threshold = site.props.threshold_m as number
  const danger = site.props.danger_m as number
  const n = slotCount(STEP)
  const local = rng.fork('local').float(0.85, 1.15)
  const phase = rng.fork('phase').float(0, TIDE_PERIOD)
  const noise = ar1(rng.fork('noise'), 0.8, 0.006)
  const store = new Float64Array(n)
  let s = 0
  const dt = STEP / 60
  for (let i = 0; i < n; i++) {
    const r = (w.rain[Math.floor(i / 12)] as number) * local
    s += dt * (r - s / m.tau)
    store[i] = s
  }
  // Scale the storm response so that the `rank`-th worst storm day just reaches the warning level
  // at high tide: only the few worst storms cross it (fewer where a storm peak meets low tide).
  const dayPeaks = Array.from({ length: DAYS }, (_, d) => Math.max(...store.subarray(d * 288, (d + 1) * 288))).sort((a, b) => b - a)
  const gain = (threshold + 0.05 - m.base - m.tide) / (dayPeaks[m.rank - 1] as number)
  const level = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const hours = (i * STEP) / 60
    const tide = m.tide * Math.cos((2 * Math.PI * (hours - phase)) / TIDE_PERIOD)
    const raw = m.base + tide + gain * (store[i] as number)
    // Above the danger level the water spills over the banks and rises only slowly.
    const banked = raw > danger ? danger + 0.25 * (raw - danger) : raw
    level[i] = Math.max(0.02, banked + noise())
  }
  return new Map([['water_level', level]])
}

function traffic(site: Site, rng: Random, w: Weather): Series {
  const m = site.model as { peak: number; heavy: number; nightTrucks: number }
  const n = slotCount(15)
  const series = {
    two_wheeler: new Float64Array(n),
    car: new Float64Array(n),
    auto_rickshaw: new Float64Array(n),
    bus_truck: new Float64Array(n),
  }
  const dayRng = rng.fork('day')
  const dayFactor = Array.from({ length: DAYS }, () => dayRng.logNormal(1, 0.05))
  const slotNoise = ar1(rng.fork('noise'), 0.7, 0.05)
  const counts = rng.fork('counts')
  const poisson = (mean: number): number => Math.max(0, Math.round(mean + Math.sqrt(mean) * counts.normal()))
  for (let i = 0; i < n; i++) {
    const t = when(i * 15)
    const rain = Math.min(1, (w.rain[t.h] as number) / 12)
    const f = trafficShape(t.hour + 0.125, t.weekday) * (dayFactor[t.day] as number) * Math.exp(slotNoise())
    const light = m.peak * (1 - m.heavy) * f * (1 - 0.15 * rain)
    series.two_wheeler[i] = poisson(light * 0.5 * (1 - 0.35 * rain))
    series.car[i] = poisson(light * 0.33 * (1 + 0.1 * rain))
    series.auto_rickshaw[i] = poisson(light * 0.17)
    const trucks = m.nightTrucks * interp(TRUCKS, t.hour + 0.125) * (t.weekday === 0 ? 0.7 : 1)
    series.bus_truck[i] = poisson(m.peak * m.heavy * (0.5 * f + 0.5 * trucks))
  }
  return new Map(Object.entries(series).map(([c, v]) => [`vehicle_count:${c}`, v]))
}

function streetlight(site: Site, rng: Random, w: Weather): Series {
  const m = site.model as { load: number; dim: number }
  const n = slotCount(15)
  const power = new Float64Array(n)
  const jitter = rng.fork('switching')
  const noise = rng.fork('noise')
  // Per day: switch-on in the evening (earlier under dark monsoon clouds) and switch-off next morning.
  const on: number[] = []
  const off: number[] = []
  for (let d = 0; d < DAYS; d++) {
    const dark = (w.sky[d * 24 + 18] as number) < 0.2
    on.push((dark ? 18.75 : 19.2) + jitter.float(-0.1, 0.15))
    off.push(6.2 + jitter.float(-0.1, 0.1))
  }
  for (let i = 0; i < n; i++) {
    const t = when(i * 15)
    const start = t.hour
    const end = t.hour + 0.25
    // Fraction of the slot with the lights on: after today's switch-on or before today's switch-off.
    const lit =
      Math.max(0, Math.min(end, 24) - Math.max(start, on[t.day] as number)) + Math.max(0, Math.min(end, off[t.day] as number) - start)
    const frac = Math.min(1, lit / 0.25)
    const level = t.hour < 5 ? m.dim : 1
    power[i] = frac * m.load * level * (1 + noise.normal(0, 0.008)) + 0.28 + noise.normal(0, 0.02)
  }
  return new Map([['power', power]])
}

/** Relative load of a building type at an hour and weekday. */
function buildingLoad(profile: number, hour: number, weekday: number): number {
  const weekend = weekday === 0 || weekday === 6
  switch (profile) {
    case 0: // office
      if (weekday === 0) return 0.22
      if (weekday === 6) return hour >= 9.5 && hour < 14 ? 0.6 : 0.22
      return hour >= 9.5 && hour < 18.5 ? 1 : hour >= 8.5 && hour < 20 ? 0.55 : 0.22
    case 1: // hospital
      return 0.72 + 0.28 * Math.max(0, Math.sin((Math.PI * (hour - 7)) / 14))
    case 2: // residential common areas, pumps and lifts
      return 0.3 + 0.5 * Math.exp(-0.5 * ((hour - 7.5) / 1.4) ** 2) + 0.75 * Math.exp(-0.5 * ((hour - 20.5) / 2) ** 2) + (weekend ? 0.15 : 0)
    case 3: // school (in session in July)
      if (weekday === 0) return 0.08
      if (weekday === 6) return hour >= 7.5 && hour < 12.5 ? 0.7 : 0.08
      return hour >= 7.5 && hour < 17.5 ? 1 : 0.08
    case 4: // water pumping: two pumping windows a day
      return (hour >= 4 && hour < 9) || (hour >= 17 && hour < 21) ? 1 : 0.12
    default: // market
      return hour >= 8 && hour < 22 ? 0.85 + 0.15 * Math.sin((Math.PI * (hour - 8)) / 14) : 0.18
  }
}

function smartMeter(site: Site, rng: Random): Series {
  const m = site.model as { profile: number; kw: number; start: number }
  const n = slotCount(15)
  const energy = new Float64Array(n)
  const noise = ar1(rng.fork('noise'), 0.8, 0.05)
  let register = m.start + rng.fork('offset').float(0, 100)
  for (let i = 0; i < n; i++) {
    const t = when(i * 15)
    const kw = m.kw * buildingLoad(m.profile, t.hour + 0.125, t.weekday) * Math.exp(noise())
    register += kw * 0.25
    energy[i] = register
  }
  return new Map([['energy', energy]])
}

function rooftopSolar(site: Site, rng: Random, w: Weather): Series {
  const cap = site.props.capacity_kw as number
  const n = slotCount(15)
  const power = new Float64Array(n)
  const noise = ar1(rng.fork('noise'), 0.7, 0.06)
  const derate = rng.fork('derate').float(0.76, 0.84)
  for (let i = 0; i < n; i++) {
    const t = when(i * 15)
    const mid = t.hour + 0.125
    const cs = clearSky(mid)
    const e = noise()
    power[i] = cs === 0 ? 0 : Math.min(cap * 0.95, cap * derate * cs * hourly(w.sky, t.h + (t.hour % 1)) * Math.exp(e))
  }
  return new Map([['power', power]])
}

/** Arrivals per hour at a busy public charger, by hour of day. */
const EV_ARRIVALS = [0.1, 0.05, 0.03, 0.03, 0.03, 0.05, 0.15, 0.3, 0.45, 0.55, 0.6, 0.6, 0.55, 0.5, 0.5, 0.5, 0.55, 0.65, 0.75, 0.8, 0.75, 0.55, 0.35, 0.2]

function evCharger(site: Site, rng: Random): Series {
  const cap = site.props.capacity_kw as number
  const use = site.model.use as number
  const dc = cap > 10
  const n = slotCount(15)
  const power = new Float64Array(n)
  const arrive = rng.fork('arrivals')
  const session = rng.fork('sessions')
  let i = 0
  while (i < n) {
    const t = when(i * 15)
    if (!arrive.bool(Math.min(0.9, interp(EV_ARRIVALS, t.hour) * use * 0.25))) {
      i++
      continue
    }
    const kw = dc ? cap * session.float(0.5, 0.93) : cap * session.float(0.88, 0.97)
    const minutes = dc ? session.float(25, 75) : session.float(90, 300)
    const startIn = session.float(0, 15)
    // Spread the session over the slots it covers, tapering the last 10 minutes (DC only).
    let at = startIn
    const endAt = startIn + minutes
    let k = i
    while (at < endAt && k < n) {
      const slotEnd = (k - i + 1) * 15
      const span = Math.min(endAt, slotEnd) - at
      const taper = dc && endAt - at < 10 ? 0.6 : 1
      power[k] = (power[k] as number) + (kw * taper * span) / 15
      at = slotEnd
      k++
    }
    i = k + 1 // the bay is free again after a short changeover
  }
  return new Map([['power', power]])
}

function seriesOf(site: Site, rng: Random, w: Weather): Series {
  switch (site.kind) {
    case 'air-quality':
      return airQuality(site, rng, w)
    case 'lake-water':
      return lakeWater(site, rng, w)
    case 'flood-gauge':
      return floodGauge(site, rng, w)
    case 'traffic':
      return traffic(site, rng, w)
    case 'streetlight-feeder':
      return streetlight(site, rng, w)
    case 'smart-meter':
      return smartMeter(site, rng)
    case 'rooftop-solar':
      return rooftopSolar(site, rng, w)
    case 'ev-charger':
      return evCharger(site, rng)
  }
}

// ---------------------------------------------------------------------------------------------
// Catalogue

export interface Thing {
  id: number
  name: string
  description: string
  properties: Record<string, unknown> & { kind: Kind; ward: string; station_code: string }
  location: {
    name: string
    description: string
    encodingType: 'application/geo+json'
    location: { type: 'Point'; coordinates: [number, number] }
  }
}

export interface Datastream {
  id: number
  name: string
  description: string
  thingId: number
  sensorId: number
  observedPropertyId: number
  unitOfMeasurement: { name: string; symbol: string; definition: string }
  observationType: string
  properties: Record<string, unknown> & { interval_minutes: number }
}

export interface Catalogue {
  things: Thing[]
  sensors: { id: number; name: string; description: string; encodingType: string; metadata: string; properties: Record<string, unknown> }[]
  observedProperties: { id: number; name: string; definition: string; description: string; properties: { code: string } }[]
  datastreams: Datastream[]
}

const OM = 'http://www.opengis.net/def/observationType/OGC-OM/2.0/'

/** Things in catalogue order: by kind (KINDS order), then by station code. */
export function orderedSites(): Site[] {
  const rank = (k: Kind): number => KINDS.findIndex((x) => x.kind === k)
  return SITES.slice().sort((a, b) => rank(a.kind) - rank(b.kind) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}

interface Built {
  catalogue: Catalogue
  /** Per datastream id: its site and its stream template. */
  streams: { id: number; site: Site; spec: StreamSpec }[]
}

function buildCatalogue(): Built {
  const sites = orderedSites()
  const label = (k: Kind): string => (KINDS.find((x) => x.kind === k) as { label: string }).label
  const things: Thing[] = sites.map((s, i) => ({
    id: i + 1,
    name: `${s.place} ${label(s.kind)}`,
    description: s.about,
    properties: { kind: s.kind, ward: s.ward, station_code: s.code, ...s.props },
    location: {
      name: s.place,
      description: `${s.place}, ${s.ward} ward, Thane (approximate position)`,
      encodingType: 'application/geo+json',
      location: { type: 'Point', coordinates: [s.lon, s.lat] },
    },
  }))
  const sensors = SENSORS.map((s, i) => ({
    id: i + 1,
    name: s.name,
    description: s.description,
    encodingType: s.encodingType,
    metadata: `https://example.org/thane-sensors/${s.slug}.${s.encodingType === 'application/pdf' ? 'pdf' : 'html'}`,
    properties: { model: s.slug, ...s.properties },
  }))
  const observedProperties = PROPERTIES.map((p, i) => ({
    id: i + 1,
    name: p.name,
    definition: p.definition,
    description: p.description,
    properties: { code: p.code },
  }))
  const datastreams: Datastream[] = []
  const streams: Built['streams'] = []
  sites.forEach((s, i) => {
    for (const spec of STREAMS[s.kind]) {
      const id = datastreams.length + 1
      const sensorId = SENSORS.findIndex((x) => x.slug === spec.sensor) + 1
      const observedPropertyId = PROPERTIES.findIndex((p) => p.code === spec.property) + 1
      if (sensorId < 1 || observedPropertyId < 1) throw new Error(`bug: unknown sensor or property in ${s.code}/${spec.key}`)
      const every = spec.interval === 60 ? 'every hour' : `every ${spec.interval} minutes`
      datastreams.push({
        id,
        name: `${s.code} ${s.place}: ${spec.label}`,
        description: `${capitalise(spec.label)} at the ${things[i]?.name}, ${every}.`,
        thingId: i + 1,
        sensorId,
        observedPropertyId,
        unitOfMeasurement: { name: spec.unit.name, symbol: spec.unit.symbol, definition: spec.unit.definition },
        observationType: `${OM}${spec.count ? 'OM_CountObservation' : 'OM_Measurement'}`,
        properties: { interval_minutes: spec.interval, ...spec.extra, ucum: spec.unit.ucum },
      })
      streams.push({ id, site: s, spec })
    }
  })
  return { catalogue: { things, sensors, observedProperties, datastreams }, streams }
}

const capitalise = (s: string): string => (/^[a-z]/.test(s) ? s[0]?.toUpperCase() + s.slice(1) : s)

// ---------------------------------------------------------------------------------------------
// Faults

export interface Fault {
  datastream_id: number
  kind: FaultKind
  from: string
  to: string
  note: string
}

/** `2026-07-09T02:00` (IST) to the reading index in a stream with the given interval. */
function slotOf(local: string, interval: number): number {
  const [date, time] = local.split('T') as [string, string]
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number]
  const [h, mi] = time.split(':').map(Number) as [number, number]
  const minutes = (ist(y, mo, d, h, mi) - START) / MINUTE
  if (minutes % interval !== 0 || minutes < 0 || minutes >= DAYS * 1440) throw new Error(`bug: fault time ${local} is not a reading at ${interval} minutes`)
  return minutes / interval
}

/** Applies the planned faults to the series (in place) and returns the missing-reading masks and the fault list. */
function applyFaults(built: Built, values: Map<number, Float64Array>): { missing: Map<number, Uint8Array>; faults: Fault[] } {
  const missing = new Map<number, Uint8Array>()
  const touched = new Map<number, Uint8Array>()
  const faults: Fault[] = []
  for (const plan of FAULTS) {
    const targets = built.streams.filter((s) => s.site.code === plan.station && (plan.stream === '*' || s.spec.key === plan.stream))
    if (targets.length === 0) throw new Error(`bug: fault for ${plan.station}/${plan.stream} matches no datastream`)
    for (const { id, spec } of targets) {
      const v = values.get(id) as Float64Array
      const from = slotOf(plan.from, spec.interval)
      const to = slotOf(plan.to, spec.interval)
      if (to < from) throw new Error(`bug: fault ${plan.station}/${plan.stream} ends before it starts`)
      const mark = touched.get(id) ?? new Uint8Array(v.length)
      for (let k = Math.max(0, from - 1); k <= to; k++) if (mark[k]) throw new Error(`bug: faults overlap on datastream ${id} at ${k}`)
      for (let k = from; k <= to; k++) mark[k] = 1
      touched.set(id, mark)
      if (plan.kind === 'gap') {
        const gap = missing.get(id) ?? new Uint8Array(v.length)
        for (let k = from; k <= to; k++) gap[k] = 1
        missing.set(id, gap)
      } else if (plan.kind === 'stuck') {
        const held = roundTo(v[from - 1] as number, spec.decimals)
        for (let k = from; k <= to; k++) v[k] = held
      } else if (plan.kind === 'spike') {
        if (plan.value === undefined) throw new Error(`bug: spike without a value on ${plan.station}`)
        v[from] = plan.value
      } else {
        // Meter reset: the new register starts from zero and keeps counting.
        const before = v[from - 1] as number
        for (let k = from; k < v.length; k++) v[k] = (v[k] as number) - before
      }
      faults.push({ datastream_id: id, kind: plan.kind, from: formatIst(START + from * spec.interval * MINUTE), to: formatIst(START + to * spec.interval * MINUTE), note: plan.note })
    }
  }
  faults.sort((a, b) => a.datastream_id - b.datastream_id || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  return { missing, faults }
}

// ---------------------------------------------------------------------------------------------
// Output

function roundTo(x: number, decimals: number): number {
  const p = 10 ** decimals
  const r = Math.round(x * p) / p
  return r === 0 ? 0 : r // no "-0"
}

export interface SensorFiles {
  files: string[]
  thingCount: number
  datastreamCount: number
  observationCount: number
}

export interface SensorData {
  catalogue: Catalogue
  faults: Fault[]
  csv: string
  rows: number
  weather: Weather
  /** air-quality.csv: the hourly wide export of the air-quality stations. */
  airQuality: { csv: string; rows: number }
}

// ---------------------------------------------------------------------------------------------
// The hourly air-quality export (air-quality.csv)

/** The pollutant columns of air-quality.csv, in order (the stream keys of an air-quality Thing). */
export const AIR_QUALITY_POLLUTANTS = ['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3'] as const
/** A pollutant's hourly mean needs this many of its four 15-minute readings (75 % data capture). */
const MIN_READINGS_AN_HOUR = 3

// CPCB National AQI (the same table and choices as sdk/src/sensors/aqi.ts; the test checks the two agree).
const AQI_BANDS: Record<(typeof AIR_QUALITY_POLLUTANTS)[number], readonly (readonly [number, number])[]> = {
  pm25: [[0, 30], [31, 60], [61, 90], [91, 120], [121, 250], [251, 380]],
  pm10: [[0, 50], [51, 100], [101, 250], [251, 350], [351, 430], [431, 510]],
  no2: [[0, 40], [41, 80], [81, 180], [181, 280], [281, 400], [401, 520]],
  so2: [[0, 40], [41, 80], [81, 380], [381, 800], [801, 1600], [1601, 2400]],
  co: [[0, 1.0], [1.1, 2.0], [2.1, 10], [10.1, 17], [17.1, 34], [34.1, 51]],
  o3: [[0, 50], [51, 100], [101, 168], [169, 208], [209, 748], [749, 1288]],
  nh3: [[0, 200], [201, 400], [401, 800], [801, 1200], [1201, 1800], [1801, 2400]],
}
const AQI_INDEX: readonly (readonly [number, number])[] = [[0, 50], [51, 100], [101, 200], [201, 300], [301, 400], [401, 500]]
const EIGHT_HOUR = new Set(['co', 'o3'])

function subIndex(pollutant: (typeof AIR_QUALITY_POLLUTANTS)[number], c: number): number {
  const f = pollutant === 'co' ? 10 : 1
  const used = Math.round(Number((c * f).toPrecision(12))) / f
  const bands = AQI_BANDS[pollutant]
  const i = bands.findIndex(([, hi]) => used <= hi)
  if (i < 0) return 500
  const [bLo, bHi] = bands[i] as readonly [number, number]
  const [iLo, iHi] = AQI_INDEX[i] as readonly [number, number]
  return Math.round(((iHi - iLo) / (bHi - bLo)) * (Math.max(used, bLo) - bLo) + iLo)
}

const meanOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length

/**
 * The AQI at hour `h` from the hourly means (NaN = no data) of the 24 hours ending with it: 24-hour
 * means (at least 16 hours) for PM, NO2, SO2 and NH3, the largest 8-hour running mean (at least 6
 * hours a window) for CO and O3; at least three pollutants, one of them PM. Undefined otherwise.
 */
function aqiAt(hourly: Map<string, Float64Array>, h: number): number | undefined {
  const indices: number[] = []
  let pm = false
  for (const p of AIR_QUALITY_POLLUTANTS) {
    const series = hourly.get(p) as Float64Array
    const bins: (number | undefined)[] = []
    for (let k = h - 23; k <= h; k++) {
      const v = k >= 0 ? (series[k] as number) : NaN
      bins.push(Number.isNaN(v) ? undefined : v)
    }
    const valid = (xs: (number | undefined)[]): number[] => xs.filter((x): x is number => x !== undefined)
    let avg: number | undefined
    if (!EIGHT_HOUR.has(p)) {
      const v = valid(bins)
      if (v.length >= 16) avg = meanOf(v)
    } else {
      for (let last = 8; last <= 24; last++) {
        const v = valid(bins.slice(last - 8, last))
        if (v.length >= 6 && (avg === undefined || meanOf(v) > avg)) avg = meanOf(v)
      }
    }
    if (avg === undefined) continue
    indices.push(subIndex(p, avg))
    if (p === 'pm25' || p === 'pm10') pm = true
  }
  return indices.length >= 3 && pm ? Math.max(...indices) : undefined
}

/**
 * The hourly wide export of the air-quality stations, as a CPCB portal gives it: one row a station
 * and hour (`timestamp` = the hour's start), each pollutant the mean of that hour's four 15-minute
 * readings as observations.csv.gz has them (faults included, so an outage is missing rows and a
 * stuck analyser a flat line), empty when fewer than three are there; an hour with no reading at
 * all is no row. `aqi` is the CPCB AQI from the 24 hours ending with the row, empty until a day of
 * data has built up. Station ids are TMC-<station code>.
 */
function airQualityExport(built: Built, values: Map<number, Float64Array>, missing: Map<number, Uint8Array>): { csv: string; rows: number } {
  const lines = ['station_id,timestamp,pm25,pm10,no2,so2,co,o3,nh3,aqi']
  const sites = orderedSites().filter((site) => site.kind === 'air-quality')
  for (const site of sites) {
    const hourly = new Map<string, Float64Array>()
    for (const p of AIR_QUALITY_POLLUTANTS) {
      const s = built.streams.find((x) => x.site.code === site.code && x.spec.key === p)
      if (!s || s.spec.interval !== 15) throw new Error(`bug: no 15-minute ${p} stream for ${site.code}`)
      const v = values.get(s.id) as Float64Array
      const gap = missing.get(s.id)
      const means = new Float64Array(HOURS).fill(NaN)
      for (let h = 0; h < HOURS; h++) {
        const got: number[] = []
        for (let k = 4 * h; k < 4 * h + 4; k++) if (!gap?.[k]) got.push(roundTo(v[k] as number, s.spec.decimals))
        if (got.length >= MIN_READINGS_AN_HOUR) means[h] = roundTo(meanOf(got), s.spec.decimals)
      }
      hourly.set(p, means)
    }
    for (let h = 0; h < HOURS; h++) {
      const cells = AIR_QUALITY_POLLUTANTS.map((p) => (hourly.get(p) as Float64Array)[h] as number)
      if (cells.every((c) => Number.isNaN(c))) continue
      const aqi = aqiAt(hourly, h)
      lines.push(`TMC-${site.code},${formatIst(START + h * 60 * MINUTE)},${cells.map((c) => (Number.isNaN(c) ? '' : String(c))).join(',')},${aqi ?? ''}`)
    }
  }
  return { csv: lines.join('\n') + '\n', rows: lines.length - 1 }
}

/** Builds everything in memory (no files). */
export function buildSensors(): SensorData {
  const root = new Random(SEED)
  const weather = buildWeather(root.fork('weather'))
  const built = buildCatalogue()
  const values = new Map<number, Float64Array>()
  const bySite = new Map<string, Series>()
  for (const s of built.streams) {
    let series = bySite.get(s.site.code)
    if (!series) {
      series = seriesOf(s.site, root.fork('thing').fork(s.site.code), weather)
      bySite.set(s.site.code, series)
    }
    const v = series.get(s.spec.key)
    if (!v || v.length !== slotCount(s.spec.interval)) throw new Error(`bug: no series ${s.spec.key} for ${s.site.code}`)
    values.set(s.id, v)
  }
  const { missing, faults } = applyFaults(built, values)

  // Timestamps for every STEP-minute slot, formatted once.
  const stamps: string[] = []
  for (let k = 0; k < SLOTS; k++) stamps.push(formatIst(START + k * STEP * MINUTE))
  const chunks: string[] = ['datastream_id,phenomenon_time,result\n']
  let rows = 0
  for (const { id, spec } of built.streams) {
    const v = values.get(id) as Float64Array
    const gap = missing.get(id)
    const stride = spec.interval / STEP
    const lines: string[] = []
    for (let k = 0; k < v.length; k++) {
      if (gap?.[k]) continue
      const x = v[k] as number
      if (!Number.isFinite(x)) throw new Error(`bug: datastream ${id} has a non-finite value at ${k}`)
      lines.push(`${id},${stamps[k * stride]},${roundTo(x, spec.decimals)}`)
    }
    rows += lines.length
    chunks.push(lines.join('\n') + '\n')
  }
  const airQuality = airQualityExport(built, values, missing)
  return { catalogue: built.catalogue, faults, csv: chunks.join(''), rows, weather, airQuality }
}

function facts(content: string | Buffer): FileFacts {
  return { bytes: Buffer.byteLength(content), hash: `sha256:${createHash('sha256').update(content).digest('hex')}` }
}

/** Writes catalogue.json, faults.json, datapackage.json and observations.csv.gz into outDir. */
export function generateSensors(outDir: string = SENSORS_DIR): SensorFiles {
  const data = buildSensors()
  const catalogue = JSON.stringify(data.catalogue, null, 2) + '\n'
  const faults = JSON.stringify(data.faults, null, 2) + '\n'
  const gz = gzipSync(Buffer.from(data.csv, 'utf8'), { level: GZIP_LEVEL })
  const pkg = sensorsPackage({
    seed: SEED,
    generator: GENERATOR,
    start: formatIst(START),
    end: formatIst(END - MINUTE),
    rows: data.rows,
    counts: Object.fromEntries(KINDS.map((k) => [k.kind, data.catalogue.things.filter((t) => t.properties.kind === k.kind).length])),
    datastreams: data.catalogue.datastreams.length,
    streams: data.catalogue.datastreams.map((d) => {
      const thing = data.catalogue.things[d.thingId - 1] as Thing
      const property = data.catalogue.observedProperties[d.observedPropertyId - 1]?.properties.code ?? ''
      const capacity = thing.properties.capacity_kw
      return {
        id: d.id,
        kind: thing.properties.kind,
        property,
        intervalMinutes: d.properties.interval_minutes,
        cumulative: d.properties.cumulative === true,
        ...(property === 'power' && typeof capacity === 'number' ? { capacityKw: capacity } : {}),
      }
    }),
    files: { catalogue: facts(catalogue), faults: facts(faults), airQuality: { ...facts(data.airQuality.csv), rows: data.airQuality.rows } },
  })
  const out: [string, string | Buffer][] = [
    ['catalogue.json', catalogue],
    ['faults.json', faults],
    ['datapackage.json', JSON.stringify(pkg, null, 2) + '\n'],
    ['observations.csv.gz', gz],
    ['air-quality.csv', data.airQuality.csv],
  ]
  mkdirSync(outDir, { recursive: true })
  const files: string[] = []
  for (const [name, content] of out) {
    const path = join(outDir, name)
    writeFileSync(path, content)
    files.push(path)
  }
  return { files, thingCount: data.catalogue.things.length, datastreamCount: data.catalogue.datastreams.length, observationCount: data.rows }
}


const runDirectly =
  import.meta.main ?? (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
if (runDirectly) {
  const started = performance.now()
  const r = generateSensors()
  const ms = Math.round(performance.now() - started)
  process.stdout.write(
    `wrote ${r.thingCount} things, ${r.datastreamCount} datastreams, ${r.observationCount} observations in ${ms} ms; ` +
      `${r.files.map((f) => f.replace(`${resolve(SENSORS_DIR, '..')}/`, 'datasets/')).join(', ')}\n`,
  )
}
