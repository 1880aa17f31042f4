import { describe, expect, it } from 'vitest'
import { InputError } from '../src/errors.js'
import { AQI_BREAKPOINTS, AQI_CATEGORIES, averagesFrom, computeAqi, POLLUTANTS, subIndex, type Pollutant, type TimedValue } from '../src/index.js'

const HOUR = 3_600_000
const AT = '2026-07-14T03:30:00.000Z' // 09:00 IST

/** Readings every `stepMinutes` over the `hours` hours before AT (the newest at AT itself). */
function series(value: number | ((i: number) => number), hours = 24, stepMinutes = 15): TimedValue[] {
  const end = Date.parse(AT)
  const n = (hours * 60) / stepMinutes
  return Array.from({ length: n }, (_, i) => ({
    phenomenonTime: new Date(end - i * stepMinutes * 60_000).toISOString(),
    result: typeof value === 'function' ? value(i) : value,
  }))
}

describe('subIndex: CPCB statements', () => {
  it('subIndex: PM2.5 24-hour averages of 31, 60 and 45 µg/m³ give 51, 100 and about 75', () => {
    expect(subIndex('pm25', 31)).toBe(51)
    expect(subIndex('pm25', 60)).toBe(100)
    expect(subIndex('pm25', 45)).toBe(75) // 49/29 × 14 + 51 = 74.66
  })

  it('subIndex: every breakpoint edge of every pollutant gives its category edge', () => {
    for (const pollutant of POLLUTANTS) {
      AQI_BREAKPOINTS[pollutant].forEach(([lo, hi], band) => {
        const [iLo, iHi] = AQI_CATEGORIES[band]!.range
        expect(subIndex(pollutant, lo), `${pollutant} ${lo}`).toBe(iLo)
        expect(subIndex(pollutant, hi), `${pollutant} ${hi}`).toBe(iHi)
      })
    }
  })

  it('subIndex: the printed edges of CPCB table give their category edges', () => {
    const edges: [Pollutant, number, number][] = [
      ['pm10', 50, 50], ['pm10', 51, 51], ['pm10', 100, 100], ['pm10', 101, 101], ['pm10', 250, 200], ['pm10', 251, 201], ['pm10', 350, 300], ['pm10', 351, 301], ['pm10', 430, 400], ['pm10', 431, 401],
      ['pm25', 30, 50], ['pm25', 90, 200], ['pm25', 91, 201], ['pm25', 120, 300], ['pm25', 121, 301], ['pm25', 250, 400], ['pm25', 251, 401],
      ['no2', 40, 50], ['no2', 41, 51], ['no2', 180, 200], ['no2', 400, 400], ['no2', 401, 401],
      ['so2', 380, 200], ['so2', 381, 201], ['so2', 1600, 400], ['so2', 1601, 401],
      ['co', 1.0, 50], ['co', 1.1, 51], ['co', 2.0, 100], ['co', 2.1, 101], ['co', 10, 200], ['co', 10.1, 201], ['co', 17, 300], ['co', 17.1, 301], ['co', 34, 400], ['co', 34.1, 401],
      ['o3', 168, 200], ['o3', 169, 201], ['o3', 208, 300], ['o3', 209, 301], ['o3', 748, 400], ['o3', 749, 401],
      ['nh3', 200, 50], ['nh3', 201, 51], ['nh3', 1200, 300], ['nh3', 1201, 301], ['nh3', 1800, 400], ['nh3', 1801, 401],
      ['pb', 0.5, 50], ['pb', 0.51, 51], ['pb', 3.5, 400], ['pb', 3.51, 401],
    ]
    for (const [pollutant, c, expected] of edges) expect(subIndex(pollutant, c), `${pollutant} ${c}`).toBe(expected)
  })

  it('subIndex: a concentration between printed bands is rounded first (PM2.5 30.4 is 30, 30.5 is 31; CO 1.05 is 1.1)', () => {
    expect(subIndex('pm25', 30.4)).toBe(50)
    expect(subIndex('pm25', 30.5)).toBe(51)
    expect(subIndex('co', 1.04)).toBe(50)
    expect(subIndex('co', 1.05)).toBe(51)
    expect(subIndex('pb', 0.505)).toBe(51)
  })

  it('subIndex: zero is 0 and values above the extended Severe band are capped at 500', () => {
    expect(subIndex('pm25', 0)).toBe(0)
    expect(subIndex('pm25', 380)).toBe(500)
    expect(subIndex('pm25', 381)).toBe(500)
    expect(subIndex('pm10', 9999)).toBe(500)
    expect(subIndex('pm25', 315)).toBe(450) // 401 + 99 × 64/129 = 450.1
  })

  it('subIndex: rejects negative, non-finite values and unknown pollutants with an InputError', () => {
    expect(() => subIndex('pm25', -1)).toThrow(InputError)
    expect(() => subIndex('pm25', -1)).toThrow('the pm25 concentration must be a finite number of 0 or more, not -1')
    expect(() => subIndex('pm25', Number.POSITIVE_INFINITY)).toThrow(InputError)
    expect(() => subIndex('pm1' as Pollutant, 3)).toThrow('unknown pollutant "pm1"; use one of pm25, pm10, no2, so2, co, o3, nh3, pb')
  })
})

