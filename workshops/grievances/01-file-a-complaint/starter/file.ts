// Files a complaint to an Open311 GeoReport v2 server with a plain fetch.

export interface Complaint {
  serviceCode: string
  lat: number
  lon: number
  description: string
}

/** POSTs the complaint to `<baseUrl>/open311/v2/requests.json` and returns its service_request_id. */
export async function fileComplaint(baseUrl: string, apiKey: string, complaint: Complaint): Promise<string> {
  // TODO: build a form body (URLSearchParams) with api_key, service_code, lat, long and description.
  // TODO: POST it with fetch; the answer is a JSON array: [{ service_request_id }] on success,
  //       [{ code, description }] on an error.
  // TODO: throw an Error that gives the HTTP status when the server refuses.
  throw new Error('not written yet')
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
