import { parentPort, workerData } from 'node:worker_threads'
import type { RangeArrays, RangeTask, WorkerInit } from './parallel.js'
import { RangeRunner } from './table-engine.js'

/**
 * A validation worker: compiles the row pass once from the plan the main thread sends, then checks
 * each byte range it is given and answers with its problems (at most maxErrors kept, all counted)
 * and the compact data of its rows (typed arrays, copied). The main thread runs
 * the same `RangeRunner` on ranges of its own.
 */

const port = parentPort
if (!port) throw new Error('table-worker.ts runs as a worker thread')

const runner = new RangeRunner(workerData as WorkerInit)

// The result is copied, not transferred: the first ArrayBuffer detached in a thread makes V8 throw
// away all its optimised code that reads typed arrays (the detaching protector), which cost each
// thread a second warm-up. Copying a 4 MiB range's arrays (about 0.8 MB) takes 0.4–0.8 ms; the worker
// fills the same arrays again for its next range.
let spare: RangeArrays | undefined
port.on('message', (task: RangeTask) => {
  const result = runner.run({ ...task, ...(spare ? { reuse: spare } : {}) })
  port.postMessage(result)
  spare = result
})
