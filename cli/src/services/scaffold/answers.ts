import { readFileSync } from 'node:fs'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { compileSchema, describeSchemaErrors } from './json-schema.js'
import { PACKAGE_MANAGERS, type PackageManager } from './package-manager.js'

/** Every answer `thane new` can ask for, as an --answers file gives them (each one optional). */
export interface Answers {
  /** The folder to create, relative to the working directory. */
  dir?: string
  /** The package name (default: the folder's name). */
  name?: string
  template?: string
  packageManager?: PackageManager
  install?: boolean
  git?: boolean
}

/** The JSON Schema of an --answers file. Unknown keys are refused, so a typo is never ignored. */
export const ANSWERS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'thane new --answers',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    dir: { type: 'string', minLength: 1 },
    name: { type: 'string', minLength: 1 },
    template: { type: 'string', minLength: 1 },
    packageManager: { enum: [...PACKAGE_MANAGERS] },
    install: { type: 'boolean' },
    git: { type: 'boolean' },
  },
} as const

/** Reads and checks an --answers file; any problem is one line naming the file and the key. */
export async function readAnswers(file: string): Promise<Answers> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new UserError(msg.new.answersUnreadable(file, (err as NodeJS.ErrnoException).code ?? (err as Error).message), { cause: err })
  }
  let answers: unknown
  try {
    answers = JSON.parse(text)
  } catch (err) {
    throw new UserError(msg.new.answersNotJson(file, (err as Error).message), { cause: err })
  }
  const check = await compileSchema<Answers>(ANSWERS_SCHEMA)
  if (!check(answers)) throw new UserError(msg.new.answersInvalid(file, describeSchemaErrors(check.errors)))
  return answers
}
