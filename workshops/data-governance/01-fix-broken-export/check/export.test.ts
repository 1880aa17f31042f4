import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assetPath } from '@thanekit/sdk/assets'
import { validateTable, type TableSchema } from '@thanekit/sdk/validate'

const exerciseDir = process.env.THANE_EXERCISE_DIR
if (!exerciseDir) throw new Error('THANE_EXERCISE_DIR is not set: run the check with `thane workshop verify`')
const exportFile = join(exerciseDir, 'grievances-export.csv')

// The built-in schema `thane validate --schema grievances/requests` uses: the requests resource of the bundled dataset.
const dataPackage = JSON.parse(readFileSync(assetPath('datasets', 'grievances', 'datapackage.json'), 'utf8')) as { resources: { name: string; schema: TableSchema }[] }
const schema = dataPackage.resources.find((r) => r.name === 'requests')?.schema
if (!schema) throw new Error('bug: the grievances datapackage.json has no "requests" resource')

const report = await validateTable({ path: exportFile, schema, schemaName: 'grievances/requests' })
const findings = (severity: string) =>
  report.errors
    .filter((e) => e.severity === severity)
    .map((e) => `row ${e.row ?? '?'}${e.field ? ` ${e.field}` : ''}: ${e.message}`)
    .join('; ')

/** The rows of a CSV text as objects (quoted fields may hold commas, quotes and line breaks). */
function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [[]]
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') (rows.at(-1) as string[]).push(cell), (cell = '')
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      ;(rows.at(-1) as string[]).push(cell), (cell = ''), rows.push([])
    } else cell += c
  }
  if (cell !== '' || (rows.at(-1) as string[]).length > 0) (rows.at(-1) as string[]).push(cell)
  const [header = [], ...body] = rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '')
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])))
}
const rows = readCsv(readFileSync(exportFile, 'utf8'))
const byId = new Map(rows.map((r) => [r.service_request_id, r]))

test('the export has no errors against the built-in schema grievances/requests', () => {
  assert.equal(report.severities.error, 0, `expected no errors, got ${report.severities.error}: ${findings('error')}`)
})

test('the export has no warnings either: no personal data left in the text', () => {
  assert.equal(report.severities.warning, 0, `expected no warnings, got ${report.severities.warning}: ${findings('warning')}`)
})

test('every grievance of the export is still there, each once (fix rows, do not delete them)', () => {
  const expected = ['100038', '100186', '100203', '100556', '100667', '100741', '101740', '101777']
  assert.deepEqual(
    rows.map((r) => r.service_request_id),
    expected,
    `expected the ids ${expected.join(', ')} in order, got ${rows.map((r) => r.service_request_id).join(', ')}`,
  )
})

test('the fixed cells keep their meaning: the same time, status, language, place, ward and PIN code', () => {
  const expectations: [string, string, string][] = [
    ['100038', 'requested_datetime', '2025-08-02T11:18:00+05:30'],
    ['100186', 'status', 'closed'],
    ['100203', 'description_language', 'mr'],
    ['100556', 'lat', '19.184852'],
    ['100556', 'long', '72.982701'],
    ['100667', 'ward', 'Vartak Nagar'],
    ['101777', 'zipcode', '400602'],
  ]
  for (const [id, field, value] of expectations) {
    assert.equal(byId.get(id)?.[field], value, `expected ${field} of grievance ${id} to be "${value}", got "${byId.get(id)?.[field]}"`)
  }
})
