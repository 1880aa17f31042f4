import { Ajv2020, _, type KeywordCxt } from 'ajv/dist/2020.js'
import { or } from 'ajv/dist/compile/codegen/index.js'
import { compileField, dateChecker, datetimeChecker, isoDateTime, type FieldCheck } from './fields.js'
import type { TableSchemaField } from './types.js'

/**
 * The row checks of a Table Schema compiled into one JSON Schema for a row of strings (an array,
 * `prefixItems` by column), compiled once by ajv 8 into generated code. Every check of a cell's
 * text (patterns, lengths, enums, formats, required) runs in the validator ajv generates. One
 * exception, for speed: on large plain files the byte reader (byte-rows.ts) casts number, integer,
 * year and date-time cells whose only checks are type, range and required straight from the
 * file's bytes, with the same cast functions (`castCalls`) and the same bounds (`castBounds`), and
 * the row's other cells go through a validator compiled here without those fields (`omit`); a
 * row whose text cells all passed that validator before, in other rows, is not run through it
 * again (the verdict of a cell's check depends on its text alone).
 * - integer, year, plain-decimal number and ISO date-time cells: one code keyword (`tkCast`) whose
 *   generated code calls a parse-and-range function directly (type, minimum and maximum in one
 *   parse), which also leaves the value in a slot for the key hash and table rules. Before, the
 *   type was an ajv format and the range a second keyword, both through a shared closure that
 *   called each field's parser through a variable; the direct call cut the casts' self time on the
 *   1M-row air-quality file from about 0.8 s (28% of a one-thread run) to about 0.5 s (20%)
 *   (--cpu-prof, same minute, a loaded 2-core machine).
 * - other types and formats: custom ajv formats calling the exact checks of fields.ts (not
 *   ajv-formats' slow date-time); their ranges and non-string enums: custom keywords;
 * - pattern, minLength, maxLength, string enums, required and missing values: ajv's own keywords.
 *
 * The validator only says yes or no: a row it accepts is valid, a row it rejects goes to the
 * detailed explainer (fields.ts `compileField`), which names codes, messages and hints. The two
 * must agree cell for cell; a property test holds them to it.
 */

type JsonSchema = Record<string, unknown>

/**
 * The type test and numeric value of one field's cells, sharing one parse: the validator's format
 * test parses a cell, and the range check, the key hash and the rule value of the same cell reuse it
 * (the last cell is remembered). Undefined for types without a fast exact check.
 */
export interface FastCast {
  test(s: string): boolean
  value(s: string): number
}

const POW10 = Float64Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * A decimal's value: short plain decimals (at most 15 digits, no exponent) by exact integer
 * arithmetic — m / 10^k of two exact doubles is correctly rounded, so the result equals Number(s) —
 * anything else through Number. NaN when the text is not a number of fields.ts's NUMBER grammar.
 */
export function decimalValue(s: string, allowFraction: boolean): number {
  const n = s.length
  let i = 0
  let c = n > 0 ? s.charCodeAt(0) : 0
  const neg = c === 45
  if (neg || c === 43) c = ++i < n ? s.charCodeAt(i) : 0
  // Integer part, then the fraction, each a tight loop (the index never reads past the end).
  let m = 0
  const start = i
  while (c >= 48 && c <= 57) {
    m = m * 10 + (c - 48)
    c = ++i < n ? s.charCodeAt(i) : 0
  }
  let digits = i - start
  let frac = 0
  if (c === 46 && allowFraction) {
    const at = ++i
    c = i < n ? s.charCodeAt(i) : 0
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48)
      c = ++i < n ? s.charCodeAt(i) : 0
    }
    frac = i - at
    digits += frac
  }
  if (i === n && digits > 0 && digits <= 15) {
    const v = frac ? m / (POW10[frac] as number) : m
    return neg ? -v : v
  }
  return longDecimalValue(s, allowFraction)
}

/** The rest of `decimalValue` (exponents, long digit runs, non-numbers), kept out of the short path that nearly every cell takes. */
function longDecimalValue(s: string, allowFraction: boolean): number {
  if (!(allowFraction ? isNumberText(s) : isIntegerText(s))) return Number.NaN
  return Number(s)
}

