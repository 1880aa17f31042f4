// `$filter` and `$orderby` expressions evaluated in JS over rows. Null semantics: a comparison
// with null is false, except `eq null` / `ne null`; `ne` is always `not eq`; comparing values of
// different types (a string with a number, …) is false, never an error. Arithmetic or a function
// on null or on a value of the wrong type gives null.
import { badRequest, notImplemented } from './errors.js'
import * as geo from './geometry.js'
import { MODEL, type SetName } from './model.js'
import type { Expr, PathExpr } from './query/ast.js'
import { compareValues, DateVal, Duration, fromJson, geometryOf, type GeoJson, type Value } from './values.js'

/** What evaluating a path needs: the value of a property of a row, and the row a to-one relation leads to. */
export interface RowAccess {
  readonly now: number
  value(set: SetName, row: object, prop: string): Value
  one(set: SetName, row: object, nav: string): object | null
}

/**
 * Checks every path of an expression against the data model (before any row is read, so a typo is
 * a 400 even on an empty collection). Paths follow to-one relations only.
 */
export function checkExpr(set: SetName, expr: Expr, option: string): void {
  switch (expr.kind) {
    case 'path':
      checkPath(set, expr, option)
      return
    case 'binary':
      checkExpr(set, expr.left, option)
      checkExpr(set, expr.right, option)
      return
    case 'unary':
      checkExpr(set, expr.operand, option)
      return
    case 'call':
      if (expr.name === 'st_relate') throw notImplemented(`${option}: st_relate is not supported by this SensorThings service; use st_within, st_contains or st_intersects`)
      for (const a of expr.args) checkExpr(set, a, option)
      return
    default:
  }
}

/** Where a path leads: the set of its last entity and, when it ends in a property, the property. */
export function checkPath(set: SetName, path: PathExpr, option: string): { set: SetName; prop?: string; rest: string[] } {
  let current = set
  const segs = path.segments
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] as string
    const def = MODEL[current]
    if (seg === 'id') {
      if (i !== segs.length - 1) throw badRequest(`${option} at position ${path.span.start}: id has no properties; ${segs.join('/')} goes past it`)
      return { set: current, prop: 'id', rest: [] }
    }
    const kind = def.props[seg]
    if (kind !== undefined) {
      const rest = segs.slice(i + 1)
      if (rest.length > 0 && kind !== 'json' && kind !== 'geometry' && kind !== 'any') {
        throw badRequest(`${option} at position ${path.span.start}: ${seg} of ${current} has no sub-properties; ${segs.join('/')} goes past it`)
      }
      return { set: current, prop: seg, rest }
    }
    const nav = def.navs[seg]
    if (nav === undefined) {
      throw badRequest(`${option} at position ${path.span.start}: ${current} has no property or relation ${seg}; it has id, ${[...Object.keys(def.props), ...Object.keys(def.navs)].join(', ')}`)
    }
    if (nav.many) {
      throw badRequest(`${option} at position ${path.span.start}: ${seg} is a collection; a path can only follow to-one relations (${Object.entries(def.navs).filter(([, n]) => !n.many).map(([k]) => k).join(', ') || 'none here'})`)
    }
    current = nav.target
  }
  throw badRequest(`${option} at position ${path.span.start}: ${segs.join('/')} names an entity, not a value; add a property such as /id`)
}

/** Evaluates `expr` on `row` of `set`. */
export function evaluate(expr: Expr, set: SetName, row: object, access: RowAccess): Value {
  switch (expr.kind) {
    case 'literal':
      if (expr.type === 'datetime') return new DateVal(expr.value)
      if (expr.type === 'duration') return new Duration(expr.value)
      return expr.value as Value
    case 'path':
      return pathValue(expr.segments, set, row, access)
    case 'unary': {
      const v = evaluate(expr.operand, set, row, access)
      if (expr.op === 'not') return v === true ? false : v === false || v === null ? true : false
      if (typeof v === 'number') return -v
      if (v instanceof Duration) return new Duration(-v.ms)
      return null
    }
    case 'binary': {
      if (expr.op === 'and') return evaluate(expr.left, set, row, access) === true && evaluate(expr.right, set, row, access) === true
      if (expr.op === 'or') return evaluate(expr.left, set, row, access) === true || evaluate(expr.right, set, row, access) === true
      const a = evaluate(expr.left, set, row, access)
      const b = evaluate(expr.right, set, row, access)
      switch (expr.op) {
        case 'eq':
          return equal(a, b)
        case 'ne':
          return !equal(a, b)
        case 'gt':
        case 'ge':
        case 'lt':
        case 'le': {
          if (a === null || b === null) return false
          const c = compareValues(a, b)
          if (c === undefined) return false
          return expr.op === 'gt' ? c > 0 : expr.op === 'ge' ? c >= 0 : expr.op === 'lt' ? c < 0 : c <= 0
        }
        default:
          return arithmetic(expr.op, a, b)
      }
    }
    case 'call':
      return call(expr.name, expr.args.map((a) => evaluate(a, set, row, access)), access)
  }
}

function equal(a: Value, b: Value): boolean {
  if (a === null || b === null) return a === b
  return compareValues(a, b) === 0
}

