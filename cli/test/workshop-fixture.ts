import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * A small workshop built in a temporary folder, for the runner's tests (THANE_WORKSHOPS_DIR points
 * at the returned folder). Exercise 01 is translated into Marathi, 02 is not, so the per-file
 * language fallback shows; 01's solution imports the SDK through the learner folder's link; given/
 * holds files copied into every exercise.
 */
export function makeFixtureWorkshops(): string {
  const root = mkdtempSync(join(tmpdir(), 'thane-workshops-'))
  const write = (path: string, content: string) => {
    const file = join(root, path)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content)
  }
  const importLearner = (file: string) =>
    `import { pathToFileURL } from 'node:url'\nconst learner = await import(new URL('${file}', pathToFileURL(process.env.THANE_EXERCISE_DIR + '/')).href)\n`

  write(
    'demo-lab/workshop.json',
    JSON.stringify({
      $schema: '../workshop.schema.json',
      id: 'demo-lab',
      title: 'Demo lab',
      summary: 'Two small exercises for the runner tests.',
      level: 'beginner',
      minutes: 30,
      languages: ['en', 'mr'],
      data: ['data/numbers.csv', 'grievances/services.csv'],
      exercises: ['01-add', '02-total'],
    }),
  )
  write('demo-lab/README.md', '# Demo lab\n')
  write('demo-lab/README.mr.md', '# डेमो प्रयोगशाळा\n')
  write('demo-lab/data/numbers.csv', 'n\n1\n2\n3\n')
  // Given in every exercise; add.ts clashes with 01's starter, which wins there.
  write('demo-lab/given/units.ts', "export const UNIT = 'µg/m³'\n")
  write('demo-lab/given/add.ts', '// given: a finished add for the exercises after 01\nexport const add = (a: number, b: number): number => a + b\n')

  write('demo-lab/01-add/README.md', '# Add two numbers\n')
  write('demo-lab/01-add/README.mr.md', '# दोन संख्यांची बेरीज\n')
  write('demo-lab/01-add/hints.md', 'Read the task again.\n---\nUse the + operator.\n---\nreturn a + b\n')
  write('demo-lab/01-add/starter/add.ts', "// Return the sum of a and b.\nexport function add(a: number, b: number): number {\n  throw new Error('not written yet')\n}\n")
  write(
    'demo-lab/01-add/solution/add.ts',
    "import { ThaneError } from '@thanekit/sdk/errors'\n\nexport const sdkLoaded = typeof ThaneError === 'function'\n\nexport function add(a: number, b: number): number {\n  return a + b\n}\n",
  )
  write(
    'demo-lab/01-add/check/add.test.ts',
    "import { test } from 'node:test'\nimport assert from 'node:assert/strict'\n" +
      importLearner('add.ts') +
      "test('adding 2 and 3 gives 5', () => {\n  assert.equal(learner.add(2, 3), 5, 'add(2, 3)')\n})\n" +
      "test('the SDK can be imported from the learner folder', () => {\n  assert.equal(learner.sdkLoaded, true, 'sdkLoaded')\n})\n",
  )

  write('demo-lab/02-total/README.md', '# Total of the numbers file\n')
  write('demo-lab/02-total/hints.md', 'Read data/numbers.csv.\n---\nSplit it into lines.\n---\nSkip the header, then add Number(line).\n---\nThe answer is 6.\n')
  write('demo-lab/02-total/starter/total.ts', "export function total(csv: string): number {\n  return 0 // not written yet\n}\n")
  write(
    'demo-lab/02-total/solution/total.ts',
    "export function total(csv: string): number {\n  return csv.trim().split('\\n').slice(1).reduce((sum, line) => sum + Number(line), 0)\n}\n",
  )
  write(
    'demo-lab/02-total/check/total.test.ts',
    "import { test } from 'node:test'\nimport assert from 'node:assert/strict'\nimport { readFileSync } from 'node:fs'\n" +
      importLearner('total.ts') +
      "test('the total of data/numbers.csv is 6', () => {\n  const csv = readFileSync(process.env.THANE_DATA_DIR + '/numbers.csv', 'utf8')\n  assert.equal(learner.total(csv), 6, 'total(numbers.csv)')\n})\n",
  )
  return root
}
