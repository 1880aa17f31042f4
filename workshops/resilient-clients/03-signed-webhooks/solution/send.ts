// Sends one signed delivery to the receiver (given, complete): `node send.ts`, after `node receiver.ts`.
import { signWebhook } from './webhook.ts'

const secret = process.env.WEBHOOK_SECRET ?? ''
if (secret === '') {
  console.error('WEBHOOK_SECRET is not set: export WEBHOOK_SECRET=<the same text as the receiver>')
  process.exit(1)
}
const body = JSON.stringify({ type: 'service_request.updated', service_request_id: '105001', status: 'closed', note: 'खड्डा बुजवला' })
const timestamp = Math.floor(Date.now() / 1000)
const url = process.argv[2] ?? 'http://127.0.0.1:4200/'
for (const [what, sentBody] of [['signed', body], ['tampered', body.replace('closed', 'open')], ['sent again', body]] as const) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'thane-signature': signWebhook(secret, body, timestamp) }, body: sentBody })
  console.log(`${what}: ${response.status} ${await response.text()}`)
}
