// The contract between the SensorThings query-option parser (parse.ts) and the server that
// evaluates it (compiled to SQL or evaluated in JS). Positions are 0-based character offsets into
// the option's decoded text, so an error can point at the problem: `$filter` 400 "at 14: …".

/** Where in the option text a node came from: [start, end). */
export interface Span {
  start: number
  end: number
}

/** A GeoJSON geometry parsed from a `geography'…'` WKT literal (coordinates are [lon, lat]). */
export type Geometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] }

export type Literal =
  | { kind: 'literal'; type: 'string'; value: string; span: Span }
  | { kind: 'literal'; type: 'number'; value: number; span: Span }
  | { kind: 'literal'; type: 'boolean'; value: boolean; span: Span }
  | { kind: 'literal'; type: 'null'; value: null; span: Span }
  /** An unquoted ISO 8601 date-time (`2026-07-14T09:00:00+05:30`, `…Z`), as epoch milliseconds; `text` as written. */
  | { kind: 'literal'; type: 'datetime'; value: number; text: string; span: Span }
  /** `duration'P1DT2H'` as milliseconds. */
  | { kind: 'literal'; type: 'duration'; value: number; text: string; span: Span }
  | { kind: 'literal'; type: 'geography'; value: Geometry; text: string; span: Span }

/**
 * A property path, relations first: `result` → ['result']; `Datastream/Thing/properties/ward` →
 * ['Datastream', 'Thing', 'properties', 'ward']; `id` and `@iot.id` both → ['id'].
 */
export interface PathExpr {
  kind: 'path'
  segments: string[]
  span: Span
}

export type BinaryOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'and' | 'or' | 'add' | 'sub' | 'mul' | 'div' | 'mod'

export interface BinaryExpr {
  kind: 'binary'
  op: BinaryOp
  left: Expr
  right: Expr
  span: Span
}

export interface UnaryExpr {
  kind: 'unary'
  op: 'not' | 'negate'
  operand: Expr
  span: Span
}

/**
 * A function call; `name` in lower case as the standard spells it: 'substringof', 'endswith',
 * 'startswith', 'length', 'indexof', 'substring', 'tolower', 'toupper', 'trim', 'concat', 'year',
 * 'month', 'day', 'hour', 'minute', 'second', 'fractionalseconds', 'date', 'time',
 * 'totaloffsetminutes', 'now', 'mindatetime', 'maxdatetime', 'round', 'floor', 'ceiling',
 * 'geo.distance', 'geo.length', 'geo.intersects', 'st_equals', 'st_disjoint', 'st_touches',
 * 'st_within', 'st_overlaps', 'st_crosses', 'st_intersects', 'st_contains', 'st_relate'.
 * The parser checks the name and the number of arguments.
 */
export interface CallExpr {
  kind: 'call'
  name: string
  args: Expr[]
  span: Span
}

export type Expr = Literal | PathExpr | BinaryExpr | UnaryExpr | CallExpr

export interface OrderByItem {
  expr: Expr
  direction: 'asc' | 'desc'
}

/** One `$expand` item: a navigation path (`Datastreams/ObservedProperty` → two segments) with its own options. */
export interface ExpandItem {
  path: string[]
  options: QueryOptions
}

/** The query options of one request (or of one `$expand` item), parsed and checked for syntax only. */
export interface QueryOptions {
  filter?: Expr
  orderby?: OrderByItem[]
  top?: number
  skip?: number
  count?: boolean
  /** Property and navigation-property names; `id` for `@iot.id`. */
  select?: string[]
  expand?: ExpandItem[]
  resultFormat?: 'dataArray'
}

/** A syntax error in a query option: the server answers 400 with this message. */
export class QuerySyntaxError extends Error {
  /** The option at fault, e.g. `$filter` (inside an expand: `$expand/Datastreams/$filter`). */
  readonly option: string
  /** 0-based offset into the option's text. */
  readonly position: number

  constructor(option: string, position: number, message: string) {
    super(`${option} at position ${position}: ${message}`)
    this.name = 'QuerySyntaxError'
    this.option = option
    this.position = position
  }
}

/** A query option the sandbox does not implement (`$search`, `$apply`, …): the server answers 501. */
export class UnsupportedOptionError extends Error {
  readonly option: string

  constructor(option: string) {
    super(`${option} is not supported by this SensorThings service`)
    this.name = 'UnsupportedOptionError'
    this.option = option
  }
}
