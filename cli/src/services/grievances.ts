import type { ServiceAttribute, ServiceRequest, ThaneClient } from '@thanekit/sdk'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { parseWhen } from './dates.js'

export interface ListOptions {
  status?: 'open' | 'closed' | undefined
  serviceCodes?: string[] | undefined
  from?: string | undefined
  to?: string | undefined
  ward?: string | undefined
  limit: number
}

/** Up to `limit` requests, newest first, following the server's pages only as far as needed. */
export async function listGrievances(city: ThaneClient, options: ListOptions): Promise<ServiceRequest[]> {
  const out: ServiceRequest[] = []
  if (options.limit <= 0) return out
  const iterator = city.grievances.list({
    ...(options.status ? { status: options.status } : {}),
    ...(options.serviceCodes?.length ? { serviceCode: options.serviceCodes } : {}),
    ...(options.from ? { startDate: parseWhen(options.from, 'from', 'start') } : {}),
    ...(options.to ? { endDate: parseWhen(options.to, 'to', 'end-inclusive') } : {}),
    ...(options.ward ? { ward: options.ward } : {}),
    pageSize: Math.min(options.limit, 1000),
  })
  for await (const request of iterator) {
    out.push(request)
    if (out.length >= options.limit) break
  }
  return out
}

/**
 * `--attribute code=value` pairs into the SDK's attributes: a code given twice or more becomes a
 * list (a multivaluelist answer).
 */
export function parseAttributes(pairs: readonly string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    const code = eq > 0 ? pair.slice(0, eq).trim() : ''
    if (!code) throw new UserError(msg.grievances.badAttribute(pair))
    const value = pair.slice(eq + 1)
    const previous = out[code]
    out[code] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]
  }
  return out
}

/** The ward of a request: the sandbox sends it as an extension field. */
export function wardOf(request: ServiceRequest): string | undefined {
  const ward = request.extensions?.ward
  return typeof ward === 'string' ? ward : undefined
}

/**
 * The required questions of a service that `given` does not answer yet, in the service's order
 * (none when the service asks nothing).
 */
export async function missingAttributes(
  city: ThaneClient,
  serviceCode: string,
  given: Record<string, string | string[]>,
): Promise<ServiceAttribute[]> {
  const services = await city.grievances.services()
  if (!services.find((s) => s.serviceCode === serviceCode)?.metadata) return []
  const definition = await city.grievances.definition(serviceCode)
  return definition.attributes.filter((a) => a.variable && a.required && given[a.code] === undefined).sort((a, b) => a.order - b.order)
}
