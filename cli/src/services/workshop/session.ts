import { currentExercise, exerciseFolder, allPassed, type Learner } from './learner.js'
import { nextHint, taskFile, verifyExercise, type HintResult, type VerifyResult } from './exercises.js'
import { watchFolder, type WatchOptions } from './watch.js'

/** What the watch screen shows at a moment. */
export interface WatchSnapshot {
  title: string
  exercise: string
  /** 1-based place of the exercise in the workshop. */
  index: number
  total: number
  /** The task file in the learner's language, relative to the learner's folder. */
  task: string
  status: 'idle' | 'running' | 'passed' | 'failed' | 'timedOut'
  result?: VerifyResult
  /** The exercise that just passed, when the session moved on to the next one. */
  justPassed?: string
  hint?: HintResult
  /** A problem that stopped the check from running at all. */
  error?: string
  finished: boolean
}

export interface WatchSessionOptions extends WatchOptions {
  learner: Learner
  lang: string
  timeoutSeconds: number
  onUpdate: (snapshot: WatchSnapshot) => void
}

/**
 * The watch loop without any screen: checks the current exercise at once and after every save,
 * stops a running check when a newer save arrives, and moves on to the next exercise after a pass.
 */
export class WatchSession {
  private snapshot: WatchSnapshot
  private stopWatching: (() => void) | undefined
  private running: AbortController | undefined
  private readonly options: WatchSessionOptions

  constructor(options: WatchSessionOptions) {
    this.options = options
    const exercise = currentExercise(options.learner)
    this.snapshot = { ...this.place(exercise), status: 'idle', finished: allPassed(options.learner) }
  }

  /** Starts watching and runs the first check; resolves when that check is done. */
  async start(): Promise<void> {
    this.watch()
    this.emit()
    await this.check()
  }

  /** Checks the current exercise now (a save, or the r key). */
  async check(): Promise<void> {
    this.running?.abort()
    const controller = new AbortController()
    this.running = controller
    const { exercise } = this.snapshot
    this.update({ status: 'running' })
    let result: VerifyResult
    try {
      result = await verifyExercise(this.options.learner, exercise, { timeoutSeconds: this.options.timeoutSeconds, signal: controller.signal })
    } catch (err) {
      // A missing folder or unreadable file is the learner's to fix; the screen says so and keeps watching.
      this.update({ status: 'failed', error: err instanceof Error ? err.message : String(err) })
      return
    }
    if (controller.signal.aborted) return
    delete this.snapshot.error
    this.running = undefined
    const status = result.passed ? 'passed' : result.timedOut ? 'timedOut' : 'failed'
    if (result.passed && result.next) {
      this.snapshot = { ...this.snapshot, ...this.place(result.next), status: 'idle', result, justPassed: exercise, finished: false }
      delete this.snapshot.hint
      this.watch()
      this.emit()
      return
    }
    this.update({ status, result, finished: result.finished })
  }

  /** Shows the next hint of the current exercise (the h key). */
  hint(): void {
    try {
      this.update({ hint: nextHint(this.options.learner, this.snapshot.exercise, this.options.lang) })
    } catch (err) {
      this.update({ error: err instanceof Error ? err.message : String(err) })
    }
  }

  stop(): void {
    this.running?.abort()
    this.stopWatching?.()
  }

  current(): WatchSnapshot {
    return this.snapshot
  }

  private place(exercise: string): Pick<WatchSnapshot, 'title' | 'exercise' | 'index' | 'total' | 'task'> {
    const { learner, lang } = this.options
    return {
      title: learner.workshop.title,
      exercise,
      index: learner.workshop.exercises.indexOf(exercise) + 1,
      total: learner.workshop.exercises.length,
      task: taskFile(learner, exercise, lang),
    }
  }

  private watch(): void {
    this.stopWatching?.()
    this.stopWatching = watchFolder(exerciseFolder(this.options.learner, this.snapshot.exercise), () => void this.check(), this.options)
  }

  private update(change: Partial<WatchSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change }
    this.emit()
  }

  private emit(): void {
    this.options.onUpdate(this.snapshot)
  }
}
