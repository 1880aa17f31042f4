import { InputError } from '../errors.js'

// The SensorThings query options ($filter, $expand, $orderby, $top, $skip, $select, $count) built
// from typed parts: every value goes through `literal()`, every path through `checkPath()`, and the
// result is serialised with URLSearchParams. Nothing the caller gives is pasted into a query as is.

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/
const BRAND = Symbol('thanekit.sensors.expr')

/** A filter expression made by the builder (`sensorFilter`); its `text` is the OData form. */
export class FilterExpr {
  /** @internal */
  readonly [BRAND] = true
  /** @internal */
  constructor(readonly text: string, /** @internal */ readonly precedence: number = 9) {}
  toString(): string {
    return this.text
  }
}

/** A geography point for `$filter`: `{ lat, lon }` or a GeoJSON Point. Written `geography'POINT(lon lat)'`. */
export type GeoPoint = { lat: number; lon: number } | { type: 'Point'; coordinates: readonly [number, number, ...number[]] }

/** A value a filter compares with. Strings are quoted, Dates written as ISO 8601 instants. */
export type Literal = string | number | boolean | bigint | Date | null | GeoPoint

/** The left side of a comparison: a property path (`properties/ward`, `Datastream/Thing/id`) or an expression. */
export type Operand = string | FilterExpr

/** The comparison operators. */
export type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'

function isExpr(value: unknown): value is FilterExpr {
  return value instanceof FilterExpr
}

/** A plain decimal (never exponent notation, which OData parsers may not read). */
function decimal(n: number): string {
  const plain = String(n)
  if (!plain.includes('e')) return plain
  return Math.abs(n) < 1 ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : BigInt(Math.round(n)).toString()
}

function number(n: number, what: string): string {
  if (!Number.isFinite(n)) throw new InputError(`${what} must be a finite number, not ${String(n)}`, { field: 'filter' })
  return decimal(n)
}

function isPoint(value: object): value is GeoPoint {
  return ('lat' in value && 'lon' in value) || ('type' in value && (value as { type: unknown }).type === 'Point')
}

function point(value: GeoPoint): string {
  const [lon, lat] = 'coordinates' in value ? value.coordinates : [value.lon, value.lat]
  if (typeof lat !== 'number' || typeof lon !== 'number' || Math.abs(lat) > 90 || Math.abs(lon) > 180 || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw new InputError(`a geography point needs finite lat (±90) and lon (±180) degrees, not ${JSON.stringify(value)}`, { field: 'filter' })
  }
  return `geography'POINT(${decimal(lon)} ${decimal(lat)})'`
}

/**
 * The one literal encoder of `$filter`: strings in single quotes with `'` doubled, finite numbers as
 * plain decimals, `true`/`false`, `null`, Dates as ISO 8601 instants in UTC (unquoted, as the
 * standard writes them), geography points as `geography'POINT(lon lat)'`. Throws `InputError` for
 * anything else (NaN, an invalid Date, objects, ...).
 *
 * @example
 * literal("O'Brien Road")            //=> "'O''Brien Road'"
 * literal(new Date('2026-07-14T03:30:00Z')) //=> '2026-07-14T03:30:00.000Z'
 * literal({ lat: 19.19, lon: 72.97 }) //=> "geography'POINT(72.97 19.19)'"
 */
export function literal(value: Literal): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return `'${value.replace(/'/g, "''")}'`
    case 'number':
      return number(value, 'a filter value')
    case 'bigint':
      return value.toString()
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new InputError('a filter value is an invalid Date', { field: 'filter' })
        return value.toISOString()
      }
      if (isPoint(value)) return point(value)
  }
  throw new InputError(`a filter value must be a string, number, boolean, Date, null or { lat, lon }, not ${describe(value)}`, { field: 'filter' })
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return JSON.stringify(value) ?? 'an object'
  return typeof value
}

/**
 * Checks a property or navigation path: identifiers (`A-Z a-z 0-9 _`, not starting with a digit)
 * joined by `/`. Throws `InputError` for anything else, so a path can never smuggle in an operator.
 */
export function checkPath(path: unknown, field = 'path'): string {
  if (typeof path !== 'string' || path === '' || !path.split('/').every((segment) => SEGMENT.test(segment))) {
    throw new InputError(`${field} must be a property path such as properties/ward or Datastream/Thing/id, not ${JSON.stringify(path)}`, { field })
  }
  return path
}

