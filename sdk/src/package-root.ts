import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let cached: { dir: string; name: string; version: string } | undefined

/**
 * The SDK package's own folder and manifest, found by walking up from this module. Works the same
 * from `src/` (tests), `dist/` (built) and any chunk file the bundler emits.
 */
export function sdkPackage(): { dir: string; name: string; version: string } {
  if (cached) return cached
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === '@thanekit/sdk') return (cached = { dir, name: pkg.name, version: pkg.version ?? '0.0.0' })
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error('bug: @thanekit/sdk cannot find its own package.json')
    dir = parent
  }
}
