import type { Service } from '@thanekit/sdk'
import { DEVANAGARI_KEYWORDS, LANGUAGE_MARKERS } from './keywords.js'

export type Language = 'en' | 'mr' | 'hi'

/** A service the complaint may be about, with the keywords that pointed to it. */
export interface ServiceSuggestion {
  serviceCode: string
  serviceName: string
  score: number
  matched: string[]
}

/** English, or Marathi or Hindi when the text is mostly Devanagari (told apart by common words). */
export function detectLanguage(text: string): Language {
  const devanagari = text.match(/[\u0900-\u097F]/g)?.length ?? 0
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0
  if (devanagari <= latin) return 'en'
  const count = (markers: readonly string[]) => markers.reduce((n, m) => n + (text.includes(m) ? 1 : 0), 0)
  return count(LANGUAGE_MARKERS.hi) > count(LANGUAGE_MARKERS.mr) ? 'hi' : 'mr'
}

/**
 * The city's services ranked by the keywords found in the text: the API's own keywords and name
 * (English, romanised Marathi and Hindi) and the Devanagari words of `keywords.ts`. A keyword of
 * several words scores more than one word, as it says more. Services with no match are left out.
 */
export function suggestServices(text: string, services: Service[]): ServiceSuggestion[] {
  // Zero-width joiners only shape Devanagari conjuncts; they are dropped so typed forms match.
  const haystack = ` ${text.normalize('NFC').replace(/[\u200c\u200d]/g, '').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')} `
  const suggestions: ServiceSuggestion[] = []
  for (const service of services) {
    const native = DEVANAGARI_KEYWORDS[service.serviceCode]
    const keywords = new Set([...service.keywords, service.serviceName, ...(native?.mr ?? []), ...(native?.hi ?? [])].map((k) => k.normalize('NFC').toLowerCase().trim()).filter(Boolean))
    const matched = [...keywords].filter((k) => matches(haystack, k))
    if (matched.length === 0) continue
    const score = matched.reduce((sum, k) => sum + k.split(/\s+/).length, 0)
    suggestions.push({ serviceCode: service.serviceCode, serviceName: service.serviceName, score, matched })
  }
  return suggestions.sort((a, b) => b.score - a.score)
}

// Latin keywords match from the start of a word ("pothole" finds "potholes"); Devanagari stems match
// anywhere, as Marathi and Hindi attach case endings to the word.
function matches(haystack: string, keyword: string): boolean {
  if (/[\u0900-\u097F]/.test(keyword)) return haystack.includes(keyword)
  return haystack.includes(` ${keyword.replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')}`)
}
