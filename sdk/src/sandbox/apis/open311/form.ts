import { createHash } from 'node:crypto'
import { Open311Error } from './errors.js'

/**
 * The fields of a POST Service Request, whichever way they came: `application/x-www-form-urlencoded`
 * as the standard says, or `application/json` with the same field names. Empty values are left
 * out, so an optional field sent empty is exactly as if absent.
 */
export interface PostInput {
  /** Plain fields (`service_code`, `lat`, `description`, ...). */
  fields: Map<string, string>
  /** `attribute[CODE]` values; `list` when sent as `attribute[CODE][]` or a JSON array. */
  attributes: Map<string, { values: string[]; list: boolean }>
  /** Plain fields sent more than once, with how often. */
  repeated: Map<string, number>
  /** Fields whose JSON value was not a string or number. */
  badTypes: string[]
}

/** A form-encoded body, parsed by the API's content-type parser. */
export class FormBody {
  constructor(readonly entries: [string, string][]) {}
}

const ATTRIBUTE = /^attribute\[([^\][]+)\](\[\])?$/

/** Parses `application/x-www-form-urlencoded` (`+` is a space, `%XX` bytes are UTF-8). */
export function parseForm(body: string): FormBody {
  return new FormBody([...new URLSearchParams(body)])
}

/**
 * Normalises a POST body (a `FormBody`, a JSON object, or nothing) into a `PostInput`.
 *
 * @throws Open311Error 400 when a JSON body is not an object.
 */
export function readPostInput(body: unknown): PostInput {
  if (body === undefined || body === null || body === '') return collect([], [])
  if (body instanceof FormBody) return collect(body.entries, [])
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new Open311Error(400, 'a JSON body must be an object of fields, like {"service_code":"POTHOLE","lat":19.2,"long":72.97}')
  }
  const entries: [string, string][] = []
  const badTypes: string[] = []
  const scalar = (name: string, v: unknown): string | undefined => {
    if (typeof v === 'string') return v
    if (typeof v === 'number' && Number.isFinite(v)) return String(v)
    if (v !== null && v !== undefined) badTypes.push(name)
    return undefined
  }
  const attribute = (code: string, v: unknown, name: string) => {
    if (Array.isArray(v)) {
      for (const item of v) {
        const text = scalar(name, item)
        if (text !== undefined) entries.push([`attribute[${code}][]`, text])
      }
      if (v.length === 0) entries.push([`attribute[${code}][]`, ''])
    } else {
      const text = scalar(name, v)
      if (text !== undefined) entries.push([`attribute[${code}]`, text])
    }
  }
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === 'attribute' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [code, v] of Object.entries(value as Record<string, unknown>)) attribute(code, v, `attribute[${code}]`)
      continue
    }
    const m = ATTRIBUTE.exec(key)
    if (m) {
      attribute(m[1] as string, m[2] && !Array.isArray(value) ? [value] : value, key)
      continue
    }
    const text = scalar(key, value)
    if (text !== undefined) entries.push([key, text])
  }
  return collect(entries, badTypes)
}

function collect(entries: [string, string][], badTypes: string[]): PostInput {
  const input: PostInput = { fields: new Map(), attributes: new Map(), repeated: new Map(), badTypes }
  const seen = new Map<string, number>()
  for (const [key, value] of entries) {
    const m = ATTRIBUTE.exec(key)
    if (m) {
      const code = m[1] as string
      let attribute = input.attributes.get(code)
      if (!attribute) input.attributes.set(code, (attribute = { values: [], list: false }))
      if (m[2]) attribute.list = true
      if (value !== '') attribute.values.push(value)
      continue
    }
    if (value === '') continue
    const n = (seen.get(key) ?? 0) + 1
    seen.set(key, n)
    if (n > 1) input.repeated.set(key, n)
    input.fields.set(key, value)
  }
  for (const [code, attribute] of input.attributes) if (attribute.values.length === 0) input.attributes.delete(code)
  return input
}

/**
 * A canonical hash of what a POST asks for, for the Idempotency-Key extension: the fields (but
 * not `api_key` or `jurisdiction_id`, which say who asks and where, not what) and the attribute
 * values, sorted, so that the same request sent as a form or as JSON, in any order, hashes alike.
 */
export function canonicalHash(input: PostInput): string {
  const fields = [...input.fields].filter(([k]) => k !== 'api_key' && k !== 'jurisdiction_id').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const attributes = [...input.attributes].map(([code, a]) => [code, a.values] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return createHash('sha256').update(JSON.stringify([fields, attributes])).digest('hex')
}
