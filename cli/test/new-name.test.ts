import { describe, expect, it } from 'vitest'
import { packageNameProblems, toPackageName } from '../src/services/scaffold/package-name.js'
import { detectPackageManager, runCommand } from '../src/services/scaffold/package-manager.js'

describe('thane new: package names by npm rules', () => {
  it.each(['my-app', 'thane-starter', 'a', 'app.v2', 'under_score', '@team/app', 'x'.repeat(214), 'test', '123-go'])('accepts %s', (name) => {
    expect(packageNameProblems(name)).toEqual([])
  })

  it.each([
    ['', 'it is empty'],
    ['My-App', 'it has capital letters'],
    ['.hidden', 'it starts with "."'],
    ['_private', 'it starts with "_"'],
    [' padded', 'it starts or ends with a space'],
    ['my app', 'not URL-safe'],
    ['café', 'not URL-safe'],
    ['a/b', 'not URL-safe'],
    ['hello!', '~\'!()*'],
    ['http', '"http" is a Node.js core module'],
    ['fs', '"fs" is a Node.js core module'],
    ['node_modules', '"node_modules" is reserved'],
    ['favicon.ico', '"favicon.ico" is reserved'],
    ['@_scope/app', 'its scope starts with "." or "_"'],
    ['x'.repeat(215), 'longer than 214 characters'],
  ])('refuses %j: %s', (name, reason) => {
    const problems = packageNameProblems(name)
    expect(problems.join('; ')).toContain(reason)
  })

  it('a scoped name may use a core module name after its scope', () => {
    expect(packageNameProblems('@team/http')).toEqual([])
  })

  it.each([
    ['My App', 'my-app'],
    ['Thane Hack 2026', 'thane-hack-2026'],
    ['.dotted', 'dotted'],
    ['__init', 'init'],
    ['Café Project', 'caf-project'],
    ['http', 'thane-app'],
    ['!!!', 'thane-app'],
  ])('makes a valid name of the folder %j: %j', (folder, name) => {
    expect(toPackageName(folder)).toBe(name)
    expect(packageNameProblems(toPackageName(folder))).toEqual([])
  })
})

describe('thane new: package manager', () => {
  it.each([
    ['npm/10.9.2 node/v24.0.0 linux x64 workspaces/false', 'npm'],
    ['pnpm/9.12.0 npm/? node/v24.0.0 linux x64', 'pnpm'],
    ['yarn/1.22.22 npm/? node/v24.0.0 linux x64', 'yarn'],
    ['bun/1.1.0 npm/? node/v22.0.0 linux x64', undefined],
    [undefined, undefined],
  ])('detects %j as %j', (agent, pm) => {
    expect(detectPackageManager(agent === undefined ? {} : { npm_config_user_agent: agent })).toBe(pm)
  })

  it('runs scripts the way each package manager spells them', () => {
    expect(runCommand('npm', 'dev').join(' ')).toBe('npm run dev')
    expect(runCommand('npm', 'test').join(' ')).toBe('npm test')
    expect(runCommand('npm', 'start').join(' ')).toBe('npm start')
    expect(runCommand('pnpm', 'dev').join(' ')).toBe('pnpm dev')
    expect(runCommand('yarn', 'start').join(' ')).toBe('yarn start')
  })
})
