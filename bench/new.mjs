// `thane new --no-install --no-git --yes` timed (median of runs, a fresh folder each run), next to
// create-vite making its vanilla-ts template non-interactively, measured in the same run: the
// create-vite binary itself (installed into bench/.cache/create-vite from npm) and `npm create vite`
// as users type it (npm's cache warm, --prefer-offline).
// Target (issue 7): `thane new --no-install` under 1 s.
//   npm run build && node bench/new.mjs [runs]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const thane = join(root, 'cli', 'bin', 'run.js')
const runs = Number(process.argv[2] ?? 15)
const viteCache = join(root, 'bench', '.cache', 'create-vite')
const createVite = join(viteCache, 'node_modules', 'create-vite', 'index.js')

/** create-vite from npm into bench/.cache, once; undefined when it cannot be installed (offline). */
function installCreateVite() {
  if (!existsSync(createVite)) {
    mkdirSync(viteCache, { recursive: true })
    if (!existsSync(join(viteCache, 'package.json'))) writeFileSync(join(viteCache, 'package.json'), '{ "private": true }\n')
    const r = spawnSync('npm', ['install', 'create-vite@latest', '--no-audit', '--no-fund'], { cwd: viteCache, encoding: 'utf8' })
    if (r.status !== 0) {
      console.log(`create-vite could not be installed from npm (${r.stderr.trim().split('\n').pop()}); its rows are left out`)
      return undefined
    }
  }
  return JSON.parse(readFileSync(join(viteCache, 'node_modules', 'create-vite', 'package.json'), 'utf8')).version
}

const viteVersion = installCreateVite()
// Each case makes a project called `app` in a fresh folder.
const cases = [
  ['node -e 0', process.execPath, ['-e', '0']],
  ['thane new --yes (starter)', process.execPath, [thane, 'new', 'app', '--no-install', '--no-git', '--yes']],
  ...(viteVersion
    ? [
        [`create-vite ${viteVersion} vanilla-ts`, process.execPath, [createVite, 'app', '--template', 'vanilla-ts', '--no-interactive']],
        [`npm create vite@${viteVersion}`, 'npm', ['create', `vite@${viteVersion}`, '--yes', '--prefer-offline', '--', 'app', '--template', 'vanilla-ts', '--no-interactive']],
      ]
    : []),
]

// No npm_config_user_agent from an outer `npm run`: each tool sees a plain shell.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_user_agent$/i.test(key)))

function time(command, args) {
  const cwd = mkdtempSync(join(tmpdir(), 'thane-bench-new-'))
  const start = process.hrtime.bigint()
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  if (args[0] !== '-e' && !existsSync(join(cwd, 'app', 'package.json'))) throw new Error(`${command} ${args.join(' ')} made no project`)
  rmSync(cwd, { recursive: true, force: true })
  return ms
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ')
console.log(`node ${process.version}, ${runs} runs each (after 2 warm-up runs), a fresh folder each run; load average ${load()}`)
console.log('case                            median ms   p90 ms   min ms')
for (const [name, command, args] of cases) {
  for (let i = 0; i < 2; i++) time(command, args)
  const samples = Array.from({ length: runs }, () => time(command, args)).sort((a, b) => a - b)
  const row = [pct(samples, 50), pct(samples, 90), samples[0]].map((v) => v.toFixed(1).padStart(8))
  console.log(`${name.padEnd(31)} ${row.join(' ')}`)
}
console.log(`load average at the end: ${load()} (figures scale with it on a shared machine)`)
