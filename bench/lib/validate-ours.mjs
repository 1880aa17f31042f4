// Thane Kit's validator: validateTable() from the built SDK with the Table Schema.
//   node bench/lib/validate-ours.mjs <file.csv> <schema.json> <threads>
// `threads` is passed as the option of that name; a build whose ValidateTableOptions has no
// `threads` ignores it, and `ran` says so.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { argsOf, finish, startClock } from './validate-child.mjs'

const sdkValidate = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sdk', 'dist', 'validate')
const { file, schemaPath, rest } = argsOf('bench/lib/validate-ours.mjs <file.csv> <schema.json> <threads>')
const threads = Number(rest[0] ?? 1)
const { validateTable } = await import(join(sdkValidate, 'index.js'))
// The bundle names the option where it reads it (the .d.ts is written later in a build, so not that).
const supportsThreads = /\bthreads\b/.test(readFileSync(join(sdkValidate, 'index.js'), 'utf8'))
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'))

const elapsed = startClock()
const report = await validateTable({ path: file, schema, threads })
const time = elapsed()
const warnings = report.severities.warning ? `, ${report.severities.warning} warnings` : ''
finish({
  rows: report.rows,
  errors: report.severities.error,
  time,
  ran: `threads: ${threads}${supportsThreads ? '' : ' (no such option in this build: ignored)'}${warnings}`,
})
