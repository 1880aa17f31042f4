// Run before the build (npm install runs it through `prepare`): a Node that is too old gets one
// clear line instead of a build that fails deep inside a tool.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `Thane Kit needs Node.js 22.13 or newer to build, but this is Node.js ${process.versions.node}. ` +
      'Run `source scripts/use-node.sh` (it installs Node 24 from the npm registry into .tools/node), then `npm install` again.',
  )
  process.exit(1)
}
