import { randomBytes } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'

/**
 * Writes a file whole or not at all: to a temporary file beside it, then renamed over it, so an
 * interrupted run never leaves half a report or half a state file. A failure (a missing folder, no
 * permission, a full disk) is a one-line UserError from `cannotWrite`, with the original as cause.
 */
export function writeFileAtomically(path: string, text: string, cannotWrite: (path: string, reason: string) => string = msg.errors.cannotWrite): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    writeFileSync(temporary, text, { flag: 'wx' })
    renameSync(temporary, path)
  } catch (err) {
    rmSync(temporary, { force: true })
    throw new UserError(cannotWrite(path, (err as NodeJS.ErrnoException).code ?? String(err)), { cause: err })
  }
}
