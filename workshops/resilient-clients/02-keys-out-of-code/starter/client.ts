// Files a road-damage complaint. It works, but it leaks its key three ways: find and fix them.
import { loadApiKey, maskKey } from './keys.ts'

/** POSTs a ROAD_DAMAGE complaint to `<baseUrl>/open311/v2/requests.json`; returns its id. */
export async function fileRoadDamage(baseUrl: string, apiKey: string, description: string): Promise<string> {
  const url = new URL('open311/v2/requests.json', baseUrl + '/')
  // TODO: this log line ends up in terminals, CI logs and log files: print maskKey(apiKey) instead.
  console.log(`POST ${url.href} with key ${apiKey}`)
  const body = new URLSearchParams({ api_key: apiKey, service_code: 'ROAD_DAMAGE', lat: '19.1972', long: '72.9722', description })
  const response = await fetch(url, { method: 'POST', body })
  const answer = (await response.json()) as { service_request_id?: string; description?: string }[] | { error?: { message?: string } }
  if (!response.ok || !Array.isArray(answer)) {
    // Open311 errors are an array of { code, description }; the gateway's own (a 503, a 429) are { error }.
    const reasons = Array.isArray(answer) ? answer.map((e) => e.description).join('; ') : (answer.error?.message ?? '')
    // TODO: error messages are logged and shown to users too: mask the key here as well.
    throw new Error(`the server refused the complaint sent with key ${apiKey}: ${response.status} ${reasons}`)
  }
  return String(answer[0]?.service_request_id)
}

// TODO: a key written in the code is in every copy of the code, and in git history forever.
//       Delete this line and use loadApiKey() below.
const API_KEY = 'thane-sandbox-dev-key'

// `node client.ts`: files one complaint to the sandbox (start it with `thane sandbox`) with your key.
if (import.meta.main) {
  const baseUrl = process.env.THANE_API_URL ?? 'http://127.0.0.1:4100'
  const id = await fileRoadDamage(baseUrl, API_KEY, 'Paver blocks sunk near Teen Hath Naka')
  console.log(`filed as ${id}`)
}
