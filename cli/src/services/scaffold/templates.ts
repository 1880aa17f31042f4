import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { assetPath } from '@thanekit/sdk/assets'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { compileSchema, describeSchemaErrors } from './json-schema.js'

/** A template's template.json (its schema: templates/template.schema.json). */
export interface TemplateManifest {
  name: string
  title: string
  summary: string
  /** Its place in the picker, 1 first; the first is the default under --yes. */
  order: number
  /** The package.json script that starts the project: "dev" or "start". */
  run: 'dev' | 'start'
}

export interface Template extends TemplateManifest {
  /** The template's folder. */
  dir: string
}

/** The file that describes a template; it is never copied into a project. */
export const TEMPLATE_MANIFEST = 'template.json'

/**
 * Where templates are read from: THANE_TEMPLATES_DIR (a folder of template folders, for trying a
 * template of your own) or the kit's templates folder, found like the datasets.
 */
export function templatesDir(env: NodeJS.ProcessEnv = process.env): { dir: string; own: boolean } {
  return env.THANE_TEMPLATES_DIR ? { dir: env.THANE_TEMPLATES_DIR, own: true } : { dir: assetPath('templates'), own: false }
}

/**
 * Every template of the folder, in picker order. Templates of your own are checked against the
 * kit's schema (templates/template.schema.json); the kit's own are checked by its tests and CI, so
 * a plain `thane new` does not load a schema validator.
 */
export async function listTemplates(source: { dir: string; own: boolean } = templatesDir()): Promise<Template[]> {
  const { dir } = source
  if (!existsSync(dir)) throw new UserError(msg.new.noTemplatesDir(dir))
  const check = source.own ? await compileSchema<TemplateManifest>(JSON.parse(readFileSync(assetPath('templates', 'template.schema.json'), 'utf8')) as object) : undefined
  const templates: Template[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const manifestPath = join(dir, entry.name, TEMPLATE_MANIFEST)
    if (!entry.isDirectory() || !existsSync(manifestPath)) continue
    let manifest: TemplateManifest
    try {
      manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as TemplateManifest
    } catch (err) {
      throw new UserError(msg.new.badManifest(manifestPath, (err as Error).message), { cause: err })
    }
    if (check && !check(manifest)) throw new UserError(msg.new.badManifest(manifestPath, describeSchemaErrors(check.errors)))
    if (manifest.name !== entry.name) throw new UserError(msg.new.badManifest(manifestPath, msg.new.manifestNameMismatch(manifest.name, entry.name)))
    templates.push({ name: manifest.name, title: manifest.title, summary: manifest.summary, order: manifest.order, run: manifest.run, dir: join(dir, entry.name) })
  }
  if (templates.length === 0) throw new UserError(msg.new.noTemplates(dir))
  return templates.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
}

/** The template called `name`, or a usage error that lists the names. */
export function findTemplate(templates: readonly Template[], name: string): Template {
  const found = templates.find((t) => t.name === name)
  if (!found) throw new UserError(msg.new.unknownTemplate(name, templates.map((t) => t.name)))
  return found
}
