import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { GRIEVANCES, brokenPackage } from '../../sdk/test/fixtures/validate/broken.js'
import { renderJunit } from '../src/services/validate-junit.js'
import { renderText, type ValidateResult } from '../src/services/validate.js'
import { oneLineError, runThane } from './helpers.js'

interface Testcase {
  '@_name': string
  '@_classname': string
  failure?: { '#text'?: string; '@_message': string; '@_type': string }
  'system-out'?: string
}
interface Testsuite {
  '@_name': string
  '@_tests': string
  '@_failures': string
  properties: { property: Array<{ '@_name': string; '@_value': string }> }
  testcase: Testcase[]
}
interface Junit {
  testsuites: { '@_tests': string; '@_failures': string; testsuite: Testsuite[] }
}

/** Characters XML 1.0 forbids; none may reach the file. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/** Checks the text is well-formed XML and returns it parsed. */
function parseJunit(xml: string): Junit {
  expect(XMLValidator.validate(xml)).toBe(true)
  expect(xml).not.toMatch(NOT_XML)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  })
  return parser.parse(xml) as Junit
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'thane-junit-'))

/** A CSV whose bad cells are hostile to XML, with a schema that reports each of them with its value. */
function hostileCsv(): { file: string; schema: string; values: string[] } {
  const dir = tempDir()
  const values = ['<script>alert(1)</script>', 'a&b "q" \'s\' ]]>', '\u0001\u001B[31mred', '"><img src=x onerror=alert(1)>']
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`
  const file = join(dir, 'hostile.csv')
  writeFileSync(file, ['name,count', ...values.map((v, i) => `${quote(v)},${i}`), 'ok,x', ''].join('\n'))
  const schema = join(dir, 'schema.json')
  writeFileSync(schema, JSON.stringify({ fields: [{ name: 'name', constraints: { pattern: '[a-z]+' } }, { name: 'count', type: 'integer' }] }))
  return { file, schema, values }
}

describe('thane validate --format junit', () => {
  it('junit: one testsuite an input, one failing testcase a table and code, with file:line examples', async () => {
    const { datapackage, requests } = brokenPackage()
    const r = await runThane(['validate', datapackage, join(GRIEVANCES, 'services.csv'), '--format', 'junit'])
    expect(r.code).toBe(1)
    const junit = parseJunit(r.stdout)
    // The schema chosen for services.csv is said on stderr: stdout is only the XML.
    expect(r.stderr).toContain('services.csv: using the built-in schema grievances/services')
    const [pkg, services] = junit.testsuites.testsuite
    expect(pkg?.['@_name']).toBe(datapackage)
    expect(services?.['@_name']).toBe(join(GRIEVANCES, 'services.csv'))
    expect(pkg?.testcase.map((c) => `${c['@_classname'].replace(/.*\//, '')} ${c['@_name']}`)).toEqual([
      'services.csv no problems (16 rows)',
      'requests.csv type-error',
      'requests.csv constraint-error',
      'requests.csv foreign-key',
      'requests.csv unique-error',
      'requests.csv primary-key',
      'requests.csv missing-cell',
      'requests.csv blank-row',
    ])
    const missing = pkg?.testcase.find((c) => c['@_name'] === 'missing-cell')
    expect(missing?.failure?.['@_type']).toBe('missing-cell')
    expect(missing?.failure?.['@_message']).toMatch(/^11 × missing-cell: /)
    expect(missing?.failure?.['#text']).toContain(`${requests}:9 `)
    expect(missing?.failure?.['#text']).toContain('… and 1 more')
    expect(pkg?.['@_failures']).toBe('7')
    expect(services?.testcase).toEqual([{ '@_name': 'no problems (16 rows)', '@_classname': join(GRIEVANCES, 'services.csv') }])
    expect(junit.testsuites['@_tests']).toBe('9')
    expect(junit.testsuites['@_failures']).toBe('7')
    expect(pkg?.properties.property.find((p) => p['@_name'] === 'errors')?.['@_value']).toBe('17')
  })

  it('junit: hostile cell values stay well-formed XML and read back as written', async () => {
    const { file, schema, values } = hostileCsv()
    const r = await runThane(['validate', file, '--schema', schema, '--format', 'junit'])
    expect(r.code).toBe(1)
    const junit = parseJunit(r.stdout)
    const failure = junit.testsuites.testsuite[0]?.testcase.find((c) => c['@_name'] === 'constraint-error')?.failure
    const text = failure?.['#text'] ?? ''
    for (const v of values.filter((v) => !/[\u0000-\u001F]/.test(v))) expect(text).toContain(`"${v}"`)
    // Control characters are shown, not written raw.
    expect(text).toContain('"\\u0001\\u001B[31mred"')
    expect(failure?.['@_message']).toBe('4 × constraint-error: "name" does not match the pattern [a-z]+')
  })

  it('junit: problems below --fail-on pass with their details in system-out, and the run exits 0', async () => {
    const { requests } = brokenPackage()
    const r = await runThane(['validate', requests, '--schema', 'grievances/requests', '--format', 'junit', '--fail-on', 'never'])
    expect(r.code).toBe(0)
    const suite = parseJunit(r.stdout).testsuites.testsuite[0]
    expect(suite?.['@_failures']).toBe('0')
    const typeError = suite?.testcase.find((c) => c['@_name'] === 'type-error')
    expect(typeError?.failure).toBeUndefined()
    expect(typeError?.['system-out']).toContain(`${requests}:3 requested_datetime`)
  })

  it('junit: --json with --format junit is a usage error; --json with --format json is not', async () => {
    const file = join(GRIEVANCES, 'services.csv')
    const r = await runThane(['validate', file, '--json', '--format', 'junit'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'E_USAGE', message: '--json and --format junit ask for different outputs; drop one (--json is the same as --format json)', exitCode: 2 },
    })
    const text = await runThane(['validate', file, '--format', 'text', '--json'])
    expect(text.code).toBe(2)
    const both = await runThane(['validate', file, '--json', '--format=json'])
    expect(both.code).toBe(0)
    expect(JSON.parse(both.stdout)).toMatchObject({ valid: true })
  })

  it('junit: --format json prints what --json prints, errors included', async () => {
    const file = join(GRIEVANCES, 'services.csv')
    const a = await runThane(['validate', file, '--format', 'json'])
    const b = await runThane(['validate', file, '--json'])
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    const missing = await runThane(['validate', join(tempDir(), 'nope.csv'), '--format', 'json'])
    expect(missing.code).toBe(2)
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'E_USAGE', exitCode: 2 } })
    const bad = await runThane(['validate', file, '--format', 'xml'])
    expect(bad.code).toBe(2)
    expect(oneLineError(bad.stderr)).toMatch(/--format.*text, json, junit/)
  })

  it('text: a cell with a terminal escape sequence is shown as \\uXXXX, not sent to the terminal', async () => {
    const { file, schema } = hostileCsv()
    const r = await runThane(['validate', file, '--schema', schema])
    expect(r.code).toBe(1)
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/)
    expect(r.stdout).toContain('line 4, name "\\u0001\\u001B[31mred": ')
  })

  it('text: a value, label or message holding a line break stays on its problem\'s one line', () => {
    const result: ValidateResult = {
      valid: false,
      failOn: 'error',
      reports: [
        {
          valid: false,
          source: 'multi.csv',
          rows: 1,
          counts: { 'type-error': 1 },
          severities: { error: 1, warning: 0, info: 0 },
          errors: [{ code: 'type-error', severity: 'error', file: 'multi.csv', row: 2, field: 'st\nation', value: 'a\r\nb', message: 'not a number for "st\nation"', hint: 'fix\tit' }],
          truncated: false,
          tables: [{ file: 'multi.csv', rows: 1, valid: false }],
        },
      ],
    }
    const example = renderText(result).split('\n').filter((l) => l.includes('line 2'))
    expect(example).toHaveLength(1)
    expect(example[0]).toContain('st\\nation "a\\r\\nb": not a number for "st\\nation"')
    expect(example[0]).toContain('fix\\tit')
  })

  it('junit: lone surrogates, NUL and U+FFFF in any string are written visibly, never raw', () => {
    const result: ValidateResult = {
      valid: false,
      failOn: 'error',
      reports: [
        {
          valid: false,
          source: 'odd\uD800.csv',
          rows: 1,
          counts: { 'type-error': 1 },
          severities: { error: 1, warning: 0, info: 0 },
          errors: [{ code: 'type-error', severity: 'error', message: 'bad \uDC00 value', hint: 'fix\u0000it\uFFFF', file: 'odd\uD800.csv', row: 2, field: 'a\tb', value: '\uD83D]]>\u0008' }],
          truncated: false,
          tables: [{ file: 'odd\uD800.csv', rows: 1, valid: false }],
        },
      ],
    }
    const xml = renderJunit(result)
    const junit = parseJunit(xml)
    const c = junit.testsuites.testsuite[0]?.testcase[0]
    expect(junit.testsuites.testsuite[0]?.['@_name']).toBe('odd\\uD800.csv')
    expect(c?.failure?.['#text']).toBe('odd\\uD800.csv:2 a\tb "\\uD83D]]>\\u0008": bad \\uDC00 value; fix\\u0000it\\uFFFF')
    // A real astral character (an emoji) is kept as it is.
    const emoji = renderJunit({ ...result, reports: [{ ...result.reports[0]!, source: 'city 🏙.csv' }] })
    expect(parseJunit(emoji).testsuites.testsuite[0]?.['@_name']).toBe('city 🏙.csv')
  })
})
