import { SchemaError } from '../schema.js'
import type { TableSchema, TableSchemaField } from '../types.js'
import { AREAS, insideAreaRule } from './inside-area.js'
import { RuleOptions, durationMinutes } from './options.js'
import { isContactField, personalDataRule } from './personal-data.js'
import { QUANTITIES, rangeCellRule, rangeTableRule, type Quantity } from './physical-range.js'
import { timeSeriesRule, type SeriesSettings } from './time-series.js'
import type { CellRule, RuleContext, RuleDeclaration, RuleValue, TableRule } from './types.js'
import type { LatLon } from './area.js'

export type * from './types.js'
export { THANE_BOUNDARY, insidePolygon, polygonTest, type LatLon } from './area.js'
export { verhoeffValid, verhoeffDigit } from './verhoeff.js'
export { findPersonalData, isContactField, looksLikeName, type PersonalDataHit, type PersonalDataKind } from './personal-data.js'
export { QUANTITIES, type Quantity } from './physical-range.js'
export { isSpike, formatDuration } from './time-series.js'

/** The rules a schema declares under `"thane:rules"`, compiled for one table scan. */
export interface CompiledRules {
  cellRules: CellRule[]
  tableRules: TableRule[]
}

/** The rule names a schema may declare. */
export const RULE_NAMES = ['inside-area', 'time-series', 'physical-range', 'personal-data'] as const

const NUMERIC = ['integer', 'number'] as const
const TIMES = ['datetime', 'date', 'time'] as const
/** Types whose typed value is a number (see `RuleValue`). */
const NUMBER_TYPES = new Set(['integer', 'number', 'year', 'boolean', 'date', 'datetime', 'time'])

/**
 * The typed value a table rule receives for a cell that passed its own check: the number its check
 * computed for integer, number, year, boolean, date, datetime and time fields, the text otherwise.
 * Both table engines (CSV and JSON records) call this, so rules see the same values from each.
 */
export function toRuleValue(field: TableSchemaField, cell: string, num: number | undefined): RuleValue {
  return NUMBER_TYPES.has(field.type ?? 'string') ? num : cell
}

/** The rule declarations of a schema, checked to be a list of `{ "rule": <name>, ... }`. */
function declarations(schema: TableSchema): RuleDeclaration[] {
  const list: unknown = schema['thane:rules']
  if (list === undefined) return []
  if (!Array.isArray(list)) throw new SchemaError('"thane:rules" must be a list of rule declarations such as {"rule": "inside-area", ...}')
  return list.map((d: unknown, i) => {
    if (!d || typeof d !== 'object' || Array.isArray(d) || typeof (d as { rule?: unknown }).rule !== 'string') {
      throw new SchemaError(`rule ${i + 1} of "thane:rules" must be an object with a "rule" name (one of ${RULE_NAMES.join(', ')})`)
    }
    return d as RuleDeclaration
  })
}

/**
 * Compiles the rule declarations of `schema` (`"thane:rules"`). Throws a `SchemaError` for an
 * unknown rule or bad options. Under the `publish` profile, `personal-data` also runs on every
 * string and integer field, declared or not.
 *
 * Rules:
 * - `inside-area`: `{ "latitude": f, "longitude": f }` or `{ "geopoint": f }`, `"area": "thane"`
 *   (the default) or `"polygon": [[lat, lon], …]` → `outside-area`.
 * - `time-series`: `"time"` (datetime, date or time), optional `"series"`, `"values"`, `"interval"`
 *   (minutes or an ISO 8601 duration such as "PT15M"), `"tolerance"` (default 0.5), `"stuck"`
 *   (readings; 0 = off), `"stuckIgnore"` (values that may repeat), `"spike"` (threshold; 0 = off;
 *   10 recommended), `"cumulative"` (value fields that are meters), `"perSeries"` (by series value:
 *   `interval`, `stuck`, `spike`, `cumulative`) → `duplicate-timestamp`, `out-of-order`,
 *   `series-gap`, `stuck-value`, `spike`, `meter-decrease`.
 * - `physical-range`: `"fields": { column: quantity }` (wide), or `"value"`, `"series"` and
 *   `"ranges": { seriesValue: quantity }` (long); a quantity is a name from `QUANTITIES` or
 *   `{ "quantity"?, "minimum"?, "maximum"?, "unit"?, "label"? }` → `out-of-range`.
 * - `personal-data`: optional `"fields"` (default every string field) and `"contactFields"`
 *   (besides fields named like contact_name, first_name, last_name) → `personal-data`, an error
 *   under the publish profile.
 */