describe('computeAqi', () => {
  it('computeAqi: the AQI is the largest sub-index, with its category and dominant pollutant', () => {
    const result = computeAqi({ pm25: 45, pm10: 80, no2: 30 })
    expect(result.aqi).toBe(80)
    expect(result.category).toEqual({ name: 'Satisfactory', range: [51, 100], color: '#92D050' })
    expect(result.dominant).toEqual(['pm10'])
    expect(result.subIndices.map((s) => [s.pollutant, s.index])).toEqual([['pm25', 75], ['pm10', 80], ['no2', 38]])
    expect(result.reason).toBeUndefined()
  })

  it('computeAqi: pollutants tied for the largest sub-index are all dominant, in the standard order', () => {
    const result = computeAqi({ no2: 80, pm10: 100, pm25: 60, so2: 10 })
    expect(result.aqi).toBe(100)
    expect(result.dominant).toEqual(['pm25', 'pm10', 'no2'])
  })

  it('computeAqi: the categories follow the AQI bands', () => {
    const name = (pm10: number) => computeAqi({ pm10, no2: 0, so2: 0 }).category?.name
    expect([name(50), name(51), name(250), name(251), name(350), name(351), name(430), name(431), name(2000)]).toEqual([
      'Good', 'Satisfactory', 'Moderately polluted', 'Poor', 'Poor', 'Very poor', 'Very poor', 'Severe', 'Severe',
    ])
  })

  it('computeAqi: fewer than three pollutants give no AQI, with a reason, and still the sub-indices', () => {
    const result = computeAqi({ pm25: 45, no2: 30, so2: null })
    expect(result).toMatchObject({ aqi: null, category: null, dominant: [] })
    expect(result.reason).toBe('insufficient data: an AQI needs at least 3 pollutants with valid data, one of them PM2.5 or PM10; there are 2 (pm25, no2)')
    expect(result.subIndices.map((s) => s.index)).toEqual([75, 38])
  })

  it('computeAqi: three pollutants without PM2.5 or PM10 give no AQI', () => {
    const result = computeAqi({ no2: 30, so2: 20, co: 1.2 })
    expect(result.aqi).toBeNull()
    expect(result.reason).toBe('insufficient data: an AQI needs PM2.5 or PM10 among its pollutants; there are 3 (no2, so2, co) without either')
  })

  it('computeAqi: O3 above 208 µg/m³ (8-hour) uses the 1-hour value for the upper bands', () => {
    expect(computeAqi({ pm25: 10, no2: 10, o3: 200, o3OneHour: 800 }).subIndices.find((s) => s.pollutant === 'o3')?.index).toBe(280) // 8-hour value: the 1-hour one is not used
    const high = computeAqi({ pm25: 10, no2: 10, o3: 210, o3OneHour: 748 })
    expect(high.subIndices.find((s) => s.pollutant === 'o3')).toMatchObject({ concentration: 210, used: 748, index: 400 })
    expect(high.dominant).toEqual(['o3'])
  })

  it('computeAqi: a value above the scale is capped at 500 and marked', () => {
    const result = computeAqi({ pm25: 600, pm10: 100, no2: 10 })
    expect(result.aqi).toBe(500)
    expect(result.subIndices[0]).toMatchObject({ pollutant: 'pm25', index: 500, capped: true })
    expect(result.subIndices[1]).toMatchObject({ capped: false })
  })

  it('computeAqi: a negative concentration is an InputError', () => {
    expect(() => computeAqi({ pm25: -3, pm10: 1, no2: 1 })).toThrow('the pm25 concentration must be a finite number of 0 or more, not -3')
  })
})

