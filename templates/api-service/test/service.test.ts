import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient, type ThaneClient } from '@thanekit/sdk'
import { startSandbox, type Sandbox } from '@thanekit/sdk/sandbox'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app.js'

// The sandbox on a free port with a fixed clock; the service talks to it through the SDK.
let sandbox: Sandbox
let city: ThaneClient
let app: FastifyInstance
let cacheDir: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clock: '2026-07-14T09:00+05:30' })
  cacheDir = mkdtempSync(join(tmpdir(), 'thane-api-service-'))
  city = createClient({ baseUrl: sandbox.url, cacheDir, env: {}, configFile: false })
  app = buildApp({ city })
})
afterAll(async () => {
  await app?.close()
  await sandbox?.close()
  rmSync(cacheDir, { recursive: true, force: true })
})

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload })

/** A point 200 m north of the first air-quality station of a ward. */
async function pointIn(ward: string): Promise<{ lat: number; lon: number }> {
  const [station] = await city.sensors.stations({ kind: 'air-quality', ward })
  return { lat: station!.coordinates!.lat + 0.0018, lon: station!.coordinates!.lon }
}

describe('POST /triage', () => {
  it('suggests Pothole for an English complaint and finds the ward from coordinates', async () => {
    const res = await post('/triage', { text: 'There are two deep potholes on the road near the bus stop', ...(await pointIn('Kalwa')) })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.language).toBe('en')
    expect(body.service).toMatchObject({ serviceCode: 'POTHOLE', matched: expect.arrayContaining(['pothole']) })
    expect(body.ward).toMatchObject({ ward: 'Kalwa', nearest: { distanceMetres: expect.any(Number) } })
  })

  it('reads Marathi: garbage not collected, at a place named in Marathi', async () => {
    const res = await post('/triage', { text: 'आमच्या गल्लीत तीन दिवसांपासून कचरा उचलला गेला नाही आहे', place: 'कळवा स्थानक' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ language: 'mr', service: { serviceCode: 'GARBAGE' }, ward: { ward: 'Kalwa', place: { name: 'Kalwa Station' } } })
  })

  it('reads Hindi: no water supply', async () => {
    const res = await post('/triage', { text: 'हमारे इलाके में दो दिन से पानी नहीं आ रहा है, नल सूखे हैं' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ language: 'hi', service: { serviceCode: 'WATER_SUPPLY' }, ward: null })
  })

  it('reads romanised Marathi keywords from the city service list (khadda)', async () => {
    const res = await post('/triage', { text: 'Rastyavar motha khadda padla aahe' })
    expect(res.json().service).toMatchObject({ serviceCode: 'POTHOLE', matched: ['khadda'] })
  })

  it('answers 400 with the field at fault when the body breaks the schema', async () => {
    const res = await post('/triage', { text: 'dark street', lat: 19.2 })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toBe('body must have property lon when property lat is present')
  })

  it('answers 400 naming the place when no stop has that name', async () => {
    const res = await post('/triage', { text: 'garbage everywhere', place: 'Atlantis' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: 'bad-input', message: 'no place called "Atlantis" is known; give lat and lon instead' })
  })
})

describe('POST /grievances', () => {
  it('files the complaint through the SDK with the suggested service, and the city has it', async () => {
    const { attributes } = await city.grievances.definition('GARBAGE')
    const kind = attributes.find((a) => a.code === 'garbage_kind')!.values[0]!.key
    const point = await pointIn('Naupada-Kopri')
    const text = 'घंटागाडी आठवडाभर आली नाही, कचरा साचला आहे'
    const res = await post('/grievances', { text, ...point, attributes: { garbage_kind: kind } })
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({ serviceCode: 'GARBAGE', language: 'mr', ward: { ward: 'Naupada-Kopri' }, serviceRequestId: expect.any(String) })

    const filed = await city.grievances.get(body.serviceRequestId)
    expect(filed).toMatchObject({ serviceCode: 'GARBAGE', description: text, status: 'open' })
    expect(filed.lat).toBeCloseTo(point.lat, 4)
    expect(filed.lon).toBeCloseTo(point.lon, 4)
  })

  it('answers 422 with the city API message when a required attribute is missing', async () => {
    const res = await post('/grievances', { text: 'Huge pothole outside the school gate', ...(await pointIn('Kalwa')) })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ error: 'rejected-by-city', message: expect.stringContaining('size') })
  })

  it('answers 422 when no service can be told from the text and none is given', async () => {
    const res = await post('/grievances', { text: 'Please help us quickly', ...(await pointIn('Kalwa')) })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({ error: 'no-service', message: 'could not tell which service this complaint is for; pass serviceCode (GET /services lists them)' })
  })

  it('answers 400 when the complaint has no location', async () => {
    const res = await post('/grievances', { text: 'Streetlight not working', serviceCode: 'STREETLIGHT' })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toMatch(/^body must have required property '(lat|place)'/)
  })
})

describe('GET /services and /services/:code', () => {
  it('lists the services of the city API and the attributes one takes', async () => {
    const list = await app.inject('/services')
    expect(list.statusCode).toBe(200)
    expect(list.json().map((s: { serviceCode: string }) => s.serviceCode)).toEqual((await city.grievances.services()).map((s) => s.serviceCode))
    const definition = await app.inject('/services/POTHOLE')
    expect(definition.json().attributes.find((a: { code: string }) => a.code === 'size')).toMatchObject({ required: true, datatype: 'singlevaluelist' })
    expect((await app.inject('/services/NO_SUCH_SERVICE')).statusCode).toBe(404)
  })
})
