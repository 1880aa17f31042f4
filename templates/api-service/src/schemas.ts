// JSON Schemas of the routes: Fastify validates requests with them and serialises responses by them.

const text = { type: 'string', minLength: 3, maxLength: 4000, description: 'The complaint, in English, Marathi or Hindi' } as const
const lat = { type: 'number', minimum: -90, maximum: 90 } as const
const lon = { type: 'number', minimum: -180, maximum: 180 } as const
const place = { type: 'string', minLength: 2, maxLength: 200, description: 'A place name (a bus stop, in English or Marathi) when there are no coordinates' } as const

const suggestion = {
  type: 'object',
  required: ['serviceCode', 'serviceName', 'score', 'matched'],
  properties: { serviceCode: { type: 'string' }, serviceName: { type: 'string' }, score: { type: 'integer' }, matched: { type: 'array', items: { type: 'string' } } },
} as const

const ward = {
  type: ['object', 'null'],
  required: ['ward', 'lat', 'lon', 'nearest'],
  properties: {
    ward: { type: 'string' },
    lat,
    lon,
    nearest: { type: 'object', properties: { name: { type: 'string' }, distanceMetres: { type: 'integer' } } },
    place: { type: 'object', properties: { name: { type: 'string' }, nameMr: { type: 'string' } } },
  },
} as const

const error = { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' } } } as const

export interface TriageBody {
  text: string
  lat?: number
  lon?: number
  place?: string
}

export const triageSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['text'],
    properties: { text, lat, lon, place },
    dependencies: { lat: ['lon'], lon: ['lat'] },
  },
  response: {
    200: {
      type: 'object',
      required: ['language', 'service', 'alternatives', 'ward'],
      properties: {
        language: { type: 'string', enum: ['en', 'mr', 'hi'] },
        service: { anyOf: [suggestion, { type: 'null' }] },
        alternatives: { type: 'array', items: suggestion },
        ward,
      },
    },
    400: error,
    502: error,
  },
} as const

export interface GrievanceBody extends TriageBody {
  /** Overrides the suggested service. */
  serviceCode?: string
  /** Answers to the service's attributes (GET /services/:code lists them). */
  attributes?: Record<string, string | number | string[]>
  email?: string
  phone?: string
  firstName?: string
  lastName?: string
}

export const grievanceSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['text'],
    properties: {
      text,
      lat,
      lon,
      place,
      serviceCode: { type: 'string', minLength: 1 },
      attributes: { type: 'object', additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'array', items: { type: 'string' } }] } },
      email: { type: 'string', format: 'email' },
      phone: { type: 'string', maxLength: 20 },
      firstName: { type: 'string', maxLength: 100 },
      lastName: { type: 'string', maxLength: 100 },
    },
    dependencies: { lat: ['lon'], lon: ['lat'] },
    anyOf: [{ required: ['lat', 'lon'] }, { required: ['place'] }],
  },
  response: {
    201: {
      type: 'object',
      required: ['serviceCode', 'language'],
      properties: {
        serviceRequestId: { type: 'string' },
        token: { type: 'string' },
        serviceNotice: { type: 'string' },
        serviceCode: { type: 'string' },
        language: { type: 'string', enum: ['en', 'mr', 'hi'] },
        ward,
      },
    },
    400: error,
    422: error,
    502: error,
  },
} as const

export const servicesSchema = {
  response: {
    200: {
      type: 'array',
      items: {
        type: 'object',
        required: ['serviceCode', 'serviceName'],
        properties: { serviceCode: { type: 'string' }, serviceName: { type: 'string' }, group: { type: 'string' }, description: { type: 'string' }, keywords: { type: 'array', items: { type: 'string' } } },
      },
    },
    502: error,
  },
} as const

export const definitionSchema = {
  params: { type: 'object', required: ['code'], properties: { code: { type: 'string', minLength: 1, maxLength: 100 } } },
  response: {
    200: {
      type: 'object',
      properties: {
        serviceCode: { type: 'string' },
        attributes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              description: { type: 'string' },
              datatype: { type: 'string' },
              required: { type: 'boolean' },
              values: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, name: { type: 'string' } } } },
            },
          },
        },
      },
    },
    404: error,
    502: error,
  },
} as const
