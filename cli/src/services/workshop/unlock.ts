import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Workshop } from './catalog.js'
import { filesUnder } from './start.js'

// Letters and digits that cannot be misread when a trainer says or writes them on a board.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** The key that stands for "every exercise of the workshop" in a code's derivation. */
export const WHOLE_WORKSHOP = '*'

/**
 * The trainer's unlock code for one exercise (or the whole workshop), six characters, derived from
 * the workshop's id, the exercise's id and the exact content of the reference solution(s). It needs
 * no account, server or internet, it changes whenever a solution changes, and a trainer prints the
 * table with `thane workshop report --codes <workshop>`. It is a speed bump for a classroom, not a
 * lock: the solutions ship with the kit.
 */
export function unlockCode(workshop: Workshop, exercise: string): string {
  const hash = createHash('sha256').update(`thane-workshop-unlock\0${workshop.id}\0${exercise}\0`)
  const exercises = exercise === WHOLE_WORKSHOP ? workshop.exercises : [exercise]
  for (const id of exercises) {
    const solution = join(workshop.dir, id, 'solution')
    for (const file of filesUnder(solution)) hash.update(`${id}/${file}\0`).update(readFileSync(join(solution, file))).update('\0')
  }
  const digest = hash.digest()
  let code = ''
  for (let i = 0; i < 6; i++) code += ALPHABET[(digest[i] ?? 0) % ALPHABET.length]
  return code
}

/** Whether a code typed by a learner opens `exercise`: its own code or the workshop's. Case, spaces and dashes do not matter. */
export function codeOpens(workshop: Workshop, exercise: string, typed: string): boolean {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '')
  return clean === unlockCode(workshop, exercise) || clean === unlockCode(workshop, WHOLE_WORKSHOP)
}
