import { InputError } from '../errors.js'
import { call, type Open311Context } from './transport.js'
import type { Service, ServiceDefinition } from './types.js'
import { readDefinition, readService } from './wire.js'

/** `GET services.{fmt}`: the request types the city accepts. */
export async function listServices(ctx: Open311Context): Promise<Service[]> {
  const { value, at } = await call(ctx, { path: ['services'], shape: { list: ['services', 'service'] } })
  return (value as unknown[]).map((item) => readService(item, at))
}

/** `GET services/{service_code}.{fmt}`: the extra attributes of one request type. */
export async function getDefinition(ctx: Open311Context, serviceCode: string): Promise<ServiceDefinition> {
  const code = requireText(serviceCode, 'serviceCode', 'a service code from services()')
  const { value, at } = await call(ctx, { path: ['services', code], shape: 'definition' })
  return readDefinition(value, at, code)
}

/** A non-blank string (a number is taken as its digits), else an `InputError` naming the field. */
export function requireText(value: unknown, field: string, what: string): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value
  if (typeof text !== 'string' || text.trim() === '') {
    throw new InputError(`${field} is required: pass ${what}${value === undefined ? '' : `, not ${JSON.stringify(value)}`}`, { field })
  }
  return text
}
