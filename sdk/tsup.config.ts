import { build } from 'esbuild'
import { defineConfig } from 'tsup'
import { workerBundleOptions } from './src/validate/worker-bundle.js'

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
  // The validation worker is the exception: written over tsup's output as one file (see worker-bundle.ts).
  async onSuccess() {
    await build({ ...workerBundleOptions('src/validate/table-worker.ts', 'dist/validate/table-worker.js'), sourcemap: true })
  },
})
