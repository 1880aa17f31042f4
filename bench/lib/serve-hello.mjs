// The ceiling: a bare Fastify route answering a small JSON object, in its own process.
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.get('/', async () => ({ hello: 'world' }))
const url = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(JSON.stringify({ url }) + '\n')
process.once('SIGTERM', () => app.close().then(() => process.exit(0)))
