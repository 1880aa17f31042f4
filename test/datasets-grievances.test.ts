import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvField, toCsv } from '../datasets/generate/csv.ts'
import { SERVICES } from '../datasets/generate/grievances-catalogue.ts'
import { kindsOf } from '../datasets/generate/grievances-text.ts'
import { END, FIRST_ID, GRIEVANCES_DIR, SEED, START, generateGrievances } from '../datasets/generate/grievances.ts'
import { Random } from '../datasets/generate/random.ts'
import { THANE_BBOX, THANE_BOUNDARY, WARDS, insideThane, insideWard, wardByName, wardPins } from '../datasets/generate/thane.ts'
import { IST_TIMESTAMP } from '../datasets/generate/time.ts'

const DIR = GRIEVANCES_DIR
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8')

interface Field {
  name: string
  type: string
  description?: string
  constraints?: { maxLength?: number; enum?: string[] }
}
interface Resource {
  name: string
  path: string
  profile: string
  format: string
  mediatype: string
  bytes: number
  hash: string
  schema?: { fields: Field[]; primaryKey: string[]; foreignKeys?: unknown[] }
}
interface Attribute {
  variable: boolean
  code: string
  datatype: string
  required: boolean
  datatype_description: string | null
  order: number
  description: string
  values: { key: string; name: string }[]
}

const pkg = JSON.parse(read('datapackage.json')) as { resources: Resource[]; [k: string]: unknown }
const resource = (name: string): Resource => {
  const r = pkg.resources.find((x) => x.name === name)
  if (!r) throw new Error(`datapackage.json has no resource ${name}`)
  return r
}
const fieldsOf = (name: string): Field[] => resource(name).schema?.fields ?? []

/** Parses a CSV file into its header and its records as objects. */
function table(name: string): { header: string[]; rows: Record<string, string>[] } {
  const records = parse(read(name), { bom: false }) as string[][]
  const [header, ...body] = records
  if (!header) throw new Error(`${name} is empty`)
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) }
}

const services = table('services.csv')
const requests = table('requests.csv')
const definitions = JSON.parse(read('service-definitions.json')) as Record<string, { service_code: string; attributes: Attribute[] }>
const serviceByCode = new Map(services.rows.map((s) => [s.service_code, s]))
const t = (s: string): number => Date.parse(s)
const month = (s: string): number => Number(s.slice(5, 7))
const DEVANAGARI = /[\u0900-\u097F]/

describe('grievances generator', () => {
  let out: string
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'thane-grievances-'))
  })
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('generator: rebuilds the committed files byte for byte', () => {
    const { files, requestCount } = generateGrievances(out)
    expect(requestCount).toBe(requests.rows.length)
    expect(readdirSync(out).sort()).toEqual(readdirSync(DIR).sort())
    expect(files).toHaveLength(4)
    for (const name of readdirSync(DIR)) {
      // Compare bytes, not strings: a BOM or a changed line ending must fail too.
      expect(readFileSync(join(out, name)).equals(readFileSync(join(DIR, name))), `${name} differs from a fresh build`).toBe(true)
    }
  })

  it('files: UTF-8 without BOM, LF line endings only', () => {
    for (const name of readdirSync(DIR)) {
      const bytes = readFileSync(join(DIR, name))
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), `${name} starts with a BOM`).toBe(false)
      expect(bytes.includes(0x0d), `${name} holds a CR`).toBe(false)
      expect(bytes.at(-1), `${name} ends without a newline`).toBe(0x0a)
    }
  })
})

