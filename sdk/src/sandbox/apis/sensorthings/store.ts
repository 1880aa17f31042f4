import type { StatementSync } from 'node:sqlite'
import { migrate, type SandboxDatabase } from '../../db.js'
import type { SensorsDataset } from './load.js'
import type {
  DatastreamRow,
  FeatureRow,
  HistoricalLocationRow,
  LocationRow,
  ObservationRow,
  ObservedPropertyRow,
  SensorRow,
  ThingRow,
} from './model.js'

/** Observations created through the API get ids from here; the bundled ones are 1, 2, 3, … in file order. */
export const FIRST_API_ID = 1_000_000_000

export const SENSORTHINGS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE st_things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, properties TEXT);
   CREATE TABLE st_locations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, encoding_type TEXT NOT NULL,
     location TEXT NOT NULL, properties TEXT);
   CREATE TABLE st_thing_locations (thing_id INTEGER NOT NULL, location_id INTEGER NOT NULL, PRIMARY KEY (thing_id, location_id));
   CREATE TABLE st_historical_locations (id INTEGER PRIMARY KEY, thing_id INTEGER NOT NULL, time_ms INTEGER NOT NULL);
   CREATE TABLE st_historical_location_locations (historical_location_id INTEGER NOT NULL, location_id INTEGER NOT NULL,
     PRIMARY KEY (historical_location_id, location_id));
   CREATE TABLE st_sensors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, encoding_type TEXT NOT NULL,
     metadata TEXT, properties TEXT);
   CREATE TABLE st_observed_properties (id INTEGER PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, description TEXT NOT NULL,
     properties TEXT);
   CREATE TABLE st_datastreams (id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, thing_id INTEGER NOT NULL,
     sensor_id INTEGER NOT NULL, observed_property_id INTEGER NOT NULL, unit_of_measurement TEXT NOT NULL, observation_type TEXT NOT NULL,
     properties TEXT);
   CREATE TABLE st_features_of_interest (id INTEGER PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL,
     encoding_type TEXT NOT NULL, feature TEXT NOT NULL, properties TEXT);
   CREATE TABLE st_observations (id INTEGER PRIMARY KEY, datastream_id INTEGER NOT NULL, foi_id INTEGER NOT NULL,
     phenomenon_ms INTEGER NOT NULL, phenomenon_end_ms INTEGER, result_time_ms INTEGER,
     result, result_json TEXT, result_quality TEXT, valid_from_ms INTEGER, valid_to_ms INTEGER, parameters TEXT);
   CREATE INDEX st_observations_stream_time ON st_observations (datastream_id, phenomenon_ms);
   CREATE TABLE st_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
]

export const OBSERVATION_COLUMNS =
  'o.id, o.datastream_id, o.foi_id, o.phenomenon_ms, o.phenomenon_end_ms, o.result_time_ms, o.result, o.result_json, o.result_quality, o.valid_from_ms, o.valid_to_ms, o.parameters'

/** The catalogue (everything but observations): small, fixed while running, kept in memory. */
export interface Catalogue {
  things: Map<number, ThingRow>
  locations: Map<number, LocationRow>
  historicalLocations: Map<number, HistoricalLocationRow>
  datastreams: Map<number, DatastreamRow>
  sensors: Map<number, SensorRow>
  observedProperties: Map<number, ObservedPropertyRow>
  features: Map<number, FeatureRow>
  /** The FeatureOfInterest made from each Thing's Location, by Thing id. */
  featureOfThing: Map<number, number>
}

/** A new observation, checked, ready to insert: a row without its id, which SQLite assigns. */
export type NewObservation = Omit<ObservationRow, 'id'>

/**
 * The SensorThings tables and their statements. SQL is prepared once per distinct text: the
 * compiled filters take their values as parameters, so a handful of texts serve every request.
 */
export class SensorThingsStore {
  readonly db: SandboxDatabase
  readonly #statements = new Map<string, StatementSync>()
  readonly #insert: StatementSync
  readonly #nextId: StatementSync

