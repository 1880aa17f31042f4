// Reading: resource paths resolved to an entity, a collection or a property; query options
// applied in the standard's order ($filter → $count → $orderby → $skip → $top, then paging, then
// $select and $expand); entities written with their control information.
import { compileFilter, compileOrderBy, type SqlPart } from './compile.js'
import { badRequest, notFound } from './errors.js'
import { checkExpr, evaluate, type RowAccess } from './evaluate.js'
import {
  isSetName,
  MODEL,
  type DatastreamRow,
  type FeatureRow,
  type HistoricalLocationRow,
  type LocationRow,
  type ObservationRow,
  type ObservedPropertyRow,
  type Row,
  type SensorRow,
  type SetName,
  type ThingRow,
} from './model.js'
import { optionPairs } from './print.js'
import type { ExpandItem, Expr, OrderByItem, QueryOptions } from './query/ast.js'
import { type Catalogue, FIRST_API_ID, OBSERVATION_COLUMNS, type SensorThingsStore } from './store.js'
import { compareForSort, DateVal, type Value } from './values.js'

/** The row type of each entity set held in memory (Observations live in SQLite). */
interface ListedRow {
  Things: ThingRow
  Locations: LocationRow
  HistoricalLocations: HistoricalLocationRow
  Datastreams: DatastreamRow
  Sensors: SensorRow
  ObservedProperties: ObservedPropertyRow
  FeaturesOfInterest: FeatureRow
}

/** Default page size, and the most one page holds whatever `$top` asks. */
export const DEFAULT_TOP = 100
export const MAX_TOP = 1000

/** A collection to query: rows of a small set, or observations in a scope. */
export type Collection =
  | { set: Exclude<SetName, 'Observations'>; rows: readonly Row[]; path: string }
  | { set: 'Observations'; datastreamId?: number; foiId?: number; path: string }

export type Target =
  | { kind: 'collection'; collection: Collection; ref: boolean }
  | { kind: 'entity'; set: SetName; row: Row; ref: boolean }
  | { kind: 'property'; set: SetName; row: Row; prop: string; raw: boolean }

export interface Page {
  rows: Row[]
  count?: number
  /** Options for the next page, when the server's page limit cut this one short. */
  next?: { skip: number; top?: number }
}

type Json = Record<string, unknown>

/** One expanded navigation, with its options and the expansions below it. */
interface ExpandNode {
  nav: string
  options: QueryOptions
  children: ExpandNode[]
}

const SEGMENT = /^([A-Za-z]+)(?:\((.*)\))?$/s

/** The SensorThings read side over one store and catalogue, at one instant (`now`). */
export class Reader implements RowAccess {
  readonly now: number
  readonly #store: SensorThingsStore
  readonly #c: Catalogue
  readonly #base: string
  readonly #lists: Record<Exclude<SetName, 'Observations'>, readonly Row[]>
  readonly #times = new Map<number, ReturnType<SensorThingsStore['datastreamTimes']>>()

  constructor(store: SensorThingsStore, catalogue: Catalogue, lists: Record<Exclude<SetName, 'Observations'>, readonly Row[]>, base: string, now: number) {
    this.#store = store
    this.#c = catalogue
    this.#base = base
    this.#lists = lists
    this.now = now
  }

  // ---- resource paths ---------------------------------------------------------------------------

