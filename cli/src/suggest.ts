import { closest, distance } from 'fastest-levenshtein'
import { msg } from './messages/index.js'

/** The one-line message for an unknown command, naming the nearest real command when one is near. */
export function unknownCommandMessage(typed: string, commandIds: readonly string[]): string {
  const ids = commandIds.map((id) => id.replaceAll(':', ' '))
  const nearest = ids.length > 0 ? closest(typed, ids) : undefined
  // A suggestion that shares little with what was typed only confuses.
  const near = nearest !== undefined && distance(typed, nearest) <= Math.max(2, Math.floor(typed.length / 2))
  return msg.errors.unknownCommand(typed, near ? nearest : undefined)
}
