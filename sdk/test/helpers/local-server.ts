import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server received it. */
export interface Hit {
  method: string
  /** Path and query, as sent. */
  path: string
  headers: IncomingHttpHeaders
  body: string
  /** `performance.now()` when the request had fully arrived. */
  at: number
}

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  hits: Hit[]
  close(): Promise<void>
}

/** Answers one request; `count` is 1 for the first request the server sees, 2 for the second, ... */
export type Handler = (res: ServerResponse, hit: Hit, count: number) => void

/** A real HTTP server on a free loopback port, recording every request it gets. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const hits: Hit[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const hit: Hit = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() }
      hits.push(hit)
      handler(res, hit, hits.length)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => {
      // Requests the tests leave unanswered would otherwise keep close() waiting.
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())))
    },
  }
}

/** Answers with a status, an optional body (objects as JSON) and headers. */
export function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  const type = body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json' }
  res.writeHead(status, { ...type, ...headers })
  res.end(text)
}

/** The URL of a loopback port that nothing listens on (the OS gave it out and it was closed again). */
export async function closedPortUrl(): Promise<string> {
  const server = await startServer(() => {})
  await server.close()
  return server.url
}
