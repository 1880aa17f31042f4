// The row check a user would write with ajv for the air-quality export: a JSON Schema 2020-12 of
// one row (the CSV's strings coerced to numbers), ajv-formats' full date-time check, and the
// primary key in a Set. Shared by the csv-parse and udsv runners so both do the same work.
import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

const pollutant = { type: 'number', minimum: 0 }
export const rowSchema = {
  type: 'object',
  required: ['station_id', 'timestamp'],
  properties: {
    station_id: { type: 'string', pattern: '^TMC-AQ-\\d{2}$' },
    timestamp: { type: 'string', format: 'date-time' },
    pm25: pollutant,
    pm10: pollutant,
    no2: pollutant,
    so2: pollutant,
    co: pollutant,
    o3: pollutant,
    nh3: pollutant,
    aqi: { type: 'integer', minimum: 0, maximum: 500 },
  },
}

/** Returns check(row) -> the number of problems in the row (every failed keyword, and a repeated key). */
export function rowChecker() {
  // allErrors so that a row with two bad cells counts two, as the table validators count them.
  const ajv = new Ajv2020({ coerceTypes: true, allErrors: true })
  addFormats(ajv)
  const validate = ajv.compile(rowSchema)
  const keys = new Set()
  return (row) => {
    let problems = validate(row) ? 0 : validate.errors.length
    const key = `${row.station_id}\u001f${row.timestamp}`
    if (keys.has(key)) problems++
    else keys.add(key)
    return problems
  }
}