function operand(value: Operand): string {
  return isExpr(value) ? value.text : checkPath(value, 'filter path')
}

function valueOrExpr(value: Literal | FilterExpr): string {
  return isExpr(value) ? value.text : literal(value)
}

// OData precedence, loosest first: or (1), and (2), not (3), comparisons (4), arithmetic (5), primary (9).
function wrap(expr: FilterExpr, min: number): string {
  return expr.precedence < min ? `(${expr.text})` : expr.text
}

function compare(op: Comparison, left: Operand, right: Literal | FilterExpr): FilterExpr {
  return new FilterExpr(`${operand(left)} ${op} ${valueOrExpr(right)}`, 4)
}

function logical(op: 'and' | 'or', parts: (FilterExpr | undefined | false)[]): FilterExpr {
  const kept = parts.filter((part): part is FilterExpr => part !== undefined && part !== false)
  for (const part of kept) if (!isExpr(part)) throw new InputError(`${op}() takes filter expressions made by the builder`, { field: 'filter' })
  if (kept.length === 0) throw new InputError(`${op}() needs at least one expression`, { field: 'filter' })
  const level = op === 'or' ? 1 : 2
  if (kept.length === 1) return kept[0]!
  return new FilterExpr(kept.map((part) => wrap(part, level)).join(` ${op} `), level)
}

const FUNCTIONS = new Set([
  'substringof', 'endswith', 'startswith', 'length', 'indexof', 'substring', 'tolower', 'toupper', 'trim', 'concat',
  'year', 'month', 'day', 'hour', 'minute', 'second', 'fractionalseconds', 'date', 'time', 'totaloffsetminutes',
  'now', 'mindatetime', 'maxdatetime', 'round', 'floor', 'ceiling',
  'geo.distance', 'geo.length', 'geo.intersects',
  'st_equals', 'st_disjoint', 'st_touches', 'st_within', 'st_overlaps', 'st_crosses', 'st_intersects', 'st_contains', 'st_relate',
])

/** An argument of a function: a path given with `f.path()`, an expression, or a literal value. */
export type FunctionArg = FilterExpr | Literal

/**
 * The filter builder, passed to `.filter(f => …)` and exported as `sensorFilter`. Paths are checked,
 * values encoded by `literal()`; `and`/`or` skip `undefined` and `false` parts, so optional
 * conditions read naturally.
 *
 * @example
 * const f = sensorFilter
 * f.and(f.eq('properties/kind', 'air-quality'), ward ? f.eq('properties/ward', ward) : undefined).text
 * //=> "properties/kind eq 'air-quality' and properties/ward eq 'Naupada'"
 * f.lt(f.fn('geo.distance', f.path('location'), { lat: 19.19, lon: 72.97 }), 0.05).text
 * //=> "geo.distance(location,geography'POINT(72.97 19.19)') lt 0.05"
 */
export const sensorFilter = {
  eq: (left: Operand, right: Literal | FilterExpr) => compare('eq', left, right),
  ne: (left: Operand, right: Literal | FilterExpr) => compare('ne', left, right),
  gt: (left: Operand, right: Literal | FilterExpr) => compare('gt', left, right),
  ge: (left: Operand, right: Literal | FilterExpr) => compare('ge', left, right),
  lt: (left: Operand, right: Literal | FilterExpr) => compare('lt', left, right),
  le: (left: Operand, right: Literal | FilterExpr) => compare('le', left, right),
  and: (...parts: (FilterExpr | undefined | false)[]) => logical('and', parts),
  or: (...parts: (FilterExpr | undefined | false)[]) => logical('or', parts),
  not: (expr: FilterExpr): FilterExpr => {
    if (!isExpr(expr)) throw new InputError('not() takes a filter expression made by the builder', { field: 'filter' })
    return new FilterExpr(`not ${wrap(expr, 9)}`, 3)
  },
  /** `path eq v1 or path eq v2 …` (the standard has no `in`). */
  in: (left: Operand, values: readonly Literal[]): FilterExpr => {
    if (!Array.isArray(values) || values.length === 0) throw new InputError('in() needs a non-empty list of values', { field: 'filter' })
    return logical('or', values.map((value) => compare('eq', left, value)))
  },
  /** `startswith(path,'text')` */
  startsWith: (left: Operand, text: string) => call('startswith', [pathOf(left), text]),
  /** `endswith(path,'text')` */
  endsWith: (left: Operand, text: string) => call('endswith', [pathOf(left), text]),
  /** `substringof('text',path)`: the text is contained in the property. */
  contains: (left: Operand, text: string) => call('substringof', [text, pathOf(left)]),
  /** A property path as an expression (for function arguments and the right side of comparisons). */
  path: (path: string): FilterExpr => new FilterExpr(checkPath(path, 'filter path')),
  /** A literal as an expression. */
  value: (value: Literal): FilterExpr => new FilterExpr(literal(value)),
  /** A call of one of the standard's functions (`tolower`, `year`, `geo.distance`, `st_within`, ...). */
  fn: (name: string, ...args: FunctionArg[]) => call(name, args),
} as const