export function compileRules(schema: TableSchema, ctx: RuleContext): CompiledRules {
  const cellRules: CellRule[] = []
  const tableRules: TableRule[] = []
  const scanned = new Set<string>()
  const contact = new Set<string>()
  let personal = false
  declarations(schema).forEach((declaration, i) => {
    const o = new RuleOptions(declaration, schema, `rule ${i + 1} of "thane:rules" (${declaration.rule})`)
    switch (declaration.rule) {
      case 'inside-area':
        tableRules.push(insideArea(o, ctx))
        break
      case 'time-series':
        tableRules.push(timeSeries(o, ctx))
        break
      case 'physical-range': {
        const rule = physicalRange(o, ctx)
        if ('check' in rule) cellRules.push(rule)
        else tableRules.push(rule)
        break
      }
      case 'personal-data': {
        personal = true
        for (const f of o.fields('fields', ['string', 'integer', 'number', 'any'], true) ?? stringFields(schema)) scanned.add(f)
        for (const f of o.fields('contactFields', ['string', 'any'], true) ?? []) {
          contact.add(f)
          scanned.add(f)
        }
        break
      }
      default:
        o.fail(`unknown rule "${declaration.rule}"; the rules are ${RULE_NAMES.join(', ')}`)
    }
    o.done()
  })
  if (ctx.profile === 'publish') {
    personal = true
    for (const f of schema.fields) if (['string', 'integer', 'any'].includes(f.type ?? 'string')) scanned.add(f.name)
  }
  if (personal) {
    for (const f of scanned) if (isContactField(f)) contact.add(f)
    const fields = schema.fields.map((f) => f.name).filter((n) => scanned.has(n))
    if (fields.length) cellRules.push(personalDataRule({ fields, contactFields: contact, severity: ctx.profile === 'publish' ? 'error' : 'warning' }))
  }
  return { cellRules, tableRules }
}

const stringFields = (schema: TableSchema): string[] => schema.fields.filter((f) => (f.type ?? 'string') === 'string').map((f) => f.name)

function insideArea(o: RuleOptions, ctx: RuleContext): TableRule {
  const geopoint = o.field('geopoint', ['geopoint'], true)
  const lat = o.field('latitude', NUMERIC, true)
  const lon = o.field('longitude', NUMERIC, true)
  if (geopoint === undefined && (lat === undefined || lon === undefined)) o.fail('name the coordinates: "latitude" and "longitude", or "geopoint"')
  if (geopoint !== undefined && (lat !== undefined || lon !== undefined)) o.fail('give "latitude" and "longitude", or "geopoint", not both')
  const areaName = o.raw('area')
  const polygon = o.raw('polygon')
  let area: { name: string; polygon: readonly LatLon[] }
  if (polygon !== undefined) {
    if (areaName !== undefined) o.fail('give "area" or "polygon", not both')
    const ok = Array.isArray(polygon) && polygon.length >= 3 && polygon.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'number' && Number.isFinite(x)))
    if (!ok) o.fail('"polygon" must be a list of at least three [lat, lon] pairs')
    area = { name: 'the declared area', polygon: polygon as LatLon[] }
  } else {
    const name = areaName ?? 'thane'
    const known = typeof name === 'string' ? AREAS[name] : undefined
    if (!known) o.fail(`"area" must be one of ${Object.keys(AREAS).join(', ')} (or give "polygon")`)
    area = known
  }
  const fields = geopoint !== undefined ? [geopoint] : [lat as string, lon as string]
  const format = geopoint !== undefined ? o.schema.fields.find((f) => f.name === geopoint)?.format : undefined
  return insideAreaRule({ fields, areaName: area.name, polygon: area.polygon, ...(format ? { geopointFormat: format } : {}) }, ctx)
}

function intervalOf(o: RuleOptions, value: unknown, what: string, minutesToUnits: number): number | undefined {
  if (value === undefined) return undefined
  const minutes = typeof value === 'number' ? value : typeof value === 'string' ? durationMinutes(value) : NaN
  if (!(minutes > 0) || !Number.isFinite(minutes)) o.fail(`${what} must be a number of minutes above 0 or an ISO 8601 duration such as "PT15M"`)
  return minutes * minutesToUnits
}

