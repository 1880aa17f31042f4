// What every runner of bench/validate.mjs prints: one JSON line with the rows and errors it saw,
// the wall and CPU time of the work itself (after imports), and its own peak RSS (each tool runs in
// a fresh process, so the peak is its own).

/** Starts timing the work; the returned function gives { ms, cpuMs } since then. */
export function startClock() {
  const wall = performance.now()
  const cpu = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(cpu) // every thread of the process (DuckDB's and workers' too)
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 }
  }
}

export function finish({ rows, errors, time, ran }) {
  const peakRssMB = process.resourceUsage().maxRSS / 1024
  console.log(JSON.stringify({ rows, errors, ...time, peakRssMB, ...(ran ? { ran } : {}) }))
}

export function argsOf(usage) {
  const [file, schemaPath, ...rest] = process.argv.slice(2)
  if (!file || !schemaPath) {
    console.error(`usage: node ${usage}`)
    process.exit(2)
  }
  return { file, schemaPath, rest }
}
