/**
 * Keys of unique, primary-key and foreign-key checks, kept as 64-bit hashes in a typed-array
 * open-addressing set (linear probing, grown by doubling at 7/8 full; callers size it for 3/4, so
 * an estimate a little short does not double it): 8 bytes a key instead of a string and a Set
 * entry (~80 bytes), so a set sized for 5,000,000 keys takes 53 MB.
 *
 * Exactness: two different keys are taken as equal only when their 64-bit hashes collide. The hash
 * is two independent 32-bit MurmurHash3-style lanes over the key's characters (or a number's bits),
 * so for n distinct keys the chance of any false "duplicate" is about n²/2^65: 7·10⁻⁷ for 5 million
 * keys, 3·10⁻⁴ for 100 million. A foreign key wrongly found is as unlikely. We take that bound
 * rather than a second pass over the file (which gzip and worker ranges would make costly).
 */
export class KeySet {
  private slots: Uint32Array
  /** Slots (any count, not a power of two: a set sized for 5 million keys takes 53 MB, not 64). */
  private capacity: number
  size = 0

  constructor(capacity = 1024) {
    this.capacity = Math.max(16, Math.ceil(capacity))
    this.slots = new Uint32Array(this.capacity * 2)
  }

  /**
   * The first slot to probe: the mixed hash scaled to the capacity. The product is a double, so a
   * large set may round a home by a slot, always the same way and never out of range (the
   * rounding error is below capacity / 2^20).
   */
  private home(hi: number, lo: number): number {
    return Math.floor(((lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0) * this.capacity / 4294967296)
  }

  /** Adds the key; returns true when it was already there. */
  add(hi: number, lo: number): boolean {
    if (hi === 0 && lo === 0) lo = 1 // (0, 0) marks an empty slot
    const slots = this.slots
    const cap = this.capacity
    let i = this.home(hi, lo)
    for (;;) {
      const a = slots[2 * i] as number
      const b = slots[2 * i + 1] as number
      if (a === 0 && b === 0) break
      if (a === hi >>> 0 && b === lo >>> 0) return true
      if (++i === cap) i = 0
    }
    slots[2 * i] = hi
    slots[2 * i + 1] = lo
    if (++this.size * 8 > cap * 7) this.grow()
    return false
  }

  /**
   * Adds the keys `words[2i]`, `words[2i + 1]` for i in `[from, to)` (a key of (0, 0) is none and
   * skipped) until one is already there, and returns its `i`, or `to`: a merge's common case in
   * one loop (80–110 ns a key in the merges of a 1M-row file, against 150–210 ns a row through
   * `TableMerger.row`).
   * The slots of the next 16 keys are read first, so that their cache misses overlap.
   */
  addRun(words: Uint32Array, from: number, to: number): number {
    for (let r = from; r < to; r++) {
      if (((r - from) & 15) === 0) {
        const ahead = Math.min(to, r + 16)
        let touched = this.touched
        for (let j = r; j < ahead; j++) touched ^= this.slots[2 * this.home(words[2 * j] as number, words[2 * j + 1] as number)] as number
        this.touched = touched
      }
      const hi = words[2 * r] as number
      const lo = words[2 * r + 1] as number
      if (hi === 0 && lo === 0) continue
      const slots = this.slots
      const cap = this.capacity
      let i = this.home(hi, lo)
      // The key is never (0, 0), so the order of the two tests is free: this one runs for every
      // key, so V8 has seen it before it optimises the loop (else it did, for a slot taken).
      for (;;) {
        const a = slots[2 * i] as number
        const b = slots[2 * i + 1] as number
        if (a === hi && b === lo) return r
        if (a === 0 && b === 0) break
        if (++i === cap) i = 0
      }
      slots[2 * i] = hi
      slots[2 * i + 1] = lo
      if (++this.size * 8 > cap * 7) this.grow()
    }
    // Nothing but plain returns here: V8 optimises this loop while it runs (on-stack
    // replacement), and arithmetic after it, not yet run, threw that code away at every call.
    return to
  }

  /** Keeps the reads of `addRun`'s look-ahead from being optimised away. */
  private touched = 0

  /**
   * Reads the key's first slot and returns it (meaningless, only so the read is not optimised
   * away). A set of millions of keys is far larger than the cache, so nearly every `add` waits for
   * memory; touching the slots of the next rows first lets the processor fetch them side by side.
   */
  touch(hi: number, lo: number): number {
    return this.slots[2 * this.home(hi, lo)] as number
  }

  has(hi: number, lo: number): boolean {
    if (hi === 0 && lo === 0) lo = 1
    const slots = this.slots
    const cap = this.capacity
    let i = this.home(hi, lo)
    for (;;) {
      const a = slots[2 * i] as number
      const b = slots[2 * i + 1] as number
      if (a === 0 && b === 0) return false
      if (a === hi >>> 0 && b === lo >>> 0) return true
      if (++i === cap) i = 0
    }
  }

  private grow(): void {
    const old = this.slots
    this.capacity *= 2
    this.slots = new Uint32Array(this.capacity * 2)
    this.size = 0
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i] as number
      const b = old[i + 1] as number
      if (a !== 0 || b !== 0) this.add(a, b)
    }
  }
}

/** A running 64-bit hash of a key's parts (two 32-bit lanes), reset with `start`. */
export class KeyHasher {
  hi = 0
  lo = 0
  private readonly f64 = new Float64Array(1)
  private readonly u32 = new Uint32Array(this.f64.buffer)

  start(): void {
    this.hi = 0x2545f491
    this.lo = 0x9e3779b9
  }

  /** Mixes in a string part (its length too, so ("ab","c") and ("a","bc") differ). */
  string(s: string): void {
    let h1 = this.hi
    let h2 = this.lo
    const n = s.length
    // Two UTF-16 units a round (the length, mixed in below, tells "a" from "a\0").
    let i = 0
    for (; i + 1 < n; i += 2) {
      const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16)
      h1 = mixA(h1, c)
      h2 = mixB(h2, c)
    }
    if (i < n) {
      const c = s.charCodeAt(i)
      h1 = mixA(h1, c)
      h2 = mixB(h2, c)
    }
    this.hi = fmix(h1 ^ n ^ 0x5bd1e995)
    this.lo = fmix(h2 ^ n ^ 0x27d4eb2f)
  }

  /** Mixes in a number part (-0 as 0, every NaN alike), tagged apart from strings. */
  number(x: number): void {
    this.f64[0] = x === 0 ? 0 : x !== x ? Number.NaN : x
    const a = this.u32[0] as number
    const b = this.u32[1] as number
    this.hi = fmix(mixA(mixA(this.hi, a), b) ^ 0x7f4a7c15)
    this.lo = fmix(mixB(mixB(this.lo, a), b) ^ 0x94d049bb)
  }
}

/** One MurmurHash3 x86_32 round. */
function mixA(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51)
  k = (k << 15) | (k >>> 17)
  k = Math.imul(k, 0x1b873593)
  h ^= k
  h = (h << 13) | (h >>> 19)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

/** The same round shape with other odd constants and rotations, for the second lane. */
function mixB(h: number, k: number): number {
  k = Math.imul(k ^ 0x5bd1e995, 0x85ebca6b)
  k = (k << 16) | (k >>> 16)
  k = Math.imul(k, 0xc2b2ae35)
  h ^= k
  h = (h << 11) | (h >>> 21)
  return (Math.imul(h, 9) + 0x7f4a7c15) | 0
}

function fmix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