function timeSeries(o: RuleOptions, ctx: RuleContext): TableRule {
  const series = o.field('series', undefined, true)
  const time = o.field('time', TIMES)
  const values = o.fields('values', NUMERIC, true) ?? []
  const timeType = o.typeOf(time)
  // Interval minutes in the time field's unit, and that unit in seconds.
  const unitSeconds = timeType === 'date' ? 86_400 : 1
  const minutesToUnits = 60 / unitSeconds
  const tolerance = o.number('tolerance', 0.5, (n) => n >= 0, 'a number of at least 0 (a fraction of the interval)')
  const count = (n: number) => Number.isInteger(n) && n >= 0
  const stuck = o.number('stuck', 0, count, 'a whole number of readings (0 turns the check off)')
  const spike = o.number('spike', 0, (n) => n >= 0, 'a threshold of at least 0 (0 turns the check off; 10 is a good start)')
  const stuckIgnore = new Set(o.numbers('stuckIgnore') ?? [])
  const cumulativeFields = o.fields('cumulative', NUMERIC, true) ?? []
  for (const f of cumulativeFields) if (!values.includes(f)) o.fail(`"cumulative" names "${f}", which is not one of "values"`)
  const defaults: SeriesSettings = {
    interval: intervalOf(o, o.raw('interval'), '"interval"', minutesToUnits),
    stuck,
    spike,
    cumulative: values.map((v) => cumulativeFields.includes(v)),
  }
  const perSeries = new Map<string, SeriesSettings>()
  const per = o.object('perSeries')
  if (per !== undefined && series === undefined) o.fail('"perSeries" needs "series", the field that names each series')
  for (const [key, raw] of Object.entries(per ?? {})) {
    const where = `"perSeries"."${key}"`
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) o.fail(`${where} must be an object such as {"interval": 60}`)
    const p = raw as Record<string, unknown>
    for (const k of Object.keys(p)) if (!['interval', 'stuck', 'spike', 'cumulative'].includes(k)) o.fail(`${where} has an unknown option "${k}" (interval, stuck, spike, cumulative)`)
    if (p.stuck !== undefined && !(typeof p.stuck === 'number' && count(p.stuck))) o.fail(`${where}.stuck must be a whole number of readings`)
    if (p.spike !== undefined && !(typeof p.spike === 'number' && p.spike >= 0)) o.fail(`${where}.spike must be a threshold of at least 0`)
    let cumulative = defaults.cumulative
    if (p.cumulative === true || p.cumulative === false) cumulative = values.map(() => p.cumulative as boolean)
    else if (p.cumulative !== undefined) o.fail(`${where}.cumulative must be true or false`)
    perSeries.set(key, {
      interval: p.interval === undefined ? defaults.interval : intervalOf(o, p.interval, `${where}.interval`, minutesToUnits),
      stuck: (p.stuck as number | undefined) ?? stuck,
      spike: (p.spike as number | undefined) ?? spike,
      cumulative,
    })
  }
  return timeSeriesRule({ series, time, unitSeconds, values, tolerance, stuckIgnore, defaults, perSeries }, ctx)
}

function quantityOf(o: RuleOptions, spec: unknown, where: string): Quantity {
  if (typeof spec === 'string') {
    const q = QUANTITIES[spec]
    if (!q) o.fail(`${where} names an unknown quantity "${spec}" (known: ${Object.keys(QUANTITIES).join(', ')}; or give {"minimum": …, "maximum": …})`)
    return q
  }
  if (!spec || typeof spec !== 'object' || Array.isArray(spec)) o.fail(`${where} must be a quantity name or {"minimum": …, "maximum": …}`)
  const s = spec as Record<string, unknown>
  for (const k of Object.keys(s)) if (!['quantity', 'minimum', 'maximum', 'unit', 'label'].includes(k)) o.fail(`${where} has an unknown key "${k}" (quantity, minimum, maximum, unit, label)`)
  const base: Quantity = s.quantity === undefined ? { label: 'the reading', unit: '' } : quantityOf(o, s.quantity, `${where}.quantity`)
  const q: Quantity = { ...base }
  for (const k of ['minimum', 'maximum'] as const) {
    const v = s[k]
    if (v === undefined) continue
    if (typeof v !== 'number' || !Number.isFinite(v)) o.fail(`${where}.${k} must be a number`)
    q[k] = v
  }
  if (s.unit !== undefined) q.unit = String(s.unit)
  if (s.label !== undefined) q.label = String(s.label)
  if (q.minimum === undefined && q.maximum === undefined) o.fail(`${where} gives no "minimum" or "maximum"`)
  if (q.minimum !== undefined && q.maximum !== undefined && q.minimum > q.maximum) o.fail(`${where} has a minimum above its maximum`)
  return q
}

function physicalRange(o: RuleOptions, ctx: RuleContext): CellRule | TableRule {
  const wide = o.object('fields')
  if (wide !== undefined) {
    if (o.has('series') || o.has('value') || o.has('ranges')) o.fail('give "fields" (one quantity a column) or "value", "series" and "ranges" (a long table), not both')
    const byField = new Map<string, { quantity: Quantity; decimalChar: string; groupChar?: string }>()
    for (const [name, spec] of Object.entries(wide)) {
      const field = o.schema.fields.find((f) => f.name === name)
      if (!field) o.fail(`"fields" names "${name}", which is not a field of the schema`)
      if (field.type !== 'integer' && field.type !== 'number') o.fail(`"fields" names "${name}", a ${field.type ?? 'string'} field; it must be integer or number`)
      byField.set(name, { quantity: quantityOf(o, spec, `"fields"."${name}"`), decimalChar: field.decimalChar ?? '.', ...(field.groupChar ? { groupChar: field.groupChar } : {}) })
    }
    if (byField.size === 0) o.fail('"fields" must map at least one column to its quantity')
    return rangeCellRule(byField)
  }
  const value = o.field('value', NUMERIC, true)
  const series = o.field('series', undefined, true)
  const ranges = o.object('ranges')
  if (value === undefined || series === undefined || ranges === undefined) o.fail('give "fields": {column: quantity}, or "value", "series" and "ranges": {series value: quantity}')
  const bySeries = new Map<string, Quantity>()
  for (const [key, spec] of Object.entries(ranges)) bySeries.set(key, quantityOf(o, spec, `"ranges"."${key}"`))
  return rangeTableRule({ series, value, bySeries }, ctx)
}
