// Writes a copy of a GTFS folder whose stop_times.txt has at least `rows` rows: the scheduled trips
// (not the frequency templates) repeated under new ids (`<trip_id>~<n>`), every other file as is.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'

const quote = (v) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

export function scaleFeed(source, target, rows) {
  for (const name of readdirSync(source)) if (name !== 'trips.txt' && name !== 'stop_times.txt') copyFileSync(join(source, name), join(target, name))
  const frequencyTrips = new Set(
    readdirSync(source).includes('frequencies.txt') ? parse(readFileSync(join(source, 'frequencies.txt')), { columns: true, bom: true }).map((r) => r.trip_id) : [],
  )
  const [tripHeader, ...trips] = parse(readFileSync(join(source, 'trips.txt')), { bom: true })
  const tripCol = tripHeader.indexOf('trip_id')
  const stText = readFileSync(join(source, 'stop_times.txt'), 'utf8').replace(/^\uFEFF/, '')
  const [stHeader, ...stLines] = stText.trim().split(/\r?\n/)
  if (stHeader.split(',')[0] !== 'trip_id') throw new Error('scaleFeed expects trip_id as the first column of stop_times.txt')
  const scheduled = stLines.filter((line) => !frequencyTrips.has(line.slice(0, line.indexOf(','))))
  const copies = Math.max(0, Math.ceil((rows - stLines.length) / scheduled.length))

  const tripOut = [tripHeader.map(quote).join(','), ...trips.map((r) => r.map(quote).join(','))]
  for (let n = 1; n <= copies; n++) {
    for (const r of trips) {
      if (frequencyTrips.has(r[tripCol])) continue
      const copy = [...r]
      copy[tripCol] = `${r[tripCol]}~${n}`
      tripOut.push(copy.map(quote).join(','))
    }
  }
  writeFileSync(join(target, 'trips.txt'), tripOut.join('\n') + '\n')
  const parts = [stHeader, ...stLines]
  for (let n = 1; n <= copies; n++) for (const line of scheduled) {
    const comma = line.indexOf(',')
    parts.push(`${line.slice(0, comma)}~${n}${line.slice(comma)}`)
  }
  writeFileSync(join(target, 'stop_times.txt'), parts.join('\n') + '\n')
  return parts.length - 1
}
