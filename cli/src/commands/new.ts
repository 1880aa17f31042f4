import { basename, resolve } from 'node:path'
import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../base-command.js'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { canPrompt } from '../prompts.js'
import {
  PACKAGE_MANAGERS,
  checkTarget,
  createProject,
  detectPackageManager,
  findTemplate,
  gitAvailable,
  listTemplates,
  packageNameProblems,
  readAnswers,
  toPackageName,
  type Answers,
  type NewProjectResult,
  type PackageManager,
} from '../services/scaffold/index.js'

const m = msg.new

/** The folder made under --yes when none is given. */
export const DEFAULT_DIR = 'thane-app'

/**
 * Every question `thane new` can ask, with its flag twin: the value comes from the twin, else the
 * --answers file, else a detected value, else the default under --yes, else the question (on a
 * terminal only). The tests walk this table.
 */
export const PROMPTS: ReadonlyArray<{ answer: keyof Answers; twin: string }> = [
  { answer: 'dir', twin: 'a folder (thane new <dir>)' },
  { answer: 'template', twin: '--template' },
  { answer: 'name', twin: '--name' },
  { answer: 'packageManager', twin: '--package-manager' },
  { answer: 'install', twin: '--install or --no-install' },
  { answer: 'git', twin: '--git or --no-git' },
]

export default class New extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override args = {
    dir: Args.string({ description: m.dir }),
  }
  static override flags = {
    template: Flags.string({ char: 't', description: m.template, helpValue: '<name>' }),
    name: Flags.string({ description: m.name, helpValue: '<package-name>' }),
    yes: Flags.boolean({ char: 'y', description: m.yes }),
    install: Flags.boolean({ description: m.install, allowNo: true }),
    git: Flags.boolean({ description: m.git, allowNo: true }),
    'package-manager': Flags.string({ description: m.packageManager, options: [...PACKAGE_MANAGERS] }),
    answers: Flags.string({ description: m.answers, helpValue: '<file.json>' }),
    'dry-run': Flags.boolean({ description: m.dryRun }),
    force: Flags.boolean({ description: m.force }),
  }

  async run(): Promise<NewProjectResult> {
    const { args, flags } = await this.parse(New)
    const answers = flags.answers ? await readAnswers(flags.answers) : {}
    const interactive = canPrompt() && !this.jsonEnabled()
    const ask = async <T>(answer: keyof Answers, question: (prompts: typeof import('@inquirer/prompts')) => Promise<T>): Promise<T> => {
      const twin = PROMPTS.find((p) => p.answer === answer)?.twin ?? answer
      if (!interactive) throw new UserError(m.missing(m.what[answer], twin))
      return question(await import('@inquirer/prompts'))
    }
    const templates = await listTemplates()

    const dir = args.dir ?? answers.dir ?? (flags.yes ? DEFAULT_DIR : await ask('dir', ({ input }) => input({ message: m.askDir, default: DEFAULT_DIR, required: true })))
    const targetDir = resolve(dir)
    // Refuse a folder in use before asking anything more.
    checkTarget(targetDir, flags.force === true)

    const templateName =
      flags.template ??
      answers.template ??
      (flags.yes
        ? templates[0]?.name
        : await ask('template', ({ select }) => select({ message: m.askTemplate, choices: templates.map((t) => ({ name: m.templateChoice(t.title, t.summary), short: t.title, value: t.name })) })))
    const template = findTemplate(templates, templateName ?? '')

    const folderName = basename(targetDir)
    const givenName = flags.name ?? answers.name
    const name =
      givenName ??
      (packageNameProblems(folderName).length === 0
        ? folderName
        : flags.yes
          ? toPackageName(folderName)
          : await ask('name', ({ input }) =>
              input({ message: m.askName, default: toPackageName(folderName), validate: (value) => nameCheck(value, '--name') ?? true }),
            ))
    // A name from the folder is valid by construction; a given one is checked here.
    const problem = givenName === undefined ? undefined : nameCheck(givenName, '--name')
    if (problem) throw new UserError(problem)

    const packageManager: PackageManager =
      (flags['package-manager'] as PackageManager | undefined) ??
      answers.packageManager ??
      detectPackageManager() ??
      (flags.yes ? 'npm' : await ask('packageManager', ({ select }) => select({ message: m.askPackageManager, choices: PACKAGE_MANAGERS.map((pm) => ({ name: pm, value: pm })) })))

    const install = flags.install ?? answers.install ?? (flags.yes ? true : await ask('install', ({ confirm }) => confirm({ message: m.askInstall, default: true })))
    // Without git there is nothing to ask; with it, the same order as every other answer.
    const git = flags.git ?? answers.git ?? (!gitAvailable() ? false : flags.yes ? true : await ask('git', ({ confirm }) => confirm({ message: m.askGit, default: true })))

    const result = await createProject({
      template,
      targetDir,
      name,
      packageManager,
      install,
      git,
      // oclif leaves a boolean flag undefined when it is not given.
      force: flags.force === true,
      dryRun: flags['dry-run'] === true,
      cwd: process.cwd(),
      quiet: this.jsonEnabled(),
      onWritten: (files) => {
        if (!this.jsonEnabled()) this.log(m.created(dir, template.title, files.length))
      },
    })
    if (!this.jsonEnabled()) this.report(result, dir, template.title)
    return result
  }

  private report(result: NewProjectResult, dir: string, title: string): void {
    if (result.dryRun) {
      this.log(m.wouldCreate(dir, title, result.files.length))
      for (const file of result.files) this.log(m.fileLine(file.action, file.path))
      const commands = [...(result.git.initialised === false && result.git.reason === 'dry-run' ? ['git init'] : []), ...(result.install.requested ? [result.install.command] : [])]
      if (commands.length > 0) this.log(m.wouldRun(commands))
      this.log(m.nothingWritten)
      return
    }
    if (result.git.initialised) this.log(m.gitInitialised(result.git.branch))
    else if (m.gitSkipped[result.git.reason]) this.log(m.gitSkipped[result.git.reason])
    if (result.install.ran) this.log(m.installed(result.install.command))
    this.log('')
    this.log(m.nextHeading)
    for (const command of result.next) this.log(m.nextLine(command))
  }
}

/** The one-line reason a name is no package name, or undefined when npm accepts it. */
function nameCheck(name: string, twin: string): string | undefined {
  const problems = packageNameProblems(name)
  return problems.length > 0 ? m.badName(name, problems, twin) : undefined
}
