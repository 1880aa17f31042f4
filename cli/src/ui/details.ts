import stringWidth from 'string-width'

/**
 * Label/value lines for one record, labels padded to one width; multi-line values are indented
 * under their first line. Empty values are left out.
 */
export function renderDetails(pairs: readonly (readonly [string, string | number | undefined])[]): string {
  const shown = pairs.filter((p): p is readonly [string, string | number] => p[1] !== undefined && p[1] !== '')
  const width = Math.max(0, ...shown.map(([label]) => stringWidth(label)))
  return shown
    .map(([label, value]) => {
      const pad = ' '.repeat(width - stringWidth(label))
      const [first, ...rest] = String(value).replace(/\r\n?/g, '\n').split('\n')
      return [`${label}${pad}  ${first}`, ...rest.map((line) => `${' '.repeat(width + 2)}${line}`)].join('\n')
    })
    .join('\n')
}
