import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'

/** Where a new project keeps the packed SDK, and the dependency that points at it. */
export const VENDORED_SDK = 'vendor/thanekit-sdk.tgz'

/**
 * The packed @thanekit/sdk that ships with the CLI: `<@thanekit/cli>/vendor/thanekit-sdk.tgz`,
 * written by `npm run build` (scripts/pack-sdk.mjs) and listed in the CLI's "files". Found from this
 * module, so it works from a checkout (cli/vendor) and from an installed CLI alike.
 */
export function sdkTarball(): string {
  const file = join(cliPackageDir(), VENDORED_SDK)
  if (!existsSync(file)) throw new UserError(msg.new.noSdkTarball(file))
  return file
}

function cliPackageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@thanekit/cli') return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error('bug: @thanekit/cli cannot find its own package.json')
    dir = parent
  }
}
