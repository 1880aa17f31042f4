import { Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { msg } from '../../messages/index.js'
import { openLearner, pickLanguage, resultLines, WatchSession, type WatchSnapshot } from '../../services/workshop/index.js'
import { langFlags, learnerFlags, timeoutFlags } from '../../workshop-flags.js'

const m = msg.workshop.watch

export default class WorkshopWatch extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override flags = {
    ...learnerFlags,
    ...langFlags,
    ...timeoutFlags,
    poll: Flags.boolean({ description: m.poll }),
    once: Flags.boolean({ description: m.once }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parse(WorkshopWatch)
    const learner = openLearner(flags.dir ?? process.cwd())
    const options = { learner, lang: pickLanguage(flags.lang), timeoutSeconds: flags.timeout, pollOnly: flags.poll === true }
    const screen = process.stdout.isTTY && process.stdin.isTTY && !flags.once
    if (screen) return this.onScreen(options)
    return this.plain(options, flags.once === true)
  }

  /** The ink screen: redrawn on every change, keys h, r and q. */
  private async onScreen(options: Omit<ConstructorParameters<typeof WatchSession>[0], 'onUpdate'>): Promise<void> {
    const { renderWorkshopWatch } = await import('../../ui/WorkshopWatch.js')
    let draw: ((s: WatchSnapshot) => void) | undefined
    const session = new WatchSession({ ...options, onUpdate: (s) => draw?.(s) })
    const screen = renderWorkshopWatch(session.current(), (key) => {
      if (key === 'q') {
        session.stop()
        screen.close()
      } else if (key === 'h') session.hint()
      else if (key === 'r') void session.check()
    })
    draw = (s) => screen.update(s)
    await session.start()
    await screen.done
  }

  /** Plain lines for a pipe, a CI log or a terminal that cannot redraw: each result once. */
  private async plain(options: Omit<ConstructorParameters<typeof WatchSession>[0], 'onUpdate'>, once: boolean): Promise<void> {
    let shownExercise = ''
    let last: WatchSnapshot | undefined
    const session = new WatchSession({
      ...options,
      onUpdate: (s) => {
        last = s
        if (s.exercise !== shownExercise) {
          shownExercise = s.exercise
          if (s.justPassed && s.result) for (const line of resultLines(s.result)) this.log(line.text)
          this.log(m.plainStart(s.exercise, s.task))
        }
        if (s.error) this.log(s.error)
        if (s.status !== 'running' && s.status !== 'idle' && s.result) for (const line of resultLines(s.result)) this.log(line.text)
        if (s.finished) this.log(m.finished)
      },
    })
    await session.start()
    if (once) {
      session.stop()
      if (last && !last.finished && last.status !== 'idle') this.failCheck()
      return
    }
    await new Promise<void>((resolve) => process.once('SIGINT', resolve))
    session.stop()
  }
}
