import type { GtfsNoticeCode } from './gtfs-rules.js'
import type { RuleCode, RuleDeclaration } from './rules/types.js'

/** A Frictionless Table Schema field (the parts the validator reads). */
export interface TableSchemaField {
  name: string
  type?: string
  format?: string
  title?: string
  description?: string
  trueValues?: string[]
  falseValues?: string[]
  decimalChar?: string
  groupChar?: string
  bareNumber?: boolean
  missingValues?: string[]
  constraints?: {
    required?: boolean
    unique?: boolean
    minimum?: number | string
    maximum?: number | string
    minLength?: number
    maxLength?: number
    pattern?: string
    enum?: unknown[]
  }
}

/** A Frictionless foreign key: `reference.resource` "" (or absent) means the same table. */
export interface ForeignKey {
  fields: string | string[]
  reference: { resource?: string; fields: string | string[] }
}

/** A Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/). */
export interface TableSchema {
  fields: TableSchemaField[]
  primaryKey?: string | string[]
  foreignKeys?: ForeignKey[]
  missingValues?: string[]
  /** City rule packs to run on the table (see `compileRules` in rules/index.ts): `[{ "rule": "time-series", … }]`. */
  'thane:rules'?: RuleDeclaration[]
}

/** A CSV dialect; anything not given is sniffed from the file. */
export interface Dialect {
  /** `,` `;` tab or `|`. Default: sniffed from the header line. */
  delimiter?: string
  /** Default `"`. */
  quoteChar?: string
  /** Default true: the first row holds the field names. */
  header?: boolean
}

/** The error codes, named as Frictionless names them so people can look them up; GTFS feeds use MobilityData's notice codes (`GtfsNoticeCode`). */
export type ErrorCode =
  | 'type-error'
  | 'constraint-error'
  | 'missing-cell'
  | 'extra-cell'
  | 'blank-row'
  | 'duplicate-label'
  | 'missing-label'
  | 'extra-label'
  | 'blank-label'
  | 'primary-key'
  | 'unique-error'
  | 'foreign-key'
  | 'encoding-error'
  | 'source-error'
  | 'schema-error'
  | RuleCode
  | GtfsNoticeCode

export type Severity = 'error' | 'warning' | 'info'

/**
 * One problem found in the data.
 *
 * `row` is the physical line of the file where the record starts (the header is line 1), so an
 * editor's "go to line" lands on it even when earlier quoted fields span several lines. It is absent
 * for problems of the whole file (a missing label). `field` is the schema field's name and
 * `fieldNumber` its 1-based column in the file.
 */
export interface ValidationError {
  code: ErrorCode
  severity: Severity
  message: string
  /** What to do about it. */
  hint: string
  file?: string
  /** The Data Package resource the file belongs to, when validating a package. */
  resource?: string
  row?: number
  field?: string
  fieldNumber?: number
  /** The cell as read, cut to 60 characters (with "…" when cut). */
  value?: string
}

/** One table of a report (a package has one a tabular resource). */
export interface TableSummary {
  file: string
  resource?: string
  rows: number
  valid: boolean
}

/**
 * The result of a validation. This is also the shape `thane validate --json` prints for each input,
 * and it only grows by new optional keys.
 */
export interface Report {
  /** True when no problem of severity "error" was found. */
  valid: boolean
  /** The file or datapackage.json validated (as given), or "<text>". */
  source: string
  /** The schema used: a resource name, a built-in name or a file. */
  schemaName?: string
  /** Data rows read (not counting the header or blank rows). */
  rows: number
  /** Every problem found, by code, including those not kept in `errors`. */
  counts: Partial<Record<ErrorCode, number>>
  /** Every problem found, by severity. */
  severities: Record<Severity, number>
  /** The first `maxErrors` problems, in the order found. */
  errors: ValidationError[]
  /** True when more problems were found than kept. */
  truncated: boolean
  /** The tables read (one for a CSV, one a tabular resource for a package). */
  tables: TableSummary[]
}
