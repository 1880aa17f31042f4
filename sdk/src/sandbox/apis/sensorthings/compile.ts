// `$filter` and `$orderby` on Observations compiled to SQL over st_observations (alias `o`), so
// that the (datastream_id, phenomenon_ms) index answers time windows and "latest first" pages.
// What cannot be compiled is left to evaluate.ts over the rows SQL returns. The compiled SQL
// keeps the JS semantics (evaluate.ts): every condition is 0 or 1, never NULL, so NOT is safe.
import { evaluate, type RowAccess } from './evaluate.js'
import type { SetName } from './model.js'
import type { Expr, OrderByItem } from './query/ast.js'

export interface SqlPart {
  sql: string
  params: (number | string)[]
}

type SqlType = 'number' | 'string' | 'datetime' | 'duration' | 'result'
interface SqlValue extends SqlPart {
  type: SqlType | 'null'
  /** Conditions that must hold for the value to be non-null and of its type. */
  guards: string[]
}

/** Rows of the small sets a path prefix leads to, for turning `Datastream/…` conditions into id lists. */
export interface CompileContext {
  access: RowAccess
  datastreams: readonly object[]
  features: readonly object[]
}

const NUMERIC = `typeof(o.result) IN ('integer','real')`

/**
 * Splits a filter into a SQL condition and a JS remainder: a top-level `and` is split into its
 * conjuncts; each conjunct that compiles goes to SQL, the others stay for JS.
 */
export function compileFilter(expr: Expr, cx: CompileContext): { sql: SqlPart[]; rest: Expr[] } {
  const conjuncts: Expr[] = []
  const split = (e: Expr) => {
    if (e.kind === 'binary' && e.op === 'and') {
      split(e.left)
      split(e.right)
    } else conjuncts.push(e)
  }
  split(expr)
  const sql: SqlPart[] = []
  const rest: Expr[] = []
  for (const c of conjuncts) {
    const compiled = condition(c, cx)
    if (compiled) sql.push(compiled)
    else rest.push(c)
  }
  return { sql, rest }
}

/** The ORDER BY terms for `$orderby`, or undefined when one of them cannot be compiled. */
export function compileOrderBy(items: readonly OrderByItem[]): string[] | undefined {
  const terms: string[] = []
  for (const item of items) {
    if (item.expr.kind !== 'path') return undefined
    const column = COLUMNS[item.expr.segments.join('/')]
    if (!column) return undefined
    terms.push(`${column.sql} ${item.direction === 'desc' ? 'DESC' : 'ASC'}`)
  }
  return terms
}

const COLUMNS: Record<string, { sql: string; type: SqlType; nullable: boolean }> = {
  id: { sql: 'o.id', type: 'number', nullable: false },
  phenomenonTime: { sql: 'o.phenomenon_ms', type: 'datetime', nullable: false },
  resultTime: { sql: 'o.result_time_ms', type: 'datetime', nullable: true },
  result: { sql: 'o.result', type: 'result', nullable: false },
  'Datastream/id': { sql: 'o.datastream_id', type: 'number', nullable: false },
  'FeatureOfInterest/id': { sql: 'o.foi_id', type: 'number', nullable: false },
}

function pathsOf(e: Expr, out: string[][] = []): string[][] {
  if (e.kind === 'path') out.push(e.segments)
  else if (e.kind === 'binary') {
    pathsOf(e.left, out)
    pathsOf(e.right, out)
  } else if (e.kind === 'unary') pathsOf(e.operand, out)
  else if (e.kind === 'call') for (const a of e.args) pathsOf(a, out)
  return out
}

function stripFirst(e: Expr): Expr {
  switch (e.kind) {
    case 'path':
      return { ...e, segments: e.segments.slice(1) }
    case 'binary':
      return { ...e, left: stripFirst(e.left), right: stripFirst(e.right) }
    case 'unary':
      return { ...e, operand: stripFirst(e.operand) }
    case 'call':
      return { ...e, args: e.args.map(stripFirst) }
    default:
      return e
  }
}

