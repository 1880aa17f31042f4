import { randomUUID } from 'node:crypto'
import { ApiError, InputError, ThaneError, type Service, type ThaneClient } from '@thanekit/sdk'
import Fastify, { type FastifyInstance } from 'fastify'
import { definitionSchema, grievanceSchema, servicesSchema, triageSchema, type GrievanceBody, type TriageBody } from './schemas.js'
import { detectLanguage, suggestServices, type Language, type ServiceSuggestion } from './triage.js'
import { wardAt, wardOfPlace, type WardGuess } from './ward.js'

export interface AppOptions {
  /** The city API client (`createClient()`), pointing at the sandbox or a real city. */
  city: ThaneClient
  /** Fastify's request log. Default: off. */
  logger?: boolean
  /** How long the city's service list is reused before it is asked for again. Default: 5 minutes. */
  servicesTtlMs?: number
}

interface Triage {
  language: Language
  service: ServiceSuggestion | null
  alternatives: ServiceSuggestion[]
  ward: WardGuess | null
}

/** The grievance triage service: suggests the Open311 service and ward of a complaint, and files it. */
export function buildApp({ city, logger = false, servicesTtlMs = 5 * 60_000 }: AppOptions): FastifyInstance {
  const app = Fastify({ logger })

  // The city's service list changes rarely: fetch it once and reuse it for a while.
  let cached: { at: number; services: Promise<Service[]> } | undefined
  const services = (): Promise<Service[]> => {
    if (!cached || Date.now() - cached.at > servicesTtlMs) {
      const fetched = city.grievances.services()
      cached = { at: Date.now(), services: fetched }
      fetched.catch(() => (cached = undefined)) // a failure is not remembered
    }
    return cached.services
  }

  async function triage(body: TriageBody): Promise<Triage> {
    const [ranked, ward] = await Promise.all([
      services().then((list) => suggestServices(body.text, list)),
      body.lat !== undefined && body.lon !== undefined ? wardAt(city, { lat: body.lat, lon: body.lon }) : body.place ? wardOfPlace(city, body.place) : undefined,
    ])
    return { language: detectLanguage(body.text), service: ranked[0] ?? null, alternatives: ranked.slice(1, 4), ward: ward ?? null }
  }

  app.get('/health', async () => ({ ok: true }))

  app.get('/services', { schema: servicesSchema }, async () => services())

  app.get<{ Params: { code: string } }>('/services/:code', { schema: definitionSchema }, async (request) => city.grievances.definition(request.params.code))

  app.post<{ Body: TriageBody }>('/triage', { schema: triageSchema }, async (request) => triage(request.body))

  app.post<{ Body: GrievanceBody }>('/grievances', { schema: grievanceSchema }, async (request, reply) => {
    const { text, serviceCode, attributes, email, phone, firstName, lastName } = request.body
    const found = await triage(request.body)
    const code = serviceCode ?? found.service?.serviceCode
    if (!code) return reply.code(422).send({ error: 'no-service', message: 'could not tell which service this complaint is for; pass serviceCode (GET /services lists them)' })
    if (!found.ward) return reply.code(422).send({ error: 'outside-city', message: 'the location is not within 3 km of any known site of the city; check lat and lon' })
    const result = await city.grievances.submit(
      { serviceCode: code, location: { lat: found.ward.lat, lon: found.ward.lon }, description: text, attributes, email, phone, firstName, lastName },
      // With a key the SDK may retry the POST safely; the city sees one request.
      { idempotencyKey: randomUUID() },
    )
    return reply.code(201).send({ ...result, serviceCode: code, language: found.language, ward: found.ward })
  })

  // SDK errors become answers that say who must act: the caller (4xx) or the city API (502).
  app.setErrorHandler((err, _request, reply) => {
    if (err instanceof InputError) return reply.code(400).send({ error: 'bad-input', message: err.message })
    if (err instanceof ApiError && err.status === 404) return reply.code(404).send({ error: 'not-found', message: err.message })
    if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.method === 'POST') {
      return reply.code(422).send({ error: 'rejected-by-city', message: err.message })
    }
    if (err instanceof ThaneError) return reply.code(502).send({ error: 'city-api-unavailable', message: err.message })
    return reply.send(err) // Fastify's own (validation → 400) or a bug (500)
  })

  return app
}
