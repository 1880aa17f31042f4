/** Lays rows out in columns, each padded to its widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(visibleLength(h), ...rows.map((r) => visibleLength(r[i] ?? ''))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((widths[i] ?? 0) - visibleLength(c)))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n')
}

/** Colours text with a hex colour (24-bit ANSI) when `enabled`; plain text otherwise. */
export function paint(text: string, hex: string, enabled: boolean): string {
  if (!enabled) return text
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16))
  return `\x1b[38;2;${r};${g};${b}m${text}\x1b[39m`
}

/** Bold when `enabled`. */
export function bold(text: string, enabled: boolean): string {
  return enabled ? `\x1b[1m${text}\x1b[22m` : text
}

/** Colour only when printing to a terminal and the user has not asked for none (https://no-color.org). */
export function colorWanted(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb'
}

// Escape sequences take no room on screen, so they are left out when padding.
function visibleLength(text: string): number {
  return text.replace(/\x1b\[[0-9;]*m/g, '').length
}
