import { createHash } from 'node:crypto'
import { existsSync, realpathSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Report, Severity, ValidationError } from '@thanekit/sdk/validate'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { htmlText } from './visible-text.js'
import { fails, type ValidateResult } from './validate.js'

const m = msg.validate
const h = msg.validate.html
const SEVERITIES: Severity[] = ['error', 'warning', 'info']

const esc = htmlText

const num = (n: number) => n.toLocaleString('en-IN')

// Readable on a phone (tables become cards), printable (controls hidden, rows kept whole), and
// with the severity always spelled out, not told by colour alone.
const STYLE = `
:root{color-scheme:light;--err:#b42318;--warn:#8a5a00;--info:#1d4f91;--ok:#1a7f37;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem;word-break:break-all}
.meta{color:var(--muted);margin:0}
.summary{border:2px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin-top:1rem}
.summary.ok{border-color:var(--ok)}.summary.bad{border-color:var(--err)}
.verdict{font-size:1.1rem;margin:0 0 .5rem}.ok .verdict strong{color:var(--ok)}.bad .verdict strong{color:var(--err)}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0}.totals div{min-width:6rem}.totals dt{color:var(--muted);font-size:.85rem}.totals dd{margin:0;font-size:1.25rem;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td{overflow-wrap:break-word}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:#f6f8fa;padding:0 .2em;border-radius:3px}
td.long{overflow-wrap:anywhere;min-width:8rem}td.long code{white-space:pre-wrap}
.sev{font-weight:600}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info{color:var(--info)}.valid{color:var(--ok);font-weight:600}.invalid{color:var(--err);font-weight:600}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0}
.controls input[type=search]{font:inherit;padding:.35rem .5rem;min-width:16rem;max-width:100%;border:1px solid var(--line);border-radius:6px}
.controls label{white-space:nowrap}
.note{color:var(--muted)}
[hidden]{display:none!important}
@media (max-width:40rem){
 .problems thead{display:none}
 .problems tr{display:block;border:1px solid var(--line);border-radius:6px;margin:.5rem 0;padding:.25rem .5rem}
 .problems td,.problems td.num{display:block;border:0;padding:.1rem 0;text-align:left}
 .problems td:empty{display:none}
 .problems td::before{content:attr(data-label) ": ";color:var(--muted);font-size:.85rem}
 .controls input[type=search]{min-width:0;width:100%}
}
@media print{
 body{max-width:none;padding:0;font-size:11px}
 .controls{display:none}
 tr{break-inside:avoid}thead{display:table-header-group}
}
`

// Filters the problem rows by the text box and the severity toggles. The rows are HTML already,
// so without script the page still shows everything.
const SCRIPT = `
(function () {
  var box = document.getElementById('filter');
  var toggles = Array.prototype.slice.call(document.querySelectorAll('input[data-severity]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#problem-rows tr'));
  var shown = document.getElementById('shown');
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var on = {};
    toggles.forEach(function (t) { on[t.getAttribute('data-severity')] = t.checked; });
    var n = 0;
    rows.forEach(function (r, i) {
      var show = on[r.getAttribute('data-severity')] && words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      r.hidden = !show;
      if (show) n++;
    });
    shown.textContent = String(n);
  }
  box.addEventListener('input', apply);
  toggles.forEach(function (t) { t.addEventListener('change', apply); });
  apply();
})();
`

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

function severityCell(s: Severity): string {
  return `<span class="sev sev-${s}">${esc(s)}</span>`
}

function filesSection(result: ValidateResult): string {
  const rows = result.reports.map((r) => {
    const bad = fails(r, result.failOn === 'never' ? 'error' : result.failOn)
    return (
      `<tr><td data-label="${esc(h.file)}">${esc(r.source)}</td><td data-label="${esc(h.schema)}">${esc(r.schemaName ?? '')}</td>` +
      `<td class="num" data-label="${esc(h.rows)}">${num(r.rows)}</td><td class="num" data-label="${esc(h.errors)}">${num(r.severities.error)}</td>` +
      `<td class="num" data-label="${esc(h.warnings)}">${num(r.severities.warning)}</td><td class="num" data-label="${esc(h.info)}">${num(r.severities.info)}</td>` +
      `<td data-label="${esc(h.status)}"><span class="${bad ? 'invalid' : 'valid'}">${esc(bad ? h.invalid : h.valid)}</span></td></tr>`
    )
  })
  return (
    `<section id="files"><h2>${esc(h.perFile)}</h2><table class="problems"><thead><tr><th>${esc(h.file)}</th><th>${esc(h.schema)}</th>` +
    `<th class="num">${esc(h.rows)}</th><th class="num">${esc(h.errors)}</th><th class="num">${esc(h.warnings)}</th><th class="num">${esc(h.info)}</th><th>${esc(h.status)}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`
  )
}

