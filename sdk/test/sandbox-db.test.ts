import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { InputError, ThaneError } from '../src/errors.js'
import { migrate, openDatabase, type SandboxDatabase } from '../src/sandbox/db.js'

let dir: string
const opened: SandboxDatabase[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'thane-sandbox-db-'))
})

afterEach(() => {
  for (const db of opened.splice(0)) db.close()
  rmSync(dir, { recursive: true, force: true })
})

function open(path: string): SandboxDatabase {
  const db = openDatabase(path)
  opened.push(db)
  return db
}

function pragma(db: SandboxDatabase, name: string, column = name): unknown {
  return db.prepare(`PRAGMA ${name}`).get()?.[column]
}

function dbError(fn: () => unknown): ThaneError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(ThaneError)
    return err as ThaneError
  }
  throw new Error('expected a ThaneError, but nothing was thrown')
}

describe('openDatabase', () => {
  test('a file database is in WAL mode, syncs fully, enforces foreign keys and waits when busy', () => {
    const db = open(join(dir, 'sandbox.db'))
    expect(pragma(db, 'journal_mode')).toBe('wal')
    expect(pragma(db, 'synchronous')).toBe(2) // FULL
    expect(pragma(db, 'foreign_keys')).toBe(1)
    expect(pragma(db, 'busy_timeout', 'timeout')).toBe(5000)
  })

  test('foreign keys are enforced, not merely declared', () => {
    const db = open(':memory:')
    db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))')
    expect(() => db.prepare('INSERT INTO child (parent_id) VALUES (42)').run()).toThrow(/FOREIGN KEY constraint failed/)
  })

  test('a missing folder for the database file is created', () => {
    const path = join(dir, 'a', 'b', 'sandbox.db')
    const db = open(path)
    expect(db.path).toBe(path)
    db.exec('CREATE TABLE t (x)')
  })

  test('a relative path is resolved, so the database names its absolute location', () => {
    const db = open(relative(process.cwd(), join(dir, 'rel.db')))
    expect(db.path).toBe(join(dir, 'rel.db'))
  })

  test('a write survives closing and reopening the file', () => {
    const path = join(dir, 'sandbox.db')
    const first = openDatabase(path)
    first.exec('CREATE TABLE notes (body TEXT NOT NULL)')
    first.prepare('INSERT INTO notes (body) VALUES (?)').run('pothole on Ghodbunder Road')
    first.close()
    const second = open(path)
    expect(second.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'pothole on Ghodbunder Road' }])
  })

  test('close may be called twice', () => {
    const db = openDatabase(':memory:')
    db.close()
    expect(() => db.close()).not.toThrow()
    expect(db.isOpen).toBe(false)
  })

  test('a path that is a folder cannot be opened and gives E_DB naming the path and what to do', () => {
    const err = dbError(() => open(dir))
    expect(err.code).toBe('E_DB')
    expect(err.message).toBe(`cannot open the sandbox database ${dir} (unable to open database file); choose a writable file path, or ':memory:'`)
    expect(err.cause).toBeInstanceOf(Error)
  })

  test('a file that is not a SQLite database gives E_DB', () => {
    const path = join(dir, 'notes.txt')
    writeFileSync(path, 'Thane Municipal Corporation\n'.repeat(100))
    const err = dbError(() => open(path))
    expect(err.code).toBe('E_DB')
    expect(err.message).toBe(`cannot open the sandbox database ${path} (file is not a database); choose a writable file path, or ':memory:'`)
  })

  test('a folder that cannot be created gives E_DB on one line', () => {
    const blocker = join(dir, 'blocker')
    writeFileSync(blocker, '')
    const path = join(blocker, 'sandbox.db')
    const err = dbError(() => open(path))
    expect(err.code).toBe('E_DB')
    expect(err.message.startsWith(`cannot open the sandbox database ${path} (E`)).toBe(true)
    expect(err.message.endsWith(`mkdir '${blocker}'); choose a writable file path, or ':memory:'`)).toBe(true)
    expect(err.message).not.toContain('\n')
  })

  test('an empty path is rejected as input', () => {
    expect(() => openDatabase('')).toThrow(InputError)
  })
})

describe('migrate', () => {
  const steps = ['CREATE TABLE requests (id TEXT PRIMARY KEY, status TEXT NOT NULL)', 'ALTER TABLE requests ADD COLUMN note TEXT']

  function versions(db: SandboxDatabase): unknown[] {
    return db.prepare('SELECT domain, version FROM schema_migrations ORDER BY domain, version').all()
  }

  test('runs each step once: a second run applies nothing and records nothing twice', () => {
    const db = open(join(dir, 'sandbox.db'))
    expect(migrate(db, 'grievances', steps)).toBe(2)
    expect(migrate(db, 'grievances', steps)).toBe(0)
    expect(versions(db)).toEqual([
      { domain: 'grievances', version: 1 },
      { domain: 'grievances', version: 2 },
    ])
    db.prepare('INSERT INTO requests (id, status, note) VALUES (?, ?, ?)').run('1', 'open', 'x')
  })

  test('a reopened database keeps its versions and applies only the steps added since', () => {
    const path = join(dir, 'sandbox.db')
    const first = openDatabase(path)
    migrate(first, 'grievances', steps.slice(0, 1))
    first.close()
    const second = open(path)
    expect(migrate(second, 'grievances', steps)).toBe(1)
    expect(versions(second)).toHaveLength(2)
  })

  test('each domain keeps its own versions', () => {
    const db = open(':memory:')
    migrate(db, 'grievances', steps)
    expect(migrate(db, 'sensors', ['CREATE TABLE readings (value REAL)'])).toBe(1)
    expect(versions(db)).toEqual([
      { domain: 'grievances', version: 1 },
      { domain: 'grievances', version: 2 },
      { domain: 'sensors', version: 1 },
    ])
  })

  test('a failing step applies nothing of the run and gives E_DB naming the step', () => {
    const db = open(':memory:')
    const err = dbError(() => migrate(db, 'grievances', [steps[0] as string, 'ALTER TABLE nowhere ADD COLUMN x']))
    expect(err.code).toBe('E_DB')
    expect(err.message).toBe('migration grievances 2 failed on :memory: (no such table: nowhere); nothing was applied')
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'requests'`).all()).toEqual([])
    expect(migrate(db, 'grievances', steps)).toBe(2)
  })

  test('called inside a transaction of the caller, it fails with E_DB and leaves that transaction alone', () => {
    const db = open(':memory:')
    db.exec('CREATE TABLE t (x); BEGIN; INSERT INTO t VALUES (1)')
    const err = dbError(() => migrate(db, 'grievances', steps))
    expect(err.code).toBe('E_DB')
    expect(err.message).toBe('preparing the grievances migration failed on :memory: (cannot start a transaction within a transaction); nothing was applied')
    expect(db.isTransaction).toBe(true)
    db.exec('COMMIT')
    expect(db.prepare('SELECT x FROM t').all()).toEqual([{ x: 1 }])
  })

  test('a database written by a newer sandbox is refused', () => {
    const db = open(':memory:')
    migrate(db, 'grievances', steps)
    const err = dbError(() => migrate(db, 'grievances', steps.slice(0, 1)))
    expect(err.code).toBe('E_DB')
    expect(err.message).toBe(
      'the sandbox database :memory: has grievances schema version 2, newer than this Thane Kit knows (1); upgrade Thane Kit or use another database',
    )
  })
})
