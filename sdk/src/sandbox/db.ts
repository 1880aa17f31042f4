import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { InputError, ThaneError } from '../errors.js'

/**
 * The sandbox's SQLite database: a `node:sqlite` `DatabaseSync` (so `prepare`, `exec`, ... work as
 * documented by Node) whose `close()` may be called more than once.
 */
export class SandboxDatabase extends DatabaseSync {
  /** The absolute path of the database file, or `:memory:`. */
  readonly path: string
  #closed = false

  constructor(path: string) {
    super(path)
    this.path = path
  }

  /** Closes the database; later calls do nothing. */
  override close(): void {
    if (this.#closed) return
    this.#closed = true
    super.close()
  }
}

/**
 * Opens (creating when needed) the sandbox database, set up so that an acknowledged write survives
 * a crash: WAL journal for files, `synchronous=FULL`, foreign keys on, and a busy timeout so a
 * second process waits for a lock instead of failing at once. The file's folder is created.
 *
 * @throws ThaneError with code `E_DB` when the file cannot be opened or is not a SQLite database.
 * @example
 * const db = openDatabase(':memory:')
 * db.prepare('SELECT 1 AS one').get() // { one: 1 }
 * db.close()
 */
export function openDatabase(path: string): SandboxDatabase {
  if (path === '') throw new InputError(`dbPath must be a file path or ':memory:'; got an empty string`, { field: 'dbPath' })
  const file = path === ':memory:' ? path : resolve(path)
  let db: SandboxDatabase | undefined
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    db = new SandboxDatabase(file)
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    db.exec('PRAGMA busy_timeout = 5000')
    if (file !== ':memory:') db.exec('PRAGMA journal_mode = WAL')
    db.exec('PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON')
    return db
  } catch (err) {
    db?.close()
    throw new ThaneError(
      'E_DB',
      `cannot open the sandbox database ${file} (${reason(err)}); choose a writable file path, or ':memory:'`,
      { cause: err },
    )
  }
}

/**
 * Brings one domain's tables up to date. `steps[i]` is the SQL of version `i + 1`; the versions a
 * database already has (recorded in `schema_migrations`) are skipped, and the pending ones run in
 * one transaction, so running it again is harmless. Steps are only ever appended, never edited.
 *
 * @returns how many steps were applied (0 when the database was already up to date).
 * @throws ThaneError with code `E_DB` when a step fails (nothing is applied) or the database was
 *   written by a newer sandbox with more steps than `steps`.
 * @example
 * migrate(db, 'grievances', [
 *   'CREATE TABLE requests (id TEXT PRIMARY KEY, status TEXT NOT NULL)',
 *   'ALTER TABLE requests ADD COLUMN updated_at TEXT',
 * ])
 */
export function migrate(db: SandboxDatabase, domain: string, steps: readonly string[]): number {
  let version = 0
  let begun = false
  try {
    // IMMEDIATE takes the write lock before reading the version, so two processes cannot both apply a step.
    db.exec('BEGIN IMMEDIATE')
    begun = true
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (domain TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (domain, version))')
    const row = db.prepare('SELECT max(version) AS version FROM schema_migrations WHERE domain = ?').get(domain)
    const current = Number(row?.version ?? 0)
    if (current > steps.length) {
      throw new ThaneError(
        'E_DB',
        `the sandbox database ${db.path} has ${domain} schema version ${current}, newer than this Thane Kit knows (${steps.length}); upgrade Thane Kit or use another database`,
      )
    }
    const record = db.prepare('INSERT INTO schema_migrations (domain, version) VALUES (?, ?)')
    for (const [i, sql] of steps.entries()) {
      if (i < current) continue
      version = i + 1
      db.exec(sql)
      record.run(domain, version)
    }
    db.exec('COMMIT')
    return steps.length - current
  } catch (err) {
    // Only our own transaction: a failed BEGIN may mean the caller has one open, which is not ours to end.
    if (begun) rollback(db)
    if (err instanceof ThaneError) throw err
    const what = version > 0 ? `migration ${domain} ${version}` : `preparing the ${domain} migration`
    throw new ThaneError('E_DB', `${what} failed on ${db.path} (${reason(err)}); nothing was applied`, { cause: err })
  }
}

function rollback(db: SandboxDatabase): void {
  try {
    db.exec('ROLLBACK')
  } catch {
    // SQLite already rolled back on its own (it does for some errors, e.g. a full disk).
  }
}

function reason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ')
}
