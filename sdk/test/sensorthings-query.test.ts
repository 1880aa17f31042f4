import { describe, expect, it } from 'vitest'
import { type Expr, QuerySyntaxError, UnsupportedOptionError } from '../src/sandbox/apis/sensorthings/query/ast.js'
import {
  parseExpand,
  parseFilter,
  parseOrderBy,
  parseQueryOptions,
  parseSelect,
} from '../src/sandbox/apis/sensorthings/query/parse.js'

/** An expression as a compact S-expression, so precedence is easy to read in assertions. */
function show(expr: Expr): string {
  switch (expr.kind) {
    case 'path':
      return expr.segments.join('/')
    case 'literal':
      if (expr.type === 'string') return `'${expr.value}'`
      if (expr.type === 'geography') return `geo:${JSON.stringify(expr.value)}`
      if (expr.type === 'datetime' || expr.type === 'duration') return `${expr.type}:${expr.value}`
      return String(expr.value)
    case 'binary':
      return `(${expr.op} ${show(expr.left)} ${show(expr.right)})`
    case 'unary':
      return `(${expr.op} ${show(expr.operand)})`
    case 'call':
      return `${expr.name}(${expr.args.map(show).join(', ')})`
  }
}

const filter = (text: string): string => show(parseFilter(text))

/** The error a call throws, as what the server would send back. */
function syntaxError(run: () => unknown): { option: string; position: number; message: string } {
  try {
    run()
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { option: error.option, position: error.position, message: error.message }
    throw error
  }
  throw new Error('expected a QuerySyntaxError, but nothing was thrown')
}

describe('$filter precedence', () => {
  it('binds mul tighter than add', () => {
    expect(filter('a add b mul c')).toBe('(add a (mul b c))')
    expect(filter('a mul b add c')).toBe('(add (mul a b) c)')
  })

  it('binds not tighter than eq, and eq tighter than and', () => {
    expect(filter('not a eq b and c')).toBe('(and (eq (not a) b) c)')
  })

  it('binds and tighter than or', () => {
    expect(filter('a or b and c')).toBe('(or a (and b c))')
    expect(filter('a and b or c')).toBe('(or (and a b) c)')
  })

  it('binds relational operators tighter than equality ones, and arithmetic tighter still', () => {
    expect(filter('a eq b gt c')).toBe('(eq a (gt b c))')
    expect(filter('result sub 1 gt 5 mod 2')).toBe('(gt (sub result 1) (mod 5 2))')
  })

  it('associates operators of one level to the left', () => {
    expect(filter('a sub b sub c')).toBe('(sub (sub a b) c)')
    expect(filter('a div b mul c')).toBe('(mul (div a b) c)')
    expect(filter('a or b or c')).toBe('(or (or a b) c)')
  })

  it('lets parentheses override precedence and widens the span to them', () => {
    const expr = parseFilter('(a or b) and c')
    expect(show(expr)).toBe('(and (or a b) c)')
    expect(expr.kind === 'binary' && expr.left.span).toEqual({ start: 0, end: 8 })
    expect(expr.span).toEqual({ start: 0, end: 14 })
  })

  it('accepts not before a parenthesised condition and stacks unary operators', () => {
    expect(filter("not (name eq 'x' or result lt 2)")).toBe("(not (or (eq name 'x') (lt result 2)))")
    expect(filter('not not a')).toBe('(not (not a))')
  })

  it('records the span of every node', () => {
    const expr = parseFilter('result gt 5')
    expect(expr).toEqual({
      kind: 'binary',
      op: 'gt',
      left: { kind: 'path', segments: ['result'], span: { start: 0, end: 6 } },
      right: { kind: 'literal', type: 'number', value: 5, span: { start: 10, end: 11 } },
      span: { start: 0, end: 11 },
    })
  })
})

