/**
 * One status line on a terminal, rewritten in place at most every 100 ms, then replaced by a final
 * line. Callers create it only when the stream is a terminal; piped output never sees it.
 */
export function progressLine(stream: NodeJS.WriteStream): { update(text: string): void; done(text: string): void } {
  let last = 0
  const write = (text: string) => stream.write(`\r\u001B[2K${text}`)
  return {
    update(text) {
      const now = Date.now()
      if (now - last < 100) return
      last = now
      write(text)
    },
    done(text) {
      write(`${text}\n`)
    },
  }
}
