import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  dataSource,
  DEFAULT_TIMEOUT_SECONDS,
  filesUnder,
  readHints,
  readWorkshop,
  runCheck,
  startWorkshop,
  type CheckRun,
  type Workshop,
} from '../cli/src/services/workshop/index.js'

// The workshop contract, proved on every workshop of workshops/: a valid manifest, every file an
// exercise needs, and a check that fails on the starter and passes on the solution, run by the
// runner's own code (a child process per check, with the learner's time limit).
const WORKSHOPS = join(fileURLToPath(new URL('..', import.meta.url)), 'workshops')
const schema = JSON.parse(readFileSync(join(WORKSHOPS, 'workshop.schema.json'), 'utf8')) as object
const check = new Ajv({ allErrors: true, strict: true }).compile(schema)
const ids = readdirSync(WORKSHOPS, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(WORKSHOPS, e.name, 'workshop.json')))
  .map((e) => e.name)

const sample = {
  $schema: '../workshop.schema.json',
  id: 'air-quality',
  title: 'Air quality',
  summary: 'From hourly readings to the AQI.',
  level: 'beginner',
  minutes: 90,
  languages: ['en', 'mr'],
  data: ['sensors/air-quality.csv', 'data/extra.csv'],
  exercises: ['01-read-readings', '02-daily-averages'],
}

describe('workshops/workshop.schema.json', () => {
  it('accepts a workshop.json with the fields of the contract', () => {
    expect(check(sample), JSON.stringify(check.errors)).toBe(true)
  })

  it.each([
    ['a missing field', { ...sample, minutes: undefined }],
    ['an unknown field', { ...sample, order: 1 }],
    ['an unknown level', { ...sample, level: 'expert' }],
    ['languages without English', { ...sample, languages: ['mr'] }],
    ['a data path that climbs out', { ...sample, data: ['../secrets.csv'] }],
    ['an exercise without its number', { ...sample, exercises: ['read-readings'] }],
    ['no exercises', { ...sample, exercises: [] }],
    ['a title on two lines', { ...sample, title: 'one\ntwo' }],
  ])('refuses %s', (_what, manifest) => {
    expect(check(JSON.parse(JSON.stringify(manifest)))).toBe(false)
  })

  it('there are workshops to check', () => {
    expect(ids.length).toBeGreaterThan(0)
  })
})

interface Proof {
  starter: CheckRun
  solution: CheckRun
}

// Every check runs twice (starter, solution) in learner folders made by the runner's own start
// code; two at a time, as the machine running the tests may have two cores.
const proofs = new Map<string, Proof>()
const workshops = new Map<string, Workshop>()

beforeAll(async () => {
  const jobs: (() => Promise<void>)[] = []
  for (const id of ids) {
    const workshop = readWorkshop(join(WORKSHOPS, id))
    workshops.set(id, workshop)
    // A workshop whose files are incomplete is reported by the contract tests below, not here.
    const ready = workshop.exercises.every((e) => existsSync(join(workshop.dir, e, 'starter')) && existsSync(join(workshop.dir, e, 'check')))
    if (!ready || !workshop.data.every((entry) => existsSync(dataSource(workshop, entry)))) continue
    const starterDir = join(mkdtempSync(join(tmpdir(), `thane-proof-${id}-`)), 'starter')
    const solutionDir = join(mkdtempSync(join(tmpdir(), `thane-proof-${id}-`)), 'solution')
    startWorkshop({ workshop, dir: starterDir })
    startWorkshop({ workshop, dir: solutionDir })
    for (const exercise of workshop.exercises) {
      cpSync(join(workshop.dir, exercise, 'solution'), join(solutionDir, exercise), { recursive: true })
      const run = (learner: string) =>
        runCheck({
          checkDir: join(workshop.dir, exercise, 'check'),
          exerciseDir: join(learner, exercise),
          dataDir: join(learner, 'data'),
          workDir: join(learner, '.thane', 'checks', exercise),
          timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
        })
      jobs.push(async () => {
        const [starter, solution] = [await run(starterDir), await run(solutionDir)]
        proofs.set(`${id}/${exercise}`, { starter, solution })
      })
    }
  }
  const workers = Array.from({ length: 2 }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job()
  })
  await Promise.all(workers)
}, 900_000)

describe.each(ids)('workshop %s keeps the contract', (id) => {
  const dir = join(WORKSHOPS, id)
  const manifest = JSON.parse(readFileSync(join(dir, 'workshop.json'), 'utf8')) as Workshop

  it('its workshop.json matches the schema and names its folder', () => {
    expect(check(manifest), JSON.stringify(check.errors)).toBe(true)
    expect(manifest.id).toBe(id)
  })

  it('it has a README, and a translation for every language it lists', () => {
    expect(existsSync(join(dir, 'README.md'))).toBe(true)
    for (const lang of manifest.languages.filter((l) => l !== 'en')) {
      const translated = [dir, ...manifest.exercises.map((e) => join(dir, e))].filter((d) => existsSync(join(d, `README.${lang}.md`)))
      expect(translated.length, `README.${lang}.md somewhere in ${id}`).toBeGreaterThan(0)
    }
  })

  it('every data file it lists exists, with distinct base names', () => {
    const workshop = workshops.get(id) ?? readWorkshop(dir)
    for (const entry of manifest.data) expect(existsSync(dataSource(workshop, entry)), entry).toBe(true)
    expect(new Set(manifest.data.map((entry) => basename(entry))).size).toBe(manifest.data.length)
  })

  describe.each(manifest.exercises)('exercise %s', (exercise) => {
    const ex = join(dir, exercise)

    it('has its README, at least 3 hints, a starter, a check and a solution with the starter\'s file names', () => {
      expect(existsSync(join(ex, 'README.md')), 'README.md').toBe(true)
      expect(readHints(ex, 'en').length, 'hints in hints.md').toBeGreaterThanOrEqual(3)
      const starter = filesUnder(join(ex, 'starter'))
      expect(starter.length, 'files in starter/').toBeGreaterThan(0)
      expect(filesUnder(join(ex, 'check')).filter((f) => f.endsWith('.test.ts')).length, '*.test.ts in check/').toBeGreaterThan(0)
      expect(filesUnder(join(ex, 'solution')), 'solution/ has the starter\'s files').toEqual(starter)
    })

    it('its check fails on the starter and passes on the solution, within the time limit', () => {
      const proof = proofs.get(`${id}/${exercise}`)
      expect(proof, 'the check was run (see the contract failures above)').toBeDefined()
      if (!proof) return
      const describeRun = (run: CheckRun) => JSON.stringify({ timedOut: run.timedOut, problem: run.problem, failed: run.tests.filter((t) => !t.passed) }, null, 1)
      expect(proof.starter.timedOut, 'the starter runs out of time').toBe(false)
      expect(proof.starter.passed, 'the check passes on the starter').toBe(false)
      expect(proof.starter.tests.length, `the check ran no test on the starter: ${proof.starter.problem ?? ''}`).toBeGreaterThan(0)
      expect(proof.solution.passed, describeRun(proof.solution)).toBe(true)
    })
  })
})
