import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

interface LevelReading {
  time: string
  level: number
}
interface Crossing {
  time: string
  direction: 'up' | 'down'
  level: number
}
interface Rate {
  time: string
  metresPerHour: number
}
interface Learner {
  crossings: (series: LevelReading[], threshold: number) => Crossing[]
  rateOfRise: (series: LevelReading[], windowMinutes: number) => Rate[]
  firstFastRise: (series: LevelReading[], windowMinutes: number, metresPerHour: number) => string | undefined
}

const exerciseDir = process.env.THANE_EXERCISE_DIR
const dataDir = process.env.THANE_DATA_DIR
if (!exerciseDir || !dataDir) throw new Error('THANE_EXERCISE_DIR and THANE_DATA_DIR are not set: run the check with `thane workshop verify`')
const learner = (await import(new URL('rising.ts', pathToFileURL(exerciseDir + '/')).href)) as Learner

// The gauge file is read here, not with the learner's loader, so only rising.ts is being checked.
const gauge: LevelReading[] = readFileSync(join(dataDir, 'wagle-estate-nallah.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [time = '', level = ''] = line.split(',')
    return { time, level: Number(level) }
  })

const at = (hhmm: string, level: number): LevelReading => ({ time: `2026-07-24T${hhmm}:00+05:30`, level })

test('the Wagle Estate nallah crosses its 2.2 m warning level up at 05:30 and down at 09:10', () => {
  assert.deepEqual(learner.crossings(gauge, 2.2), [
    { time: '2026-07-24T05:30:00+05:30', direction: 'up', level: 2.25 },
    { time: '2026-07-24T09:10:00+05:30', direction: 'down', level: 2.16 },
  ])
})

test('it crosses its 2.6 m danger level up at 06:00 and down at 08:45', () => {
  assert.deepEqual(learner.crossings(gauge, 2.6), [
    { time: '2026-07-24T06:00:00+05:30', direction: 'up', level: 2.66 },
    { time: '2026-07-24T08:45:00+05:30', direction: 'down', level: 2.58 },
  ])
})

test('a series that starts above the threshold has no crossing at its first reading, and reaching the threshold exactly counts as up', () => {
  const series = [at('00:00', 2.5), at('00:05', 2.1), at('00:10', 2.2), at('00:15', 2.3)]
  assert.deepEqual(learner.crossings(series, 2.2), [
    { time: '2026-07-24T00:05:00+05:30', direction: 'down', level: 2.1 },
    { time: '2026-07-24T00:10:00+05:30', direction: 'up', level: 2.2 },
  ])
})

test('the 30-minute rate of rise has one value for each reading from 30 minutes after the start, the fastest 1.18 m/h at 05:25', () => {
  const rates = learner.rateOfRise(gauge, 30)
  assert.equal(rates.length, gauge.length - 6, `expected ${gauge.length - 6} rates (every reading but the first 30 minutes), got ${rates.length}`)
  assert.equal(rates[0]?.time, '2026-07-23T18:30:00+05:30', `expected the first rate at 18:30 on 23 July, got ${rates[0]?.time}`)
  const fastest = rates.reduce((a, b) => (b.metresPerHour > a.metresPerHour ? b : a))
  assert.equal(fastest.time, '2026-07-24T05:25:00+05:30', `expected the fastest rise at 05:25, got ${fastest.time}`)
  assert.ok(Math.abs(fastest.metresPerHour - 1.18) < 1e-9, `expected 1.18 m/h, got ${fastest.metresPerHour}`)
})

test('the rate of rise finds the earlier reading by time, so a gap of missed uplinks does not exaggerate it', () => {
  // 00:05 to 00:50 is 45 minutes: (1.9 - 1.1) m / 0.75 h = 1.0667 m/h, not 0.8 m in "30 minutes".
  const series = [at('00:00', 1.0), at('00:05', 1.1), at('00:50', 1.9)]
  const rates = learner.rateOfRise(series, 30)
  assert.equal(rates.length, 1, `expected one rate (only 00:50 has a reading 30 minutes before it), got ${JSON.stringify(rates)}`)
  assert.equal(rates[0]?.time, '2026-07-24T00:50:00+05:30')
  assert.ok(Math.abs((rates[0]?.metresPerHour ?? 0) - 0.8 / 0.75) < 1e-9, `expected ${(0.8 / 0.75).toFixed(4)} m/h, got ${rates[0]?.metresPerHour}`)
})

test('a rise of 0.5 m/h over 30 minutes is first seen at 05:05, 25 minutes before the warning level is reached', () => {
  assert.equal(learner.firstFastRise(gauge, 30, 0.5), '2026-07-24T05:05:00+05:30')
})

test('a rise of 2 m/h never happens in this storm, so firstFastRise gives undefined', () => {
  assert.equal(learner.firstFastRise(gauge, 30, 2), undefined)
})
