import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

type Row = Record<string, string>

const exerciseDir = process.env.THANE_EXERCISE_DIR
const dataDir = process.env.THANE_DATA_DIR
if (!exerciseDir || !dataDir) throw new Error('THANE_EXERCISE_DIR and THANE_DATA_DIR are not set: run the check with `thane workshop verify`')
const base = pathToFileURL(exerciseDir + '/')
const { classify } = (await import(new URL('route.ts', base).href)) as { classify: (text: string) => string }
// The labelled examples are read with the exercise's own csv.ts, which is given and not changed.
const { readCsv } = (await import(new URL('csv.ts', base).href)) as { readCsv: (path: string) => Row[] }
const requests = readCsv(join(dataDir, 'requests.csv'))

const MIN_ACCURACY = 0.85

for (const [language, name] of [
  ['en', 'English'],
  ['mr', 'Marathi'],
  ['hi', 'Hindi'],
] as const) {
  test(`at least 85 % of the dataset's ${name} complaints are routed to their service`, () => {
    const labelled = requests.filter((r) => r.description_language === language)
    const wrong = labelled.filter((r) => classify(r.description ?? '') !== r.service_code)
    const accuracy = 1 - wrong.length / labelled.length
    const samples = wrong
      .slice(0, 3)
      .map((r) => `"${(r.description ?? '').replace(/\s+/g, ' ').slice(0, 70)}…" is ${r.service_code}, routed to ${classify(r.description ?? '')}`)
      .join('; ')
    assert.ok(
      accuracy >= MIN_ACCURACY,
      `expected at least ${MIN_ACCURACY * 100} % of ${labelled.length} ${name} complaints routed right, got ${(accuracy * 100).toFixed(1)} %; for example ${samples}`,
    )
  })
}

test('complaints written for this check, not taken from the dataset, are routed right (at least 10 of 12)', () => {
  const examples: [string, string][] = [
    ['There is a huge pothole outside Vandana cinema, two bikes skidded today.', 'POTHOLE'],
    ['Nobody has collected the garbage from our building for a week.', 'GARBAGE'],
    ['The streetlight on our lane has not worked since Sunday, it is completely dark.', 'STREETLIGHT'],
    ['Hawkers have taken over the whole footpath outside the station.', 'ENCROACHMENT'],
    ['आमच्या भागात तीन दिवसांपासून पाणी येत नाही.', 'WATER_SUPPLY'],
    ['रस्त्यावर मोठा खड्डा आहे, अपघात होऊ शकतो.', 'POTHOLE'],
    ['रात्री उशिरापर्यंत डीजे वाजत असतो.', 'NOISE'],
    ['इमारतीच्या आवारात डास खूप झाले आहेत, फवारणी करावी.', 'MOSQUITO'],
    ['हमारे इलाके में तीन दिन से कूड़ा नहीं उठाया गया।', 'GARBAGE'],
    ['गली में आवारा कुत्ते बच्चों को काट रहे हैं।', 'STRAY_DOGS'],
    ['सार्वजनिक शौचालय में पानी नहीं है और बहुत गंदगी है।', 'PUBLIC_TOILET'],
    ['तेज़ बारिश में बड़ा पेड़ सड़क पर गिर गया है।', 'TREE_FALL'],
  ]
  const wrong = examples.filter(([text, code]) => classify(text) !== code)
  assert.ok(
    wrong.length <= 2,
    `expected at most 2 of 12 routed wrong, got ${wrong.length}: ${wrong.map(([text, code]) => `"${text}" is ${code}, routed to ${classify(text)}`).join('; ')}`,
  )
})

test('a complaint with none of the keywords is routed to UNKNOWN, for a person to read', () => {
  assert.equal(classify('Please call me back about my application.'), 'UNKNOWN')
})

test('keywords match whatever the letter case', () => {
  assert.equal(classify('POTHOLE NEAR THE STATION'), 'POTHOLE')
})
