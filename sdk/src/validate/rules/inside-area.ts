import type { RuleContext, RuleValue, TableRule } from './types.js'
import { THANE_BOUNDARY, polygonTest, type LatLon } from './area.js'

export interface InsideAreaOptions {
  /** Latitude and longitude fields (numbers), or one geopoint field. */
  fields: string[]
  /** How a geopoint field is written (Table Schema format: default "lon, lat", array, object). */
  geopointFormat?: string
  /** The area's name, for messages. */
  areaName: string
  polygon: readonly LatLon[]
}

/** Reads "lon, lat", "[lon, lat]" or {"lon": …, "lat": …} into [lat, lon], or undefined. */
function geopoint(text: string, format: string): [number, number] | undefined {
  try {
    if (format === 'default') {
      const comma = text.indexOf(',')
      if (comma < 0) return undefined
      return [Number(text.slice(comma + 1)), Number(text.slice(0, comma))]
    }
    const v: unknown = JSON.parse(text)
    if (format === 'array' && Array.isArray(v)) return [Number(v[1]), Number(v[0])]
    if (v && typeof v === 'object') {
      const o = v as { lat?: unknown; lon?: unknown }
      return [Number(o.lat), Number(o.lon)]
    }
  } catch {
    // not JSON: its own type check already reported it
  }
  return undefined
}

/**
 * The `inside-area` table rule: a point outside the area's polygon is `outside-area`. Rows whose
 * coordinates are missing or failed their own checks are skipped (reported already).
 */
export function insideAreaRule(o: InsideAreaOptions, ctx: RuleContext): TableRule {
  const inside = polygonTest(o.polygon)
  const report = (line: number, lat: number, lon: number, field: string): void =>
    ctx.report({
      code: 'outside-area',
      severity: 'warning',
      row: line,
      field,
      value: `${lat}, ${lon}`,
      message: `the point (lat ${lat}, lon ${lon}) lies outside ${o.areaName}`,
      hint: 'check the coordinates: latitude and longitude swapped, a sign or a digit lost, or a default position such as 0, 0',
    })
  if (o.fields.length === 1) {
    const field = o.fields[0] as string
    const format = o.geopointFormat ?? 'default'
    return {
      fields: o.fields,
      row(line, values) {
        const v = values[0]
        if (typeof v !== 'string') return
        const p = geopoint(v, format)
        if (p && Number.isFinite(p[0]) && Number.isFinite(p[1]) && !inside(p[0], p[1])) report(line, p[0], p[1], field)
      },
      end() {},
    }
  }
  const field = o.fields.join(', ')
  return {
    fields: o.fields,
    row(line, values: RuleValue[]) {
      const lat = values[0]
      const lon = values[1]
      if (typeof lat === 'number' && typeof lon === 'number' && !inside(lat, lon)) report(line, lat, lon, field)
    },
    end() {},
  }
}

/** The areas `inside-area` knows by name. */
export const AREAS: Record<string, { name: string; polygon: readonly LatLon[] }> = {
  thane: { name: 'the Thane Municipal Corporation boundary', polygon: THANE_BOUNDARY },
}