function pathValue(segments: readonly string[], set: SetName, row: object, access: RowAccess): Value {
  let current: SetName = set
  let r: object | null = row
  for (let i = 0; i < segments.length; i++) {
    if (r === null) return null
    const seg = segments[i] as string
    const def = MODEL[current]
    if (seg === 'id' || def.props[seg] !== undefined) {
      let v: unknown = access.value(current, r, seg)
      for (const key of segments.slice(i + 1)) {
        if (typeof v !== 'object' || v === null || v instanceof DateVal) return null
        v = Array.isArray(v) && /^\d+$/.test(key) ? v[Number(key)] : (v as Record<string, unknown>)[key]
      }
      return fromJson(v)
    }
    const nav = def.navs[seg]
    if (!nav || nav.many) return null
    r = access.one(current, r, seg)
    current = nav.target
  }
  return null
}

function arithmetic(op: string, a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case 'add':
        return a + b
      case 'sub':
        return a - b
      case 'mul':
        return a * b
      case 'div':
        return b === 0 ? null : a / b
      case 'mod':
        return b === 0 ? null : a % b
    }
  }
  if (a instanceof DateVal && b instanceof Duration) return op === 'add' ? new DateVal(a.ms + b.ms) : op === 'sub' ? new DateVal(a.ms - b.ms) : null
  if (a instanceof Duration && b instanceof DateVal && op === 'add') return new DateVal(a.ms + b.ms)
  if (a instanceof DateVal && b instanceof DateVal && op === 'sub') return new Duration(a.ms - b.ms)
  if (a instanceof Duration && b instanceof Duration) return op === 'add' ? new Duration(a.ms + b.ms) : op === 'sub' ? new Duration(a.ms - b.ms) : null
  return null
}

const MIN_DATE = -8_640_000_000_000_000
const MAX_DATE = 8_640_000_000_000_000

function call(name: string, args: Value[], access: RowAccess): Value {
  const [a, b, c] = args
  const str = (v: Value | undefined): v is string => typeof v === 'string'
  const date = (v: Value | undefined): Date | undefined => (v instanceof DateVal ? new Date(v.ms) : undefined)
  const geom = (v: Value | undefined): GeoJson | undefined => geometryOf(v)
  switch (name) {
    case 'substringof':
      return str(a) && str(b) ? b.includes(a) : null
    case 'endswith':
      return str(a) && str(b) ? a.endsWith(b) : null
    case 'startswith':
      return str(a) && str(b) ? a.startsWith(b) : null
    case 'length':
      return str(a) ? a.length : null
    case 'indexof':
      return str(a) && str(b) ? a.indexOf(b) : null
    case 'substring':
      if (!str(a) || typeof b !== 'number') return null
      if (c === undefined) return a.substring(b)
      return typeof c === 'number' ? a.substring(b, b + c) : null
    case 'tolower':
      return str(a) ? a.toLowerCase() : null
    case 'toupper':
      return str(a) ? a.toUpperCase() : null
    case 'trim':
      return str(a) ? a.trim() : null
    case 'concat':
      return str(a) && str(b) ? a + b : null
    case 'year':
      return date(a)?.getUTCFullYear() ?? null
    case 'month':
      return date(a) ? (date(a) as Date).getUTCMonth() + 1 : null
    case 'day':
      return date(a)?.getUTCDate() ?? null
    case 'hour':
      return date(a)?.getUTCHours() ?? null
    case 'minute':
      return date(a)?.getUTCMinutes() ?? null
    case 'second':
      return date(a)?.getUTCSeconds() ?? null
    case 'fractionalseconds':
      return date(a) ? (date(a) as Date).getUTCMilliseconds() / 1000 : null
    case 'date':
      return a instanceof DateVal ? new DateVal(Math.floor(a.ms / 86_400_000) * 86_400_000) : null
    case 'time':
      return a instanceof DateVal ? new Date(a.ms).toISOString().slice(11, 23) : null
    case 'totaloffsetminutes':
      // Times are kept and written in UTC.
      return a instanceof DateVal ? 0 : null
    case 'now':
      return new DateVal(access.now)
    case 'mindatetime':
      return new DateVal(MIN_DATE)
    case 'maxdatetime':
      return new DateVal(MAX_DATE)
    case 'round':
      return typeof a === 'number' ? Math.round(a) : null
    case 'floor':
      return typeof a === 'number' ? Math.floor(a) : null
    case 'ceiling':
      return typeof a === 'number' ? Math.ceil(a) : null
    case 'geo.distance': {
      const [g1, g2] = [geom(a), geom(b)]
      return g1 && g2 ? geo.distance(g1, g2) : null
    }
    case 'geo.length': {
      const g1 = geom(a)
      return g1 ? geo.length(g1) : null
    }
    case 'geo.intersects':
    case 'st_intersects':
    case 'st_disjoint':
    case 'st_within':
    case 'st_contains':
    case 'st_equals':
    case 'st_touches':
    case 'st_overlaps':
    case 'st_crosses': {
      const [g1, g2] = [geom(a), geom(b)]
      if (!g1 || !g2) return null
      switch (name) {
        case 'st_disjoint':
          return !geo.intersects(g1, g2)
        case 'st_within':
          return geo.within(g1, g2)
        case 'st_contains':
          return geo.within(g2, g1)
        case 'st_equals':
          return geo.equals(g1, g2)
        case 'st_touches':
          return geo.touches(g1, g2)
        case 'st_overlaps':
          return geo.overlaps(g1, g2)
        case 'st_crosses':
          return geo.crosses(g1, g2)
        default:
          return geo.intersects(g1, g2)
      }
    }
    default:
      throw notImplemented(`the function ${name} is not supported by this SensorThings service`)
  }
}
