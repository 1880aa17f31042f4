import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Given: reading GTFS files is not the lesson, so this helper does it for you.

/** One row of a GTFS table, by column name. Every value is a string, as in the file ('' when empty). */
export type Row = Record<string, string>

/** Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks) into rows. */
export function parseCsv(text: string): Row[] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const [header = [], ...rows] = records.filter((r) => !(r.length === 1 && r[0] === ''))
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), cells[i] ?? ''])))
}

/** Reads one GTFS file (e.g. 'stops.txt') from a folder; [] when the file is not there. */
export function readTable(dir: string, file: string): Row[] {
  const path = join(dir, file)
  return existsSync(path) ? parseCsv(readFileSync(path, 'utf8')) : []
}

/** The tables this workshop uses. */
export interface Feed {
  stops: Row[]
  routes: Row[]
  trips: Row[]
  stopTimes: Row[]
  calendar: Row[]
  calendarDates: Row[]
}

/**
 * Reads a GTFS feed from a folder. Trips run by headway (listed in frequencies.txt, routes 33 and
 * 61 in Thane's feed) have no timetable of their own, so they are left out, with their stop times.
 */
export function readFeed(dir: string): Feed {
  const byHeadway = new Set(readTable(dir, 'frequencies.txt').map((f) => f.trip_id))
  return {
    stops: readTable(dir, 'stops.txt'),
    routes: readTable(dir, 'routes.txt'),
    trips: readTable(dir, 'trips.txt').filter((t) => !byHeadway.has(t.trip_id!)),
    stopTimes: readTable(dir, 'stop_times.txt').filter((st) => !byHeadway.has(st.trip_id!)),
    calendar: readTable(dir, 'calendar.txt'),
    calendarDates: readTable(dir, 'calendar_dates.txt'),
  }
}

/** The data folder beside the exercise folders, where `thane workshop start` put the feed. */
export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url))
