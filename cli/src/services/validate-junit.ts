import type { Report, ValidationError } from '@thanekit/sdk/validate'
import { msg } from '../messages/index.js'
import { visibleText } from './visible-text.js'
import { fails, type FailOn, type ValidateResult } from './validate.js'

const m = msg.validate.junit

/** How many problems a failing testcase lists in its body. */
const EXAMPLES = 10

/** Text content: `]]>` cannot appear because `>` is escaped too. */
function xmlText(text: string): string {
  return visibleText(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

/** Attribute values: also quotes, and the whitespace a parser would otherwise fold into spaces. */
function xmlAttr(text: string): string {
  return xmlText(text).replaceAll('"', '&quot;').replaceAll("'", '&apos;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;')
}

function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('')
}

/** `requests.csv:5 service_code "X": message; hint`, the way an editor or a CI log links it. */
export function problemLine(e: ValidationError): string {
  const where = e.file ? `${e.file}${e.row !== undefined ? `:${e.row}` : ''}` : e.row !== undefined ? `line ${e.row}` : ''
  const field = e.field ? ` ${e.field}` : ''
  const value = e.value !== undefined ? ` "${e.value}"` : ''
  const head = `${where}${field}${value}`.trim()
  return `${head ? `${head}: ` : ''}${e.message}; ${e.hint}`
}

interface Case {
  classname: string
  name: string
  /** Present when the case fails the run. */
  failure?: { message: string; type: string; body: string }
  /** Problems below `--fail-on`, shown but not failing. */
  out?: string
}

/**
 * One testcase a table and code: it fails when that code's problems fail the run under `--fail-on`,
 * and otherwise passes with its problems in system-out. A table without problems is one passing
 * testcase, so every table checked shows up in the CI's test list.
 */
function casesOf(report: Report, failOn: FailOn): Case[] {
  const cases: Case[] = []
  const fileOf = (e: ValidationError) => e.file ?? report.source
  const groups = new Map<string, { file: string; code: string; errors: ValidationError[] }>()
  for (const e of report.errors) {
    const key = `${fileOf(e)}\u0000${e.code}`
    const group = groups.get(key) ?? { file: fileOf(e), code: e.code, errors: [] }
    group.errors.push(e)
    groups.set(key, group)
  }
  const failing = (errors: ValidationError[]) =>
    failOn !== 'never' && errors.some((e) => e.severity === 'error' || (failOn === 'warning' && e.severity === 'warning'))
  const filesWithProblems = new Set([...groups.values()].map((g) => g.file))
  for (const table of report.tables) {
    if (!filesWithProblems.has(table.file)) cases.push({ classname: table.file, name: m.noProblems(table.rows) })
  }
  for (const { file, code, errors } of groups.values()) {
    const lines = errors.slice(0, EXAMPLES).map(problemLine)
    if (errors.length > EXAMPLES) lines.push(m.more(errors.length - EXAMPLES))
    const count = report.truncated ? m.atLeast(errors.length) : String(errors.length)
    const first = errors[0]
    const message = m.failure(count, code, first ? first.message : '')
    if (failing(errors)) cases.push({ classname: file, name: code, failure: { message, type: code, body: lines.join('\n') } })
    else cases.push({ classname: file, name: code, out: `${message}\n${lines.join('\n')}` })
  }
  // Codes counted but with no problem kept (beyond --max-errors) still show, on the input; their
  // severity is unknown, so they fail exactly when the input fails.
  const keptCodes = new Set(report.errors.map((e) => e.code))
  for (const [code, n] of Object.entries(report.counts)) {
    if (keptCodes.has(code as ValidationError['code']) || !n) continue
    const message = m.notKept(n, code)
    if (fails(report, failOn)) cases.push({ classname: report.source, name: code, failure: { message, type: code, body: message } })
    else cases.push({ classname: report.source, name: code, out: message })
  }
  if (cases.length === 0) cases.push({ classname: report.source, name: m.noProblems(report.rows) })
  return cases
}

function testcase(c: Case): string {
  const head = `    <testcase${attrs({ name: c.name, classname: c.classname })}`
  if (!c.failure && !c.out) return `${head}/>`
  const inner = c.failure
    ? `      <failure${attrs({ message: c.failure.message, type: c.failure.type })}>${xmlText(c.failure.body)}</failure>`
    : `      <system-out>${xmlText(c.out ?? '')}</system-out>`
  return `${head}>\n${inner}\n    </testcase>`
}

/**
 * The result as JUnit XML for CI test reporters (GitLab, Jenkins, GitHub): one testsuite an input,
 * one testcase a table and problem code.
 */
export function renderJunit(result: ValidateResult): string {
  const suites = result.reports.map((report) => ({ report, cases: casesOf(report, result.failOn) }))
  const tests = suites.reduce((n, s) => n + s.cases.length, 0)
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0)
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: m.name, tests, failures, errors: 0, skipped: 0 })}>`]
  for (const { report, cases } of suites) {
    const suiteFailures = cases.filter((c) => c.failure).length
    out.push(`  <testsuite${attrs({ name: report.source, tests: cases.length, failures: suiteFailures, errors: 0, skipped: 0 })}>`)
    out.push('    <properties>')
    if (report.schemaName) out.push(`      <property${attrs({ name: 'schema', value: report.schemaName })}/>`)
    out.push(`      <property${attrs({ name: 'rows', value: report.rows })}/>`)
    for (const s of ['error', 'warning', 'info'] as const) out.push(`      <property${attrs({ name: `${s}s`, value: report.severities[s] })}/>`)
    out.push(`      <property${attrs({ name: 'truncated', value: String(report.truncated) })}/>`)
    out.push('    </properties>')
    for (const c of cases) out.push(testcase(c))
    out.push('  </testsuite>')
  }
  out.push('</testsuites>')
  return out.join('\n')
}
