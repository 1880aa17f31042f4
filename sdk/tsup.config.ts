import { build } from 'esbuild'
import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/errors.ts', 'src/config.ts', 'src/sandbox/index.ts', 'src/assets.ts', 'src/validate/index.ts', 'src/validate/table-worker.ts'],
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  // Dependencies stay external: the package declares them, and bundling them would only slow start-up.
  skipNodeModulesBundle: true,
  // Keep `node:` specifiers: `node:sqlite` exists only under that name.
  removeNodeProtocol: false,
  // The validation worker is the exception: written over tsup's output as one file with what it
  // imports, ajv included, because every large CSV file starts one. Loading one file instead of the
  // shared chunk and ajv's forty modules saves about 25 ms of each worker's start (bench/RESULTS.md).
  async onSuccess() {
    await build({
      entryPoints: ['src/validate/table-worker.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile: 'dist/validate/table-worker.js',
      sourcemap: true,
      logLevel: 'error',
      // ajv is CommonJS: give the bundle a `require` for it.
      banner: { js: "import { createRequire as __thaneRequire } from 'node:module'; const require = __thaneRequire(import.meta.url);" },
    })
  },
})
