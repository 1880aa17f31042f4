// The SensorThings query-option parser: `$filter` and `$orderby` by precedence climbing over the
// tokens of lexer.ts, `$select` over the same tokens, `$expand` by a small scanner of its own (its
// nested options are `;`-separated and hold arbitrary expressions), and parseQueryOptions on top.
//
// Decisions the server can rely on:
// - `-` is always the unary negate operator; negating a number literal is folded into the literal,
//   so `-5` and `- 5` are both { type: 'number', value: -5 } and `-result` is a 'negate' node.
// - A date-only literal `2026-07-14` is a 'datetime' at midnight UTC of that day.
// - A date-time must carry its zone (`Z` or `±hh:mm`); a `+` that arrived decoded as a space is
//   accepted only right after the time (`…T09:00:00 05:30`), and `text` then shows the `+`.
// - Errors are QuerySyntaxError(option, position, message) with the position 0-based in the text
//   of that option. Inside `$expand` the option is named by its path
//   (`$expand/Datastreams/$filter`) and the position is relative to that nested option's value.
import {
  type BinaryOp,
  type CallExpr,
  type ExpandItem,
  type Expr,
  type OrderByItem,
  type PathExpr,
  type QueryOptions,
  QuerySyntaxError,
  UnsupportedOptionError,
} from './ast.js'
import { type Token, tokenize } from './lexer.js'

/** Binary operators and their precedence; higher binds tighter. All are left-associative. */
const BINARY = new Map<string, number>([
  ['or', 1],
  ['and', 2],
  ['eq', 3],
  ['ne', 3],
  ['gt', 4],
  ['ge', 4],
  ['lt', 4],
  ['le', 4],
  ['add', 5],
  ['sub', 5],
  ['mul', 6],
  ['div', 6],
  ['mod', 6],
])

/**
 * Known functions: [min args, max args, signature for error messages]. These tables are Maps, not
 * object literals, so that a name such as `constructor` cannot find Object.prototype.
 */
const FUNCTIONS = new Map<string, [number, number, string]>([
  ['substringof', [2, 2, 'substringof(needle, haystack)']],
  ['endswith', [2, 2, 'endswith(text, suffix)']],
  ['startswith', [2, 2, 'startswith(text, prefix)']],
  ['length', [1, 1, 'length(text)']],
  ['indexof', [2, 2, 'indexof(text, needle)']],
  ['substring', [2, 3, 'substring(text, start[, length])']],
  ['tolower', [1, 1, 'tolower(text)']],
  ['toupper', [1, 1, 'toupper(text)']],
  ['trim', [1, 1, 'trim(text)']],
  ['concat', [2, 2, 'concat(text, text)']],
  ['year', [1, 1, 'year(datetime)']],
  ['month', [1, 1, 'month(datetime)']],
  ['day', [1, 1, 'day(datetime)']],
  ['hour', [1, 1, 'hour(datetime)']],
  ['minute', [1, 1, 'minute(datetime)']],
  ['second', [1, 1, 'second(datetime)']],
  ['fractionalseconds', [1, 1, 'fractionalseconds(datetime)']],
  ['date', [1, 1, 'date(datetime)']],
  ['time', [1, 1, 'time(datetime)']],
  ['totaloffsetminutes', [1, 1, 'totaloffsetminutes(datetime)']],
  ['now', [0, 0, 'now()']],
  ['mindatetime', [0, 0, 'mindatetime()']],
  ['maxdatetime', [0, 0, 'maxdatetime()']],
  ['round', [1, 1, 'round(number)']],
  ['floor', [1, 1, 'floor(number)']],
  ['ceiling', [1, 1, 'ceiling(number)']],
  ['geo.distance', [2, 2, 'geo.distance(geography, geography)']],
  ['geo.length', [1, 1, 'geo.length(geography)']],
  ['geo.intersects', [2, 2, 'geo.intersects(geography, geography)']],
  ['st_equals', [2, 2, 'st_equals(geography, geography)']],
  ['st_disjoint', [2, 2, 'st_disjoint(geography, geography)']],
  ['st_touches', [2, 2, 'st_touches(geography, geography)']],
  ['st_within', [2, 2, 'st_within(geography, geography)']],
  ['st_overlaps', [2, 2, 'st_overlaps(geography, geography)']],
  ['st_crosses', [2, 2, 'st_crosses(geography, geography)']],
  ['st_intersects', [2, 2, 'st_intersects(geography, geography)']],
  ['st_contains', [2, 2, 'st_contains(geography, geography)']],
  ['st_relate', [3, 3, "st_relate(geography, geography, 'T********')"]],
])

