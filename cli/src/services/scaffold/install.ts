import { spawn } from 'node:child_process'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { installCommand, type PackageManager } from './package-manager.js'

/**
 * Installs the project's dependencies with its package manager, showing its output: on stdout, or
 * on stderr when stdout carries --json. A failure keeps the project and says how to retry.
 */
export async function installDependencies(dir: string, pm: PackageManager, options: { retryIn: string; outputToStderr: boolean }): Promise<void> {
  const [command = pm, ...args] = installCommand(pm)
  const retry = `cd ${options.retryIn} && ${installCommand(pm).join(' ')}`
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: dir,
      stdio: ['ignore', options.outputToStderr ? 2 : 'inherit', 'inherit'],
      // npm, pnpm and yarn are .cmd scripts on Windows, which only a shell runs.
      shell: process.platform === 'win32',
    })
    child.once('error', reject)
    child.once('close', resolve)
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new UserError(msg.new.pmMissing(pm, retry), { cause: err })
    throw err
  })
  if (code !== 0) throw new UserError(msg.new.installFailed(installCommand(pm).join(' '), code, retry))
}