describe('$filter literals', () => {
  it('reads strings, with two quotes as an escaped quote', () => {
    expect(parseFilter("name eq 'Naupada'")).toMatchObject({ right: { type: 'string', value: 'Naupada' } })
    expect(parseFilter("name eq 'Majiwada''s junction'")).toMatchObject({
      right: { type: 'string', value: "Majiwada's junction", span: { start: 8, end: 30 } },
    })
    expect(parseFilter("name eq ''")).toMatchObject({ right: { type: 'string', value: '' } })
    expect(parseFilter("name eq 'a ( b ) , c'")).toMatchObject({ right: { value: 'a ( b ) , c' } })
  })

  it('reads integers, decimals and exponents', () => {
    expect(parseFilter('result eq 42')).toMatchObject({ right: { type: 'number', value: 42 } })
    expect(parseFilter('result eq 19.19')).toMatchObject({ right: { type: 'number', value: 19.19 } })
    expect(parseFilter('result eq 1.5e3')).toMatchObject({ right: { type: 'number', value: 1500 } })
    expect(parseFilter('result eq 2E-2')).toMatchObject({ right: { type: 'number', value: 0.02 } })
  })

  it('folds a minus before a number into a negative number literal, and negates anything else', () => {
    expect(parseFilter('result gt -5')).toMatchObject({ right: { type: 'number', value: -5, span: { start: 10, end: 12 } } })
    expect(parseFilter('result gt - 2.5')).toMatchObject({ right: { type: 'number', value: -2.5 } })
    expect(filter('-result lt 3')).toBe('(lt (negate result) 3)')
    expect(filter('a sub -1')).toBe('(sub a -1)')
  })

  it('reads true, false and null', () => {
    expect(filter('a eq true or b eq false or c eq null')).toBe('(or (or (eq a true) (eq b false)) (eq c null))')
    expect(parseFilter('c eq null')).toMatchObject({ right: { type: 'null', value: null } })
  })

  it('reads date-times with an offset, with Z and fractional seconds, and without seconds', () => {
    const expected = Date.parse('2026-07-14T03:30:00Z')
    expect(parseFilter('phenomenonTime gt 2026-07-14T09:00:00+05:30')).toMatchObject({
      right: { type: 'datetime', value: expected, text: '2026-07-14T09:00:00+05:30', span: { start: 18, end: 43 } },
    })
    expect(parseFilter('phenomenonTime gt 2026-07-14T03:30:00.000Z')).toMatchObject({ right: { value: expected } })
    expect(parseFilter('phenomenonTime gt 2026-07-14T09:00+05:30')).toMatchObject({ right: { value: expected } })
    expect(parseFilter('phenomenonTime gt 2026-07-14T03:30:00.1234Z')).toMatchObject({ right: { value: expected + 123 } })
    expect(parseFilter('phenomenonTime gt 2026-07-13T22:00:00-05:30')).toMatchObject({ right: { value: expected } })
  })

  it('reads a + that arrived decoded as a space before the offset as a +', () => {
    const params = new URLSearchParams('$filter=phenomenonTime+gt+2026-07-14T09:00:00+05:30')
    expect(params.get('$filter')).toBe('phenomenonTime gt 2026-07-14T09:00:00 05:30')
    const { filter: expr } = parseQueryOptions(params)
    expect(expr).toMatchObject({
      right: { type: 'datetime', value: Date.parse('2026-07-14T03:30:00Z'), text: '2026-07-14T09:00:00+05:30' },
    })
    expect(parseFilter('phenomenonTime lt 2026-07-14T09:00 05:30 and result gt 1')).toMatchObject({
      left: { right: { value: Date.parse('2026-07-14T03:30:00Z') } },
    })
  })

  it('reads a date-only literal as midnight UTC of that day', () => {
    expect(parseFilter('resultTime ge 2026-07-14')).toMatchObject({
      right: { type: 'datetime', value: Date.parse('2026-07-14T00:00:00Z'), text: '2026-07-14' },
    })
  })

  it('reads durations in weeks, days, hours, minutes and seconds as milliseconds', () => {
    expect(parseFilter("d eq duration'P1DT2H30M'")).toMatchObject({
      right: { type: 'duration', value: (24 * 60 + 150) * 60_000, text: "duration'P1DT2H30M'" },
    })
    expect(parseFilter("d eq duration'P2W'")).toMatchObject({ right: { value: 14 * 86_400_000 } })
    expect(parseFilter("d eq duration'PT0.5S'")).toMatchObject({ right: { value: 500 } })
    expect(parseFilter("d eq duration'-PT1M'")).toMatchObject({ right: { value: -60_000 } })
  })

  it('refuses durations in years or months, and malformed ones', () => {
    expect(syntaxError(() => parseFilter("d eq duration'P1M'"))).toEqual({
      option: '$filter',
      position: 5,
      message:
        "$filter at position 5: duration 'P1M' uses years or months, which have no fixed length; use weeks or days instead (e.g. P30D)",
    })
    expect(syntaxError(() => parseFilter("d eq duration'P1Y2D'")).message).toContain('uses years or months')
    for (const bad of ['P', 'PT', 'P1H', '1D', 'P1DT']) {
      expect(syntaxError(() => parseFilter(`d eq duration'${bad}'`)).message).toContain(`invalid duration '${bad}'`)
    }
  })

  it('refuses malformed date-times, out-of-range fields and a missing zone', () => {
    expect(syntaxError(() => parseFilter('t gt 2026-07-14T09:00:00'))).toMatchObject({
      position: 5,
      message: "$filter at position 5: date-time '2026-07-14T09:00:00' needs a time zone: add Z (UTC) or an offset like +05:30",
    })
    expect(syntaxError(() => parseFilter('t gt 2026-02-30')).message).toBe(
      "$filter at position 5: invalid date-time '2026-02-30': day 30 is out of range 1..28",
    )
    expect(syntaxError(() => parseFilter('t gt 2026-13-01')).message).toContain('month 13 is out of range 1..12')
    expect(syntaxError(() => parseFilter('t gt 2026-07-14T25:00Z')).message).toContain('hour 25 is out of range 0..23')
    expect(syntaxError(() => parseFilter('t gt 2026-7-14')).message).toBe(
      "$filter at position 5: invalid date-time '2026-7-14'; expected YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss[.fff]] followed by Z or an offset like +05:30",
    )
  })
})

