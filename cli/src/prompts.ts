import { UserError } from './errors.js'
import { msg } from './messages/index.js'

/** True when a person can answer prompts: stdin and stdout are terminals. */
export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY)
}

/**
 * Every prompt has a flag twin: without a terminal, a missing value is an error that names the flag.
 * inquirer is loaded only when a question is really asked.
 */
export async function ask<T>(flag: string, question: (prompts: typeof import('@inquirer/prompts')) => Promise<T>): Promise<T> {
  if (!canPrompt()) throw new UserError(msg.errors.missingFlag(flag))
  const prompts = await import('@inquirer/prompts')
  return question(prompts)
}
