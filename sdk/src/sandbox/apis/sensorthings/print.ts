// Query options back to their text, for the `@iot.nextLink` of an expanded collection (whose
// options were written inside `$expand=…(…)` and are re-issued on the navigation URL).
import type { ExpandItem, Expr, QueryOptions } from './query/ast.js'

const PRECEDENCE: Record<string, number> = { or: 1, and: 2, eq: 3, ne: 3, gt: 4, ge: 4, lt: 4, le: 4, add: 5, sub: 5, mul: 6, div: 6, mod: 6 }

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      if (e.type === 'string') return `'${e.value.replace(/'/g, "''")}'`
      if (e.type === 'datetime' || e.type === 'duration' || e.type === 'geography') return e.type === 'datetime' ? new Date(e.value).toISOString() : e.text
      return String(e.value)
    case 'path':
      return e.segments.join('/')
    case 'unary':
      return e.op === 'not' ? `not (${printExpr(e.operand)})` : `-(${printExpr(e.operand)})`
    case 'call':
      return `${e.name}(${e.args.map(printExpr).join(',')})`
    case 'binary': {
      const p = PRECEDENCE[e.op] ?? 0
      const side = (x: Expr, right: boolean) => {
        const text = printExpr(x)
        if (x.kind !== 'binary') return text
        const q = PRECEDENCE[x.op] ?? 0
        return q < p || (right && q === p) ? `(${text})` : text
      }
      return `${side(e.left, false)} ${e.op} ${side(e.right, true)}`
    }
  }
}

/** The options as `name=value` pairs, in the standard's order. */
export function optionPairs(o: QueryOptions): [string, string][] {
  const out: [string, string][] = []
  if (o.filter) out.push(['$filter', printExpr(o.filter)])
  if (o.count !== undefined) out.push(['$count', String(o.count)])
  if (o.orderby) out.push(['$orderby', o.orderby.map((i) => `${printExpr(i.expr)} ${i.direction}`).join(',')])
  if (o.skip !== undefined) out.push(['$skip', String(o.skip)])
  if (o.top !== undefined) out.push(['$top', String(o.top)])
  if (o.select) out.push(['$select', o.select.join(',')])
  if (o.expand) out.push(['$expand', o.expand.map(printExpandItem).join(',')])
  if (o.resultFormat) out.push(['$resultFormat', o.resultFormat])
  return out
}

function printExpandItem(item: ExpandItem): string {
  const nested = optionPairs(item.options)
  return `${item.path.join('/')}${nested.length > 0 ? `(${nested.map(([k, v]) => `${k}=${v}`).join(';')})` : ''}`
}

/** A query string (with `?`) for the options, or '' when there are none. */
export function queryString(o: QueryOptions): string {
  const pairs = optionPairs(o)
  if (pairs.length === 0) return ''
  return `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2F/g, '/').replace(/%2C/g, ',').replace(/%24/g, '$')}`).join('&')}`
}
