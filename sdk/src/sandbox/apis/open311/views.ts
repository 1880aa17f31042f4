import { type Format, requestFragmentJson, requestFragmentXml, requestOut, XML_DECLARATION } from './format.js'
import { phaseAsOf } from './lifecycle.js'
import type { Brief, Open311Store } from './store.js'

/** Past this many rendered requests the cache starts again (a bound, never reached by the bundled data). */
const MAX_ENTRIES = 200_000

/**
 * Renders requests as of now, fast. What a request shows depends on `now` only through its phase
 * (received, acknowledged, noted, closed), and rows never change once stored, so each request is
 * rendered once per phase, format and extensions flag, and kept. A list is then a narrow query
 * (id and lifecycle times), a phase per row, and a join of cached strings.
 */
export class RequestViews {
  readonly #store: Open311Store
  readonly #cache = new Map<string, string>()

  constructor(store: Open311Store) {
    this.#store = store
  }

  /** The requests as a JSON array. */
  json(briefs: readonly Brief[], now: number, extensions: boolean): string {
    return `[${this.#fragments(briefs, now, extensions, 'json').join(',')}]`
  }

  /** The requests as a `<service_requests>` document. */
  xml(briefs: readonly Brief[], now: number, extensions: boolean): string {
    return `${XML_DECLARATION}<service_requests>${this.#fragments(briefs, now, extensions, 'xml').join('')}</service_requests>`
  }

  #fragments(briefs: readonly Brief[], now: number, extensions: boolean, format: Format): string[] {
    const prefix = `${format === 'json' ? 'j' : 'x'}${extensions ? 'e' : ''}`
    return briefs.map((b) => {
      const phase = phaseAsOf({ acknowledged_ms: b.acknowledged_ms, closed_ms: b.closed_ms, progress_ms: b.progress_ms, noted: b.noted === 1 }, now)
      const key = `${prefix}${phase}:${b.id}`
      let fragment = this.#cache.get(key)
      if (fragment === undefined) {
        const row = this.#store.row(b.id)
        if (!row) throw new Error(`bug: request ${b.id} was listed but cannot be read`)
        const out = requestOut(row, now, extensions)
        fragment = format === 'json' ? requestFragmentJson(out) : requestFragmentXml(out)
        if (this.#cache.size >= MAX_ENTRIES) this.#cache.clear()
        this.#cache.set(key, fragment)
      }
      return fragment
    })
  }
}
