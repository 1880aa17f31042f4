import { msg } from '../messages/index.js'

/**
 * Redraws a text screen in place every `intervalMs` until Ctrl-C, on a terminal only (the caller
 * checks). Each frame replaces the previous one, so the table stays put while its values change.
 */
export async function liveView(frame: () => Promise<string>, intervalMs: number): Promise<void> {
  const out = process.stdout
  let lines = 0
  const draw = async () => {
    const refreshed = new Date().toLocaleTimeString('en-GB', { timeZone: 'Asia/Kolkata' })
    const text = `${await frame()}\n\n${msg.live.footer(refreshed)}`
    // Move up over the previous frame and clear from there down, then write the new one.
    out.write((lines > 0 ? `\u001B[${lines}F\u001B[0J` : '') + text + '\n')
    lines = text.split('\n').length
  }
  await draw()
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => void draw(), intervalMs)
    process.once('SIGINT', () => {
      clearInterval(timer)
      resolve()
    })
  })
}
