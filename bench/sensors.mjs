// The sandbox's SensorThings API: start-up and the first answer with the whole month loaded, the latest-100 query and a
// filtered day under load next to a bare Fastify route (same run), and the SDK streaming a month.
//   npm run build && node bench/sensors.mjs [seconds per case] [connections]
// Aims (issue 4): start-up under 3 s, latest-100 at least 1/4 of the ceiling, streaming at least
// 100,000 observations per second.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { createClient } from '../sdk/dist/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const seconds = Number(process.argv[2] ?? 10)
const connections = Number(process.argv[3] ?? 32)
const END_OF_MONTH = '2026-07-31T23:59:59+05:30'

function serve(script, args = []) {
  const started = performance.now()
  const child = spawn(process.execPath, [join(here, 'lib', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited ${code}`)))
    createInterface({ input: child.stdout }).once('line', (line) => resolve({ child, ms: performance.now() - started, ...JSON.parse(line) }))
  })
}
const stop = (server) => new Promise((resolve) => { server.child.once('exit', resolve); server.child.kill('SIGTERM') })
const run = (options, duration) =>
  new Promise((resolve, reject) => autocannon({ connections, duration, ...options }, (err, r) => (err ? reject(err) : resolve(r))))
async function load(title, url) {
  await run({ url }, 2) // unmeasured warm-up
  return { title, result: await run({ url }, seconds) }
}

// Start-up: a fresh process each time, from spawn to the URL printed, and on to the first
// SensorThings answer (the month is loaded on the first request that needs it).
const startups = []
const firstAnswers = []
for (let i = 0; i < 5; i++) {
  const started = performance.now()
  const s = await serve('serve-sandbox.mjs', [':memory:', END_OF_MONTH])
  startups.push(s.ms)
  const res = await fetch(`${s.url}/sensorthings/v1.1/Datastreams(1)/Observations?$top=1`)
  if (res.status !== 200) throw new Error(`the first SensorThings request answered ${res.status}`)
  await res.arrayBuffer()
  firstAnswers.push(performance.now() - started)
  await stop(s)
}
startups.sort((a, b) => a - b)
firstAnswers.sort((a, b) => a - b)

const hello = await serve('serve-hello.mjs')
const sandbox = await serve('serve-sandbox.mjs', [':memory:', END_OF_MONTH])
const root = `${sandbox.url}/sensorthings/v1.1`
const rows = [
  await load('bare Fastify GET / (ceiling)', hello.url),
  await load('Datastreams(1)/Observations?$top=100&$orderby=phenomenonTime desc', `${root}/Datastreams(1)/Observations?$top=100&$orderby=phenomenonTime%20desc`),
  await load(
    'Datastreams(1)/Observations, one day by $filter',
    `${root}/Datastreams(1)/Observations?$filter=${encodeURIComponent('phenomenonTime ge 2026-07-10T00:00:00+05:30 and phenomenonTime lt 2026-07-11T00:00:00+05:30')}`,
  ),
]

// The SDK streaming the month of the busiest datastream (a 5-minute flood gauge), several times.
const city = createClient({ baseUrl: sandbox.url, configFile: false, env: {} })
const gauge = (await city.sensors.stations({ kind: 'flood-gauge' }))[0]
const stream = (await city.sensors.latest(gauge.id))[0].datastream
const rates = []
let count = 0
for (let i = 0; i < 7; i++) {
  const t0 = performance.now()
  count = 0
  for await (const _ of city.sensors.observations(stream.id, { from: '2026-07-01T00:00:00+05:30', to: '2026-08-01T00:00:00+05:30' })) count++
  rates.push(count / ((performance.now() - t0) / 1000))
}
rates.sort((a, b) => a - b)
await stop(sandbox)
await stop(hello)

const ceiling = rows[0].result.requests.average
console.log(`node ${process.version}, ${connections} connections, ${seconds} s a case, servers in their own processes, loopback, clock ${END_OF_MONTH}`)
console.log(`sandbox start-up (spawn to URL, 5 runs): median ${Math.round(startups[2])} ms, min ${Math.round(startups[0])} ms, max ${Math.round(startups[4])} ms`)
console.log(`first SensorThings answer, the month loaded (spawn to answer, 5 runs): median ${Math.round(firstAnswers[2])} ms, min ${Math.round(firstAnswers[0])} ms, max ${Math.round(firstAnswers[4])} ms`)
console.log('case                                                                  req/s   p50 ms  p99 ms  non-2xx  vs ceiling')
for (const { title, result } of rows) {
  console.log(
    `${title.padEnd(67)} ${String(Math.round(result.requests.average)).padStart(7)} ${String(result.latency.p50).padStart(8)} ${String(result.latency.p99).padStart(7)} ${String(result.non2xx + result.errors).padStart(8)} ${(result.requests.average / ceiling).toFixed(2).padStart(10)}`,
  )
}
console.log(`SDK streaming ${count} observations of ${stream.name} (7 runs): median ${Math.round(rates[3]).toLocaleString('en-US')} obs/s, min ${Math.round(rates[0]).toLocaleString('en-US')} obs/s`)
