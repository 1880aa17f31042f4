// A sandbox in its own process for the load benchmarks: prints {"url","apiKey"} as one JSON line,
// serves until SIGTERM. Usage: node bench/lib/serve-sandbox.mjs <db file> [clock]
import { startSandbox } from '../../sdk/dist/sandbox/index.js'

const [dbPath = ':memory:', clock = '2026-07-14T09:00+05:30'] = process.argv.slice(2)
const sandbox = await startSandbox({ port: 0, dbPath, clock })
process.stdout.write(JSON.stringify({ url: sandbox.url, apiKey: sandbox.apiKey }) + '\n')
process.once('SIGTERM', () => sandbox.close().then(() => process.exit(0)))
