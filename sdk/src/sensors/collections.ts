import type { ResolvedConfig } from '../config.js'
import { InputError } from '../errors.js'
import type { HttpClient } from '../http/client.js'
import { urlJoin } from '../http/url.js'
import { entityKey, SensorQuery, type QueryInput } from './query.js'
import type { EntityOf, EntitySet, Page } from './types.js'
import { absolute, isRecord, malformed, READERS, type WireSource } from './wire.js'

/** What the resources share: the configuration (read at each call) and the HTTP layer. */
export interface SensorsContext {
  readonly config: ResolvedConfig
  readonly http: HttpClient
}

const SETS: readonly EntitySet[] = ['Things', 'Locations', 'HistoricalLocations', 'Datastreams', 'Sensors', 'ObservedProperties', 'Observations', 'FeaturesOfInterest']

export function checkSet(set: unknown, field = 'entitySet'): EntitySet {
  if (!(SETS as readonly unknown[]).includes(set)) throw new InputError(`${field} must be one of ${SETS.join(', ')}, not ${JSON.stringify(set)}`, { field })
  return set as EntitySet
}

/** `…/v1.1/Things`, `…/v1.1/Things(1)`, `…/v1.1/Things('a')/Datastreams`; every part encoded by `urlJoin`. */
export function entityUrl(ctx: SensorsContext, set: EntitySet, id?: string | number, relation?: EntitySet): URL {
  const segments = [id === undefined ? set : `${set}${entityKey(id)}`]
  if (relation !== undefined) segments.push(relation)
  return urlJoin(ctx.config.sensors.url, ...segments)
}

async function fetchJson(ctx: SensorsContext, url: URL | string, searchParams?: URLSearchParams): Promise<{ body: unknown; at: WireSource }> {
  const response = await ctx.http.get(url, searchParams ? { searchParams } : {})
  return { body: response.body, at: { method: 'GET', url: response.url || String(url), status: response.status } }
}

/**
 * Pages of a collection, fetched one at a time as the iterator is consumed: the first from `url`
 * with the query, then each `@iot.nextLink` verbatim (a relative one resolved against the URL of the
 * page that gave it). A nextLink already followed ends the listing with an `ApiError` rather than a
 * loop.
 */
export async function* pages<S extends EntitySet>(ctx: SensorsContext, set: S, url: URL, query?: QueryInput): AsyncGenerator<Page<EntityOf<S>>, void, undefined> {
  const read = READERS[set]
  const params = SensorQuery.from(query).toSearchParams()
  let next: string | undefined
  const seen = new Set<string>()
  let first = true
  while (first || next !== undefined) {
    const { body, at } = first ? await fetchJson(ctx, url, params) : await fetchJson(ctx, next!)
    first = false
    if (!isRecord(body) || !Array.isArray(body.value)) throw malformed(at, 'a collection must be an object with a "value" list', body)
    const value: EntityOf<S>[] = new Array(body.value.length)
    let n = 0
    for (const item of body.value) if (isRecord(item)) value[n++] = read(item, at.url) as EntityOf<S>
    value.length = n
    seen.add(at.url)
    next = absolute(body['@iot.nextLink'], at.url)
    if (next !== undefined && seen.has(next)) throw malformed(at, `its @iot.nextLink leads back to a page already read (${next})`, undefined)
    const page: Page<EntityOf<S>> = { value, url: at.url }
    if (typeof body['@iot.count'] === 'number') page.count = body['@iot.count']
    if (next !== undefined) page.nextLink = next
    yield page
  }
}

/** The entities of a collection, one by one, pages fetched lazily. */
export async function* items<S extends EntitySet>(ctx: SensorsContext, set: S, url: URL, query?: QueryInput): AsyncGenerator<EntityOf<S>, void, undefined> {
  for await (const page of pages(ctx, set, url, query)) {
    // A plain loop, not `yield*`: one fewer async hop per item on the hot path.
    for (const item of page.value) yield item
  }
}

/**
 * Every entity matching a query, in chunks of `$top=chunkSize`, whichever paging the server does.
 * Servers differ on `$top`: FROST treats it as a page size and sends a nextLink while more match;
 * the standard (and the sandbox) treat it as a limit and send a nextLink only when their own page
 * limit cut the answer. So nextLinks are followed verbatim, and when a chunk ends with exactly
 * `chunkSize` items and no nextLink, the next chunk is asked for with `$skip`. Needs an `$orderby`
 * for the chunks to line up.
 */
export async function* allItems<S extends EntitySet>(ctx: SensorsContext, set: S, url: URL, query: SensorQuery, chunkSize: number): AsyncGenerator<EntityOf<S>, void, undefined> {
  for (let skip = 0; ; ) {
    let received = 0
    const chunk = skip === 0 ? query.top(chunkSize) : query.top(chunkSize).skip(skip)
    for await (const page of pages(ctx, set, url, chunk)) {
      received += page.value.length
      for (const item of page.value) yield item
    }
    // More than a chunk: the server pages by nextLink itself, and has said it is done.
    if (received !== chunkSize) return
    skip += received
  }
}

/** One entity (`GET Things(1)`); an answer that is not an entity is an `ApiError`. */
export async function getEntity<S extends EntitySet>(ctx: SensorsContext, set: S, id: string | number, query?: QueryInput): Promise<EntityOf<S>> {
  const url = entityUrl(ctx, checkSet(set), id)
  const params = SensorQuery.from(query).toSearchParams()
  const { body, at } = await fetchJson(ctx, url, params)
  if (!isRecord(body) || Array.isArray(body.value)) throw malformed(at, 'an entity must be a JSON object', body)
  return READERS[set](body, at.url) as EntityOf<S>
}
