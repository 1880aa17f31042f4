import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sdkPackage } from './package-root.js'

/** The content folders that ship with Thane Kit. */
export type AssetKind = 'datasets' | 'templates' | 'workshops'

export const ASSET_KINDS: readonly AssetKind[] = ['datasets', 'templates', 'workshops']

/**
 * Where the content folders live, found once:
 * 1. `THANE_ASSETS_DIR` when set (a folder holding datasets/, templates/, workshops/);
 * 2. the monorepo checkout the SDK sits in (its root package.json is named `thanekit`), so edits
 *    to the content are seen at once during development;
 * 3. `<sdk package>/assets/`, where `npm pack` copies them for the published package.
 * It never looks at the working directory, so the CLI behaves the same wherever it is run.
 */
export function assetsRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.THANE_ASSETS_DIR) return env.THANE_ASSETS_DIR
  const pkgDir = sdkPackage().dir
  const repo = dirname(pkgDir)
  if (isMonorepoRoot(repo)) return repo
  const bundled = join(pkgDir, 'assets')
  if (existsSync(bundled)) return bundled
  throw new Error(`bug: Thane Kit's content folders are missing (looked in ${repo} and ${bundled}); reinstall @thanekit/sdk`)
}

/** The absolute path of a content folder, or of a file inside it: `assetPath('datasets', 'grievances', 'requests.csv')`. */
export function assetPath(kind: AssetKind, ...segments: string[]): string {
  return join(assetsRoot(), kind, ...segments)
}

function isMonorepoRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json')
  if (!existsSync(manifest)) return false
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'thanekit'
  } catch {
    return false
  }
}
