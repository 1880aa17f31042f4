// Proves every project template works: scaffolds each with the built CLI (`thane new`, installing
// its dependencies from the npm registry and the packed SDK from vendor/) into a temporary folder,
// then runs its own `npm run build` and `npm test`. One line a template, then "N passed, N failed"
// (the line .ci/run adds to its totals). Exits 1 when a template fails.
//   npm run build && node scripts/test-templates.mjs [template…]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const thane = join(repo, 'cli', 'bin', 'run.js')
const templatesDir = join(repo, 'templates')
/** A step that takes longer is stuck (a test waiting on the network, a dev server left running). */
const STEP_TIMEOUT_MS = 5 * 60_000

const wanted = process.argv.slice(2)
const templates = readdirSync(templatesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(templatesDir, e.name, 'template.json')))
  .map((e) => JSON.parse(readFileSync(join(templatesDir, e.name, 'template.json'), 'utf8')))
  .filter((t) => wanted.length === 0 || wanted.includes(t.name))
  .sort((a, b) => a.order - b.order)

// The project must see a plain environment: an outer `npm run` exports npm_config_* settings
// (workspace, prefix, user agent) that would steer the project's own npm.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
env.CI = '1'

function step(label, command, args, cwd) {
  const start = process.hrtime.bigint()
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`
  const failure = r.error
    ? `${label}: ${r.error.code === 'ETIMEDOUT' ? `stopped after ${STEP_TIMEOUT_MS / 60_000} minutes` : r.error.message}`
    : r.status !== 0
      ? `${label} exited ${r.status ?? r.signal}`
      : undefined
  return { seconds, output, failure }
}

const scratch = mkdtempSync(join(tmpdir(), 'thane-templates-'))
let passed = 0
let failed = 0
if (!existsSync(join(repo, 'cli', 'dist')) || !existsSync(join(repo, 'cli', 'vendor', 'thanekit-sdk.tgz'))) {
  console.log('the CLI is not built (cli/dist, cli/vendor/thanekit-sdk.tgz); run "npm run build" first')
}
for (const template of templates) {
  const project = join(scratch, template.name)
  const steps = [
    ['thane new', process.execPath, [thane, 'new', project, '--template', template.name, '--yes', '--no-git', '--package-manager', 'npm'], scratch],
    ['npm run build', 'npm', ['run', 'build'], project],
    ['npm test', 'npm', ['test'], project],
  ]
  const times = []
  let failure
  for (const [label, command, args, cwd] of steps) {
    const r = step(label, command, args, cwd)
    times.push(`${label} ${r.seconds.toFixed(1)} s`)
    if (r.failure) {
      failure = r
      break
    }
  }
  if (failure) {
    failed++
    console.log(`FAIL ${template.name.padEnd(14)} ${failure.failure} (${times.join(', ')}); project kept in ${project}`)
    console.log(failure.output.trimEnd().split('\n').slice(-40).map((line) => `     | ${line}`).join('\n'))
  } else {
    passed++
    console.log(`ok   ${template.name.padEnd(14)} ${times.join(', ')}`)
    rmSync(project, { recursive: true, force: true })
  }
}
if (templates.length === 0) {
  failed++
  console.log(`no template${wanted.length > 0 ? ` named ${wanted.join(', ')}` : ''} in ${templatesDir}`)
}
if (failed === 0) rmSync(scratch, { recursive: true, force: true })
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0
