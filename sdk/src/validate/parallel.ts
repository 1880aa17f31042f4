import { closeSync, existsSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TextDecoder } from 'node:util'
import { Worker } from 'node:worker_threads'
import { ThaneError } from '../errors.js'
import { throttleProgress } from './csv-records.js'
import { BoundaryFinder, CsvScanner, DEFAULT_MAX_CELL_BYTES, recordAt, scanRange } from './csv-scan.js'
import { inspectFile, sniffDelimiter } from './source.js'
import { RangeRunner, RowPass, type Draft, type TablePlanInput } from './table-engine.js'
import { brokenDraft, estimateRows, setUpScan, type AddDraft, type ScanOptions } from './table.js'
import type { ErrorCode, Severity } from './types.js'
import { workerBundleOptions } from './worker-bundle.js'

/**
 * Worker threads over byte ranges. The main thread reads the header, then cuts the rest of the file
 * into ranges at record boundaries (quote-aware, see `BoundaryFinder`), hands them to workers that
 * parse and check rows (`RowPass`), and merges their results in file order: problems in line order,
 * exact counts, key and table-rule checks on compact typed arrays (`TableMerger`).
 *
 * With one thread there is no worker: the main thread checks every range itself, which is how a
 * large plain file is read on one thread too, for the byte reader's speed (byte-rows.ts).
 *
 * `threads` counts the main thread: it starts `threads - 1` workers and checks ranges itself
 * (smaller ones, so it answers the workers often) between merges. A worker needs 150–300 ms to
 * start (Node's bootstrap, loading ajv, compiling the row validator, then its JIT warm-up) before
 * it checks a row; the main thread has all of that already, so it works from the first moment, and
 * on two threads one worker's start-up and memory are saved.
 *
 * Line numbers: each worker counts the physical lines of its range; the main thread adds the lines
 * of the ranges before it when it merges, so ranges need no pre-count.
 */

/** Encodings whose bytes can be cut at any LF (UTF-16 cannot; gzip cannot be cut at all). */
const CUTTABLE = new Set(['utf-8', 'windows-1252', 'latin1', 'iso-8859-1'])
export const DEFAULT_PARALLEL_MIN_BYTES = 16 * 1024 * 1024
export const DEFAULT_RANGE_BYTES = 4 * 1024 * 1024
/**
 * Young generation of a worker's heap: rows make short-lived strings, and a larger nursery only adds
 * RSS. 4 MB against 8: 4–5 MB less peak RSS on 5 million rows and no more CPU (a nursery that stays
 * in cache scavenges as cheaply); 2 MB saved a little more RSS but cost time.
 */
const WORKER_YOUNG_MB = 4

export interface ParallelInput {
  size: number
  encoding: string
}

/** Whether the file is plain, cuttable and large enough to read in byte ranges. */
export async function shouldScanInParallel(path: string, encoding: string | undefined, minBytes = DEFAULT_PARALLEL_MIN_BYTES): Promise<ParallelInput | undefined> {
  const info = await inspectFile(path, encoding)
  if (info.gzip || !CUTTABLE.has(info.encoding)) return undefined
  const { size } = await stat(path)
  return size >= minBytes ? { size, encoding: info.encoding } : undefined
}

/** Rows whose key-set slots the merge touches at once (a power of two; see `TableMerger.prefetch`). */
const PREFETCH_ROWS = 16

/** Arrays of merged ranges kept to be filled again, by the main thread (its own) or a worker (shared). */
const POOL_SIZE = 2
const SHARED_POOL_SIZE = 16

/** Ranges a worker is given at a time (one in work, the next queued). */
const TASKS_PER_WORKER = 2
/**
 * Bytes of the file that may be cut into ranges beyond the last one merged (at least). Results in
 * flight take about a sixth of their bytes (line, hashes), so 32 MiB holds about 6 MB; it lets the
 * main thread check ranges of its own while a worker starts and holds the ranges before them.
 */
const MIN_AHEAD_BYTES = 32 * 1024 * 1024

