import { Box, Text } from 'ink'
import { useEffect, useState } from 'react'

export interface DemoScreenStep {
  id: string
  title: string
  state: 'pending' | 'running' | 'done'
  /** What the step showed when done (may hold the AQI colours as ANSI). */
  lines: string[]
}

export interface Props {
  title: string
  steps: DemoScreenStep[]
  /** Shown under the steps once everything is done. */
  footer: string[]
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

function Spinner() {
  const [frame, setFrame] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % SPINNER.length), 80)
    return () => clearInterval(timer)
  }, [])
  return <Text color="cyan">{SPINNER[frame]}</Text>
}

/** The `thane demo` screen: each step appears with a spinner while it runs, a tick and its lines when done. */
export function DemoScreen({ title, steps, footer }: Props) {
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      {steps
        .filter((s) => s.state !== 'pending')
        .map((s) => (
          <Box key={s.id} flexDirection="column" marginTop={1}>
            <Box>
              {s.state === 'running' ? <Spinner /> : <Text color="green">✔</Text>}
              <Text bold> {s.title}</Text>
            </Box>
            {s.lines.map((line, i) => (
              <Text key={i}>{'  ' + line}</Text>
            ))}
          </Box>
        ))}
      {footer.length > 0 && (
        <Box flexDirection="column" marginTop={1}>
          {footer.map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </Box>
      )}
    </Box>
  )
}
