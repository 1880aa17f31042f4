// Redacts personal data from complaint text: e-mail addresses, Aadhaar numbers and Indian mobile numbers.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// Verhoeff's tables: the multiplication of the dihedral group D5, and the permutation applied by position.
const MULTIPLY = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
]
const PERMUTE = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
]

/** True when the last digit of `digits` is its Verhoeff check digit (as in every Aadhaar number). */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let check = 0
  // From the rightmost digit (the check digit itself, position 0) to the left.
  for (let position = 0; position < digits.length; position++) {
    const digit = Number(digits[digits.length - 1 - position])
    check = (MULTIPLY[check] as number[])[(PERMUTE[position % 8] as number[])[digit] as number] as number
  }
  return check === 0
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
// Twelve digits, the first 2-9, together or 4-4-4 with the same single space or hyphen twice; not inside a longer number.
const AADHAAR = /(?<!\d)[2-9]\d{3}([ -]?)\d{4}\1\d{4}(?!\d)/g
// A mobile: ten digits from 6-9 (maybe 5 + 5 with a space or hyphen), maybe after +91, 91 or 0.
const MOBILE = /(?<![\d+])(?:(?:\+91|91|0)[ -]?)?[6-9]\d{4}[ -]?\d{5}(?!\d)/g

/** The text with every e-mail address, valid Aadhaar number and mobile number replaced by [email], [aadhaar] and [phone]. */
export function redact(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(AADHAAR, (match) => (verhoeffValid(match.replace(/\D/g, '')) ? '[aadhaar]' : match))
    .replace(MOBILE, '[phone]')
}

// `node redact.ts [file]`: prints the file with its personal data redacted.
if (import.meta.main) {
  const file = process.argv[2] ?? fileURLToPath(new URL('../data/complaints-sample.txt', import.meta.url))
  console.log(redact(readFileSync(file, 'utf8')))
}
