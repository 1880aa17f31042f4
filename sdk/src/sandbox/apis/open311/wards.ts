/** Within this distance a new request takes the ward of the nearest historical one. */
const MAX_KM = 3

/**
 * Finds the ward of a point from the historical requests around it: the dataset knows each
 * request's ward, so a submitted request takes the ward of its nearest neighbour (within 3 km),
 * which keeps the `ward` filter meaningful for new requests without shipping ward boundaries.
 */
export class WardLocator {
  readonly #lat: Float64Array
  readonly #long: Float64Array
  readonly #ward: string[]

  constructor(points: readonly { lat: number | null; long: number | null; ward: string | null }[]) {
    const usable = points.filter((p): p is { lat: number; long: number; ward: string } => p.lat !== null && p.long !== null && !!p.ward)
    this.#lat = Float64Array.from(usable, (p) => p.lat)
    this.#long = Float64Array.from(usable, (p) => p.long)
    this.#ward = usable.map((p) => p.ward)
  }

  /** The ward of the nearest known point within 3 km, or null. */
  nearest(lat: number, long: number): string | null {
    // An equirectangular distance is exact enough across one city.
    const kmPerDegLong = 111.32 * Math.cos((lat * Math.PI) / 180)
    let best = MAX_KM * MAX_KM
    let ward: string | null = null
    for (let i = 0; i < this.#ward.length; i++) {
      const dy = ((this.#lat[i] as number) - lat) * 110.57
      const dx = ((this.#long[i] as number) - long) * kmPerDegLong
      const d = dx * dx + dy * dy
      if (d < best) {
        best = d
        ward = this.#ward[i] as string
      }
    }
    return ward
  }
}
