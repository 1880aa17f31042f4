/**
 * The Verhoeff check digit (dihedral group D5), which UIDAI uses as the last digit of an Aadhaar
 * number: it catches every single-digit error and every swap of adjacent digits.
 */

// Multiplication in D5.
const D = [
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
].flat()

// The permutation applied to a digit by its position (mod 8), counted from the right.
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
].flat()

const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]

/** The running Verhoeff checksum of a digit string, the rightmost digit at position `offset`. */
function checksum(digits: string, offset: number): number {
  let c = 0
  for (let i = digits.length - 1, pos = offset; i >= 0; i--, pos++) {
    const d = digits.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    c = D[c * 10 + (P[(pos & 7) * 10 + d] as number)] as number
  }
  return c
}

/** True when the last digit of `digits` is the Verhoeff check digit of the others. */
export function verhoeffValid(digits: string): boolean {
  return digits.length > 1 && checksum(digits, 0) === 0
}

/** The Verhoeff check digit to append to `digits`. */
export function verhoeffDigit(digits: string): number {
  const c = checksum(digits, 1)
  if (c < 0) throw new RangeError(`not a digit string: ${digits}`)
  return INVERSE[c] as number
}
