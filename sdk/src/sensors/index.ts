import type { ResolvedConfig } from '../config.js'
import { InputError } from '../errors.js'
import type { HttpClient } from '../http/client.js'
import { checkSet, entityUrl, getEntity, items, pages, type SensorsContext } from './collections.js'
import { latest, observations, stationAqi, stations } from './domain.js'
import { SensorQuery, type QueryInput } from './query.js'
import type {
  Datastream,
  EntityOf,
  EntitySet,
  FeatureOfInterest,
  LatestReading,
  Location,
  Observation,
  ObservationsOptions,
  ObservedProperty,
  Page,
  Station,
  StationAqi,
  StationAqiOptions,
  StationsOptions,
  Thing,
} from './types.js'

export type * from './types.js'
export { SensorQuery, sensorQuery, sensorFilter, literal, FilterExpr } from './query.js'
export type { FilterBuilder, FilterObject, GeoPoint, Literal, Operand, OrderKey, QueryInput, QueryOptions, SortDirection, FunctionArg } from './query.js'
export {
  subIndex,
  computeAqi,
  averagesFrom,
  aqiCategory,
  AQI_BREAKPOINTS,
  AQI_CATEGORIES,
  AQI_DECIMALS,
  AQI_AVERAGING_HOURS,
  POLLUTANTS,
  MIN_HOURS_24H,
  MIN_HOURS_8H,
} from './aqi.js'

/**
 * A query bound to `city.sensors` and an entity set: build it like `SensorQuery`, then iterate it.
 *
 * @example
 * for await (const thing of city.sensors.query('Things').filter((f) => f.eq('properties/kind', 'air-quality')).top(50)) console.log(thing.name)
 */
export class BoundQuery<S extends EntitySet> extends SensorQuery implements AsyncIterable<EntityOf<S>> {
  /** @internal */
  private readonly ctx!: SensorsContext
  /** @internal */
  private readonly set!: S

  /** @internal */
  static forClient<S extends EntitySet>(ctx: SensorsContext, set: S): BoundQuery<S> {
    const q = new BoundQuery<S>()
    Object.assign(q, { ctx, set })
    return q
  }

  /** The matching entities, pages fetched as the iterator is consumed. */
  list(): AsyncIterableIterator<EntityOf<S>> {
    return items(this.ctx, this.set, entityUrl(this.ctx, this.set), this)
  }

  /** The pages themselves, with `@iot.count` (ask with `.count()`) and the nextLink. */
  pages(): AsyncIterableIterator<Page<EntityOf<S>>> {
    return pages(this.ctx, this.set, entityUrl(this.ctx, this.set), this)
  }

  /** The first matching entity (one request with `$top=1`), or `undefined`. */
  async first(): Promise<EntityOf<S> | undefined> {
    for await (const page of pages(this.ctx, this.set, entityUrl(this.ctx, this.set), this.top(1))) return page.value[0]
    return undefined
  }

  [Symbol.asyncIterator](): AsyncIterator<EntityOf<S>> {
    return this.list()
  }
}

/**
 * The city's sensors through OGC SensorThings API 1.1, as `city.sensors`: generic, typed access to
 * every entity set, and helpers for stations, the newest readings, time ranges of observations and
 * India's National AQI. It talks to `config.sensors.url` (the service root, `…/v1.1`) and works
 * with any SensorThings 1.1 server: numeric or string ids, absolute or relative links.
 *
 * Errors: an HTTP error status is an `ApiError` carrying the server's message; a 2xx answer that is
 * not SensorThings is an `ApiError` too; bad input is an `InputError` thrown before anything is sent.
 *
 * @example
 * const city = createClient()
 * const [station] = await city.sensors.stations({ kind: 'air-quality', ward: 'Naupada' })
 * const { aqi, category, dominant } = await city.sensors.aqi(station.id)
 */
export interface SensorsClient {
  /**
   * A query on an entity set, bound to this client: chain options, then iterate it.
   *
   * @example
   * const q = city.sensors.query('Things')
   *   .filter((f) => f.and(f.eq('properties/kind', 'air-quality'), f.eq('properties/ward', 'Naupada')))
   *   .expand('Locations').orderBy('name').top(50)
   * for await (const thing of q) console.log(thing.name, thing.locations?.[0]?.location)
   */
  query<S extends EntitySet>(entitySet: S): BoundQuery<S>

  /**
   * The entities of a set matching a query (a `SensorQuery` or its plain-object form), following
   * `@iot.nextLink` lazily and verbatim. Bad options throw an `InputError` from this call.
   *
   * @example
   * for await (const d of city.sensors.list('Datastreams', { filter: { eq: ['properties/pollutant', 'pm25'] }, expand: 'Thing' })) …
   */
  list<S extends EntitySet>(entitySet: S, query?: QueryInput): AsyncIterableIterator<EntityOf<S>>

  /**
   * The entities related to one entity (`Things(1)/Datastreams`, `Datastreams('x')/Observations`).
   *
   * @example
   * for await (const d of city.sensors.related('Things', stationId, 'Datastreams', { expand: 'ObservedProperty' })) …
   */
  related<R extends EntitySet>(entitySet: EntitySet, id: string, relation: R, query?: QueryInput): AsyncIterableIterator<EntityOf<R>>