describe('averagesFrom', () => {
  it('averagesFrom: 24-hour averages are means of hourly means over (at − 24 h, at]', () => {
    // Hourly means alternate 20 and 40 → 30, however many readings each hour has.
    const pm25 = series((i) => (Math.floor(i / 4) % 2 === 0 ? 20 : 40))
    pm25.push({ phenomenonTime: new Date(Date.parse(AT) - 24 * HOUR).toISOString(), result: 1000 }) // at − 24 h: outside
    pm25.push({ phenomenonTime: new Date(Date.parse(AT) + 60_000).toISOString(), result: 1000 }) // after at: outside
    const { averages, validHours, insufficient, at } = averagesFrom({ pm25 }, '2026-07-14T09:00+05:30')
    expect(averages.pm25).toBeCloseTo(30, 10)
    expect(validHours.pm25).toBe(24)
    expect(insufficient).toEqual([])
    expect(at).toBe(AT)
  })

  it('averagesFrom: 16 hours of data are enough for a 24-hour average, 15 are not', () => {
    const sixteen = averagesFrom({ pm10: series(50, 16), no2: series(30, 15) }, AT)
    expect(sixteen.averages.pm10).toBe(50)
    expect(sixteen.averages.no2).toBeUndefined()
    expect(sixteen.validHours).toEqual({ pm10: 16, no2: 15 })
    expect(sixteen.insufficient).toEqual([{ pollutant: 'no2', reason: '15 of the 24 hours before 2026-07-14T03:30:00.000Z have data; a 24-hour average needs at least 16' }])
  })

  it('averagesFrom: hours with gaps count once; non-numbers and negatives are not data', () => {
    const readings = series(10, 24, 60).map((r, i) => (i >= 16 ? { ...r, result: i % 2 ? null : -5 } : r))
    const { validHours, averages } = averagesFrom({ so2: readings, nh3: series('12.5' as unknown as number) }, AT)
    expect(validHours.so2).toBe(16)
    expect(averages.so2).toBe(10)
    expect(averages.nh3).toBe(12.5)
  })

  it('averagesFrom: CO and O3 take the largest 8-hour running average of the 24 hours, O3 also its largest hour', () => {
    // CO: 1 mg/m³ all day except 2.0 in the 8 hours from 6 to 14 hours before `at`.
    const co = series((i) => (i >= 6 * 4 && i < 14 * 4 ? 2 : 1))
    const o3 = series((i) => (i < 4 ? 300 : 60))
    const { averages } = averagesFrom({ co, o3 }, AT)
    expect(averages.co).toBe(2)
    expect(averages.o3).toBe((300 + 7 * 60) / 8)
    expect(averages.o3OneHour).toBe(300)
  })

  it('averagesFrom: an 8-hour window needs 6 hours with data', () => {
    expect(averagesFrom({ co: series(1, 6) }, AT).averages.co).toBe(1)
    const five = averagesFrom({ co: series(1, 5) }, AT)
    expect(five.averages.co).toBeUndefined()
    expect(five.insufficient[0]?.reason).toBe('no 8-hour period in the 24 hours before 2026-07-14T03:30:00.000Z has data in at least 6 of its hours')
  })

  it('averagesFrom: interval phenomenon times count at their end', () => {
    const at = Date.parse(AT)
    const readings = Array.from({ length: 24 }, (_, h) => ({
      phenomenonTime: `${new Date(at - (h + 1) * HOUR).toISOString()}/${new Date(at - h * HOUR).toISOString()}`,
      result: 42,
    }))
    expect(averagesFrom({ pm25: readings }, AT)).toMatchObject({ averages: { pm25: 42 }, validHours: { pm25: 24 } })
  })

  it('averagesFrom + computeAqi: a full station day gives its AQI', () => {
    const day = averagesFrom({ pm25: series(45), pm10: series(80), no2: series(30), co: series(0.8), o3: series(40) }, AT)
    expect(computeAqi(day.averages)).toMatchObject({ aqi: 80, dominant: ['pm10'] })
  })

  it('averagesFrom: an invalid time is an InputError', () => {
    expect(() => averagesFrom({}, 'yesterday')).toThrow(InputError)
  })
})
