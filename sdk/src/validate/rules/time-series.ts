import type { RuleContext, RuleFinding, RuleValue, TableRule } from './types.js'

/** What is expected of one series (a station, a datastream). */
export interface SeriesSettings {
  /** Time between readings in the time field's unit (seconds; days for a date field); undefined: no gap check. */
  interval: number | undefined
  /** Report a value repeated more than this many readings in a row; 0: off. */
  stuck: number
  /** Spike threshold (see `isSpike`); 0: off. */
  spike: number
  /** Per value field: a cumulative meter, which must never go down. */
  cumulative: boolean[]
}

export interface TimeSeriesOptions {
  /** The field naming the series; undefined: the whole table is one series. */
  series: string | undefined
  time: string
  /** Seconds in one unit of the time field (1 for datetime and time, 86,400 for date). */
  unitSeconds: number
  values: string[]
  /** A gap is longer than interval × (1 + tolerance). */
  tolerance: number
  /** Values that may repeat without limit (an idle charger reads 0). */
  stuckIgnore: ReadonlySet<number>
  defaults: SeriesSettings
  /** Settings of particular series, by the series value as text. */
  perSeries: ReadonlyMap<string, SeriesSettings>
}

/** Readings on each side of a spike candidate that it is compared with. */
const SIDE = 3
/** Weight of the newest step in the running mean of step sizes. */
const STEP_WEIGHT = 0.05

interface Track {
  // stuck runs
  runValue: number
  runCount: number
  runLine: number
  runEndLine: number
  // meters
  prev: number
  // spikes: a sliding window of recent readings, their lines and the running step size before each
  win: number[]
  lines: number[]
  steps: number[]
  /** Whether the readings before the window's middle have been judged (false at a series' start). */
  started: boolean
  step: number
  /** The smallest non-zero step seen: the resolution the series is written at (0.01 m, one vehicle). */
  resolution: number
  last: number
}

interface SeriesState {
  key: string
  settings: SeriesSettings
  lastTime: number
  lastLine: number
  tracks: Track[]
}

const newTrack = (): Track => ({ runValue: NaN, runCount: 0, runLine: 0, runEndLine: 0, prev: NaN, win: [], lines: [], steps: [], started: false, step: NaN, resolution: Infinity, last: NaN })

/** "14 h 15 min", "2 d 3 h", "45 s". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds)
  const d = Math.floor(s / 86_400)
  const h = Math.floor((s % 86_400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  const parts: string[] = []
  if (d) parts.push(`${d} d`)
  if (h) parts.push(`${h} h`)
  if (m) parts.push(`${m} min`)
  if (parts.length === 0) parts.push(`${s % 60} s`)
  return parts.join(' ')
}

const median = (xs: number[]): number => {
  const b = xs.slice().sort((p, q) => p - q)
  const n = b.length
  return n % 2 ? (b[(n - 1) >> 1] as number) : ((b[n / 2 - 1] as number) + (b[n / 2] as number)) / 2
}

/**
 * The spike test. A reading is a spike when it lies outside every one of its neighbours (up to
 * three readings each side, at least one on each) and its distance from their median exceeds
 * `threshold` times the largest of their range (max − min), the series' usual step (a running mean
 * of the size of one step, taken before this reading, with outsized steps clipped) and the series'
 * resolution (its smallest step).
 *
 * Why this test: the centre and the scale come from the neighbours alone, so the spike cannot hide
 * itself by inflating them (as it does a mean and standard deviation); a level shift or a rising
 * edge has neighbours on both levels, so a wide range and no alarm; and the usual step keeps a quiet
 * series (counts of zero or one at night, a flat line) from crying wolf at its first small change.
 * On the bundled sensor month the injected spikes score 14–20 and the largest natural reading 6,
 * so 10 is the threshold the built-in schemas declare.
 */
export function isSpike(value: number, neighbours: number[], usualStep: number, threshold: number, resolution = 0): boolean {
  let lo = Infinity
  let hi = -Infinity
  for (const n of neighbours) {
    if (n < lo) lo = n
    if (n > hi) hi = n
  }
  if (value >= lo && value <= hi) return false
  const scale = Math.max(hi - lo, Number.isNaN(usualStep) ? 0 : usualStep, Number.isFinite(resolution) ? resolution : 0)
  if (scale === 0) return false
  return Math.abs(value - median(neighbours)) > threshold * scale
}

