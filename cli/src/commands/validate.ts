import { Args, Flags } from '@oclif/core'
import { basename } from 'node:path'
import { BaseCommand } from '../base-command.js'
import { UserError } from '../errors.js'
import { msg } from '../messages/index.js'
import { checkReportPath, filesRead, renderHtml } from '../services/validate-html.js'
import { renderJunit } from '../services/validate-junit.js'
import { renderText, validatePaths, type ValidateResult } from '../services/validate.js'
import { writeFileAtomically } from '../services/write-file.js'
import { delayedProgress, progressBar } from '../ui/progress.js'

const m = msg.validate

/** Whether the arguments ask for JSON by `--format json` (oclif itself only knows `--json`). */
function formatIsJson(argv: string[]): boolean {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length
  const args = argv.slice(0, end)
  return args.includes('--format=json') || args.some((a, i) => a === '--format' && args[i + 1] === 'json')
}

export default class Validate extends BaseCommand {
  static override summary = m.summary
  static override description = m.description
  static override examples = [...m.examples]
  static override enableJsonFlag = true
  // Any number of paths: `thane validate a.csv b.csv`.
  static override strict = false
  static override args = {
    paths: Args.string({ description: m.paths, required: true }),
  }
  static override flags = {
    schema: Flags.string({ description: m.schema }),
    'max-errors': Flags.integer({ description: m.maxErrors, default: 1000, min: 1 }),
    'fail-on': Flags.option({ options: ['error', 'warning', 'never'] as const, description: m.failOn, default: 'error' as const })(),
    encoding: Flags.string({ description: m.encoding }),
    // No default, so that --json can tell an explicit --format text from none; text it is.
    format: Flags.option({ options: ['text', 'json', 'junit'] as const, description: m.format })(),
    report: Flags.string({ description: m.report }),
    profile: Flags.option({ options: ['default', 'publish'] as const, description: m.profile })(),
    threads: Flags.integer({ description: m.threads, min: 1 }),
  }

  /** `--format json` prints JSON exactly as `--json` does, errors included. */
  override jsonEnabled(): boolean {
    return super.jsonEnabled() || formatIsJson(this.argv)
  }

  async run(): Promise<ValidateResult> {
    const { argv, flags } = await this.parse(Validate)
    const paths = argv as string[]
    // oclif's own `exclusive` message for this ("--json=true cannot also be provided…") does not say
    // what to do, so the contradiction is checked here.
    if (flags.json && flags.format && flags.format !== 'json') throw new UserError(m.formatConflict(flags.format))
    const format = this.jsonEnabled() ? 'json' : (flags.format ?? 'text')
    if (flags.report) checkReportPath(flags.report, paths)
    // Progress goes to stderr, and only to a terminal: piped output and JSON stay exactly the result.
    const progressStream = format !== 'json' && process.stderr.isTTY ? process.stderr : undefined
    let progress: { file: string; line: ReturnType<typeof delayedProgress> } | undefined
    // Erased before anything else is printed, so no line lands after a half-drawn bar.
    const endProgress = () => {
      progress?.line.finish()
      progress = undefined
    }
    let result: ValidateResult
    try {
      result = await validatePaths({
        paths,
        schema: flags.schema,
        encoding: flags.encoding,
        maxErrors: flags['max-errors'],
        failOn: flags['fail-on'],
        profile: flags.profile,
        threads: flags.threads,
        onChoice: (path, name) => {
          endProgress()
          // JUnit XML owns stdout, so the choice goes to stderr there.
          if (format === 'text') this.log(m.chosen(path, name))
          else if (format === 'junit') this.logToStderr(m.chosen(path, name))
        },
        onProgress: progressStream
          ? (path, done, total) => {
              if (progress?.file !== path) {
                endProgress()
                progress = { file: path, line: delayedProgress(progressStream) }
              }
              const percent = total > 0 ? Math.floor((done / total) * 100) : 0
              progress.line.update(m.progress(basename(path), percent, progressBar(done, total)))
            }
          : undefined,
      })
    } finally {
      endProgress()
    }
    if (flags.report) {
      checkReportPath(flags.report, filesRead(result))
      writeFileAtomically(flags.report, renderHtml(result, { version: this.config.version, generatedAt: new Date() }), m.reportWriteFailed)
    }
    if (format === 'text') this.log(renderText(result))
    else if (format === 'junit') this.log(renderJunit(result))
    if (flags.report && format === 'text') this.log(m.reportWritten(flags.report))
    else if (flags.report && format === 'junit') this.logToStderr(m.reportWritten(flags.report))
    if (!result.valid) this.failCheck()
    return result
  }
}
