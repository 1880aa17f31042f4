import { builtinModules } from 'node:module'

/**
 * The rules npm applies to a new package's name, as written in npm's package.json documentation
 * (https://docs.npmjs.com/cli/v11/configuring-npm/package-json#name) and enforced by npm's own
 * checker, validate-npm-package-name (https://github.com/npm/validate-npm-package-name, the
 * "validForNewPackages" rules):
 * - at most 214 characters, including the scope;
 * - not empty, no leading or trailing spaces;
 * - does not start with "." or "_" (the scope's name neither);
 * - no capital letters;
 * - URL-safe: encodeURIComponent leaves it unchanged (a scoped name `@scope/name` checks each part);
 * - none of the characters ~'!()*;
 * - not a Node.js core module (http, fs, …) and not node_modules or favicon.ico.
 * Returns the reasons the name breaks them, empty when it is a valid name.
 */
export function packageNameProblems(name: string): string[] {
  const problems: string[] = []
  if (name.length === 0) return ['it is empty']
  if (name.trim() !== name) problems.push('it starts or ends with a space')
  if (name.length > 214) problems.push('it is longer than 214 characters')
  if (name.startsWith('.')) problems.push('it starts with "."')
  if (name.startsWith('_')) problems.push('it starts with "_"')
  if (name.toLowerCase() !== name) problems.push('it has capital letters')

  const scoped = /^@([^/]+)\/([^/]+)$/.exec(name)
  const bare = scoped ? (scoped[2] ?? '') : name
  if (scoped) {
    const scope = scoped[1] ?? ''
    if (scope.startsWith('.') || scope.startsWith('_')) problems.push('its scope starts with "." or "_"')
  }
  const parts = scoped ? [scoped[1] ?? '', bare] : [name]
  if (parts.some((part) => encodeURIComponent(part) !== part)) problems.push('it has characters that are not URL-safe (use a-z, 0-9, "-", "." and "_")')
  if (/[~'!()*]/.test(bare)) problems.push('it has one of the characters ~\'!()*')
  if (!scoped && builtinModules.includes(name)) problems.push(`"${name}" is a Node.js core module`)
  if (['node_modules', 'favicon.ico'].includes(bare)) problems.push(`"${bare}" is reserved`)
  return problems
}

/**
 * A valid package name made from a folder name, for the default under --yes: lower case, spaces and
 * other unsafe characters turned into "-", leading "." and "_" dropped (create-vite does the same).
 */
export function toPackageName(folderName: string): string {
  const name = folderName
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/^[._]+/, '')
    .replace(/[^a-z0-9-~._]+/g, '-')
    .replace(/[~]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 214)
  return name === '' || packageNameProblems(name).length > 0 ? 'thane-app' : name
}
