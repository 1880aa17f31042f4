import { en, type Messages } from './en.js'

/**
 * The message catalogue for the user's language. Only English exists today; a translation is added
 * by writing `<lang>.ts` with the same `Messages` shape and listing it here. Help text is read at
 * build time (it goes into the oclif manifest), so it stays in the catalogue's default language.
 */
const catalogues: Record<string, Messages> = { en }

function pick(env: NodeJS.ProcessEnv): Messages {
  const lang = (env.THANE_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en').slice(0, 2).toLowerCase()
  return catalogues[lang] ?? en
}

export const msg: Messages = pick(process.env)
export type { Messages }
