// Files a road-damage complaint with the key from loadApiKey(): the key travels to the server only.
import { loadApiKey, maskKey } from './keys.ts'

/** POSTs a ROAD_DAMAGE complaint to `<baseUrl>/open311/v2/requests.json`; returns its id. */
export async function fileRoadDamage(baseUrl: string, apiKey: string, description: string): Promise<string> {
  const url = new URL('open311/v2/requests.json', baseUrl + '/')
  console.log(`POST ${url.href} with key ${maskKey(apiKey)}`)
  const body = new URLSearchParams({ api_key: apiKey, service_code: 'ROAD_DAMAGE', lat: '19.1972', long: '72.9722', description })
  const response = await fetch(url, { method: 'POST', body })
  const answer = (await response.json()) as { service_request_id?: string; description?: string }[] | { error?: { message?: string } }
  if (!response.ok || !Array.isArray(answer)) {
    // Open311 errors are an array of { code, description }; the gateway's own (a 503, a 429) are { error }.
    const reasons = Array.isArray(answer) ? answer.map((e) => e.description).join('; ') : (answer.error?.message ?? '')
    throw new Error(`the server refused the complaint sent with key ${maskKey(apiKey)}: ${response.status} ${reasons}`)
  }
  return String(answer[0]?.service_request_id)
}

// `node client.ts`: files one complaint to the sandbox (start it with `thane sandbox`) with your key.
if (import.meta.main) {
  const baseUrl = process.env.THANE_API_URL ?? 'http://127.0.0.1:4100'
  try {
    const id = await fileRoadDamage(baseUrl, loadApiKey({ dir: import.meta.dirname }), 'Paver blocks sunk near Teen Hath Naka')
    console.log(`filed as ${id}`)
  } catch (error) {
    // One line that says what to do, no stack trace.
    console.error((error as Error).message)
    process.exitCode = 1
  }
}