describe('generator building blocks', () => {
  it('random: a seed gives the same sequence, a fork does not depend on what the parent drew', () => {
    const a = new Random(SEED)
    const b = new Random(SEED)
    const seqA = Array.from({ length: 5 }, () => a.uint32())
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA)
    const fresh = new Random(SEED).fork('x')
    const used = new Random(SEED)
    used.next()
    used.next()
    expect(used.fork('x').next()).toBe(fresh.next())
    expect(new Random(SEED).fork('y').next()).not.toBe(new Random(SEED).fork('x').next())
  })

  it('random: helpers stay in range', () => {
    const r = new Random('range')
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 7)
      expect(n).toBeGreaterThanOrEqual(3)
      expect(n).toBeLessThanOrEqual(7)
      expect(Number.isInteger(n)).toBe(true)
      const f = r.float(1, 2)
      expect(f >= 1 && f < 2).toBe(true)
    }
    expect(r.weighted([['only', 1], ['never', 0]])).toBe('only')
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
    const normals = Array.from({ length: 4000 }, () => r.normal(10, 2))
    const mean = normals.reduce((s, x) => s + x, 0) / normals.length
    expect(Math.abs(mean - 10)).toBeLessThan(0.2)
  })

  it('csv: quotes only fields with a comma, quote, CR or LF, and doubles inner quotes', () => {
    expect(csvField('plain text')).toBe('plain text')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField(null)).toBe('')
    expect(csvField(42)).toBe('42')
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\n1,"x,y"\n')
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/bug: CSV row has 1 fields/)
  })

  it('thane: every locality lies inside its ward and the city boundary, with a 4006xx PIN', () => {
    expect(WARDS.map((w) => w.name)).toEqual([
      'Naupada-Kopri',
      'Uthalsar',
      'Wagle Estate',
      'Lokmanya Nagar-Savarkar Nagar',
      'Vartak Nagar',
      'Majiwada-Manpada',
      'Kalwa',
      'Mumbra',
      'Diva',
    ])
    for (const w of WARDS) {
      expect(insideThane(w.lat, w.lon), `${w.name} centre`).toBe(true)
      for (const l of w.localities) {
        expect(insideWard(w, l.lat, l.lon), `${l.name} in ${w.name}`).toBe(true)
        expect(insideThane(l.lat, l.lon), `${l.name} in Thane`).toBe(true)
        expect(l.pin).toMatch(/^4006\d{2}$/)
        expect(l.nameDeva).toMatch(DEVANAGARI)
      }
    }
    expect(THANE_BOUNDARY.length).toBeGreaterThanOrEqual(8)
    expect(insideThane(19.076, 72.8777)).toBe(false) // Mumbai, Fort area
    expect(insideThane(19.157, 72.999)).toBe(false) // Airoli, across the creek
  })

  it('catalogue: every kind of complaint text has closure notes (or a fallback)', () => {
    for (const s of SERVICES) {
      expect(s.closed['*'], `${s.service_code} has no '*' closure notes`).toBeDefined()
      for (const kind of kindsOf(s.service_code)) expect(s.closed[kind] ?? s.closed['*']).not.toHaveLength(0)
    }
  })
})

describe('services.csv and service-definitions.json', () => {
  it('services: the header follows the schema and codes are short, stable and unique', () => {
    expect(services.header).toEqual(fieldsOf('services').map((f) => f.name))
    expect(services.header).toEqual(['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group', 'agency', 'sla_days'])
    expect(services.rows.length).toBeGreaterThanOrEqual(12)
    const codes = services.rows.map((s) => s.service_code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const s of services.rows) {
      expect(s.service_code).toMatch(/^[A-Z][A-Z0-9_]{1,31}$/)
      expect(['true', 'false']).toContain(s.metadata)
      expect(['realtime', 'batch', 'blackbox']).toContain(s.type)
      expect(Number(s.sla_days)).toBeGreaterThanOrEqual(1)
      expect(s.agency).not.toBe('')
      expect(s.group).toMatch(/^[a-z]+$/)
    }
    expect(services.rows.filter((s) => s.type === 'batch').length).toBeGreaterThanOrEqual(1)
    expect(services.rows.filter((s) => s.type === 'realtime').length).toBeGreaterThanOrEqual(10)
    expect(codes).toEqual(expect.arrayContaining(['POTHOLE', 'GARBAGE', 'WATER_SUPPLY', 'DRAINAGE', 'STREETLIGHT', 'WATERLOGGING']))
  })

  it('definitions: one per service with metadata=true, keyed by service_code, in GeoReport v2 shape', () => {
    const withMetadata = services.rows.filter((s) => s.metadata === 'true').map((s) => s.service_code)
    expect(Object.keys(definitions).sort()).toEqual(withMetadata.sort())
    const datatypes = new Set<string>()
    let informational = 0
    for (const [code, def] of Object.entries(definitions)) {
      expect(def.service_code).toBe(code)
      expect(def.attributes.length).toBeGreaterThan(0)
      const orders = def.attributes.map((a) => a.order)
      expect(new Set(orders).size, `${code}: orders unique`).toBe(orders.length)
      for (const a of def.attributes) {
        expect(Object.keys(a)).toEqual(['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'])
        expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(a.datatype)
        expect(Number.isInteger(a.order) && a.order >= 1).toBe(true)
        expect(typeof a.variable).toBe('boolean')
        expect(typeof a.required).toBe('boolean')
        expect(a.description).not.toBe('')
        if (a.datatype.endsWith('valuelist')) {
          expect(a.values.length, `${code}.${a.code} has options`).toBeGreaterThanOrEqual(2)
          for (const v of a.values) expect(Object.keys(v)).toEqual(['key', 'name'])
        } else {
          expect(a.values).toEqual([])
        }
        datatypes.add(a.datatype)
        if (!a.variable) informational++
      }
    }
    expect([...datatypes].sort()).toEqual(['datetime', 'multivaluelist', 'number', 'singlevaluelist', 'string', 'text'])
    expect(informational).toBeGreaterThanOrEqual(1)
    const water = definitions.WATER_SUPPLY?.attributes.find((a) => a.code === 'problem')
    expect(water?.required).toBe(true)
    expect(water?.values.map((v) => v.key)).toEqual(['no_water', 'low_pressure', 'contaminated', 'leakage', 'irregular_timing'])
  })
})

