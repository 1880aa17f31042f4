/**
 * Characters XML 1.0 cannot carry, even escaped: the C0 controls other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE and U+FFFF. Every string the sandbox stores must be
 * sendable as XML (the format GeoReport v2 makes mandatory), so these are rejected on input.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u

/**
 * The first character of `text` that XML 1.0 cannot carry: as `U+0000`, its position (1-based,
 * in characters) and its UTF-16 index.
 */
export function firstNonXmlChar(text: string): { char: string; position: number; index: number } | undefined {
  const m = NOT_XML_CHAR.exec(text)
  if (!m) return undefined
  const code = m[0].codePointAt(0) ?? 0
  return { char: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, position: codePoints(text.slice(0, m.index)) + 1, index: m.index }
}

/** Length in characters (Unicode code points), the unit the standard's limits are counted in. */
export function codePoints(text: string): number {
  let n = text.length
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--
        i++
      }
    }
  }
  return n
}

const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'gu')

/**
 * `text` quoted for an error message: cut to 60 characters so an answer stays short, and with
 * the characters XML cannot carry written as `U+0000`, so the message itself can always be sent.
 */
export function quote(text: string): string {
  const chars = [...text]
  const cut = chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : text
  return `'${cut.replace(NOT_XML_CHARS, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)}'`
}

/** 4000 -> '4,000' (en-IN groups thousands differently, so the grouping is done by hand). */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}
