// The dashboard's JSON API, served by the Vite dev (and preview) server under /api. It calls the city
// through the SDK on the server side, so the page gets ready-made views and the API key never
// reaches the browser. Add a route here, then fetch it from src/main.ts.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError, InputError, ThaneError, type ThaneClient } from '@thanekit/sdk'
import { airCard, byUrgency, checkGrievance, departureRow, gaugeView, type GrievanceForm } from '../src/data.js'

export interface ApiSettings {
  /** The stop shown when the page asks for none. */
  defaultStop: string
}

type Handler = (city: ThaneClient, url: URL, req: IncomingMessage) => Promise<unknown>

const routes: Record<string, Handler> = {
  'GET /air': async (city) => {
    const stations = await city.sensors.stations({ kind: 'air-quality' })
    return Promise.all(stations.map(async (station) => airCard(station, await city.sensors.aqi(station.id))))
  },

  'GET /floods': async (city) => {
    const gauges = await city.sensors.stations({ kind: 'flood-gauge' })
    const views = await Promise.all(
      gauges.map(async (station) => {
        const readings = await city.sensors.latest(station.id)
        // A gauge has one datastream, its water level in metres.
        const level = readings.find((r) => r.unit.symbol === 'm' && r.value !== undefined)
        return gaugeView(station, level?.value ?? null, level?.observation?.phenomenonTime?.toString() ?? null)
      }),
    )
    return byUrgency(views)
  },

  'GET /departures': async (city, url) => {
    const query = url.searchParams.get('stop') ?? ''
    const limit = Math.min(20, Math.max(1, Number(url.searchParams.get('limit')) || 6))
    const stop = (await city.transit.stops.get(query)) ?? (await city.transit.stops.search(query))[0]
    if (!stop) throw new InputError(`no bus stop matches "${query}"; try a stop name such as Thane Station`, { field: 'stop' })
    const [departures, feed] = await Promise.all([city.transit.departures(stop.stopId, { limit }), city.transit.feed()])
    return { stop: { id: stop.stopId, name: stop.name, nameMr: stop.nameMr }, rows: departures.map((d) => departureRow(d, feed.timezone)) }
  },

  'GET /services': async (city) => {
    const services = await city.grievances.services()
    // Services with metadata ask extra questions (city.grievances.definition(code)); this simple form leaves them out.
    return services.filter((s) => !s.metadata).map((s) => ({ code: s.serviceCode, name: s.serviceName, group: s.group }))
  },

  'POST /grievances': async (city, _url, req) => {
    const form = (await readJson(req)) as Partial<GrievanceForm>
    const errors = checkGrievance(form)
    if (Object.keys(errors).length > 0) throw new InputError(Object.values(errors).join(' '), { field: Object.keys(errors)[0] })
    const { serviceCode, description, lat, lon } = form as GrievanceForm
    const result = await city.grievances.submit({ serviceCode, description: description.trim(), location: { lat, lon } })
    return { id: result.serviceRequestId ?? null, token: result.token ?? null, notice: result.serviceNotice ?? null }
  },
}

/** The /api middleware (connect style, as Vite's servers use): answers its routes, passes on the rest. */
export function createApiMiddleware(city: ThaneClient, settings: ApiSettings) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    // Mounted under /api, so req.url is the rest of the path ("/air?x=1").
    const url = new URL(req.url ?? '/', 'http://dashboard.local')
    if (url.pathname === '/settings') return send(res, 200, settings)
    const handler = routes[`${req.method} ${url.pathname}`]
    if (!handler) return next()
    handler(city, url, req).then(
      (body) => send(res, 200, body),
      (err: unknown) => send(res, ...errorAnswer(err)),
    )
  }
}

// Bad input is the page's to fix (400); a city API that fails or cannot be reached is a gateway error (502).
function errorAnswer(err: unknown): [number, { error: string }] {
  if (err instanceof InputError) return [400, { error: err.message }]
  if (err instanceof ApiError && err.status < 500 && err.status !== 429) return [400, { error: err.message }]
  if (err instanceof ThaneError) return [502, { error: err.message }]
  console.error(err)
  return [500, { error: 'the dashboard server failed; see its terminal for why' }]
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    throw new InputError('the request body must be JSON', { field: 'body' })
  }
}