export function fastCast(field: TableSchemaField): FastCast | undefined {
  const type = field.type ?? 'string'
  let parse: (s: string) => number
  let special = (_s: string) => false
  switch (type) {
    case 'integer':
      parse = (s) => decimalValue(s, false)
      break
    case 'year':
      parse = (s) => (s.length === 4 ? decimalValue(s, false) : Number.NaN)
      break
    case 'number':
      if ((field.decimalChar ?? '.') !== '.' || field.groupChar) return undefined
      parse = (s) => (s === 'INF' ? Infinity : s === '-INF' ? -Infinity : decimalValue(s, true))
      special = (s) => s === 'NaN'
      break
    case 'datetime':
      parse = datetimeChecker(field.format)
      break
    case 'date':
      parse = dateChecker(field.format)
      break
    default:
      return undefined
  }
  let lastText: string | undefined
  let lastValue = Number.NaN
  const value = (s: string): number => {
    if (s !== lastText) {
      lastText = s
      lastValue = parse(s)
    }
    return lastValue
  }
  return { value, test: (s) => !Number.isNaN(value(s)) || special(s) }
}

/** The numeric value a valid cell of this field has (for ranges, keys and rules), or undefined when the type has none. */
export function numberOf(field: TableSchemaField, typeOnly: FieldCheck, cast = fastCast(field)): ((s: string) => number) | undefined {
  if (cast) return cast.value
  const type = field.type ?? 'string'
  if (!['number', 'boolean', 'time', 'yearmonth'].includes(type)) return undefined
  return (s) => {
    const r = typeOnly.check(s)
    return r.ok && r.num !== undefined ? r.num : Number.NaN
  }
}

/** fields.ts's INTEGER, /^[+-]?\d+$/, without a regular expression (the agreement test holds them together). */
export function isIntegerText(s: string): boolean {
  const n = s.length
  let i = 0
  const c0 = s.charCodeAt(0)
  if (c0 === 43 || c0 === 45) i = 1
  if (i >= n) return false
  for (; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return true
}

/** fields.ts's NUMBER, /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/, without a regular expression. */
export function isNumberText(s: string): boolean {
  const n = s.length
  let i = 0
  let c = s.charCodeAt(0)
  if (c === 43 || c === 45) c = s.charCodeAt(++i)
  let digits = 0
  while (c >= 48 && c <= 57) {
    digits++
    c = s.charCodeAt(++i)
  }
  if (c === 46) {
    c = s.charCodeAt(++i)
    while (c >= 48 && c <= 57) {
      digits++
      c = s.charCodeAt(++i)
    }
  }
  if (digits === 0) return false
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++i)
    if (c === 43 || c === 45) c = s.charCodeAt(++i)
    let exp = 0
    while (c >= 48 && c <= 57) {
      exp++
      c = s.charCodeAt(++i)
    }
    if (exp === 0) return false
  }
  return i === n
}

/**
 * Fields whose type check, range and value the generated validator gets from one direct call
 * (keyword `tkCast`): integer, year, plain-decimal number, and ISO date-times. The call parses the
 * cell by character codes, writes the value to `slots[field]` and checks the range, so the fast path
 * reads keys and rule values from `slots` instead of parsing again. 0 for other fields.
 */
export function valueSlotKind(field: TableSchemaField): number {
  switch (field.type ?? 'string') {
    case 'integer':
      return CAST_INTEGER
    case 'year':
      return CAST_YEAR
    case 'number':
      return (field.decimalChar ?? '.') === '.' && !field.groupChar ? CAST_NUMBER : 0
    case 'datetime':
      switch (field.format ?? 'default') {
        case 'default':
          return CAST_DATETIME
        case '%Y-%m-%dT%H:%M:%S%z':
        case '%Y-%m-%dT%H:%M:%S.%f%z':
          return CAST_DATETIME_ZONED
        case '%Y-%m-%dT%H:%M:%S':
          return CAST_DATETIME_LOCAL
        default:
          return 0
      }
    default:
      return 0
  }
}
export const CAST_INTEGER = 1
export const CAST_YEAR = 2
export const CAST_NUMBER = 3
export const CAST_DATETIME = 4
export const CAST_DATETIME_ZONED = 5
export const CAST_DATETIME_LOCAL = 6

/** A cast: parses cell `s` of field `i`, writes its value to the field's slot, and says whether it is of the type and within [min, max]. */
export type CastCall = (s: string, i: number, min: number, max: number) => boolean

