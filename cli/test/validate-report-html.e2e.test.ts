import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { brokenPackage } from '../../sdk/test/fixtures/validate/broken.js'
import { oneLineError, runThane } from './helpers.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'thane-html-'))

// Cells that would run script if they were ever inserted as HTML.
const SCRIPT_VALUE = '<script>window.pwned = 1</script>'
const IMG_VALUE = '"><img src=x onerror="window.pwned = 2">'

/**
 * Two CSV files under one schema: hostile.csv with hostile cells, a type error and an unknown column
 * (an extra-label warning); clean.csv valid.
 */
function inputs(): { dir: string; hostile: string; clean: string; schema: string } {
  const dir = tempDir()
  const quote = (v: string) => `"${v.replaceAll('"', '""')}"`
  const hostile = join(dir, 'hostile.csv')
  writeFileSync(hostile, ['name,count,note', `${quote(SCRIPT_VALUE)},1,a`, `${quote(IMG_VALUE)},2,b`, 'ok,many,c', 'fine,4,d', ''].join('\n'))
  const clean = join(dir, 'clean.csv')
  writeFileSync(clean, 'name,count\nok,1\nfine,2\n')
  const schema = join(dir, 'schema.json')
  writeFileSync(schema, JSON.stringify({ fields: [{ name: 'name', constraints: { pattern: '[a-z]+' } }, { name: 'count', type: 'integer' }] }))
  return { dir, hostile, clean, schema }
}

