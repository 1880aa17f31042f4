// A webhook receiver (given, complete): it verifies each delivery on its raw bytes before it trusts a word of it.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createVerifier, SIGNATURE_HEADER, type VerifierOptions } from './webhook.ts'

export interface ReceiverOptions extends VerifierOptions {
  secret: string
  /** Default 0: a free port. */
  port?: number
}

export interface Receiver {
  url: string
  /** The events accepted, parsed from JSON, in order of arrival. */
  received: unknown[]
  close(): Promise<void>
}

const STATUS_OF = { malformed: 400, 'bad-signature': 401, stale: 401, replayed: 409 } as const

/** The body exactly as it came: the signature covers these bytes, not a re-serialized JSON. */
async function rawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** Listens on 127.0.0.1: POST a delivery; 204 when accepted, else 400/401/409 with `{ "error": reason }`. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const verify = createVerifier(options.secret, options)
  const received: unknown[] = []
  const server = createServer(async (request, response) => {
    try {
      const body = await rawBody(request)
      const header = request.headers[SIGNATURE_HEADER]
      const verdict = verify(body, Array.isArray(header) ? header.join(',') : header)
      if (!verdict.ok) {
        response.writeHead(STATUS_OF[verdict.reason], { 'content-type': 'application/json' }).end(JSON.stringify({ error: verdict.reason }))
        return
      }
      received.push(JSON.parse(body.toString('utf8')))
      response.writeHead(204).end()
    } catch (error) {
      // A bug in the verifier must answer, not leave the sender waiting for ever.
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String((error as Error).message) }))
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/`, received, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

// `node receiver.ts`: a receiver on port 4200; sign and send a delivery from another terminal
// with `node send.ts` (see README).
if (import.meta.main) {
  const secret = process.env.WEBHOOK_SECRET ?? ''
  if (secret === '') {
    console.error('WEBHOOK_SECRET is not set: export WEBHOOK_SECRET=<a long random text> in both terminals')
    process.exitCode = 1
  } else {
    const receiver = await startReceiver({ secret, port: 4200 })
    console.log(`receiving webhooks at ${receiver.url}`)
  }
}
