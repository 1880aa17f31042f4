// DuckDB: a typed read_csv (explicit column types) and validation SQL counting the problems the
// Table Schema names, in one scan, with `SET threads = n`.
//   node bench/lib/validate-duckdb.mjs <file.csv> <schema.json> <threads>
// A number that does not parse rejects its line (store_rejects keeps a reject_errors row a problem);
// a timestamp that does not parse loads as NULL (read_csv's behaviour for TIMESTAMPTZ) and is
// counted by the required check. The lines that load are checked for required cells, the station
// pattern, the ranges, and repeated primary keys (grouped by the key, keys with a NULL left out;
// every row past the first of a group counts).
import { DuckDBInstance } from '@duckdb/node-api'
import { argsOf, finish, startClock } from './validate-child.mjs'

const { file, rest } = argsOf('bench/lib/validate-duckdb.mjs <file.csv> <schema.json> <threads>')
const threads = Number(rest[0] ?? 1)
const POLLUTANTS = ['pm25', 'pm10', 'no2', 'so2', 'co', 'o3', 'nh3']
const columns = `{'station_id': 'VARCHAR', 'timestamp': 'TIMESTAMPTZ', ${POLLUTANTS.map((p) => `'${p}': 'DOUBLE'`).join(', ')}, 'aqi': 'INTEGER'}`
// One 0/1 term a check; a NULL comparison (an empty optional cell) is not a problem.
const checks = [
  'station_id IS NULL',
  `NOT regexp_full_match(station_id, '^TMC-AQ-\\d{2}$')`,
  '"timestamp" IS NULL',
  ...POLLUTANTS.map((p) => `${p} < 0`),
  'aqi < 0 OR aqi > 500',
]
const problems = checks.map((c) => `coalesce((${c})::INTEGER, 0)`).join(' + ')
const sql = `
  WITH keyed AS (
    SELECT station_id, "timestamp", count(*) AS n, sum(${problems}) AS cell_problems
    FROM read_csv(?, header = true, delim = ',', quote = '"', columns = ${columns}, store_rejects = true)
    GROUP BY station_id, "timestamp"
  )
  SELECT sum(n)::BIGINT AS loaded, sum(cell_problems)::BIGINT AS cell_problems,
         coalesce(sum(n - 1) FILTER (WHERE n > 1 AND station_id IS NOT NULL AND "timestamp" IS NOT NULL), 0)::BIGINT AS duplicate_keys
  FROM keyed`

const instance = await DuckDBInstance.create(':memory:')
const connection = await instance.connect()
await connection.run(`SET threads = ${threads}`)
const elapsed = startClock()
const [counts] = (await connection.runAndReadAll(sql, [file])).getRowObjectsJS()
const [rejects] = (await connection.runAndReadAll('SELECT count(*)::BIGINT AS errors, count(DISTINCT line)::BIGINT AS lines FROM reject_errors')).getRowObjectsJS()
const time = elapsed()
finish({
  rows: Number(counts.loaded) + Number(rejects.lines),
  errors: Number(counts.cell_problems) + Number(counts.duplicate_keys) + Number(rejects.errors),
  time,
  ran: `threads = ${threads}`,
})
connection.closeSync()
instance.closeSync()
