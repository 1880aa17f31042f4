import type { StatementSync } from 'node:sqlite'
import { ThaneError } from '../../../errors.js'
import { migrate, type SandboxDatabase } from '../../db.js'
import type { PostItem } from './format.js'
import type { Lifecycle } from './lifecycle.js'
import type { Dataset } from './load.js'
import { OPEN311_MIGRATIONS } from './schema.js'

/** A request row as the routes read it. */
export interface StoredRequest extends Lifecycle {
  id: number
  service_code: string
  service_name: string
  description: string | null
  description_language: string | null
  service_notice: string | null
  address: string | null
  address_id: string | null
  zipcode: string | null
  lat: number | null
  long: number | null
  ward: string | null
  media_url: string | null
  token: string | null
}

/** A submitted request, ready to insert once it has its id. */
export interface NewRequest extends Omit<StoredRequest, 'id'> {
  email: string | null
  device_id: string | null
  account_id: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  /** JSON of the attribute values, or null. */
  attributes: string | null
}

/** What GET requests asks the store for; times are epoch ms, the window already capped at now. */
export interface ListQuery {
  from: number
  to: number
  serviceCodes?: readonly string[]
  wards?: readonly string[]
  /** Evaluated as of `now`. */
  status?: 'open' | 'closed'
  now: number
  limit: number
  offset: number
}

export type SubmitOutcome =
  | { kind: 'created'; id: number; status: number; response: PostItem[] }
  | { kind: 'replayed'; id: number; status: number; response: PostItem[] }
  | { kind: 'conflict' }

/** What a list or a lookup reads first: the id and the times its phase depends on. */
export interface Brief {
  id: number
  acknowledged_ms: number | null
  closed_ms: number | null
  progress_ms: number | null
  /** 1 when the request has a progress note of its own. */
  noted: number
}

const BRIEF = 'id, acknowledged_ms, closed_ms, progress_ms, progress_notes IS NOT NULL AS noted'

const COLUMNS = `id, service_code, service_name, description, description_language, final_notes, progress_notes,
  agency_responsible, service_notice, requested_ms, acknowledged_ms, expected_ms, progress_ms, closed_ms,
  address, address_id, zipcode, lat, long, ward, media_url, token`

const ORDER = 'ORDER BY requested_ms DESC, id DESC'

/** The ids of submitted requests start after the dataset's, or here when the dataset is empty. */
const FIRST_ID = 100_001

/**
 * The Open311 tables and every statement on them, prepared once. All SQL takes its values as
 * parameters; list filters are passed as JSON arrays (`IN (SELECT value FROM json_each(?))`), so a
 * handful of statements serve every combination of filters.
 */
export class Open311Store {
  readonly #db: SandboxDatabase
  readonly #byId: StatementSync
  readonly #briefById: StatementSync
  readonly #byIds: StatementSync
  readonly #byToken: StatementSync
  readonly #nextId: StatementSync
  readonly #insert: StatementSync
  readonly #idempotencyGet: StatementSync
  readonly #idempotencyPut: StatementSync
  readonly #count: StatementSync
  readonly #lists = new Map<string, StatementSync>()

