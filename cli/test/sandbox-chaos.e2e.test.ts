import { describe, expect, it } from 'vitest'
import { collect, oneLineError, runThane, startThane, waitForLine } from './helpers.js'

describe('thane sandbox --chaos', () => {
  it('injects marked 503 and 429 faults at the rate, says so with its seed, and spares /healthz and the city page', async () => {
    const child = startThane(['sandbox', '--port', '0', '--db', ':memory:', '--chaos', '0.5', '--chaos-seed', '7', '--chaos-latency', '0'])
    const done = collect(child)
    try {
      const [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/)
      const statuses: number[] = []
      for (let i = 0; i < 60; i++) {
        const res = await fetch(`${url}/open311/v2/services.json`)
        await res.arrayBuffer()
        if (res.status !== 200) expect(res.headers.get('x-thane-chaos')).toMatch(/^(unavailable|rate-limited)$/)
        statuses.push(res.status)
      }
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0)
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0)
      for (const path of ['/healthz', '/', '/city/now.json']) {
        const statuses = await Promise.all(Array.from({ length: 10 }, async () => (await fetch(`${url}${path}`)).status))
        expect([path, statuses]).toEqual([path, statuses.map(() => 200)])
      }
    } finally {
      child.kill('SIGTERM')
    }
    const r = await done
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('chaos: 50% of requests get 503 or 429 (x-thane-chaos header); seed 7, replay with --chaos-seed 7')
  })

  it.each(['20', '-0.1', '1.5', 'lots'])('--chaos %s is a one-line usage error with exit 2', async (value) => {
    const r = await runThane(['sandbox', '--port', '0', '--db', ':memory:', `--chaos=${value}`])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain(`--chaos must be a number from 0 to 1, the share of requests that fail (e.g. --chaos 0.2); got "${value}"`)
  })

  it('--chaos-seed without --chaos is a one-line usage error with exit 2', async () => {
    const r = await runThane(['sandbox', '--port', '0', '--db', ':memory:', '--chaos-seed', '3'])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('--chaos')
  })
})