const OPERATOR_EXPECTED = 'an operator such as eq, gt, and'

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end' : `'${token.text}'`
}

/** Why a token is not what was expected, when there is a likely mistake behind it. */
function hint(token: Token): string {
  if (token.kind === 'ident') {
    const lower = token.text.toLowerCase()
    if (lower !== token.text && (BINARY.has(lower) || ['not', 'asc', 'desc', 'true', 'false', 'null'].includes(lower))) {
      return ` (keywords are lower-case: write '${lower}')`
    }
  }
  if (token.kind === 'punct' && token.text === '-') return " (subtraction is written 'sub')"
  return ''
}

/** The names closest to `name`, for "did you mean" lists. */
function nearest(name: string, names: string[], count: number): string[] {
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      const next = [i]
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        next.push(Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost))
      }
      row = next
    }
    return row[b.length] as number
  }
  return names
    .map((n) => ({ n, d: distance(name, n) - (n.startsWith(name) || name.startsWith(n) ? 2 : 0) }))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, count)
    .map(({ n }) => n)
}

class ExpressionParser {
  readonly #option: string
  readonly #source: Generator<Token, void, undefined>
  /** The tokens read so far; `#index` is the next one. */
  readonly #tokens: Token[] = []
  #index = 0

  constructor(text: string, option: string) {
    this.#option = option
    this.#source = tokenize(text, option)
  }