  constructor(db: SandboxDatabase) {
    this.#db = db
    migrate(db, 'open311', OPEN311_MIGRATIONS)
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM open311_requests WHERE id = ?`)
    this.#briefById = db.prepare(`SELECT ${BRIEF} FROM open311_requests WHERE id = ? AND requested_ms <= ?`)
    this.#byIds = db.prepare(
      `SELECT ${BRIEF} FROM open311_requests WHERE id IN (SELECT value FROM json_each(?)) AND requested_ms <= ? ${ORDER} LIMIT ? OFFSET ?`,
    )
    this.#byToken = db.prepare('SELECT id FROM open311_requests WHERE token = ? AND requested_ms <= ?')
    this.#nextId = db.prepare(`SELECT coalesce(max(id) + 1, ${FIRST_ID}) AS id FROM open311_requests`)
    this.#insert = db.prepare(`INSERT INTO open311_requests (id, source, service_code, service_name, description, description_language,
      final_notes, progress_notes, agency_responsible, service_notice, requested_ms, acknowledged_ms, expected_ms, progress_ms, closed_ms,
      address, address_id, zipcode, lat, long, ward, media_url, token, email, device_id, account_id, first_name, last_name, phone, attributes)
      VALUES (?, 'api', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    this.#idempotencyGet = db.prepare('SELECT body_hash, status, response, request_id FROM open311_idempotency WHERE key = ?')
    this.#idempotencyPut = db.prepare(
      'INSERT INTO open311_idempotency (key, body_hash, status, response, request_id, created_ms) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.#count = db.prepare('SELECT count(*) AS n FROM open311_requests')
  }

  /**
   * Replaces the catalogue and the historical requests with the dataset's, every time moved by
   * `shiftMs`, in one transaction; requests submitted through the API are kept.
   *
   * @throws ThaneError `E_DB` when a kept submitted request has the id of a dataset request.
   */
  importDataset(dataset: Dataset, shiftMs: number): void {
    const db = this.#db
    const shift = (ms: number | null) => (ms === null ? null : ms + shiftMs)
    this.#transaction(() => {
      db.exec(`DELETE FROM open311_services; DELETE FROM open311_definitions; DELETE FROM open311_requests WHERE source = 'dataset'`)
      const service = db.prepare(`INSERT INTO open311_services (service_code, position, service_name, description, metadata, type, keywords, "group", agency, sla_days)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      for (const [i, s] of dataset.services.entries()) {
        service.run(s.service_code, i, s.service_name, s.description, s.metadata ? 1 : 0, s.type, s.keywords, s.group, s.agency, s.sla_days)
      }
      const definition = db.prepare('INSERT INTO open311_definitions (service_code, attributes) VALUES (?, ?)')
      for (const [code, attributes] of dataset.definitions) definition.run(code, JSON.stringify(attributes))
      const agencies = new Map(dataset.services.map((s) => [s.service_code, s.agency]))
      const request = db.prepare(`INSERT INTO open311_requests (id, source, service_code, service_name, description, description_language,
        final_notes, progress_notes, agency_responsible, service_notice, requested_ms, acknowledged_ms, expected_ms, progress_ms, closed_ms,
        address, address_id, zipcode, lat, long, ward, media_url)
        VALUES (?, 'dataset', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      for (const r of dataset.requests) {
        const open = r.closed_ms === null
        // An open request's notes are the agency's latest, written when it was last updated.
        const progress = open && r.acknowledged_ms !== null && r.status_notes !== null
        try {
          request.run(
            r.id, r.service_code, r.service_name, r.description, r.description_language,
            open ? null : r.status_notes,
            progress ? r.status_notes : null,
            r.agency_responsible ?? agencies.get(r.service_code) ?? null,
            r.service_notice,
            r.requested_ms + shiftMs, shift(r.acknowledged_ms), shift(r.expected_ms),
            progress ? shift(r.updated_ms ?? r.acknowledged_ms) : null,
            shift(r.closed_ms),
            r.address, r.address_id, r.zipcode, r.lat, r.long, r.ward, r.media_url,
          )
        } catch (err) {
          if (/UNIQUE constraint failed: open311_requests\.id/.test(String(err))) {
            throw new ThaneError(
              'E_DB',
              `the dataset's request ${r.id} has the id of a request submitted earlier and kept in ${db.path}; the dataset has grown since, so start with a fresh database (delete that file or choose another dbPath)`,
              { cause: err },
            )
          }
          throw err
        }
      }
    })
  }

  /** The whole row of a request, visible or not. */
  row(id: number): StoredRequest | undefined {
    return this.#byId.get(id) as StoredRequest | undefined
  }

  /** One visible request (requested at or before `now`), briefly. */
  brief(id: number, now: number): Brief | undefined {
    return this.#briefById.get(id, now) as Brief | undefined
  }

  /** Visible requests among `ids`, newest first, briefly. */
  briefs(ids: readonly number[], now: number, limit: number, offset: number): Brief[] {
    return this.#byIds.all(JSON.stringify(ids), now, limit, offset) as unknown as Brief[]
  }

  /** The id a token stands for, if its request is visible. */
  idForToken(token: string, now: number): number | undefined {
    const row = this.#byToken.get(token, now) as { id: number } | undefined
    return row?.id
  }

  /** Requests in a window, filtered, newest first (ties: higher id first), briefly. */
  list(q: ListQuery): Brief[] {
    const where = ['requested_ms >= ?', 'requested_ms <= ?']
    const params: (string | number)[] = [q.from, q.to]
    if (q.serviceCodes) {
      where.push('service_code IN (SELECT value FROM json_each(?))')
      params.push(JSON.stringify(q.serviceCodes))
    }
    if (q.wards) {
      where.push('ward IN (SELECT value FROM json_each(?))')
      params.push(JSON.stringify(q.wards))
    }
    if (q.status === 'open') {
      where.push('(closed_ms IS NULL OR closed_ms > ?)')
      params.push(q.now)
    } else if (q.status === 'closed') {
      where.push('closed_ms <= ?')
      params.push(q.now)
    }
    const sql = `SELECT ${BRIEF} FROM open311_requests WHERE ${where.join(' AND ')} ${ORDER} LIMIT ? OFFSET ?`
    let statement = this.#lists.get(sql)
    if (!statement) {
      statement = this.#db.prepare(sql)
      this.#lists.set(sql, statement)
    }
    return statement.all(...params, q.limit, q.offset) as unknown as Brief[]
  }

  /** How many requests the table holds (visible or not): for tests and checks. */
  count(): number {
    return Number((this.#count.get() as { n: number }).n)
  }

  /**
   * Stores a submitted request in one short transaction: takes the next id, asks `build` for the
   * row and the answer, and records the Idempotency-Key with it. A key seen before returns the
   * first answer when the body hash matches, a conflict when it does not, and stores nothing.
   */
  submit(
    build: (id: number) => { row: NewRequest; status: number; response: PostItem[] },
    idempotency: { key: string; hash: string; now: number } | undefined,
  ): SubmitOutcome {
    return this.#transaction((): SubmitOutcome => {
      if (idempotency) {
        const seen = this.#idempotencyGet.get(idempotency.key) as { body_hash: string; status: number; response: string; request_id: number } | undefined
        if (seen) {
          if (seen.body_hash !== idempotency.hash) return { kind: 'conflict' }
          return { kind: 'replayed', id: seen.request_id, status: seen.status, response: JSON.parse(seen.response) as PostItem[] }
        }
      }
      const id = Number((this.#nextId.get() as { id: number }).id)
      const { row: r, status, response } = build(id)
      this.#insert.run(
        id, r.service_code, r.service_name, r.description, r.description_language, r.final_notes, r.progress_notes,
        r.agency_responsible, r.service_notice, r.requested_ms, r.acknowledged_ms, r.expected_ms, r.progress_ms, r.closed_ms,
        r.address, r.address_id, r.zipcode, r.lat, r.long, r.ward, r.media_url, r.token,
        r.email, r.device_id, r.account_id, r.first_name, r.last_name, r.phone, r.attributes,
      )
      if (idempotency) this.#idempotencyPut.run(idempotency.key, idempotency.hash, status, JSON.stringify(response), id, idempotency.now)
      return { kind: 'created', id, status, response }
    })
  }

  // BEGIN IMMEDIATE takes the write lock at once, so another process on the same file cannot take
  // the same next id in between; within this process the work is synchronous and cannot interleave.
  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const result = work()
      this.#db.exec('COMMIT')
      return result
    } catch (err) {
      try {
        this.#db.exec('ROLLBACK')
      } catch {
        // SQLite already rolled back on its own.
      }
      throw err
    }
  }
}