  /** Resolves the segments after the service root (decoded), e.g. ['Things(1)', 'Datastreams']. */
  resolve(segments: readonly string[]): Target {
    const first = segments[0] as string
    const m = SEGMENT.exec(first)
    const name = m?.[1] ?? first
    if (!m || !isSetName(name)) throw notFound(`no entity set ${JSON.stringify(name)}; the sets are ${Object.keys(MODEL).join(', ')}`)
    let target: Target = { kind: 'collection', collection: this.#all(name), ref: false }
    if (m[2] !== undefined) target = this.#byKey(target.collection, m[2], first)
    for (let i = 1; i < segments.length; i++) {
      const seg = segments[i] as string
      const last = i === segments.length - 1
      if (seg === '$ref') {
        if (!last || target.kind === 'property') throw notFound(`$ref must end the path and follow an entity or a collection`)
        target = { ...target, ref: true }
        continue
      }
      if (target.kind === 'property') {
        if (seg === '$value' && last) {
          target = { ...target, raw: true }
          continue
        }
        throw notFound(`${target.prop} is a property; only $value may follow it`)
      }
      if (target.kind === 'collection') throw notFound(`${target.collection.path} is a collection; address one entity by its id, like ${target.collection.path}(1), before ${seg}`)
      const sm = SEGMENT.exec(seg)
      const def = MODEL[target.set]
      const segName = sm?.[1] ?? seg
      if (sm && sm[2] === undefined && (def.props[segName] !== undefined || segName === 'id')) {
        target = { kind: 'property', set: target.set, row: target.row, prop: segName, raw: false }
        continue
      }
      const nav = sm ? def.navs[segName] : undefined
      if (!sm || !nav) {
        throw notFound(`${target.set} has no property or relation ${JSON.stringify(segName)}; it has ${[...Object.keys(def.props), ...Object.keys(def.navs)].join(', ')}`)
      }
      const self = `${target.set}(${(target.row as { id: number }).id})`
      if (nav.many) {
        const collection = this.related(target.set, target.row, segName, `${self}/${segName}`)
        target = sm[2] === undefined ? { kind: 'collection', collection, ref: false } : this.#byKey(collection, sm[2], seg)
      } else {
        if (sm[2] !== undefined) throw notFound(`${segName} is a single entity; it takes no id`)
        const row = this.one(target.set, target.row, segName) as Row | null
        if (!row) throw notFound(`${self} has no ${segName}`)
        target = { kind: 'entity', set: nav.target, row, ref: false }
      }
    }
    return target
  }

  #all(set: SetName): Collection {
    return set === 'Observations' ? { set, path: set } : { set, rows: this.#lists[set], path: set }
  }

  #byKey(collection: Collection, key: string, segment: string): Target {
    const m = /^(?:(\d{1,15})|'(\d{1,15})')$/.exec(key)
    if (!m) throw badRequest(`${segment}: the id must be a whole number, like ${collection.set}(1); got ${JSON.stringify(key)}`)
    const id = Number(m[1] ?? m[2])
    let row: Row | undefined
    if (collection.set === 'Observations') {
      const o = this.#store.observation(id, this.now)
      if (o && (collection.datastreamId === undefined || o.datastream_id === collection.datastreamId) && (collection.foiId === undefined || o.foi_id === collection.foiId)) row = o
    } else row = collection.rows.find((r) => r.id === id)
    if (!row) throw notFound(`${collection.path}(${id}) was not found`)
    return { kind: 'entity', set: collection.set, row, ref: false }
  }

  /** The collection a to-many relation of a row leads to. */
  related(set: SetName, row: Row, nav: string, path: string): Collection {
    const id = row.id
    const rows = <S extends keyof ListedRow>(target: S, keep: (r: ListedRow[S]) => boolean): Collection => ({
      set: target,
      rows: (this.#lists[target] as ReadonlyArray<ListedRow[S]>).filter(keep),
      path,
    })
    switch (`${set}/${nav}`) {
      case 'Things/Locations':
        return rows('Locations', (l) => l.thingIds.includes(id))
      case 'Things/HistoricalLocations':
        return rows('HistoricalLocations', (h) => h.thingId === id)
      case 'Things/Datastreams':
        return rows('Datastreams', (d) => d.thingId === id)
      case 'Locations/Things':
        return rows('Things', (t) => (row as { thingIds: number[] }).thingIds.includes(t.id))
      case 'Locations/HistoricalLocations':
        return rows('HistoricalLocations', (h) => h.locationIds.includes(id))
      case 'HistoricalLocations/Locations':
        return rows('Locations', (l) => (row as { locationIds: number[] }).locationIds.includes(l.id))
      case 'Sensors/Datastreams':
        return rows('Datastreams', (d) => d.sensorId === id)
      case 'ObservedProperties/Datastreams':
        return rows('Datastreams', (d) => d.observedPropertyId === id)
      case 'Datastreams/Observations':
        return { set: 'Observations', datastreamId: id, path }
      case 'FeaturesOfInterest/Observations':
        return { set: 'Observations', foiId: id, path }
      default:
        throw new Error(`bug: no relation ${set}/${nav}`)
    }
  }

  // ---- RowAccess --------------------------------------------------------------------------------

  one(set: SetName, row: object, nav: string): object | null {
    const c = this.#c
    const r = row as Record<string, number>
    switch (`${set}/${nav}`) {
      case 'Datastreams/Thing':
        return c.things.get(r.thingId as number) ?? null
      case 'Datastreams/Sensor':
        return c.sensors.get(r.sensorId as number) ?? null
      case 'Datastreams/ObservedProperty':
        return c.observedProperties.get(r.observedPropertyId as number) ?? null
      case 'Observations/Datastream':
        return c.datastreams.get(r.datastream_id as number) ?? null
      case 'Observations/FeatureOfInterest':
        return c.features.get(r.foi_id as number) ?? null
      case 'HistoricalLocations/Thing':
        return c.things.get(r.thingId as number) ?? null
      default:
        return null
    }
  }

  value(set: SetName, row: object, prop: string): Value {
    const r = row as Record<string, unknown>
    if (prop === 'id') return r.id as number
    if (set === 'Observations') {
      const o = row as ObservationRow
      switch (prop) {
        case 'phenomenonTime':
          return new DateVal(o.phenomenon_ms)
        case 'resultTime':
          return o.result_time_ms === null ? null : new DateVal(o.result_time_ms)
        case 'validTime':
          return o.valid_from_ms === null ? null : new DateVal(o.valid_from_ms)
        case 'result':
          return o.result_json !== null ? (JSON.parse(o.result_json) as Value) : o.result
        case 'resultQuality':
          return o.result_quality === null ? null : (JSON.parse(o.result_quality) as Value)
        case 'parameters':
          return o.parameters === null ? null : (JSON.parse(o.parameters) as Value)
      }
      return null
    }
    if (set === 'Datastreams' && (prop === 'phenomenonTime' || prop === 'resultTime')) {
      const span = this.#datastreamTimes((row as DatastreamRow).id)[prop === 'phenomenonTime' ? 'phenomenon' : 'result']
      return span === null ? null : new DateVal(span[0])
    }
    if (set === 'HistoricalLocations' && prop === 'time') return new DateVal(r.time as number)
    return (r[prop] ?? null) as Value
  }

  #datastreamTimes(id: number) {
    let t = this.#times.get(id)
    if (!t) this.#times.set(id, (t = this.#store.datastreamTimes(id, this.now)))
    return t
  }

