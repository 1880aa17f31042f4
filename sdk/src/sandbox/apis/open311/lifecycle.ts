/**
 * Where a service request stands at a given instant. Nothing exists before it happens: a request
 * shows only what its lifecycle times say had happened by then, so a fixed clock gives the same
 * answers every time and advancing the clock moves requests along.
 */

const MINUTE_MS = 60_000
export const DAY_MS = 24 * 60 * MINUTE_MS

/** The note of a request that no agency has taken yet. */
export const RECEIVED_NOTE = 'Received; awaiting assignment'

/** The note of a request an agency has taken and not yet closed, unless the dataset has its own. */
export function progressNote(agency: string): string {
  return `Assigned to ${agency}; work in progress`
}

/** The note of a request closed without a closing note of its own. */
export function closedNote(agency: string): string {
  return `Resolved by ${agency}`
}

/** The lifecycle times and notes a request carries, as stored. */
export interface Lifecycle {
  requested_ms: number
  /** When the agency took it; null when it never was. */
  acknowledged_ms: number | null
  expected_ms: number | null
  closed_ms: number | null
  agency_responsible: string | null
  /** A note from the agency while the request is open, written at `progress_ms`. */
  progress_notes: string | null
  progress_ms: number | null
  /** The note shown once the request is closed. */
  final_notes: string | null
}

/** A request's state as of one instant. */
export interface State {
  status: 'open' | 'closed'
  status_notes: string
  agency_responsible?: string
  expected_ms?: number
  updated_ms: number
  acknowledged_ms?: number
  closed_ms?: number
}

/** The phases of a request: what it shows depends on nothing else (see `stateAsOf`). */
export const Phase = {
  Received: 0,
  Acknowledged: 1,
  /** Acknowledged, and the agency's own note has been written. */
  Noted: 2,
  Closed: 3,
} as const
export type Phase = (typeof Phase)[keyof typeof Phase]

/** The times a request's phase depends on. */
export interface PhaseTimes {
  acknowledged_ms: number | null
  closed_ms: number | null
  progress_ms: number | null
  /** Whether the request has a progress note of its own. */
  noted: boolean
}

/** The phase of a (visible) request at `now`. */
export function phaseAsOf(r: PhaseTimes, now: number): Phase {
  if (r.acknowledged_ms === null || now < r.acknowledged_ms) return Phase.Received
  if (r.closed_ms !== null && now >= r.closed_ms) return Phase.Closed
  return r.noted && r.progress_ms !== null && r.progress_ms <= now && r.progress_ms >= r.acknowledged_ms ? Phase.Noted : Phase.Acknowledged
}

/**
 * The state of a (visible) request at `now`: before it was acknowledged it is open with no
 * agency; once acknowledged it is open with its agency, expected time and a progress note; once
 * closed it is closed with its final note, and `updated` is the closing time. It depends on `now`
 * only through the phase, which is what lets answers be rendered once per phase.
 */
export function stateAsOf(r: Lifecycle, now: number): State {
  const agency = r.agency_responsible ?? ''
  const phase = phaseAsOf({ ...r, noted: !!r.progress_notes }, now)
  if (phase === Phase.Received || r.acknowledged_ms === null) {
    return { status: 'open', status_notes: RECEIVED_NOTE, updated_ms: r.requested_ms }
  }
  const taken = {
    ...(agency ? { agency_responsible: agency } : {}),
    ...(r.expected_ms !== null ? { expected_ms: r.expected_ms } : {}),
    acknowledged_ms: r.acknowledged_ms,
  }
  if (phase === Phase.Noted) return { status: 'open', status_notes: r.progress_notes as string, updated_ms: r.progress_ms as number, ...taken }
  if (phase === Phase.Acknowledged) return { status: 'open', status_notes: progressNote(agency || 'the agency'), updated_ms: r.acknowledged_ms, ...taken }
  const closed = r.closed_ms as number
  return { status: 'closed', status_notes: r.final_notes || closedNote(agency || 'the agency'), updated_ms: closed, ...taken, closed_ms: closed }
}

/** The planned times of a request submitted through the API. */
export interface Plan {
  acknowledged_ms: number
  expected_ms: number
  closed_ms: number
}

/**
 * The deterministic lifecycle of a submitted request, derived from its id so that a fixed clock
 * gives the same answers on every run: acknowledged 10 to 90 whole minutes after it was
 * requested, expected the service's SLA after that, and closed after 20 % to 80 % of the SLA
 * (rounded to the minute), so always before it was expected.
 */
export function planLifecycle(id: number, requestedMs: number, slaDays: number): Plan {
  const h = fnv1a(String(id))
  const acknowledged = requestedMs + (10 + (h % 81)) * MINUTE_MS
  const sla = slaDays * DAY_MS
  const fraction = (20 + ((h >>> 8) % 61)) / 100
  return {
    acknowledged_ms: acknowledged,
    expected_ms: acknowledged + Math.round(sla),
    closed_ms: acknowledged + Math.max(1, Math.round((fraction * sla) / MINUTE_MS)) * MINUTE_MS,
  }
}

/** FNV-1a, 32 bits: a small, stable hash (not for security). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
