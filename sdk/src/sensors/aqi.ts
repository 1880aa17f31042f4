import { InputError } from '../errors.js'
import type { AqiCategory, AqiResult, AqiSubIndex, AveragingResult, Pollutant, PollutantAverages, TimedValue } from './types.js'

// India's National Air Quality Index (CPCB, 2014) as pure functions. Every choice the standard
// leaves open is decided here and explained in AQI.md beside this file.

/** The pollutants in the order results list them. */
export const POLLUTANTS: readonly Pollutant[] = ['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3', 'pb']

/** The six categories, Good first. */
export const AQI_CATEGORIES: readonly AqiCategory[] = [
  { name: 'Good', range: [0, 50], color: '#00B050' },
  { name: 'Satisfactory', range: [51, 100], color: '#92D050' },
  { name: 'Moderately polluted', range: [101, 200], color: '#FFFF00' },
  { name: 'Poor', range: [201, 300], color: '#FF9900' },
  { name: 'Very poor', range: [301, 400], color: '#FF0000' },
  { name: 'Severe', range: [401, 500], color: '#C00000' },
]

/**
 * CPCB's breakpoints: for each pollutant, the concentration range `[lo, hi]` of each category in
 * the order of `AQI_CATEGORIES`, as CPCB prints them (lower bounds 31, 51, 1.1 …), with:
 * - CO's Poor and Very poor bands starting at 10.1 and 17.1 (CPCB prints 10–17, 17–34), and Pb's at
 *   0.51, 1.01, 2.01, 3.01, 3.51, so that bands meet at the pollutant's rounding step;
 * - NH3's Very poor band starting at 1201 (printed 1200–1800);
 * - the Severe band, open-ended in the standard, closed as CPCB's own calculator does: extended above
 *   the Very poor band by that band's width (O3 and Pb likewise: 749–1288, 3.51–4.0).
 */
export const AQI_BREAKPOINTS: Readonly<Record<Pollutant, readonly (readonly [number, number])[]>> = {
  pm25: [[0, 30], [31, 60], [61, 90], [91, 120], [121, 250], [251, 380]],
  pm10: [[0, 50], [51, 100], [101, 250], [251, 350], [351, 430], [431, 510]],
  no2: [[0, 40], [41, 80], [81, 180], [181, 280], [281, 400], [401, 520]],
  so2: [[0, 40], [41, 80], [81, 380], [381, 800], [801, 1600], [1601, 2400]],
  co: [[0, 1.0], [1.1, 2.0], [2.1, 10], [10.1, 17], [17.1, 34], [34.1, 51]],
  o3: [[0, 50], [51, 100], [101, 168], [169, 208], [209, 748], [749, 1288]],
  nh3: [[0, 200], [201, 400], [401, 800], [801, 1200], [1201, 1800], [1801, 2400]],
  pb: [[0, 0.5], [0.51, 1.0], [1.01, 2.0], [2.01, 3.0], [3.01, 3.5], [3.51, 4.0]],
}

/** Decimals a concentration is rounded to before the breakpoints apply: CO 1 (mg/m³), Pb 2, the others 0 (µg/m³). */
export const AQI_DECIMALS: Readonly<Record<Pollutant, number>> = { pm25: 0, pm10: 0, no2: 0, so2: 0, co: 1, o3: 0, nh3: 0, pb: 2 }

/** Averaging period of each pollutant, in hours. */
export const AQI_AVERAGING_HOURS: Readonly<Record<Pollutant, 8 | 24>> = { pm25: 24, pm10: 24, no2: 24, so2: 24, co: 8, o3: 8, nh3: 24, pb: 24 }

/** Hours of data (of 24) a 24-hour average needs. */
export const MIN_HOURS_24H = 16
/** Hours of data (of 8) an 8-hour average needs. */
export const MIN_HOURS_8H = 6

const HOUR = 3_600_000

function isPollutant(value: unknown): value is Pollutant {
  return typeof value === 'string' && (POLLUTANTS as readonly string[]).includes(value)
}

/** Half-up rounding to `decimals` places, robust to binary fractions (1.05 → 1.1). */
function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(Number((value * f).toPrecision(12))) / f
}

/** The category of an AQI or sub-index (0–500). */
export function aqiCategory(index: number): AqiCategory {
  if (!Number.isFinite(index) || index < 0) throw new InputError(`an AQI must be a number of 0 or more, not ${String(index)}`, { field: 'aqi' })
  const rounded = Math.round(index)
  return AQI_CATEGORIES.find((c) => rounded <= c.range[1]) ?? AQI_CATEGORIES[AQI_CATEGORIES.length - 1]!
}

