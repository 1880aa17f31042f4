import type { Severity } from '../types.js'
import type { CellRule, RuleFinding } from './types.js'
import { verhoeffValid } from './verhoeff.js'

/** What kind of personal data a cell holds. */
export type PersonalDataKind = 'phone' | 'email' | 'aadhaar' | 'name'

export interface PersonalDataHit {
  kind: PersonalDataKind
  /** The text found, as written. */
  match: string
}

// The lookbehind starts a match only where a run of local-part characters starts: the leftmost match
// always starts there anyway, and without it a long run (a 20,000-character cell) is tried from every
// position, which takes seconds.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}/

const isDigit = (c: number): boolean => c >= 48 && c <= 57
// Characters that may sit between the digit groups of one written number: "+91 98200-12345", "(022) 2534 1234".
const isJoiner = (c: number): boolean => c === 32 || c === 45 || c === 40 || c === 41

interface Group {
  digits: string
  start: number
  end: number
  /** The separator before this group (empty for the first). */
  sep: string
}

/**
 * Ten digits, each pair separated by at most two joiners: the least any phone or Aadhaar number
 * shows. One native scan that rejects almost every cell; measured against a JavaScript loop counting
 * digits, it is 10–20 times faster on prose and a little slower only on digit-dense text.
 */
const NUMBER_RUN = /\d(?:[ ()-]{0,2}\d){9}/

/**
 * Finds a phone number, an e-mail address or an Aadhaar number in free text; undefined when there is
 * none. Made for the hot path: a cell shorter than six characters, or without "@" and shorter than
 * ten, returns at once; an "@" (a native `indexOf`) gates the e-mail expression; the ten-digit gate
 * above the number parser.
 *
 * - Phone: an Indian mobile (ten digits from 6–9), with or without +91, 91 or 0 in front; a landline
 *   with its STD code (0 and ten digits: "022 2534 1234", "0251-2345678"), or +91 and the code; any
 *   number written with a leading + and ten to thirteen digits. Digits may be grouped by spaces,
 *   hyphens or brackets.
 * - Aadhaar: twelve digits, the first 2–9, written together or as 4-4-4 with one kind of separator,
 *   whose last digit is the Verhoeff check digit (a random twelve-digit number passes one time in ten,
 *   a mistyped one never).
 * - E-mail: local@domain.tld.
 */
export function findPersonalData(text: string): PersonalDataHit | undefined {
  const n = text.length
  if (n < 6) return undefined
  if (text.indexOf('@') >= 0) {
    const m = EMAIL.exec(text)
    if (m) return { kind: 'email', match: m[0] }
  }
  if (n < 10 || !NUMBER_RUN.test(text)) return undefined
  return findNumber(text)
}

function findNumber(text: string): PersonalDataHit | undefined {
  const n = text.length
  let i = 0
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++
      continue
    }
    // A run of digit groups joined by at most two joiner characters.
    const plus = i > 0 && text.charCodeAt(i - 1) === 43 ? true : i > 1 && text.charCodeAt(i - 2) === 43 && isJoiner(text.charCodeAt(i - 1))
    const groups: Group[] = []
    let sep = ''
    for (;;) {
      const start = i
      while (i < n && isDigit(text.charCodeAt(i))) i++
      groups.push({ digits: text.slice(start, i), start, end: i, sep })
      let j = i
      while (j < n && j - i < 2 && isJoiner(text.charCodeAt(j))) j++
      if (j === i || j >= n || !isDigit(text.charCodeAt(j))) break
      sep = text.slice(i, j)
      i = j
    }
    const hit = classifyRun(text, groups, plus)
    if (hit) return hit
  }
  return undefined
}

function classifyRun(text: string, groups: Group[], plus: boolean): PersonalDataHit | undefined {
  for (let a = 0; a < groups.length; a++) {
    let acc = ''
    for (let b = a; b < groups.length && b - a < 5; b++) {
      const g = groups[b] as Group
      acc += g.digits
      if (acc.length > 13) break
      if (acc.length < 10) continue
      const first = groups[a] as Group
      const match = text.slice(plus && a === 0 ? text.lastIndexOf('+', first.start) : first.start, g.end)
      const kind = classifyDigits(acc, groups.slice(a, b + 1), plus && a === 0)
      if (kind) return { kind, match }
    }
  }
  return undefined
}

