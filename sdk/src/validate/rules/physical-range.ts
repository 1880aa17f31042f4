import type { CellRule, RuleContext, RuleFinding, RuleValue, TableRule } from './types.js'

/** A quantity's physical range: readings outside it are impossible, not just unusual. */
export interface Quantity {
  label: string
  unit: string
  minimum?: number
  maximum?: number
}

/**
 * Built-in quantities, by the names a rule declaration uses. Pollutant upper bounds are the full
 * scales of CPCB continuous analysers (about 1 ppm for the gases; 0–1000 µg/m³ PM2.5 and 0–2000
 * µg/m³ PM10 beta-attenuation monitors): a reading beyond them cannot come from the instrument.
 */
export const QUANTITIES: Record<string, Quantity> = {
  pm25: { label: 'PM2.5', unit: 'µg/m³', minimum: 0, maximum: 1000 },
  pm10: { label: 'PM10', unit: 'µg/m³', minimum: 0, maximum: 2000 },
  no2: { label: 'NO2', unit: 'µg/m³', minimum: 0, maximum: 2000 },
  so2: { label: 'SO2', unit: 'µg/m³', minimum: 0, maximum: 2600 },
  o3: { label: 'O3', unit: 'µg/m³', minimum: 0, maximum: 2000 },
  co: { label: 'CO', unit: 'mg/m³', minimum: 0, maximum: 60 },
  nh3: { label: 'NH3', unit: 'µg/m³', minimum: 0, maximum: 2000 },
  aqi: { label: 'AQI', unit: '', minimum: 0, maximum: 500 },
  ph: { label: 'pH', unit: '', minimum: 0, maximum: 14 },
  dissolved_oxygen: { label: 'dissolved oxygen', unit: 'mg/L', minimum: 0, maximum: 25 },
  turbidity: { label: 'turbidity', unit: 'NTU', minimum: 0, maximum: 4000 },
  water_temperature: { label: 'water temperature', unit: '°C', minimum: 0, maximum: 50 },
  conductivity: { label: 'conductivity', unit: 'µS/cm', minimum: 0, maximum: 100000 },
  water_level: { label: 'water level', unit: 'm', minimum: 0 },
  air_temperature: { label: 'air temperature', unit: '°C', minimum: -10, maximum: 55 },
  relative_humidity: { label: 'relative humidity', unit: '%', minimum: 0, maximum: 100 },
  rainfall: { label: 'rainfall', unit: 'mm', minimum: 0 },
  noise: { label: 'noise level', unit: 'dB(A)', minimum: 0, maximum: 140 },
  vehicle_count: { label: 'vehicle count', unit: '', minimum: 0 },
  power: { label: 'power', unit: 'kW', minimum: 0 },
  energy: { label: 'energy', unit: 'kWh', minimum: 0 },
}

const withUnit = (n: number, unit: string): string => (unit ? `${n} ${unit}` : String(n))

function rangeText(q: Quantity): string {
  if (q.minimum !== undefined && q.maximum !== undefined) return `${q.minimum}–${withUnit(q.maximum, q.unit)}`
  if (q.minimum !== undefined) return `at least ${withUnit(q.minimum, q.unit)}`
  return `at most ${withUnit(q.maximum as number, q.unit)}`
}

function outside(q: Quantity, v: number): boolean {
  return (q.minimum !== undefined && v < q.minimum) || (q.maximum !== undefined && v > q.maximum) || Number.isNaN(v)
}

function finding(q: Quantity, v: number, field: string, what?: string): RuleFinding {
  return {
    code: 'out-of-range',
    severity: 'warning',
    field,
    value: String(v),
    message: `${q.label}${what ? ` (${what})` : ''} reads ${withUnit(v, q.unit)}, outside its physical range ${rangeText(q)}`,
    hint: 'no instrument gives this reading: check the unit (mg/m³ or µg/m³), the decimal point and the sensor, then correct or remove the reading',
  }
}

/** Wide form: one quantity a column, checked cell by cell in the row pass. */
export function rangeCellRule(byField: Map<string, { quantity: Quantity; decimalChar: string; groupChar?: string }>): CellRule {
  return {
    fields: [...byField.keys()],
    check(value, field) {
      const spec = byField.get(field)
      if (!spec) return undefined
      let text = value
      if (spec.groupChar && text.includes(spec.groupChar)) text = text.split(spec.groupChar).join('')
      if (spec.decimalChar !== '.') text = text.replace(spec.decimalChar, '.')
      const v = Number(text)
      // A cell that is not a number failed its own type check already.
      if (text.trim() === '' || Number.isNaN(v)) return undefined
      return outside(spec.quantity, v) ? finding(spec.quantity, v, field) : undefined
    },
  }
}

/** Long form: a series field says what the value field measures (a datastream, a station's pollutant). */
export function rangeTableRule(o: { series: string; value: string; bySeries: Map<string, Quantity> }, ctx: RuleContext): TableRule {
  return {
    fields: [o.series, o.value],
    row(line, values: RuleValue[]) {
      const series = values[0]
      const v = values[1]
      if (series === undefined || typeof v !== 'number') return
      const q = o.bySeries.get(String(series))
      if (q && outside(q, v)) ctx.report({ ...finding(q, v, o.value, `${o.series} ${String(series)}`), row: line })
    },
    end() {},
  }
}
