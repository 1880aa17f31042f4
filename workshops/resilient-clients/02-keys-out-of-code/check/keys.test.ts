import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEV_API_KEY } from '@thanekit/sdk/sandbox'

const exerciseDir = process.env.THANE_EXERCISE_DIR
if (!exerciseDir) throw new Error('THANE_EXERCISE_DIR is not set: run the check with `thane workshop verify`')
const learner = (file: string) => new URL(file, pathToFileURL(exerciseDir + '/')).href
const { loadApiKey, maskKey } = (await import(learner('keys.ts'))) as {
  loadApiKey: (options?: { env?: Record<string, string | undefined>; dir?: string }) => string
  maskKey: (key: string) => string
}
const { fileRoadDamage } = (await import(learner('client.ts'))) as {
  fileRoadDamage: (baseUrl: string, apiKey: string, description: string) => Promise<string>
}

/** A fresh folder holding the given files. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'thane-keys-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

/** Runs fn while collecting everything written through console.*. */
async function captureConsole<T>(fn: () => Promise<T>): Promise<{ printed: string; outcome: PromiseSettledResult<T> }> {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const
  const saved = methods.map((m) => console[m])
  const lines: string[] = []
  for (const m of methods) console[m] = (...args: unknown[]) => void lines.push(args.map(String).join(' '))
  try {
    const [outcome] = await Promise.allSettled([fn()])
    return { printed: lines.join('\n'), outcome: outcome as PromiseSettledResult<T> }
  } finally {
    methods.forEach((m, i) => (console[m] = saved[i] as (typeof console)[typeof m]))
  }
}

// A key of this run only: it cannot be in anyone's code.
const secretKey = `rc-${randomUUID()}`

// A stand-in for the sandbox's Open311 POST (the same answers, started in milliseconds): it checks
// api_key like the real one and answers 201 [{ service_request_id }] or 403 [{ code, description }].
const open311 = createServer((request, response) => {
  let body = ''
  request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
  request.on('end', () => {
    const form = new URLSearchParams(body)
    const ok = request.method === 'POST' && request.url === '/open311/v2/requests.json' && form.get('api_key') === secretKey
    const answer = ok ? [{ service_request_id: '105001' }] : [{ code: 403, description: 'api_key is not valid for this sandbox; use the key the sandbox was started with' }]
    response.writeHead(ok ? 201 : 403, { 'content-type': 'application/json' }).end(JSON.stringify(answer))
  })
})
const standIn = { url: '' }
before(async () => {
  await new Promise<void>((resolve) => open311.listen(0, '127.0.0.1', resolve))
  standIn.url = `http://127.0.0.1:${(open311.address() as AddressInfo).port}`
})
after(() => open311.close())

