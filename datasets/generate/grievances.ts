/**
 * Generator of the synthetic Thane grievances dataset (datasets/grievances/).
 *
 *   node datasets/generate/grievances.ts          # rebuilds datasets/grievances/* byte for byte
 *
 * Deterministic: one seed, no clock, no Math.random, stable order. Each request draws from its own
 * named random streams (place, language, text, lifecycle, ...), so adding a field later only adds a
 * stream and leaves every other column as it was.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toCsv, type CsvValue } from './csv.ts'
import {
  PROGRESS_FRESH,
  PROGRESS_LATE,
  PROGRESS_LATER,
  REJECTED_COMMON,
  SERVICES,
  SERVICE_DEFINITIONS,
  hasDefinition,
  type Service,
} from './grievances-catalogue.ts'
import { REQUEST_FIELDS, SERVICE_FIELDS, grievancesPackage, type FileFacts } from './grievances-package.ts'
import { PLACES_HI, PLACES_MR, PLACE_PREPOSITIONS, describe, hasText, type Lang, type Tag, type TextVars } from './grievances-text.ts'
import { Random } from './random.ts'
import { WARDS, insideThane, insideWard, type Locality, type Ward } from './thane.ts'
import { DAY, HOUR, MINUTE, formatIst, ist, istDate, istParts } from './time.ts'

/** The seed of the grievances dataset. Change it and every file changes. */
export const SEED = 311
export const REQUEST_COUNT = 5000
export const FIRST_ID = 100001
/** First and last instants a request may be made; the dataset's "now" is END. */
export const START = ist(2025, 8, 1)
export const END = ist(2026, 7, 31, 23, 59, 59)
const DAYS = Math.round((ist(2026, 8, 1) - START) / DAY)

export const GRIEVANCES_DIR = fileURLToPath(new URL('../grievances/', import.meta.url))
const GENERATOR = 'datasets/generate/grievances.ts'

// ---------------------------------------------------------------------------------------------
// When: seasons, festivals, storms, weekdays, hours

interface Festival {
  tag: Tag
  from: string
  to: string
  /** Volume multipliers by service_code while the window lasts. */
  boost: Record<string, number>
}

/** 2025-26 festival windows (dates of the main days as observed in Maharashtra). */
const FESTIVALS: readonly Festival[] = [
  // Ganesh Chaturthi 27 Aug 2025 to Anant Chaturdashi 6 Sep: banners go up ahead, waste after immersions.
  { tag: 'ganesh', from: '2025-08-15', to: '2025-08-26', boost: { ILLEGAL_HOARDING: 2.5 } },
  { tag: 'ganesh', from: '2025-08-27', to: '2025-09-08', boost: { GARBAGE: 2.0, NOISE: 3.0, ILLEGAL_HOARDING: 2.5, ENCROACHMENT: 1.5 } },
  // Navratri 22 Sep to 1 Oct, Dussehra 2 Oct 2025.
  { tag: 'navratri', from: '2025-09-22', to: '2025-10-02', boost: { GARBAGE: 1.3, NOISE: 2.5, ILLEGAL_HOARDING: 1.8 } },
  // Diwali: cleaning before (bulk waste), Dhanteras 18 Oct to Bhau-beej 23 Oct, waste after.
  { tag: 'diwali', from: '2025-10-05', to: '2025-10-17', boost: { BULK_WASTE: 2.5, ILLEGAL_HOARDING: 1.8 } },
  { tag: 'diwali', from: '2025-10-18', to: '2025-10-27', boost: { GARBAGE: 2.1, NOISE: 3.0, BULK_WASTE: 1.5 } },
  { tag: 'newyear', from: '2025-12-31', to: '2026-01-01', boost: { NOISE: 3.0, GARBAGE: 1.2 } },
  // Holi 3-4 Mar 2026; Gudi Padwa 19 Mar 2026.
  { tag: 'holi', from: '2026-03-03', to: '2026-03-05', boost: { GARBAGE: 1.3, NOISE: 1.5 } },
  { tag: 'holi', from: '2026-03-15', to: '2026-03-19', boost: { ILLEGAL_HOARDING: 1.6 } },
]

