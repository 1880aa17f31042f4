import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Observation, ThaneClient } from '@thanekit/sdk'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'

export interface ExportOptions {
  datastreamId: string
  from: string
  to: string
  format: 'csv' | 'ndjson'
  /** A file to write; default: standard output. An existing file is kept unless `force`. */
  output?: string | undefined
  force?: boolean | undefined
  onProgress?: ((count: number, lastTime: string) => void) | undefined
}

/**
 * Streams a time range of one Datastream as CSV or NDJSON, page by page, never holding the range in
 * memory. A file is written beside its target and renamed at the end, so a failed export leaves
 * nothing half-written and never replaces what was there.
 */
export async function exportObservations(city: ThaneClient, options: ExportOptions): Promise<{ count: number }> {
  if (options.output && existsSync(options.output) && !options.force) throw new UserError(msg.sensors.export.exists(options.output))
  const partial = options.output ? `${options.output}.partial-${process.pid}` : undefined
  const out: Writable = partial ? createWriteStream(partial, { flags: 'wx' }) : process.stdout
  let count = 0
  let closedByReader = false
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closedByReader = true // `| head`: the reader has what it wanted
  })
  try {
    if (options.format === 'csv') await write(out, 'datastream_id,phenomenon_time,result_time,result\n')
    for await (const observation of city.sensors.observations(options.datastreamId, { from: options.from, to: options.to })) {
      if (closedByReader) break
      count++
      await write(out, options.format === 'csv' ? csvRow(options.datastreamId, observation) : ndjsonRow(options.datastreamId, observation))
      if (count % 1000 === 0) options.onProgress?.(count, observation.phenomenonTime)
    }
    if (partial) {
      out.end()
      await once(out, 'finish')
      renameSync(partial, options.output as string)
    }
    return { count }
  } catch (err) {
    if (partial) {
      out.destroy()
      rmSync(partial, { force: true })
    }
    throw err
  }
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await Promise.race([once(out, 'drain'), once(out, 'close')])
}

function csvRow(datastreamId: string, o: Observation): string {
  return [datastreamId, o.phenomenonTime, o.resultTime ?? '', typeof o.result === 'number' ? String(o.result) : JSON.stringify(o.result ?? null)]
    .map(csvField)
    .join(',') + '\n'
}

function ndjsonRow(datastreamId: string, o: Observation): string {
  return JSON.stringify({ datastream_id: datastreamId, id: o.id, phenomenon_time: o.phenomenonTime, result_time: o.resultTime ?? null, result: o.result }) + '\n'
}

// RFC 4180: quote a field holding a comma, a quote or a line break.
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}