describe('thane validate --report', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] })
  })
  afterAll(async () => {
    await browser?.close()
  })

  /** Opens the report from disk, recording console errors, page errors and every request but the page itself. */
  async function open(file: string, viewport = { width: 1200, height: 900 }): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport })
    const problems: string[] = []
    const url = pathToFileURL(file).href
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`)
    })
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('request', (r) => {
      if (r.url() !== url) problems.push(`request: ${r.url()}`)
    })
    await page.goto(url)
    return { page, problems }
  }

  it('report: one offline page with the summary, problems by code and hostile values shown as text', async () => {
    const { dir, hostile, clean, schema } = inputs()
    const report = join(dir, 'out', 'report.html')
    mkdirSync(join(dir, 'out'))
    const r = await runThane(['validate', hostile, clean, '--schema', schema, '--report', report])
    expect(r.code).toBe(1)
    expect(r.stdout.trim().split('\n').at(-1)).toBe(`HTML report written to ${report}`)
    // Self-contained: nothing is loaded from anywhere.
    const html = readFileSync(report, 'utf8')
    expect(html).not.toMatch(/<link|@import|url\(|src=["']?(https?:|\/\/)/i)
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.html'])

    const { page, problems } = await open(report)
    expect(await page.title()).toBe('Data validation report: Invalid')
    const summary = (await page.locator('#summary').innerText()).replace(/\s+/g, ' ')
    expect(summary).toContain('Invalid — Problems fail the check (--fail-on error).')
    expect(summary).toContain('inputs 2 rows 6 errors 3 warnings 1 info 0')
    const files = await page.locator('#files tbody tr').allInnerTexts()
    expect(files.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([`${hostile} ${schema} 4 3 1 0 Invalid`, `${clean} ${schema} 2 0 0 0 Valid`])
    const byCode = (await page.locator('#by-code').innerText()).replace(/\s+/g, ' ')
    expect(byCode).toContain('constraint-error error 2')
    expect(byCode).toContain('type-error error 1')
    expect(byCode).toContain('extra-label warning 1')
    expect(byCode).toContain(`${clean} No problems found.`)

    // The hostile cells are text in the value column, and nothing of them ran or loaded.
    const values = await page.locator('#problem-rows td[data-label="value"]').allInnerTexts()
    expect(values).toContain(SCRIPT_VALUE)
    expect(values).toContain(IMG_VALUE)
    // Page code as a string: the CLI's tsconfig has no DOM types.
    expect(await page.evaluate('({ pwned: window.pwned, imgs: document.images.length, scripts: document.scripts.length })')).toEqual({
      pwned: undefined,
      imgs: 0,
      scripts: 1,
    })
    expect(problems).toEqual([])
    await page.close()
  })

  it('report: the filter box and the severity toggles narrow the problem rows', async () => {
    const { dir, hostile, schema } = inputs()
    const report = join(dir, 'report.html')
    expect((await runThane(['validate', hostile, '--schema', schema, '--report', report, '--json'])).code).toBe(1)
    const { page, problems } = await open(report)
    const visible = () => page.locator('#problem-rows tr:visible')
    expect(await visible().count()).toBe(4)
    expect(await page.locator('#shown').innerText()).toBe('4')
    await page.fill('#filter', 'many')
    expect(await visible().count()).toBe(1)
    expect(await visible().first().innerText()).toContain('type-error')
    expect(await page.locator('#shown').innerText()).toBe('1')
    await page.fill('#filter', 'constraint onerror')
    expect(await visible().count()).toBe(1)
    await page.fill('#filter', '')
    await page.uncheck('input[data-severity="error"]')
    expect(await visible().allInnerTexts()).toHaveLength(1)
    expect(await visible().first().innerText()).toContain('extra-label')
    await page.uncheck('input[data-severity="warning"]')
    expect(await visible().count()).toBe(0)
    expect(await page.locator('#shown').innerText()).toBe('0')
    expect(problems).toEqual([])
    await page.close()
  })

  it('report: on a phone the problems read as cards, and printing hides the controls', async () => {
    const { dir, hostile, schema } = inputs()
    const report = join(dir, 'report.html')
    await runThane(['validate', hostile, '--schema', schema, '--report', report])
    const { page, problems } = await open(report, { width: 390, height: 844 })
    const layout = await page.evaluate(`({
      head: getComputedStyle(document.querySelector('#problems thead')).display,
      row: getComputedStyle(document.querySelector('#problem-rows tr')).display,
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    })`)
    expect(layout).toEqual({ head: 'none', row: 'block', overflow: false })
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.controls').isVisible()).toBe(false)
    expect(await page.locator('#problem-rows tr').first().isVisible()).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  })

  it('report: a path that is an input, or a file of a package, is refused and left as it was', async () => {
    const { hostile, schema } = inputs()
    const before = readFileSync(hostile)
    const r = await runThane(['validate', hostile, '--schema', schema, '--report', hostile])
    expect(r.code).toBe(2)
    expect(oneLineError(r.stderr)).toBe(`Error: --report ${hostile} is one of the inputs; write the report to another file, such as report.html`)
    expect(readFileSync(hostile)).toEqual(before)
    const { dir, datapackage, requests } = brokenPackage()
    const csv = readFileSync(requests)
    const pkg = await runThane(['validate', datapackage, '--report', requests])
    expect(pkg.code).toBe(2)
    expect(oneLineError(pkg.stderr)).toMatch(/is one of the inputs/)
    expect(readFileSync(requests)).toEqual(csv)
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('report: a missing folder or a folder as the path is a usage error naming it, and nothing is created', async () => {
    const { dir, hostile, schema } = inputs()
    const missing = await runThane(['validate', hostile, '--schema', schema, '--report', join(dir, 'no', 'such', 'report.html')])
    expect(missing.code).toBe(2)
    expect(oneLineError(missing.stderr)).toBe(`Error: the folder ${join(dir, 'no', 'such')} of --report does not exist; create it first or write the report elsewhere`)
    expect(existsSync(join(dir, 'no'))).toBe(false)
    expect(missing.stdout).toBe('')
    const folder = await runThane(['validate', hostile, '--schema', schema, '--report', dir])
    expect(folder.code).toBe(2)
    expect(oneLineError(folder.stderr)).toMatch(/is a folder; give a file name such as .*\/report\.html$/)
  })

  it('report: an existing report is replaced whole, with no temporary file left behind', async () => {
    const { dir, clean, schema } = inputs()
    const report = join(dir, 'out.html')
    writeFileSync(report, 'old')
    const r = await runThane(['validate', clean, '--schema', schema, '--report', report, '--format', 'junit'])
    expect(r.code).toBe(0)
    expect(r.stdout.startsWith('<?xml')).toBe(true)
    const html = readFileSync(report, 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['clean.csv', 'hostile.csv', 'out.html', 'schema.json'])
  })
})
