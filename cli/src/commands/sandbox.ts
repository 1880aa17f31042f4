import { join } from 'node:path'
import { Errors, Flags } from '@oclif/core'
import { defaultDataDir } from '@thanekit/sdk/config'
import { BaseCommand } from '../base-command.js'
import { msg } from '../messages/index.js'

// A share from 0 to 1; oclif has no float flag, and a typo like "20" (meant as 20%) must not pass.
const chaosRateFlag = Flags.custom<number>({
  parse: async (input) => {
    const rate = /^\s*(0|1|0?\.\d+|1\.0*)\s*$/.test(input) ? Number(input) : Number.NaN
    if (!(rate >= 0 && rate <= 1)) throw new Errors.CLIError(msg.sandbox.chaosInvalid(input))
    return rate
  },
})

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
    chaos: chaosRateFlag({ description: msg.sandbox.chaos, env: 'THANE_SANDBOX_CHAOS' }),
    'chaos-seed': Flags.integer({ description: msg.sandbox.chaosSeed, min: 0, max: 2 ** 32 - 1, dependsOn: ['chaos'] }),
    'chaos-latency': Flags.integer({ description: msg.sandbox.chaosLatency, min: 0, dependsOn: ['chaos'] }),
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
      ...(flags.chaos === undefined ? {} : { chaos: { rate: flags.chaos, seed: flags['chaos-seed'], latencyMs: flags['chaos-latency'] } }),
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
    if (sandbox.chaos) {
      const { rate, latencyMs, seed } = sandbox.chaos
      this.log(msg.sandbox.chaosLine(`${Math.round(rate * 1000) / 10}%`, latencyMs, seed))
    }
    this.log(msg.sandbox.stopHint)
    const signal = await stop
    this.logToStderr(msg.sandbox.stopping(signal))
    await sandbox.close()
    this.log(msg.sandbox.stopped)
  }
}
