/**
 * Characters outside XML 1.0's set: C0 controls (a terminal's escape sequences among them), lone
 * surrogates, U+FFFE and U+FFFF. Reports show them as `\uXXXX`, so a hostile cell can neither break
 * an XML or HTML file nor drive the terminal that prints it.
 */
const INVISIBLE = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** The text with every character of `INVISIBLE` written as `\uXXXX`. */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
}

/** `visibleText`, escaped for HTML text and attribute values: the one escaping of every HTML report. */
export function htmlText(text: string | number): string {
  return visibleText(String(text))
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/** `visibleText`, with line breaks and tabs also written as `\n`, `\r` and `\t`: one problem stays one line of the text report. */
export function oneLineText(text: string): string {
  return visibleText(text).replace(/[\n\r\t]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'))
}
