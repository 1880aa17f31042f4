// Redacts personal data from complaint text: e-mail addresses, Aadhaar numbers and Indian mobile numbers.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** True when the last digit of `digits` is its Verhoeff check digit (as in every Aadhaar number). */
export function verhoeffValid(digits: string): boolean {
  // TODO: the Verhoeff algorithm (README.md has the two tables and the loop).
  throw new Error('not written yet')
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g

/** The text with every e-mail address, valid Aadhaar number and mobile number replaced by [email], [aadhaar] and [phone]. */
export function redact(text: string): string {
  // E-mail addresses are done for you.
  // TODO: Aadhaar numbers (only those whose check digit is right), then mobile numbers.
  return text.replace(EMAIL, '[email]')
}

// `node redact.ts [file]`: prints the file with its personal data redacted.
if (import.meta.main) {
  const file = process.argv[2] ?? fileURLToPath(new URL('../data/complaints-sample.txt', import.meta.url))
  console.log(redact(readFileSync(file, 'utf8')))
}
