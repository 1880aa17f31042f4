import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { isolatedEnv, oneLineError, runThane } from './helpers.js'
import { makeFixtureWorkshops } from './workshop-fixture.js'

// The runner, driven by the strings a learner and a trainer type, on a small fixture workshop.
let workshops: string
let env: NodeJS.ProcessEnv

beforeAll(() => {
  workshops = makeFixtureWorkshops()
  env = isolatedEnv({ THANE_WORKSHOPS_DIR: workshops, LANG: 'en_GB.UTF-8' })
})

/** A fresh learner folder of the fixture workshop, made by `thane workshop start`. */
async function startLearner(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'thane-learner-')), 'lab')
  const started = await runThane(['workshop', 'start', 'demo-lab', '--dir', dir], { env })
  expect(started.code, started.stderr).toBe(0)
  return dir
}

function solve(learner: string, exercise: string, file: string): void {
  cpSync(join(workshops, 'demo-lab', exercise, 'solution', file), join(learner, exercise, file))
}

function state(learner: string): { exercises: Record<string, { attempts: number; passed: boolean; hintsShown: number; solutionShown: boolean }> } {
  return JSON.parse(readFileSync(join(learner, '.thane-workshop.json'), 'utf8'))
}

describe('thane workshop start', () => {
  it('makes a learner folder with starters, tasks, data, a package.json and a link to the SDK', async () => {
    const dir = await startLearner()
    expect(readFileSync(join(dir, '01-add', 'add.ts'), 'utf8')).toContain('not written yet')
    expect(existsSync(join(dir, '01-add', 'README.mr.md'))).toBe(true)
    // The workshop's given files are in every exercise; a starter file of the same name wins.
    for (const exercise of ['01-add', '02-total']) expect(readFileSync(join(dir, exercise, 'units.ts'), 'utf8')).toContain('µg/m³')
    expect(readFileSync(join(dir, '02-total', 'add.ts'), 'utf8')).toContain('given: a finished add')
    expect(readFileSync(join(dir, 'data', 'numbers.csv'), 'utf8')).toBe('n\n1\n2\n3\n')
    expect(readFileSync(join(dir, 'data', 'services.csv'), 'utf8').length).toBeGreaterThan(0)
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).type).toBe('module')
    expect(existsSync(join(realpathSync(join(dir, 'node_modules', '@thanekit', 'sdk')), 'package.json'))).toBe(true)
  })

  it('never overwrites a learner file when run again, and refuses a folder of its own', async () => {
    const dir = await startLearner()
    writeFileSync(join(dir, '01-add', 'add.ts'), 'export const mine = 1\n')
    const again = await runThane(['workshop', 'start', 'demo-lab', '--dir', dir, '--json'], { env })
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout).created).toEqual([])
    expect(readFileSync(join(dir, '01-add', 'add.ts'), 'utf8')).toBe('export const mine = 1\n')

    const busy = mkdtempSync(join(tmpdir(), 'thane-busy-'))
    writeFileSync(join(busy, 'notes.txt'), 'mine')
    const refused = await runThane(['workshop', 'start', 'demo-lab', '--dir', busy], { env })
    expect(refused.code).toBe(2)
    expect(oneLineError(refused.stderr)).toMatch(/already holds files and is not a workshop folder; choose an empty or new folder with --dir/)
  })

  it('names the nearest workshop for a typo', async () => {
    const result = await runThane(['workshop', 'start', 'demo-lap'], { env })
    expect(result.code).toBe(2)
    expect(oneLineError(result.stderr)).toBe('Error: there is no workshop "demo-lap". Did you mean "demo-lab"? Workshops: demo-lab ("thane workshop list").')
  })
})

