import { parentPort, workerData } from 'node:worker_threads'
import { scanRange } from './csv-scan.js'
import type { RangeArrays, RangeResult, RangeTask, WorkerInit } from './parallel.js'
import { RowPass, type Draft, type RowOut } from './table-engine.js'
import type { RuleValue } from './rules/index.js'
import type { ErrorCode, Severity } from './types.js'

/**
 * A validation worker: compiles the row pass once from the plan the main thread sends, then checks
 * each byte range it is given and answers with its problems (at most maxErrors kept, all counted)
 * and the compact data of its rows (typed arrays, transferred, not copied).
 */

const init = workerData as WorkerInit
const port = parentPort
if (!port) throw new Error('table-worker.ts runs as a worker thread')

/** A growable typed array. */
class Grow<T extends Uint32Array | Float64Array | Uint8Array> {
  length = 0
  constructor(public data: T) {}
  ensure(extra: number): T {
    if (this.length + extra > this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(this.data.length * 2, this.length + extra))
      bigger.set(this.data)
      this.data = bigger
    }
    return this.data
  }

}

const keyWords = init.plan.keys.length * 2
const slots = init.plan.ruleFields.length

class BatchOut implements RowOut {
  rowLines: Grow<Uint32Array>
  hashes: Grow<Uint32Array>
  values: Grow<Float64Array>
  kinds: Grow<Uint8Array>
  strings: string[] = []
  stringIndex = new Map<string, number>()
  errors: Array<{ before: number; draft: Draft }> = []
  dropped = new Map<string, { code: ErrorCode; severity: Severity; n: number }>()

  /** Fills the arrays of an earlier range when the main thread hands them back. */
  constructor(reuse: RangeArrays | undefined) {
    this.rowLines = new Grow(reuse?.rowLines ?? new Uint32Array(4096))
    this.hashes = new Grow(reuse?.hashes ?? new Uint32Array(4096 * Math.max(1, keyWords)))
    this.values = new Grow(reuse?.values ?? new Float64Array(slots ? 4096 * slots : 1))
    this.kinds = new Grow(reuse?.kinds ?? new Uint8Array(slots ? 4096 * slots : 1))
  }

  error(e: Draft): void {
    if (this.errors.length < init.maxErrors) this.errors.push({ before: this.rowLines.length, draft: e })
    else {
      const key = `${e.code} ${e.severity}`
      const d = this.dropped.get(key) ?? { code: e.code, severity: e.severity, n: 0 }
      d.n++
      this.dropped.set(key, d)
    }
  }

  row(line: number, hashes: Uint32Array, values: RuleValue[]): void {
    this.rowLines.ensure(1)[this.rowLines.length++] = line
    if (keyWords) {
      // A plain loop: TypedArray.set costs a builtin call for the two or four words of a row.
      const h = this.hashes.ensure(keyWords)
      const at = this.hashes.length
      for (let w = 0; w < keyWords; w++) h[at + w] = hashes[w] as number
      this.hashes.length = at + keyWords
    }
    if (slots) {
      const v = this.values.ensure(slots)
      const k = this.kinds.ensure(slots)
      for (let s = 0; s < slots; s++) {
        const x = values[s]
        const at = this.values.length + s
        if (typeof x === 'number') {
          v[at] = x
          k[at] = 1
        } else if (typeof x === 'string') {
          let i = this.stringIndex.get(x)
          if (i === undefined) {
            i = this.strings.length
            this.strings.push(x)
            this.stringIndex.set(x, i)
          }
          v[at] = i
          k[at] = 2
        } else k[at] = 0
      }
      this.values.length += slots
      this.kinds.length += slots
    }
  }
}

// Compiled once a worker (the ajv row validator, rules), restarted for each range.
const pass = new RowPass(init.plan, new BatchOut(undefined))

port.on('message', (task: RangeTask) => {
  const out = new BatchOut(task.reuse)
  pass.restart(out)
  const scan = scanRange(init.path, init.encoding, init.quote, init.plan.delimiter, init.maxCellBytes, task.start, task.end, (record, line) => pass.row(record, line), () => (pass.badBytes = true))
  const result: RangeResult = {
    id: task.id,
    rows: pass.rows,
    lines: scan.lines,
    rowCount: out.rowLines.length,
    rowLines: out.rowLines.data,
    hashes: out.hashes.data,
    values: out.values.data,
    kinds: out.kinds.data,
    strings: out.strings,
    errors: out.errors,
    dropped: [...out.dropped.values()],
    ...(scan.broken ? { broken: scan.broken } : {}),
  }
  port.postMessage(result, [result.rowLines.buffer as ArrayBuffer, result.hashes.buffer as ArrayBuffer, result.values.buffer as ArrayBuffer, result.kinds.buffer as ArrayBuffer])
})