describe('requests.csv', () => {
  const rows = requests.rows

  it('header: equals the schema field names, in order', () => {
    expect(requests.header).toEqual(fieldsOf('requests').map((f) => f.name))
    expect(requests.header.join(',')).toBe(
      'service_request_id,service_code,service_name,description,description_language,status,status_notes,agency_responsible,service_notice,requested_datetime,acknowledged_datetime,expected_datetime,updated_datetime,closed_datetime,address,address_id,zipcode,lat,long,ward,media_url',
    )
  })

  it('ids: about 5,000 rows, numeric ids sequential in requested order from 100001', () => {
    expect(rows.length).toBeGreaterThanOrEqual(4800)
    expect(rows.length).toBeLessThanOrEqual(5200)
    rows.forEach((r, i) => expect(r.service_request_id).toBe(String(FIRST_ID + i)))
    for (let i = 1; i < rows.length; i++) {
      expect(t(rows[i]!.requested_datetime)).toBeGreaterThanOrEqual(t(rows[i - 1]!.requested_datetime))
    }
  })

  it('services: every service_code is known and its service_name matches', () => {
    for (const r of rows) {
      const s = serviceByCode.get(r.service_code)
      expect(s, `unknown service ${r.service_code} in ${r.service_request_id}`).toBeDefined()
      expect(r.service_name).toBe(s?.service_name)
    }
    expect(new Set(rows.map((r) => r.service_code)).size).toBe(services.rows.length)
  })

  it('places: coordinates inside Thane and the stated ward, PIN of that ward, 6 decimals', () => {
    for (const r of rows) {
      expect(r.lat).toMatch(/^\d{2}\.\d{6}$/)
      expect(r.long).toMatch(/^\d{2}\.\d{6}$/)
      const lat = Number(r.lat)
      const lon = Number(r.long)
      const ward = wardByName(r.ward)
      expect(insideThane(lat, lon), `${r.service_request_id} outside Thane`).toBe(true)
      expect(insideWard(ward, lat, lon), `${r.service_request_id} outside ${r.ward}`).toBe(true)
      expect(lat).toBeGreaterThanOrEqual(THANE_BBOX.minLat)
      expect(lon).toBeLessThanOrEqual(THANE_BBOX.maxLon)
      expect(wardPins(ward)).toContain(r.zipcode)
      expect(r.address).toMatch(new RegExp(`, Thane ${r.zipcode}$`))
      expect(r.address_id).toBe('')
    }
    expect(new Set(rows.map((r) => r.ward))).toEqual(new Set(WARDS.map((w) => w.name)))
  })

  it('times: +05:30 timestamps, requested <= acknowledged <= closed, updated is the latest', () => {
    const fields = ['requested_datetime', 'acknowledged_datetime', 'expected_datetime', 'updated_datetime', 'closed_datetime']
    for (const r of rows) {
      for (const f of fields) if (r[f] !== '') expect(r[f], `${r.service_request_id}.${f}`).toMatch(IST_TIMESTAMP)
      const req = t(r.requested_datetime)
      expect(req).toBeGreaterThanOrEqual(START)
      expect(req).toBeLessThanOrEqual(END)
      const stamps = [req]
      if (r.acknowledged_datetime) {
        const ack = t(r.acknowledged_datetime)
        expect(ack).toBeGreaterThanOrEqual(req)
        expect(ack - req).toBeLessThanOrEqual(4 * 86_400_000)
        const sla = Number(serviceByCode.get(r.service_code)?.sla_days)
        expect(t(r.expected_datetime)).toBe(ack + sla * 86_400_000)
        expect(r.agency_responsible).toBe(serviceByCode.get(r.service_code)?.agency)
        stamps.push(ack)
      } else {
        expect(r.expected_datetime).toBe('')
        expect(r.agency_responsible).toBe('')
        expect(r.closed_datetime).toBe('')
      }
      if (r.closed_datetime) {
        const closed = t(r.closed_datetime)
        expect(closed).toBeGreaterThanOrEqual(t(r.acknowledged_datetime))
        expect(closed).toBeLessThanOrEqual(END)
        stamps.push(closed)
      }
      expect(t(r.updated_datetime)).toBe(Math.max(...stamps))
    }
  })

  it('status: closed exactly when closed_datetime is set; a backlog is open at the end', () => {
    for (const r of rows) {
      expect(['open', 'closed']).toContain(r.status)
      expect(r.status === 'closed').toBe(r.closed_datetime !== '')
      if (r.status === 'closed') expect(r.status_notes).not.toBe('')
    }
    const open = rows.filter((r) => r.status === 'open')
    expect(open.length).toBeGreaterThan(20)
    expect(open.length).toBeLessThan(rows.length * 0.1)
    expect(open.some((r) => r.acknowledged_datetime === '')).toBe(true)
    const old = rows.filter((r) => t(r.requested_datetime) < END - 60 * 86_400_000)
    expect(old.filter((r) => r.status === 'closed').length / old.length).toBeGreaterThan(0.95)
    const breached = rows.filter((r) => r.status === 'closed' && r.closed_datetime > r.expected_datetime)
    expect(breached.length).toBeGreaterThan(rows.length * 0.05)
  })

  it('notes: duplicates point at an earlier request of the same service', () => {
    const byId = new Map(rows.map((r) => [r.service_request_id, r]))
    const duplicates = rows.filter((r) => r.status_notes.startsWith('Duplicate of '))
    expect(duplicates.length).toBeGreaterThan(0)
    for (const d of duplicates) {
      const original = byId.get(d.status_notes.slice('Duplicate of '.length))
      expect(original, d.status_notes).toBeDefined()
      expect(Number(original?.service_request_id)).toBeLessThan(Number(d.service_request_id))
      expect(original?.service_code).toBe(d.service_code)
    }
    expect(rows.some((r) => r.status_notes.startsWith('Rejected: '))).toBe(true)
  })

  it('text: en / mr / hi about 55 / 30 / 15, Devanagari exactly for mr and hi', () => {
    const share = (lang: string) => rows.filter((r) => r.description_language === lang).length / rows.length
    expect(share('en')).toBeGreaterThan(0.5)
    expect(share('en')).toBeLessThan(0.6)
    expect(share('mr')).toBeGreaterThan(0.25)
    expect(share('mr')).toBeLessThan(0.35)
    expect(share('hi')).toBeGreaterThan(0.1)
    expect(share('hi')).toBeLessThan(0.2)
    for (const r of rows) {
      expect(['en', 'mr', 'hi']).toContain(r.description_language)
      expect(DEVANAGARI.test(r.description), `${r.service_request_id} (${r.description_language})`).toBe(r.description_language !== 'en')
    }
  })

  it('text: descriptions fit in 4,000 characters, vary, and exercise CSV quoting', () => {
    const max = resource('requests').schema?.fields.find((f) => f.name === 'description')?.constraints?.maxLength
    expect(max).toBe(4000)
    for (const r of rows) {
      expect(r.description.length).toBeGreaterThan(20)
      expect(r.description.length).toBeLessThanOrEqual(4000)
    }
    expect(new Set(rows.map((r) => r.description)).size).toBeGreaterThan(rows.length * 0.8)
    expect(rows.filter((r) => r.description.includes('\n')).length).toBeGreaterThan(100)
    expect(rows.some((r) => r.description.includes('"'))).toBe(true)
    expect(rows.some((r) => r.description.includes(','))).toBe(true)
  })

  it('text: no e-mail addresses or phone numbers', () => {
    const email = /[\w.+-]+@[\w-]+\.[\w.-]+/
    const phone = /(\+91[\s-]?)?\b[6-9]\d{9}\b|\b\d{3}[\s-]\d{3}[\s-]\d{4}\b|\b0\d{2,4}[\s-]?\d{6,8}\b/
    for (const r of rows) {
      const text = `${r.description}\n${r.status_notes}\n${r.address}`
      expect(email.test(text), r.service_request_id).toBe(false)
      expect(phone.test(text), r.service_request_id).toBe(false)
    }
  })

  it('media: about 10% have a placeholder photo URL named after the request', () => {
    const withMedia = rows.filter((r) => r.media_url !== '')
    expect(withMedia.length / rows.length).toBeGreaterThan(0.07)
    expect(withMedia.length / rows.length).toBeLessThan(0.13)
    for (const r of withMedia) expect(r.media_url).toBe(`https://example.org/media/${r.service_request_id}.jpg`)
  })

  it('seasons: drainage and waterlogging in the monsoon far outnumber the dry months; summer brings water complaints', () => {
    const perMonth = (codes: string[], months: number[]) =>
      rows.filter((r) => codes.includes(r.service_code) && months.includes(month(r.requested_datetime))).length / months.length
    const monsoon = [6, 7, 8, 9]
    const dry = [11, 12, 1, 2, 3, 4]
    expect(perMonth(['DRAINAGE', 'WATERLOGGING'], monsoon)).toBeGreaterThan(3 * perMonth(['DRAINAGE', 'WATERLOGGING'], dry))
    expect(perMonth(['TREE_FALL'], monsoon)).toBeGreaterThan(3 * perMonth(['TREE_FALL'], dry))
    expect(perMonth(['WATER_SUPPLY'], [4, 5])).toBeGreaterThan(2 * perMonth(['WATER_SUPPLY'], [7, 8, 9]))
    // Ganesh Chaturthi (27 Aug - 6 Sep 2025) and Diwali (18-27 Oct 2025) bring garbage above an ordinary fortnight.
    const garbageBetween = (from: string, to: string) =>
      rows.filter((r) => r.service_code === 'GARBAGE' && r.requested_datetime >= from && r.requested_datetime < to).length
    const ordinary = garbageBetween('2026-01-05', '2026-01-19') * (13 / 14)
    expect(garbageBetween('2025-08-27', '2025-09-09')).toBeGreaterThan(1.4 * ordinary)
  })

  it('hours: mornings and evenings are busier than the night', () => {
    const hour = (r: Record<string, string>) => Number(r.requested_datetime.slice(11, 13))
    const night = rows.filter((r) => hour(r) >= 1 && hour(r) < 5).length
    const morning = rows.filter((r) => hour(r) >= 8 && hour(r) < 12).length
    expect(morning).toBeGreaterThan(5 * night)
  })
})

