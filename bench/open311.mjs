// Load benchmark of the sandbox's Open311 API, with a bare Fastify route as the ceiling, measured
// in the same run. Servers run in processes of their own; autocannon loads them from this one,
// over loopback only, for a bounded time.
//   npm run build && node bench/open311.mjs [seconds per case] [connections]
// Aims (issue 3): GET by id >= 1/2 of the bare ceiling, the list query >= 1/4, POST >= 1,000/s,
// and every acknowledged POST readable afterwards.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const here = dirname(fileURLToPath(import.meta.url))
const seconds = Number(process.argv[2] ?? 10)
const connections = Number(process.argv[3] ?? 32)

function serve(script, args = []) {
  const child = spawn(process.execPath, [join(here, 'lib', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)))
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ...JSON.parse(line) }))
  })
}

function run(options, duration) {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration, ...options }, (err, result) => (err ? reject(err) : resolve(result)))
  })
}

// Each case first runs 2 s unmeasured, so both servers are measured with their code already optimised.
async function load(title, options, warm = options) {
  await run(warm, 2)
  return { title, result: await run(options, seconds) }
}

const stop = (server) => new Promise((resolve) => { server.child.once('exit', resolve); server.child.kill('SIGTERM') })

const dbFile = join(mkdtempSync(join(tmpdir(), 'thane-bench-')), 'sandbox.sqlite')
const hello = await serve('serve-hello.mjs')
const sandbox = await serve('serve-sandbox.mjs', [dbFile])
const api = `${sandbox.url}/open311/v2`

// Ids that exist under the benchmark's fixed clock, to spread GETs over many rows.
const sample = await (await fetch(`${api}/requests.json?page_size=500`)).json()
const ids = sample.map((r) => r.service_request_id)
const openCount = (await (await fetch(`${api}/requests.json?status=open`)).json()).length

const rows = []
rows.push(await load('bare Fastify GET / (ceiling)', { url: hello.url }))
// Request lists are built beforehand: a setupRequest function per request would load the client, not the server.
rows.push(await load('GET /requests/{id}.json', { url: api, requests: ids.map((id) => ({ path: `/open311/v2/requests/${id}.json` })) }))
rows.push(await load(`GET /requests.json?status=open (${openCount} requests a page)`, { url: `${api}/requests.json?status=open` }))

const acknowledged = []
const posts = Array.from({ length: 500 }, (_, k) => ({
  method: 'POST',
  path: '/open311/v2/requests.json',
  headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  body: new URLSearchParams({
    api_key: sandbox.apiKey,
    service_code: 'DRAINAGE',
    lat: String(19.19 + (k % 100) / 10_000),
    long: String(72.97 + Math.floor(k / 5) / 10_000),
    description: `Benchmark submission ${k}: drain overflowing near the bus stop`,
    'attribute[drain_problem]': 'blocked_drain',
  }).toString(),
  onResponse: (status, body) => {
    if (status === 200 || status === 201) acknowledged.push(JSON.parse(body)[0].service_request_id)
  },
}))
// The POST warm-up goes to the same file; its requests are checked too.
rows.push(await load('POST /requests.json (form-encoded, file db)', { url: api, requests: posts }))

// Nothing lost: every acknowledged id reads back, after a restart of the sandbox on the same file.
await stop(sandbox)
const again = await serve('serve-sandbox.mjs', [dbFile])
let missing = 0
for (let i = 0; i < acknowledged.length; i += 200) {
  const batch = acknowledged.slice(i, i + 200)
  const found = await (await fetch(`${again.url}/open311/v2/requests.json?service_request_id=${batch.join(',')}`)).json()
  missing += batch.length - found.length
}
await stop(again)
await stop(hello)

const ceiling = rows[0].result.requests.average
console.log(`node ${process.version}, ${connections} connections, ${seconds} s a case, servers in their own processes, loopback`)
console.log('case                                                     req/s   p50 ms  p99 ms  non-2xx  vs ceiling')
for (const { title, result } of rows) {
  const ratio = (result.requests.average / ceiling).toFixed(2)
  console.log(
    `${title.padEnd(54)} ${String(Math.round(result.requests.average)).padStart(7)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(7)} ${String(result.non2xx + result.errors).padStart(8)} ${ratio.padStart(10)}`,
  )
}
console.log(`POST acknowledged: ${acknowledged.length}; missing after restart: ${missing}`)
