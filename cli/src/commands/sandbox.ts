import { join } from 'node:path'
import { Flags } from '@oclif/core'
import { defaultDataDir } from '@thanekit/sdk/config'
import { BaseCommand } from '../base-command.js'
import { msg } from '../messages/index.js'

export default class Sandbox extends BaseCommand {
  static override summary = msg.sandbox.summary
  static override description = msg.sandbox.description
  static override examples = [...msg.sandbox.examples]

  static override flags = {
    port: Flags.integer({ char: 'p', description: msg.sandbox.port, default: 4100, min: 0, max: 65535, env: 'THANE_SANDBOX_PORT' }),
    host: Flags.string({ description: msg.sandbox.host, default: '127.0.0.1', env: 'THANE_SANDBOX_HOST' }),
    clock: Flags.string({ description: msg.sandbox.clock, env: 'THANE_SANDBOX_CLOCK' }),
    db: Flags.string({ description: msg.sandbox.db, env: 'THANE_SANDBOX_DB' }),
    'api-key': Flags.string({ description: msg.sandbox.apiKey, env: 'THANE_API_KEY' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(Sandbox)
    // Loaded here, not at the top, so that only this command pays for Fastify and SQLite.
    const { startSandbox, formatIst } = await import('@thanekit/sdk/sandbox')
    const dbPath = flags.db ?? join(defaultDataDir(), 'sandbox.sqlite')
    const sandbox = await startSandbox({
      host: flags.host,
      port: flags.port,
      clock: flags.clock ?? 'live',
      dbPath,
      ...(flags['api-key'] ? { apiKey: flags['api-key'] } : {}),
    })
    // Listen for the signals before saying we are up: whoever reads the URL may stop us at once.
    const stop = new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'))
      process.once('SIGTERM', () => resolve('SIGTERM'))
    })
    this.log(msg.sandbox.listening(sandbox.url))
    this.log(msg.sandbox.clockLine(sandbox.clock.mode, formatIst(sandbox.clock.now())))
    this.log(msg.sandbox.dbLine(dbPath))
    this.log(flags['api-key'] ? msg.sandbox.ownKeyLine : msg.sandbox.devKeyLine(sandbox.apiKey))
    this.log(msg.sandbox.stopHint)
    const signal = await stop
    this.logToStderr(msg.sandbox.stopping(signal))
    await sandbox.close()
    this.log(msg.sandbox.stopped)
  }
}
