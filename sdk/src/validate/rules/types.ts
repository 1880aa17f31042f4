import type { ErrorCode, Severity, TableSchema, ValidationError } from '../types.js'

/**
 * Rule packs: checks beyond one cell's type and constraints, declared in a schema under
 * `"thane:rules"` (a list of `{ "rule": <name>, ...options }`), reported as warnings unless the rule
 * says otherwise.
 *
 * Two kinds, so the table scan can stay fast and run on several threads:
 * - a `CellRule` looks at one cell at a time and keeps no state; it runs inside the row pass (also
 *   in worker threads);
 * - a `TableRule` sees the rows in file order, on the main thread, and may keep bounded state
 *   (per station, say); it reads only the fields it names, already typed.
 */

/** A problem a rule found; the engine fills in file, resource and (when not given) the row. */
export type RuleFinding = Omit<ValidationError, 'file' | 'resource' | 'severity' | 'code'> & {
  code: ErrorCode
  severity?: Severity
}

/** The codes rule packs report (Frictionless has no names for these; ours are kebab-case like theirs). */
export type RuleCode =
  | 'outside-area'
  | 'duplicate-timestamp'
  | 'out-of-order'
  | 'series-gap'
  | 'stuck-value'
  | 'spike'
  | 'meter-decrease'
  | 'out-of-range'
  | 'personal-data'

/**
 * A typed cell value as rules receive it: a number for integer, number, year, boolean (1/0), date
 * (days since 1970-01-01), datetime (epoch seconds) and time (seconds of the day); the text
 * otherwise; undefined when the cell is missing or failed its own check.
 */
export type RuleValue = number | string | undefined

/** Stateless check of one cell of the named fields. Returns a finding or undefined. */
export interface CellRule {
  /** The fields whose cells it checks (schema names). */
  fields: string[]
  /** `value` is the raw cell text (never missing). */
  check(value: string, field: string): RuleFinding | undefined
}

/** A rule that sees every row in file order. */
export interface TableRule {
  /** The fields it reads, in the order `row` receives them. */
  fields: string[]
  /** Called for each data row in file order; `line` is the row's physical line. */
  row(line: number, values: RuleValue[]): void
  /** Called once after the last row: report what is still pending. */
  end(): void
}

export interface RuleContext {
  schema: TableSchema
  /** Reports a finding (severity defaults to the rule's, usually "warning"). */
  report(finding: RuleFinding): void
  /** The validation profile: "publish" turns personal-data findings into errors. */
  profile: Profile
}

/** `default` checks data for use; `publish` also treats personal data as errors (for open-data release). */
export type Profile = 'default' | 'publish'

/** A rule declaration in a schema: `{ "rule": "inside-thane", "fields": ["lat", "long"] }`. */
export interface RuleDeclaration {
  rule: string
  [option: string]: unknown
}