describe('$filter geography literals', () => {
  it('reads a POINT in lon lat order as GeoJSON', () => {
    expect(parseFilter("st_within(location, geography'POINT(72.97 19.19)')")).toMatchObject({
      kind: 'call',
      name: 'st_within',
      args: [
        { kind: 'path', segments: ['location'] },
        { type: 'geography', value: { type: 'Point', coordinates: [72.97, 19.19] }, text: "geography'POINT(72.97 19.19)'" },
      ],
    })
  })

  it('reads a LINESTRING, and accepts an SRID=4326 prefix and lower-case keywords', () => {
    expect(parseFilter("geo.intersects(location, geography'SRID=4326;linestring(72.9 19.1, 73.0 19.2, 73.1 19.25)')")).toMatchObject({
      args: [{}, { value: { type: 'LineString', coordinates: [[72.9, 19.1], [73, 19.2], [73.1, 19.25]] } }],
    })
  })

  it('reads a POLYGON with a hole', () => {
    const wkt = 'POLYGON((72.9 19.1, 73.1 19.1, 73.1 19.3, 72.9 19.1), (72.95 19.15, 73.0 19.15, 73.0 19.2, 72.95 19.15))'
    expect(parseFilter(`st_contains(geography'${wkt}', location)`)).toMatchObject({
      args: [
        {
          value: {
            type: 'Polygon',
            coordinates: [
              [[72.9, 19.1], [73.1, 19.1], [73.1, 19.3], [72.9, 19.1]],
              [[72.95, 19.15], [73, 19.15], [73, 19.2], [72.95, 19.15]],
            ],
          },
        },
        {},
      ],
    })
  })

  it('refuses open rings, short rings, bad numbers, 3D, unknown types and swapped coordinates, pointing into the WKT', () => {
    const at = (wkt: string): { position: number; message: string } => {
      const { position, message } = syntaxError(() => parseFilter(`st_within(location, geography'${wkt}')`))
      return { position: position - 30, message: message.replace(/^\$filter at position \d+: /, '') }
    }
    expect(at('POLYGON((1 1, 2 1, 2 2, 1 2))')).toEqual({
      position: 8,
      message: 'polygon ring is not closed: it starts at (1 1) but ends at (1 2)',
    })
    expect(at('POLYGON((1 1, 2 1, 1 1))')).toEqual({
      position: 8,
      message: 'a polygon ring needs at least 4 points (the first repeated at the end), got 3',
    })
    expect(at('POINT(72.97 abc)')).toEqual({ position: 12, message: "expected a number (latitude) in the geography literal, found 'abc'" })
    expect(at('POINT(72.97 19.19 3)')).toEqual({ position: 18, message: 'only 2D coordinates (lon lat) are supported; found a third number' })
    expect(at('POINT Z(1 2 3)')).toEqual({ position: 6, message: 'only 2D coordinates (lon lat) are supported, found POINT Z' })
    expect(at('MULTIPOINT((1 2))')).toEqual({ position: 0, message: "unsupported geometry type 'MULTIPOINT'; supported: POINT, LINESTRING, POLYGON" })
    expect(at('POINT(19.19 95)')).toEqual({ position: 6, message: 'latitude 95 is out of range -90..90 (WKT order is lon lat)' })
    expect(at('LINESTRING(1 2)')).toEqual({ position: 10, message: 'a LINESTRING needs at least 2 points, got 1' })
    expect(at('POINT(1 2')).toEqual({ position: 9, message: "expected ')' to close the POINT (a point has exactly one lon lat pair) in the geography literal, found the end of the geography literal" })
    expect(at('POINT(1 2) x')).toEqual({ position: 11, message: "unexpected 'x' after the end of the POINT" })
    expect(at('SRID=3857;POINT(1 2)')).toEqual({ position: 0, message: 'only SRID=4326 (WGS 84) is supported, found SRID=3857' })
  })

  it('refuses an unterminated geography literal and unknown literal prefixes', () => {
    expect(syntaxError(() => parseFilter("st_within(location, geography'POINT(1 2))")).message).toBe(
      '$filter at position 20: unterminated geography literal: no closing quote',
    )
    expect(syntaxError(() => parseFilter("t eq datetime'2026-07-14'")).message).toBe(
      "$filter at position 5: unknown literal prefix 'datetime'; typed literals are duration'…' and geography'…' (strings need no prefix)",
    )
  })
})

