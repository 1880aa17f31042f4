import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { ConfigError } from '@thanekit/sdk/errors'
import { defaultCacheDir, resolveConfig } from '@thanekit/sdk/config'
import { msg } from '../messages/index.js'

export const REQUIRED_NODE = '22.13.0'

export type CheckStatus = 'ok' | 'warn' | 'fail'

export interface DoctorCheck {
  id: 'node' | 'config' | 'port' | 'cache'
  name: string
  status: CheckStatus
  detail: string
}

export interface DoctorResult {
  ok: boolean
  checks: DoctorCheck[]
}

export interface DoctorOptions {
  /** Sandbox port to check. Default: the port of the configured API when it is on this machine, else 4100. */
  port?: number | undefined
  /** Address the sandbox would listen on. */
  host: string
  env?: NodeJS.ProcessEnv
  nodeVersion?: string
}

/** Runs every check; never throws for a failed check, it reports it. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorResult> {
  const env = options.env ?? process.env
  const checks: DoctorCheck[] = [checkNode(options.nodeVersion ?? process.versions.node)]
  let cacheDir = defaultCacheDir(env)
  let port = options.port ?? 4100
  try {
    const config = resolveConfig({ env })
    cacheDir = config.cacheDir
    port = options.port ?? loopbackPort(config.baseUrl) ?? port
    checks.push({
      id: 'config',
      name: msg.doctor.checks.config,
      status: 'ok',
      detail: msg.doctor.configOk(config.baseUrl, config.source.baseUrl, config.source.configFile),
    })
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    checks.push({ id: 'config', name: msg.doctor.checks.config, status: 'fail', detail: err.message })
  }
  checks.push(await checkPort(options.host, port), checkWritable(cacheDir))
  return { ok: checks.every((c) => c.status !== 'fail'), checks }
}

// A configured API on this machine is where `thane sandbox` is expected to answer.
function loopbackPort(baseUrl: string): number | undefined {
  const url = new URL(baseUrl)
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return undefined
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
}

export function nodeIsSupported(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number)
  const [needMajor = 0, needMinor = 0] = REQUIRED_NODE.split('.').map(Number)
  return major > needMajor || (major === needMajor && minor >= needMinor)
}

function checkNode(version: string): DoctorCheck {
  const ok = nodeIsSupported(version)
  return {
    id: 'node',
    name: msg.doctor.checks.node,
    status: ok ? 'ok' : 'fail',
    detail: ok ? msg.doctor.nodeOk(`v${version}`, REQUIRED_NODE) : msg.doctor.nodeOld(`v${version}`, REQUIRED_NODE),
  }
}

async function checkPort(host: string, port: number): Promise<DoctorCheck> {
  const hostPort = `${host}:${port}`
  const base = { id: 'port' as const, name: msg.doctor.checks.port }
  const free = await new Promise<boolean | Error>((resolve) => {
    const server = createServer()
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE' ? false : err))
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)))
  })
  if (free === true) return { ...base, status: 'ok', detail: msg.doctor.portFree(hostPort) }
  if (free instanceof Error) return { ...base, status: 'fail', detail: `${hostPort}: ${free.message}` }
  // Something listens there: fine if it is a Thane sandbox.
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  try {
    const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })
    const body = (await res.json()) as { service?: string; version?: string }
    if (res.ok && body.service === 'thane-sandbox') {
      return { ...base, status: 'ok', detail: msg.doctor.portSandbox(url, body.version ?? '?') }
    }
  } catch {
    // Not HTTP, not JSON, or too slow: not a sandbox.
  }
  return { ...base, status: 'fail', detail: msg.doctor.portBusy(hostPort) }
}

function checkWritable(dir: string): DoctorCheck {
  const base = { id: 'cache' as const, name: msg.doctor.checks.cache }
  const probe = join(dir, `.doctor-${randomUUID()}`)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(probe, 'ok')
    rmSync(probe)
    return { ...base, status: 'ok', detail: msg.doctor.cacheOk(dir) }
  } catch (err) {
    return { ...base, status: 'fail', detail: msg.doctor.cacheFail(dir, (err as NodeJS.ErrnoException).code ?? String(err)) }
  }
}
