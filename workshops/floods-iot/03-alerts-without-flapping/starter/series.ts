// Reads a gauge series: a CSV of `time,level_m` lines (ISO 8601 times with their offset, levels in metres).
import { readFileSync } from 'node:fs'

export interface LevelReading {
  /** ISO 8601 with offset, as in the file, e.g. `2026-07-24T05:30:00+05:30`. */
  time: string
  /** Water level in metres. */
  level: number
}

export function parseSeries(text: string): LevelReading[] {
  const [header, ...lines] = text.trim().split(/\r?\n/)
  if (header !== 'time,level_m') throw new Error(`expected the header "time,level_m", got "${header}"`)
  return lines.map((line) => {
    const [time = '', level = ''] = line.split(',')
    return { time, level: Number(level) }
  })
}

export function loadSeries(path: string): LevelReading[] {
  return parseSeries(readFileSync(path, 'utf8'))
}