  /**
   * One entity by id (`GET Things(1)`, `Things('abc')`); an unknown id is an `ApiError` with status 404.
   *
   * @example
   * const thing = await city.sensors.get('Things', '7', { expand: ['Locations', 'Datastreams'] })
   */
  get<S extends EntitySet>(entitySet: S, id: string, query?: QueryInput): Promise<EntityOf<S>>

  /** `list('Things', query)`. */
  things(query?: QueryInput): AsyncIterableIterator<Thing>
  /** `list('Locations', query)`. */
  locations(query?: QueryInput): AsyncIterableIterator<Location>
  /** `list('Datastreams', query)`. */
  datastreams(query?: QueryInput): AsyncIterableIterator<Datastream>
  /** `list('ObservedProperties', query)`. */
  observedProperties(query?: QueryInput): AsyncIterableIterator<ObservedProperty>
  /** `list('FeaturesOfInterest', query)`. */
  featuresOfInterest(query?: QueryInput): AsyncIterableIterator<FeatureOfInterest>

  /**
   * Stations (Things with their first Location's point), filtered on the server by
   * `properties/kind` and `properties/ward`. With `near`, the distance is computed in the SDK
   * (haversine; `geo.distance` is in server units and not on every server), stations are sorted
   * nearest first and, with `radiusMetres`, cut at that distance.
   *
   * @example
   * const nearby = await city.sensors.stations({ kind: 'air-quality', near: { lat: 19.1972, lon: 72.9722, radiusMetres: 3000 } })
   * console.log(nearby.map((s) => `${s.name} ${Math.round(s.distanceMetres!)} m`))
   */
  stations(options?: StationsOptions): Promise<Station[]>

  /**
   * The newest Observation of each Datastream of a Thing, with its unit and observed property
   * (`Things(id)/Datastreams?$expand=ObservedProperty,Observations($orderby=phenomenonTime desc;$top=1)`).
   *
   * @example
   * for (const r of await city.sensors.latest(station.id)) console.log(r.observedProperty?.name, r.value, r.unit.symbol)
   */
  latest(stationId: string): Promise<LatestReading[]>

  /**
   * A Datastream's Observations with `from ≤ phenomenonTime < to`, oldest first, pages of
   * `pageSize` (default 1000) fetched as the iterator is consumed. Bad options throw an `InputError`
   * from this call.
   *
   * @example
   * for await (const o of city.sensors.observations(datastreamId, { from: '2026-07-13T00:00+05:30', to: '2026-07-14T00:00+05:30' })) sum += o.result as number
   */
  observations(datastreamId: string, options?: ObservationsOptions): AsyncIterableIterator<Observation>

  /**
   * India's National AQI (CPCB) of a station at `at` (default: the time of its newest pollutant
   * observation): 24-hour averages of PM2.5, PM10, NO2, SO2, NH3, the largest 8-hour average of the
   * day for CO and O3, sub-indices on CPCB's breakpoints, and `aqi: null` with a `reason` when fewer
   * than three pollutants (or neither PM) have enough data. See `AQI.md` for every decision.
   *
   * @example
   * const { aqi, category, dominant, subIndices } = await city.sensors.aqi(stationId, { at: '2026-07-14T09:00+05:30' })
   */
  aqi(stationId: string, options?: StationAqiOptions): Promise<StationAqi>
}

/**
 * Builds `city.sensors` from the client's configuration and HTTP layer.
 * @internal
 */
export function createSensorsClient(config: ResolvedConfig, http: HttpClient): SensorsClient {
  const ctx: SensorsContext = { config, http }
  const list = <S extends EntitySet>(set: S, query?: QueryInput) => {
    checkSet(set)
    const q = SensorQuery.from(query) // checks the options now, before any request
    return items(ctx, set, entityUrl(ctx, set), q)
  }
  return {
    query: (set) => BoundQuery.forClient(ctx, checkSet(set) as typeof set),
    list,
    related: (set, id, relation, query) => {
      checkSet(set)
      checkSet(relation, 'relation')
      if (typeof id !== 'string' || id === '') throw new InputError(`id must be a non-empty string, not ${JSON.stringify(id)}`, { field: 'id' })
      return items(ctx, relation, entityUrl(ctx, set, id, relation), SensorQuery.from(query))
    },
    get: (set, id, query) => getEntity(ctx, set, id, query),
    things: (query) => list('Things', query),
    locations: (query) => list('Locations', query),
    datastreams: (query) => list('Datastreams', query),
    observedProperties: (query) => list('ObservedProperties', query),
    featuresOfInterest: (query) => list('FeaturesOfInterest', query),
    stations: (options) => stations(ctx, options),
    latest: (stationId) => latest(ctx, stationId),
    observations: (datastreamId, options) => observations(ctx, datastreamId, options),
    aqi: (stationId, options) => stationAqi(ctx, stationId, options),
  }
}
