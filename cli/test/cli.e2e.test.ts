import { readFileSync } from 'node:fs'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { collect, freePort, isolatedEnv, occupyPort, oneLineError, runThane, startThane, waitForLine } from './helpers.js'

const cliPkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json'), 'utf8')) as {
  version: string
}


describe('thane (the built binary, run from another working directory)', () => {
  it('--version prints the package name and version', async () => {
    const r = await runThane(['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`@thanekit/cli/${cliPkg.version}`)
    expect(r.stdout).toContain(`node-${process.version}`)
  })

  it('--help lists every command with a one-line summary', async () => {
    const r = await runThane(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/doctor\s+Check that this machine is ready for Thane Kit\./)
    expect(r.stdout).toMatch(/sandbox\s+Run the local city API/)
  })

  it('help <command> shows the flags of that command', async () => {
    const r = await runThane(['help', 'sandbox'])
    expect(r.code).toBe(0)
    for (const flag of ['--port', '--host', '--clock', '--db', '--debug']) expect(r.stdout).toContain(flag)
  })

  it('an unknown command suggests the nearest one in one line and exits 2', async () => {
    const r = await runThane(['doctr'])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe(
      'Error: "doctr" is not a thane command. Did you mean "thane doctor"? Run "thane --help" to see every command.',
    )
  })

  it('an unknown command with nothing near it gets no suggestion', async () => {
    const r = await runThane(['xylophone'])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe('Error: "xylophone" is not a thane command. Run "thane --help" to see every command.')
  })

  it('an unknown flag is a one-line usage error with exit 2', async () => {
    const r = await runThane(['doctor', '--colour'])
    expect(r.code).toBe(2)
    const line = oneLineError(r.stderr)
    expect(line).toContain('--colour')
    expect(line).toContain('See "thane doctor --help".')
  })

  it('a flag value of the wrong type is a one-line usage error with exit 2', async () => {
    const r = await runThane(['sandbox', '--port', 'eighty'])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('See "thane sandbox --help".')
  })

  it('refuses to run on a Node older than 22.13 with one line and exit 2', async () => {
    const r = await runThane(['--help'], {
      nodeArgs: ['--import', 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.11.1"})'],
    })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(oneLineError(r.stderr)).toMatch(/^Error: thane needs Node\.js 22\.13 or newer, but this is Node\.js 20\.11\.1\. Install Node\.js 24/)
  })
})

describe('thane doctor', () => {
  it('--json reports every check and exits 0 on a ready machine', async () => {
    const port = await freePort()
    const r = await runThane(['doctor', '--json', '--port', String(port)])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as { ok: boolean; checks: { id: string; status: string; detail: string }[] }
    expect(result.ok).toBe(true)
    expect(result.checks.map((c) => c.id)).toEqual(['node', 'config', 'port', 'cache'])
    expect(result.checks.every((c) => c.status === 'ok')).toBe(true)
    expect(result.checks.find((c) => c.id === 'config')?.detail).toBe('API at http://127.0.0.1:4100 (from default)')
  })

  it('prints a table for people', async () => {
    const port = await freePort()
    const r = await runThane(['doctor', '--port', String(port)])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^check\s+status\s+detail\n/)
    expect(r.stdout).toMatch(/Node\.js\s+ok\s+v\d+/)
    expect(r.stdout).toContain('Everything is ready.')
  })

  it('fails the config check, with the file named, when the config file is not JSON, and exits 1', async () => {
    const env = isolatedEnv()
    const file = join(env.XDG_CONFIG_HOME ?? '', 'thane', 'config.json')
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, '{ "baseUrl": ')
    const r = await runThane(['doctor', '--json', '--port', String(await freePort())], { env })
    expect(r.code).toBe(1)
    const config = (JSON.parse(r.stdout) as { checks: { id: string; status: string; detail: string }[] }).checks.find((c) => c.id === 'config')
    expect(config?.status).toBe('fail')
    expect(config?.detail).toContain(`the config file ${file} is not valid JSON`)
  })

  it('takes THANE_API_URL from the environment', async () => {
    const r = await runThane(['doctor', '--json', '--port', String(await freePort())], {
      env: isolatedEnv({ THANE_API_URL: 'https://api.example.org' }),
    })
    const config = (JSON.parse(r.stdout) as { checks: { id: string; detail: string }[] }).checks.find((c) => c.id === 'config')
    expect(config?.detail).toBe('API at https://api.example.org (from env)')
  })

  it('fails the port check when something that is not a sandbox holds the port', async () => {
    const { port, server } = await occupyPort()
    try {
      const r = await runThane(['doctor', '--port', String(port)])
      expect(r.code).toBe(1)
      expect(r.stdout).toContain(`127.0.0.1:${port} is used by something that is not a Thane sandbox`)
      expect(r.stdout).toContain('1 check failed.')
    } finally {
      server.close()
    }
  })

  it('fails the cache check when the cache folder cannot be written', async () => {
    const env = isolatedEnv()
    const blocker = join(env.HOME ?? '', 'not-a-folder')
    writeFileSync(blocker, 'a file where a folder should be')
    const r = await runThane(['doctor', '--json', '--port', String(await freePort())], { env: { ...env, THANE_CACHE_DIR: join(blocker, 'cache') } })
    expect(r.code).toBe(1)
    const cache = (JSON.parse(r.stdout) as { checks: { id: string; status: string; detail: string }[] }).checks.find((c) => c.id === 'cache')
    expect(cache?.status).toBe('fail')
    expect(cache?.detail).toContain('set THANE_CACHE_DIR to a folder you own')
  })
})

describe('thane sandbox', () => {
  it('serves /healthz on a free port, then stops cleanly on SIGTERM with exit 0', async () => {
    const child = startThane(['sandbox', '--port', '0', '--db', ':memory:', '--clock', '2026-07-14T09:00+05:30'])
    const done = collect(child)
    const [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/)
    const health = await fetch(`${url}/healthz`)
    expect(health.status).toBe(200)
    expect(((await health.json()) as { status: string; service: string })).toMatchObject({ status: 'ok', service: 'thane-sandbox' })
    child.kill('SIGTERM')
    const r = await done
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Sandbox stopped.')
  })

  it('lets thane doctor recognise a running sandbox on its port', async () => {
    const child = startThane(['sandbox', '--port', '0', '--db', ':memory:'])
    const done = collect(child)
    try {
      const [, port] = await waitForLine(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/)
      const r = await runThane(['doctor', '--json', '--port', port ?? ''])
      expect(r.code).toBe(0)
      const check = (JSON.parse(r.stdout) as { checks: { id: string; detail: string }[] }).checks.find((c) => c.id === 'port')
      expect(check?.detail).toMatch(/^a Thane sandbox \S+ answers at http:\/\/127\.0\.0\.1:\d+$/)
    } finally {
      child.kill('SIGINT')
      expect((await done).code).toBe(0)
    }
  })

  it('keeps what it stores in the --db file', async () => {
    const env = isolatedEnv()
    const db = join(env.HOME ?? '', 'city', 'sandbox.sqlite')
    const child = startThane(['sandbox', '--port', '0', '--db', db], { env })
    const done = collect(child)
    await waitForLine(child, /listening on/)
    child.kill('SIGTERM')
    const r = await done
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(`database: ${db}`)
    expect(readFileSync(db).subarray(0, 15).toString()).toBe('SQLite format 3')
  })

  it('a port in use is a one-line error with exit 2', async () => {
    const { port, server } = await occupyPort()
    try {
      const r = await runThane(['sandbox', '--port', String(port), '--db', ':memory:'])
      expect(r.code).toBe(2)
      expect(oneLineError(r.stderr)).toContain(`port ${port} on 127.0.0.1 is already in use`)
    } finally {
      server.close()
    }
  })

  it('a malformed --clock is a one-line error with exit 2, and --debug adds the stack', async () => {
    const r = await runThane(['sandbox', '--port', '0', '--db', ':memory:', '--clock', 'next tuesday'])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('2026-07-14T09:00+05:30')
    const debug = await runThane(['sandbox', '--port', '0', '--db', ':memory:', '--clock', 'next tuesday', '--debug'])
    expect(debug.code).toBe(2)
    expect(debug.stderr).toMatch(/^Error: /)
    expect(debug.stderr).toMatch(/\n\s+at /)
  })
})

describe('thane doctor and a configured sandbox', () => {
  it('checks the port of THANE_API_URL when it points at this machine', async () => {
    const { port, server } = await occupyPort()
    try {
      const r = await runThane(['doctor', '--json'], { env: isolatedEnv({ THANE_API_URL: `http://127.0.0.1:${port}` }) })
      const check = (JSON.parse(r.stdout) as { checks: { id: string; detail: string }[] }).checks.find((c) => c.id === 'port')
      expect(check?.detail).toBe(`127.0.0.1:${port} is used by something that is not a Thane sandbox; stop it or run "thane sandbox --port <another>"`)
      expect(r.code).toBe(1)
    } finally {
      server.close()
    }
  })
})

describe('usage errors of commands in a topic', () => {
  it('name the command with spaces, and keep a wrapped description on one line', async () => {
    const limit = await runThane(['grievances', 'list', '--limit', '0'])
    expect(limit.code).toBe(2)
    expect(oneLineError(limit.stderr)).toMatch(/See "thane grievances list --help"\.$/)
    const missing = await runThane(['validate'])
    expect(missing.code).toBe(2)
    const line = oneLineError(missing.stderr)
    expect(line).toMatch(/^Error: Missing 1 required arg: paths /)
    expect(line).not.toMatch(/,:|  /)
  })

  it('sensors export refuses a range that ends before it starts, before any request', async () => {
    const r = await runThane(['sensors', 'export', '1', '--from', '2026-07-02', '--to', '2026-07-01', '--api-url', 'http://127.0.0.1:1'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(oneLineError(r.stderr)).toBe('Error: --to 2026-07-01 is not after --from 2026-07-02; give a range that ends after it starts')
  })
})
