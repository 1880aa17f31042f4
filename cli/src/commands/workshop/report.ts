import { Args, Flags } from '@oclif/core'
import { BaseCommand } from '../../base-command.js'
import { UserError } from '../../errors.js'
import { msg } from '../../messages/index.js'
import { classReport, findWorkshop, reportCsv, reportHtml, unlockCode, WHOLE_WORKSHOP, type ClassReport } from '../../services/workshop/index.js'
import { writeFileAtomically } from '../../services/write-file.js'
import { renderTable } from '../../ui/table.js'

const m = msg.workshop.report

export type WorkshopReportResult = ClassReport | { workshop: string; codes: { exercise: string; code: string }[] }

export default class WorkshopReport extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  static override strict = false
  static override args = { files: Args.string({ description: m.files }) }
  static override flags = {
    csv: Flags.boolean({ description: m.csv, exclusive: ['json'] }),
    html: Flags.string({ description: m.htmlFile, helpValue: '<file.html>' }),
    codes: Flags.string({ description: m.codes, helpValue: '<workshop>', exclusive: ['csv', 'html'] }),
  }

  async run(): Promise<WorkshopReportResult> {
    const { argv, flags } = await this.parse(WorkshopReport)
    if (flags.codes !== undefined) return this.codes(flags.codes)
    const files = argv.map(String)
    if (files.length === 0) throw new UserError(msg.workshop.errors.noReportInput)
    const report = classReport(files)
    if (flags.html !== undefined) writeFileAtomically(flags.html, reportHtml(report, new Date()))
    if (this.jsonEnabled()) return report
    if (flags.csv) {
      process.stdout.write(reportCsv(report))
      return report
    }
    const lc = m.learnerColumns
    this.log(
      renderTable(report.learners, [
        { header: lc.name, get: (r) => r.name },
        { header: lc.workshop, get: (r) => r.workshop },
        { header: lc.passed, get: (r) => `${r.passed}/${r.total}` },
        { header: lc.stuck, get: (r) => r.stuckOn ?? m.done },
        { header: lc.attempts, get: (r) => (r.stuckOn ? String(r.stuckAttempts) : '') },
        { header: lc.hints, get: (r) => String(r.hintsUsed) },
        { header: lc.solutions, get: (r) => String(r.solutionsShown) },
        { header: lc.minutes, get: (r) => String(r.minutes) },
      ]),
    )
    this.log('')
    const ec = m.exerciseColumns
    this.log(
      renderTable(report.exercises, [
        { header: ec.exercise, get: (r) => `${r.workshop}/${r.exercise}` },
        { header: ec.passed, get: (r) => `${r.passed}/${r.learners}` },
        { header: ec.stuck, get: (r) => String(r.stuck) },
        { header: ec.attempts, get: (r) => String(r.attempts) },
        { header: ec.hints, get: (r) => String(r.hintsUsed) },
        { header: ec.solutions, get: (r) => String(r.solutionsShown) },
        { header: ec.minutes, get: (r) => String(r.medianMinutes) },
      ]),
    )
    if (flags.html !== undefined) {
      this.log('')
      this.log(m.htmlWritten(flags.html))
    }
    return report
  }

  private codes(id: string): WorkshopReportResult {
    const workshop = findWorkshop(id)
    const codes = [...workshop.exercises, WHOLE_WORKSHOP].map((exercise) => ({ exercise, code: unlockCode(workshop, exercise) }))
    if (!this.jsonEnabled()) {
      this.log(m.codesHeading(workshop.title))
      this.log('')
      this.log(
        renderTable(codes, [
          { header: m.codeColumns.exercise, get: (c) => (c.exercise === WHOLE_WORKSHOP ? m.wholeWorkshop : c.exercise) },
          { header: m.codeColumns.code, get: (c) => c.code },
        ]),
      )
    }
    return { workshop: workshop.id, codes }
  }
}
