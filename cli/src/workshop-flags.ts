import { Flags } from '@oclif/core'
import { msg } from './messages/index.js'

const m = msg.workshop.flags

/** The flags every `thane workshop` command that works in a learner folder spreads. */
export const learnerFlags = {
  dir: Flags.string({ description: m.dir, helpValue: '<folder>' }),
}

/** For commands that show instructions or hints. */
export const langFlags = {
  lang: Flags.string({ description: m.lang, helpValue: '<code>' }),
}

/** The time limit of a check run. */
export const timeoutFlags = {
  timeout: Flags.integer({ description: m.timeout, default: 10, min: 1, max: 600, env: 'THANE_WORKSHOP_TIMEOUT', helpValue: '<seconds>' }),
}
