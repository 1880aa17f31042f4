// WKT (well-known text) for `geography'…'` literals: POINT, LINESTRING and POLYGON in 2D, lon lat
// order, turned into GeoJSON. Errors point into the option text (`base` is where the WKT starts).
import { type Geometry, QuerySyntaxError } from './ast.js'

type Position = [number, number]

const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y
const WORD = /[A-Za-z]+/y
const SRID = /SRID\s*=\s*(\d+)\s*;/iy

/**
 * Parses the WKT inside a `geography'…'` literal. An optional `SRID=4326;` prefix (the OData
 * form) is accepted; any other SRID is refused, since coordinates are WGS 84 lon lat.
 */
export function parseWkt(src: string, base: number, option: string): Geometry {
  let pos = 0
  const fail = (at: number, message: string): never => {
    throw new QuerySyntaxError(option, base + at, message)
  }
  const found = (): string => {
    if (pos >= src.length) return 'the end of the geography literal'
    return `'${src.slice(pos).match(/^[+\-.\w]+|^./su)?.[0] ?? src[pos]}'`
  }
  const skipWs = (): void => {
    while (pos < src.length && /\s/.test(src[pos] as string)) pos++
  }
  const expect = (char: string, what: string): void => {
    skipWs()
    if (src[pos] !== char) fail(pos, `expected '${char}' ${what} in the geography literal, found ${found()}`)
    pos++
  }
  const number = (name: string): number => {
    skipWs()
    NUMBER.lastIndex = pos
    const m = NUMBER.exec(src)
    if (!m) return fail(pos, `expected a number (${name}) in the geography literal, found ${found()}`)
    pos += m[0].length
    return Number(m[0])
  }
  const coordinate = (): Position => {
    const start = (skipWs(), pos)
    const lon = number('longitude')
    const lat = number('latitude')
    skipWs()
    NUMBER.lastIndex = pos
    if (NUMBER.test(src)) fail(pos, 'only 2D coordinates (lon lat) are supported; found a third number')
    if (lon < -180 || lon > 180) fail(start, `longitude ${lon} is out of range -180..180 (WKT order is lon lat)`)
    if (lat < -90 || lat > 90) fail(start, `latitude ${lat} is out of range -90..90 (WKT order is lon lat)`)
    return [lon, lat]
  }
  /** `( x y, x y, … )` */
  const coordinateList = (what: string): { start: number; coordinates: Position[] } => {
    skipWs()
    const start = pos
    expect('(', `to open the ${what}`)
    const coordinates = [coordinate()]
    skipWs()
    while (src[pos] === ',') {
      pos++
      coordinates.push(coordinate())
      skipWs()
    }
    expect(')', `or ',' in the ${what}`)
    return { start, coordinates }
  }

  skipWs()
  SRID.lastIndex = pos
  const srid = SRID.exec(src)
  if (srid) {
    if (srid[1] !== '4326') fail(pos, `only SRID=4326 (WGS 84) is supported, found SRID=${srid[1]}`)
    pos += srid[0].length
    skipWs()
  }
  const typeStart = pos
  WORD.lastIndex = pos
  const word = WORD.exec(src)?.[0]
  if (!word) return fail(pos, `expected a WKT geometry such as POINT(72.97 19.19), found ${found()}`)
  pos += word.length
  const type = word.toUpperCase()
  if (type !== 'POINT' && type !== 'LINESTRING' && type !== 'POLYGON') {
    return fail(typeStart, `unsupported geometry type '${word}'; supported: POINT, LINESTRING, POLYGON`)
  }
  skipWs()
  WORD.lastIndex = pos
  const modifier = WORD.exec(src)?.[0]
  if (modifier) {
    const upper = modifier.toUpperCase()
    if (upper === 'EMPTY') fail(pos, `empty geometries (${type} EMPTY) are not supported`)
    if (upper === 'Z' || upper === 'M' || upper === 'ZM') fail(pos, `only 2D coordinates (lon lat) are supported, found ${type} ${modifier}`)
    fail(pos, `expected '(' after ${type}, found '${modifier}'`)
  }

  let geometry: Geometry
  if (type === 'POINT') {
    expect('(', 'after POINT')
    const coordinates = coordinate()
    expect(')', 'to close the POINT (a point has exactly one lon lat pair)')
    geometry = { type: 'Point', coordinates }
  } else if (type === 'LINESTRING') {
    const { start, coordinates } = coordinateList('LINESTRING')
    if (coordinates.length < 2) fail(start, `a LINESTRING needs at least 2 points, got ${coordinates.length}`)
    geometry = { type: 'LineString', coordinates }
  } else {
    expect('(', 'after POLYGON')
    const rings: Position[][] = []
    do {
      const { start, coordinates } = coordinateList('polygon ring')
      if (coordinates.length < 4) {
        fail(start, `a polygon ring needs at least 4 points (the first repeated at the end), got ${coordinates.length}`)
      }
      const first = coordinates[0] as Position
      const last = coordinates[coordinates.length - 1] as Position
      if (first[0] !== last[0] || first[1] !== last[1]) {
        fail(start, `polygon ring is not closed: it starts at (${first.join(' ')}) but ends at (${last.join(' ')})`)
      }
      rings.push(coordinates)
      skipWs()
    } while (src[pos] === ',' && ++pos)
    expect(')', "or ',' to close the POLYGON")
    geometry = { type: 'Polygon', coordinates: rings }
  }
  skipWs()
  if (pos < src.length) fail(pos, `unexpected ${found()} after the end of the ${type}`)
  return geometry
}