  // ---- queries ----------------------------------------------------------------------------------

  /** Applies $filter, $count, $orderby, $skip, $top and the page limit to a collection. */
  query(collection: Collection, options: QueryOptions, label = ''): Page {
    const { set } = collection
    if (options.filter) checkExpr(set, options.filter, `${label}$filter`)
    for (const item of options.orderby ?? []) checkExpr(set, item.expr, `${label}$orderby`)
    const skip = options.skip ?? 0
    const limit = Math.min(options.top ?? DEFAULT_TOP, MAX_TOP)
    const capped = options.top === undefined || options.top > MAX_TOP
    const take = capped ? limit + 1 : limit
    let rows: Row[]
    let count: number | undefined
    if (collection.set === 'Observations') ({ rows, count } = this.#observations(collection, options, skip, take))
    else {
      let all = collection.rows as Row[]
      const filter = options.filter
      if (filter) all = all.filter((r) => evaluate(filter, set, r, this) === true)
      if (options.count) count = all.length
      if (options.orderby) all = this.#sort(set, all, options.orderby)
      rows = all.slice(skip, skip + take)
    }
    const page: Page = { rows, count }
    if (capped && rows.length > limit) {
      rows.pop()
      page.next = { skip: skip + limit, top: options.top === undefined ? undefined : options.top - limit }
    }
    return page
  }

  #sort(set: SetName, rows: Row[], orderby: readonly OrderByItem[]): Row[] {
    const keyed = rows.map((row) => ({ row, keys: orderby.map((o) => evaluate(o.expr, set, row, this)) }))
    const lastDesc = orderby[orderby.length - 1]?.direction === 'desc'
    keyed.sort((a, b) => {
      for (let i = 0; i < orderby.length; i++) {
        const c = compareForSort(a.keys[i] as Value, b.keys[i] as Value)
        if (c !== 0) return orderby[i]?.direction === 'desc' ? -c : c
      }
      // Ties by id, in the direction of the last key (so SQL can read an index backwards).
      return lastDesc ? b.row.id - a.row.id : a.row.id - b.row.id
    })
    return keyed.map((k) => k.row)
  }

