// Renders every help screen (root, each topic, each command) with oclif's own Help class at build
// time, into dist/help.json. `thane --help` and `thane help <command>` then print the stored text
// without loading oclif at all, which keeps them well under the 100 ms start-up budget. Output is
// identical to oclif's at 80 columns (oclif's width when the output is not a terminal).
import { writeFileSync } from 'node:fs'
import { format } from 'node:util'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

process.env.OCLIF_COLUMNS = '80' // read by oclif when it is first imported
const { Config, Help } = await import('@oclif/core')

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const config = await Config.load(root)

class CapturingHelp extends Help {
  output = ''
  log(...args) {
    this.output += format(...args) + '\n'
  }
}

async function render(argv) {
  const help = new CapturingHelp(config, config.pjson.oclif.helpOptions ?? {})
  await help.showHelp(argv)
  return help.output
}

const screens = { '': await render([]) }
const ids = [...config.topics.map((t) => t.name), ...config.commandIDs]
for (const id of ids) {
  const words = id.split(':')
  screens[words.join(' ')] = await render(words)
}
writeFileSync(join(root, 'dist', 'help.json'), JSON.stringify({ version: config.version, screens }) + '\n')
console.log(`rendered ${Object.keys(screens).length} help screens to dist/help.json`)
