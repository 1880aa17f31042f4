// Packs @thanekit/sdk once, at build time, into cli/vendor/thanekit-sdk.tgz: `thane new` copies it
// into every new project as vendor/thanekit-sdk.tgz (the kit's packages are not on the npm
// registry), and the CLI ships it (cli/package.json "files"). `npm pack` runs the SDK's prepack
// script, which copies the datasets in, so the sandbox works inside the project.
//   npm run build   (runs this last)
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(repo, 'cli', 'vendor', 'thanekit-sdk.tgz')
const scratch = mkdtempSync(join(tmpdir(), 'thane-pack-'))
try {
  // npm prints the prepack script's output and the file list; only the tarball matters here.
  execFileSync('npm', ['pack', '--workspace', 'sdk', '--pack-destination', scratch, '--silent'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] })
  const [tarball, ...extra] = readdirSync(scratch).filter((f) => f.endsWith('.tgz'))
  if (!tarball || extra.length > 0) throw new Error(`expected one tarball from npm pack in ${scratch}, found ${readdirSync(scratch).join(', ') || 'none'}`)
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(join(scratch, tarball), target) // not rename: the temp folder may be on another disk
  console.log(`packed ${tarball} to ${target}`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
