import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { assetPath } from '@thanekit/sdk/assets'
import { closest, distance } from 'fastest-levenshtein'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'

const m = msg.workshop.errors

/** A workshop's workshop.json (its schema: workshops/workshop.schema.json). */
export interface WorkshopManifest {
  id: string
  title: string
  summary: string
  level: 'beginner' | 'intermediate' | 'advanced'
  minutes: number
  languages: string[]
  data: string[]
  exercises: string[]
}

export interface Workshop extends WorkshopManifest {
  /** The workshop's folder. */
  dir: string
}

/** The file that describes a workshop. */
export const WORKSHOP_MANIFEST = 'workshop.json'

/**
 * Where workshops are read from: THANE_WORKSHOPS_DIR (a folder of workshop folders, for a trainer's
 * own labs and for tests) or the kit's workshops folder, found like the datasets.
 */
export function workshopsDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.THANE_WORKSHOPS_DIR || assetPath('workshops')
}

/** Every workshop of the folder, by id. */
export function listWorkshops(dir: string = workshopsDir()): Workshop[] {
  if (!existsSync(dir)) throw new UserError(m.noWorkshopsDir(dir))
  const workshops: Workshop[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && existsSync(join(dir, entry.name, WORKSHOP_MANIFEST))) workshops.push(readWorkshop(join(dir, entry.name)))
  }
  return workshops.sort((a, b) => a.id.localeCompare(b.id))
}

/** One workshop folder's manifest; the kit's tests check every manifest against the schema. */
export function readWorkshop(dir: string): Workshop {
  const file = join(dir, WORKSHOP_MANIFEST)
  let manifest: WorkshopManifest
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as WorkshopManifest
  } catch (err) {
    throw new UserError(m.badManifest(file, (err as Error).message), { cause: err })
  }
  if (typeof manifest.id !== 'string' || !Array.isArray(manifest.exercises)) throw new UserError(m.badManifest(file, m.manifestShape))
  if (manifest.id !== basename(dir)) throw new UserError(m.badManifest(file, m.idMismatch(manifest.id, basename(dir))))
  return { ...manifest, languages: manifest.languages ?? ['en'], data: manifest.data ?? [], dir }
}

/** The workshop called `id`, or a usage error naming the nearest id and the list. */
export function findWorkshop(id: string, dir: string = workshopsDir()): Workshop {
  const workshops = listWorkshops(dir)
  const found = workshops.find((w) => w.id === id)
  if (found) return found
  throw new UserError(m.unknownWorkshop(id, nearest(id, workshops.map((w) => w.id)), workshops.map((w) => w.id)))
}

/**
 * The exercise a learner means: its full id ("02-sub-indices"), its number ("2" or "02") or the
 * start of its id. Anything else is a usage error naming the nearest id.
 */
export function findExercise(workshop: WorkshopManifest, typed: string): string {
  const ids = workshop.exercises
  const exact = ids.find((id) => id === typed)
  if (exact) return exact
  if (/^\d{1,2}$/.test(typed)) {
    const byNumber = ids.find((id) => Number(id.slice(0, 2)) === Number(typed))
    if (byNumber) return byNumber
  }
  const byPrefix = ids.filter((id) => id.startsWith(typed) || id.slice(3).startsWith(typed))
  if (byPrefix.length === 1 && byPrefix[0]) return byPrefix[0]
  throw new UserError(m.unknownExercise(typed, workshop.id, nearest(typed, ids), ids))
}

/** A suggestion only when it shares enough with what was typed. */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined
  const best = closest(typed, [...candidates])
  return distance(typed, best) <= Math.max(2, Math.floor(typed.length / 2)) ? best : undefined
}

/**
 * The language to show instructions in: the flag, else THANE_LANG, LC_ALL, LC_MESSAGES, LANG
 * (their first two letters: "mr_IN.UTF-8" is "mr"), else English. "C" and "POSIX" mean English.
 */
export function pickLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const raw = flag || env.THANE_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en'
  const lang = raw.slice(0, 2).toLowerCase()
  return /^[a-z]{2}$/.test(lang) && raw !== 'C' && raw !== 'POSIX' ? lang : 'en'
}

/**
 * The translation of `<dir>/<base>.md` in `lang` when it exists (`README.mr.md`), else the English
 * file: the fallback is per file, so a half-translated workshop still shows every instruction.
 */
export function localizedFile(dir: string, base: string, lang: string): { path: string; lang: string } {
  if (lang !== 'en') {
    const translated = join(dir, `${base}.${lang}.md`)
    if (existsSync(translated)) return { path: translated, lang }
  }
  return { path: join(dir, `${base}.md`), lang: 'en' }
}

/** An exercise's graded hints, from a nudge to nearly the answer (hints.md, split at `---` lines). */
export function readHints(exerciseDir: string, lang: string): string[] {
  const { path } = localizedFile(exerciseDir, 'hints', lang)
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .replace(/\r\n?/g, '\n')
    .split(/^---[ \t]*$/m)
    .map((hint) => hint.trim())
    .filter((hint) => hint !== '')
}

/**
 * Where a data file of the manifest comes from: `data/…` is the workshop's own folder, anything
 * else a path under the kit's datasets/.
 */
export function dataSource(workshop: Workshop, entry: string): string {
  return entry.startsWith('data/') ? join(workshop.dir, entry) : assetPath('datasets', ...entry.split('/'))
}
