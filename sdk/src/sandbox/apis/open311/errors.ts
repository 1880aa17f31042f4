import type { Open311ErrorItem } from './format.js'

/**
 * An Open311 error answer: the HTTP status and the list of errors it carries. Handlers throw it;
 * the API's error handler sends it as `<errors>` or a JSON array, in the format the path asked for.
 */
export class Open311Error extends Error {
  readonly status: number
  readonly errors: Open311ErrorItem[]

  constructor(status: number, errors: Open311ErrorItem[] | string) {
    const list = typeof errors === 'string' ? [{ code: status, description: errors }] : errors
    super(list.map((e) => e.description).join('; '))
    this.name = 'Open311Error'
    this.status = status
    this.errors = list
  }
}
