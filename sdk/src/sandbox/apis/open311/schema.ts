/**
 * The Open311 tables, as `migrate(db, 'open311', OPEN311_MIGRATIONS)` steps. Steps are only ever
 * appended, never edited. Tables carry an `open311_` prefix because the sandbox database is
 * shared with the other APIs.
 *
 * Times are epoch milliseconds (indexable, comparable with the clock); every Open311 time is shown
 * in Thane's zone, +05:30, so nothing else is needed to print them.
 */
export const OPEN311_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE open311_services (
    service_code TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    service_name TEXT NOT NULL,
    description TEXT NOT NULL,
    metadata INTEGER NOT NULL CHECK (metadata IN (0, 1)),
    type TEXT NOT NULL CHECK (type IN ('realtime', 'batch', 'blackbox')),
    keywords TEXT NOT NULL,
    "group" TEXT NOT NULL,
    agency TEXT NOT NULL,
    sla_days REAL NOT NULL CHECK (sla_days > 0)
  );

  -- One row a service: its GeoReport v2 attributes as a JSON array, in their order.
  CREATE TABLE open311_definitions (
    service_code TEXT PRIMARY KEY,
    attributes TEXT NOT NULL
  );

  -- Historical rows (source 'dataset') are re-imported on every start, shifted to the clock;
  -- submitted rows (source 'api') are kept. status and notes are not stored as such: they are
  -- worked out as of the clock from the lifecycle times.
  CREATE TABLE open311_requests (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('dataset', 'api')),
    service_code TEXT NOT NULL,
    service_name TEXT NOT NULL,
    description TEXT,
    description_language TEXT,
    final_notes TEXT,
    progress_notes TEXT,
    agency_responsible TEXT,
    service_notice TEXT,
    requested_ms INTEGER NOT NULL,
    acknowledged_ms INTEGER,
    expected_ms INTEGER,
    progress_ms INTEGER,
    closed_ms INTEGER,
    address TEXT,
    address_id TEXT,
    zipcode TEXT,
    lat REAL,
    long REAL,
    ward TEXT,
    media_url TEXT,
    token TEXT UNIQUE,
    email TEXT,
    device_id TEXT,
    account_id TEXT,
    first_name TEXT,
    last_name TEXT,
    phone TEXT,
    attributes TEXT
  );
  CREATE INDEX open311_requests_requested ON open311_requests (requested_ms);
  CREATE INDEX open311_requests_service ON open311_requests (service_code, requested_ms);
  CREATE INDEX open311_requests_ward ON open311_requests (ward, requested_ms);
  CREATE INDEX open311_requests_closed ON open311_requests (closed_ms);
  CREATE INDEX open311_requests_acknowledged ON open311_requests (acknowledged_ms);
  CREATE INDEX open311_requests_progress ON open311_requests (progress_ms);
  CREATE INDEX open311_requests_source ON open311_requests (source);

  -- Idempotency-Key extension: the first answer to a key, replayed for the same body.
  CREATE TABLE open311_idempotency (
    key TEXT PRIMARY KEY,
    body_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    request_id INTEGER NOT NULL,
    created_ms INTEGER NOT NULL
  );
  `,
]
