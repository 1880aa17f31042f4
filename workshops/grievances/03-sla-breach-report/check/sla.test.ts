import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

type Row = Record<string, string>
interface WardSla {
  ward: string
  requests: number
  breached: number
  share: number
}

const exerciseDir = process.env.THANE_EXERCISE_DIR
const dataDir = process.env.THANE_DATA_DIR
if (!exerciseDir || !dataDir) throw new Error('THANE_EXERCISE_DIR and THANE_DATA_DIR are not set: run the check with `thane workshop verify`')
const base = pathToFileURL(exerciseDir + '/')
const { slaByWard } = (await import(new URL('sla.ts', base).href)) as { slaByWard: (requests: Row[], services: Row[], now: string) => WardSla[] }
// The data files are read with the exercise's own csv.ts, which is given and not changed.
const { readCsv } = (await import(new URL('csv.ts', base).href)) as { readCsv: (path: string) => Row[] }

const NOW = '2026-08-01T00:00:00+05:30'
const services: Row[] = [
  { service_code: 'FAST', sla_days: '1' },
  { service_code: 'SLOW', sla_days: '3' },
]
const grievance = (id: string, ward: string, code: string, requested: string, closed: string): Row => ({
  service_request_id: id,
  ward,
  service_code: code,
  requested_datetime: requested,
  closed_datetime: closed,
})
const show = (report: WardSla[]) => report.map((w) => `${w.ward}: ${w.breached}/${w.requests}`).join(', ')

test('a grievance closed after its SLA or still open past it is a breach; one closed exactly on time is not', () => {
  const requests = [
    grievance('1', 'Kalwa', 'FAST', '2026-07-01T10:00:00+05:30', '2026-07-02T09:00:00+05:30'), // on time
    grievance('2', 'Kalwa', 'FAST', '2026-07-01T10:00:00+05:30', '2026-07-02T10:00:01+05:30'), // a second late
    grievance('3', 'Kalwa', 'SLOW', '2026-07-01T10:00:00+05:30', '2026-07-04T10:00:00+05:30'), // exactly on time
    grievance('4', 'Diva', 'SLOW', '2026-07-29T00:00:00+05:30', ''), // open, due exactly now: not yet late
    grievance('5', 'Diva', 'FAST', '2026-07-20T00:00:00+05:30', ''), // open and long overdue
    grievance('6', 'Diva', 'FAST', '2026-07-01T04:30:00Z', '2026-07-02T09:59:00+05:30'), // 10:00 in Thane, closed a minute early
    grievance('7', 'Diva', 'SLOW', '2026-07-01T10:00:00+05:30', '2026-07-10T10:00:00+05:30'), // late
  ]
  const report = slaByWard(requests, services, NOW)
  const expected: WardSla[] = [
    { ward: 'Diva', requests: 4, breached: 2, share: 0.5 },
    { ward: 'Kalwa', requests: 3, breached: 1, share: 1 / 3 },
  ]
  assert.deepEqual(report, expected, `expected ${show(expected)}, got ${show(report)}`)
})

test('wards with the same share are listed by name', () => {
  const requests = [grievance('1', 'Mumbra', 'FAST', '2026-07-01T10:00:00+05:30', ''), grievance('2', 'Diva', 'FAST', '2026-07-01T10:00:00+05:30', '')]
  assert.deepEqual(
    slaByWard(requests, services, NOW).map((w) => w.ward),
    ['Diva', 'Mumbra'],
  )
})

test('a grievance whose service is not in services.csv is an error that names the service', () => {
  assert.throws(() => slaByWard([grievance('9', 'Diva', 'UNKNOWN_CODE', '2026-07-01T10:00:00+05:30', '')], services, NOW), (error: Error) => {
    assert.match(error.message, /UNKNOWN_CODE/, `expected the message to name UNKNOWN_CODE, got: ${error.message}`)
    return true
  })
})

test('on the whole dataset, as of 1 August 2026, Lokmanya Nagar-Savarkar Nagar has the highest share of breaches and Vartak Nagar the lowest', () => {
  const report = slaByWard(readCsv(join(dataDir, 'requests.csv')), readCsv(join(dataDir, 'services.csv')), NOW)
  const expected: [string, number, number][] = [
    ['Lokmanya Nagar-Savarkar Nagar', 561, 210],
    ['Mumbra', 808, 280],
    ['Uthalsar', 397, 137],
    ['Majiwada-Manpada', 776, 259],
    ['Wagle Estate', 485, 161],
    ['Naupada-Kopri', 499, 165],
    ['Diva', 463, 147],
    ['Kalwa', 567, 177],
    ['Vartak Nagar', 444, 137],
  ]
  assert.deepEqual(
    report.map((w) => [w.ward, w.requests, w.breached]),
    expected,
    `expected ${expected.map(([w, r, b]) => `${w}: ${b}/${r}`).join(', ')}; got ${show(report)}`,
  )
  for (const w of report) assert.ok(Math.abs(w.share - w.breached / w.requests) < 1e-12, `share of ${w.ward}: expected ${w.breached / w.requests}, got ${w.share}`)
})