/** The type of `sensorFilter`. */
export type FilterBuilder = typeof sensorFilter

function pathOf(left: Operand): FilterExpr {
  return isExpr(left) ? left : new FilterExpr(checkPath(left, 'filter path'))
}

function call(name: string, args: FunctionArg[]): FilterExpr {
  if (!FUNCTIONS.has(name)) throw new InputError(`${JSON.stringify(name)} is not a SensorThings filter function; use one of ${[...FUNCTIONS].join(', ')}`, { field: 'filter' })
  return new FilterExpr(`${name}(${args.map(valueOrExpr).join(',')})`)
}

/**
 * The plain-object form of a filter: one operator a object. Comparisons take `[path, value]`;
 * `and`/`or` a list; `not` one filter; `in` `[path, values]`; `startsWith`/`endsWith`/`contains`
 * `[path, text]`. A `FilterExpr` from the builder is accepted anywhere.
 *
 * @example
 * { and: [{ eq: ['properties/kind', 'air-quality'] }, { ge: ['phenomenonTime', new Date('2026-07-01')] }] }
 */
export type FilterObject =
  | FilterExpr
  | { eq: [Operand, Literal] }
  | { ne: [Operand, Literal] }
  | { gt: [Operand, Literal] }
  | { ge: [Operand, Literal] }
  | { lt: [Operand, Literal] }
  | { le: [Operand, Literal] }
  | { and: FilterObject[] }
  | { or: FilterObject[] }
  | { not: FilterObject }
  | { in: [Operand, Literal[]] }
  | { startsWith: [Operand, string] }
  | { endsWith: [Operand, string] }
  | { contains: [Operand, string] }

const PAIR_OPS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'startsWith', 'endsWith', 'contains'] as const

/** Turns the plain-object form into an expression. */
export function toFilter(input: FilterObject): FilterExpr {
  if (isExpr(input)) return input
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(`a filter must be an object such as { eq: ['properties/kind', 'air-quality'] } or made with the builder, not ${describe(input)}`, { field: 'filter' })
  }
  const keys = Object.keys(input)
  if (keys.length !== 1) throw new InputError(`a filter object has exactly one operator, not ${keys.length ? keys.join(', ') : 'none'}`, { field: 'filter' })
  const op = keys[0]!
  const arg = (input as Record<string, unknown>)[op]
  const f = sensorFilter
  if (op === 'and' || op === 'or') {
    if (!Array.isArray(arg)) throw new InputError(`${op} takes a list of filters`, { field: 'filter' })
    return f[op](...arg.map((part) => toFilter(part as FilterObject)))
  }
  if (op === 'not') return f.not(toFilter(arg as FilterObject))
  if ((PAIR_OPS as readonly string[]).includes(op)) {
    if (!Array.isArray(arg) || arg.length !== 2) throw new InputError(`${op} takes [path, value]`, { field: 'filter' })
    const [left, right] = arg as [Operand, never]
    return (f[op as (typeof PAIR_OPS)[number]] as (l: Operand, r: never) => FilterExpr)(left, right)
  }
  throw new InputError(`unknown filter operator ${JSON.stringify(op)}; use one of and, or, not, ${PAIR_OPS.join(', ')}`, { field: 'filter' })
}

// --- the query ---------------------------------------------------------------------------------

/** Sort direction of `$orderby`. */
export type SortDirection = 'asc' | 'desc'

