// A small CSV reader, enough for the kit's files: quoted fields may hold commas, quotes and line breaks.
import { readFileSync } from 'node:fs'

export type Row = Record<string, string>

/** The rows of a CSV text as objects keyed by the header's names. */
export function parseCsv(text: string): Row[] {
  const rows: string[][] = [[]]
  let cell = ''
  let quoted = false
  const endCell = () => {
    ;(rows[rows.length - 1] as string[]).push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endCell()
      rows.push([])
    } else cell += c
  }
  if (cell !== '' || (rows[rows.length - 1] as string[]).length > 0) endCell()
  const [header = [], ...body] = rows.filter((r) => r.length > 1 || (r[0] ?? '') !== '')
  return body.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? ''])))
}

export function readCsv(path: string): Row[] {
  return parseCsv(readFileSync(path, 'utf8'))
}
