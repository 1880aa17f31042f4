// Copies the content folders (datasets, templates, workshops) into sdk/assets before `npm pack`,
// so the published @thanekit/sdk carries them; the asset resolver looks there when it is not
// running inside the monorepo checkout.
import { cpSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(repo, 'sdk', 'assets')
rmSync(target, { recursive: true, force: true })
for (const kind of ['datasets', 'templates', 'workshops']) {
  cpSync(join(repo, kind), join(target, kind), {
    recursive: true,
    filter: (src) => !/[\\/](node_modules|dist)([\\/]|$)/.test(src),
  })
}
console.log(`copied content folders to ${target}`)
