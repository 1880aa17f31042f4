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
})