  fail(at: number, message: string): never {
    throw new QuerySyntaxError(this.#option, at, message)
  }

  /** The token `ahead` places after the next one; past the end, the end token again. */
  peek(ahead = 0): Token {
    while (this.#tokens.length <= this.#index + ahead) {
      const { done, value } = this.#source.next()
      if (done) return this.#tokens[this.#tokens.length - 1] as Token
      this.#tokens.push(value)
    }
    return this.#tokens[this.#index + ahead] as Token
  }

  /** The token before the next one. */
  previous(): Token {
    return this.#tokens[this.#index - 1] as Token
  }

  next(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.#index++
    return token
  }

  isPunct(text: string): boolean {
    const token = this.peek()
    return token.kind === 'punct' && token.text === text
  }

  /** An error for `token`, which is not what the grammar allows here. */
  unexpected(token: Token, expected: string): never {
    if (token.kind === 'end') this.fail(token.start, `expected ${expected}, found the end`)
    if (token.kind === 'punct' && token.text === ')') {
      this.fail(token.start, `unexpected ')' with no '(' to close; expected ${expected}`)
    }
    return this.fail(token.start, `unexpected ${describe(token)}; expected ${expected}${hint(token)}`)
  }

  expression(): Expr {
    return this.binary(1)
  }

  /** Precedence climbing: operands bind to the operators of at least `minPrecedence`. */
  binary(minPrecedence: number, after?: Token): Expr {
    let left = this.unary(after)
    for (;;) {
      const token = this.peek()
      const precedence = token.kind === 'ident' ? BINARY.get(token.text) : undefined
      if (precedence === undefined || precedence < minPrecedence) return left
      this.next()
      const right = this.binary(precedence + 1, token)
      left = { kind: 'binary', op: token.text as BinaryOp, left, right, span: { start: left.span.start, end: right.span.end } }
    }
  }

  unary(after: Token | undefined): Expr {
    const token = this.peek()
    if (token.kind === 'ident' && token.text === 'not') {
      this.next()
      const operand = this.unary(token)
      return { kind: 'unary', op: 'not', operand, span: { start: token.start, end: operand.span.end } }
    }
    if (token.kind === 'punct' && token.text === '-') {
      this.next()
      const operand = this.unary(token)
      const span = { start: token.start, end: operand.span.end }
      if (operand.kind === 'literal' && operand.type === 'number') return { ...operand, value: -operand.value, span }
      return { kind: 'unary', op: 'negate', operand, span }
    }
    return this.primary(after)
  }

  primary(after: Token | undefined): Expr {
    const token = this.peek()
    const span = { start: token.start, end: token.end }
    switch (token.kind) {
      case 'string':
        this.next()
        return { kind: 'literal', type: 'string', value: token.value, span }
      case 'number':
        this.next()
        return { kind: 'literal', type: 'number', value: token.value, span }
      case 'datetime':
      case 'duration':
        this.next()
        return { kind: 'literal', type: token.kind, value: token.value, text: token.text, span }
      case 'geography':
        this.next()
        return { kind: 'literal', type: 'geography', value: token.value, text: token.text, span }
      case 'ident':
        return this.name(token, after)
      case 'punct':
        if (token.text === '(') return this.group(token)
        break
      case 'end':
        break
    }
    return this.fail(token.start, `expected a value${after ? ` after '${after.text}'` : ''}, found ${describe(token)}`)
  }

  group(open: Token): Expr {
    this.next()
    const inner = this.binary(1, open)
    const close = this.peek()
    if (close.kind === 'end') this.fail(open.start, "'(' is never closed; expected ')', found the end")
    if (close.kind !== 'punct' || close.text !== ')') this.unexpected(close, `${OPERATOR_EXPECTED}, or ')'`)
    this.next()
    return { ...inner, span: { start: open.start, end: close.end } }
  }

  /** A keyword literal, a function call or a property path. */
  name(token: Token, after: Token | undefined): Expr {
    const span = { start: token.start, end: token.end }
    if (token.text === 'true' || token.text === 'false') {
      this.next()
      return { kind: 'literal', type: 'boolean', value: token.text === 'true', span }
    }
    if (token.text === 'null') {
      this.next()
      return { kind: 'literal', type: 'null', value: null, span }
    }
    if (BINARY.has(token.text)) {
      this.fail(token.start, `expected a value${after ? ` after '${after.text}'` : ''}, found '${token.text}'`)
    }
    const following = this.peek(1)
    if (following.kind === 'punct' && following.text === '(') return this.call(token)
    const lower = token.text.toLowerCase()
    if (lower !== token.text && ['true', 'false', 'null'].includes(lower)) {
      this.fail(token.start, `unexpected '${token.text}'; keywords are lower-case: write '${lower}'`)
    }
    if (FUNCTIONS.has(lower) && token.text.includes('.')) {
      this.fail(token.end, `expected '(' after the function name '${token.text}', found ${describe(following)}`)
    }
    return this.path()
  }

  call(nameToken: Token): CallExpr {
    const name = nameToken.text.toLowerCase()
    const known = FUNCTIONS.get(name)
    if (!known) {
      const options = nearest(name, [...FUNCTIONS.keys()], 6)
      this.fail(nameToken.start, `unknown function "${nameToken.text}"; known: ${options.join(', ')}, …`)
    }
    this.next()
    const open = this.next()
    const args: Expr[] = []
    if (this.isPunct(')')) {
      this.next()
    } else {
      let after = open
      for (;;) {
        args.push(this.binary(1, after))
        const token = this.peek()
        if (token.kind === 'end') this.fail(open.start, `'(' of ${name}() is never closed; expected ',' or ')', found the end`)
        if (token.kind === 'punct' && token.text === ')') {
          this.next()
          break
        }
        if (token.kind !== 'punct' || token.text !== ',') this.unexpected(token, `${OPERATOR_EXPECTED}, ',' or ')'`)
        after = this.next()
      }
    }
    const [min, max, signature] = known
    if (args.length < min || args.length > max) {
      const expected = min === max ? (min === 0 ? 'no arguments' : `${min} argument${min === 1 ? '' : 's'}`) : `${min} or ${max} arguments`
      this.fail(nameToken.start, `${signature} takes ${expected}, got ${args.length}`)
    }
    const end = this.previous().end
    return { kind: 'call', name, args, span: { start: nameToken.start, end } }
  }

  /** `a/b/c`; `@iot.id` is `id`. */
  path(): PathExpr {
    const segments: string[] = []
    const first = this.peek()
    let token = first
    for (;;) {
      this.next()
      segments.push(this.segment(token))
      if (!this.isPunct('/')) break
      this.next()
      token = this.peek()
      // An operator keyword here is far likelier a dangling slash (`Datastream/ eq 1`) than a property.
      if (token.kind !== 'ident' || BINARY.has(token.text)) {
        this.fail(token.start, `expected a property name after '/', found ${describe(token)}`)
      }
    }
    const last = this.previous()
    if (this.isPunct('(')) {
      const name = segments[segments.length - 1] as string
      if (name === 'any' || name === 'all') this.fail(last.start, `lambda operators (${name}) are not supported by this service`)
      this.fail(this.peek().start, `unexpected '(' after the path '${segments.join('/')}'; functions are called by name alone, e.g. length(name)`)
    }
    return { kind: 'path', segments, span: { start: first.start, end: last.end } }
  }

  segment(token: Token): string {
    if (token.text.startsWith('@')) {
      if (token.text === '@iot.id') return 'id'
      this.fail(token.start, `unexpected '${token.text}'; the only annotation allowed here is @iot.id`)
    }
    if (token.text.includes('.')) {
      this.fail(token.start, `unexpected '${token.text}'; '.' is only allowed in function names such as geo.distance`)
    }
    return token.text
  }
}

function requireText(text: string, option: string, example: string): void {
  if (text.trim() === '') throw new QuerySyntaxError(option, 0, `the option is empty; expected ${example}`)
}

/**
 * Parses a `$filter` expression with OData precedence (or < and < eq ne < gt ge lt le < add sub <
 * mul div mod < not, -).
 *
 * @example
 * parseFilter("Datastream/Thing/properties/ward eq 'Naupada' and result gt 50")
 */
export function parseFilter(text: string, option = '$filter'): Expr {
  requireText(text, option, 'an expression such as result gt 5')
  const parser = new ExpressionParser(text, option)
  const expr = parser.expression()
  const token = parser.peek()
  if (token.kind !== 'end') parser.unexpected(token, OPERATOR_EXPECTED)
  return expr
}

/**
 * Parses `$orderby`: comma-separated expressions, each optionally followed by `asc` (the default) or `desc`.
 *
 * @example
 * parseOrderBy('phenomenonTime desc, id') // [{ expr: phenomenonTime, direction: 'desc' }, { expr: id, direction: 'asc' }]
 */
export function parseOrderBy(text: string, option = '$orderby'): OrderByItem[] {
  requireText(text, option, 'a property such as phenomenonTime desc')
  const parser = new ExpressionParser(text, option)
  const items: OrderByItem[] = []
  let after: Token | undefined
  for (;;) {
    const expr = parser.binary(1, after)
    let direction: OrderByItem['direction'] = 'asc'
    const token = parser.peek()
    if (token.kind === 'ident' && (token.text === 'asc' || token.text === 'desc')) {
      direction = token.text
      parser.next()
    }
    items.push({ expr, direction })
    const separator = parser.peek()
    if (separator.kind === 'end') return items
    if (separator.kind !== 'punct' || separator.text !== ',') {
      parser.unexpected(separator, direction === 'asc' && token === separator ? `'asc', 'desc', ',' or ${OPERATOR_EXPECTED}` : "',' or the end")
    }
    after = parser.next()
  }
}

/**
 * Parses `$select`: comma-separated property and navigation-property names; `@iot.id` becomes `id`.
 * Repeated names are kept once.
 *
 * @example
 * parseSelect('@iot.id,name,Datastreams') // ['id', 'name', 'Datastreams']
 */
export function parseSelect(text: string, option = '$select'): string[] {
  requireText(text, option, 'property names such as id,name')
  const parser = new ExpressionParser(text, option)
  const names: string[] = []
  let after: Token | undefined
  for (;;) {
    const token = parser.next()
    if (token.kind !== 'ident') {
      parser.fail(token.start, `expected a property name${after ? ` after '${after.text}'` : ''}, found ${describe(token)}`)
    }
    const name = parser.segment(token)
    if (!names.includes(name)) names.push(name)
    const separator = parser.next()
    if (separator.kind === 'end') return names
    if (separator.kind === 'punct' && separator.text === '/') {
      parser.fail(separator.start, `$select takes property names, not paths; found '/' after '${token.text}'`)
    }
    if (separator.kind !== 'punct' || separator.text !== ',') parser.unexpected(separator, "',' or the end")
    after = separator
  }
}

const NESTED_OPTIONS = ['$filter', '$select', '$orderby', '$skip', '$top', '$count', '$expand']
const TOP_OPTIONS = [...NESTED_OPTIONS, '$resultFormat']
const NAVIGATION = /[\p{L}_][\p{L}\p{M}\p{N}_]*/uy

/**
 * Parses `$expand`: comma-separated navigation paths (`Datastreams/ObservedProperty`), each with
 * optional nested options in parentheses separated by `;`. Errors inside a nested option name it
 * by path (`$expand/Datastreams/$filter`), with the position relative to that option's value.
 *
 * @example
 * parseExpand('Datastreams($select=name;$expand=Observations($orderby=phenomenonTime desc;$top=1))')
 */
export function parseExpand(text: string, option = '$expand'): ExpandItem[] {
  requireText(text, option, 'a navigation property such as Datastreams')
  const fail = (at: number, message: string): never => {
    throw new QuerySyntaxError(option, at, message)
  }
  const found = (at: number): string => (at >= text.length ? 'the end' : `'${text[at]}'`)
  const skipWs = (): void => {
    while (pos < text.length && /\s/.test(text[pos] as string)) pos++
  }
  const items: ExpandItem[] = []
  let pos = 0
  for (;;) {
    skipWs()
    const path: string[] = []
    for (;;) {
      NAVIGATION.lastIndex = pos
      const m = NAVIGATION.exec(text)
      if (!m) {
        const before = path.length > 0 ? " after '/'" : items.length > 0 ? " after ','" : ''
        fail(pos, `expected a navigation property such as Datastreams${before}, found ${found(pos)}`)
      }
      path.push(m?.[0] as string)
      pos = NAVIGATION.lastIndex
      if (text[pos] !== '/') break
      pos++
    }
    skipWs()
    let options: QueryOptions = {}
    if (text[pos] === '(') {
      const close = closingParen(text, pos, fail)
      options = parseNestedOptions(text.slice(pos + 1, close), pos + 1, `${option}/${path.join('/')}`, fail)
      pos = close + 1
      skipWs()
    }
    items.push({ path, options })
    if (pos >= text.length) return items
    if (text[pos] !== ',') {
      fail(pos, `unexpected ${found(pos)}; expected ',', '(' with nested options, or the end`)
    }
    pos++
  }
}

/** The index of the `)` that closes the `(` at `open`, skipping quoted text. */
function closingParen(text: string, open: number, fail: (at: number, message: string) => never): number {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]
    if (c === "'") {
      const close = text.indexOf("'", i + 1)
      if (close < 0) fail(i, "unterminated string: no closing quote (a quote inside a string is written '')")
      i = close // `''` inside a string is two adjacent quoted runs, which this skips alike
    } else if (c === '(') {
      depth++
    } else if (c === ')') {
      depth--
      if (depth === 0) return i
    }
  }
  return fail(open, "'(' is never closed; expected ')', found the end")
}