function condition(e: Expr, cx: CompileContext): SqlPart | undefined {
  // A condition on the Datastream (or FeatureOfInterest) alone is decided per datastream in JS and
  // becomes an id list: `Datastream/Thing/properties/ward eq 'Kalwa'` → datastream_id IN (…).
  const paths = pathsOf(e)
  if (paths.length > 0) {
    for (const [nav, column, set, rows] of [
      ['Datastream', 'o.datastream_id', 'Datastreams', cx.datastreams],
      ['FeatureOfInterest', 'o.foi_id', 'FeaturesOfInterest', cx.features],
    ] as const) {
      if (paths.every((p) => p[0] === nav && p.length > 1)) {
        const inner = stripFirst(e)
        const ids = rows.filter((r) => evaluate(inner, set as SetName, r, cx.access) === true).map((r) => (r as { id: number }).id)
        return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] }
      }
    }
  }
  if (e.kind === 'binary') {
    if (e.op === 'and' || e.op === 'or') {
      const a = condition(e.left, cx)
      const b = condition(e.right, cx)
      if (!a || !b) return undefined
      return { sql: `(${a.sql} ${e.op.toUpperCase()} ${b.sql})`, params: [...a.params, ...b.params] }
    }
    if (['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(e.op)) return comparison(e.op, e.left, e.right)
    return undefined
  }
  if (e.kind === 'unary' && e.op === 'not') {
    const a = condition(e.operand, cx)
    return a && { sql: `(NOT ${a.sql})`, params: a.params }
  }
  if (e.kind === 'literal' && e.type === 'boolean') return { sql: e.value ? '1' : '0', params: [] }
  return undefined
}

const SQL_OP: Record<string, string> = { eq: '=', ne: '=', gt: '>', ge: '>=', lt: '<', le: '<=' }

function comparison(op: string, left: Expr, right: Expr): SqlPart | undefined {
  const a = value(left)
  const b = value(right)
  if (!a || !b) return undefined
  const negate = op === 'ne'
  const result = (sql: string, params: (number | string)[]): SqlPart => (negate ? { sql: `(NOT ${sql})`, params } : { sql, params })
  if (a.type === 'null' || b.type === 'null') {
    // Only eq/ne mean anything with null; a value is null only when one of its guards fails.
    if (op !== 'eq' && op !== 'ne') return { sql: '0', params: [] }
    if (a.type === 'null' && b.type === 'null') return result('1', [])
    const other = a.type === 'null' ? b : a
    if (other.type === 'result') return result('0', [])
    return result(other.guards.length === 0 ? '0' : `(NOT (${other.guards.join(' AND ')}))`, [])
  }
  let [x, y] = [a, b]
  if (x.type === 'result' && y.type === 'result') return undefined
  if (x.type === 'result' || y.type === 'result') {
    const other = x.type === 'result' ? y : x
    const guard = other.type === 'number' ? NUMERIC : other.type === 'string' ? `typeof(o.result) = 'text'` : undefined
    if (!guard) return result('0', [])
    const asType = (v: SqlValue): SqlValue => (v.type === 'result' ? { ...v, type: other.type, guards: [...v.guards, guard] } : v)
    x = asType(x)
    y = asType(y)
  }
  if (x.type !== y.type) return result('0', [])
  const guards = [...x.guards, ...y.guards]
  const sql = `(${[...guards, `${x.sql} ${SQL_OP[op]} ${y.sql}`].join(' AND ')})`
  return result(sql, [...x.params, ...y.params])
}

function value(e: Expr): SqlValue | undefined {
  switch (e.kind) {
    case 'literal':
      switch (e.type) {
        case 'number':
          return { sql: '?', params: [e.value], type: 'number', guards: [] }
        case 'string':
          return { sql: '?', params: [e.value], type: 'string', guards: [] }
        case 'datetime':
          return { sql: '?', params: [e.value], type: 'datetime', guards: [] }
        case 'duration':
          return { sql: '?', params: [e.value], type: 'duration', guards: [] }
        case 'null':
          return { sql: 'NULL', params: [], type: 'null', guards: [] }
        default:
          return undefined
      }
    case 'path': {
      const column = COLUMNS[e.segments.join('/')]
      if (!column) return undefined
      return { sql: column.sql, params: [], type: column.type, guards: column.nullable ? [`${column.sql} IS NOT NULL`] : [] }
    }
    case 'unary': {
      if (e.op !== 'negate') return undefined
      const v = value(e.operand)
      if (!v || (v.type !== 'number' && v.type !== 'result' && v.type !== 'duration')) return undefined
      const guards = v.type === 'result' ? [...v.guards, NUMERIC] : v.guards
      return { sql: `(-${v.sql})`, params: v.params, type: v.type === 'result' ? 'number' : v.type, guards }
    }
    case 'binary': {
      // div and mod stay in JS (division by zero is null there; SQLite's % truncates to integers).
      if (!['add', 'sub', 'mul'].includes(e.op)) return undefined
      const a = value(e.left)
      const b = value(e.right)
      if (!a || !b || a.type === 'null' || b.type === 'null') return undefined
      const num = (v: SqlValue): SqlValue | undefined =>
        v.type === 'number' ? v : v.type === 'result' ? { ...v, type: 'number', guards: [...v.guards, NUMERIC] } : undefined
      const guards = (...vs: SqlValue[]) => vs.flatMap((v) => v.guards)
      const na = num(a)
      const nb = num(b)
      if (na && nb) {
        const op = e.op === 'add' ? '+' : e.op === 'sub' ? '-' : '*'
        return { sql: `(${na.sql} ${op} ${nb.sql})`, params: [...na.params, ...nb.params], type: 'number', guards: guards(na, nb) }
      }
      if (a.type === 'datetime' && b.type === 'duration' && (e.op === 'add' || e.op === 'sub')) {
        return { sql: `(${a.sql} ${e.op === 'add' ? '+' : '-'} ${b.sql})`, params: [...a.params, ...b.params], type: 'datetime', guards: guards(a, b) }
      }
      if (a.type === 'datetime' && b.type === 'datetime' && e.op === 'sub') {
        return { sql: `(${a.sql} - ${b.sql})`, params: [...a.params, ...b.params], type: 'duration', guards: guards(a, b) }
      }
      return undefined
    }
    case 'call': {
      // Date parts of a time column, in UTC as evaluate.ts computes them.
      const format = DATE_PARTS[e.name]
      const arg = e.args[0]
      if (!format || e.args.length !== 1 || arg?.kind !== 'path') return undefined
      const column = COLUMNS[arg.segments.join('/')]
      if (!column || column.type !== 'datetime') return undefined
      return {
        sql: `CAST(strftime('${format}', ${column.sql} / 1000, 'unixepoch') AS INTEGER)`,
        params: [],
        type: 'number',
        guards: column.nullable ? [`${column.sql} IS NOT NULL`] : [],
      }
    }
    default:
      return undefined
  }
}

const DATE_PARTS: Record<string, string> = { year: '%Y', month: '%m', day: '%d', hour: '%H', minute: '%M', second: '%S' }
