import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { verhoeffValid as kitVerhoeffValid } from '@thanekit/sdk/validate'

const exerciseDir = process.env.THANE_EXERCISE_DIR
const dataDir = process.env.THANE_DATA_DIR
if (!exerciseDir || !dataDir) throw new Error('THANE_EXERCISE_DIR and THANE_DATA_DIR are not set: run the check with `thane workshop verify`')
const learner = (await import(new URL('redact.ts', pathToFileURL(exerciseDir + '/')).href)) as {
  redact: (text: string) => string
  verhoeffValid: (digits: string) => boolean
}

function expectRedacted(input: string, expected: string): void {
  const actual = learner.redact(input)
  assert.equal(actual, expected, `redact(${JSON.stringify(input)})\n  expected: ${JSON.stringify(expected)}\n  actual:   ${JSON.stringify(actual)}`)
}

test('verhoeffValid accepts 2363 and the Aadhaar-like 234567890124, and refuses them with a wrong last digit', () => {
  assert.equal(learner.verhoeffValid('2363'), true, 'expected 2363 to be valid (the textbook example: check digit 3 for 236)')
  assert.equal(learner.verhoeffValid('234567890124'), true, 'expected 234567890124 to be valid')
  assert.equal(learner.verhoeffValid('2364'), false, 'expected 2364 to be invalid')
  assert.equal(learner.verhoeffValid('234567890127'), false, 'expected 234567890127 to be invalid')
})

test('verhoeffValid agrees with the kit\'s own check on 2,000 twelve-digit numbers', () => {
  let seed = 20_260_724
  for (let i = 0; i < 2000; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    const digits = String(200_000_000_000 + (seed % 100_000) * 7_999_993 + i).slice(0, 12)
    const expected = kitVerhoeffValid(digits)
    assert.equal(learner.verhoeffValid(digits), expected, `verhoeffValid('${digits}'): expected ${expected}`)
  }
})

test('mobile numbers are redacted as [phone] however they are written', () => {
  for (const phone of ['98201 23456', '9820123456', '+91 98201 23456', '+91-9820123456', '+919820123456', '09820123456', '919820123456', '98201-23456']) {
    expectRedacted(`call ${phone} after 6 pm`, 'call [phone] after 6 pm')
  }
})

test('e-mail addresses are redacted as [email]', () => {
  expectRedacted('write to ramesh.patil@example.in or RP_77@mail.example.com.', 'write to [email] or [email].')
})

test('valid Aadhaar numbers are redacted as [aadhaar], together, with spaces or with hyphens', () => {
  for (const aadhaar of ['234567890124', '2345 6789 0124', '2345-6789-0124', '4918 7305 6216']) {
    expectRedacted(`Aadhaar ${aadhaar}, please verify`, 'Aadhaar [aadhaar], please verify')
  }
})

test('a twelve-digit number with a wrong check digit is not an Aadhaar number and stays', () => {
  expectRedacted('consumer no. 629044183758', 'consumer no. 629044183758')
  expectRedacted('meter 2345 6789 0127 in the basement', 'meter 2345 6789 0127 in the basement')
})

test('numbers that are not personal data stay: dates, PIN codes, pole numbers, counts and numbers starting with 1-5', () => {
  for (const text of ['on 24-07-2026 at 06:30', 'PIN 400606', 'pole SL-KL-0596', '25 people, 3 days', 'ticket 12345 67890', 'ref 5123456789']) {
    expectRedacted(text, text)
  }
})

test('personal data inside Marathi and Hindi text is redacted too', () => {
  expectRedacted('कृपया 9876543210 वर संपर्क करा', 'कृपया [phone] वर संपर्क करा')
  expectRedacted('मेरा आधार 2345 6789 0124 है', 'मेरा आधार [aadhaar] है')
})

test('every line of data/complaints-sample.txt is redacted as expected', () => {
  const expected: [string, string][] = [
  ["Garbage not collected for 5 days near Teen Hath Naka. Call me on 98201 23456 if the vehicle cannot find the lane.", "Garbage not collected for 5 days near Teen Hath Naka. Call me on [phone] if the vehicle cannot find the lane."],
  ["Water supply problem in Kopri since Monday. The connection is in my father's name, Aadhaar 2345 6789 0124, please verify.", "Water supply problem in Kopri since Monday. The connection is in my father's name, Aadhaar [aadhaar], please verify."],
  ["पाणी येत नाही. संपर्क: +91 98765 43210, ईमेल: sunita.k@example.in", "पाणी येत नाही. संपर्क: [phone], ईमेल: [email]"],
  ["Streetlight pole SL-KL-0596 flickering for 4 days. Electricity consumer no. 629044183758 for reference.", "Streetlight pole SL-KL-0596 flickering for 4 days. Electricity consumer no. 629044183758 for reference."],
  ["सड़क पर बहुत गहरा गड्ढा है। मेरा मोबाइल नंबर 09930012345 है।", "सड़क पर बहुत गहरा गड्ढा है। मेरा मोबाइल नंबर [phone] है।"],
  ["Hawkers on the footpath at Gokhale Road. Filed for our society (Aadhaar 873100229460), reply to a.shaikh@mail.example.com.", "Hawkers on the footpath at Gokhale Road. Filed for our society (Aadhaar [aadhaar]), reply to [email]."],
  ["Tree fell on the road near Upvan lake at 6 am on 24-07-2026; PIN 400606, about 25 people stuck.", "Tree fell on the road near Upvan lake at 6 am on 24-07-2026; PIN 400606, about 25 people stuck."],
  ["Loud DJ till 1 am near Kalwa Naka. Aadhaar 4918-7305-6216. Mobile +91-9820012345.", "Loud DJ till 1 am near Kalwa Naka. Aadhaar [aadhaar]. Mobile [phone]."],
  ["Mosquito breeding in the society tank, meter 5332 7761 1905, call 7021234567.", "Mosquito breeding in the society tank, meter 5332 7761 1905, call [phone]."]
  ]
  const lines = readFileSync(join(dataDir, 'complaints-sample.txt'), 'utf8').trimEnd().split('\n')
  assert.equal(lines.length, expected.length, `expected ${expected.length} lines in complaints-sample.txt, found ${lines.length}`)
  for (const [input, output] of expected) expectRedacted(input, output)
})