/** `$select=name;$top=1;…` inside `$expand` parentheses; `base` is where `inner` starts in the expand text. */
function parseNestedOptions(inner: string, base: number, prefix: string, fail: (at: number, message: string) => never): QueryOptions {
  const options: QueryOptions = {}
  const seen = new Set<string>()
  if (inner.trim() === '') fail(base, 'empty parentheses; expected nested options such as ($top=1) or nothing at all')
  let start = 0
  for (const end of splitTopLevel(inner, ';')) {
    const part = inner.slice(start, end)
    const at = base + start + (part.length - part.trimStart().length)
    const eq = part.indexOf('=')
    const name = (eq < 0 ? part : part.slice(0, eq)).trim()
    if (name === '') fail(at, `expected a nested option such as $top=1${start > 0 ? " after ';'" : ''}, found ${eq < 0 ? 'nothing' : "'='"}`)
    if (!NESTED_OPTIONS.includes(name)) {
      fail(at, `${name} is not allowed inside $expand; allowed: ${NESTED_OPTIONS.join(', ')}`)
    }
    if (eq < 0) fail(at + name.length, `expected '=' and a value after ${name}`)
    if (seen.has(name)) fail(at, `${name} is given twice for the same expanded path`)
    seen.add(name)
    applyOption(options, name, part.slice(eq + 1).trim(), `${prefix}/${name}`)
    start = end + 1
  }
  return options
}

