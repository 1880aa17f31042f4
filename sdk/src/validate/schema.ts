import { readFile } from 'node:fs/promises'
import { ThaneError } from '../errors.js'
import { KNOWN_TYPES, compileField } from './fields.js'
import { compileRules } from './rules/index.js'
import type { TableSchema } from './types.js'

/** The schema itself is wrong: not JSON, not a Table Schema, a bad pattern. */
export class SchemaError extends ThaneError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('E_SCHEMA', message, options)
  }
}

const asList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
export { asList }

/**
 * Checks that `value` is a usable Table Schema and returns it typed; throws a `SchemaError` naming
 * the first problem (`where` says which schema, for the message).
 */
export function checkTableSchema(value: unknown, where: string): TableSchema {
  const fail = (what: string): never => {
    throw new SchemaError(`${where} is not a valid Table Schema: ${what}`)
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail('it must be a JSON object with "fields"')
  const schema = value as TableSchema
  if (!Array.isArray(schema.fields) || schema.fields.length === 0) fail('"fields" must be a non-empty list')
  const names = new Set<string>()
  schema.fields.forEach((field, i) => {
    if (!field || typeof field !== 'object' || typeof field.name !== 'string' || field.name === '') fail(`field ${i + 1} has no "name"`)
    if (names.has(field.name)) fail(`field "${field.name}" is declared twice`)
    names.add(field.name)
    if (field.type !== undefined && !KNOWN_TYPES.has(field.type)) fail(`field "${field.name}" has an unknown type "${field.type}"`)
    try {
      compileField(field)
    } catch (err) {
      fail(`field "${field.name}": ${(err as Error).message}`)
    }
  })
  if (schema.missingValues !== undefined && !(Array.isArray(schema.missingValues) && schema.missingValues.every((v) => typeof v === 'string'))) {
    fail('"missingValues" must be a list of strings')
  }
  for (const key of asList(schema.primaryKey)) if (!names.has(key)) fail(`primaryKey names "${key}", which is not a field`)
  if (schema.foreignKeys !== undefined && !Array.isArray(schema.foreignKeys)) fail('"foreignKeys" must be a list')
  for (const fk of schema.foreignKeys ?? []) {
    const fields = asList(fk?.fields)
    if (fields.length === 0 || !fk.reference) fail('a foreign key needs "fields" and "reference"')
    for (const f of fields) if (!names.has(f)) fail(`a foreign key names "${f}", which is not a field`)
    if (asList(fk.reference.fields).length !== fields.length) fail('a foreign key and its reference must name as many fields')
  }
  // A bad rule declaration is a schema error up front, not a surprise mid-scan.
  try {
    compileRules(schema, { schema, profile: 'default', report: () => undefined })
  } catch (err) {
    if (err instanceof SchemaError) fail(err.message)
    throw err
  }
  return schema
}

/** Reads and checks a Table Schema JSON file. */
export async function loadTableSchema(path: string): Promise<TableSchema> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new SchemaError(code === 'ENOENT' ? `schema file ${path} does not exist` : `schema file ${path} cannot be read (${code})`, { cause: err })
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new SchemaError(`schema file ${path} is not valid JSON (${(err as Error).message})`, { cause: err })
  }
  return checkTableSchema(value, `schema file ${path}`)
}
