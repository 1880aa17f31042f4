import { readFileSync } from 'node:fs'

/**
 * Answers `thane --version` and the help screens without loading oclif: the version from
 * package.json, help from the screens rendered by oclif itself at build time (dist/help.json).
 * Returns undefined for anything else, and oclif takes over.
 */
export function quickAnswer(argv: readonly string[], helpFile: URL, packageFile: URL): string | undefined {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    const pkg = JSON.parse(readFileSync(packageFile, 'utf8')) as { name: string; version: string }
    // The same line oclif prints (its config.userAgent).
    return `${pkg.name}/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`
  }
  const key = helpKey(argv)
  if (key === undefined) return undefined
  let screens: Record<string, string>
  try {
    screens = (JSON.parse(readFileSync(helpFile, 'utf8')) as { screens: Record<string, string> }).screens
  } catch {
    return undefined // a build without pre-rendered help: oclif renders it
  }
  return screens[key]
}

/** `thane`, `thane --help`, `thane help a b`, `thane a b --help` → '' or 'a b'; anything else → undefined. */
function helpKey(argv: readonly string[]): string | undefined {
  const isHelpFlag = (a: string | undefined) => a === '--help' || a === '-h'
  const plain = (words: readonly string[]) => (words.every((w) => /^[a-z][\w-]*$/.test(w)) ? words.join(' ') : undefined)
  if (argv.length === 0) return ''
  if (argv[0] === 'help') return plain(argv.slice(1))
  if (isHelpFlag(argv.at(-1))) return plain(argv.slice(0, -1))
  return undefined
}