/** The indices of `separator` outside quotes and parentheses, plus `text.length`. */
function splitTopLevel(text: string, separator: string): number[] {
  const ends: number[] = []
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === "'") {
      const close = text.indexOf("'", i + 1)
      i = close < 0 ? text.length : close
    } else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === separator && depth === 0) ends.push(i)
  }
  ends.push(text.length)
  return ends
}

function nonNegativeInteger(value: string, option: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new QuerySyntaxError(option, 0, `${option.split('/').pop()} must be a non-negative integer, got ${value === '' ? 'an empty value' : value}`)
  }
  return Number(value)
}

/** Parses one option's value into `options`. `option` is the name used in errors (a path inside `$expand`). */
function applyOption(options: QueryOptions, name: string, value: string, option: string): void {
  switch (name) {
    case '$filter':
      options.filter = parseFilter(value, option)
      return
    case '$orderby':
      options.orderby = parseOrderBy(value, option)
      return
    case '$select':
      options.select = parseSelect(value, option)
      return
    case '$expand':
      options.expand = parseExpand(value, option)
      return
    case '$top':
      options.top = nonNegativeInteger(value, option)
      return
    case '$skip':
      options.skip = nonNegativeInteger(value, option)
      return
    case '$count':
      if (value !== 'true' && value !== 'false') {
        throw new QuerySyntaxError(option, 0, `$count must be true or false, got ${value === '' ? 'an empty value' : value}`)
      }
      options.count = value === 'true'
      return
    case '$resultFormat':
      if (value !== 'dataArray') {
        throw new QuerySyntaxError(option, 0, `$resultFormat must be dataArray, got ${value === '' ? 'an empty value' : value}`)
      }
      options.resultFormat = 'dataArray'
      return
  }
}

