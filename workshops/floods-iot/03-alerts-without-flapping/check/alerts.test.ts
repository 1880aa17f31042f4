import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

interface LevelReading {
  time: string
  level: number
}
interface AlertRule {
  raiseAt: number
  clearAt: number
  minHoldMinutes: number
}
interface AlertEvent {
  time: string
  state: 'raised' | 'cleared'
  level: number
}

const exerciseDir = process.env.THANE_EXERCISE_DIR
const dataDir = process.env.THANE_DATA_DIR
if (!exerciseDir || !dataDir) throw new Error('THANE_EXERCISE_DIR and THANE_DATA_DIR are not set: run the check with `thane workshop verify`')
const { alertEvents } = (await import(new URL('alerts.ts', pathToFileURL(exerciseDir + '/')).href)) as {
  alertEvents: (series: LevelReading[], rule: AlertRule) => AlertEvent[]
}

/** A series with one reading every 5 minutes from midnight on 24 July 2026. */
function everyFiveMinutes(levels: number[]): LevelReading[] {
  return levels.map((level, i) => {
    const minutes = i * 5
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    return { time: `2026-07-24T${hhmm}:00+05:30`, level }
  })
}
const time = (hhmm: string) => `2026-07-24T${hhmm}:00+05:30`
const show = (events: AlertEvent[]) => JSON.stringify(events.map((e) => `${e.state} ${e.time.slice(11, 16)} at ${e.level} m`))

test('a level wobbling around 2.2 m raises one alert, and it clears only once the level is below 2.0 m', () => {
  const series = everyFiveMinutes([2.15, 2.22, 2.18, 2.23, 2.19, 2.25, 2.3, 2.21, 2.19, 2.05, 2.01, 1.95, 1.9])
  const events = alertEvents(series, { raiseAt: 2.2, clearAt: 2.0, minHoldMinutes: 0 })
  const expected: AlertEvent[] = [
    { time: time('00:05'), state: 'raised', level: 2.22 },
    { time: time('00:55'), state: 'cleared', level: 1.95 },
  ]
  assert.deepEqual(events, expected, `expected ${show(expected)}, got ${show(events)}`)
})

test('a short spike keeps the alert raised for the minimum hold time, then clears at the first reading below clearAt', () => {
  // Raised at 00:05; the level is low again from 00:10, but 30 minutes of hold last until 00:35.
  const series = everyFiveMinutes([2.0, 2.3, 1.8, 1.7, 1.7, 1.6, 1.6, 1.6, 1.6, 1.5])
  const events = alertEvents(series, { raiseAt: 2.2, clearAt: 2.0, minHoldMinutes: 30 })
  const expected: AlertEvent[] = [
    { time: time('00:05'), state: 'raised', level: 2.3 },
    { time: time('00:35'), state: 'cleared', level: 1.6 },
  ]
  assert.deepEqual(events, expected, `expected ${show(expected)}, got ${show(events)}`)
})

test('after the hold time the alert still waits for a reading below clearAt, and can be raised again after it clears', () => {
  const series = everyFiveMinutes([2.3, 2.1, 2.1, 2.0, 1.9, 2.4])
  const events = alertEvents(series, { raiseAt: 2.2, clearAt: 2.0, minHoldMinutes: 10 })
  const expected: AlertEvent[] = [
    { time: time('00:00'), state: 'raised', level: 2.3 },
    { time: time('00:20'), state: 'cleared', level: 1.9 },
    { time: time('00:25'), state: 'raised', level: 2.4 },
  ]
  assert.deepEqual(events, expected, `expected ${show(expected)} (2.0 m is not below clearAt 2.0 m), got ${show(events)}`)
})

test('the Wagle Estate nallah storm gives one alert, raised at 05:30 and cleared at 09:25', () => {
  const series: LevelReading[] = readFileSync(join(dataDir, 'wagle-estate-nallah.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => ({ time: line.split(',')[0] ?? '', level: Number(line.split(',')[1]) }))
  const events = alertEvents(series, { raiseAt: 2.2, clearAt: 2.0, minHoldMinutes: 60 })
  const expected: AlertEvent[] = [
    { time: '2026-07-24T05:30:00+05:30', state: 'raised', level: 2.25 },
    { time: '2026-07-24T09:25:00+05:30', state: 'cleared', level: 1.95 },
  ]
  assert.deepEqual(events, expected, `expected ${show(expected)}, got ${show(events)}`)
})

test('a rule whose clearAt is above its raiseAt is refused with a RangeError', () => {
  assert.throws(() => alertEvents(everyFiveMinutes([1, 2, 3]), { raiseAt: 2.0, clearAt: 2.2, minHoldMinutes: 0 }), RangeError)
})
