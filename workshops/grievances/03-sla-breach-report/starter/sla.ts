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

/**
 * A grievance breaches its SLA when it was closed after `requested + sla_days`, or is still open
 * (no `closed_datetime`) at `now`, later than that. Wards with the highest share come first.
 */
export function slaByWard(requests: Row[], services: Row[], now: string): WardSla[] {
  // TODO: a Map from service_code to sla_days (from services).
  // TODO: for each request: its due time, whether it is late, and count it in its ward.
  // TODO: sort by share (highest first), then by ward name.
  throw new Error('not written yet')
}

// `node sla.ts`: the report for the whole dataset, as of the end of July 2026.
if (import.meta.main) {
  const data = (name: string) => readCsv(fileURLToPath(new URL(`../data/${name}`, import.meta.url)))
  const report = slaByWard(data('requests.csv'), data('services.csv'), '2026-08-01T00:00:00+05:30')
  console.table(report.map((w) => ({ ...w, share: `${(w.share * 100).toFixed(1)} %` })))
}
