/**
 * One status line on a terminal, rewritten in place at most every 100 ms, then replaced by a final
 * line. Callers create it only when the stream is a terminal; piped output never sees it.
 */
export function progressLine(
  stream: Pick<NodeJS.WriteStream, 'write'>,
  now: () => number = Date.now,
): { update(text: string): void; done(text: string): void; clear(): void } {
  let last = 0
  const write = (text: string) => stream.write(`\r\u001B[2K${text}`)
  return {
    update(text) {
      const t = now()
      if (t - last < 100) return
      last = t
      write(text)
    },
    done(text) {
      write(`${text}\n`)
    },
    /** Erases the line, for output that follows on another stream. */
    clear() {
      write('')
    },
  }
}

/** A bar of `width` cells for `done` of `total`: `███████░░░░░░░`. */
export function progressBar(done: number, total: number, width = 24): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0
  const full = Math.round(share * width)
  return '█'.repeat(full) + '░'.repeat(width - full)
}

/**
 * A progress line for work that may be quick: nothing is drawn until it has run `delayMs`, so
 * small files print no flicker; `finish()` erases it if it was drawn.
 */
export function delayedProgress(
  stream: Pick<NodeJS.WriteStream, 'write'>,
  options: { delayMs?: number; now?: () => number } = {},
): { update(text: string): void; finish(): void } {
  const now = options.now ?? Date.now
  const start = now()
  const line = progressLine(stream, now)
  let drawn = false
  return {
    update(text) {
      if (now() - start < (options.delayMs ?? 500)) return
      drawn = true
      line.update(text)
    },
    finish() {
      if (drawn) line.clear()
    },
  }
}
