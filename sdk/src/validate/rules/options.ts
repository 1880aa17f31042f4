import { SchemaError } from '../schema.js'
import type { TableSchema, TableSchemaField } from '../types.js'
import type { RuleDeclaration } from './types.js'

/**
 * Reads one rule declaration's options, each getter checking its option and throwing a one-line
 * `SchemaError` that names the rule and the option. `done()` rejects options nobody read, so a typo
 * (`"intreval"`) is an error rather than a silently ignored setting.
 */
export class RuleOptions {
  private readonly read = new Set<string>(['rule'])
  private readonly byName: Map<string, TableSchemaField>

  constructor(
    readonly declaration: RuleDeclaration,
    readonly schema: TableSchema,
    private readonly where: string,
  ) {
    this.byName = new Map(schema.fields.map((f) => [f.name, f]))
  }

  fail(what: string): never {
    throw new SchemaError(`${this.where}: ${what}`)
  }

  has(key: string): boolean {
    return this.declaration[key] !== undefined
  }

  raw(key: string): unknown {
    this.read.add(key)
    return this.declaration[key]
  }

  /** A field name that exists in the schema, of one of `types` when given. */
  field(key: string, types?: readonly string[]): string
  field(key: string, types: readonly string[] | undefined, optional: true): string | undefined
  field(key: string, types?: readonly string[], optional?: boolean): string | undefined {
    const v = this.raw(key)
    if (v === undefined) {
      if (optional) return undefined
      this.fail(`"${key}" is required: name a field`)
    }
    if (typeof v !== 'string') this.fail(`"${key}" must be a field name`)
    this.checkField(key, v, types)
    return v
  }

  /** A non-empty list of field names (a single name is taken as a list of one). */
  fields(key: string, types?: readonly string[], optional?: boolean): string[] | undefined {
    const v = this.raw(key)
    if (v === undefined) {
      if (optional) return undefined
      this.fail(`"${key}" is required: list the fields`)
    }
    const list = typeof v === 'string' ? [v] : v
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string')) this.fail(`"${key}" must be a field name or a non-empty list of field names`)
    for (const name of list as string[]) this.checkField(key, name, types)
    return list as string[]
  }

  typeOf(name: string): string {
    return this.byName.get(name)?.type ?? 'string'
  }

  private checkField(key: string, name: string, types?: readonly string[]): void {
    const f = this.byName.get(name)
    if (!f) this.fail(`"${key}" names "${name}", which is not a field of the schema`)
    const type = f.type ?? 'string'
    if (types && !types.includes(type)) this.fail(`"${key}" names "${name}", a ${type} field; it must be ${types.join(' or ')}`)
  }

  number(key: string, fallback: number, check: (n: number) => boolean = () => true, expected = 'a number'): number {
    const v = this.raw(key)
    if (v === undefined) return fallback
    if (typeof v !== 'number' || !Number.isFinite(v) || !check(v)) this.fail(`"${key}" must be ${expected}`)
    return v
  }

  /** An object (a JSON map); undefined when absent. */
  object(key: string): Record<string, unknown> | undefined {
    const v = this.raw(key)
    if (v === undefined) return undefined
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(`"${key}" must be an object`)
    return v as Record<string, unknown>
  }

  /** A list of numbers; undefined when absent. */
  numbers(key: string): number[] | undefined {
    const v = this.raw(key)
    if (v === undefined) return undefined
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) this.fail(`"${key}" must be a list of numbers`)
    return v as number[]
  }

  done(): void {
    for (const key of Object.keys(this.declaration)) {
      if (!this.read.has(key)) this.fail(`unknown option "${key}" (the rule reads ${[...this.read].filter((k) => k !== 'rule').map((k) => `"${k}"`).join(', ') || 'no options'})`)
    }
  }
}

/** Minutes in an ISO 8601 duration of days, hours, minutes and seconds (`PT15M`, `PT1H`, `P1D`), or NaN. */
export function durationMinutes(text: string): number {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text)
  if (!m || text === 'P' || text.endsWith('T')) return NaN
  const [, d, h, mi, s] = m
  return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(mi ?? 0) + Number(s ?? 0) / 60
}