/** Chance of a heavy-rain day, by month (monsoon June to September, stray storms in May and October). */
const STORM_CHANCE: Record<number, number> = { 5: 0.03, 6: 0.22, 7: 0.3, 8: 0.22, 9: 0.15, 10: 0.05 }
/** How much a heavy-rain day multiplies each service (and how a dry monsoon day damps it). */
const STORM_EFFECT: Record<string, number> = { WATERLOGGING: 1, TREE_FALL: 0.8, DRAINAGE: 0.35, POTHOLE: 0.1 }

/** Monday-heavy, quiet Sundays. Index = weekday, 0 = Sunday. */
const WEEKDAY = [0.75, 1.15, 1.05, 1.0, 1.0, 0.95, 0.85]
/** Hour-of-day profiles: mornings and evenings busy, nights quiet; noise at night. */
const HOURS_DAY = [0.6, 0.3, 0.2, 0.15, 0.2, 0.5, 1.5, 3.5, 5.5, 6.5, 6, 5, 4.2, 3.8, 3.6, 3.7, 4, 4.8, 5.8, 6.2, 5.5, 4, 2.6, 1.4]
const HOURS_NOISE = [4, 3, 1.5, 0.6, 0.3, 0.3, 0.6, 1, 1.2, 1.2, 1, 1, 1, 1, 1, 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 5]
const HOURS_STORM = [2, 1.8, 1.6, 1.5, 1.5, 2, 3, 4, 5, 5.5, 5, 4.5, 4, 4, 4, 4, 4.5, 5, 5.5, 5.5, 5, 4, 3, 2.5]

interface Day {
  start: number
  date: string
  month: number
  weekday: number
  storm: number // 0 = no storm, else intensity
  tags: Tag[]
}

function buildDays(rng: Random): Day[] {
  const days: Day[] = []
  for (let d = 0; d < DAYS; d++) {
    const start = START + d * DAY
    const p = istParts(start)
    const date = istDate(start)
    const stormy = rng.bool(STORM_CHANCE[p.month] ?? 0)
    const storm = stormy ? rng.float(2.5, 5) : 0
    const tags: Tag[] = []
    if (p.month >= 6 && p.month <= 9) tags.push('monsoon')
    if (p.month >= 3 && p.month <= 5) tags.push('summer')
    if (storm > 0) tags.push('storm')
    for (const f of FESTIVALS) if (date >= f.from && date <= f.to && !tags.includes(f.tag)) tags.push(f.tag)
    days.push({ start, date, month: p.month, weekday: p.weekday, storm, tags })
  }
  return days
}

function dayWeight(service: Service, day: Day): number {
  let w = (service.months[day.month - 1] as number) * (WEEKDAY[day.weekday] as number)
  for (const f of FESTIVALS) if (day.date >= f.from && day.date <= f.to) w *= f.boost[service.service_code] ?? 1
  const effect = STORM_EFFECT[service.service_code]
  if (effect !== undefined && day.tags.includes('monsoon')) w *= day.storm > 0 ? 1 + (day.storm - 1) * effect : 1 - 0.5 * effect
  else if (effect !== undefined && day.storm > 0) w *= 1 + (day.storm - 1) * effect
  return w
}

interface Slot {
  at: number
  service: Service
  day: Day
  order: number
}

/** Draws REQUEST_COUNT (day, service, time) slots; each service keeps its yearly share. */
function schedule(rng: Random, days: Day[]): Slot[] {
  const cells: { day: Day; service: Service }[] = []
  const cumulative: number[] = []
  let total = 0
  for (const service of SERVICES) {
    const raw = days.map((day) => dayWeight(service, day))
    const sum = raw.reduce((a, b) => a + b, 0)
    days.forEach((day, i) => {
      total += ((raw[i] as number) / sum) * service.share
      cells.push({ day, service })
      cumulative.push(total)
    })
  }
  const slots: Slot[] = []
  for (let order = 0; order < REQUEST_COUNT; order++) {
    const x = rng.next() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) > x) hi = mid
      else lo = mid + 1
    }
    const { day, service } = cells[lo] as { day: Day; service: Service }
    const hours = service.service_code === 'NOISE' ? HOURS_NOISE : day.storm > 0 && service.emergency ? HOURS_STORM : HOURS_DAY
    const at = day.start + rng.weightedIndex(hours) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000
    slots.push({ at, service, day, order })
  }
  return slots.sort((a, b) => a.at - b.at || a.order - b.order)
}

