import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { msg } from '../src/messages/index.js'
import { delayedProgress, progressBar } from '../src/ui/progress.js'
import { runThane } from './helpers.js'

/** A stream that keeps what is written, and a clock the test moves. */
function terminal(): { stream: { write(text: string): boolean }; written: string[]; clock: { now: () => number; advance(ms: number): void } } {
  const written: string[] = []
  let t = 1_000
  return {
    stream: { write: (text: string) => written.push(text) > 0 },
    written,
    clock: { now: () => t, advance: (ms) => (t += ms) },
  }
}

describe('validate progress', () => {
  it('progress: the bar fills with the share of bytes read, clamped to its width', () => {
    expect(progressBar(0, 1000, 10)).toBe('░░░░░░░░░░')
    expect(progressBar(500, 1000, 10)).toBe('█████░░░░░')
    expect(progressBar(1000, 1000, 10)).toBe('██████████')
    expect(progressBar(2000, 1000, 10)).toBe('██████████')
    expect(progressBar(10, 0, 4)).toBe('░░░░')
    expect(msg.validate.progress('readings.csv', 42, progressBar(42, 100, 10))).toBe('████░░░░░░  42%  readings.csv')
  })

  it('progress: nothing is drawn for work shorter than the delay', () => {
    const { stream, written, clock } = terminal()
    const p = delayedProgress(stream, { delayMs: 500, now: clock.now })
    p.update('a')
    clock.advance(499)
    p.update('b')
    p.finish()
    expect(written).toEqual([])
  })

  it('progress: after the delay the line is rewritten in place at most every 100 ms, then erased', () => {
    const { stream, written, clock } = terminal()
    const p = delayedProgress(stream, { delayMs: 500, now: clock.now })
    clock.advance(500)
    p.update('10%')
    clock.advance(50)
    p.update('15%')
    clock.advance(50)
    p.update('20%')
    p.finish()
    expect(written).toEqual(['\r\u001B[2K10%', '\r\u001B[2K20%', '\r\u001B[2K'])
  })

  it('progress: piped output of a large file has no progress line, on stdout or stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thane-progress-'))
    const file = join(dir, 'big.csv')
    const rows = Array.from({ length: 200_000 }, (_, i) => `${i},${(i % 500) / 10}`)
    writeFileSync(file, `id,value\n${rows.join('\n')}\n`)
    const schema = join(dir, 'schema.json')
    writeFileSync(schema, JSON.stringify({ fields: [{ name: 'id', type: 'integer' }, { name: 'value', type: 'number' }] }))
    for (const format of ['text', 'junit', 'json']) {
      const r = await runThane(['validate', file, '--schema', schema, '--format', format])
      expect(r.code, format).toBe(0)
      expect(r.stderr, format).toBe('')
      expect(r.stdout, format).not.toMatch(/[\r\u001B█]/)
    }
  })
})
