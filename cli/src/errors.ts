import { ExitCode } from './exit-codes.js'

/**
 * An error the user can fix: the message says what is wrong and what to do, in one line.
 * The base command prints it without a stack trace (unless --debug) and exits with `exitCode`.
 */
export class UserError extends Error {
  readonly exitCode: ExitCode

  constructor(message: string, options: { exitCode?: ExitCode; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'UserError'
    this.exitCode = options.exitCode ?? ExitCode.Usage
  }
}

/** The command ran and its check found problems: exit 1, the report has already been printed. */
export class CheckFailed extends Error {
  readonly exitCode = ExitCode.CheckFailed

  constructor(message: string) {
    super(message)
    this.name = 'CheckFailed'
  }
}
