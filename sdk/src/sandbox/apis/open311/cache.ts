import type { StatementSync } from 'node:sqlite'
import type { SandboxDatabase } from '../../db.js'
import { MAX_WINDOW_MS } from './validation.js'

/** A rendered answer: its body (UTF-8, encoded once) and the headers that go with it. */
export interface CachedAnswer {
  body: Buffer
  link?: string
}

/** Past this many cached answers the cache starts again (many distinct URLs are rare). */
const MAX_ENTRIES = 10_000

/**
 * Whole GET answers, kept while they cannot change. An answer about requests depends on the
 * clock only through events: a request being requested (it appears), acknowledged, noted or
 * closed, or leaving the default 90-day window. Between two events, and while nothing is written,
 * every answer stays the same, so it is computed once and served from here; under a fixed clock
 * that is until the next POST or clock move. The events come from the database (indexed `min`
 * queries), and `PRAGMA data_version` tells writes by other connections to the same file.
 */
export class AnswerCache {
  readonly #dataVersion: StatementSync
  readonly #nextEvent: StatementSync
  readonly #entries = new Map<string, CachedAnswer>()
  /** The answers hold for now in [from, until) at this version. */
  #from = Number.POSITIVE_INFINITY
  #until = Number.NEGATIVE_INFINITY
  #version = ''
  #writes = 0

  constructor(db: SandboxDatabase) {
    this.#dataVersion = db.prepare('PRAGMA data_version')
    const day90 = MAX_WINDOW_MS
    this.#nextEvent = db.prepare(`SELECT min(t) AS t FROM (
      SELECT min(requested_ms) AS t FROM open311_requests WHERE requested_ms > ?1
      UNION ALL SELECT min(requested_ms) + ${day90 + 1} FROM open311_requests WHERE requested_ms >= ?1 - ${day90}
      UNION ALL SELECT min(acknowledged_ms) FROM open311_requests WHERE acknowledged_ms > ?1
      UNION ALL SELECT min(progress_ms) FROM open311_requests WHERE progress_ms > ?1
      UNION ALL SELECT min(closed_ms) FROM open311_requests WHERE closed_ms > ?1
    )`)
  }

  /** This process wrote: every answer may have changed. */
  invalidate(): void {
    this.#writes++
    this.#entries.clear()
    this.#until = Number.NEGATIVE_INFINITY
  }

  /** The answer for `key` at `now`, from the cache or from `compute` (which is then kept). */
  answer(key: string, now: number, compute: () => CachedAnswer): CachedAnswer {
    const version = `${this.#writes}:${String((this.#dataVersion.get() as { data_version: number }).data_version)}`
    if (version !== this.#version || now < this.#from || now >= this.#until) {
      this.#entries.clear()
      this.#version = version
      this.#from = now
      const next = (this.#nextEvent.get(now) as { t: number | null }).t
      this.#until = next ?? Number.POSITIVE_INFINITY
    }
    let answer = this.#entries.get(key)
    if (answer === undefined) {
      answer = compute()
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear()
      this.#entries.set(key, answer)
    }
    return answer
  }
}
