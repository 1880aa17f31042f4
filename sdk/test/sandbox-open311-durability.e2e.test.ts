import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { expect, onTestFinished, test } from 'vitest'
import { BASE, FIXTURES, formBody, getJson, post, pothole, startOpen311, tempDir } from './sandbox-open311-helpers.js'

// The child runs the built SDK, as `thane sandbox` would: `npm run build --workspace sdk` first.
const DIST = fileURLToPath(new URL('../dist/sandbox/index.js', import.meta.url))

const CHILD = `
import { startSandbox } from ${JSON.stringify(DIST)}
const [dbPath, dataDir] = process.argv.slice(2)
const sandbox = await startSandbox({ port: 0, dbPath, dataDir, clock: '2026-07-14T09:00+05:30' })
process.stdout.write(JSON.stringify({ url: sandbox.url }) + '\\n')
setInterval(() => {}, 1 << 30)
`

async function startChild(dir: string, dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const script = join(dir, 'child-sandbox.mjs')
  writeFileSync(script, CHILD)
  const child = spawn(process.execPath, [script, dbPath, FIXTURES], { stdio: ['ignore', 'pipe', 'inherit'] })
  onTestFinished(() => void child.kill('SIGKILL'))
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`the child sandbox exited with ${code} before it listened`)))
  })
  return { child, url: (JSON.parse(first) as { url: string }).url }
}

test('every POST the sandbox acknowledged is in its database after it is killed with SIGKILL mid-load', { timeout: 60_000 }, async () => {
  expect(existsSync(DIST), `${DIST} is missing; run npm run build --workspace sdk first`).toBe(true)
  const dir = tempDir('thane-open311-durable-')
  const dbPath = join(dir, 'sandbox.db')
  const { child, url } = await startChild(dir, dbPath)
  const discovery = await fetch(`${url}${BASE}/discovery.json`)
  expect(discovery.status, 'the built sandbox does not serve Open311; rebuild with npm run build --workspace sdk').toBe(200)

  // 300 submissions at once; the child is killed as soon as 150 have been acknowledged, with the rest in flight.
  const acknowledged = new Map<string, string>()
  let killed = false
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
  await Promise.all(
    Array.from({ length: 300 }, async (_, i) => {
      const description = `durable report ${i}`
      try {
        const res = await fetch(`${url}${BASE}/requests.json`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: formBody(pothole({ description })),
        })
        if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`)
        const [{ service_request_id: id }] = (await res.json()) as [{ service_request_id: string }]
        acknowledged.set(id, description)
        if (acknowledged.size >= 150 && !killed) {
          killed = true
          child.kill('SIGKILL')
        }
      } catch (err) {
        // Requests cut off by the kill never got an answer; anything else is a failure.
        if (!killed) throw err
      }
    }),
  )
  expect(await exited).toBe('SIGKILL')
  expect(acknowledged.size).toBeGreaterThanOrEqual(150)

  const restarted = await startOpen311({ dbPath })
  for (const [id, description] of acknowledged) {
    const res = await getJson(restarted, `${BASE}/requests/${id}.json`)
    expect(res.status).toBe(200)
    expect(res.body[0].description).toBe(description)
  }
  // The ids go on after the highest one kept, acknowledged or not.
  const kept = Number((restarted.db.prepare(`SELECT max(id) AS id FROM open311_requests WHERE source = 'api'`).get() as { id: number }).id)
  expect((await post(restarted, pothole())).body).toEqual([{ service_request_id: String(kept + 1) }])
})
