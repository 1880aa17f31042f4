/** A rendered answer: status, content type, body encoded once. */
export interface Answer {
  status: number
  type: string
  body: Buffer | string
}

const MAX_ENTRIES = 5_000

/**
 * Whole GET answers, kept while they cannot change: what an answer shows depends on the clock
 * only through which observations have appeared, so answers hold until the next phenomenonTime
 * after "now" (`nextChange`), a write, a clock move backwards, or a replay shift.
 */
export class AnswerCache {
  readonly #entries = new Map<string, Answer>()
  #from = Number.POSITIVE_INFINITY
  #until = Number.NEGATIVE_INFINITY
  readonly #nextChange: (now: number) => number | null

  constructor(nextChange: (now: number) => number | null) {
    this.#nextChange = nextChange
  }

  invalidate(): void {
    this.#entries.clear()
    this.#until = Number.NEGATIVE_INFINITY
  }

  answer(key: string, now: number, compute: () => Answer): Answer {
    if (now < this.#from || now >= this.#until) {
      this.#entries.clear()
      this.#from = now
      this.#until = this.#nextChange(now) ?? Number.POSITIVE_INFINITY
    }
    let answer = this.#entries.get(key)
    if (answer === undefined) {
      answer = compute()
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear()
      this.#entries.set(key, answer)
    }
    return answer
  }
}