/** An `$orderby` key: a path, or `[path, direction]`. */
export type OrderKey = string | readonly [string, SortDirection]

/**
 * The plain-object form of a query (what `list()` and `get()` also accept).
 *
 * @example
 * { filter: { eq: ['properties/kind', 'air-quality'] }, expand: { Locations: true, Datastreams: { select: ['name'] } }, orderBy: 'name', top: 50 }
 */
export interface QueryOptions {
  filter?: FilterObject
  /** Relations to expand: a path, a list of paths, or paths mapped to their nested options (`true` for none). */
  expand?: string | readonly string[] | Record<string, QueryOptions | true>
  orderBy?: OrderKey | readonly OrderKey[]
  top?: number
  skip?: number
  select?: readonly string[]
  count?: boolean
}

/** A query: a `SensorQuery` or its plain-object form. */
export type QueryInput = SensorQuery | QueryOptions

interface QueryState {
  filter?: FilterExpr
  expand: [string, SensorQuery | undefined][]
  orderBy: [string, SortDirection | undefined][]
  top?: number
  skip?: number
  select?: string[]
  count?: boolean
}

function count(value: unknown, option: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new InputError(`${option} must be a whole number of 0 or more, not ${String(value)}`, { field: option })
  return value
}

/**
 * A SensorThings query, immutable: every method returns a new query. `city.sensors.query(set)`
 * gives one bound to the client (iterate it, or call `list()`, `first()`); `sensorQuery()` gives
 * an unbound one to pass to `list()`/`get()`.
 *
 * @example
 * const q = sensorQuery()
 *   .filter((f) => f.and(f.eq('properties/kind', 'air-quality'), f.eq('properties/ward', 'Naupada')))
 *   .expand('Locations')
 *   .orderBy('name')
 *   .top(50)
 * q.toString() //=> "$filter=properties%2Fkind+eq+%27air-quality%27+and+…&$expand=Locations&$orderby=name&$top=50"
 */
export class SensorQuery {
  /** @internal */
  protected readonly state: QueryState

  constructor(state?: QueryState) {
    this.state = state ?? { expand: [], orderBy: [] }
  }

  /** Builds a query from the plain-object form (a `SensorQuery` is returned as is). */
  static from(input: QueryInput | undefined): SensorQuery {
    if (input === undefined) return new SensorQuery()
    if (input instanceof SensorQuery) return input
    if (typeof input !== 'object' || input === null) throw new InputError('a query must be a SensorQuery or an object such as { top: 10 }', { field: 'query' })
    let q = new SensorQuery()
    if (input.filter !== undefined) q = q.filter(toFilter(input.filter))
    const { expand } = input
    if (typeof expand === 'string') q = q.expand(expand)
    else if (Array.isArray(expand)) for (const path of expand as string[]) q = q.expand(path)
    else if (expand !== undefined) for (const [path, nested] of Object.entries(expand)) q = q.expand(path, nested === true ? undefined : SensorQuery.from(nested))
    if (input.orderBy !== undefined) {
      const o = input.orderBy
      // `['phenomenonTime', 'desc']` is one key with its direction; any other list is a list of keys.
      const single = typeof o === 'string' || (o.length === 2 && typeof o[0] === 'string' && (o[1] === 'asc' || o[1] === 'desc'))
      const keys = single ? [o as OrderKey] : (o as readonly OrderKey[])
      for (const key of keys) q = typeof key === 'string' ? q.orderBy(key) : q.orderBy(key[0], key[1])
    }
    if (input.top !== undefined) q = q.top(input.top)
    if (input.skip !== undefined) q = q.skip(input.skip)
    if (input.select !== undefined) q = q.select(...input.select)
    if (input.count !== undefined) q = q.count(input.count)
    return q
  }