describe('thane workshop verify', () => {
  it('fails the starter with sentences and values, passes the solution, and records both attempts', async () => {
    const dir = await startLearner()
    const failed = await runThane(['workshop', 'verify'], { env, cwd: join(dir, '01-add') })
    expect(failed.code).toBe(1)
    expect(failed.stdout).toContain('✗ 01-add: 2 of 2 checks failed.')
    expect(failed.stdout).toContain('  ✗ adding 2 and 3 gives 5\n    Error: not written yet')
    expect(failed.stdout).toContain('  ✗ the SDK can be imported from the learner folder\n    sdkLoaded\n    expected: true\n    actual:   undefined')

    solve(dir, '01-add', 'add.ts')
    const passed = await runThane(['workshop', 'verify', '1', '--json'], { env, cwd: dir })
    expect(passed.code, passed.stderr).toBe(0)
    const result = JSON.parse(passed.stdout)
    expect(result).toMatchObject({ exercise: '01-add', passed: true, timedOut: false, attempts: 2, next: '02-total', finished: false })
    expect(result.tests.map((t: { name: string }) => t.name)).toEqual(['adding 2 and 3 gives 5', 'the SDK can be imported from the learner folder'])
    expect(state(dir).exercises['01-add']).toMatchObject({ attempts: 2, passed: true })

    // The current exercise moves on; its check reads the learner's data folder.
    const next = await runThane(['workshop', 'verify', '--dir', dir], { env })
    expect(next.code).toBe(1)
    expect(next.stdout).toContain('  ✗ the total of data/numbers.csv is 6\n    total(numbers.csv)\n    expected: 6\n    actual:   0')
  })

  it('stops an infinite loop at the time limit: "timed out after 2 s", exit 1', async () => {
    const dir = await startLearner()
    writeFileSync(join(dir, '02-total', 'total.ts'), 'export function total(csv: string): number {\n  while (true) {}\n}\n')
    const result = await runThane(['workshop', 'verify', '02-total', '--timeout', '2'], { env, cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('✗ 02-total: timed out after 2 s.')
    expect(state(dir).exercises['02-total']?.attempts).toBe(1)
  })

  it('refuses a folder that is not a learner folder and an unknown exercise, in one line each', async () => {
    const outside = await runThane(['workshop', 'verify'], { env })
    expect(outside.code).toBe(2)
    expect(oneLineError(outside.stderr)).toMatch(/is not a workshop folder \(no \.thane-workshop\.json here or above\); cd into the folder/)
    const dir = await startLearner()
    // The start of one id is taken (the check runs and fails); a real typo gets a suggestion.
    const prefix = await runThane(['workshop', 'verify', 'ad'], { env, cwd: dir })
    expect(prefix.stdout).toContain('✗ 01-add:')
    const typo = await runThane(['workshop', 'verify', '01-adx'], { env, cwd: dir })
    expect(typo.code).toBe(2)
    expect(oneLineError(typo.stderr)).toBe('Error: workshop demo-lab has no exercise "01-adx". Did you mean "01-add"? Exercises: 01-add, 02-total; a number such as 2 works too.')
  })
})

describe('thane workshop hint, solution, reset', () => {
  it('gives the hints in order, records them, and repeats the last one at the end', async () => {
    const dir = await startLearner()
    const texts: string[] = []
    for (let i = 0; i < 4; i++) {
      const result = await runThane(['workshop', 'hint', '--json'], { env, cwd: dir })
      expect(result.code).toBe(0)
      const hint = JSON.parse(result.stdout)
      texts.push(`${hint.number}/${hint.total} ${hint.text}`)
    }
    expect(texts).toEqual(['1/3 Read the task again.', '2/3 Use the + operator.', '3/3 return a + b', '3/3 return a + b'])
    expect(state(dir).exercises['01-add']?.hintsShown).toBe(3)
  })

  it('keeps the solution locked until a pass or the trainer code, and opens it with either', async () => {
    const dir = await startLearner()
    const locked = await runThane(['workshop', 'solution'], { env, cwd: dir })
    expect(locked.code).toBe(2)
    expect(oneLineError(locked.stderr)).toContain('the solution of 01-add opens once your code passes "thane workshop verify", or with your trainer\'s code')
    const wrong = await runThane(['workshop', 'solution', '--code', 'AAAAAA'], { env, cwd: dir })
    expect(oneLineError(wrong.stderr)).toContain('that code does not open 01-add')

    const codes = JSON.parse((await runThane(['workshop', 'report', '--codes', 'demo-lab', '--json'], { env })).stdout) as { codes: { exercise: string; code: string }[] }
    const code = codes.codes.find((c) => c.exercise === '01-add')?.code ?? ''
    expect(code).toMatch(/^[A-Z2-9]{6}$/)
    const opened = await runThane(['workshop', 'solution', '--code', code.toLowerCase(), '--json'], { env, cwd: dir })
    expect(opened.code, opened.stderr).toBe(0)
    expect(JSON.parse(opened.stdout)).toMatchObject({ exercise: '01-add', unlockedBy: 'code', files: [{ path: 'add.ts' }] })

    // The code of one exercise opens only that one; the workshop's code opens every exercise.
    const other = await runThane(['workshop', 'solution', '2', '--code', code], { env, cwd: dir })
    expect(other.code).toBe(2)
    const whole = codes.codes.find((c) => c.exercise === '*')?.code ?? ''
    expect((await runThane(['workshop', 'solution', '2', '--code', whole], { env, cwd: dir })).code).toBe(0)

    solve(dir, '01-add', 'add.ts')
    await runThane(['workshop', 'verify', '1'], { env, cwd: dir })
    const afterPass = await runThane(['workshop', 'solution', '1'], { env, cwd: dir })
    expect(afterPass.code).toBe(0)
    expect(afterPass.stdout).toContain('Solution of 01-add (you passed it):')
    expect(afterPass.stdout).toContain('return a + b')
  })

  it('backs the learner files up before a reset and puts them back with --undo', async () => {
    const dir = await startLearner()
    writeFileSync(join(dir, '01-add', 'add.ts'), 'export const attempt = 1\n')
    writeFileSync(join(dir, '01-add', 'notes.md'), 'my notes\n')
    rmSync(join(dir, '01-add', 'units.ts'))
    const reset = await runThane(['workshop', 'reset', '--json'], { env, cwd: dir })
    expect(reset.code, reset.stderr).toBe(0)
    const { backup } = JSON.parse(reset.stdout) as { backup: string }
    expect(readFileSync(join(dir, backup, 'add.ts'), 'utf8')).toBe('export const attempt = 1\n')
    expect(readFileSync(join(dir, '01-add', 'add.ts'), 'utf8')).toContain('not written yet')
    expect(existsSync(join(dir, '01-add', 'notes.md'))).toBe(false)
    // Given files come back too, and the starter still wins over a given file of its name.
    expect(readFileSync(join(dir, '01-add', 'units.ts'), 'utf8')).toContain('µg/m³')
    expect(readFileSync(join(dir, '01-add', 'add.ts'), 'utf8')).toContain('not written yet')

    const undo = await runThane(['workshop', 'reset', '--undo'], { env, cwd: dir })
    expect(undo.code).toBe(0)
    expect(undo.stdout).toContain('Restored 01-add from')
    expect(readFileSync(join(dir, '01-add', 'add.ts'), 'utf8')).toBe('export const attempt = 1\n')
    expect(readFileSync(join(dir, '01-add', 'notes.md'), 'utf8')).toBe('my notes\n')

    const nothing = await runThane(['workshop', 'reset', '--undo'], { env, cwd: dir })
    expect(nothing.code).toBe(2)
    expect(oneLineError(nothing.stderr)).toContain('there is no backup to restore')
  })
})

describe('thane workshop list --lang', () => {
  it('shows each task in the asked language and falls back to English per file', async () => {
    const dir = await startLearner()
    const mr = JSON.parse((await runThane(['workshop', 'list', '--lang', 'mr', '--json'], { env, cwd: dir })).stdout)
    expect(mr.exercises.map((e: { task: string }) => e.task)).toEqual(['01-add/README.mr.md', '02-total/README.md'])
    const fromEnv = JSON.parse((await runThane(['workshop', 'list', 'demo-lab', '--json'], { env: { ...env, LANG: 'mr_IN.UTF-8' } })).stdout)
    expect(fromEnv.exercises.map((e: { task: string }) => e.task)).toEqual(['01-add/README.mr.md', '02-total/README.md'])
    const ja = JSON.parse((await runThane(['workshop', 'list', '--json'], { env: { ...env, THANE_LANG: 'ja' }, cwd: dir })).stdout)
    expect(ja.exercises.map((e: { task: string }) => e.task)).toEqual(['01-add/README.md', '02-total/README.md'])
  })
})

describe('thane workshop progress and report', () => {
  it('exports progress files and reports who is stuck where, as a table, CSV, JSON and HTML', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'thane-class-'))
    mkdirSync(join(folder, 'in'))
    // Asha passes both exercises; Ravi is stuck on the first after two attempts and two hints.
    const asha = await startLearner()
    solve(asha, '01-add', 'add.ts')
    solve(asha, '02-total', 'total.ts')
    expect((await runThane(['workshop', 'verify', '--all'], { env, cwd: asha })).code).toBe(0)
    const ravi = await startLearner()
    await runThane(['workshop', 'verify'], { env, cwd: ravi })
    await runThane(['workshop', 'verify'], { env, cwd: ravi })
    await runThane(['workshop', 'hint'], { env, cwd: ravi })
    await runThane(['workshop', 'hint'], { env, cwd: ravi })
    for (const [who, dir] of [['Asha Patil', asha], ['Ravi, "R" Kulkarni', ravi]] as const) {
      const exported = await runThane(['workshop', 'progress', '--export', join(folder, 'in', `${who.slice(0, 4)}.json`), '--name', who], { env, cwd: dir })
      expect(exported.code, exported.stderr).toBe(0)
    }
    const file = JSON.parse(readFileSync(join(folder, 'in', 'Ravi.json'), 'utf8'))
    expect(file).toMatchObject({ format: 'thane-workshop-progress', name: 'Ravi, "R" Kulkarni', workshop: { id: 'demo-lab' }, passed: 0, total: 2, hintsUsed: 2 })
    expect(file.exercises[0]).toMatchObject({ id: '01-add', passed: false, attempts: 2, hintsUsed: 2, hintsAvailable: 3 })

    const files = [join(folder, 'in', 'Asha.json'), join(folder, 'in', 'Ravi.json')]
    const table = await runThane(['workshop', 'report', ...files], { env })
    expect(table.code, table.stderr).toBe(0)
    expect(table.stdout).toMatch(/Ravi, "R" Kulkarni\s+demo-lab\s+0\/2\s+01-add\s+2\s+2\s+0/)
    expect(table.stdout).toMatch(/Asha Patil\s+demo-lab\s+2\/2\s+done/)
    expect(table.stdout).toMatch(/demo-lab\/01-add\s+1\/2\s+1\s+/)

    const json = JSON.parse((await runThane(['workshop', 'report', ...files, '--json'], { env })).stdout)
    expect(json.learners.map((l: { name: string; stuckOn?: string }) => [l.name, l.stuckOn ?? null])).toEqual([
      ['Ravi, "R" Kulkarni', '01-add'],
      ['Asha Patil', null],
    ])

    const csv = await runThane(['workshop', 'report', ...files, '--csv'], { env })
    expect(csv.stdout.split('\r\n')[0]).toBe('name,workshop,passed,total,stuck_on,attempts_on_stuck,hints_on_stuck,hints_used,solutions_shown,minutes,file')
    expect(csv.stdout).toContain('"Ravi, ""R"" Kulkarni",demo-lab,0,2,01-add,2,2,2,0,')

    const html = join(folder, 'class.html')
    expect((await runThane(['workshop', 'report', ...files, '--html', html], { env })).code).toBe(0)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('<td>Ravi, &quot;R&quot; Kulkarni</td>')
    expect(page).not.toMatch(/<script|https?:\/\//)
  })

  it('refuses a file that is not a progress file, naming it', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'thane-bad-')), 'notes.json')
    writeFileSync(bad, '{"hello": 1}')
    const result = await runThane(['workshop', 'report', bad], { env })
    expect(result.code).toBe(2)
    expect(oneLineError(result.stderr)).toContain(`${bad} is not a progress file`)
  })

  it('refuses a progress file whose exercises are not records, naming the file and the exercise', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'thane-bad-'))
    const head = '{"format":"thane-workshop-progress","workshop":{"id":"demo-lab"},'
    const cases: [string, string][] = [
      ['null.json', `${head}"exercises":[null]}`],
      ['text.json', `${head}"exercises":[{"id":"01-add","passed":false,"attempts":"two","hintsUsed":0,"minutes":1}]}`],
    ]
    for (const [name, text] of cases) {
      const file = join(folder, name)
      writeFileSync(file, text)
      for (const extra of [[], ['--csv']]) {
        const result = await runThane(['workshop', 'report', file, ...extra], { env })
        expect(result.code).toBe(2)
        expect(result.stdout).toBe('')
        expect(oneLineError(result.stderr)).toContain(`${file} is not a progress file (exercise 1 lacks`)
      }
    }
    const named = join(folder, 'name.json')
    writeFileSync(named, `${head}"name":5,"exercises":[]}`)
    const result = await runThane(['workshop', 'report', named], { env })
    expect(result.code).toBe(2)
    expect(oneLineError(result.stderr)).toContain(`${named} is not a progress file (its "name" is not text)`)
  })

  it('says in one line, exit 2, when the progress file or the HTML report cannot be written', async () => {
    const learner = await startLearner()
    const missing = join(mkdtempSync(join(tmpdir(), 'thane-nowhere-')), 'no-such-folder')
    const exported = await runThane(['workshop', 'progress', '--export', join(missing, 'me.json'), '--name', 'Asha'], { env, cwd: learner })
    expect(exported.code).toBe(2)
    expect(oneLineError(exported.stderr)).toBe(
      `Error: cannot write ${join(missing, 'me.json')} (ENOENT); check that its folder exists and is writable, or write it elsewhere`,
    )
    const progress = join(learner, 'me.json')
    expect((await runThane(['workshop', 'progress', '--export', progress, '--name', 'Asha'], { env, cwd: learner })).code).toBe(0)
    const report = await runThane(['workshop', 'report', progress, '--html', join(missing, 'class.html')], { env })
    expect(report.code).toBe(2)
    expect(oneLineError(report.stderr)).toContain(`cannot write ${join(missing, 'class.html')} (ENOENT)`)
  })
})
