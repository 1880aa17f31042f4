import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { oneLineError, runThane } from './helpers.js'

interface Json {
  valid: boolean
  reports: Array<{ counts: Record<string, number>; severities: Record<string, number>; errors: Array<{ code: string; severity: string; row?: number; value?: string }> }>
}

/** An export with a phone number and an e-mail address in a free-text column, as CSV and NDJSON. */
function personalData(): { csv: string; ndjson: string; schema: string } {
  const dir = mkdtempSync(join(tmpdir(), 'thane-flags-'))
  const rows = [
    { id: 1, note: 'call me on 9876543210' },
    { id: 2, note: 'pothole near the market' },
    { id: 3, note: 'write to ravi.k@example.com' },
  ]
  const csv = join(dir, 'export.csv')
  writeFileSync(csv, `id,note\n${rows.map((r) => `${r.id},${r.note}`).join('\n')}\n`)
  const ndjson = join(dir, 'export.ndjson')
  writeFileSync(ndjson, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
  const schema = join(dir, 'schema.json')
  writeFileSync(schema, JSON.stringify({ fields: [{ name: 'id', type: 'integer' }, { name: 'note', type: 'string' }] }))
  return { csv, ndjson, schema }
}

describe('thane validate: --profile and --threads', () => {
  it('profile: publish reports personal data as errors, masked, and fails the run; default lets the export pass', async () => {
    const { csv, ndjson, schema } = personalData()
    // Rows are physical lines: CSV has a header line, NDJSON has none.
    for (const [file, lines] of [[csv, ['error 2', 'error 4']], [ndjson, ['error 1', 'error 3']]] as const) {
      const plain = await runThane(['validate', file, '--schema', schema, '--json'])
      expect(plain.code, file).toBe(0)
      const publish = await runThane(['validate', file, '--schema', schema, '--profile', 'publish', '--json'])
      expect(publish.code, file).toBe(1)
      const report = (JSON.parse(publish.stdout) as Json).reports[0]
      expect(report?.counts, file).toEqual({ 'personal-data': 2 })
      expect(report?.errors.map((e) => `${e.severity} ${e.row}`), file).toEqual(lines)
      // The report itself does not spread what it found.
      expect(publish.stdout, file).not.toContain('9876543210')
      expect(publish.stdout, file).not.toContain('ravi.k@')
    }
  })

  it('profile: an unknown profile is a usage error listing the choices', async () => {
    const { csv, schema } = personalData()
    const r = await runThane(['validate', csv, '--schema', schema, '--profile', 'strict'])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toMatch(/--profile.*default, publish/)
  })

  it('threads: one thread and two give the same report; fewer than one is a usage error', async () => {
    const { csv, schema } = personalData()
    const one = await runThane(['validate', csv, '--schema', schema, '--profile', 'publish', '--threads', '1', '--json'])
    const two = await runThane(['validate', csv, '--schema', schema, '--profile', 'publish', '--threads', '2', '--json'])
    expect(one.code).toBe(1)
    expect(two.stdout).toBe(one.stdout)
    const zero = await runThane(['validate', csv, '--schema', schema, '--threads', '0'])
    expect(zero.code).toBe(2)
    expect(oneLineError(zero.stderr)).toMatch(/--threads/)
  })
})
