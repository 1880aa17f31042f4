import { InputError } from '../errors.js'

/**
 * Appends path segments to a base URL, encoding each one with `encodeURIComponent`, so an id that
 * comes from a user (`42/../../admin`, `a b`, `x?y`) stays one segment. The base keeps its own path
 * (a trailing slash is dropped) and its query. `.`, `..` and empty segments are rejected with an
 * `InputError`: URL parsers resolve them even when percent-encoded.
 *
 * @example
 * urlJoin('http://127.0.0.1:4100/open311/v2', 'requests', `${id}.json`).href
 * //=> 'http://127.0.0.1:4100/open311/v2/requests/42.json'
 */
export function urlJoin(base: string | URL, ...segments: (string | number)[]): URL {
  const url = new URL(base)
  const encoded = segments.map((segment) => {
    const text = String(segment)
    if (text === '' || text === '.' || text === '..') {
      throw new InputError(`a URL path segment cannot be ${text === '' ? 'empty' : `"${text}"`} (joining onto ${url.href})`, { field: 'segment' })
    }
    return encodeURIComponent(text)
  })
  url.pathname = [url.pathname.replace(/\/+$/, ''), ...encoded].join('/')
  return url
}