  /** @internal A copy with some options changed, keeping the subclass (and its binding). */
  protected with(change: Partial<QueryState>): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this
    Object.assign(copy, this, { state: { ...this.state, ...change } })
    return copy
  }

  /**
   * `$filter`, from the builder or the plain-object form. Calling it again adds the new condition
   * with `and`.
   */
  filter(build: ((f: FilterBuilder) => FilterExpr) | FilterObject): this {
    const expr = typeof build === 'function' ? build(sensorFilter) : toFilter(build)
    if (!isExpr(expr)) throw new InputError('filter() must return an expression made by the builder', { field: 'filter' })
    return this.with({ filter: this.state.filter ? sensorFilter.and(this.state.filter, expr) : expr })
  }

  /** `$expand` of a relation path (`Datastreams`, `Datastreams/ObservedProperty`), with nested options. */
  expand(path: string, nested?: ((q: SensorQuery) => SensorQuery) | QueryInput): this {
    checkPath(path, 'expand')
    const inner = typeof nested === 'function' ? nested(new SensorQuery()) : nested === undefined ? undefined : SensorQuery.from(nested)
    return this.with({ expand: [...this.state.expand, [path, inner]] })
  }

  /** `$orderby`; each call adds a key after the earlier ones. Without a direction the server's default (ascending) applies. */
  orderBy(path: string, direction?: SortDirection): this {
    checkPath(path, 'orderBy')
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc') throw new InputError(`orderBy direction must be "asc" or "desc", not ${JSON.stringify(direction)}`, { field: 'orderBy' })
    return this.with({ orderBy: [...this.state.orderBy, [path, direction]] })
  }

  /** `$top`: at most this many items a page (the server may send fewer and a nextLink). */
  top(n: number): this {
    return this.with({ top: count(n, 'top') })
  }

  /** `$skip`: skip this many items first. */
  skip(n: number): this {
    return this.with({ skip: count(n, 'skip') })
  }

  /** `$select` of properties (and navigation properties). Replaces an earlier select. */
  select(...paths: string[]): this {
    return this.with({ select: paths.map((path) => checkPath(path, 'select')) })
  }

  /** `$count`: `true` asks the server for `@iot.count`. */
  count(on = true): this {
    if (typeof on !== 'boolean') throw new InputError('count must be true or false', { field: 'count' })
    return this.with({ count: on })
  }

  /** The options as `[name, value]` pairs, unencoded (`$filter`, `$expand`, ...), in a fixed order. */
  toEntries(): [string, string][] {
    const s = this.state
    const entries: [string, string][] = []
    if (s.filter) entries.push(['$filter', s.filter.text])
    if (s.expand.length) entries.push(['$expand', s.expand.map(([path, nested]) => (nested && !nested.isEmpty() ? `${path}(${nested.toEntries().map(([k, v]) => `${k}=${v}`).join(';')})` : path)).join(',')])
    if (s.orderBy.length) entries.push(['$orderby', s.orderBy.map(([path, dir]) => (dir ? `${path} ${dir}` : path)).join(',')])
    if (s.top !== undefined) entries.push(['$top', String(s.top)])
    if (s.skip !== undefined) entries.push(['$skip', String(s.skip)])
    if (s.select) entries.push(['$select', s.select.join(',')])
    if (s.count !== undefined) entries.push(['$count', String(s.count)])
    return entries
  }

  /** `true` when the query sets no option. */
  isEmpty(): boolean {
    return this.toEntries().length === 0
  }

  /** The options as `URLSearchParams`. */
  toSearchParams(): URLSearchParams {
    return new URLSearchParams(this.toEntries())
  }

  /** The encoded query string, without `?`. */
  toString(): string {
    return this.toSearchParams().toString()
  }
}

/**
 * An unbound, empty query to build on.
 *
 * @example
 * for await (const d of city.sensors.list('Datastreams', sensorQuery().filter((f) => f.eq('properties/pollutant', 'pm25')))) …
 */
export function sensorQuery(options?: QueryOptions): SensorQuery {
  return SensorQuery.from(options)
}

/**
 * An entity's key in a URL: a numeric id bare (`1` → `(1)`), any other quoted with `'` doubled
 * (`O'Brien` → `('O''Brien')`). Throws `InputError` for an empty id.
 */
export function entityKey(id: string | number): string {
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id)) throw new InputError(`an entity id must be a whole number or a string, not ${id}`, { field: 'id' })
    return `(${id})`
  }
  if (typeof id !== 'string' || id === '') throw new InputError(`an entity id must be a non-empty string, not ${JSON.stringify(id)}`, { field: 'id' })
  return /^(0|-?[1-9]\d{0,15})$/.test(id) ? `(${id})` : `('${id.replace(/'/g, "''")}')`
}