/**
 * One function a cast kind (indexed by `valueSlotKind`), closed over the value slots. Each
 * generated call site always calls the same one, with constant arguments, so the call is
 * monomorphic and V8 can inline it (before, a shared function called each field's parser through a
 * variable: a polymorphic call every cell). The byte reader (byte-rows.ts) calls them too, for
 * cells outside its short forms.
 */
export function castCalls(slots: Float64Array): CastCall[] {
  const inRange = (v: number, min: number, max: number) => !(v < min) && !(v > max)
  // A date-time cell equal to the field's previous one keeps its value: time series list every
  // station at one timestamp, so most cells repeat the row above. The value is kept here, not read
  // back from the slot, which another reader of the same row pass may have written since.
  const lastText: string[] = []
  const lastValue: number[] = []
  const dateTime = (s: string, i: number, min: number, max: number, zone: 'optional' | 'required' | 'none'): boolean => {
    let v: number
    if (s === lastText[i]) v = lastValue[i] as number
    else {
      v = isoDateTime(s, zone)
      lastValue[i] = v
      lastText[i] = s
    }
    slots[i] = v
    return v === v && inRange(v, min, max)
  }
  return [
    () => true,
    (s, i, min, max) => {
      const v = decimalValue(s, false)
      slots[i] = v
      return v === v && inRange(v, min, max)
    },
    (s, i, min, max) => {
      const v = s.length === 4 ? decimalValue(s, false) : Number.NaN
      slots[i] = v
      return v === v && inRange(v, min, max)
    },
    (s, i, min, max) => {
      let v = decimalValue(s, true)
      if (v !== v) {
        if (s === 'INF') v = Infinity
        else if (s === '-INF') v = -Infinity
        else {
          slots[i] = v
          return s === 'NaN'
        }
      }
      slots[i] = v
      return inRange(v, min, max)
    },
    (s, i, min, max) => dateTime(s, i, min, max, 'optional'),
    (s, i, min, max) => dateTime(s, i, min, max, 'required'),
    (s, i, min, max) => dateTime(s, i, min, max, 'none'),
  ]
}

/** A field's minimum and maximum as numbers of its type (NaN when absent). */
export function castBounds(field: TableSchemaField, typeOnly: FieldCheck = typeOnlyCheck(field)): [number, number] {
  const c = field.constraints ?? {}
  const bound = (v: number | string): number => {
    if (typeof v === 'number') return v
    const r = typeOnly.check(v)
    return r.ok && r.num !== undefined ? r.num : Number(v)
  }
  return [c.minimum !== undefined ? bound(c.minimum) : Number.NaN, c.maximum !== undefined ? bound(c.maximum) : Number.NaN]
}

/** The type (and format) check of one field as a yes/no function, or undefined when every text passes. */
function typeTest(field: TableSchemaField, typeOnly: FieldCheck, cast: FastCast | undefined): ((s: string) => boolean) | undefined {
  if (cast) return cast.test
  const type = field.type ?? 'string'
  if (type === 'any' || type === 'duration') return undefined
  if (type === 'string' && (!field.format || field.format === 'default')) return undefined
  return (s) => typeOnly.check(s).ok
}

/** A field without its constraints: only its type and format. */
export function typeOnlyCheck(field: TableSchemaField): FieldCheck {
  const { constraints: _ignored, ...rest } = field
  return compileField(rest)
}

/**
 * Compiles the row validator for a table whose schema field `i` is read from file column
 * `columns[i]` (-1 when the header lacks it) in rows of `width` cells; `requiredOf[i]` says
 * whether field `i` may not be missing (required, or part of the primary key). Fields marked in
 * `omit` get no checks: the byte reader (byte-rows.ts) casts and range-checks them itself.
 */