  #observations(collection: Extract<Collection, { set: 'Observations' }>, options: QueryOptions, skip: number, take: number) {
    const where: SqlPart[] = [{ sql: 'o.phenomenon_ms <= ?', params: [this.now] }]
    if (collection.datastreamId !== undefined) where.push({ sql: 'o.datastream_id = ?', params: [collection.datastreamId] })
    if (collection.foiId !== undefined) where.push({ sql: 'o.foi_id = ?', params: [collection.foiId] })
    let rest: Expr[] = []
    if (options.filter) {
      const compiled = compileFilter(options.filter, { access: this, datastreams: this.#lists.Datastreams, features: this.#lists.FeaturesOfInterest })
      where.push(...compiled.sql)
      rest = compiled.rest
    }
    const orderby = options.orderby ?? []
    const terms = compileOrderBy(orderby)
    const lastDesc = orderby[orderby.length - 1]?.direction === 'desc'
    const whereSql = where.map((w) => w.sql).join(' AND ')
    const params = where.flatMap((w) => w.params)
    if (rest.length === 0 && terms) {
      const order = [...terms, `o.id ${lastDesc ? 'DESC' : 'ASC'}`].join(', ')
      const rows = this.#store
        .statement(`SELECT ${OBSERVATION_COLUMNS} FROM st_observations o WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
        .all(...params, take, skip) as unknown as ObservationRow[]
      const count = options.count
        ? Number((this.#store.statement(`SELECT count(*) AS n FROM st_observations o WHERE ${whereSql}`).get(...params) as { n: number }).n)
        : undefined
      return { rows: rows as Row[], count }
    }
    // The rest of the filter (functions, …) or the order is evaluated here, over what SQL narrowed down.
    let rows = this.#store.statement(`SELECT ${OBSERVATION_COLUMNS} FROM st_observations o WHERE ${whereSql} ORDER BY o.id`).all(...params) as unknown as Row[]
    for (const e of rest) rows = rows.filter((r) => evaluate(e, 'Observations', r, this) === true)
    const count = options.count ? rows.length : undefined
    if (orderby.length > 0) rows = this.#sort('Observations', rows, orderby)
    return { rows: rows.slice(skip, skip + take), count }
  }

  // ---- writing entities -------------------------------------------------------------------------

  selfLink(set: SetName, id: number): string {
    return `${this.#base}/${set}(${id})`
  }

  /** An entity as JSON, with `$select` and `$expand` applied. */
  entity(set: SetName, row: Row, options: QueryOptions, label = ''): Json {
    const def = MODEL[set]
    const select = options.select
    if (select) {
      for (const name of select) {
        if (name !== 'id' && def.props[name] === undefined && def.navs[name] === undefined) {
          throw badRequest(`${label}$select: ${set} has no property ${JSON.stringify(name)}; it has id, ${[...Object.keys(def.props), ...Object.keys(def.navs)].join(', ')}`)
        }
      }
    }
    const expand = normalizeExpand(set, options.expand ?? [], label)
    const self = this.selfLink(set, row.id)
    const out: Json = {}
    const wants = (name: string) => !select || select.includes(name)
    if (!select) out['@iot.selfLink'] = self
    if (wants('id')) out['@iot.id'] = row.id
    for (const prop of Object.keys(def.props)) {
      if (!wants(prop)) continue
      const v = this.json(set, row, prop)
      // Optional properties without a value are left out, as FROST-Server does; mandatory ones are written as null.
      if (v === null && !select && OPTIONAL.has(prop) && !(set === 'Observations' && prop === 'resultTime')) continue
      out[prop] = v
    }
    for (const nav of Object.keys(def.navs)) {
      if (wants(nav) && !(select && expand.some((e) => e.nav === nav))) out[`${nav}@iot.navigationLink`] = `${self}/${nav}`
    }
    for (const node of expand) this.#expandInto(out, set, row, node, `${label}$expand/${node.nav}/`)
    return out
  }

  #expandInto(out: Json, set: SetName, row: Row, node: ExpandNode, label: string): void {
    const nav = MODEL[set].navs[node.nav]
    if (!nav) return
    const options: QueryOptions = { ...node.options, expand: undefined }
    const childExpand: ExpandItem[] = node.children.map(toItem)
    const withChildren: QueryOptions = { ...options, expand: childExpand.length > 0 ? childExpand : undefined }
    if (!nav.many) {
      const related = this.one(set, row, node.nav) as Row | null
      out[node.nav] = related ? this.entity(nav.target, related, withChildren, label) : null
      return
    }
    const path = `${set}(${row.id})/${node.nav}`
    const page = this.query(this.related(set, row, node.nav, path), options, label)
    if (page.count !== undefined) out[`${node.nav}@iot.count`] = page.count
    out[node.nav] = page.rows.map((r) => this.entity(nav.target, r, withChildren, label))
    if (page.next) {
      const next: QueryOptions = { ...withChildren, skip: page.next.skip, top: page.next.top }
      const query = optionPairs(next)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
        .join('&')
      out[`${node.nav}@iot.nextLink`] = `${this.#base}/${path}?${query}`
    }
  }

  /** A property's value as written on the wire (times in UTC ISO 8601). */
  json(set: SetName, row: Row, prop: string): unknown {
    if (prop === 'id') return row.id
    if (set === 'Observations') {
      const o = row as ObservationRow
      switch (prop) {
        case 'phenomenonTime':
          return o.phenomenon_end_ms === null ? iso(o.phenomenon_ms) : `${iso(o.phenomenon_ms)}/${iso(o.phenomenon_end_ms)}`
        case 'resultTime':
          return o.result_time_ms === null ? null : iso(o.result_time_ms)
        case 'validTime':
          return o.valid_from_ms === null ? null : `${iso(o.valid_from_ms)}/${iso(o.valid_to_ms ?? o.valid_from_ms)}`
        default:
          return this.value(set, row, prop)
      }
    }
    if (set === 'Datastreams' && (prop === 'phenomenonTime' || prop === 'resultTime')) {
      const span = this.#datastreamTimes(row.id)[prop === 'phenomenonTime' ? 'phenomenon' : 'result']
      return span === null ? null : `${iso(span[0])}/${iso(span[1])}`
    }
    if (set === 'HistoricalLocations' && prop === 'time') return iso((row as { time: number }).time)
    return (row as unknown as Json)[prop] ?? null
  }

  /** Observations as data arrays, one group per Datastream in the order they first appear. */
  dataArray(rows: readonly Row[], select: readonly string[] | undefined): Json[] {
    const components = select ?? ['id', 'phenomenonTime', 'resultTime', 'result']
    for (const c of components) {
      if (c !== 'id' && MODEL.Observations.props[c] === undefined) {
        throw badRequest(`$select: ${JSON.stringify(c)} cannot be a data array component; use id, ${Object.keys(MODEL.Observations.props).join(', ')}`)
      }
    }
    const groups = new Map<number, unknown[][]>()
    for (const row of rows) {
      const o = row as ObservationRow
      let list = groups.get(o.datastream_id)
      if (!list) groups.set(o.datastream_id, (list = []))
      list.push(components.map((c) => this.json('Observations', row, c)))
    }
    return [...groups].map(([id, data]) => ({
      'Datastream@iot.navigationLink': this.selfLink('Datastreams', id),
      components,
      'dataArray@iot.count': data.length,
      dataArray: data,
    }))
  }
}

const OPTIONAL = new Set(['properties', 'resultQuality', 'validTime', 'parameters', 'phenomenonTime', 'resultTime'])

/** Times on the wire: UTC, seconds always, milliseconds only when there are some (FROST-Server's style). */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

function toItem(node: ExpandNode): ExpandItem {
  const children = node.children.map(toItem)
  return { path: [node.nav], options: { ...node.options, expand: children.length > 0 ? children : undefined } }
}

/**
 * `$expand` items as a tree: `Datastreams/ObservedProperty` is `Datastreams($expand=ObservedProperty)`,
 * options apply to the last segment, and items with the same first segment are merged.
 */
function normalizeExpand(set: SetName, items: readonly ExpandItem[], label: string): ExpandNode[] {
  const nodes: ExpandNode[] = []
  for (const item of items) {
    let current = set
    let list = nodes
    for (let i = 0; i < item.path.length; i++) {
      const seg = item.path[i] as string
      const nav = MODEL[current].navs[seg]
      if (!nav) {
        throw badRequest(`${label}$expand: ${current} has no relation ${JSON.stringify(seg)}; it has ${Object.keys(MODEL[current].navs).join(', ')}`)
      }
      let node = list.find((n) => n.nav === seg)
      if (!node) list.push((node = { nav: seg, options: {}, children: [] }))
      if (i === item.path.length - 1) {
        const { expand, ...rest } = item.options
        node.options = { ...node.options, ...rest }
        if (expand) node.children.push(...normalizeExpand(nav.target, expand, `${label}$expand/${seg}/`))
      }
      current = nav.target
      list = node.children
    }
  }
  return nodes
}

export { FIRST_API_ID }