/** Messages between the main thread and a worker. */
export interface WorkerInit {
  plan: TablePlanInput
  path: string
  encoding: string
  quote: string
  maxCellBytes: number
  maxErrors: number
}
export interface RangeTask {
  id: number
  start: number
  end: number
  /** Arrays of a merged range to fill again (a worker's are over shared memory, see `RangeRunner`). */
  reuse?: RangeArrays
}
export interface RangeArrays {
  rowLines: Uint32Array
  rowStarts: Float64Array
  hashes: Uint32Array
  values: Float64Array
  kinds: Uint8Array
}
export interface RangeResult extends RangeArrays {
  id: number
  rows: number
  /** Rows handed on (the arrays may be longer: only the first rowCount entries count). */
  rowCount: number
  /** Physical lines the range spans. */
  lines: number
  /** Per data row handed on: its line in the range (1-based). */
  rowLines: Uint32Array
  /** Per data row handed on: its file offset when the byte reader read it as one line, else -1. */
  rowStarts: Float64Array
  /** Two words a key spec a row. */
  hashes: Uint32Array
  /** Per row and rule field: a number, or an index into `strings` (kinds: 0 none, 1 number, 2 string). */
  values: Float64Array
  kinds: Uint8Array
  strings: string[]
  /** Problems kept (at most maxErrors), each before the row of index `before`. */
  errors: Array<{ before: number; draft: Draft }>
  /** Problems found beyond those kept. */
  dropped: Array<{ code: ErrorCode; severity: Severity; n: number }>
  broken?: { line: number; message: string }
}

/**
 * Starts a validation worker with the Node options of this process that a worker takes. Node
 * passes them on, but `--input-type` (a `node -e` script's) stops a worker from loading its file,
 * so it is left out; and V8 or process-wide options (`--max-old-space-size`, `--v8-pool-size`)
 * make the constructor throw, so then the worker starts with none (V8's apply to the whole process
 * anyway).
 */
function startWorker(file: string, init: WorkerInit): Worker {
  const options = { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }
  try {
    return new Worker(file, { ...options, execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')) })
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err
    return new Worker(file, { ...options, execArgv: [] })
  }
}

/** Where the worker script is: beside this module when built, bundled on the fly from sources (vitest). */
let workerFile: Promise<string> | undefined
export function workerScript(): Promise<string> {
  workerFile ??= (async () => {
    const here = import.meta.url
    if (!here.endsWith('.ts')) {
      for (const rel of ['./table-worker.js', './validate/table-worker.js']) {
        const file = fileURLToPath(new URL(rel, here))
        if (existsSync(file)) return file
      }
      throw new ThaneError('E_WORKER', `the validation worker script (table-worker.js) is missing beside ${fileURLToPath(here)}; reinstall @thanekit/sdk, or pass threads: 1`)
    }
    // Running from TypeScript sources (tests): bundle the worker once with esbuild, a dev dependency.
    const source = fileURLToPath(new URL('./table-worker.ts', here))
    const out = join(tmpdir(), `thane-table-worker-${process.pid}-${Math.round(statSync(source).mtimeMs)}.mjs`)
    const { build } = await import('esbuild')
    await build(workerBundleOptions(source, out))
    process.once('exit', () => rmSync(out, { force: true }))
    removeOrphanBundles()
    return out
  })()
  return workerFile
}

/** Removes the bundles of processes that are gone (a test runner's killed forks never ran their exit handler). */
export function removeOrphanBundles(): void {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0)
      return true
    } catch (err) {
      return (err as { code?: string }).code === 'EPERM'
    }
  }
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^thane-table-worker-(\d+)-\d+\.mjs$/.exec(name)?.[1] ?? Number.NaN)
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(tmpdir(), name), { force: true })
  }
}

/**
 * Scans a large plain file in byte ranges, on the main thread and `threads - 1` workers. Returns the
 * number of data rows, or undefined when the file is better streamed (records end at CR only, blank
 * start, a delimiter beyond ASCII): the caller then does.
 */
