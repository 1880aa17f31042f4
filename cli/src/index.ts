import { quickAnswer } from './quick.js'

/**
 * Runs the CLI; `binUrl` is the URL of bin/run.js, from which oclif finds the package and its
 * manifest. Version and help are answered from files; everything else loads oclif.
 */
export async function run(binUrl: string): Promise<void> {
  const quick = quickAnswer(process.argv.slice(2), new URL('../dist/help.json', binUrl), new URL('../package.json', binUrl))
  if (quick !== undefined) {
    process.stdout.write(quick)
    return
  }
  const { execute } = await import('@oclif/core')
  await execute({ dir: binUrl })
}
