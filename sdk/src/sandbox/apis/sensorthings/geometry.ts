// Planar geometry in degrees, as FROST-Server computes geo.distance: enough for Points, LineStrings
// and Polygons (outer ring and holes). Other relations are decided on bounding boxes.
import type { GeoJson } from './values.js'

type Pt = [number, number]

function points(g: GeoJson): Pt[] {
  const out: Pt[] = []
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') out.push([c[0], c[1]])
    else if (Array.isArray(c)) for (const x of c) walk(x)
  }
  walk(g.coordinates)
  return out
}

function segments(g: GeoJson): [Pt, Pt][] {
  const lines: Pt[][] = g.type === 'LineString' ? [g.coordinates as Pt[]] : g.type === 'Polygon' ? (g.coordinates as Pt[][]) : g.type === 'MultiLineString' ? (g.coordinates as Pt[][]) : []
  const out: [Pt, Pt][] = []
  for (const line of lines) for (let i = 1; i < line.length; i++) out.push([line[i - 1] as Pt, line[i] as Pt])
  return out
}

function pointSegment(p: Pt, [a, b]: [Pt, Pt]): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const len = dx * dx + dy * dy
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len))
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))
}

function inRing(p: Pt, ring: Pt[]): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pt
    const [xj, yj] = ring[j] as Pt
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Whether a point lies in a polygon (inside the outer ring, outside every hole; the boundary counts as inside). */
function pointInPolygon(p: Pt, polygon: Pt[][]): boolean {
  const [outer, ...holes] = polygon
  if (!outer) return false
  const onEdge = segments({ type: 'Polygon', coordinates: polygon }).some((s) => pointSegment(p, s) < 1e-12)
  if (onEdge) return true
  return inRing(p, outer) && !holes.some((h) => inRing(p, h))
}

function bbox(g: GeoJson): [number, number, number, number] {
  const ps = points(g)
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [x, y] of ps) {
    x0 = Math.min(x0, x)
    y0 = Math.min(y0, y)
    x1 = Math.max(x1, x)
    y1 = Math.max(y1, y)
  }
  return [x0, y0, x1, y1]
}

function bboxIntersects(a: GeoJson, b: GeoJson): boolean {
  const [a0, a1, a2, a3] = bbox(a)
  const [b0, b1, b2, b3] = bbox(b)
  return a0 <= b2 && b0 <= a2 && a1 <= b3 && b1 <= a3
}

function bboxWithin(a: GeoJson, b: GeoJson): boolean {
  const [a0, a1, a2, a3] = bbox(a)
  const [b0, b1, b2, b3] = bbox(b)
  return a0 >= b0 && a1 >= b1 && a2 <= b2 && a3 <= b3
}

/** Planar distance in degrees: 0 when they touch or overlap. */
export function distance(a: GeoJson, b: GeoJson): number {
  if (intersects(a, b)) return 0
  let best = Infinity
  const pa = points(a)
  const pb = points(b)
  const sa = segments(a)
  const sb = segments(b)
  for (const p of pa) for (const q of pb) best = Math.min(best, Math.hypot(p[0] - q[0], p[1] - q[1]))
  for (const p of pa) for (const s of sb) best = Math.min(best, pointSegment(p, s))
  for (const p of pb) for (const s of sa) best = Math.min(best, pointSegment(p, s))
  return best
}

/** Length in degrees of a LineString (the perimeter of a Polygon; 0 for a Point). */
export function length(g: GeoJson): number {
  return segments(g).reduce((sum, [a, b]) => sum + Math.hypot(b[0] - a[0], b[1] - a[1]), 0)
}

export function within(a: GeoJson, b: GeoJson): boolean {
  if (b.type === 'Polygon') return points(a).every((p) => pointInPolygon(p, b.coordinates as Pt[][]))
  if (a.type === 'Point' && b.type === 'Point') return equals(a, b)
  if (a.type === 'Point') return segments(b).some((s) => pointSegment(points(a)[0] as Pt, s) < 1e-12)
  return bboxWithin(a, b)
}

export function intersects(a: GeoJson, b: GeoJson): boolean {
  if (a.type === 'Point' && b.type === 'Polygon') return within(a, b)
  if (b.type === 'Point' && a.type === 'Polygon') return within(b, a)
  if (a.type === 'Point' && b.type === 'Point') return equals(a, b)
  if (a.type === 'Point') return within(a, b)
  if (b.type === 'Point') return within(b, a)
  return bboxIntersects(a, b)
}

export function equals(a: GeoJson, b: GeoJson): boolean {
  return a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates)
}

export function touches(a: GeoJson, b: GeoJson): boolean {
  if (a.type === 'Point' && b.type === 'Polygon') return segments(b).some((s) => pointSegment(points(a)[0] as Pt, s) < 1e-12)
  if (b.type === 'Point' && a.type === 'Polygon') return touches(b, a)
  return false
}

export function overlaps(a: GeoJson, b: GeoJson): boolean {
  return a.type === b.type && a.type !== 'Point' && bboxIntersects(a, b) && !bboxWithin(a, b) && !bboxWithin(b, a)
}

export function crosses(a: GeoJson, b: GeoJson): boolean {
  return a.type === 'LineString' && b.type !== 'Point' && bboxIntersects(a, b) && !bboxWithin(a, b)
}