  constructor(db: SandboxDatabase) {
    this.db = db
    migrate(db, 'sensorthings', SENSORTHINGS_MIGRATIONS)
    this.#insert = db.prepare(`INSERT INTO st_observations (id, datastream_id, foi_id, phenomenon_ms, phenomenon_end_ms, result_time_ms,
      result, result_json, result_quality, valid_from_ms, valid_to_ms, parameters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    this.#nextId = db.prepare(`SELECT coalesce(max(id) + 1, ${FIRST_API_ID}) AS id FROM st_observations WHERE id >= ${FIRST_API_ID}`)
  }

  /** A statement for `sql`, prepared on first use. */
  statement(sql: string): StatementSync {
    let st = this.#statements.get(sql)
    if (!st) {
      st = this.db.prepare(sql)
      this.#statements.set(sql, st)
    }
    return st
  }

  /**
   * Replaces the catalogue and the bundled observations with the dataset's, every time moved by
   * `shiftMs`, in one transaction; observations created through the API are kept. On a file
   * database that already holds this dataset at this shift the observations are not rewritten.
   */
  importDataset(dataset: SensorsDataset, shiftMs: number): Catalogue {
    const db = this.db
    const catalogue = buildCatalogue(dataset, shiftMs)
    const stamp = `${dataset.stamp}|${shiftMs}`
    this.#transaction(() => {
      db.exec(`DELETE FROM st_things; DELETE FROM st_locations; DELETE FROM st_thing_locations; DELETE FROM st_historical_locations;
        DELETE FROM st_historical_location_locations; DELETE FROM st_sensors; DELETE FROM st_observed_properties;
        DELETE FROM st_datastreams; DELETE FROM st_features_of_interest`)
      const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))
      const thing = db.prepare('INSERT INTO st_things VALUES (?, ?, ?, ?)')
      for (const t of catalogue.things.values()) thing.run(t.id, t.name, t.description, json(t.properties))
      const location = db.prepare('INSERT INTO st_locations VALUES (?, ?, ?, ?, ?, ?)')
      const link = db.prepare('INSERT INTO st_thing_locations VALUES (?, ?)')
      for (const l of catalogue.locations.values()) {
        location.run(l.id, l.name, l.description, l.encodingType, JSON.stringify(l.location), json(l.properties))
        for (const t of l.thingIds) link.run(t, l.id)
      }
      const historical = db.prepare('INSERT INTO st_historical_locations VALUES (?, ?, ?)')
      const historicalLink = db.prepare('INSERT INTO st_historical_location_locations VALUES (?, ?)')
      for (const h of catalogue.historicalLocations.values()) {
        historical.run(h.id, h.thingId, h.time)
        for (const l of h.locationIds) historicalLink.run(h.id, l)
      }
      const sensor = db.prepare('INSERT INTO st_sensors VALUES (?, ?, ?, ?, ?, ?)')
      for (const s of catalogue.sensors.values()) sensor.run(s.id, s.name, s.description, s.encodingType, json(s.metadata), json(s.properties))
      const property = db.prepare('INSERT INTO st_observed_properties VALUES (?, ?, ?, ?, ?)')
      for (const p of catalogue.observedProperties.values()) property.run(p.id, p.name, p.definition, p.description, json(p.properties))
      const stream = db.prepare('INSERT INTO st_datastreams VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      for (const d of catalogue.datastreams.values()) {
        stream.run(d.id, d.name, d.description, d.thingId, d.sensorId, d.observedPropertyId, JSON.stringify(d.unitOfMeasurement), d.observationType, json(d.properties))
      }
      const feature = db.prepare('INSERT INTO st_features_of_interest VALUES (?, ?, ?, ?, ?, ?)')
      for (const f of catalogue.features.values()) feature.run(f.id, f.name, f.description, f.encodingType, JSON.stringify(f.feature), json(f.properties))

      const held = db.prepare(`SELECT value FROM st_meta WHERE key = 'observations'`).get() as { value: string } | undefined
      if (db.path !== ':memory:' && held?.value === stamp) return
      // Rebuilding the index after a bulk insert is faster than keeping it up to date row by row.
      db.exec(`DROP INDEX IF EXISTS st_observations_stream_time; DELETE FROM st_observations WHERE id < ${FIRST_API_ID}`)
      const { observations: o } = dataset
      // Bundled rows have no end, quality, validity or parameters: a statement binding only the five
      // values that vary (the time used twice, as resultTime = phenomenonTime) imports faster.
      const insert = this.db.prepare(`INSERT INTO st_observations (id, datastream_id, foi_id, phenomenon_ms, result_time_ms, result) VALUES (?1, ?2, ?3, ?4, ?4, ?5)`)
      let featureOfStream = -1
      let lastStream = -1
      for (let i = 0; i < o.length; i++) {
        const ds = o.datastream[i] as number
        if (ds !== lastStream) {
          featureOfStream = catalogue.featureOfThing.get(catalogue.datastreams.get(ds)?.thingId as number) as number
          lastStream = ds
        }
        const v = o.value[i] as number
        insert.run(i + 1, ds, featureOfStream, (o.time[i] as number) + shiftMs, Number.isNaN(v) ? (o.text.get(i) as string) : v)
      }
      db.exec('CREATE INDEX st_observations_stream_time ON st_observations (datastream_id, phenomenon_ms)')
      db.prepare(`INSERT OR REPLACE INTO st_meta (key, value) VALUES ('observations', ?)`).run(stamp)
    })
    return catalogue
  }

  /** One observation, visible at `now` or not (undefined). */
  observation(id: number, now: number): ObservationRow | undefined {
    return this.statement(`SELECT ${OBSERVATION_COLUMNS} FROM st_observations o WHERE o.id = ? AND o.phenomenon_ms <= ?`).get(id, now) as
      | ObservationRow
      | undefined
  }

  /** Stores observations in one transaction and returns their ids, in order. */
  insertObservations(rows: readonly NewObservation[]): number[] {
    const ids: number[] = []
    this.#transaction(() => {
      let id = Number((this.#nextId.get() as { id: number }).id)
      for (const r of rows) {
        this.#insert.run(id, r.datastream_id, r.foi_id, r.phenomenon_ms, r.phenomenon_end_ms, r.result_time_ms, r.result, r.result_json,
          r.result_quality, r.valid_from_ms, r.valid_to_ms, r.parameters)
        ids.push(id++)
      }
    })
    return ids
  }

  /** The visible phenomenon and result time span of a datastream at `now`. */
  datastreamTimes(id: number, now: number): { phenomenon: [number, number] | null; result: [number, number] | null } {
    const row = this.statement(`SELECT
      (SELECT min(phenomenon_ms) FROM st_observations WHERE datastream_id = ?1 AND phenomenon_ms <= ?2) AS p0,
      (SELECT max(phenomenon_ms) FROM st_observations WHERE datastream_id = ?1 AND phenomenon_ms <= ?2) AS p1,
      (SELECT max(coalesce(phenomenon_end_ms, phenomenon_ms)) FROM st_observations WHERE id >= ${FIRST_API_ID} AND datastream_id = ?1 AND phenomenon_ms <= ?2) AS pe,
      (SELECT min(phenomenon_ms) FROM st_observations INDEXED BY st_observations_stream_time WHERE +id < ${FIRST_API_ID} AND datastream_id = ?1 AND phenomenon_ms <= ?2) AS b0,
      (SELECT max(phenomenon_ms) FROM st_observations INDEXED BY st_observations_stream_time WHERE +id < ${FIRST_API_ID} AND datastream_id = ?1 AND phenomenon_ms <= ?2) AS b1,
      (SELECT min(result_time_ms) FROM st_observations WHERE id >= ${FIRST_API_ID} AND datastream_id = ?1 AND phenomenon_ms <= ?2) AS r0,
      (SELECT max(result_time_ms) FROM st_observations WHERE id >= ${FIRST_API_ID} AND datastream_id = ?1 AND phenomenon_ms <= ?2) AS r1`).get(id, now) as Record<
      string,
      number | null
    >
    const phenomenon: [number, number] | null = row.p0 == null ? null : [row.p0, Math.max(row.p1 as number, row.pe ?? Number.NEGATIVE_INFINITY)]
    // Bundled observations have resultTime = phenomenonTime; the created ones carry their own.
    const lows = [row.b0, row.r0].filter((v): v is number => v != null)
    const highs = [row.b1, row.r1].filter((v): v is number => v != null)
    const result: [number, number] | null = lows.length === 0 ? null : [Math.min(...lows), Math.max(...highs)]
    return { phenomenon, result }
  }

  /** The first phenomenon time after `now` (the next observation to appear), or null. */
  nextAppearance(now: number, streams: Iterable<number>): number | null {
    const st = this.statement('SELECT min(phenomenon_ms) AS t FROM st_observations WHERE datastream_id = ? AND phenomenon_ms > ?')
    let next: number | null = null
    for (const id of streams) {
      const t = (st.get(id, now) as { t: number | null }).t
      if (t !== null && (next === null || t < next)) next = t
    }
    return next
  }

  #transaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      work()
      this.db.exec('COMMIT')
    } catch (err) {
      try {
        this.db.exec('ROLLBACK')
      } catch {
        // already rolled back by SQLite
      }
      throw err
    }
  }
}