describe('$filter paths', () => {
  it('splits a path on slashes, relations first', () => {
    expect(parseFilter("Datastream/Thing/properties/ward eq 'Naupada'")).toMatchObject({
      left: { kind: 'path', segments: ['Datastream', 'Thing', 'properties', 'ward'], span: { start: 0, end: 32 } },
    })
    expect(filter("properties/kind eq 'pm25'")).toBe("(eq properties/kind 'pm25')")
  })

  it('normalises @iot.id to id, alone and at the end of a path', () => {
    expect(filter('@iot.id eq 3')).toBe('(eq id 3)')
    expect(filter('Things/@iot.id eq 3 and Things/id eq 4')).toBe('(and (eq Things/id 3) (eq Things/id 4))')
  })

  it('accepts non-ASCII property names under properties', () => {
    expect(filter("properties/वार्ड eq 'नौपाडा'")).toBe("(eq properties/वार्ड 'नौपाडा')")
  })

  it('refuses dots outside function names, other annotations, lambdas and a dangling slash', () => {
    expect(syntaxError(() => parseFilter('properties.ward eq 1')).message).toBe(
      "$filter at position 0: unexpected 'properties.ward'; '.' is only allowed in function names such as geo.distance",
    )
    expect(syntaxError(() => parseFilter('@iot.selfLink eq 1')).message).toBe(
      "$filter at position 0: unexpected '@iot.selfLink'; the only annotation allowed here is @iot.id",
    )
    expect(syntaxError(() => parseFilter('Datastreams/any(d: d/name eq 1)')).message).toBe(
      '$filter at position 12: lambda operators (any) are not supported by this service',
    )
    expect(syntaxError(() => parseFilter('Datastream/ eq 1')).message).toBe(
      "$filter at position 12: expected a property name after '/', found 'eq'",
    )
  })
})

