/**
 * CSV writing for the generated datasets: RFC 4180 quoting, LF line endings, UTF-8 without a BOM.
 *
 * A field is quoted when it holds a comma, a double quote, CR or LF; a quote inside is doubled.
 * Nothing else is quoted, so the files stay diff-friendly. (RFC 4180 names CRLF; we write LF, which
 * every CSV reader accepts, and say so in each datapackage.json dialect.)
 */
export type CsvValue = string | number | boolean | null | undefined

/** One field, quoted when it must be. null and undefined are written as an empty field. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'string' ? value : String(value)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** One record, without its line ending. */
export function csvRecord(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',')
}

/** A whole file: the header and every row, each line ending in LF (the last one too). */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [csvRecord(header)]
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`bug: CSV row has ${row.length} fields, header has ${header.length}: ${csvRecord(row).slice(0, 80)}`)
    }
    lines.push(csvRecord(row))
  }
  return lines.join('\n') + '\n'
}
