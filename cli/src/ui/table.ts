import stringWidth from 'string-width'

export interface Column<Row> {
  /** Header text. */
  header: string
  /** The cell text for a row. */
  get: (row: Row) => string
}

/**
 * A plain-text table for people: padded columns measured by display width, so Devanagari and
 * Japanese text line up as well as ASCII. Machines get `--json` instead, never this.
 */
export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((c) => oneLine(c.get(row))))
  const widths = columns.map((c, i) => Math.max(stringWidth(c.header), ...cells.map((r) => stringWidth(r[i] ?? ''))))
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v + ' '.repeat((widths[i] ?? 0) - stringWidth(v))))
      .join('  ')
      .trimEnd()
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n')
}

// A cell never breaks the table: newlines and tabs from data become spaces.
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ')
}
