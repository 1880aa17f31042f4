import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The default time limit of one check run, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 10

/** One test of a check, as the learner reads it. */
export interface CheckOutcome {
  /** The test's name: a plain sentence saying what is checked. */
  name: string
  passed: boolean
  /** Why it failed, in the check's words (first paragraph of the error message). */
  message?: string
  /** For a failed comparison, the values, printed the way Node prints them. */
  expected?: string
  actual?: string
  /** The check file could not run at all (its top level threw, often a syntax error in learner code). */
  loadError?: boolean
}

export interface CheckRun {
  passed: boolean
  timedOut: boolean
  timeoutSeconds: number
  durationMs: number
  tests: CheckOutcome[]
  /** Output of the run when it ended without reporting any test (the runner itself could not start). */
  problem?: string
}

export interface RunCheckOptions {
  /** The exercise's check/ folder in the workshop (*.test.ts files and their helpers). */
  checkDir: string
  /** The learner's exercise folder: THANE_EXERCISE_DIR. */
  exerciseDir: string
  /** The learner's data folder: THANE_DATA_DIR. */
  dataDir: string
  /**
   * Where the check files are copied before they run: inside the learner's folder, so that they
   * resolve @thanekit/sdk through its link and Node strips their types (it refuses .ts files
   * under node_modules, where an installed kit keeps its workshops).
   */
  workDir: string
  timeoutSeconds?: number
  /** Stops the run early (watch mode, when a newer save arrives). */
  signal?: AbortSignal
}

// The program of the child process: node:test's run() over the check files, each event as one
// JSON line. Values are printed by util.inspect in the child, where they still are real values.
const RUNNER = `
import { run } from 'node:test'
import { inspect } from 'node:util'
const files = process.argv.slice(2)
const show = (v) => inspect(v, { depth: 4, breakLength: Infinity, maxArrayLength: 12, maxStringLength: 300 })
const emit = (o) => process.stdout.write('@thane ' + JSON.stringify(o) + '\\n')
for await (const event of run({ files, concurrency: 1 })) {
  const d = event.data
  if (event.type === 'test:pass' && d.details?.type !== 'suite' && d.name !== d.file) emit({ name: d.name, passed: true })
  if (event.type !== 'test:fail') continue
  const error = d.details?.error
  if (error?.failureType === 'subtestsFailed') continue
  const cause = error?.cause ?? error ?? {}
  const compared = cause.code === 'ERR_ASSERTION' && ('expected' in cause || 'actual' in cause) && cause.operator !== 'fail'
  emit({
    name: d.name,
    passed: false,
    loadError: d.name === d.file,
    message: String(cause.code === 'ERR_ASSERTION' ? cause.message : (cause.name ?? 'Error') + ': ' + cause.message),
    generated: cause.generatedMessage === true,
    expected: compared ? show(cause.expected) : undefined,
    actual: compared ? show(cause.actual) : undefined,
    timeout: error?.failureType === 'testTimeoutFailure',
  })
}
`

interface Emitted extends CheckOutcome {
  generated?: boolean
}

/**
 * Runs an exercise's check against the learner's folder in a child process with a time limit.
 * An infinite loop in learner code is killed (with every process it started) when the limit is
 * reached; the terminal never hangs.
 */
export async function runCheck(options: RunCheckOptions): Promise<CheckRun> {
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS
  rmSync(options.workDir, { recursive: true, force: true })
  mkdirSync(options.workDir, { recursive: true })
  cpSync(options.checkDir, options.workDir, { recursive: true })
  const files = existsSync(options.workDir)
    ? readdirSync(options.workDir)
        .filter((name) => name.endsWith('.test.ts'))
        .sort()
        .map((name) => join(options.workDir, name))
    : []
  const started = performance.now()
  if (files.length === 0) return { passed: false, timedOut: false, timeoutSeconds, durationMs: 0, tests: [], problem: `no *.test.ts files in ${options.checkDir}` }

  // Node 22.13 to 23.5 strip types only when asked; newer Nodes do it by default.
  const typescript = 'typescript' in process.features ? [] : ['--experimental-strip-types']
  const nodeOptions = [process.env.NODE_OPTIONS ?? '', ...typescript, '--disable-warning=ExperimentalWarning'].join(' ').trim()
  const posix = process.platform !== 'win32'
  // A file, not `node -e`: node:test starts each check file with the parent's exec arguments, and an
  // inline program would run again inside every one of them.
  const runner = join(options.workDir, 'thane-runner.mjs')
  writeFileSync(runner, RUNNER)
  const child = spawn(process.execPath, [...typescript, '--disable-warning=ExperimentalWarning', runner, ...files], {
    cwd: options.exerciseDir,
    env: { ...process.env, NODE_OPTIONS: nodeOptions, THANE_EXERCISE_DIR: options.exerciseDir, THANE_DATA_DIR: options.dataDir, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a kill takes the test files' own child processes with it.
    detached: posix,
  })
  const tests: CheckOutcome[] = []
  let buffer = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk
    let newline: number
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      if (line.startsWith('@thane ')) tests.push(toOutcome(JSON.parse(line.slice(7)) as Emitted))
    }
  })
  // Only the end matters when something goes wrong; keep memory bounded for chatty learner code.
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)))

  let timedOut = false
  const kill = () => {
    try {
      if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      else child.kill('SIGKILL')
    } catch {
      // Already gone.
    }
  }
  const timer = setTimeout(() => {
    timedOut = true
    kill()
  }, timeoutSeconds * 1000)
  const onAbort = () => kill()
  options.signal?.addEventListener('abort', onAbort, { once: true })
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(null))
    child.once('close', (exitCode) => resolve(exitCode))
  })
  clearTimeout(timer)
  options.signal?.removeEventListener('abort', onAbort)
  // A timed-out run leaves the test files' processes orphaned in the group; make sure they are gone.
  if (timedOut) kill()

  const failed = tests.some((t) => !t.passed)
  const passed = !timedOut && code === 0 && !failed && tests.length > 0
  const run: CheckRun = { passed, timedOut, timeoutSeconds, durationMs: Math.round(performance.now() - started), tests }
  if (!timedOut && tests.length === 0 && !options.signal?.aborted) run.problem = stderr.trim() || `the check ended with exit code ${String(code)} and ran no test`
  return run
}

/** Keeps what a learner needs: the sentence, the reason, and the two values when they were compared. */
function toOutcome(emitted: Emitted): CheckOutcome {
  if (emitted.passed) return { name: emitted.name, passed: true }
  const outcome: CheckOutcome = { name: emitted.name, passed: false, message: firstParagraph(emitted.message ?? '', emitted.generated === true) }
  if (emitted.expected !== undefined) outcome.expected = emitted.expected
  if (emitted.actual !== undefined) outcome.actual = emitted.actual
  if (emitted.loadError) outcome.loadError = true
  return outcome
}

// assert appends its own diff to a message the check wrote; the values are shown on their own
// lines anyway, so the check's own words are enough. A generated message keeps its first line.
function firstParagraph(message: string, generated: boolean): string {
  const text = message.replace(/\r\n?/g, '\n').trim()
  if (generated) return (text.split('\n')[0] ?? '').trim()
  const own = text.split(/\n\s*\n|\n\+ actual - expected/)[0] ?? ''
  return own.trim()
}
