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
  // TODO: 1. a non-empty env[KEY_NAME] wins.
  //       2. else, when join(dir, '.env') exists: refuse it (throw, naming .gitignore) unless
  //          isGitIgnored(dir); otherwise read KEY_NAME from it with parseDotenv().
  //       3. else throw an Error that names KEY_NAME and the .env file, and says how to set it.
  throw new Error('not written yet')
}

/** True when `<dir>/.gitignore` has a line that ignores `.env` (`.env`, `/.env`, `.env*`, `/.env*` or `*.env`). */
export function isGitIgnored(dir: string): boolean {
  throw new Error('not written yet')
}

/** KEY=value lines; `#` comments, blank lines and a leading `export ` are allowed; quotes around the value are dropped. */
export function parseDotenv(text: string): Record<string, string> {
  throw new Error('not written yet')
}

/** The key as it may appear in a message: four stars and its last four characters, or only the stars for a short key. */
export function maskKey(key: string): string {
  throw new Error('not written yet')
}