function checkConcentration(pollutant: Pollutant, concentration: number): void {
  if (!isPollutant(pollutant)) throw new InputError(`unknown pollutant ${JSON.stringify(pollutant)}; use one of ${POLLUTANTS.join(', ')}`, { field: 'pollutant' })
  if (typeof concentration !== 'number' || !Number.isFinite(concentration) || concentration < 0) {
    throw new InputError(`the ${pollutant} concentration must be a finite number of 0 or more, not ${String(concentration)}`, { field: pollutant })
  }
}

function detail(pollutant: Pollutant, concentration: number, used: number): AqiSubIndex {
  const bands = AQI_BREAKPOINTS[pollutant]
  const top = bands[bands.length - 1]![1]
  const capped = used > top
  let index = 500
  if (!capped) {
    const i = bands.findIndex(([, hi]) => used <= hi)
    const [bLo, bHi] = bands[i]!
    const [iLo, iHi] = AQI_CATEGORIES[i]!.range
    // Rounding makes the bands meet, so `used` is never below bLo; the max() only guards the formula.
    index = Math.round(((iHi - iLo) / (bHi - bLo)) * (Math.max(used, bLo) - bLo) + iLo)
  }
  return { pollutant, concentration, used, index, category: aqiCategory(index), capped }
}

/**
 * A pollutant's sub-index: the averaged concentration (µg/m³; CO in mg/m³) rounded to the
 * pollutant's step (`AQI_DECIMALS`), then interpolated linearly in its CPCB band and rounded to a
 * whole number; 500 above the top of the extended Severe band. Throws `InputError` for an unknown
 * pollutant or a negative or non-finite concentration.
 *
 * @example
 * subIndex('pm25', 31) //=> 51
 * subIndex('pm25', 45) //=> 75   (49/29 × 14 + 51 = 74.66)
 * subIndex('co', 1.5)  //=> 73   (mg/m³)
 */
export function subIndex(pollutant: Pollutant, concentration: number): number {
  checkConcentration(pollutant, concentration)
  return detail(pollutant, concentration, roundTo(concentration, AQI_DECIMALS[pollutant])).index
}

function given(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value)
}

/**
 * The National AQI from averaged concentrations (see `PollutantAverages`): each pollutant's
 * sub-index, the AQI as the largest, its category and the dominant pollutant(s) (all of them when
 * several tie). Needs at least three pollutants, one of them PM2.5 or PM10; otherwise `aqi` is `null`
 * with a `reason`, and the sub-indices are still given. For O3 above 208 µg/m³ (8-hour), the 1-hour
 * value `o3OneHour` is applied to the Very poor and Severe bands when it is given.
 * Throws `InputError` for a negative or infinite concentration.
 *
 * @example
 * computeAqi({ pm25: 45, pm10: 80, no2: 30 })
 * //=> { aqi: 80, category: { name: 'Satisfactory', … }, dominant: ['pm10'], subIndices: [ … ] }
 */
export function computeAqi(averages: PollutantAverages): AqiResult {
  if (typeof averages !== 'object' || averages === null) throw new InputError('computeAqi() needs an object of averaged concentrations such as { pm25: 45, pm10: 80, no2: 30 }', { field: 'averages' })
  const subIndices: AqiSubIndex[] = []
  for (const pollutant of POLLUTANTS) {
    const c = averages[pollutant]
    if (!given(c)) continue
    checkConcentration(pollutant, c)
    let used = roundTo(c, AQI_DECIMALS[pollutant])
    if (pollutant === 'o3' && used > 208 && given(averages.o3OneHour)) {
      checkConcentration('o3', averages.o3OneHour)
      used = Math.max(used, roundTo(averages.o3OneHour, 0))
    }
    subIndices.push(detail(pollutant, c, used))
  }
  const names = subIndices.map((s) => s.pollutant)
  const hasPm = names.includes('pm25') || names.includes('pm10')
  if (subIndices.length < 3 || !hasPm) {
    const have = names.length ? ` (${names.join(', ')})` : ''
    const reason =
      subIndices.length < 3
        ? `insufficient data: an AQI needs at least 3 pollutants with valid data, one of them PM2.5 or PM10; there ${names.length === 1 ? 'is' : 'are'} ${names.length}${have}`
        : `insufficient data: an AQI needs PM2.5 or PM10 among its pollutants; there are ${names.length}${have} without either`
    return { aqi: null, category: null, dominant: [], subIndices, reason }
  }
  const aqi = Math.max(...subIndices.map((s) => s.index))
  return { aqi, category: aqiCategory(aqi), dominant: subIndices.filter((s) => s.index === aqi).map((s) => s.pollutant), subIndices }
}

