import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** Why no repository was made, when none was. */
export type GitSkipReason = 'not-asked' | 'no-git' | 'inside-repository'

export type GitOutcome = { initialised: true; branch: string } | { initialised: false; reason: GitSkipReason }

/** True when a `git` program runs on this machine. */
export function gitAvailable(): boolean {
  return spawnSync('git', ['--version'], { stdio: 'ignore' }).status === 0
}

/** True when `dir` (an existing folder) already is, or is inside, a git work tree: a project in a monorepo. */
export function insideRepository(dir: string): boolean {
  if (existsSync(join(dir, '.git'))) return true
  const r = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8' })
  return r.status === 0 && r.stdout.trim() === 'true'
}

/**
 * `git init` in the project. git itself applies the user's `init.defaultBranch`, so the branch is
 * the one they configured; it is read back from HEAD to report it.
 */
export function gitInit(dir: string): { branch: string } {
  const init = spawnSync('git', ['init', '--quiet'], { cwd: dir, encoding: 'utf8' })
  if (init.status !== 0) throw new Error(init.stderr.trim() || `git init exited ${init.status}`)
  const head = spawnSync('git', ['symbolic-ref', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' })
  return { branch: head.status === 0 ? head.stdout.trim() : 'main' }
}
