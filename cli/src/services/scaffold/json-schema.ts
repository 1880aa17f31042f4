import type { ErrorObject, ValidateFunction } from 'ajv'

/**
 * A validator for one JSON Schema (draft-07), collecting every problem rather than the first.
 * ajv is loaded only here: importing and compiling costs about 100 ms, which a plain `thane new`
 * does not pay.
 */
export async function compileSchema<T>(schema: object): Promise<ValidateFunction<T>> {
  const { Ajv } = await import('ajv')
  const ajv = new Ajv({ allErrors: true, strict: true })
  return ajv.compile<T>(schema)
}

/**
 * ajv's errors as one line a person can act on: which key, what it must be. At most three are
 * named, then a count of the rest.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  const list = errors ?? []
  const lines = list.slice(0, 3).map(describeOne)
  const rest = list.length - lines.length
  return lines.join('; ') + (rest > 0 ? `; and ${rest} more` : '')
}

function describeOne(error: ErrorObject): string {
  const key = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.')
  const where = key === '' ? 'the top level' : `"${key}"`
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${key === '' ? '' : `${key}.`}${String(params.additionalProperty)}"`
    case 'required':
      return `"${key === '' ? '' : `${key}.`}${String(params.missingProperty)}" is missing`
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
    case 'type':
      return `${where} must be ${key === '' ? 'a JSON object' : `a ${String(params.type)}`}`
    default:
      return `${where} ${error.message ?? 'is not valid'}`
  }
}