export function compileRowValidator(
  fields: TableSchemaField[],
  columns: number[],
  width: number,
  schemaMissing: string[],
  requiredOf: boolean[],
  casts: Array<FastCast | undefined> = fields.map(fastCast),
  slots: Float64Array = new Float64Array(fields.length),
  omit: boolean[] = [],
): (row: string[]) => boolean {
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true, code: { optimize: true }, meta: false, validateSchema: false })
  const ranges: Array<(s: string) => boolean> = []
  const enums: Array<(s: string) => boolean> = []
  // Code keywords: the generated validator calls the check inline (a "validate" keyword would
  // build a data-context object for every cell, which costs more than the check).
  const callKeyword = (keyword: string, fns: Array<(s: string) => boolean>) =>
    ajv.addKeyword({
      keyword,
      type: 'string',
      schemaType: 'number',
      code(cxt: KeywordCxt) {
        const fn = cxt.gen.scopeValue('func', { ref: fns[cxt.schema as number] as (s: string) => boolean })
        cxt.fail(_`!${fn}(${cxt.data})`)
      },
    })
  const calls = castCalls(slots)
  ajv.addKeyword({
    keyword: 'tkCast',
    type: 'string',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const [kind, i, min, max] = cxt.schema as [number, number, number, number]
      const fn = cxt.gen.scopeValue('func', { ref: calls[kind] as (s: string, i: number, min: number, max: number) => boolean })
      cxt.fail(_`!${fn}(${cxt.data}, ${i}, ${min}, ${max})`)
    },
  })
  callKeyword('tkRange', ranges)
  callKeyword('tkEnum', enums)
  // One cell: a missing value passes (or fails when required), anything else goes through `checks`.
  // (ajv's own if/not/anyOf would record an error object for every non-missing cell.)
  ajv.addKeyword({
    keyword: 'tkCell',
    type: 'string',
    schemaType: 'object',
    code(cxt: KeywordCxt) {
      const { gen, data } = cxt
      const cell = cxt.schema as { missing: string[]; required: boolean; checks: JsonSchema }
      const isMissing = cell.missing.length ? or(...cell.missing.map((v) => _`${data} === ${v}`)) : _`false`
      const valid = gen.let('valid', true)
      gen.if(
        isMissing,
        () => {
          if (cell.required) gen.assign(valid, false)
        },
        () => {
          if (!Object.keys(cell.checks).length) return
          const checked = gen.name('checked')
          cxt.subschema({ keyword: 'tkCell', schemaProp: 'checks' }, checked)
          gen.assign(valid, checked)
        },
      )
      cxt.pass(valid)
    },
  })

  const items: JsonSchema[] = Array.from({ length: width }, () => ({}))
  fields.forEach((field, i) => {
    const col = columns[i] as number
    if (col < 0 || col >= width || omit[i]) return
    const typeOnly = typeOnlyCheck(field)
    const c = field.constraints ?? {}
    const checks: JsonSchema = {}
    const cast = casts[i]
    const [min, max] = castBounds(field, typeOnly)
    const kind = cast ? valueSlotKind(field) : 0
    const test = kind ? undefined : typeTest(field, typeOnly, cast)
    if (kind) checks.tkCast = [kind, i, min, max]
    if (test) {
      ajv.addFormat(`tk${i}`, test)
      checks.format = `tk${i}`
    }
    const num = numberOf(field, typeOnly, cast)
    if (!kind && num && (c.minimum !== undefined || c.maximum !== undefined)) {
      ranges[i] = (s) => {
        const n = num(s)
        return !(n < min) && !(n > max)
      }
      checks.tkRange = i
    }
    if (c.minLength !== undefined) checks.minLength = c.minLength
    if (c.maxLength !== undefined) checks.maxLength = c.maxLength
    if (c.pattern !== undefined) checks.pattern = `^(?:${c.pattern})$`
    if (c.enum !== undefined) {
      if ((field.type ?? 'string') === 'string') checks.enum = c.enum.map(String)
      else {
        const allowed = new Set<string>()
        for (const v of c.enum) {
          const r = typeOnly.check(String(v))
          allowed.add(r.ok ? r.key : String(v))
        }
        enums[i] = (s) => {
          const r = typeOnly.check(s)
          return r.ok && allowed.has(r.key)
        }
        checks.tkEnum = i
      }
    }
    const missing = field.missingValues ?? schemaMissing
    const required = requiredOf[i] === true && missing.length > 0
    if (required || Object.keys(checks).length > 0) items[col] = { tkCell: { missing, required, checks } }
  })
  const rowSchema: JsonSchema = { type: 'array', minItems: width, maxItems: width, prefixItems: items }
  const validate = ajv.compile(rowSchema) as unknown as (row: string[], context: object) => boolean
  // The generated function defaults a missing context argument to fresh objects on every call;
  // one shared context (no $dynamicRef here, so nothing writes to it) saves two allocations a row.
  const context = { instancePath: '', dynamicAnchors: {} }
  return (row) => validate(row, context)
}