// ---------------------------------------------------------------------------------------------
// Where

/** Some wards see more of some complaints (Ghodbunder Road potholes, Diva and Mumbra water, station hawkers...). */
const WARD_BIAS: Record<string, Record<string, number>> = {
  'naupada-kopri': { ENCROACHMENT: 1.6, ILLEGAL_HOARDING: 1.4, NOISE: 1.2, PUBLIC_TOILET: 1.3 },
  uthalsar: { ILLEGAL_HOARDING: 1.2 },
  'wagle-estate': { DRAINAGE: 1.2, ENCROACHMENT: 1.2 },
  'lokmanya-savarkar': { WATER_SUPPLY: 1.2, TREE_FALL: 1.3 },
  'vartak-nagar': { TREE_TRIMMING: 1.2 },
  'majiwada-manpada': { POTHOLE: 1.5, BULK_WASTE: 1.5, NOISE: 1.3, TREE_TRIMMING: 1.3, STRAY_DOGS: 1.2 },
  kalwa: { WATERLOGGING: 1.4, WATER_SUPPLY: 1.2 },
  mumbra: { WATER_SUPPLY: 1.5, GARBAGE: 1.3, DRAINAGE: 1.3, ENCROACHMENT: 1.3, WATERLOGGING: 1.2 },
  diva: { WATER_SUPPLY: 1.6, DRAINAGE: 1.3, ROAD_DAMAGE: 1.3, POTHOLE: 1.3, STREETLIGHT: 1.2, WATERLOGGING: 1.4 },
}

/** Description language mix by ward (en, mr, hi); overall about 55 / 30 / 15. */
const LANGUAGE_MIX: Record<string, readonly [number, number, number]> = {
  mumbra: [0.5, 0.12, 0.38],
  diva: [0.45, 0.35, 0.2],
  kalwa: [0.5, 0.32, 0.18],
}
const LANGUAGE_MIX_DEFAULT = [0.58, 0.33, 0.09] as const

interface Place {
  ward: Ward
  locality: Locality
  landmark: string
  preposition: string
  lat: number
  lon: number
  address: string
}

