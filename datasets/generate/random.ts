/**
 * A small seeded pseudo-random number generator for the dataset generators.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state) seeded through the
 * cyrb128 string hash. Every stream is named by a path ("311", "311/request/100042", ...): `fork(label)`
 * derives a new, independent stream from the parent's *name*, not from its current state, so a
 * generator can add a field (a new fork) without shifting the numbers any other field receives.
 *
 * Not for cryptography; it only has to be fast, well mixed and identical on every machine.
 */
export class Random {
  /** The stream's name; a fork's name is `${parent.path}/${label}`. */
  readonly path: string
  #a: number
  #b: number
  #c: number
  #d: number

  constructor(seed: number | string) {
    this.path = String(seed)
    const [a, b, c, d] = cyrb128(this.path)
    this.#a = a
    this.#b = b
    this.#c = c
    this.#d = d
    // Discard the first outputs: sfc32 needs a few rounds to mix a seed.
    for (let i = 0; i < 15; i++) this.uint32()
  }

  /** An independent stream named `label` under this one (the same label always gives the same stream). */
  fork(label: string | number): Random {
    return new Random(`${this.path}/${label}`)
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const a = this.#a
    const b = this.#b
    const c = this.#c
    const d = this.#d
    const t = (((a + b) | 0) + d) | 0
    this.#d = (d + 1) | 0
    this.#a = b ^ (b >>> 9)
    this.#b = (c + (c << 3)) | 0
    const r = (c << 21) | (c >>> 11)
    this.#c = (r + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** A float in [min, max). */
  float(min = 0, max = 1): number {
    return min + (max - min) * this.next()
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`)
    }
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** true with probability p. */
  bool(p = 0.5): boolean {
    return this.next() < p
  }

  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** An index drawn with probability proportional to its weight (weights >= 0, not all 0). */
  weightedIndex(weights: readonly number[]): number {
    let total = 0
    for (const w of weights) {
      if (!(w >= 0)) throw new RangeError(`weightedIndex: bad weight ${w}`)
      total += w
    }
    if (total <= 0) throw new RangeError('weightedIndex: all weights are 0')
    let x = this.next() * total
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] as number
      if (x < 0) return i
    }
    // Floating-point rounding can leave x a hair above 0: return the last index with weight.
    for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] as number) > 0) return i
    return weights.length - 1
  }

  /** One item drawn with probability proportional to its weight: `weighted([['a', 3], ['b', 1]])`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const i = this.weightedIndex(entries.map((e) => e[1]))
    return (entries[i] as readonly [T, number])[0]
  }

  /** A normally distributed number (Box-Muller; uses two uniforms per call, caches nothing). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next() // (0, 1]: log(u) is finite
    const v = this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** A log-normal number with the given median and shape sigma (the sd of its logarithm). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma))
  }

  /** A shuffled copy (Fisher-Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const t = out[i] as T
      out[i] = out[j] as T
      out[j] = t
    }
    return out
  }
}

/** cyrb128 (bryc): a fast 128-bit string hash, used to turn a stream's name into sfc32 state. */
function cyrb128(s: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}
