#!/usr/bin/env node
// The `thane` binary. It checks the Node version before loading anything, in syntax any Node with
// ES modules can parse, so that an old Node gets one clear line instead of a crash in a dependency.
var REQUIRED = [22, 13]
var v = process.versions.node.split('.').map(Number)
if (v[0] < REQUIRED[0] || (v[0] === REQUIRED[0] && v[1] < REQUIRED[1])) {
  process.stderr.write(
    'Error: thane needs Node.js ' + REQUIRED.join('.') + ' or newer, but this is Node.js ' + process.versions.node +
      '. Install Node.js 24 LTS (https://nodejs.org or `nvm install 24`); in a Thane Kit checkout, `source scripts/use-node.sh` does it for you.\n'
  )
  process.exitCode = 2
} else {
  // V8's code cache on disk (Node >= 22.1): later runs skip compiling oclif and friends again.
  process.getBuiltinModule('node:module').enableCompileCache()
  import('../dist/index.js').then(function (cli) { return cli.run(import.meta.url) })
}