describe('datapackage.json', () => {
  it('package: says plainly that the data is synthetic, with its generator, seed and licence', () => {
    expect(pkg.name).toBe('thane-grievances')
    expect(pkg.synthetic).toBe(true)
    expect(String(pkg.description)).toMatch(/synthetic/i)
    expect(String(pkg.description)).toContain('datasets/generate/grievances.ts')
    expect(String(pkg.description)).toContain(`seed ${SEED}`)
    expect(pkg.created).toMatch(IST_TIMESTAMP)
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: 'CC0-1.0' })])
    expect(pkg.resources.map((r) => r.name)).toEqual(['services', 'requests', 'service-definitions'])
  })

  it('resources: bytes and sha256 match the files; every field is typed and described', () => {
    for (const r of pkg.resources) {
      const bytes = readFileSync(join(DIR, r.path))
      expect(r.bytes).toBe(bytes.length)
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`)
      for (const f of r.schema?.fields ?? []) {
        expect(f.type, `${r.name}.${f.name}`).toMatch(/^(string|integer|number|boolean|datetime)$/)
        expect(f.description, `${r.name}.${f.name}`).toBeTruthy()
      }
    }
    expect(resource('services').schema?.primaryKey).toEqual(['service_code'])
    expect(resource('requests').schema?.primaryKey).toEqual(['service_request_id'])
    expect(resource('requests').schema?.foreignKeys).toEqual([{ fields: ['service_code'], reference: { resource: 'services', fields: ['service_code'] } }])
    const defs = resource('service-definitions')
    expect(defs).toMatchObject({ format: 'json', mediatype: 'application/json' })
    expect(defs.schema).toBeUndefined()
    const types = Object.fromEntries(fieldsOf('requests').map((f) => [f.name, f.type]))
    expect(types).toMatchObject({ requested_datetime: 'datetime', closed_datetime: 'datetime', lat: 'number', long: 'number' })
    expect(fieldsOf('requests').find((f) => f.name === 'status')?.constraints?.enum).toEqual(['open', 'closed'])
  })
})