describe('$filter functions', () => {
  it('parses string functions and checks their arity', () => {
    expect(filter("substringof('PM', name)")).toBe("substringof('PM', name)")
    expect(filter("startswith(name, 'Air') and endswith(name, 'Naupada')")).toBe("(and startswith(name, 'Air') endswith(name, 'Naupada'))")
    expect(filter("length(name) gt 3 and indexof(name, 'x') eq 1")).toBe("(and (gt length(name) 3) (eq indexof(name, 'x') 1))")
    expect(filter("substring(name, 1) eq 'a'")).toBe("(eq substring(name, 1) 'a')")
    expect(filter("substring(name, 1, 2) eq 'a'")).toBe("(eq substring(name, 1, 2) 'a')")
    expect(filter("tolower(toupper(trim(name))) eq concat(name, 'x')")).toBe("(eq tolower(toupper(trim(name))) concat(name, 'x'))")
    expect(syntaxError(() => parseFilter('substring(name) eq 1')).message).toBe(
      '$filter at position 0: substring(text, start[, length]) takes 2 or 3 arguments, got 1',
    )
    expect(syntaxError(() => parseFilter("concat('a', 'b', 'c') eq 1")).message).toBe(
      '$filter at position 0: concat(text, text) takes 2 arguments, got 3',
    )
    expect(syntaxError(() => parseFilter('length() eq 1')).message).toBe('$filter at position 0: length(text) takes 1 argument, got 0')
  })

  it('parses date functions, including the ones without arguments', () => {
    expect(filter('year(phenomenonTime) eq 2026 and hour(resultTime) lt 6')).toBe(
      '(and (eq year(phenomenonTime) 2026) (lt hour(resultTime) 6))',
    )
    for (const name of ['month', 'day', 'minute', 'second', 'fractionalseconds', 'date', 'time', 'totaloffsetminutes']) {
      expect(filter(`${name}(phenomenonTime) eq 1`)).toBe(`(eq ${name}(phenomenonTime) 1)`)
    }
    expect(filter('phenomenonTime lt now() and resultTime gt mindatetime() and resultTime lt maxdatetime()')).toBe(
      '(and (and (lt phenomenonTime now()) (gt resultTime mindatetime())) (lt resultTime maxdatetime()))',
    )
    expect(filter('phenomenonTime gt now() sub duration\'PT1H\'')).toBe('(gt phenomenonTime (sub now() duration:3600000))')
    expect(syntaxError(() => parseFilter('now(1) gt 1')).message).toBe('$filter at position 0: now() takes no arguments, got 1')
  })

  it('parses math functions and lower-cases function names', () => {
    expect(filter('round(result) eq 3 or floor(result) eq 2 or CEILING(result) eq 4')).toBe(
      '(or (or (eq round(result) 3) (eq floor(result) 2)) (eq ceiling(result) 4))',
    )
    expect(syntaxError(() => parseFilter('round(result, 2) eq 1')).message).toBe('$filter at position 0: round(number) takes 1 argument, got 2')
  })

  it('parses geo and spatial functions', () => {
    expect(filter("geo.distance(location, geography'POINT(72.97 19.19)') lt 0.01")).toBe(
      '(lt geo.distance(location, geo:{"type":"Point","coordinates":[72.97,19.19]}) 0.01)',
    )
    expect(filter('geo.length(feature) gt 1 and geo.intersects(location, feature)')).toBe(
      '(and (gt geo.length(feature) 1) geo.intersects(location, feature))',
    )
    for (const name of ['st_equals', 'st_disjoint', 'st_touches', 'st_within', 'st_overlaps', 'st_crosses', 'st_intersects', 'st_contains']) {
      expect(filter(`${name}(location, feature)`)).toBe(`${name}(location, feature)`)
    }
    expect(filter("st_relate(location, feature, 'T********')")).toBe("st_relate(location, feature, 'T********')")
    expect(syntaxError(() => parseFilter('st_relate(location, feature)')).message).toBe(
      "$filter at position 0: st_relate(geography, geography, 'T********') takes 3 arguments, got 2",
    )
    expect(syntaxError(() => parseFilter('geo.distance eq 1')).message).toBe(
      "$filter at position 12: expected '(' after the function name 'geo.distance', found 'eq'",
    )
  })

  it('names an unknown function at its position with the nearest known ones', () => {
    expect(syntaxError(() => parseFilter('result gt foo(1)'))).toEqual({
      option: '$filter',
      position: 10,
      message: '$filter at position 10: unknown function "foo"; known: floor, now, day, hour, date, month, …',
    })
    expect(syntaxError(() => parseFilter("tolowr(name) eq 'a'")).message).toMatch(/unknown function "tolowr"; known: tolower, /)
  })

  it('treats names of Object.prototype members as ordinary names', () => {
    expect(syntaxError(() => parseFilter('constructor(a) eq 1')).message).toMatch(/^\$filter at position 0: unknown function "constructor"; known: /)
    expect(syntaxError(() => parseFilter('a toString b')).message).toBe(
      "$filter at position 2: unexpected 'toString'; expected an operator such as eq, gt, and",
    )
    expect(filter('properties/constructor eq 1')).toBe('(eq properties/constructor 1)')
  })
})

describe('$filter errors', () => {
  const cases: [string, string][] = [
    ['result gt', "$filter at position 9: expected a value after 'gt', found the end"],
    ['result gtt 5', "$filter at position 7: unexpected 'gtt'; expected an operator such as eq, gt, and"],
    ['result GT 5', "$filter at position 7: unexpected 'GT'; expected an operator such as eq, gt, and (keywords are lower-case: write 'gt')"],
    ["name eq 'Naupada", "$filter at position 8: unterminated string: no closing quote (a quote inside a string is written '')"],
    ['(result gt 5 and (a eq 1)', "$filter at position 0: '(' is never closed; expected ')', found the end"],
    ['result gt 5)', "$filter at position 11: unexpected ')' with no '(' to close; expected an operator such as eq, gt, and"],
    ['result gt 5 6', "$filter at position 12: unexpected '6'; expected an operator such as eq, gt, and"],
    ['result = 5', "$filter at position 7: unexpected '='; use 'eq' to compare"],
    ['result >= 5', "$filter at position 7: unexpected '>='; use 'ge'"],
    ['name eq "x"', "$filter at position 8: unexpected '\"'; strings use single quotes: 'text'"],
    ['result eq and b', "$filter at position 10: expected a value after 'eq', found 'and'"],
    ['and b', "$filter at position 0: expected a value, found 'and'"],
    ['result gt ()', "$filter at position 11: expected a value after '(', found ')'"],
    ['a sub - ', "$filter at position 8: expected a value after '-', found the end"],
    ['result gt 5-1', "$filter at position 11: unexpected '-'; expected an operator such as eq, gt, and (subtraction is written 'sub')"],
    ['result gt 5x', "$filter at position 10: invalid number '5x'"],
    ['result gt 5.', "$filter at position 10: invalid number '5.'"],
    ['length(name', "$filter at position 6: '(' of length() is never closed; expected ',' or ')', found the end"],
    ['concat(a b)', "$filter at position 9: unexpected 'b'; expected an operator such as eq, gt, and, ',' or ')'"],
    ['concat(a,)', "$filter at position 9: expected a value after ',', found ')'"],
    ['(a eq 1 b)', "$filter at position 8: unexpected 'b'; expected an operator such as eq, gt, and, or ')'"],
    ['a eq True', "$filter at position 5: unexpected 'True'; keywords are lower-case: write 'true'"],
    ['a eq 1 , b', "$filter at position 7: unexpected ','; expected an operator such as eq, gt, and"],
    ['   ', '$filter at position 0: the option is empty; expected an expression such as result gt 5'],
  ]
  it.each(cases)('reports %j precisely', (text, message) => {
    expect(syntaxError(() => parseFilter(text)).message).toBe(message)
  })

  it('names the option it was given', () => {
    expect(syntaxError(() => parseFilter('a eq', '$expand/Datastreams/$filter'))).toEqual({
      option: '$expand/Datastreams/$filter',
      position: 4,
      message: "$expand/Datastreams/$filter at position 4: expected a value after 'eq', found the end",
    })
  })
})