export async function scanParallel(o: ScanOptions, input: ParallelInput, threads: number, add: AddDraft, script?: string): Promise<number | undefined> {
  const path = o.path as string
  const quote = o.dialect?.quoteChar ?? '"'
  const maxCellBytes = o.maxCellBytes ?? DEFAULT_MAX_CELL_BYTES
  const header = o.dialect?.header !== false

  // The header: the bytes up to the first LF outside quotes.
  const fd = openSync(path, 'r')
  let headText: string
  let bom = 0
  let dataStart: number
  let labels: string[] | undefined
  let firstLine = 1
  let delimiter: string
  try {
    const probe = Buffer.alloc(Math.min(input.size, 65_536))
    readSync(fd, probe, 0, probe.length, 0)
    if (probe[0] === 0xef && probe[1] === 0xbb && probe[2] === 0xbf) bom = 3
    headText = new TextDecoder(input.encoding).decode(probe.subarray(bom))
    const firstBreak = headText.search(/[\r\n]/)
    if (headText.trim() === '' || firstBreak < 0 || headText.charCodeAt(firstBreak) === 13 && headText.charCodeAt(firstBreak + 1) !== 10 && !headText.includes('\n')) return undefined
    delimiter = o.dialect?.delimiter ?? sniffDelimiter(headText, quote)
    // Boundaries are found in bytes: a delimiter or quote beyond ASCII is left to the one-thread path.
    if (delimiter.charCodeAt(0) > 127 || quote.charCodeAt(0) > 127) return undefined
    dataStart = bom
    if (header) {
      const finder = new BoundaryFinder(delimiter.charCodeAt(0), quote.charCodeAt(0))
      const block = Buffer.allocUnsafe(1024 * 1024)
      let pos = bom
      let end = -1
      while (end < 0 && pos < input.size && pos - bom <= maxCellBytes) {
        const n = readSync(fd, block, 0, block.length, pos)
        if (n <= 0) break
        const at = finder.next(block, 0, n)
        if (at >= 0) end = pos + at
        pos += n
      }
      if (end < 0) return undefined // a header that never ends: the one-thread path reports it
      dataStart = end
      const head = Buffer.alloc(end - bom)
      readSync(fd, head, 0, head.length, bom)
      const scanner = new CsvScanner({ delimiter, quote, crOnly: false }, (record) => (labels ??= [...record]), maxCellBytes)
      scanner.feed(new TextDecoder(input.encoding).decode(head))
      scanner.finish()
      firstLine = scanner.line
    }
  } finally {
    closeSync(fd)
  }

  // Rows expected, from the line breaks of the first bytes after the header (sizes the key sets).
  const expectedRows = estimateRows(path, dataStart)
  const setup = setUpScan(o, labels, delimiter, add, expectedRows)
  const { plan, merger } = setup
  const plainKeys = merger.plainKeys
  const progress = throttleProgress(input.size, o.onProgress)
  const rangeBytes = Math.max(1, o.rangeBytes ?? DEFAULT_RANGE_BYTES)
  const keep = o.collector.max

  // Workers besides the main thread: none for one thread, or for a file of one range.
  const workerCount = Math.max(0, Math.min(threads - 1, Math.ceil((input.size - dataStart) / rangeBytes) - 1))
  const file = workerCount > 0 ? (script ?? (await workerScript())) : ''
  // The main thread's ranges: half a worker's, so it merges and hands out work often enough.
  const ownRangeBytes = Math.max(1, Math.floor(rangeBytes / 2))

  // Cuts the next range: from `start`, the first record boundary at least `bytes` on.
  const finder = new BoundaryFinder(delimiter.charCodeAt(0), quote.charCodeAt(0))
  const block = Buffer.allocUnsafe(1024 * 1024)
  const cutFd = openSync(path, 'r')
  let cutAt = dataStart
  const ranges: RangeTask[] = []
  // Near the end, ranges shrink (to a sixteenth at least), so the threads finish together and the
  // last range merged after every thread is done is small.
  const smallestRange = Math.max(1, Math.floor(rangeBytes / 16))
  const nextRange = (bytes: number): RangeTask | undefined => {
    if (cutAt >= input.size) return undefined
    const start = cutAt
    const target = start + Math.min(bytes, Math.max(smallestRange, Math.floor((input.size - start) / (threads * 4))))
    let pos = start
    let end = input.size
    while (pos < input.size) {
      const n = readSync(cutFd, block, 0, block.length, pos)
      if (n <= 0) break
      const at = finder.next(block, 0, n, Math.max(0, target - pos))
      if (at >= 0) {
        end = pos + at
        break
      }
      pos += n
    }
    cutAt = end
    const task = { id: ranges.length, start, end }
    ranges.push(task)
    return task
  }

  const init: WorkerInit = { plan, path, encoding: input.encoding, quote, maxCellBytes, maxErrors: keep }
  const workers: Worker[] = []
  let rows = 0
  let lineBase = firstLine - 1
  let merged = 0
  let mergedEnd = dataStart
  const aheadBytes = Math.max(MIN_AHEAD_BYTES, threads * (TASKS_PER_WORKER + 1) * rangeBytes)
  let stop = false
  const results = new Map<number, RangeResult>()
  const pool: RangeArrays[] = []
  const sharedPool: RangeArrays[] = []
  let describer: RowPass | undefined

  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false
      const fail = (err: unknown) => {
        if (failed) return
        failed = true
        reject(err instanceof ThaneError ? err : new ThaneError('E_WORKER', `a validation worker thread failed (${err instanceof Error ? err.message : String(err)}); run again with one thread (threads: 1) and report this`, { cause: err }))
      }
      // Free task slots, a worker per slot: each worker holds TASKS_PER_WORKER ranges, so it starts
      // its next range while the main thread merges the last one (with one, workers idled 10–20%).
      const idle: Worker[] = []
      const dispatch = () => {
        while (idle.length && !stop && cutAt - mergedEnd < aheadBytes) {
          const task = nextRange(rangeBytes)
          if (!task) break
          const reuse = sharedPool.pop()
          ;(idle.pop() as Worker).postMessage(reuse ? { ...task, reuse } : task)
        }
        if (stop || (cutAt >= input.size && merged === ranges.length)) resolve()
      }
      const mergeReady = () => {
        for (;;) {
          const r = results.get(merged)
          if (!r || stop) break
          results.delete(merged)
          const range = ranges[merged] as RangeTask
          rows += r.rows
          mergeRange(r, lineBase)
          const arrays = { rowLines: r.rowLines, rowStarts: r.rowStarts, hashes: r.hashes, values: r.values, kinds: r.kinds }
          if (r.hashes.buffer instanceof SharedArrayBuffer) {
            if (sharedPool.length < SHARED_POOL_SIZE) sharedPool.push(arrays)
          } else if (pool.length < POOL_SIZE) pool.push(arrays)
          if (merger.pendingValues.length) fillValues(range)
          if (r.broken) {
            add(brokenDraft({ line: lineBase + r.broken.line, message: r.broken.message.replace(/line (\d+)/, (_, n: string) => `line ${lineBase + Number(n)}`) }))
            stop = true
          }
          lineBase += r.lines
          merged++
          mergedEnd = range.end
          progress.tick(range.end)
        }
      }
      // The main thread checks a range of its own, merges, then yields to the workers' answers; it
      // waits (until a worker answers) when the ranges in flight reach the same bound as theirs.
      const ownTurn = () => {
        if (failed || stop) return
        if (cutAt - mergedEnd >= aheadBytes) {
          ownWaiting = true // a worker's next answer calls again
          return
        }
        const task = nextRange(ownRangeBytes)
        if (!task) return
        const reuse = pool.pop()
        if (reuse) task.reuse = reuse
        own ??= new RangeRunner(init)
        results.set(task.id, own.run(task))
        delete task.reuse
        mergeReady()
        dispatch()
        // Back to the event loop, so the workers' answers are merged and they get new ranges.
        setImmediate(() => {
          try {
            ownTurn()
          } catch (err) {
            fail(err)
          }
        })
      }
      let ownWaiting = false
      let own: RangeRunner | undefined
      for (let w = 0; w < workerCount; w++) {
        const worker = startWorker(file, init)
        workers.push(worker)
        worker.on('message', (r: RangeResult) => {
          results.set(r.id, r)
          idle.push(worker)
          try {
            mergeReady()
            dispatch()
            if (ownWaiting) {
              ownWaiting = false
              ownTurn()
            }
          } catch (err) {
            fail(err)
          }
        })
        worker.on('error', fail)
        worker.on('exit', (code) => {
          if (!stop && !(cutAt >= input.size && merged === ranges.length)) fail(new Error(`it exited with code ${code}`))
        })
        for (let slot = 0; slot < TASKS_PER_WORKER; slot++) idle.push(worker)
      }
      // The main thread takes the first range (the workers are still starting), then hands out theirs.
      ownTurn()
      dispatch()
    })
  } finally {
    stop = true
    closeSync(cutFd)
    await Promise.all(workers.map((w) => w.terminate()))
  }
  for (const rule of setup.tableRules) rule.end()
  progress.end()
  return rows

  function mergeRange(r: RangeResult, base: number): void {
    // Problems go in before the row they precede; the rows between them merge in a loop of their
    // own, free of the problem branches (which, inside it, threw its optimised code away on each
    // range that had problems).
    let row = 0
    for (const { before, draft } of r.errors) {
      const to = Math.min(before, r.rowCount)
      if (to > row) {
        mergeRows(r, base, row, to)
        row = to
      }
      addShifted(draft, base)
    }
    if (row < r.rowCount) mergeRows(r, base, row, r.rowCount)
    for (const d of r.dropped) o.collector.addUncounted(d.code, d.severity, d.n)
  }

  function mergeRows(r: RangeResult, base: number, from: number, to: number): void {
    const k2 = plan.keys.length * 2
    const slots = plan.ruleFields.length
    if (!slots && plainKeys) {
      // One key and nothing else: the key set takes the rows in runs, `row` reports a repeat.
      for (let row = merger.addKeys(r.hashes, from, to); row < to; row = merger.addKeys(r.hashes, row + 1, to)) {
        const rel = r.rowLines[row] as number
        merger.row(base + rel, r.hashes, row * k2, undefined, undefined, rel, r.rowStarts[row] as number)
      }
      return
    }
    const values = slots ? new Array<string | number | undefined>(slots) : undefined
    for (let row = from; row < to; row++) {
      if (k2 && ((row - from) & (PREFETCH_ROWS - 1)) === 0) merger.prefetch(r.hashes, row * k2, Math.min(to, row + PREFETCH_ROWS) * k2)
      if (values) {
        for (let s = 0; s < slots; s++) {
          const kind = r.kinds[row * slots + s]
          const v = r.values[row * slots + s] as number
          values[s] = kind === 1 ? v : kind === 2 ? r.strings[v] : undefined
        }
      }
      const rel = r.rowLines[row] as number
      merger.row(base + rel, r.hashes, row * k2, values, undefined, rel, r.rowStarts[row] as number)
    }
  }

  function addShifted(d: Draft, base: number): void {
    add(d.row !== undefined ? { ...d, row: base + d.row } : d)
  }

  /**
   * Fills in the text of key errors from rows read in ranges: a row the byte reader read is read
   * again alone from its offset; any other by reading its range again.
   */
  function fillValues(range: RangeTask): void {
    const wanted = new Map<number, Array<{ error: { value?: string }; key: number }>>()
    describer ??= new RowPass(plan, { error: () => undefined, row: () => undefined })
    const d = describer
    const fd = openSync(path, 'r')
    try {
      for (const p of merger.pendingValues.splice(0)) {
        if (p.start >= 0) {
          p.error.value = d.describeRecord(recordAt(fd, input.encoding, quote, delimiter, p.start), p.key)
          continue
        }
        const list = wanted.get(p.line) ?? []
        list.push(p)
        wanted.set(p.line, list)
      }
    } finally {
      closeSync(fd)
    }
    if (!wanted.size) return
    scanRange(path, input.encoding, quote, delimiter, maxCellBytes, range.start, range.end, (record, line) => {
      const list = wanted.get(line)
      if (!list) return
      for (const p of list) p.error.value = d.describeRecord(record, p.key)
    }, () => undefined)
  }
}
