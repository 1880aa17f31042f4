import './env.js'
import { createClient, NetworkError, ThaneError } from '@thanekit/sdk'
import { colorWanted } from './format.js'
import { report, settingsFrom } from './report.js'

try {
  // createClient() reads THANE_API_URL, THANE_API_KEY, THANE_PROFILE and the Thane config file.
  const city = createClient()
  const text = await report(city, settingsFrom(process.env), colorWanted(process.stdout, process.env))
  process.stdout.write(text + '\n')
} catch (err) {
  if (!(err instanceof ThaneError)) throw err // a bug: let Node print the stack
  const hint = err instanceof NetworkError ? '; is the sandbox running (npm run sandbox)? or set THANE_API_URL to the city API' : ''
  process.stderr.write(`error: ${err.message}${hint}\n`)
  process.exitCode = 1
}
