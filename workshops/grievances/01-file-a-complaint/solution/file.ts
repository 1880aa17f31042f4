// Files a complaint to an Open311 GeoReport v2 server with a plain fetch.

export interface Complaint {
  serviceCode: string
  lat: number
  lon: number
  description: string
}

/** POSTs the complaint to `<baseUrl>/open311/v2/requests.json` and returns its service_request_id. */
export async function fileComplaint(baseUrl: string, apiKey: string, complaint: Complaint): Promise<string> {
  // GeoReport v2 takes a form-encoded body; the key travels in it, and the longitude is called `long`.
  const body = new URLSearchParams({
    api_key: apiKey,
    service_code: complaint.serviceCode,
    lat: String(complaint.lat),
    long: String(complaint.lon),
    description: complaint.description,
  })
  const response = await fetch(new URL('open311/v2/requests.json', baseUrl.endsWith('/') ? baseUrl : baseUrl + '/'), { method: 'POST', body })
  const answer = (await response.json()) as { service_request_id?: string; code?: number; description?: string }[]
  if (!response.ok) {
    const reasons = answer.map((error) => error.description).join('; ')
    throw new Error(`the server refused the complaint with ${response.status}: ${reasons}`)
  }
  const id = answer[0]?.service_request_id
  if (!id) throw new Error(`the server answered ${response.status} without a service_request_id`)
  return id
}

// `node file.ts`: files one complaint to the sandbox (start it first with `thane sandbox`).
if (import.meta.main) {
  const baseUrl = process.env.THANE_API_URL ?? 'http://127.0.0.1:4100'
  const id = await fileComplaint(baseUrl, process.env.THANE_API_KEY ?? 'thane-sandbox-dev-key', {
    serviceCode: 'ROAD_DAMAGE',
    lat: 19.1972,
    lon: 72.9722,
    description: 'Paver blocks have sunk near the Teen Hath Naka bus stop; two-wheelers are skidding.',
  })
  console.log(`filed as ${id}: see ${baseUrl}/open311/v2/requests/${id}.json`)
}