/**
 * The `time-series` table rule. State is kept per series (its last time and, per value field, the
 * current run of equal readings, the previous meter reading and a window of seven readings), never
 * per row, so memory grows with the number of series only.
 */
export function timeSeriesRule(o: TimeSeriesOptions, ctx: RuleContext): TableRule {
  const states = new Map<string, SeriesState>()
  const valueCount = o.values.length
  const label = (s: SeriesState): string => (o.series === undefined ? 'the series' : `${o.series} ${s.key}`)
  const report = (f: Omit<RuleFinding, 'severity'>): void => ctx.report({ severity: 'warning', ...f })

  const endRun = (s: SeriesState, t: Track, j: number): void => {
    const limit = s.settings.stuck
    if (limit > 0 && t.runCount > limit) {
      report({
        code: 'stuck-value',
        row: t.runLine,
        field: o.values[j] as string,
        value: String(t.runValue),
        message: `${label(s)}: ${o.values[j]} reads ${t.runValue} ${t.runCount} times in a row (lines ${t.runLine}–${t.runEndLine}); more than ${limit} suggests a stuck sensor`,
        hint: 'check the sensor and its logger; mark or remove the repeated readings before using the series',
      })
    }
    t.runCount = 0
    t.runValue = NaN
  }

  const judge = (s: SeriesState, t: Track, j: number, i: number): void => {
    const from = Math.max(0, i - SIDE)
    const to = Math.min(t.win.length - 1, i + SIDE)
    // Isolated means back to normal after: a reading with no neighbour on one side (a series' first
    // or last, or next to a gap) may be the start or end of a change, so it is not judged.
    if (from === i || to === i || to - from < SIDE) return
    const v = t.win[i] as number
    // Most readings lie within their neighbours: settle that without building or sorting anything.
    let side = 0 // -1: every neighbour below v so far, 1: every one above
    for (let k = from; k <= to; k++) {
      if (k === i) continue
      const n = t.win[k] as number
      const here = n < v ? -1 : n > v ? 1 : 0
      if (here === 0 || (side !== 0 && here !== side)) return
      side = here
    }
    const neighbours: number[] = []
    for (let k = from; k <= to; k++) if (k !== i) neighbours.push(t.win[k] as number)
    if (!isSpike(v, neighbours, t.steps[i] as number, s.settings.spike, t.resolution)) return
    report({
      code: 'spike',
      row: t.lines[i] as number,
      field: o.values[j] as string,
      value: String(v),
      message: `${label(s)}: ${o.values[j]} jumps to ${v} while the readings around it are near ${Number(median(neighbours).toPrecision(6))}`,
      hint: 'an isolated reading far outside its neighbours: check the instrument at that time, then flag or remove the reading',
    })
  }

  /**
   * At a series' start the usual step is not known yet: take the median step of the first window
   * (a spike among them cannot sway a median), then follow it with the running mean.
   */
  const seedSteps = (t: Track): void => {
    if (!Number.isNaN(t.step) && !t.steps.some(Number.isNaN)) return
    const sizes: number[] = []
    for (let k = 1; k < t.win.length; k++) sizes.push(Math.abs((t.win[k] as number) - (t.win[k - 1] as number)))
    const m = sizes.length ? median(sizes) : NaN
    if (Number.isNaN(t.step)) t.step = m
    for (let k = 0; k < t.steps.length; k++) if (Number.isNaN(t.steps[k])) t.steps[k] = m
  }

  /** Judges what is left in the window (at a gap or the end) and empties it. */
  const flush = (s: SeriesState, t: Track, j: number): void => {
    if (s.settings.spike > 0 && t.win.length > 0) {
      if (!t.started) seedSteps(t)
      for (let i = t.started ? SIDE : 0; i < t.win.length; i++) judge(s, t, j, i)
    }
    t.win.length = 0
    t.lines.length = 0
    t.steps.length = 0
    t.started = false
  }

  const track = (s: SeriesState, t: Track, j: number, v: number, line: number): void => {
    const set = s.settings
    if (set.cumulative[j]) {
      if (v < t.prev) {
        report({
          code: 'meter-decrease',
          row: line,
          field: o.values[j] as string,
          value: String(v),
          message: `${label(s)}: the cumulative meter ${o.values[j]} goes down from ${t.prev} to ${v}`,
          hint: 'a register only counts up: a meter replaced or reset, or readings out of order; record the change, or correct the readings',
        })
      }
      t.prev = v
    }
    if (set.stuck > 0) {
      if (o.stuckIgnore.has(v)) endRun(s, t, j)
      else if (v === t.runValue) {
        t.runCount++
        t.runEndLine = line
      } else {
        endRun(s, t, j)
        t.runValue = v
        t.runCount = 1
        t.runLine = line
        t.runEndLine = line
      }
    }
    if (set.spike > 0) {
      // The usual step as it was before this reading, so that a spike does not judge itself.
      t.win.push(v)
      t.lines.push(line)
      t.steps.push(t.step)
      if (!Number.isNaN(t.last)) {
        const step = Math.abs(v - t.last)
        if (step > 0 && step < t.resolution) t.resolution = step
        // Clip outsized steps so that one spike does not blunt the test for the next hours.
        if (!Number.isNaN(t.step)) t.step += STEP_WEIGHT * (Math.min(step, 4 * Math.max(t.step, t.resolution)) - t.step)
      }
      t.last = v
      if (t.win.length === 2 * SIDE + 1) {
        if (!t.started) {
          seedSteps(t)
          for (let i = 0; i < SIDE; i++) judge(s, t, j, i)
          t.started = true
        }
        judge(s, t, j, SIDE)
        t.win.shift()
        t.lines.shift()
        t.steps.shift()
      }
    }
  }

  const fields = o.series === undefined ? [o.time, ...o.values] : [o.series, o.time, ...o.values]
  const offset = o.series === undefined ? 1 : 2
  return {
    fields,
    row(line, values: RuleValue[]) {
      const seriesValue = o.series === undefined ? '' : values[0]
      const time = values[offset - 1]
      if (seriesValue === undefined || typeof time !== 'number') return
      const key = String(seriesValue)
      let s = states.get(key)
      if (!s) {
        s = { key, settings: o.perSeries.get(key) ?? o.defaults, lastTime: NaN, lastLine: 0, tracks: Array.from({ length: valueCount }, newTrack) }
        states.set(key, s)
      }
      if (time === s.lastTime) {
        report({
          code: 'duplicate-timestamp',
          row: line,
          field: o.time,
          message: `${label(s)} has a second reading at the same time as line ${s.lastLine}`,
          hint: 'keep one reading per time: remove the duplicate row, or correct its time',
        })
        return
      }
      if (time < s.lastTime) {
        report({
          code: 'out-of-order',
          row: line,
          field: o.time,
          message: `${label(s)}: this reading is ${formatDuration((s.lastTime - time) * o.unitSeconds)} earlier than the one on line ${s.lastLine}`,
          hint: 'sort the rows by series and time, or correct the time',
        })
        return
      }
      const interval = s.settings.interval
      const gap = !Number.isNaN(s.lastTime) && interval !== undefined && time - s.lastTime > interval * (1 + o.tolerance)
      if (gap) {
        const missing = Math.round((time - s.lastTime) / (interval as number)) - 1
        report({
          code: 'series-gap',
          row: line,
          field: o.time,
          message: `${label(s)} has no reading for ${formatDuration((time - s.lastTime) * o.unitSeconds)} before this one (since line ${s.lastLine}; expected one every ${formatDuration((interval as number) * o.unitSeconds)}, about ${missing} missing)`,
          hint: 'readings are missing: an outage or a lost export; fill them in from the source, or state the gap when publishing',
        })
      }
      s.lastTime = time
      s.lastLine = line
      for (let j = 0; j < valueCount; j++) {
        const t = s.tracks[j] as Track
        if (gap) {
          endRun(s, t, j)
          flush(s, t, j)
        }
        const v = values[offset + j]
        if (typeof v === 'number' && !Number.isNaN(v)) track(s, t, j, v, line)
      }
    },
    end() {
      for (const s of states.values()) {
        s.tracks.forEach((t, j) => {
          endRun(s, t, j)
          flush(s, t, j)
        })
      }
    },
  }
}
