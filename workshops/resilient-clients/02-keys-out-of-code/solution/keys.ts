// The API key: from the environment or a git-ignored .env file, never from the code, never in a log.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The environment variable that holds the key (the same name the `thane` CLI reads). */
export const KEY_NAME = 'THANE_API_KEY'

export interface LoadKeyOptions {
  /** The environment to read; default process.env. */
  env?: Record<string, string | undefined>
  /** The folder of the .env file (and of the .gitignore that must list it); default the current folder. */
  dir?: string
}

/**
 * The API key: THANE_API_KEY from the environment, else from `<dir>/.env` when `<dir>/.gitignore`
 * lists `.env`. Throws an Error that says what to do when there is none.
 */
export function loadApiKey(options: LoadKeyOptions = {}): string {
  const env = options.env ?? process.env
  const dir = options.dir ?? process.cwd()
  const fromEnv = env[KEY_NAME]?.trim()
  if (fromEnv) return fromEnv

  const envFile = join(dir, '.env')
  if (existsSync(envFile)) {
    // A .env that git would pick up ends up in the repository, and then on the internet.
    if (!isGitIgnored(dir)) {
      throw new Error(`${envFile} is not git-ignored: add a line ".env" to ${join(dir, '.gitignore')} before you put a key in it`)
    }
    const fromFile = parseDotenv(readFileSync(envFile, 'utf8'))[KEY_NAME]
    if (fromFile) return fromFile
  }
  throw new Error(`${KEY_NAME} is not set: export ${KEY_NAME}=<your key> in the shell, or put ${KEY_NAME}=<your key> in a .env file in ${dir} (and ".env" in its .gitignore)`)
}

/** True when `<dir>/.gitignore` has a line that ignores `.env`. */
export function isGitIgnored(dir: string): boolean {
  const file = join(dir, '.gitignore')
  if (!existsSync(file)) return false
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .some((line) => ['.env', '/.env', '.env*', '/.env*', '*.env'].includes(line))
}

/** KEY=value lines; `#` comments, blank lines and a leading `export ` are allowed; quotes around the value are dropped. */
export function parseDotenv(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!match) continue
    let value = (match[2] ?? '').trim()
    const quoted = /^(['"])(.*)\1$/.exec(value)
    if (quoted) value = quoted[2] ?? ''
    else value = value.replace(/\s+#.*$/, '')
    values[match[1] as string] = value
  }
  return values
}

/** The key as it may appear in a message: four stars and its last four characters, or only the stars for a short key. */
export function maskKey(key: string): string {
  return key.length >= 12 ? `****${key.slice(-4)}` : '****'
}
