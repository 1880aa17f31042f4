import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { render } from 'ink-testing-library'
import { createElement } from 'react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findWorkshop, openLearner, startWorkshop, WatchSession, type WatchSnapshot } from '../src/services/workshop/index.js'
import { WorkshopWatch } from '../src/ui/WorkshopWatch.js'
import { isolatedEnv, runThane } from './helpers.js'
import { makeFixtureWorkshops } from './workshop-fixture.js'

// The watch screen as text frames (ink-testing-library) and the watch loop on real files.
let workshops: string
const sessions: WatchSession[] = []

beforeAll(() => {
  workshops = makeFixtureWorkshops()
  process.env.THANE_WORKSHOPS_DIR = workshops
})

afterEach(() => {
  for (const session of sessions.splice(0)) session.stop()
})

function newLearner(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'thane-watch-')), 'lab')
  startWorkshop({ workshop: findWorkshop('demo-lab'), dir })
  return dir
}

/** A session on a new learner folder, with a way to wait for the snapshot the test expects. */
function watchSession(dir: string, options: { pollOnly?: boolean } = {}) {
  const seen: WatchSnapshot[] = []
  const waiting: { test: (s: WatchSnapshot) => boolean; resolve: (s: WatchSnapshot) => void }[] = []
  const session = new WatchSession({
    learner: openLearner(dir),
    lang: 'en',
    timeoutSeconds: 10,
    debounceMs: 50,
    pollMs: 200,
    ...options,
    onUpdate: (s) => {
      seen.push(s)
      for (const w of waiting.filter((w) => w.test(s))) {
        waiting.splice(waiting.indexOf(w), 1)
        w.resolve(s)
      }
    },
  })
  sessions.push(session)
  const until = (test: (s: WatchSnapshot) => boolean) =>
    new Promise<WatchSnapshot>((resolve) => {
      const already = seen.find(test)
      if (already) resolve(already)
      else waiting.push({ test, resolve })
    })
  return { session, until }
}

describe('the watch screen', () => {
  it('shows the exercise, its task, each failed check with its values, the status and the keys', () => {
    const snapshot: WatchSnapshot = {
      title: 'Demo lab',
      exercise: '02-total',
      index: 2,
      total: 2,
      task: '02-total/README.md',
      status: 'failed',
      finished: false,
      result: {
        workshop: 'demo-lab',
        exercise: '02-total',
        passed: false,
        timedOut: false,
        timeoutSeconds: 10,
        durationMs: 300,
        attempts: 1,
        finished: false,
        tests: [{ name: 'the total of data/numbers.csv is 6', passed: false, message: 'total(numbers.csv)', expected: '6', actual: '0' }],
      },
    }
    const { lastFrame, unmount } = render(createElement(WorkshopWatch, { snapshot }))
    expect(lastFrame()).toBe(
      [
        'Demo lab · exercise 2 of 2: 02-total',
        'task: 02-total/README.md',
        '',
        '✗ 02-total: 1 of 1 check failed.',
        '  ✗ the total of data/numbers.csv is 6',
        '    total(numbers.csv)',
        '    expected: 6',
        '    actual:   0',
        'not yet',
        '',
        'h hint · r check again · q quit',
      ].join('\n'),
    )
    unmount()
  })

  it('re-checks on save, moves on after a pass, and shows the next hint on h', async () => {
    const dir = newLearner()
    const { session, until } = watchSession(dir)
    const keys: string[] = []
    const screen = render(createElement(WorkshopWatch, { snapshot: session.current(), onKey: (k: string) => keys.push(k) }))
    const redraw = (s: WatchSnapshot) => screen.rerender(createElement(WorkshopWatch, { snapshot: s, onKey: (k: string) => (k === 'h' ? session.hint() : keys.push(k)) }))

    await session.start()
    const failed = await until((s) => s.status === 'failed')
    redraw(failed)
    expect(screen.lastFrame()).toContain('✗ 01-add: 2 of 2 checks failed.')

    // Saving the solution is seen (file events or the poll) and the session moves to 02.
    cpSync(join(workshops, 'demo-lab', '01-add', 'solution', 'add.ts'), join(dir, '01-add', 'add.ts'))
    const moved = await until((s) => s.exercise === '02-total')
    redraw(moved)
    expect(moved.justPassed).toBe('01-add')
    expect(screen.lastFrame()).toContain('Demo lab · exercise 2 of 2: 02-total')
    expect(screen.lastFrame()).toContain('✓ 01-add: all 2 checks passed')

    screen.stdin.write('h')
    const hinted = await until((s) => s.hint !== undefined)
    redraw(hinted)
    expect(screen.lastFrame()).toContain('hint 1 of 4:\nRead data/numbers.csv.')
    screen.stdin.write('q')
    expect(keys).toContain('q')
    screen.unmount()
  })

  it('notices a save by polling alone, where file events never arrive', async () => {
    const dir = newLearner()
    const { session, until } = watchSession(dir, { pollOnly: true })
    await session.start()
    await until((s) => s.status === 'failed')
    cpSync(join(workshops, 'demo-lab', '01-add', 'solution', 'add.ts'), join(dir, '01-add', 'add.ts'))
    const moved = await until((s) => s.exercise === '02-total')
    expect(moved.result?.passed).toBe(true)
  })

  it('prints plain lines without a terminal: thane workshop watch --once', async () => {
    const dir = newLearner()
    writeFileSync(join(dir, '01-add', 'add.ts'), 'export function add(a: number, b: number): number {\n  return a * b\n}\n')
    const result = await runThane(['workshop', 'watch', '--once'], { env: isolatedEnv({ THANE_WORKSHOPS_DIR: workshops }), cwd: dir })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('Watching 01-add (task: 01-add/README.md).')
    expect(result.stdout).toContain('  ✗ adding 2 and 3 gives 5\n    add(2, 3)\n    expected: 5\n    actual:   6')
    expect(result.stdout).not.toContain('\u001B[')
  })
})
