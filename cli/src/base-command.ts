import { Command, Errors, Flags } from '@oclif/core'
import { ThaneError } from '@thanekit/sdk/errors'
import { CheckFailed, UserError } from './errors.js'
import { ExitCode } from './exit-codes.js'
import { msg } from './messages/index.js'
import { oneLineText } from './services/visible-text.js'

/** How an error is shown and which exit code it earns. */
export interface ErrorReport {
  code: string
  message: string
  exitCode: ExitCode
}

/**
 * Sorts any error by who must act. User-fixable errors (ours, the SDK's, oclif's parse errors)
 * keep their message; anything else is a bug and says so.
 */
export function reportError(err: unknown, commandId: string | undefined): ErrorReport {
  if (err instanceof UserError) return { code: 'E_USAGE', message: err.message, exitCode: err.exitCode }
  if (err instanceof CheckFailed) return { code: 'E_CHECK_FAILED', message: err.message, exitCode: err.exitCode }
  // Errors of the SDK are about input or the environment (config, network, the server's answer).
  if (err instanceof ThaneError) return { code: err.code, message: err.message, exitCode: ExitCode.Usage }
  // oclif's own parse errors (unknown flag, missing argument, bad option value): usage errors.
  if (err instanceof Errors.CLIError) {
    // oclif spreads one error over lines ("Parsing --port", "\tExpected an integer…", "See more help
    // with --help"); keep its content on one line and point at the command's own help instead.
    const parts = err.message
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^See more help with --help/.test(line))
    // The first line says what is wrong; the rest (a wrapped description, the value) follows it.
    const [head = err.message, ...rest] = parts
    const text = rest.length > 0 ? `${head.replace(/[.:]?$/, ':')} ${rest.join(' ').replace(/\s+/g, ' ')}` : head
    const see = commandId ? ` ${msg.errors.seeHelp(commandId.replaceAll(':', ' '))}` : ''
    return { code: 'E_USAGE', message: text.replace(/[.]?$/, '.') + see, exitCode: ExitCode.Usage }
  }
  // inquirer's answer to Ctrl-C at a prompt.
  if (err instanceof Error && err.name === 'ExitPromptError') return { code: 'E_INTERRUPTED', message: msg.errors.interrupted, exitCode: ExitCode.Interrupted }
  const text = err instanceof Error ? err.message : String(err)
  return { code: 'E_INTERNAL', message: msg.errors.bug(text), exitCode: ExitCode.Internal }
}

/**
 * The base of every `thane` command: a global --debug flag and the one place where errors are
 * turned into a one-line message and an exit code. Commands throw; they never call process.exit.
 */
export abstract class BaseCommand extends Command {
  static override baseFlags = {
    debug: Flags.boolean({ description: msg.flags.debug, helpGroup: 'GLOBAL', env: 'THANE_DEBUG' }),
  }

  private checkFailed = false

  /**
   * Records that the command's check found problems: its result is still printed (as a table or
   * as --json), then the process exits 1.
   */
  protected failCheck(): void {
    this.checkFailed = true
  }

  protected override async finally(err: Error | undefined): Promise<void> {
    await super.finally(err)
    if (!err && this.checkFailed) process.exitCode = ExitCode.CheckFailed
  }

  protected override async catch(err: Error & { exitCode?: number }): Promise<never> {
    if (err instanceof Errors.ExitError) throw err
    const report = reportError(err, this.id)
    if (this.jsonEnabled()) {
      this.logJson({ error: { code: report.code, message: report.message, exitCode: report.exitCode } })
    } else {
      // One line, whatever user text (a field name, a value) the message quotes.
      this.logToStderr(`${msg.errors.prefix}: ${oneLineText(report.message)}`)
    }
    if (this.debugEnabled()) this.logToStderr(stackOf(err))
    this.exit(report.exitCode)
  }

  private debugEnabled(): boolean {
    return this.argv.includes('--debug') || ['1', 'true'].includes(process.env.THANE_DEBUG ?? '')
  }
}

function stackOf(err: unknown): string {
  const lines: string[] = []
  for (let e: unknown = err; e; e = e instanceof Error ? e.cause : undefined) {
    lines.push(e instanceof Error ? (e.stack ?? String(e)) : String(e))
    if (!(e instanceof Error)) break
    if (e.cause) lines.push('Caused by:')
  }
  return lines.join('\n')
}
