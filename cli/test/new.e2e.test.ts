import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import New, { PROMPTS } from '../src/commands/new.js'
import { THANE_BIN, isolatedEnv, oneLineError, runThane, type RunResult, tempDir } from './helpers.js'

// `thane new` run by its string, the built binary in a fresh working folder, against the real
// templates; the expected files are read from the template folders themselves.
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const TEMPLATES = join(REPO, 'templates')
const PACKED_SDK = join(REPO, 'cli', 'vendor', 'thanekit-sdk.tgz')
const OFFLINE = ['--no-install', '--no-git']

interface NewJson {
  dir: string
  name: string
  template: string
  packageManager: string
  dryRun: boolean
  files: Array<{ path: string; action: 'create' | 'overwrite' }>
  git: { initialised: boolean; branch?: string; reason?: string }
  install: { requested: boolean; ran: boolean; command: string }
  next: string[]
}

/** The first template of the picker (the default under --yes), from the template.json files. */
function firstTemplate(): string {
  const manifests = readdirSync(TEMPLATES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(TEMPLATES, e.name, 'template.json')))
    .map((e) => JSON.parse(readFileSync(join(TEMPLATES, e.name, 'template.json'), 'utf8')) as { name: string; order: number })
  const first = manifests.sort((a, b) => a.order - b.order)[0]
  if (!first) throw new Error('no template in templates/')
  return first.name
}

/** What a project made from `template` must hold: the template's files, renamed, plus the packed SDK. */
function expectedFiles(template: string): string[] {
  const dir = join(TEMPLATES, template)
  const walk = (sub: string): string[] =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(sub, e.name)) : [join(sub, e.name)]))
  return [...walk('').filter((f) => f !== 'template.json'), 'vendor/thanekit-sdk.tgz']
    .map((f) => f.split(sep).map((p) => (p === '_gitignore' ? '.gitignore' : p)).join('/'))
    .sort((a, b) => a.localeCompare(b))
}

function filesIn(dir: string): string[] {
  const walk = (sub: string): string[] =>
    readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(sub, e.name)) : [join(sub, e.name)]))
  return walk('')
    .map((f) => relative('', f).split(sep).join('/'))
    .sort((a, b) => a.localeCompare(b))
}

function json(r: RunResult): NewJson {
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout) as NewJson
}

describe('thane new: the flag table', () => {
  // Every twin given, so no question is left; each row then leaves its own twin out.
  const given: Record<string, string[]> = {
    dir: ['proj'],
    template: ['--template', 'starter'],
    name: ['--name', 'proj'],
    packageManager: ['--package-manager', 'npm'],
    install: ['--no-install'],
    git: ['--no-git'],
  }

  it('names a flag of the command for every question', () => {
    expect(PROMPTS.map((p) => p.answer).sort()).toEqual(Object.keys(given).sort())
    const flags = new Map<string, object>(Object.entries(New.flags))
    for (const { twin } of PROMPTS) {
      for (const flag of twin.match(/--[a-z-]+/g) ?? []) {
        const negated = flag.startsWith('--no-')
        const def = flags.get(negated ? flag.slice(5) : flag.slice(2))
        expect(def, flag).toBeDefined()
        if (negated) expect(def && 'allowNo' in def ? def.allowNo : undefined, flag).toBe(true)
      }
      if (twin.includes('<dir>')) expect(New.args.dir).toBeDefined()
    }
  })

  it('with every twin given it asks nothing, even without a terminal', async () => {
    const cwd = tempDir('thane-new-')
    const r = await runThane(['new', ...Object.values(given).flat()], { cwd })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(existsSync(join(cwd, 'proj', 'package.json'))).toBe(true)
  })

  it.each(PROMPTS.map((p) => [p.answer, p.twin] as const))('without a terminal, a missing %s is a usage error naming %s', async (answer, twin) => {
    const cwd = tempDir('thane-new-')
    // The package name is asked only when the folder's name cannot be one.
    const args = Object.entries({ ...given, ...(answer === 'name' ? { dir: ['Proj Folder'] } : {}) })
      .filter(([key]) => key !== answer)
      .flatMap(([, value]) => value)
    const r = await runThane(['new', ...args], { cwd })
    expect(r.code, r.stderr).toBe(2)
    expect(oneLineError(r.stderr)).toContain(`pass ${twin}, or --yes for the default`)
    expect(readdirSync(cwd)).toEqual([])
  })
})