describe('$orderby', () => {
  it('reads comma-separated expressions with asc as the default direction', () => {
    const items = parseOrderBy('phenomenonTime desc, id,result asc')
    expect(items.map((i) => `${show(i.expr)} ${i.direction}`)).toEqual(['phenomenonTime desc', 'id asc', 'result asc'])
  })

  it('accepts functions and arithmetic', () => {
    const items = parseOrderBy('geo.distance(location, geography\'POINT(72.97 19.19)\') asc, result mul 2 desc')
    expect(items.map((i) => `${show(i.expr)} ${i.direction}`)).toEqual([
      'geo.distance(location, geo:{"type":"Point","coordinates":[72.97,19.19]}) asc',
      '(mul result 2) desc',
    ])
  })

  it('reports a bad direction, a dangling comma and an empty option', () => {
    expect(syntaxError(() => parseOrderBy('result down')).message).toBe(
      "$orderby at position 7: unexpected 'down'; expected 'asc', 'desc', ',' or an operator such as eq, gt, and",
    )
    expect(syntaxError(() => parseOrderBy('result DESC')).message).toBe(
      "$orderby at position 7: unexpected 'DESC'; expected 'asc', 'desc', ',' or an operator such as eq, gt, and (keywords are lower-case: write 'desc')",
    )
    expect(syntaxError(() => parseOrderBy('result desc,')).message).toBe("$orderby at position 12: expected a value after ',', found the end")
    expect(syntaxError(() => parseOrderBy('result desc id')).message).toBe("$orderby at position 12: unexpected 'id'; expected ',' or the end")
    expect(syntaxError(() => parseOrderBy('')).message).toBe(
      '$orderby at position 0: the option is empty; expected a property such as phenomenonTime desc',
    )
  })
})

describe('$select', () => {
  it('reads property and navigation-property names, with @iot.id as id, each once', () => {
    expect(parseSelect('@iot.id,name, description,Datastreams,id')).toEqual(['id', 'name', 'description', 'Datastreams'])
  })

  it('refuses paths, empty items and anything but names', () => {
    expect(syntaxError(() => parseSelect('properties/ward')).message).toBe(
      "$select at position 10: $select takes property names, not paths; found '/' after 'properties'",
    )
    expect(syntaxError(() => parseSelect('name,,id')).message).toBe("$select at position 5: expected a property name after ',', found ','")
    expect(syntaxError(() => parseSelect('name,')).message).toBe("$select at position 5: expected a property name after ',', found the end")
    expect(syntaxError(() => parseSelect("'name'")).message).toBe("$select at position 0: expected a property name, found ''name''")
    expect(syntaxError(() => parseSelect('name id')).message).toBe("$select at position 5: unexpected 'id'; expected ',' or the end")
    expect(syntaxError(() => parseSelect('*')).message).toBe("$select at position 0: unexpected '*'; use 'mul'")
  })
})