test('no .ts file of the exercise has an API key written in the code', () => {
  const assigned = /\b[\w$]*(?:key|token|secret|password)[\w$]*\s*[:=]\s*(['"`])([^'"`\s]{8,})\1/gi
  const found: string[] = []
  for (const file of readdirSync(exerciseDir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(exerciseDir, file), 'utf8')
    if (source.includes(DEV_API_KEY)) found.push(`${file}: the sandbox key "${DEV_API_KEY}"`)
    for (const match of source.matchAll(assigned)) {
      // An environment variable's NAME (THANE_API_KEY) is fine: it is not the key.
      if (!/^[A-Z][A-Z0-9_]*$/.test(match[2] ?? '')) found.push(`${file}: ${match[0]}`)
    }
  }
  assert.deepEqual(found, [], `expected no key in the code, found: ${found.join('; ')}`)
})

test('loadApiKey reads THANE_API_KEY from the environment', () => {
  const dir = folder({})
  assert.equal(loadApiKey({ env: { THANE_API_KEY: 'from-the-environment-1234' }, dir }), 'from-the-environment-1234')
})

test('the environment wins over the .env file', () => {
  const dir = folder({ '.env': 'THANE_API_KEY=from-the-file-5678\n', '.gitignore': '.env\n' })
  assert.equal(loadApiKey({ env: { THANE_API_KEY: 'from-the-environment-1234' }, dir }), 'from-the-environment-1234')
})

test('loadApiKey reads the key from a git-ignored .env file, with comments, export and quotes', () => {
  const dir = folder({
    '.env': '# the key for the city sandbox\nOTHER=1\n\nexport THANE_API_KEY="key-with-quotes-9012"\n',
    '.gitignore': 'node_modules/\n.env\n',
  })
  assert.equal(loadApiKey({ env: {}, dir }), 'key-with-quotes-9012')
  const plain = folder({ '.env': 'THANE_API_KEY = plain-key-3456\n', '.gitignore': '/.env\n' })
  assert.equal(loadApiKey({ env: {}, dir: plain }), 'plain-key-3456', 'expected spaces around = to be dropped')
})

test('a .env file that .gitignore does not list is refused, with a message naming .gitignore', () => {
  const dir = folder({ '.env': 'THANE_API_KEY=about-to-be-committed-7890\n', '.gitignore': 'node_modules/\n' })
  assert.throws(() => loadApiKey({ env: {}, dir }), (error: Error) => {
    assert.match(error.message, /\.gitignore/, `expected the message to name .gitignore, got: ${error.message}`)
    assert.ok(!error.message.includes('about-to-be-committed-7890'), `expected the message not to show the key, got: ${error.message}`)
    return true
  })
  const none = folder({ '.env': 'THANE_API_KEY=about-to-be-committed-7890\n' })
  assert.throws(() => loadApiKey({ env: {}, dir: none }), /\.gitignore/, 'expected a folder without .gitignore to be refused too')
})

test('with no key anywhere, the error names THANE_API_KEY and the .env file', () => {
  for (const [what, env, dir] of [
    ['no environment variable and no .env', {}, folder({})],
    ['an empty THANE_API_KEY', { THANE_API_KEY: '' }, folder({})],
  ] as const) {
    assert.throws(() => loadApiKey({ env, dir }), (error: Error) => {
      assert.match(error.message, /THANE_API_KEY/, `${what}: expected the message to name THANE_API_KEY, got: ${error.message}`)
      assert.match(error.message, /\.env/, `${what}: expected the message to mention the .env file, got: ${error.message}`)
      return true
    })
  }
})

test('maskKey shows four stars and the last four characters of a long key, and nothing of a short one', () => {
  assert.equal(maskKey('rc-0f3a9c1e-77aa-4e1b-9d2c-5b8e11aa4c2d'), '****4c2d')
  assert.equal(maskKey('abcdefghijkl'), '****ijkl', 'a 12-character key shows its last four')
  assert.equal(maskKey('abcdefghijk'), '****', 'an 11-character key shows nothing: four characters would be too much of it')
  assert.equal(maskKey(''), '****')
})

test('fileRoadDamage files the complaint, and prints nothing that holds the key', async () => {
  const { printed, outcome } = await captureConsole(() => fileRoadDamage(standIn.url, secretKey, 'Paver blocks sunk near Teen Hath Naka'))
  assert.equal(outcome.status, 'fulfilled', `expected the complaint to be filed, got: ${outcome.status === 'rejected' ? String(outcome.reason) : ''}`)
  assert.ok(!printed.includes(secretKey), `expected no printed line to hold the key, got:\n${printed}`)
})

test('a refused key is reported with its masked form, never the key itself', async () => {
  const wrongKey = `wrong-${randomUUID()}`
  const { printed, outcome } = await captureConsole(() => fileRoadDamage(standIn.url, wrongKey, 'Paver blocks sunk near Teen Hath Naka'))
  assert.equal(outcome.status, 'rejected', 'expected fileRoadDamage to throw when the server answers 403')
  const message = outcome.status === 'rejected' ? String((outcome.reason as Error).message) : ''
  assert.ok(!message.includes(wrongKey), `expected the error message not to hold the key, got: ${message}`)
  assert.ok(message.includes(`****${wrongKey.slice(-4)}`), `expected the error message to show the masked key ****${wrongKey.slice(-4)}, got: ${message}`)
  assert.ok(!printed.includes(wrongKey), `expected no printed line to hold the key, got:\n${printed}`)
})
