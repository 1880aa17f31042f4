/**
 * The Thane Municipal Corporation boundary and point-in-polygon, shared by the `inside-area` rule and
 * the dataset generators (datasets/generate/thane.ts imports this file by relative path, so it must
 * stay free of imports and of syntax that Node's type stripping cannot erase).
 */

/** A latitude/longitude pair in WGS84 degrees, written [lat, lon]. */
export type LatLon = readonly [lat: number, lon: number]

/**
 * A rough polygon around Thane Municipal Corporation's limits, [lat, lon] vertices clockwise from the
 * Mulund check naka: up the Yeoor hills edge to Gaimukh, back down the Ulhas river / Thane creek
 * side, across to Kalwa, Mumbra and Diva, and back along the Airoli and Mulund side. Hand-drawn to
 * within about half a kilometre; it keeps points off the creek's far bank, not a legal boundary.
 */
export const THANE_BOUNDARY: readonly LatLon[] = [
  [19.18, 72.955],
  [19.19, 72.935],
  [19.215, 72.925],
  [19.245, 72.935],
  [19.275, 72.94],
  [19.295, 72.95],
  [19.285, 72.985],
  [19.255, 72.995],
  [19.235, 73.005],
  [19.215, 73.015],
  [19.205, 73.035],
  [19.205, 73.065],
  [19.185, 73.075],
  [19.165, 73.065],
  [19.145, 73.045],
  [19.15, 73.025],
  [19.18, 72.995],
  [19.174, 72.985],
]

export interface BoundingBox {
  minLat: number
  maxLat: number
  minLon: number
  maxLon: number
}

/** The bounding box of a polygon. */
export function boundingBox(polygon: readonly LatLon[]): BoundingBox {
  return {
    minLat: Math.min(...polygon.map((p) => p[0])),
    maxLat: Math.max(...polygon.map((p) => p[0])),
    minLon: Math.min(...polygon.map((p) => p[1])),
    maxLon: Math.max(...polygon.map((p) => p[1])),
  }
}

/** Point-in-polygon (ray casting, longitude as x); points exactly on an edge may go either way. */
export function insidePolygon(polygon: readonly LatLon[], lat: number, lon: number): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [yi, xi] = polygon[i] as LatLon
    const [yj, xj] = polygon[j] as LatLon
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/**
 * A point-in-polygon test for one polygon, made fast for millions of points: the bounding box
 * rejects most outside points at once, and the vertices sit in flat arrays.
 */
export function polygonTest(polygon: readonly LatLon[]): (lat: number, lon: number) => boolean {
  const n = polygon.length
  const ys = new Float64Array(n)
  const xs = new Float64Array(n)
  polygon.forEach((p, i) => {
    ys[i] = p[0]
    xs[i] = p[1]
  })
  const box = boundingBox(polygon)
  return (lat, lon) => {
    if (!(lat >= box.minLat && lat <= box.maxLat && lon >= box.minLon && lon <= box.maxLon)) return false
    let inside = false
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = ys[i] as number
      const yj = ys[j] as number
      if (yi > lat !== yj > lat) {
        const xi = xs[i] as number
        if (lon < (((xs[j] as number) - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
      }
    }
    return inside
  }
}
