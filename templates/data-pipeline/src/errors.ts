import type { Report } from '@thanekit/sdk/validate'

/** The export was read but its data is wrong: the pipeline stops and says where (exit code 1). */
export class InvalidDataError extends Error {
  constructor(
    message: string,
    /** The validator's report, when the problems came from it. */
    readonly report?: Report,
  ) {
    super(message)
    this.name = 'InvalidDataError'
  }
}

/** The first problems of a validation report, one a line: `file:row field = "value": message (hint)`. */
export function describeProblems(report: Report, max = 5): string[] {
  const lines = report.errors.slice(0, max).map((e) => {
    const where = [e.file ?? report.source, e.row].filter((part) => part !== undefined).join(':')
    const value = e.value !== undefined ? ` = ${JSON.stringify(e.value)}` : ''
    return `  ${where}${e.field ? ` ${e.field}` : ''}${value}: ${e.message} (${e.hint})`
  })
  const total = report.severities.error
  if (total > lines.length) lines.push(`  … and ${total - lines.length} more`)
  return lines
}