describe('$expand', () => {
  it('reads comma-separated items and slash paths', () => {
    expect(parseExpand('Datastreams/ObservedProperty,Locations')).toEqual([
      { path: ['Datastreams', 'ObservedProperty'], options: {} },
      { path: ['Locations'], options: {} },
    ])
  })

  it('reads nested options three levels deep', () => {
    const items = parseExpand(
      'Datastreams($select=name;$top=1;$expand=Observations($orderby=phenomenonTime desc;$top=1;$expand=FeatureOfInterest($select=name,feature)))',
    )
    expect(items).toHaveLength(1)
    const [datastreams] = items
    expect(datastreams?.path).toEqual(['Datastreams'])
    expect(datastreams?.options.select).toEqual(['name'])
    expect(datastreams?.options.top).toBe(1)
    const observations = datastreams?.options.expand?.[0]
    expect(observations?.path).toEqual(['Observations'])
    expect(observations?.options.top).toBe(1)
    expect(observations?.options.orderby?.map((i) => `${show(i.expr)} ${i.direction}`)).toEqual(['phenomenonTime desc'])
    expect(observations?.options.expand).toEqual([{ path: ['FeatureOfInterest'], options: { select: ['name', 'feature'] } }])
  })

  it('keeps commas, semicolons and parentheses inside parentheses and quotes with the nested options', () => {
    const items = parseExpand(
      "Datastreams($select=name,description;$filter=name eq 'a;b),c' and length(name) gt 1;$skip=2;$count=true),Thing($select=id)",
    )
    expect(items.map((i) => i.path.join('/'))).toEqual(['Datastreams', 'Thing'])
    expect(items[0]?.options).toMatchObject({ select: ['name', 'description'], skip: 2, count: true })
    expect(show(items[0]?.options.filter as Expr)).toBe("(and (eq name 'a;b),c') (gt length(name) 1))")
    expect(items[1]?.options).toEqual({ select: ['id'] })
  })

  it('names errors inside nested options by their path, positioned in the nested value', () => {
    expect(syntaxError(() => parseExpand('Datastreams($filter=result gt)'))).toEqual({
      option: '$expand/Datastreams/$filter',
      position: 9,
      message: "$expand/Datastreams/$filter at position 9: expected a value after 'gt', found the end",
    })
    expect(syntaxError(() => parseExpand('Datastreams($expand=Observations($top=-1))'))).toEqual({
      option: '$expand/Datastreams/$expand/Observations/$top',
      position: 0,
      message: '$expand/Datastreams/$expand/Observations/$top at position 0: $top must be a non-negative integer, got -1',
    })
    expect(syntaxError(() => parseExpand('Datastreams/Observations($orderby=result sideways)')).option).toBe(
      '$expand/Datastreams/Observations/$orderby',
    )
  })

  it('refuses options not allowed inside, repeated ones and malformed structure', () => {
    const cases: [string, string][] = [
      ['Datastreams($levels=2)', '$expand at position 12: $levels is not allowed inside $expand; allowed: $filter, $select, $orderby, $skip, $top, $count, $expand'],
      ['Datastreams($resultFormat=dataArray)', '$expand at position 12: $resultFormat is not allowed inside $expand; allowed: $filter, $select, $orderby, $skip, $top, $count, $expand'],
      ['Datastreams($top=1;$top=2)', '$expand at position 19: $top is given twice for the same expanded path'],
      ['Datastreams($top)', "$expand at position 16: expected '=' and a value after $top"],
      ['Datastreams($top=1;)', "$expand at position 19: expected a nested option such as $top=1 after ';', found nothing"],
      ['Datastreams()', '$expand at position 12: empty parentheses; expected nested options such as ($top=1) or nothing at all'],
      ['Datastreams($top=1', "$expand at position 11: '(' is never closed; expected ')', found the end"],
      ["Datastreams($filter=name eq 'x)", "$expand at position 28: unterminated string: no closing quote (a quote inside a string is written '')"],
      ['Datastreams,', "$expand at position 12: expected a navigation property such as Datastreams after ',', found the end"],
      ['Datastreams/', "$expand at position 12: expected a navigation property such as Datastreams after '/', found the end"],
      ['Datastreams)', "$expand at position 11: unexpected ')'; expected ',', '(' with nested options, or the end"],
      ['Datastreams($top=1)x', "$expand at position 19: unexpected 'x'; expected ',', '(' with nested options, or the end"],
    ]
    for (const [text, message] of cases) expect(syntaxError(() => parseExpand(text)).message, text).toBe(message)
  })

  it('positions errors of a nested $expand relative to that nested value', () => {
    expect(syntaxError(() => parseExpand('Datastreams($expand=Observations,)'))).toEqual({
      option: '$expand/Datastreams/$expand',
      position: 13,
      message: "$expand/Datastreams/$expand at position 13: expected a navigation property such as Datastreams after ',', found the end",
    })
  })
})

