import { Errors, Flags, ux } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { UserError } from '../errors.js'
import { ExitCode } from '../exit-codes.js'
import { msg } from '../messages/index.js'
import { DEMO_CLOCK, DEMO_STEPS, runDemo, type DemoResult, type DemoStep } from '../services/demo.js'
import type { DemoScreenStep } from '../ui/DemoScreen.js'
import { nextLines, stepLines } from '../ui/demo-text.js'

const m = msg.demo

// 'live', or what the sandbox's clock accepts; checked here so a typo is a usage error before anything starts.
const clockFlag = Flags.custom<string>({
  parse: async (input) => {
    if (input === 'live' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(input)) return input
    throw new Errors.CLIError(m.badClock(input))
  },
})

export default class Demo extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override flags = {
    clock: clockFlag({ description: m.clock, default: DEMO_CLOCK }),
  }

  async run(): Promise<DemoResult> {
    const { flags } = await this.parse(Demo)
    const json = this.jsonEnabled()
    const paint = (hex: string, text: string) => ux.colorize(hex, text)
    const steps: DemoScreenStep[] = DEMO_STEPS.map((id) => ({ id, title: m.steps[id], state: 'pending', lines: [] }))
    const screen = !json && process.stdout.isTTY ? await (await import('../ui/demo-screen.js')).renderDemoScreen(m.title, steps) : undefined
    if (!json && !screen) this.log(m.title)

    const abort = new AbortController()
    const onSigint = () => abort.abort(new UserError(m.interrupted, { exitCode: ExitCode.Interrupted }))
    process.once('SIGINT', onSigint)
    const setStep = (id: DemoStep, change: Partial<DemoScreenStep>) => {
      const index = steps.findIndex((s) => s.id === id)
      steps[index] = { ...steps[index]!, ...change }
      screen?.update([...steps], [])
    }
    let result: DemoResult
    try {
      result = await runDemo({
        clock: flags.clock,
        signal: abort.signal,
        next: m.next,
        grievanceDescription: m.grievanceDescription,
        onStart: (id) => setStep(id, { state: 'running' }),
        onDone: (done) => {
          const lines = stepLines(done, paint)
          setStep(done.step, { state: 'done', lines })
          if (!json && !screen) this.log(['', `== ${m.steps[done.step]}`, ...lines.map((l) => `  ${l}`)].join('\n'))
        },
      })
    } catch (err) {
      await screen?.stop()
      throw abort.signal.aborted ? abort.signal.reason : err
    } finally {
      process.off('SIGINT', onSigint)
    }
    const footer = ['', ...nextLines(result.next), '', m.pageLine, m.done((result.durationMs / 1000).toFixed(1))]
    if (screen) {
      screen.update([...steps], footer)
      await screen.stop()
    } else if (!json) {
      this.log(footer.join('\n'))
    }
    return result
  }
}
