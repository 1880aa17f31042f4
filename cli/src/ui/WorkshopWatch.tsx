import { Box, render, Text, useInput, useStdin } from 'ink'
import { msg } from '../messages/index.js'
import { resultLines, type ResultLine } from '../services/workshop/format.js'
import type { WatchSnapshot } from '../services/workshop/session.js'

const m = msg.workshop.watch

export interface Props {
  snapshot: WatchSnapshot
  /** A key the learner pressed: "h", "r" or "q". */
  onKey?: (key: string) => void
}

const colours: Record<ResultLine['kind'], string | undefined> = {
  'heading-pass': 'green',
  'heading-fail': 'red',
  pass: 'green',
  fail: 'red',
  detail: undefined,
}

/** The watch screen: the exercise and its task, the last check's result, a hint if asked, the keys. */
export function WorkshopWatch({ snapshot, onKey }: Props) {
  const { isRawModeSupported } = useStdin()
  useInput((input, key) => onKey?.(key.ctrl && input === 'c' ? 'q' : input.toLowerCase()), { isActive: isRawModeSupported === true && onKey !== undefined })
  const lines = snapshot.result ? resultLines(snapshot.result) : []
  return (
    <Box flexDirection="column">
      <Text bold>{m.title(snapshot.title, snapshot.exercise, snapshot.index, snapshot.total)}</Text>
      <Text dimColor>{m.task(snapshot.task)}</Text>
      <Text> </Text>
      {lines.map((line, i) => (
        <Text key={i} {...(colours[line.kind] ? { color: colours[line.kind] } : {})}>
          {line.text}
        </Text>
      ))}
      {snapshot.error ? <Text color="red">{snapshot.error}</Text> : null}
      {snapshot.finished ? <Text color="green">{m.finished}</Text> : <Text color="yellow">{m.status[snapshot.status]}</Text>}
      {snapshot.hint ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{m.hintLabel(snapshot.hint.number, snapshot.hint.total)}</Text>
          <Text>{snapshot.hint.text}</Text>
        </Box>
      ) : null}
      <Text> </Text>
      <Text dimColor>{m.keys}</Text>
    </Box>
  )
}

/** Draws the watch screen on the terminal; `update` redraws it, `done` resolves when it is closed. */
export function renderWorkshopWatch(snapshot: WatchSnapshot, onKey: (key: string) => void): { update(next: WatchSnapshot): void; close(): void; done: Promise<unknown> } {
  // Ctrl-C reaches onKey as a quit too, so the watcher and a running check are stopped cleanly.
  const app = render(<WorkshopWatch snapshot={snapshot} onKey={onKey} />, { exitOnCtrlC: false })
  return {
    update: (next) => app.rerender(<WorkshopWatch snapshot={next} onKey={onKey} />),
    close: () => app.unmount(),
    done: app.waitUntilExit(),
  }
}