function timeOf(value: TimedValue['phenomenonTime']): number {
  if (typeof value === 'number') return value
  if (value instanceof Date) return value.getTime()
  if (typeof value !== 'string') return Number.NaN
  const slash = value.indexOf('/')
  return Date.parse(slash === -1 ? value : value.slice(slash + 1))
}

function valueOf(result: unknown): number | undefined {
  const n = typeof result === 'number' ? result : typeof result === 'string' && result.trim() !== '' ? Number(result) : Number.NaN
  return Number.isFinite(n) && n >= 0 ? n : undefined
}

/** An instant from a Date, an ISO 8601 string or epoch milliseconds; `InputError` when it is none. */
export function toInstant(value: Date | string | number, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (!Number.isFinite(ms)) throw new InputError(`${field} must be a Date or an ISO 8601 date-time such as 2026-07-14T09:00:00+05:30, not ${JSON.stringify(value)}`, { field })
  return ms
}

/**
 * The averages CPCB's AQI takes at `at`, from raw readings of each pollutant (e.g. Observations):
 * readings of the 24 hours before `at` (`at − 24 h < t ≤ at`; an interval's end is its time) are
 * grouped in 24 hourly bins ending at `at`, each bin averaged. Then:
 * - PM2.5, PM10, NO2, SO2, NH3, Pb: the mean of the hourly means, when at least 16 hours have data;
 * - CO, O3: the largest 8-hour running average within the 24 hours (windows of 8 whole bins, each
 *   needing at least 6 hours with data); O3 also gets `o3OneHour`, its largest hourly mean.
 * Readings that are not numbers, or are negative, are not valid data.
 *
 * @example
 * const { averages, insufficient } = averagesFrom({ pm25: pm25Observations, pm10: pm10Observations, no2 }, '2026-07-14T09:00:00+05:30')
 * const result = computeAqi(averages)
 */
export function averagesFrom(observations: Partial<Record<Pollutant, Iterable<TimedValue>>>, at: Date | string | number): AveragingResult {
  const end = toInstant(at, 'at')
  const start = end - 24 * HOUR
  const averages: PollutantAverages = {}
  const validHours: Partial<Record<Pollutant, number>> = {}
  const insufficient: { pollutant: Pollutant; reason: string }[] = []
  for (const pollutant of POLLUTANTS) {
    const readings = observations[pollutant]
    if (readings === undefined || readings === null) continue
    const sums = new Float64Array(24)
    const counts = new Uint32Array(24)
    for (const reading of readings) {
      const t = timeOf(reading.phenomenonTime)
      if (!(t > start && t <= end)) continue
      const v = valueOf(reading.result)
      if (v === undefined) continue
      const bin = Math.min(23, Math.ceil((t - start) / HOUR) - 1)
      sums[bin] = sums[bin]! + v
      counts[bin] = counts[bin]! + 1
    }
    const hourly: (number | undefined)[] = Array.from(sums, (sum, i) => (counts[i]! > 0 ? sum / counts[i]! : undefined))
    const hours = hourly.filter((h) => h !== undefined).length
    validHours[pollutant] = hours
    if (AQI_AVERAGING_HOURS[pollutant] === 24) {
      if (hours >= MIN_HOURS_24H) averages[pollutant] = mean(hourly)
      else insufficient.push({ pollutant, reason: `${hours} of the 24 hours before ${new Date(end).toISOString()} have data; a 24-hour average needs at least ${MIN_HOURS_24H}` })
      continue
    }
    let best: number | undefined
    for (let last = 8; last <= 24; last += 1) {
      const window = hourly.slice(last - 8, last)
      if (window.filter((h) => h !== undefined).length < MIN_HOURS_8H) continue
      const m = mean(window)
      if (best === undefined || m > best) best = m
    }
    if (best === undefined) {
      insufficient.push({ pollutant, reason: `no 8-hour period in the 24 hours before ${new Date(end).toISOString()} has data in at least ${MIN_HOURS_8H} of its hours` })
      continue
    }
    averages[pollutant] = best
    if (pollutant === 'o3') averages.o3OneHour = Math.max(...hourly.filter((h): h is number => h !== undefined))
  }
  return { averages, validHours, insufficient, at: new Date(end).toISOString() }
}

function mean(values: (number | undefined)[]): number {
  let sum = 0
  let n = 0
  for (const v of values) {
    if (v === undefined) continue
    sum += v
    n += 1
  }
  return sum / n
}
