import './env.js'
import { parseArgs } from 'node:util'
import { ThaneError } from '@thanekit/sdk/errors'
import { describeProblems, InvalidDataError } from './errors.js'
import { runPipeline } from './pipeline.js'

const USAGE = 'usage: npm start -- [path/to/datapackage.json] [--out folder]'

/** A bad command line. */
class UsageError extends Error {}

// Exit codes: 0 done, 1 the data is invalid, 2 bad usage or a file that cannot be read.
try {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string', short: 'o' } } })
  if (positionals.length > 1) throw new UsageError(`give at most one export, not ${positionals.length}; ${USAGE}`)
  const input = positionals[0] ?? (process.env.THANE_EXPORT || undefined)
  const outDir = values.out ?? (process.env.THANE_OUT_DIR || 'out')
  const started = performance.now()
  const result = await runPipeline({ input, outDir })
  const wards = new Set(result.wardDays.map((d) => d.ward)).size
  const days = new Set(result.wardDays.map((d) => d.date)).size
  const missing = result.wardDays.filter((d) => d.aqi === null).length
  console.log(`Validated ${result.input}: ${result.rowsValidated} rows, no problems.`)
  console.log(`Daily AQI of ${wards} wards from ${result.stations} stations over ${days} days${missing ? ` (${missing} ward-days without enough data)` : ''}.`)
  console.log(`Wrote ${result.files.csv} and ${result.files.chart} in ${Math.round(performance.now() - started)} ms.`)
} catch (err) {
  if (err instanceof InvalidDataError) {
    console.error(`error: ${err.message}`)
    if (err.report) console.error(describeProblems(err.report).join('\n'))
    process.exitCode = 1
  } else if (err instanceof UsageError || err instanceof ThaneError || isUnreadableInput(err)) {
    // A bad flag, a missing file, a datapackage.json that is not JSON: the user can fix it.
    console.error(`error: ${(err as Error).message}`)
    process.exitCode = 2
  } else {
    throw err // a bug: let Node print the stack
  }
}

function isUnreadableInput(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return err instanceof SyntaxError || (typeof code === 'string' && (code.startsWith('ERR_PARSE_ARGS') || code === 'ENOENT' || code === 'EISDIR'))
}
