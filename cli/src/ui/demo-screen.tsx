import type { DemoScreenStep } from './DemoScreen.js'

/** A live ink screen for `thane demo`: `update` redraws it, `stop` leaves the last frame on the terminal. */
export interface DemoScreenHandle {
  update(steps: DemoScreenStep[], footer: string[]): void
  stop(): Promise<void>
}

/** Renders the demo screen on stdout; ink and react are loaded here, so piped runs never load them. */
export async function renderDemoScreen(title: string, steps: DemoScreenStep[]): Promise<DemoScreenHandle> {
  const [{ render }, { DemoScreen }] = await Promise.all([import('ink'), import('./DemoScreen.js')])
  // Ctrl-C is the command's to handle (it closes the sandbox), not ink's.
  const app = render(<DemoScreen title={title} steps={steps} footer={[]} />, { exitOnCtrlC: false, patchConsole: false })
  return {
    update(next, footer) {
      app.rerender(<DemoScreen title={title} steps={next} footer={footer} />)
    },
    async stop() {
      app.unmount()
      await app.waitUntilExit()
    },
  }
}
