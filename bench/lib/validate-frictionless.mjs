// `frictionless validate` (Python, frictionless 5), where it can be had.
//   locateFrictionless() -> { command } or { why }: a `frictionless` on PATH, one installed before into
//   bench/.cache/frictionless-venv, or one pip can install there now from the indexes it reaches;
//   otherwise why not (and whether Debian packages it).
//   node bench/lib/validate-frictionless.mjs <file.csv> <schema.json> <command>: one run; wall time and
//   peak RSS are the command's own (measured by a small Python parent, from RUSAGE_CHILDREN).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CACHE_DIR } from './validate-generate.mjs'
import { argsOf } from './validate-child.mjs'

const VENV = join(CACHE_DIR, 'frictionless-venv')
const works = (command, args) => spawnSync(command, args, { encoding: 'utf8', timeout: 120_000 }).status === 0

export function locateFrictionless() {
  if (works('frictionless', ['--version'])) return { command: 'frictionless' }
  const venvCommand = join(VENV, 'bin', 'frictionless')
  if (existsSync(venvCommand) && works(venvCommand, ['--version'])) return { command: venvCommand }

  const apt = spawnSync('apt-cache', ['policy', 'python3-frictionless'], { encoding: 'utf8' })
  const candidate = /Candidate:\s*(\S+)/.exec(apt.stdout ?? '')?.[1]
  if (candidate && candidate !== '(none)') {
    return { why: `not installed; Debian has python3-frictionless ${candidate}: apt-get install python3-frictionless, then run again` }
  }
  // pip, with whatever indexes it is configured for: a quick probe first, so a machine without a
  // reachable index says so in seconds instead of waiting on retries.
  const probeDir = mkdtempSync(join(tmpdir(), 'thane-bench-frictionless-'))
  const probe = spawnSync('python3', ['-m', 'pip', 'download', '--no-deps', '--retries', '0', '--timeout', '5', '--dest', probeDir, 'frictionless'], { encoding: 'utf8', timeout: 120_000 })
  rmSync(probeDir, { recursive: true, force: true })
  if (probe.status === 0) {
    const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' })
    const install = venv.status === 0 ? spawnSync(join(VENV, 'bin', 'pip'), ['install', '--quiet', 'frictionless'], { encoding: 'utf8', timeout: 600_000 }) : venv
    if (install.status === 0 && works(venvCommand, ['--version'])) return { command: venvCommand }
    return { why: `pip found frictionless but installing it into ${VENV} failed: ${String(install.stderr).trim().split('\n').pop()}` }
  }
  const debian = apt.status === 0 ? 'Debian has no python3-frictionless package' : 'apt-cache is not available'
  const pip = probe.error ? 'python3 with pip is not available' : 'pip finds no frictionless in the package indexes this machine reaches (PyPI is not among them)'
  return { why: `not installable here: no frictionless command, ${debian}, and ${pip}` }
}

// Runs the command, then prints its stdout, and a last line with its wall time, CPU time and peak RSS (KiB on Linux).
const MEASURE_PY = `
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE)
ms = (time.perf_counter() - started) * 1000
sys.stdout.write(done.stdout.decode('utf-8', 'replace'))
print()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(ms, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss)
`

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { file, schemaPath, rest } = argsOf('bench/lib/validate-frictionless.mjs <file.csv> <schema.json> <command>')
  const command = rest[0] ?? 'frictionless'
  // --limit-errors: frictionless stops at 1000 problems by default; the other tools count them all.
  const run = spawnSync('python3', ['-c', MEASURE_PY, command, 'validate', '--json', '--schema', schemaPath, '--limit-errors', '100000000', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  })
  const lines = (run.stdout ?? '').trimEnd().split('\n')
  const [ms, cpuMs, maxRssKiB] = (lines.pop() ?? '').split(' ').map(Number)
  let report
  try {
    report = JSON.parse(lines.join('\n'))
  } catch {
    console.error(`frictionless printed no JSON report:\n${run.stdout}\n${run.stderr}`)
    process.exit(1)
  }
  const tasks = report.tasks ?? []
  const rows = tasks.reduce((sum, task) => sum + (task.stats?.rows ?? 0), 0)
  const errors = report.stats?.errors ?? tasks.reduce((sum, task) => sum + (task.stats?.errors ?? 0), 0)
  const version = spawnSync(command, ['--version'], { encoding: 'utf8' }).stdout.trim()
  // The work and the peak are the Python process's; Python's start-up and imports are in the time.
  console.log(JSON.stringify({ rows, errors, ms, cpuMs, peakRssMB: maxRssKiB / 1024, ran: `frictionless ${version}, whole command` }))
}