function classifyDigits(d: string, groups: Group[], plus: boolean): PersonalDataKind | undefined {
  const len = d.length
  const c0 = d.charCodeAt(0) - 48
  const c1 = d.charCodeAt(1) - 48
  if (plus) return len >= 10 ? 'phone' : undefined
  if (len === 12 && c0 >= 2 && verhoeffValid(d)) {
    const grouped = groups.length === 1 || (groups.length === 3 && groups.every((g) => g.digits.length === 4) && groups[1]?.sep === groups[2]?.sep && (groups[1]?.sep.length ?? 0) === 1)
    if (grouped) return 'aadhaar'
  }
  if (len === 10) return c0 >= 6 ? 'phone' : undefined
  if (len === 11) return c0 === 0 && c1 >= 1 ? 'phone' : undefined
  if (len === 12) return c0 === 9 && c1 === 1 && d.charCodeAt(2) !== 48 ? 'phone' : undefined
  return undefined
}

/** Field names that hold a person's name: contact_name, first_name, last_name, complainant, ... */
const CONTACT_FIELD = /^(?:(?:contact|first|last|middle|full|given|family|person|citizen|complainant|applicant|reporter|caller|requester|requestor|submitter|owner|consumer|customer)_?name|surname|complainant|applicant|contact_person|name_of_(?:the_)?(?:complainant|applicant|citizen|person))$/

/** True when a field's name says it holds a person's name (`contact_name`, `firstName`, `Last Name`). */
export function isContactField(name: string): boolean {
  const key = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
  return CONTACT_FIELD.test(key)
}

const PLACEHOLDERS = new Set(['anonymous', 'anon', 'n/a', 'na', 'none', 'nil', 'null', 'unknown', 'withheld', 'redacted', 'not given', 'not provided', 'not disclosed', 'citizen', 'resident', 'xxx'])
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u

/** True when a contact field's value reads as a person's name rather than a placeholder. */
export function looksLikeName(value: string): boolean {
  const v = value.trim()
  if (v.length < 2 || v.length > 80 || PLACEHOLDERS.has(v.toLowerCase())) return false
  return NAME.test(v)
}

/** "98200 12345" → "98•••••345": enough to find it, not enough to spread it further. */
export function mask(match: string, kind: PersonalDataKind): string {
  if (kind === 'email') {
    const [local = '', domain = ''] = match.split('@')
    return `${local.slice(0, 1)}•••@${domain}`
  }
  if (kind === 'name') return `${match.trim().slice(0, 1)}•••`
  let seen = 0
  const total = match.replace(/\D/g, '').length
  return match.replace(/\d/g, (c) => {
    seen++
    return seen <= 2 || seen > total - 3 ? c : '•'
  })
}

const WHAT: Record<PersonalDataKind, string> = {
  phone: 'a phone number',
  email: 'an e-mail address',
  aadhaar: 'an Aadhaar number (its Verhoeff check digit is right)',
  name: "a person's name in a contact field",
}

export interface PersonalDataOptions {
  /** The fields to scan. */
  fields: string[]
  /** Fields whose every value that reads as a name is a person's name. */
  contactFields: ReadonlySet<string>
  severity: Severity
}

/** The `personal-data` cell rule. */
export function personalDataRule(o: PersonalDataOptions): CellRule {
  const severity = o.severity
  const hint =
    severity === 'error'
      ? 'remove or mask it before publishing (keep at most the last digits), or leave the column out of the export'
      : 'remove or mask it before the data is published (keep at most the last digits)'
  const finding = (hit: PersonalDataHit, field: string): RuleFinding => ({
    code: 'personal-data',
    severity,
    field,
    value: mask(hit.match, hit.kind),
    message: `"${field}" holds ${WHAT[hit.kind]}`,
    hint,
  })
  return {
    fields: o.fields,
    check(value, field) {
      if (o.contactFields.has(field) && looksLikeName(value)) return finding({ kind: 'name', match: value }, field)
      const hit = findPersonalData(value)
      return hit ? finding(hit, field) : undefined
    },
  }
}
