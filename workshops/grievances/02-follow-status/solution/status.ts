// Follows a grievance with the SDK: where it stands now, and a line a citizen can read.
import { createClient } from '@thanekit/sdk'

export interface Status {
  status: 'open' | 'closed'
  /** The server's status note, e.g. "Received; awaiting assignment". */
  notes: string
  /** The department handling it, once one has taken it. */
  agency?: string
  /** When the city expects to have fixed it, as the server sent it. */
  expected?: string
  /** The last change, as the server sent it. */
  updated: string
}

/** The current status of grievance `id` on the Open311 server under `baseUrl`. */
export async function getStatus(baseUrl: string, id: string): Promise<Status> {
  const city = createClient({ baseUrl })
  const request = await city.grievances.get(id)
  return {
    status: request.status,
    notes: request.statusNotes ?? '',
    ...(request.agencyResponsible ? { agency: request.agencyResponsible } : {}),
    ...(request.expectedDatetime ? { expected: request.expectedDatetime } : {}),
    updated: request.updatedDatetime ?? request.requestedDatetime ?? '',
  }
}

/** One line for the citizen: "open: Received; awaiting assignment (updated 2026-07-14T09:00:00+05:30)". */
export function describe(status: Status): string {
  const who = status.agency ? `, ${status.agency}` : ''
  const when = status.status === 'open' && status.expected ? `, expected by ${status.expected}` : ''
  return `${status.status}: ${status.notes}${who}${when} (updated ${status.updated})`
}

// `node status.ts <id>`: the status of a grievance in the sandbox (`thane sandbox` in another terminal).
if (import.meta.main) {
  const id = process.argv[2] ?? '100001'
  console.log(describe(await getStatus(process.env.THANE_API_URL ?? 'http://127.0.0.1:4100', id)))
}