/** The catalogue rows of a dataset: one Location and one FeatureOfInterest per Thing (ids = Thing ids). */
function buildCatalogue(dataset: SensorsDataset, shiftMs: number): Catalogue {
  const start = (dataset.start ?? 0) + shiftMs
  // The month starts at local midnight of the first day, where the first reading is.
  const c: Catalogue = {
    things: new Map(),
    locations: new Map(),
    historicalLocations: new Map(),
    datastreams: new Map(),
    sensors: new Map(),
    observedProperties: new Map(),
    features: new Map(),
    featureOfThing: new Map(),
  }
  for (const t of dataset.things) {
    c.things.set(t.id, { id: t.id, name: t.name, description: t.description, properties: t.properties ?? null })
    const l = t.location
    c.locations.set(t.id, {
      id: t.id,
      name: l.name,
      description: l.description,
      encodingType: l.encodingType ?? 'application/geo+json',
      location: l.location,
      properties: l.properties ?? null,
      thingIds: [t.id],
    })
    c.historicalLocations.set(t.id, { id: t.id, time: start, thingId: t.id, locationIds: [t.id] })
    c.features.set(t.id, {
      id: t.id,
      name: l.name,
      description: l.description,
      encodingType: l.encodingType ?? 'application/geo+json',
      feature: l.location,
      properties: null,
    })
    c.featureOfThing.set(t.id, t.id)
  }
  for (const s of dataset.sensors) {
    c.sensors.set(s.id, { id: s.id, name: s.name, description: s.description, encodingType: s.encodingType, metadata: s.metadata ?? null, properties: s.properties ?? null })
  }
  for (const p of dataset.observedProperties) {
    c.observedProperties.set(p.id, { id: p.id, name: p.name, definition: p.definition, description: p.description, properties: p.properties ?? null })
  }
  for (const d of dataset.datastreams) {
    c.datastreams.set(d.id, {
      id: d.id,
      name: d.name,
      description: d.description,
      unitOfMeasurement: d.unitOfMeasurement,
      observationType: d.observationType,
      properties: d.properties ?? null,
      thingId: d.thingId,
      sensorId: d.sensorId,
      observedPropertyId: d.observedPropertyId,
    })
  }
  return c
}