describe('thane new', () => {
  it('--yes makes thane-app from the first template: its files, _gitignore renamed, the packed SDK, the package renamed', async () => {
    const cwd = tempDir('thane-new-')
    const template = firstTemplate()
    const r = await runThane(['new', '--yes', ...OFFLINE], { cwd })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const project = join(cwd, 'thane-app')
    expect(filesIn(project)).toEqual(expectedFiles(template))
    const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> }
    expect(pkg.name).toBe('thane-app')
    expect(pkg.dependencies['@thanekit/sdk']).toBe('file:vendor/thanekit-sdk.tgz')
    expect(readFileSync(join(project, 'vendor', 'thanekit-sdk.tgz')).equals(readFileSync(PACKED_SDK))).toBe(true)
    expect(readFileSync(join(project, '.gitignore'), 'utf8')).toBe(readFileSync(join(TEMPLATES, template, '_gitignore'), 'utf8'))
    expect(r.stdout).toContain('Created thane-app from the')
    expect(r.stdout).toMatch(/Next:\n {2}cd thane-app\n {2}npm install\n {2}npm test\n {2}npm (run dev|start)\n$/)
  })

  it('--json prints the project, its files and the commands to run next', async () => {
    const cwd = tempDir('thane-new-')
    const result = json(await runThane(['new', 'aqi-board', '--template', 'starter', '--yes', ...OFFLINE, '--json'], { cwd }))
    expect(result).toMatchObject({ dir: join(cwd, 'aqi-board'), name: 'aqi-board', template: 'starter', packageManager: 'npm', dryRun: false })
    expect(result.git).toEqual({ initialised: false, reason: 'not-asked' })
    expect(result.install).toEqual({ requested: false, ran: false, command: 'npm install' })
    expect(result.next).toEqual(['cd aqi-board', 'npm install', 'npm test', 'npm run dev'])
    expect(result.files.map((f) => f.path)).toEqual(expectedFiles('starter'))
    expect(result.files.every((f) => f.action === 'create')).toBe(true)
    expect(filesIn(join(cwd, 'aqi-board'))).toEqual(expectedFiles('starter'))
  })

  it('--dry-run lists what it would write and writes nothing', async () => {
    const cwd = tempDir('thane-new-')
    const r = await runThane(['new', 'dry', '--template', 'starter', '--yes', '--no-git', '--dry-run'], { cwd })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Would create dry from the Starter template')
    for (const file of expectedFiles('starter')) expect(r.stdout).toContain(`  create    ${file}\n`)
    expect(r.stdout).toContain('Would then run: npm install\n')
    expect(r.stdout).toContain('Nothing was written (--dry-run).')
    const asJson = json(await runThane(['new', 'dry', '--template', 'starter', '--yes', '--dry-run', '--json'], { cwd }))
    expect(asJson.dryRun).toBe(true)
    expect(asJson.git).toEqual({ initialised: false, reason: 'dry-run' })
    expect(asJson.install.requested).toBe(true)
    expect(readdirSync(cwd)).toEqual([])
  })

  it('takes the package manager that started it from npm_config_user_agent', async () => {
    const cwd = tempDir('thane-new-')
    const env = isolatedEnv({ npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v24.0.0 linux x64' })
    const result = json(await runThane(['new', 'p', '--template', 'starter', '--yes', ...OFFLINE, '--json'], { cwd, env }))
    expect(result.packageManager).toBe('pnpm')
    expect(result.next).toEqual(['cd p', 'pnpm install', 'pnpm test', 'pnpm dev'])
  })

  it('an unknown template is a usage error that lists the templates', async () => {
    const r = await runThane(['new', 'x', '--template', 'nope', '--yes', ...OFFLINE])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toMatch(/^Error: no template "nope"; choose one of: .*starter/)
  })
})

describe('thane new: names', () => {
  it('names the package after the folder', async () => {
    const cwd = tempDir('thane-new-')
    const result = json(await runThane(['new', 'nested/hack-2026', '--template', 'starter', '--yes', ...OFFLINE, '--json'], { cwd }))
    expect(result.name).toBe('hack-2026')
    expect(result.next[0]).toBe('cd nested/hack-2026')
  })

  it('under --yes, a folder name npm refuses becomes a valid package name', async () => {
    const cwd = tempDir('thane-new-')
    const result = json(await runThane(['new', 'My Hack App', '--template', 'starter', '--yes', ...OFFLINE, '--json'], { cwd }))
    expect(result.name).toBe('my-hack-app')
    expect(result.next[0]).toBe("cd 'My Hack App'")
  })

  it.each([
    ['Capital', 'it has capital letters'],
    ['http', '"http" is a Node.js core module'],
    ['.env', 'it starts with "."'],
    ['a b', 'not URL-safe'],
  ])('--name %j is refused: %s', async (name, reason) => {
    const cwd = tempDir('thane-new-')
    const r = await runThane(['new', 'proj', '--name', name, '--template', 'starter', '--yes', ...OFFLINE], { cwd })
    expect(r.code).toBe(2)
    const line = oneLineError(r.stderr)
    expect(line).toContain(`"${name}" cannot be a package name`)
    expect(line).toContain(reason)
    expect(line).toContain('choose another with --name')
    expect(readdirSync(cwd)).toEqual([])
  })
})

describe('thane new: an existing folder', () => {
  it('refuses a folder that is not empty, names what is in it, and writes nothing', async () => {
    const cwd = tempDir('thane-new-')
    mkdirSync(join(cwd, 'proj'))
    writeFileSync(join(cwd, 'proj', 'notes.txt'), 'mine')
    const r = await runThane(['new', 'proj', '--template', 'starter', '--yes', ...OFFLINE], { cwd })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe(
      `Error: ${join(cwd, 'proj')} is not empty (notes.txt); choose a new folder, or pass --force to write the template's files into it (nothing else is touched)`,
    )
    expect(readdirSync(join(cwd, 'proj'))).toEqual(['notes.txt'])
  })

  it('refuses a folder in use before asking anything else', async () => {
    const cwd = tempDir('thane-new-')
    mkdirSync(join(cwd, 'proj'))
    writeFileSync(join(cwd, 'proj', 'notes.txt'), 'mine')
    const r = await runThane(['new', 'proj'], { cwd })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('is not empty (notes.txt)')
  })

  it('counts a folder holding only .git as empty (a fresh clone)', async () => {
    const cwd = tempDir('thane-new-')
    mkdirSync(join(cwd, 'clone', '.git'), { recursive: true })
    writeFileSync(join(cwd, 'clone', '.git', 'HEAD'), 'ref: refs/heads/trunk\n')
    const result = json(await runThane(['new', 'clone', '--template', 'starter', '--yes', '--no-install', '--json'], { cwd }))
    expect(result.files.every((f) => f.action === 'create')).toBe(true)
    // It is a repository already: no second git init.
    expect(result.git).toEqual({ initialised: false, reason: 'inside-repository' })
    expect(readFileSync(join(cwd, 'clone', '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/trunk\n')
  })

  it('--force writes the template over files of the same name, keeps every other file and never touches .git', async () => {
    const cwd = tempDir('thane-new-')
    const project = join(cwd, 'proj')
    mkdirSync(join(project, '.git'), { recursive: true })
    mkdirSync(join(project, 'src'))
    writeFileSync(join(project, '.git', 'config'), '[core]\n\tbare = false\n')
    writeFileSync(join(project, 'README.md'), 'old readme')
    writeFileSync(join(project, 'notes.txt'), 'mine')
    writeFileSync(join(project, 'src', 'mine.ts'), 'export {}')
    const result = json(await runThane(['new', 'proj', '--template', 'starter', '--yes', '--no-install', '--force', '--json'], { cwd }))
    expect(result.files.find((f) => f.path === 'README.md')?.action).toBe('overwrite')
    expect(result.files.filter((f) => f.action === 'overwrite').map((f) => f.path)).toEqual(['README.md'])
    expect(readFileSync(join(project, 'README.md'), 'utf8')).toBe(readFileSync(join(TEMPLATES, 'starter', 'README.md'), 'utf8'))
    expect(readFileSync(join(project, 'notes.txt'), 'utf8')).toBe('mine')
    expect(readFileSync(join(project, 'src', 'mine.ts'), 'utf8')).toBe('export {}')
    expect(readdirSync(join(project, '.git'))).toEqual(['config'])
    expect(readFileSync(join(project, '.git', 'config'), 'utf8')).toBe('[core]\n\tbare = false\n')
    expect(filesIn(project).filter((f) => !f.startsWith('.git/'))).toEqual(
      [...expectedFiles('starter'), 'notes.txt', 'src/mine.ts'].sort((a, b) => a.localeCompare(b)),
    )
  })

  it('--force still refuses when a folder stands where the template has a file', async () => {
    const cwd = tempDir('thane-new-')
    mkdirSync(join(cwd, 'proj', 'package.json'), { recursive: true })
    const r = await runThane(['new', 'proj', '--template', 'starter', '--yes', ...OFFLINE, '--force'], { cwd })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain(`${join(cwd, 'proj', 'package.json')} is a folder where the template has a file`)
    expect(readdirSync(join(cwd, 'proj'))).toEqual(['package.json'])
  })

  it('refuses a path that is a file', async () => {
    const cwd = tempDir('thane-new-')
    writeFileSync(join(cwd, 'proj'), '')
    const r = await runThane(['new', 'proj', '--template', 'starter', '--yes', ...OFFLINE], { cwd })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toContain('exists and is not a folder')
  })
})

describe('thane new --answers', () => {
  function answersFile(content: string): { cwd: string; file: string } {
    const cwd = tempDir('thane-new-')
    const file = join(cwd, 'answers.json')
    writeFileSync(file, content)
    return { cwd, file }
  }

  it('takes every answer from the file, asking nothing', async () => {
    const { cwd, file } = answersFile(JSON.stringify({ dir: 'from-file', name: 'filed-name', template: 'starter', packageManager: 'yarn', install: false, git: false }))
    const result = json(await runThane(['new', '--answers', file, '--json'], { cwd }))
    expect(result).toMatchObject({ dir: join(cwd, 'from-file'), name: 'filed-name', template: 'starter', packageManager: 'yarn', git: { initialised: false } })
    expect(result.install.requested).toBe(false)
    expect(JSON.parse(readFileSync(join(cwd, 'from-file', 'package.json'), 'utf8'))).toMatchObject({ name: 'filed-name' })
  })

  it('flags win over the file', async () => {
    const { cwd, file } = answersFile(JSON.stringify({ dir: 'from-file', template: 'starter', packageManager: 'yarn', install: true, git: true }))
    const result = json(await runThane(['new', 'from-flag', '--answers', file, '--package-manager', 'npm', ...OFFLINE, '--json'], { cwd }))
    expect(result).toMatchObject({ name: 'from-flag', packageManager: 'npm', git: { initialised: false, reason: 'not-asked' } })
  })

  it.each([
    ['not JSON', '{ "template": "starter", }', 'is not JSON ('],
    ['an unknown key', '{ "tempalte": "starter" }', 'is not valid: unknown key "tempalte"; its keys are dir, name, template'],
    ['a string where a boolean goes', '{ "install": "no" }', 'is not valid: "install" must be a boolean'],
    ['an unknown package manager', '{ "packageManager": "bun" }', 'is not valid: "packageManager" must be one of "npm", "pnpm", "yarn"'],
    ['an array', '["starter"]', 'is not valid: the top level must be a JSON object'],
    ['an empty folder name', '{ "dir": "" }', 'is not valid: "dir" must NOT have fewer than 1 characters'],
  ])('refuses a file with %s in one line', async (_what, content, message) => {
    const { cwd, file } = answersFile(content)
    const r = await runThane(['new', '--answers', file, '--yes', ...OFFLINE], { cwd })
    expect(r.code).toBe(2)
    const line = oneLineError(r.stderr)
    expect(line).toContain(`the answers file ${file}`)
    expect(line).toContain(message)
    expect(readdirSync(cwd)).toEqual(['answers.json'])
  })

  it('a missing answers file is a usage error', async () => {
    const r = await runThane(['new', '--answers', 'nowhere.json', '--yes', ...OFFLINE])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe('Error: cannot read the answers file nowhere.json (ENOENT); check the --answers path')
  })
})

describe('thane new: git and install', () => {
  it('runs git init on the default branch the user configured', async () => {
    const cwd = tempDir('thane-new-')
    const env = isolatedEnv()
    writeFileSync(join(env.HOME ?? '', '.gitconfig'), '[init]\n\tdefaultBranch = trunk\n')
    const r = await runThane(['new', 'proj', '--template', 'starter', '--yes', '--no-install', '--json'], { cwd, env })
    expect(json(r).git).toEqual({ initialised: true, branch: 'trunk' })
    expect(readFileSync(join(cwd, 'proj', '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/trunk\n')
    const text = await runThane(['new', 'proj2', '--template', 'starter', '--yes', '--no-install'], { cwd, env })
    expect(text.stdout).toContain('Initialised a git repository on branch trunk.')
  })

  it('a failed install keeps the project and says how to retry', async () => {
    const cwd = tempDir('thane-new-')
    const bin = tempDir('thane-new-')
    writeFileSync(join(bin, 'npm'), '#!/bin/sh\necho "npm error network request failed"\nexit 7\n')
    chmodSync(join(bin, 'npm'), 0o755)
    const env = isolatedEnv({ PATH: `${bin}:${process.env.PATH ?? ''}` })
    const r = await runThane(['new', 'proj', '--template', 'starter', '--yes', '--no-git'], { cwd, env })
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('npm error network request failed')
    expect(oneLineError(r.stderr)).toBe(
      'Error: "npm install" failed (exit 7; its output is above); the project is written: fix the cause (often the network) and run "cd proj && npm install"',
    )
    expect(filesIn(join(cwd, 'proj'))).toEqual(expectedFiles('starter'))
  })

  it('a package manager that is not installed is named, with the command to retry', async () => {
    const cwd = tempDir('thane-new-')
    const env = isolatedEnv({ PATH: tempDir('thane-new-') })
    const r = await runThane(['new', 'proj', '--template', 'starter', '--yes', '--no-git', '--package-manager', 'yarn'], { cwd, env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe(
      'Error: yarn is not installed, so the dependencies were not installed; the project is written: install yarn (or choose --package-manager npm) and run "cd proj && yarn install"',
    )
    expect(existsSync(join(cwd, 'proj', 'package.json'))).toBe(true)
  })
})

describe('thane new: templates of your own (THANE_TEMPLATES_DIR)', () => {
  function fixtureTemplates(manifest: object): string {
    const root = tempDir('thane-new-')
    mkdirSync(join(root, 'tiny', 'lib', 'deep'), { recursive: true })
    writeFileSync(join(root, 'tiny', 'template.json'), JSON.stringify(manifest))
    writeFileSync(join(root, 'tiny', 'package.json'), JSON.stringify({ name: 'thane-tiny', private: true, dependencies: { '@thanekit/sdk': 'file:vendor/thanekit-sdk.tgz' } }))
    writeFileSync(join(root, 'tiny', '_gitignore'), 'node_modules\n')
    writeFileSync(join(root, 'tiny', 'lib', 'deep', '_gitignore'), '*.tmp\n')
    return root
  }

  it('copies a template from that folder, renaming every _gitignore', async () => {
    const cwd = tempDir('thane-new-')
    const env = isolatedEnv({ THANE_TEMPLATES_DIR: fixtureTemplates({ name: 'tiny', title: 'Tiny', summary: 'The smallest', order: 1, run: 'start' }) })
    const result = json(await runThane(['new', 'small', '--yes', ...OFFLINE, '--json'], { cwd, env }))
    expect(result.template).toBe('tiny')
    expect(result.next).toEqual(['cd small', 'npm install', 'npm test', 'npm start'])
    expect(filesIn(join(cwd, 'small'))).toEqual(['.gitignore', 'lib/deep/.gitignore', 'package.json', 'vendor/thanekit-sdk.tgz'])
  })

  it('refuses a template.json that breaks the schema, in one line naming the file', async () => {
    const root = fixtureTemplates({ name: 'tiny', title: 'Tiny', order: 1, run: 'serve' })
    const env = isolatedEnv({ THANE_TEMPLATES_DIR: root })
    const r = await runThane(['new', 'small', '--yes', ...OFFLINE], { env })
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe(
      `Error: ${join(root, 'tiny', 'template.json')} is not a valid template.json: "summary" is missing; "run" must be one of "dev", "start"; fix it (its schema is templates/template.schema.json)`,
    )
  })
})

describe('thane new on a terminal', () => {
  /** A pseudo-terminal of its own: a tmux server on a private socket, running one command. */
  class Terminal {
    private readonly socket = `thane-new-test-${process.pid}-${Math.random().toString(36).slice(2)}`

    constructor(command: string) {
      this.tmux(['new-session', '-d', '-x', '200', '-y', '50', command])
    }

    tmux(args: string[]): string {
      const r = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`)
      return r.stdout
    }

    screen(): string {
      return this.tmux(['capture-pane', '-p'])
    }

    /** Waits until the screen shows `text` (the command answers at its own pace; this is no timing assertion). */
    async waitFor(text: string): Promise<void> {
      for (let tries = 0; tries < 300; tries++) {
        if (this.screen().includes(text)) return
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`the terminal never showed "${text}":\n${this.screen()}`)
    }

    keys(...keys: string[]): void {
      this.tmux(['send-keys', ...keys])
    }

    close(): void {
      spawnSync('tmux', ['-L', this.socket, 'kill-server'])
    }
  }

  it('asks for the folder, the template, the package manager, the install and git, then writes the project', async () => {
    const cwd = tempDir('thane-new-')
    const env = isolatedEnv()
    const vars = Object.entries({ ...env, TERM: 'xterm-256color' }).map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    const exitFile = join(cwd, '.exit-code')
    const terminal = new Terminal(`cd ${JSON.stringify(cwd)} && env -i ${vars.join(' ')} ${JSON.stringify(process.execPath)} ${JSON.stringify(THANE_BIN)} new; echo $? > ${JSON.stringify(exitFile)}; sleep 60`)
    try {
      await terminal.waitFor('? Project folder: (thane-app)')
      terminal.keys('my-proj', 'Enter')
      await terminal.waitFor('? Template:')
      expect(terminal.screen()).toContain('Starter: A small TypeScript program')
      terminal.keys('Enter')
      await terminal.waitFor('? Package manager:')
      terminal.keys('Down', 'Enter')
      await terminal.waitFor('? Install the dependencies now? (Y/n)')
      terminal.keys('n', 'Enter')
      await terminal.waitFor('? Initialise a git repository? (Y/n)')
      terminal.keys('n', 'Enter')
      await terminal.waitFor('Next:')
      await terminal.waitFor('pnpm dev')
      const screen = terminal.screen()
      expect(screen).toContain('✔ Project folder: my-proj')
      expect(screen).toContain('✔ Template: Starter\n')
      expect(screen).toContain('✔ Package manager: pnpm')
      expect(screen).toContain('Created my-proj from the Starter template')
      for (let tries = 0; tries < 100 && !existsSync(exitFile); tries++) await new Promise((resolve) => setTimeout(resolve, 100))
      expect(readFileSync(exitFile, 'utf8').trim()).toBe('0')
      expect(filesIn(join(cwd, 'my-proj'))).toEqual(expectedFiles('starter'))
      expect(existsSync(join(cwd, 'my-proj', '.git'))).toBe(false)
    } finally {
      terminal.close()
    }
  })
})
