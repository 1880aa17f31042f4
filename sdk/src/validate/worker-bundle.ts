/**
 * How the validation worker is bundled into one file with what it imports, ajv included: every
 * large CSV file starts a worker, and one file loads faster than the shared chunk and ajv's forty
 * modules (about 25 ms of each worker's start, bench/RESULTS.md). The build uses it
 * (tsup.config.ts), and so do runs from TypeScript sources (parallel.ts `workerScript`).
 */
export function workerBundleOptions(entry: string, outfile: string) {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    target: 'node22',
    outfile,
    logLevel: 'error' as const,
    // ajv is CommonJS: give the bundle a `require` for it.
    banner: { js: "import { createRequire as __thaneRequire } from 'node:module'; const require = __thaneRequire(import.meta.url);" },
  }
}
