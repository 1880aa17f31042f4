// The SLA-breach report: per ward, how many grievances were (or still are) later than the city promised.
import { fileURLToPath } from 'node:url'
import { readCsv, type Row } from './csv.ts'

export interface WardSla {
  ward: string
  requests: number
  breached: number
  /** breached / requests, from 0 to 1. */
  share: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A grievance breaches its SLA when it was closed after `requested + sla_days`, or is still open
 * (no `closed_datetime`) at `now`, later than that. Wards with the highest share come first.
 */
export function slaByWard(requests: Row[], services: Row[], now: string): WardSla[] {
  const slaDays = new Map(services.map((s) => [s.service_code, Number(s.sla_days)]))
  const nowMs = Date.parse(now)
  const wards = new Map<string, WardSla>()
  for (const request of requests) {
    const days = slaDays.get(request.service_code ?? '')
    if (days === undefined) throw new Error(`grievance ${request.service_request_id} has service code ${request.service_code}, which services.csv does not list`)
    // Parse the times: their offsets differ (+05:30, Z), so comparing the strings would be wrong.
    const dueMs = Date.parse(request.requested_datetime ?? '') + days * DAY_MS
    const closed = request.closed_datetime
    const late = closed ? Date.parse(closed) > dueMs : nowMs > dueMs
    const ward = request.ward ?? ''
    const entry = wards.get(ward) ?? { ward, requests: 0, breached: 0, share: 0 }
    entry.requests += 1
    if (late) entry.breached += 1
    wards.set(ward, entry)
  }
  const report = [...wards.values()].map((w) => ({ ...w, share: w.breached / w.requests }))
  return report.sort((a, b) => b.share - a.share || a.ward.localeCompare(b.ward))
}

// `node sla.ts`: the report for the whole dataset, as of the end of July 2026.
if (import.meta.main) {
  const data = (name: string) => readCsv(fileURLToPath(new URL(`../data/${name}`, import.meta.url)))
  const report = slaByWard(data('requests.csv'), data('services.csv'), '2026-08-01T00:00:00+05:30')
  console.table(report.map((w) => ({ ...w, share: `${(w.share * 100).toFixed(1)} %` })))
}
