import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** A new, empty temporary folder for a test's files. */
export function tempDir(prefix = 'thane-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** The built binary, run exactly as `npx thane` runs it. */
export const THANE_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'run.js')

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * An environment of the user's own: empty home, config and cache folders in a temporary folder,
 * so no test ever reads or writes the developer's real ~/.config or ~/.cache.
 */
export function isolatedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = mkdtempSync(join(tmpdir(), 'thane-home-'))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    NO_COLOR: '1',
    ...extra,
  }
  return env
}

/** Starts `thane <args>` in another working directory and resolves when it exits. */
export function runThane(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; nodeArgs?: string[] } = {}): Promise<RunResult> {
  const child = startThane(args, options)
  return collect(child)
}

export function startThane(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; nodeArgs?: string[] } = {}): ChildProcess {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), THANE_BIN, ...args], {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'thane-cwd-')),
    env: options.env ?? isolatedEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export function collect(child: ChildProcess): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Resolves with the first stdout line that matches, or rejects when the process ends first. */
export function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffer = ''
    let stderr = ''
    const onData = (d: Buffer) => {
      buffer += d.toString('utf8')
      const match = buffer.match(pattern)
      if (match) {
        child.stdout?.off('data', onData)
        resolve(match)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.once('close', (code) => reject(new Error(`exited ${code} before printing ${pattern}: ${buffer}${stderr}`)))
  })
}

/** A TCP server on a free loopback port that is not a Thane sandbox. */
export async function occupyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer((socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { port: address.port, server }
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const { port, server } = await occupyPort()
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * The contract for user-fixable errors: exactly one non-empty line on stderr, starting "Error:",
 * and no stack trace. Returns that line.
 */
export function oneLineError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '')
  if (lines.length !== 1 || !lines[0]?.startsWith('Error: ') || /\n\s+at /.test(stderr)) {
    throw new Error(`expected one "Error: …" line and no stack trace, got:\n${stderr}`)
  }
  return lines[0]
}

/** A `--near … --radius` answer: at least one place, nearest first, none beyond the radius. Throws otherwise. */
export function expectNearestFirstWithin(places: readonly { distanceMetres: number }[], radiusMetres: number): void {
  const d = places.map((p) => p.distanceMetres)
  const sorted = d.every((m, i) => i === 0 || (d[i - 1] ?? 0) <= m)
  if (places.length === 0 || !sorted || d.some((m) => m > radiusMetres)) {
    throw new Error(`expected places nearest first within ${radiusMetres} m, got distances ${JSON.stringify(d)}`)
  }
}
