import { XMLParser, XMLValidator } from 'fast-xml-parser'

// GeoReport v2's JSON is derived from its XML by the "Spark convention": each list wrapper
// (<services>, <service_requests>) becomes a JSON array and disappears. This module turns XML into
// that same shape, so wire.ts reads one shape whatever the format.

// Elements that are list items. A parser cannot tell a one-item list from a single child, so these
// are always arrays, found by their path (so an extension field that happens to be called `value`
// is left alone).
const LIST_ITEMS = new Set([
  'services.service',
  'service_requests.request',
  'service_definition.attributes.attribute',
  'service_definition.attributes.attribute.values.value',
  'errors.error',
])

const parser = new XMLParser({
  ignoreAttributes: true,
  // Text stays text: `001` is a code, not the number 1. wire.ts converts deliberately.
  parseTagValue: false,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, path) => typeof path === 'string' && LIST_ITEMS.has(path),
})

/** Parses an XML document; throws an `Error` saying what is wrong when it is not well-formed. */
export function parseXml(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`)
  return parser.parse(xml) as Record<string, unknown>
}

/**
 * The items of an XML list (`<services><service>…`), as the JSON array the standard derives from it.
 * Throws an `Error` when the root element is not `root`.
 */
export function xmlList(doc: Record<string, unknown>, root: string, item: string): unknown[] {
  if (!(root in doc)) throw new Error(`expected a <${root}> document, got ${rootName(doc)}`)
  const wrapper = doc[root]
  // <services/> and <services></services> parse as an empty string.
  if (wrapper === '' || wrapper === null || wrapper === undefined) return []
  if (typeof wrapper !== 'object') throw new Error(`<${root}> holds text instead of <${item}> elements`)
  const items = (wrapper as Record<string, unknown>)[item]
  return Array.isArray(items) ? items : []
}

/** The `<service_definition>` document as the standard's JSON object: `attributes` and each `values` as arrays. */
export function xmlDefinition(doc: Record<string, unknown>): Record<string, unknown> {
  const definition = doc.service_definition
  if (definition === undefined) throw new Error(`expected a <service_definition> document, got ${rootName(doc)}`)
  if (typeof definition !== 'object' || definition === null) return {}
  const { attributes, ...rest } = definition as Record<string, unknown>
  const items = typeof attributes === 'object' && attributes !== null ? (attributes as Record<string, unknown>).attribute : undefined
  return {
    ...rest,
    attributes: (Array.isArray(items) ? items : []).map((attribute: unknown) => {
      if (typeof attribute !== 'object' || attribute === null) return attribute
      const { values, ...fields } = attribute as Record<string, unknown>
      const choices = typeof values === 'object' && values !== null ? (values as Record<string, unknown>).value : undefined
      return { ...fields, values: Array.isArray(choices) ? choices : [] }
    }),
  }
}

function rootName(doc: Record<string, unknown>): string {
  const names = Object.keys(doc)
  return names.length > 0 ? `<${names[0]}>` : 'an empty document'
}
