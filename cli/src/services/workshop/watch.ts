import { watch, type FSWatcher } from 'node:fs'
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { filesUnder } from './start.js'

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs: an editor's save is often several writes. */
  debounceMs?: number
  /** How often the folder is also polled, for file systems that send no events (network drives, some containers and VMs); 0 turns polling off. */
  pollMs?: number
  /** Use polling only, never file events. */
  pollOnly?: boolean
}

/**
 * Calls `onChange` once a burst of changes under `dir` has settled. File events are used where
 * they arrive; a slow poll of the files' sizes and times runs beside them and catches what the
 * events miss. Returns a function that stops watching.
 */
export function watchFolder(dir: string, onChange: () => void, options: WatchOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 250
  const pollMs = options.pollMs ?? 1000
  let timer: NodeJS.Timeout | undefined
  const changed = () => {
    clearTimeout(timer)
    timer = setTimeout(onChange, debounceMs)
  }

  let watcher: FSWatcher | undefined
  if (!options.pollOnly) {
    try {
      watcher = watch(dir, { recursive: true }, changed)
      // A watcher that breaks (folder removed and made again by a reset) leaves the poll in charge.
      watcher.on('error', () => watcher?.close())
    } catch {
      watcher = undefined
    }
  }

  let last = fingerprint(dir)
  const poller =
    pollMs > 0
      ? setInterval(() => {
          const now = fingerprint(dir)
          if (now !== last) {
            last = now
            changed()
          }
        }, pollMs)
      : undefined

  return () => {
    clearTimeout(timer)
    clearInterval(poller)
    watcher?.close()
  }
}

/** Names, sizes and modification times of the files: cheap, and different after any save. */
export function fingerprint(dir: string): string {
  let files: string[]
  try {
    files = filesUnder(dir)
  } catch {
    return 'unreadable'
  }
  return files
    .map((file) => {
      try {
        const s = statSync(join(dir, file))
        return `${file}:${s.size}:${s.mtimeMs}`
      } catch {
        return `${file}:gone`
      }
    })
    .join('\n')
}