function place(rng: Random, service: Service): Place {
  const ward = rng.weighted(WARDS.map((w) => [w, w.weight * (WARD_BIAS[w.id]?.[service.service_code] ?? 1)] as const))
  const locality = rng.pick(ward.localities)
  const landmark = rng.pick(locality.landmarks)
  const preposition = rng.pick(PLACE_PREPOSITIONS)
  let lat = locality.lat
  let lon = locality.lon
  for (let tries = 0; tries < 50; tries++) {
    const la = round6(locality.lat + rng.normal(0, 0.0022))
    const lo = round6(locality.lon + rng.normal(0, 0.0022))
    if (insideWard(ward, la, lo) && insideThane(la, lo)) {
      lat = la
      lon = lo
      break
    }
  }
  const lane = rng.bool(0.12) ? `Lane ${rng.int(1, 9)}, ` : ''
  const lead = preposition === 'at' ? '' : `${preposition} `
  const where = `${lane}${lead}${landmark}`
  const parts = [where.charAt(0).toUpperCase() + where.slice(1), locality.name]
  if (locality.name !== ward.name) parts.push(ward.name)
  parts.push(`Thane ${locality.pin}`)
  return { ward, locality, landmark, preposition, lat, lon, address: parts.join(', ') }
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

// ---------------------------------------------------------------------------------------------
// What was written

function language(rng: Random, ward: Ward): Lang {
  const [en, mr, hi] = LANGUAGE_MIX[ward.id] ?? LANGUAGE_MIX_DEFAULT
  return rng.weighted<Lang>([
    ['en', en],
    ['mr', mr],
    ['hi', hi],
  ])
}

function textVars(rng: Random, service: Service, where: Place): TextVars {
  return {
    at: `${where.preposition} ${where.landmark}`,
    loc: where.locality.name,
    locD: where.locality.nameDeva,
    atMr: rng.pick(PLACES_MR),
    atHi: rng.pick(PLACES_HI),
    days: rng.weighted([
      [2, 3],
      [3, 3],
      [4, 2],
      [5, 2],
      [6, 1],
      [7, 1],
      [8, 1],
      [10, 1],
      [12, 0.5],
      [15, 0.5],
    ]),
    hours: rng.int(2, 14),
    weeks: rng.int(2, 4),
    n: rng.int(3, 8),
    depth: service.service_code === 'WATERLOGGING' ? 5 * rng.int(4, 14) : rng.int(6, 30),
    count: rng.int(3, 12),
    loads: rng.int(1, 4),
    floor: rng.int(2, 7),
    pole: `SL-${where.ward.abbr}-${String(rng.int(1, 2999)).padStart(4, '0')}`,
  }
}

function serviceNotice(rng: Random, service: Service, day: Day): string {
  switch (service.service_code) {
    case 'POTHOLE':
      return day.tags.includes('monsoon') && rng.bool(0.3)
        ? 'Permanent resurfacing is taken up after the monsoon; potholes are filled with cold mix meanwhile.'
        : ''
    case 'WATER_SUPPLY':
      return (day.month === 4 || day.month === 5) && rng.bool(0.3)
        ? 'Summer water cut: supply in this zone is on alternate days until the lake levels recover.'
        : ''
    case 'WATERLOGGING':
      return day.storm > 0 && rng.bool(0.3) ? 'Heavy rainfall warning in force: avoid low-lying roads and subways.' : ''
    case 'BULK_WASTE':
    case 'TREE_TRIMMING':
      return rng.bool(0.5) ? 'Batch service: the request is inspected and scheduled ward-wise; the token turns into a request number once it is taken up.' : ''
    default:
      return ''
  }
}

// ---------------------------------------------------------------------------------------------
// What happened to it

/** Moves a time that falls outside ward-office hours (09:00-19:00, Monday to Saturday) to the next opening, plus a little. */
function officeHours(rng: Random, at: number): number {
  let t = at
  for (let guard = 0; guard < 4; guard++) {
    const p = istParts(t)
    if (p.weekday !== 0 && p.hour >= 9 && p.hour < 19) return t
    const midnight = t - (p.hour * HOUR + p.minute * MINUTE + p.second * 1000)
    const nextDay = p.hour >= 9 || p.weekday === 0
    t = (nextDay ? midnight + DAY : midnight) + 9 * HOUR + rng.int(0, 150) * MINUTE + rng.int(0, 59) * 1000
  }
  return t
}

/**
 * Closures are recorded in working hours too, but work finished late is closed the same evening,
 * not the next morning: an evening time moves back to 17:00-19:00 (if that is still after
 * `earliest`), a night or Sunday time moves on to the next opening.
 */
function closingHours(rng: Random, at: number, earliest: number): number {
  const p = istParts(at)
  if (p.weekday !== 0 && p.hour >= 19) {
    const evening = at - (p.hour * HOUR + p.minute * MINUTE + p.second * 1000) + 17 * HOUR + rng.int(0, 119) * MINUTE + rng.int(0, 59) * 1000
    if (evening >= earliest) return evening
  }
  return officeHours(rng, at)
}

/** Services whose requests more often wait months (multiplies the base chance of 2%). */
const LONG_PENDING: Record<string, number> = { ENCROACHMENT: 4, ROAD_DAMAGE: 3, TREE_TRIMMING: 3, STRAY_DOGS: 2, ILLEGAL_HOARDING: 2, DRAINAGE: 1.5 }

interface Lifecycle {
  acknowledged: number | null
  expected: number | null
  closed: number | null
  notes: string
}

interface Seen {
  id: number
  at: number
  original: number
}

function lifecycle(rng: Random, notesRng: Random, service: Service, kind: string, day: Day, requested: number, earlier: readonly Seen[]): Lifecycle & { duplicateOf: number | null } {
  const delayMin = service.emergency ? soften(rng, rng.logNormal(25, 0.9), 3, 600) : soften(rng, rng.logNormal(150, 1.25), 5, 2880)
  let acknowledged = requested + Math.round(delayMin * 60) * 1000
  if (!service.emergency) acknowledged = officeHours(rng, acknowledged)
  // Decide the outcome before checking the end, so the streams do not depend on the cut-off.
  const outcome = rng.next()
  let ratio = rng.logNormal(service.closeMedian, service.closeSigma)
  // Stuck: waits weeks on a contractor or a drive; pending: waits months on a budget, a court, a joint drive.
  const stuck = rng.next()
  if (stuck < 0.035) ratio *= rng.float(4, 15)
  else if (stuck < 0.035 + 0.02 * (LONG_PENDING[service.service_code] ?? 1)) ratio *= rng.float(20, 90)
  if (day.tags.includes('monsoon') && (service.service_code === 'POTHOLE' || service.service_code === 'ROAD_DAMAGE')) ratio *= 1.4
  if (day.tags.includes('monsoon') && service.service_code === 'DRAINAGE') ratio *= 1.2
  const shortDelay = rng.int(10, 360) * MINUTE
  const rejectDelay = rng.int(60, 72 * 60) * MINUTE

  if (acknowledged > END) return { acknowledged: null, expected: null, closed: null, notes: '', duplicateOf: null }
  const expected = acknowledged + service.sla_days * DAY

  let closed: number
  let notes: string
  let duplicateOf: number | null = null
  const recent = earlier.findLast((s) => s.at >= requested - 10 * DAY)
  if (outcome < 0.045 && recent) {
    duplicateOf = recent.original
    closed = acknowledged + shortDelay
    notes = `Duplicate of ${duplicateOf}`
  } else if (outcome >= 0.045 && outcome < 0.07) {
    closed = acknowledged + rejectDelay
    notes = notesRng.weighted([...service.rejected.map((n) => [n, 2] as const), ...REJECTED_COMMON.map((n) => [n, 1] as const)])
  } else {
    closed = acknowledged + Math.max(30 * MINUTE, Math.round((ratio * service.sla_days * DAY) / 1000) * 1000)
    if (!service.emergency) closed = closingHours(rng, closed, acknowledged + 30 * MINUTE)
    notes = notesRng.pick(service.closed[kind] ?? service.closed['*'] ?? [])
  }
  if (closed <= END) return { acknowledged, expected, closed, notes, duplicateOf }

  // Still open at the dataset's end: a progress note that fits how long it has waited.
  const progress =
    END > expected
      ? [...PROGRESS_LATE, ...service.progress]
      : END - acknowledged < DAY
        ? PROGRESS_FRESH
        : [...PROGRESS_LATER, ...service.progress]
  return { acknowledged, expected, closed: null, notes: notesRng.pick(progress), duplicateOf: null }
}

/** Keeps x in [lo, hi] without piling values up on the bounds (a hard clamp shows as identical delays). */
function soften(rng: Random, x: number, lo: number, hi: number): number {
  if (x > hi) return rng.float(hi / 2, hi)
  if (x < lo) return rng.float(lo, 2 * lo)
  return x
}

// ---------------------------------------------------------------------------------------------
// Files

export interface GrievanceFiles {
  /** Absolute paths of the files written. */
  files: string[]
  requestCount: number
}

function facts(content: string): FileFacts {
  return { bytes: Buffer.byteLength(content, 'utf8'), hash: `sha256:${createHash('sha256').update(content, 'utf8').digest('hex')}` }
}

function servicesCsv(): string {
  const rows = SERVICES.map((s): CsvValue[] => [
    s.service_code,
    s.service_name,
    s.description,
    hasDefinition(s.service_code) ? 'true' : 'false',
    s.type,
    s.keywords.join(','),
    s.group,
    s.agency,
    s.sla_days,
  ])
  return toCsv(
    SERVICE_FIELDS.map((f) => f.name),
    rows,
  )
}

function definitionsJson(): string {
  const byCode: Record<string, unknown> = {}
  for (const d of SERVICE_DEFINITIONS) byCode[d.service_code] = d
  return JSON.stringify(byCode, null, 2) + '\n'
}

function requestsCsv(): { csv: string; count: number } {
  for (const s of SERVICES) if (!hasText(s.service_code)) throw new Error(`bug: no complaint text for ${s.service_code}`)
  const root = new Random(SEED)
  const days = buildDays(root.fork('weather'))
  const slots = schedule(root.fork('schedule'), days)
  const seen = new Map<string, Seen[]>()
  const rows: CsvValue[][] = []

  slots.forEach((slot, i) => {
    const id = FIRST_ID + i
    const { service, day, at: requested } = slot
    const r = root.fork('request').fork(id)
    const where = place(r.fork('place'), service)
    const lang = language(r.fork('language'), where.ward)
    const photo = r.fork('media').bool(service.photo)
    const vars = textVars(r.fork('vars'), service, where)
    const description = describe(r.fork('text'), service.service_code, lang, vars, day.tags, photo)
    const key = `${service.service_code}|${where.ward.id}`
    const earlier = seen.get(key) ?? []
    const life = lifecycle(r.fork('lifecycle'), r.fork('notes'), service, description.kind, day, requested, earlier)
    const notice = serviceNotice(r.fork('notice'), service, day)
    earlier.push({ id, at: requested, original: life.duplicateOf ?? id })
    seen.set(key, earlier)

    const updated = Math.max(requested, life.acknowledged ?? requested, life.closed ?? requested)
    rows.push([
      String(id),
      service.service_code,
      service.service_name,
      description.text,
      lang,
      life.closed === null ? 'open' : 'closed',
      life.notes,
      life.acknowledged === null ? '' : service.agency,
      notice,
      formatIst(requested),
      life.acknowledged === null ? '' : formatIst(life.acknowledged),
      life.expected === null ? '' : formatIst(life.expected),
      formatIst(updated),
      life.closed === null ? '' : formatIst(life.closed),
      where.address,
      '',
      where.locality.pin,
      where.lat.toFixed(6),
      where.lon.toFixed(6),
      where.ward.name,
      photo ? `https://example.org/media/${id}.jpg` : '',
    ])
  })
  return {
    csv: toCsv(
      REQUEST_FIELDS.map((f) => f.name),
      rows,
    ),
    count: rows.length,
  }
}

/** Writes services.csv, service-definitions.json, requests.csv and datapackage.json into outDir. */
export function generateGrievances(outDir: string = GRIEVANCES_DIR): GrievanceFiles {
  const services = servicesCsv()
  const definitions = definitionsJson()
  const requests = requestsCsv()
  const pkg = grievancesPackage({
    seed: SEED,
    generator: GENERATOR,
    start: formatIst(START),
    end: formatIst(END),
    files: { services: facts(services), requests: facts(requests.csv), definitions: facts(definitions) },
  })
  const out: Record<string, string> = {
    'services.csv': services,
    'service-definitions.json': definitions,
    'requests.csv': requests.csv,
    'datapackage.json': JSON.stringify(pkg, null, 2) + '\n',
  }
  mkdirSync(outDir, { recursive: true })
  const files: string[] = []
  for (const [name, content] of Object.entries(out)) {
    const path = join(outDir, name)
    writeFileSync(path, content, 'utf8')
    files.push(path)
  }
  return { files, requestCount: requests.count }
}

const runDirectly =
  import.meta.main ?? (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
if (runDirectly) {
  const { files, requestCount } = generateGrievances()
  process.stdout.write(`wrote ${requestCount} requests; ${files.map((f) => f.replace(`${dirname(GRIEVANCES_DIR)}/`, 'datasets/')).join(', ')}\n`)
}