describe('parseQueryOptions', () => {
  it('leaves absent options undefined and ignores parameters without $', () => {
    expect(parseQueryOptions(new URLSearchParams('apiKey=x&page=2'))).toEqual({})
    expect(parseQueryOptions({ $top: undefined, other: 'y' })).toEqual({})
  })

  it('reads every supported option', () => {
    const options = parseQueryOptions(
      new URLSearchParams({
        $filter: 'result gt 5',
        $orderby: 'phenomenonTime desc',
        $top: '10',
        $skip: '0',
        $count: 'true',
        $select: 'id,result',
        $resultFormat: 'dataArray',
      }),
    )
    expect(options).toMatchObject({ top: 10, skip: 0, count: true, select: ['id', 'result'], resultFormat: 'dataArray' })
    expect(show(options.filter as Expr)).toBe('(gt result 5)')
    expect(options.orderby?.[0]?.direction).toBe('desc')
    expect(parseQueryOptions({ $count: 'false', $expand: 'Datastreams' })).toEqual({
      count: false,
      expand: [{ path: ['Datastreams'], options: {} }],
    })
  })

  it('refuses $top and $skip that are not non-negative integers', () => {
    expect(syntaxError(() => parseQueryOptions({ $top: '-1' }))).toEqual({
      option: '$top',
      position: 0,
      message: '$top at position 0: $top must be a non-negative integer, got -1',
    })
    expect(syntaxError(() => parseQueryOptions({ $top: '1.5' })).message).toBe('$top at position 0: $top must be a non-negative integer, got 1.5')
    expect(syntaxError(() => parseQueryOptions({ $skip: 'abc' })).message).toBe('$skip at position 0: $skip must be a non-negative integer, got abc')
    expect(syntaxError(() => parseQueryOptions({ $skip: '' })).message).toBe(
      '$skip at position 0: $skip must be a non-negative integer, got an empty value',
    )
    expect(syntaxError(() => parseQueryOptions({ $top: '99999999999999999999' })).message).toContain('must be a non-negative integer')
  })

  it('refuses $count other than true or false, and $resultFormat other than dataArray', () => {
    expect(syntaxError(() => parseQueryOptions({ $count: 'yes' })).message).toBe('$count at position 0: $count must be true or false, got yes')
    expect(syntaxError(() => parseQueryOptions({ $count: 'TRUE' })).message).toBe('$count at position 0: $count must be true or false, got TRUE')
    expect(syntaxError(() => parseQueryOptions({ $resultFormat: 'csv' })).message).toBe(
      '$resultFormat at position 0: $resultFormat must be dataArray, got csv',
    )
  })

  it('throws UnsupportedOptionError for $ options it does not implement', () => {
    for (const name of ['$search', '$apply', '$format', '$levels', '$compute']) {
      let thrown: unknown
      try {
        parseQueryOptions(new URLSearchParams({ [name]: 'x' }))
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(UnsupportedOptionError)
      expect(thrown).toMatchObject({ option: name, message: `${name} is not supported by this SensorThings service` })
    }
  })

  it('refuses a repeated option, a wrongly cased one, an empty one and $expand with dataArray', () => {
    expect(syntaxError(() => parseQueryOptions(new URLSearchParams('$top=1&$top=2')))).toEqual({
      option: '$top',
      position: 0,
      message: '$top at position 0: $top is given more than once',
    })
    expect(syntaxError(() => parseQueryOptions({ $Top: '1' })).message).toBe('$Top at position 0: query option names are case-sensitive; write $top')
    expect(syntaxError(() => parseQueryOptions(new URLSearchParams('$filter='))).message).toBe(
      '$filter at position 0: the option is empty; expected an expression such as result gt 5',
    )
    expect(syntaxError(() => parseQueryOptions({ $select: '' })).message).toBe(
      '$select at position 0: the option is empty; expected property names such as id,name',
    )
    expect(syntaxError(() => parseQueryOptions({ $expand: 'Datastreams', $resultFormat: 'dataArray' })).message).toBe(
      '$expand at position 0: $expand cannot be combined with $resultFormat=dataArray',
    )
  })

  it('reads an encoded query string the way a client sends it', () => {
    const query = new URLSearchParams()
    query.set('$filter', "Datastream/Thing/properties/ward eq 'Naupada' and phenomenonTime ge 2026-07-14T09:00:00+05:30")
    query.set('$expand', 'Datastream($select=name)')
    const options = parseQueryOptions(new URLSearchParams(query.toString()))
    expect(show(options.filter as Expr)).toBe(
      `(and (eq Datastream/Thing/properties/ward 'Naupada') (ge phenomenonTime datetime:${Date.parse('2026-07-14T03:30:00Z')}))`,
    )
    expect(options.expand).toEqual([{ path: ['Datastream'], options: { select: ['name'] } }])
  })
})

describe('error classes', () => {
  it('are real Error subclasses with names, for the server to map to 400 and 501', () => {
    const error = new QuerySyntaxError('$filter', 3, 'x')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('QuerySyntaxError')
    expect(new UnsupportedOptionError('$search').name).toBe('UnsupportedOptionError')
  })
})