/**
 * Reads the `$` query options of a request. Parameters without `$` are ignored (the server may use
 * them); an unknown `$` option throws UnsupportedOptionError (answer 501); a bad value, an empty
 * value or a repeated option throws QuerySyntaxError (answer 400).
 *
 * @example
 * parseQueryOptions(new URL(req.url, 'http://x').searchParams)
 * // ?$filter=result gt 5&$top=10 → { filter: …, top: 10 }
 */
export function parseQueryOptions(params: URLSearchParams | Record<string, string | undefined>): QueryOptions {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)
  const options: QueryOptions = {}
  const seen = new Set<string>()
  for (const [name, value] of entries) {
    if (!name.startsWith('$')) continue
    if (!TOP_OPTIONS.includes(name)) {
      const known = TOP_OPTIONS.find((o) => o.toLowerCase() === name.toLowerCase())
      if (known) throw new QuerySyntaxError(name, 0, `query option names are case-sensitive; write ${known}`)
      throw new UnsupportedOptionError(name)
    }
    if (seen.has(name)) throw new QuerySyntaxError(name, 0, `${name} is given more than once`)
    seen.add(name)
    applyOption(options, name, value, name)
  }
  if (options.resultFormat === 'dataArray' && options.expand) {
    throw new QuerySyntaxError('$expand', 0, '$expand cannot be combined with $resultFormat=dataArray')
  }
  return options
}