function byCodeSection(result: ValidateResult): string {
  const parts = result.reports.map((r) => {
    const codes = Object.entries(r.counts).filter(([, n]) => (n ?? 0) > 0)
    if (codes.length === 0) return `<h3>${esc(r.source)}</h3><p class="note">${esc(h.noProblems)}</p>`
    const rows = codes.map(([code, n]) => {
      const severities = SEVERITIES.filter((s) => r.errors.some((e) => e.code === code && e.severity === s))
      return `<tr><td data-label="${esc(h.code)}"><code>${esc(code)}</code></td><td data-label="${esc(h.severity)}">${severities.map(severityCell).join(', ')}</td><td class="num" data-label="${esc(h.count)}">${num(n ?? 0)}</td></tr>`
    })
    return `<h3>${esc(r.source)}</h3><table class="problems"><thead><tr><th>${esc(h.code)}</th><th>${esc(h.severity)}</th><th class="num">${esc(h.count)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  })
  return `<section id="by-code"><h2>${esc(h.byCode)}</h2>${parts.join('')}</section>`
}

function problemRow(report: Report, e: ValidationError): string {
  const file = e.file ?? report.source
  const cells: Array<[string, string]> = [
    [h.severity, severityCell(e.severity)],
    [h.code, `<code>${esc(e.code)}</code>`],
    [h.file, esc(file)],
    [h.line, e.row !== undefined ? esc(e.row) : ''],
    [h.field, esc(e.field ?? '')],
    [h.value, e.value !== undefined ? `<code>${esc(e.value)}</code>` : ''],
    [h.message, esc(e.message)],
    [h.hint, esc(e.hint)],
  ]
  // Paths and values may be long unbroken strings: only those cells break anywhere.
  const long = new Set<string>([h.file, h.value])
  return `<tr data-severity="${esc(e.severity)}">${cells.map(([label, html]) => `<td${long.has(label) ? ' class="long"' : ''} data-label="${esc(label)}">${html}</td>`).join('')}</tr>`
}

function problemsSection(result: ValidateResult): string {
  const kept = result.reports.flatMap((r) => r.errors.map((e) => problemRow(r, e)))
  const total = kept.length
  const notes = result.reports.filter((r) => r.truncated).map((r) => `<p class="note">${esc(h.truncated(r.source, r.errors.length))}</p>`)
  const toggles = SEVERITIES.map(
    (s) => `<label><input type="checkbox" data-severity="${s}" checked> ${severityCell(s)}</label>`,
  ).join('')
  const head = [h.severity, h.code, h.file, h.line, h.field, h.value, h.message, h.hint].map((t) => `<th>${esc(t)}</th>`).join('')
  return (
    `<section id="problems"><h2>${esc(h.problems)}</h2>${notes.join('')}` +
    `<div class="controls"><label for="filter">${esc(h.filter)}</label><input type="search" id="filter" placeholder="${esc(h.filterPlaceholder)}" autocomplete="off">` +
    `${toggles}<span><output id="shown">${total}</output> ${esc(h.shown)} ${esc(h.of)} ${total}</span></div>` +
    `<table class="problems"><thead><tr>${head}</tr></thead><tbody id="problem-rows">${kept.join('')}</tbody></table></section>`
  )
}

export interface HtmlReportOptions {
  /** The CLI's version, printed under the title. */
  version: string
  /** When the report was made. */
  generatedAt: Date
}

/**
 * The result as one self-contained HTML page: inline CSS and script, no request of any kind (its
 * Content-Security-Policy forbids them), every value escaped so hostile cells stay text.
 */
export function renderHtml(result: ValidateResult, options: HtmlReportOptions): string {
  const sum = (pick: (r: Report) => number) => result.reports.reduce((n, r) => n + pick(r), 0)
  const verdict = result.valid ? h.valid : h.invalid
  const totals: Array<[string, number]> = [
    [h.inputs, result.reports.length],
    [h.rows, sum((r) => r.rows)],
    [h.errors, sum((r) => r.severities.error)],
    [h.warnings, sum((r) => r.severities.warning)],
    [h.info, sum((r) => r.severities.info)],
  ]
  const csp = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="referrer" content="no-referrer">
<title>${esc(`${h.title}: ${verdict}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(h.title)}</h1><p class="meta">${esc(h.generated(options.generatedAt.toISOString(), options.version))}</p></header>
<section id="summary" class="summary ${result.valid ? 'ok' : 'bad'}">
<p class="verdict"><strong>${esc(verdict)}</strong> — ${esc(h.verdict(result.valid, result.failOn))}</p>
<dl class="totals">${totals.map(([label, n]) => `<div><dt>${esc(label)}</dt><dd>${num(n)}</dd></div>`).join('')}</dl>
</section>
${filesSection(result)}
${byCodeSection(result)}
${problemsSection(result)}
<script>${SCRIPT}</script>
</body>
</html>
`
}

const same = (a: string, b: string) => {
  if (resolve(a) === resolve(b)) return true
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return false
  }
}

/**
 * Refuses a `--report` path that would overwrite an input or a file the run read, or that cannot be
 * written because its folder is missing. Called before validating (with the inputs) and again
 * before writing (with every file read, such as a package's resources).
 */
export function checkReportPath(reportPath: string, readFiles: string[]): void {
  if (existsSync(reportPath) && statSync(reportPath).isDirectory()) throw new UserError(m.reportIsFolder(reportPath))
  const folder = dirname(reportPath)
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UserError(m.reportFolderMissing(folder))
  for (const file of readFiles) if (same(reportPath, file)) throw new UserError(m.reportIsInput(reportPath))
}

/** Every file a result says it read: the inputs, the tables of packages and feeds, the files of problems. */
export function filesRead(result: ValidateResult): string[] {
  const files = new Set<string>()
  for (const r of result.reports) {
    files.add(r.source)
    const base = dirname(r.source)
    for (const t of r.tables) files.add(t.file).add(join(base, t.file)).add(join(r.source, t.file))
  }
  return [...files]
}
