// Start-up time of the `thane` CLI next to a bare `node -e 0`, measured in the same run.
// Target (issue 2): `thane --help` and `thane --version` under 100 ms median on Node 24.
//   npm run build && node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'cli', 'bin', 'run.js')
const runs = Number(process.argv[2] ?? 30)

// The same help rendered by oclif at run time, as it would be without the build-time pre-render.
const oclifCore = createRequire(join(root, 'cli', 'package.json')).resolve('@oclif/core')
const oclifHelp = `import(${JSON.stringify(oclifCore)})
  .then(({ execute }) => execute({ dir: ${JSON.stringify(`file://${bin}`)}, args: ['--help'] }))`

const cases = [
  ['node -e 0', ['-e', '0']],
  ['oclif --help (runtime)', ['--input-type=module', '-e', oclifHelp]],
  ['thane --version', [bin, '--version']],
  ['thane --help', [bin, '--help']],
  ['thane help sandbox', [bin, 'help', 'sandbox']],
  ['thane doctor --json', [bin, 'doctor', '--json']],
]

function time(args) {
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: '/' })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return ms
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
console.log(`node ${process.version}, ${runs} runs each (after 3 warm-up runs), cwd /`)
console.log('case                   median ms   p90 ms   min ms')
for (const [name, args] of cases) {
  for (let i = 0; i < 3; i++) time(args)
  const samples = Array.from({ length: runs }, () => time(args)).sort((a, b) => a - b)
  const row = [pct(samples, 50), pct(samples, 90), samples[0]].map((v) => v.toFixed(1).padStart(8))
  console.log(`${name.padEnd(22)} ${row.join(' ')}`)
}
