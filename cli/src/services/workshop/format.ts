import { msg } from '../../messages/index.js'
import type { VerifyResult } from './exercises.js'

const m = msg.workshop.verify

/** One line of a check's result, with its kind so a screen can colour it. */
export interface ResultLine {
  kind: 'pass' | 'fail' | 'detail' | 'heading-pass' | 'heading-fail'
  text: string
}

/**
 * A check's result as a learner reads it: a heading, then each test as a sentence, failed ones with
 * their reason and the expected and actual values. Passed tests are listed only when some failed,
 * so a pass stays one line.
 */
export function resultLines(result: VerifyResult): ResultLine[] {
  if (result.timedOut) return [{ kind: 'heading-fail', text: m.timedOut(result.exercise, result.timeoutSeconds) }]
  if (result.problem) return [{ kind: 'heading-fail', text: m.problem(result.exercise, indent(result.problem, 4)) }]
  const failed = result.tests.filter((t) => !t.passed)
  if (result.passed) return [{ kind: 'heading-pass', text: m.passedLine(result.exercise, result.tests.length, result.durationMs) }]
  const lines: ResultLine[] = [{ kind: 'heading-fail', text: m.failedLine(result.exercise, failed.length, result.tests.length) }]
  for (const test of result.tests) {
    if (test.passed) {
      lines.push({ kind: 'pass', text: m.testPassed(test.name) })
      continue
    }
    lines.push({ kind: 'fail', text: m.testFailed(test.loadError ? m.loadError : test.name) })
    if (test.message) lines.push({ kind: 'detail', text: indent(test.message, 4) })
    if (test.expected !== undefined) lines.push({ kind: 'detail', text: `    ${m.expected}: ${test.expected}` })
    if (test.actual !== undefined) lines.push({ kind: 'detail', text: `    ${m.actual}:${' '.repeat(Math.max(1, m.expected.length - m.actual.length + 1))}${test.actual}` })
  }
  return lines
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces)
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n')
}
