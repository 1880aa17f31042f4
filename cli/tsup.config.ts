import { defineConfig } from 'tsup'

// oclif finds commands by file (the "pattern" strategy), so every command and hook is an entry of
// its own: dist/commands/<topic>/<verb>.js. Shared code lands in chunks beside them.
export default defineConfig({
  entry: ['src/index.ts', 'src/commands/**/*.ts', 'src/hooks/*.ts'],
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  dts: false,
  sourcemap: true,
  clean: true,
  splitting: true,
  skipNodeModulesBundle: true,
  // Keep `node:` specifiers: `node:sqlite` exists only under that name.
  removeNodeProtocol: false,
})
