// How long `thane demo` takes end to end (process start to exit), piped, with its own figure
// (durationMs: sandbox start to the last step) beside it. Target (issue 9): well under a minute.
//   npm run build && node bench/demo.mjs [runs]
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'cli', 'bin', 'run.js')
const runs = Number(process.argv[2] ?? 3)

function once() {
  // A fresh home each run: no transit feed cached from an earlier run (the demo uses its own cache anyway).
  const home = mkdtempSync(join(tmpdir(), 'thane-bench-demo-'))
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [bin, 'demo', '--json'], { encoding: 'utf8', cwd: home, env: { PATH: process.env.PATH, HOME: home } })
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`thane demo exited ${r.status}: ${r.stderr}`)
  return { wall, inside: JSON.parse(r.stdout).durationMs }
}

const samples = Array.from({ length: runs }, once)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(`node ${process.version}, ${runs} runs of "thane demo --json"`)
console.log('                         median s   max s')
console.log(`process start to exit    ${(median(samples.map((s) => s.wall)) / 1000).toFixed(1).padStart(8)}   ${(Math.max(...samples.map((s) => s.wall)) / 1000).toFixed(1).padStart(5)}`)
console.log(`demo steps (durationMs)  ${(median(samples.map((s) => s.inside)) / 1000).toFixed(1).padStart(8)}   ${(Math.max(...samples.map((s) => s.inside)) / 1000).toFixed(1).padStart(5)}`)
