/** The package managers a new project can be installed with. */
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn'] as const
export type PackageManager = (typeof PACKAGE_MANAGERS)[number]

/**
 * The package manager that started thane, from the user agent every one of them sets for the
 * programs it runs (`npm_config_user_agent`, e.g. "pnpm/9.12.0 npm/? node/v24.0.0 linux x64"), so
 * `pnpm dlx`/`yarn dlx`/`npx` pick their own. Undefined when thane was started directly.
 */
export function detectPackageManager(env: NodeJS.ProcessEnv = process.env): PackageManager | undefined {
  const agent = env.npm_config_user_agent?.split(' ')[0]?.split('/')[0]
  return PACKAGE_MANAGERS.find((pm) => pm === agent)
}

/** The command that installs a project's dependencies. */
export function installCommand(pm: PackageManager): string[] {
  return [pm, 'install']
}

/** The command that runs a package.json script: `npm run dev` (`npm test`, `npm start`), `pnpm dev`, `yarn dev`. */
export function runCommand(pm: PackageManager, script: string): string[] {
  if (pm !== 'npm') return [pm, script]
  return script === 'test' || script === 'start' ? ['npm', script] : ['npm', 'run', script]
}
