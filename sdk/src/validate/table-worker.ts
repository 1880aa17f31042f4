import { parentPort, workerData } from 'node:worker_threads'
import type { RangeTask, WorkerInit } from './parallel.js'
import { RangeRunner } from './table-engine.js'

/**
 * A validation worker: builds the row pass once from the plan the main thread sends, then checks
 * each byte range it is given and answers with its problems (at most maxErrors kept, all counted)
 * and the compact data of its rows (typed arrays over shared memory). The main thread runs
 * the same `RangeRunner` on ranges of its own.
 */

const port = parentPort
if (!port) throw new Error('table-worker.ts runs as a worker thread')

// Its arrays are over shared memory (see RangeRunner): posting them neither copies nor detaches them.
const runner = new RangeRunner(workerData as WorkerInit, true)

port.on('message', (task: RangeTask) => {
  port.postMessage(runner.run(task))
})
