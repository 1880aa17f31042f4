// The values a `$filter` or `$orderby` expression evaluates to in JS, and how they compare.
import type { Geometry } from './query/ast.js'

/** An instant (epoch ms). */
export class DateVal {
  constructor(readonly ms: number) {}
}

/** A duration (ms). */
export class Duration {
  constructor(readonly ms: number) {}
}

export type Value = string | number | boolean | null | DateVal | Duration | GeoJson | Record<string, unknown> | unknown[]
export type GeoJson = Geometry | { type: string; coordinates: unknown }

export function isGeometry(v: unknown): v is GeoJson {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string' && 'coordinates' in v
}

/** The geometry of a GeoJSON geometry or Feature, else undefined. */
export function geometryOf(v: unknown): GeoJson | undefined {
  if (isGeometry(v)) return v
  if (typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Feature') {
    const g = (v as { geometry?: unknown }).geometry
    return isGeometry(g) ? g : undefined
  }
  return undefined
}

/** The rank of a value's type in a sort, as SQLite orders them: null, numbers, text, then the rest. */
function rank(v: Value): number {
  if (v === null || v === undefined) return 0
  if (typeof v === 'boolean') return 1
  if (typeof v === 'number') return 1
  if (v instanceof DateVal || v instanceof Duration) return 1
  if (typeof v === 'string') return 2
  return 3
}

function scalar(v: Value): number | string {
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'number' || typeof v === 'string') return v
  if (v instanceof DateVal || v instanceof Duration) return v.ms
  return JSON.stringify(v)
}

/** Total order used by `$orderby`: nulls first, then numbers (and times), then strings, then the rest. */
export function compareForSort(a: Value, b: Value): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  if (ra === 0) return 0
  const x = scalar(a)
  const y = scalar(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Whether two non-null values can be compared, and how: -1, 0, 1; undefined for a type mismatch. */
export function compareValues(a: Value, b: Value): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1
  if (a instanceof DateVal && b instanceof DateVal) return Math.sign(a.ms - b.ms)
  if (a instanceof Duration && b instanceof Duration) return Math.sign(a.ms - b.ms)
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && !(a instanceof DateVal) && !(b instanceof DateVal)) {
    return JSON.stringify(a) === JSON.stringify(b) ? 0 : undefined
  }
  return undefined
}

/** A JSON property value as a filter value (JSON numbers, strings, booleans, objects stay what they are). */
export function fromJson(v: unknown): Value {
  return v === undefined ? null : (v as Value)
}
