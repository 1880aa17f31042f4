import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

/**
 * What the bot has already sent: the keys of the conditions still active. A key is forgotten once
 * its condition clears, so the same flood next week is sent again. Kept in a JSON file (or in
 * memory when `file` is undefined) so that a restart sends no duplicates.
 */
export class SentAlerts {
  private readonly sent: Set<string>

  constructor(private readonly file?: string) {
    this.sent = new Set(file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { sent: string[] }).sent : [])
  }

  has(key: string): boolean {
    return this.sent.has(key)
  }

  add(key: string): void {
    this.sent.add(key)
    this.save()
  }

  /** Forgets every key not in `active`: those conditions have cleared. */
  keepOnly(active: ReadonlySet<string>): void {
    const before = this.sent.size
    for (const key of this.sent) if (!active.has(key)) this.sent.delete(key)
    if (this.sent.size !== before) this.save()
  }

  keys(): string[] {
    return [...this.sent].sort()
  }

  private save(): void {
    if (!this.file) return
    // Write then rename, so a crash mid-write never leaves a half file.
    writeFileSync(`${this.file}.tmp`, JSON.stringify({ sent: this.keys() }, null, 2))
    renameSync(`${this.file}.tmp`, this.file)
  }
}
