import { ByteRowReader } from './byte-rows.js'
import { compileField, type FieldCheck } from './fields.js'
import { KeyHasher, KeySet } from './keyset.js'
import { castBounds, compileRowValidator, fastCast, numberOf, typeOnlyCheck, valueSlotKind, type FastCast } from './row-schema.js'
import { compileRules, type CellRule, type Profile, type RuleFinding, type RuleValue, type TableRule } from './rules/index.js'
import { asList } from './schema.js'
import type { RangeArrays, RangeResult, RangeTask, WorkerInit } from './parallel.js'
import type { ErrorCode, Severity, TableSchema, ValidationError } from './types.js'

/**
 * The table scan in two halves, so that the first can run on worker threads:
 * - `RowPass` checks each row on its own (structure, cells through the compiled ajv row validator,
 *   the explainer for rejected rows, cell rules) and turns the fields that table-level checks need
 *   into compact data: a 64-bit hash a key, a typed value a rule field;
 * - `TableMerger` takes that data in file order on the main thread: unique, primary and foreign
 *   keys (in `KeySet`s) and table rules.
 * Small files and streams chain them row by row on one thread (`scanTable`). A large plain file is
 * read in byte ranges by `RangeRunner`s, on the main thread and on workers: `ByteRowReader` reads
 * the common rows from bytes into `RowPass.fastRow` and hands the others to `RowPass.row`, and the
 * compact data travels in typed arrays to the merger.
 */

/** A problem without its file and resource (the collector's owner adds them). */
export type Draft = Omit<ValidationError, 'file' | 'resource'>

/** What kind of key a `KeySpec` is. `collect` fills a set for someone's foreign key and reports nothing. */
export type KeyKind = 'unique' | 'primary' | 'collect' | 'foreign'

/** A key the scan computes for each row (serialisable: workers receive it). */
export interface KeySpec {
  kind: KeyKind
  /** Schema field indexes. */
  fields: number[]
  /** Foreign keys: how to name the referenced table and fields in messages. */
  target?: string
  targetFields?: string[]
}

/** Everything a row pass needs, decided on the main thread once the header is read (serialisable). */
export interface TablePlanInput {
  schema: TableSchema
  /** Schema field index → file column (-1 when the header lacks it). */
  columns: number[]
  /** Cells a row should have. */
  width: number
  delimiter: string
  profile: Profile
  keys: KeySpec[]
  /** Schema field indexes whose typed values table rules read, in this order. */
  ruleFields: number[]
}

/** A cell's text for a message: at most 60 characters. */
export const cutValue = (value: string): string => (value.length > 60 ? `${value.slice(0, 59)}…` : value)
const KEY_SEPARATOR = ', '

interface FieldPlan {
  name: string
  col: number
  check: FieldCheck
  missing: Set<string>
  /** Whether a cell is one of the field's missing values (a plain comparison for the usual one). */
  isMissing: (s: string) => boolean
  cast: FastCast | undefined
  required: boolean
  /** The key part of a valid cell: a number when equal numbers mean equal keys, else the key text. */
  keyNumber: ((s: string) => number) | undefined
  keyText: (s: string) => string
  /** A valid cell's value as table rules receive it. */
  ruleValue: (s: string) => RuleValue
  /** Whether the row validator leaves a valid cell's value in `RowPass.slots` (see row-schema.ts `valueSlotKind`). */
  slotted: boolean
  /** Whether the byte reader casts this field's cells itself (see `ByteCast`); set by `RowPass`. */
  byteCast: boolean
}

/**
 * A field whose cells the byte reader (byte-rows.ts) casts straight from the file's bytes, without
 * a string: a number, integer, year or ISO date-time whose only checks are its type, its range and
 * whether it is required, whose only missing value is the empty cell, and whose text nothing else
 * reads (no cell rule, no key shared with another table).
 */
export interface ByteCast {
  field: number
  col: number
  /** row-schema.ts `valueSlotKind`. */
  kind: number
  min: number
  max: number
  /** Whether an empty cell is missing (else it fails the type). */
  emptyMissing: boolean
  required: boolean
  /** Whether a key or a table rule reads the value (else only its type and range count). */
  needed: boolean
}

const NUMERIC_KEY_TYPES = new Set(['integer', 'year', 'number', 'datetime', 'date', 'boolean'])
const NUMERIC_RULE_TYPES = new Set(['integer', 'year', 'number', 'datetime', 'date', 'boolean', 'time'])

function planField(schema: TableSchema, i: number, col: number, pk: Set<string>): FieldPlan {
  const field = schema.fields[i] as (typeof schema.fields)[number]
  const type = field.type ?? 'string'
  const check = compileField(field)
  const typeOnly = typeOnlyCheck(field)
  const cast = fastCast(field)
  const num = numberOf(field, typeOnly, cast)
  const missing = new Set(field.missingValues ?? schema.missingValues ?? [''])
  const only = missing.size === 1 ? ([...missing][0] as string) : undefined
  const keyText = type === 'string' || type === 'any' ? (s: string) => s : (s: string) => {
    const r = typeOnly.check(s)
    return r.ok ? r.key : s
  }
  return {
    name: field.name,
    col,
    check,
    missing,
    isMissing: only !== undefined ? (s) => s === only : missing.size === 0 ? () => false : (s) => missing.has(s),
    cast,
    required: check.required || pk.has(field.name),
    keyNumber: NUMERIC_KEY_TYPES.has(type) ? num : undefined,
    keyText,
    ruleValue: NUMERIC_RULE_TYPES.has(type) && num ? num : (s) => s,
    slotted: cast !== undefined && valueSlotKind(field) !== 0,
    byteCast: false,
  }
}

/** Where a row pass sends what it finds. */
export interface RowOut {
  /** A problem of the row being read (before its `row` call). */
  error(e: Draft): void
  /**
   * One data row's compact data: `hashes` holds two words a key spec ((0, 0) when a key part is
   * missing or invalid), `values` one value a rule field. Both are scratch: copy what you keep.
   */
  row(line: number, hashes: Uint32Array, values: RuleValue[], pass: RowPass): void
}

export class RowPass {
  rows = 0
  /**
   * The file offset of the row being checked when the byte reader read it (one line, so the merger
   * can read it again alone to quote a repeated key), else -1. Set by the reader before each row.
   */
  rowStart = -1
  /** Set once the input held bytes that did not decode: cells with U+FFFD are then reported. */
  badBytes = false
  private readonly fields: FieldPlan[]
  /**
   * The row validators, each compiled when first needed: the byte reader needs only `rest` while
   * every row is a common one, and the streaming path only `full` (compiling ajv code takes 10–30
   * ms a validator, in each thread).
   */
  private readonly validators: { full?: (row: string[]) => boolean; rest?: (row: string[]) => boolean }
  private readonly compileValidator: (omit?: boolean[]) => (row: string[]) => boolean
  private readonly probe: FieldPlan | undefined
  private readonly probeIndex: number
  private readonly width: number
  private readonly delimiter: string
  private readonly keys: KeySpec[]
  private readonly hashes: Uint32Array
  private readonly hasher = new KeyHasher()
  private readonly ruleFields: number[]
  private readonly values: RuleValue[]
  private readonly cellRules: Array<{ rule: CellRule; fields: FieldPlan[] }>
  /** Per field, whether the current row's cell is present and valid. */
  private readonly valid: Uint8Array
  private readonly needed: number[]
  /** Values of slotted fields, written by the row validator; read only for a row it accepted. */
  private readonly slots: Float64Array
  /** Whether the current row passed the row validator (so `slots` holds its values). */
  private accepted = false
  private record: string[] = []
  /** The fields the byte reader casts itself, and the row validator for the other cells of its rows. */
  readonly byteCasts: ByteCast[]

  constructor(plan: TablePlanInput, private out: RowOut) {
    const schema = plan.schema
    const pk = new Set(asList(schema.primaryKey))
    this.fields = schema.fields.map((_, i) => planField(schema, i, plan.columns[i] as number, pk))
    this.width = plan.width
    this.delimiter = plan.delimiter
    this.slots = new Float64Array(this.fields.length)
    // The row validator; without the fields in `omit` for the rows of the byte reader.
    this.compileValidator = (omit?: boolean[]) =>
      compileRowValidator(schema.fields, plan.columns, plan.width, schema.missingValues ?? [''], this.fields.map((f) => f.required), this.fields.map((f) => f.cast), this.slots, omit)
    this.validators = {}
    // The fields whose validity the keys and rules need; the fast path looks at no others.
    this.needed = [...new Set([...plan.keys.flatMap((k) => k.fields), ...plan.ruleFields])].filter((i) => i >= 0)
    this.probeIndex = this.fields.findIndex((f) => f.col >= 0 && f.col < plan.width)
    this.probe = this.fields[this.probeIndex]
    this.keys = plan.keys
    this.hashes = new Uint32Array(plan.keys.length * 2)
    this.ruleFields = plan.ruleFields
    this.values = plan.ruleFields.map(() => undefined)
    this.valid = new Uint8Array(this.fields.length)
    const byName = new Map(this.fields.map((f) => [f.name, f]))
    // Cell rules are stateless, so every thread compiles its own; table rules run on the main thread only.
    const { cellRules } = compileRules(schema, { schema, profile: plan.profile, report: () => undefined })
    this.cellRules = cellRules.map((rule) => ({ rule, fields: rule.fields.map((n) => byName.get(n)).filter((f): f is FieldPlan => f !== undefined) }))

    const textRead = new Set<FieldPlan>(this.cellRules.flatMap((r) => r.fields))
    for (const k of plan.keys) if (k.kind === 'collect' || k.kind === 'foreign') for (const i of k.fields) if (i >= 0) textRead.add(this.fields[i] as FieldPlan)
    this.byteCasts = []
    schema.fields.forEach((field, i) => {
      const f = this.fields[i] as FieldPlan
      const others = Object.keys(field.constraints ?? {}).filter((k) => !['required', 'minimum', 'maximum', 'unique'].includes(k))
      const onlyEmpty = [...f.missing].every((m) => m === '')
      if (!f.slotted || f.col < 0 || f.col >= plan.width || others.length || !onlyEmpty || textRead.has(f)) return
      const [min, max] = castBounds(field)
      f.byteCast = true
      this.byteCasts.push({ field: i, col: f.col, kind: valueSlotKind(field), min, max, emptyMissing: f.missing.has(''), required: f.required, needed: this.needed.includes(i) })
    })
  }

  /** Checks every cell of a record. */
  private validate(record: string[]): boolean {
    return (this.validators.full ??= this.compileValidator())(record)
  }

  /** Checks the cells of a byte-reader row that the reader did not cast itself. */
  private validateRest(record: string[]): boolean {
    return (this.validators.rest ??= this.compileValidator(this.fields.map((f) => f.byteCast)))(record)
  }

  /**
   * Whether the row validator for the byte reader's rows writes no cast value that a key or rule
   * reads (of a cast field the reader does not cast itself): if so, for what is read of it, it
   * only says yes or no, cell by cell, and a row whose text cells all passed it before passes
   * again (`fastRow`'s `known`).
   */
  get restIsPure(): boolean {
    return !this.needed.some((i) => {
      const f = this.fields[i] as FieldPlan
      return !f.byteCast && f.slotted && f.col >= 0 && f.col < this.width
    })
  }

  /** Slots and validity the byte reader writes for the fields it casts (see `fastRow`). */
  get castOut(): { slots: Float64Array; valid: Uint8Array } {
    return { slots: this.slots, valid: this.valid }
  }

  /**
   * One data row from the byte reader, which has already cast the `byteCasts` fields (their values
   * in `slots`, their presence in `valid`, each present and within range) and put the text of every
   * other column in `record`. The rest of the row goes through the row validator compiled without
   * those fields; false (and nothing done) when it rejects the row or the row may be blank, so the
   * reader hands the row to the full path (`row`) instead. `known`: every text cell is one that
   * passed the validator before (only when `restIsPure`), so it is not run.
   */
  fastRow(record: string[], line: number, known = false): boolean {
    const probe = this.probe
    if (!probe || (probe.byteCast ? !this.valid[this.probeIndex] : probe.isMissing(record[probe.col] as string)) || (!known && !this.validateRest(record))) return false
    this.rows++
    this.record = record
    this.accepted = true
    const fields = this.fields
    const needed = this.needed
    for (let j = 0; j < needed.length; j++) {
      const i = needed[j] as number
      const f = fields[i] as FieldPlan
      if (!f.byteCast) this.valid[i] = f.col >= 0 && !f.isMissing(record[f.col] as string) ? 1 : 0
    }
    if (this.cellRules.length) this.runCellRules(record, line)
    this.emit(line)
    return true
  }

  /** Starts a new batch (a worker's next range): rows count from 0 again into `out`. */
  restart(out: RowOut): void {
    this.out = out
    this.rows = 0
    this.badBytes = false
  }

  /** Checks one data record starting on physical line `line`. */
  row(record: string[], line: number): void {
    this.rows++
    this.record = record
    const fields = this.fields
    const probe = this.probe
    if (record.length === this.width && probe && !this.badBytes && !probe.isMissing(record[probe.col] as string) && this.validate(record)) {
      // The fast path: every cell is valid or missing (and may be).
      this.accepted = true
      const needed = this.needed
      for (let j = 0; j < needed.length; j++) {
        const i = needed[j] as number
        const f = fields[i] as FieldPlan
        this.valid[i] = f.col >= 0 && !f.isMissing(record[f.col] as string) ? 1 : 0
      }
    } else {
      this.accepted = false
      if (!this.explain(record, line)) return
    }
    if (this.cellRules.length) this.runCellRules(record, line)
    this.emit(line)
  }

  /** The text of key spec `k` for `record` (a row read again to fill in a worker's key error). */
  describeRecord(record: string[], k: number): string {
    this.record = record
    return this.describe(k)
  }

  /** The text of key spec `k` for the current row, for messages. */
  describe(k: number): string {
    const spec = this.keys[k] as KeySpec
    if (spec.kind === 'unique') {
      const f = this.fields[spec.fields[0] as number] as FieldPlan
      return cutValue(this.record[f.col] ?? '')
    }
    // The cells as written (not their canonical form: a date-time stays a date-time, not epoch seconds).
    return cutValue(spec.fields.map((i) => this.record[(this.fields[i] as FieldPlan).col] ?? '').join(KEY_SEPARATOR))
  }

  private emit(line: number): void {
    const record = this.record
    const hashes = this.hashes
    const hasher = this.hasher
    const slots = this.accepted ? this.slots : undefined
    for (let k = 0; k < this.keys.length; k++) {
      const spec = this.keys[k] as KeySpec
      // Keys shared with other tables hash the key text, so an integer 1 matches a string "1".
      const exact = spec.kind === 'collect' || spec.kind === 'foreign'
      let ok = true
      hasher.start()
      for (let j = 0; j < spec.fields.length; j++) {
        const i = spec.fields[j] as number
        if (!this.valid[i]) {
          ok = false
          break
        }
        const f = this.fields[i] as FieldPlan
        const cell = record[f.col] as string
        if (!exact && f.keyNumber) hasher.number(slots && f.slotted ? (slots[i] as number) : f.keyNumber(cell))
        else hasher.string(f.keyText(cell))
      }
      hashes[2 * k] = ok ? hasher.hi : 0
      hashes[2 * k + 1] = ok ? (hasher.lo === 0 && hasher.hi === 0 ? 1 : hasher.lo) : 0
    }
    for (let r = 0; r < this.ruleFields.length; r++) {
      const i = this.ruleFields[r] as number
      const f = this.fields[i] as FieldPlan
      this.values[r] = !this.valid[i] ? undefined : slots && f.slotted ? slots[i] : f.ruleValue(record[f.col] as string)
    }
    this.out.row(line, hashes, this.values, this)
  }

  private runCellRules(record: string[], line: number): void {
    for (const { rule, fields } of this.cellRules) {
      for (const f of fields) {
        if (f.col < 0 || f.col >= record.length) continue
        const cell = record[f.col] as string
        if (f.missing.has(cell)) continue
        const found = rule.check(cell, f.name)
        if (found) this.out.error(findingToDraft(found, line, f))
      }
    }
  }

  /** The detailed checks of a row the validator rejected; false for a blank row (nothing more to do). */
  private explain(record: string[], at: number): boolean {
    const out = this.out
    const width = this.width
    const fields = this.fields
    this.valid.fill(0)
    if (record.length === 1 && record[0] === '' && width > 1) {
      out.error({ code: 'blank-row', severity: 'error', row: at, message: 'the row is blank', hint: 'delete the empty line' })
      return false
    }
    let blank = true
    for (const f of fields) {
      if (f.col >= 0 && f.col < record.length && !f.missing.has(record[f.col] as string)) {
        blank = false
        break
      }
    }
    if (blank && record.length <= width) {
      out.error({ code: 'blank-row', severity: 'error', row: at, message: 'every cell of the row is empty', hint: 'delete the row, or fill it in' })
      return false
    }
    if (record.length > width) {
      const d = this.delimiter
      out.error({
        code: 'extra-cell',
        severity: 'error',
        row: at,
        fieldNumber: width + 1,
        value: cutValue(record[width] ?? ''),
        message: `the row has ${record.length} cells but the header has ${width}`,
        hint: `remove the extra cells, or quote a value that holds "${d === '\t' ? '\\t' : d}"`,
      })
    }
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i] as FieldPlan
      const col = f.col
      if (col < 0) continue // a missing label, reported once
      if (col >= record.length) {
        out.error({
          code: 'missing-cell',
          severity: 'error',
          row: at,
          field: f.name,
          fieldNumber: col + 1,
          message: `the row ends before "${f.name}" (it has ${record.length} cells, the header ${width})`,
          hint: 'add the missing cells, or check for an unquoted line break in an earlier cell',
        })
        continue
      }
      const cell = record[col] as string
      if (f.missing.has(cell)) {
        if (f.required) {
          out.error({ code: 'constraint-error', severity: 'error', row: at, field: f.name, fieldNumber: col + 1, value: cell, message: `"${f.name}" is required but empty`, hint: `fill in "${f.name}"` })
        }
        continue
      }
      if (this.badBytes && cell.includes('\uFFFD')) {
        out.error({
          code: 'encoding-error',
          severity: 'error',
          row: at,
          field: f.name,
          fieldNumber: col + 1,
          value: cutValue(cell),
          message: "the cell holds bytes that are not valid in the file's encoding",
          hint: 'save the export as UTF-8, or pass --encoding windows-1252 for an Excel export',
        })
      }
      const r = f.check.check(cell)
      if (!r.ok) {
        out.error({ code: r.code, severity: 'error', row: at, field: f.name, fieldNumber: col + 1, value: cutValue(cell), message: r.message, hint: r.hint })
        continue
      }
      this.valid[i] = 1
    }
    return true
  }
}

function findingToDraft(found: RuleFinding, line: number, f?: { name: string; col: number }): Draft {
  const draft: Draft = { ...found, severity: found.severity ?? 'warning', row: found.row ?? line }
  if (f && draft.field === undefined) draft.field = f.name
  if (f && draft.fieldNumber === undefined) draft.fieldNumber = f.col + 1
  return draft
}

/** The key specs of a table: unique fields, the primary key, keys to collect, foreign keys to check. */
export function keySpecsOf(schema: TableSchema, collect: Array<{ fields: string[] }>, foreign: Array<{ fields: string[]; target: string; targetFields: string[] }>): KeySpec[] {
  const index = new Map(schema.fields.map((f, i) => [f.name, i]))
  const idx = (names: string[]) => names.map((n) => index.get(n) ?? -1)
  const specs: KeySpec[] = []
  schema.fields.forEach((f, i) => {
    if (f.constraints?.unique === true) specs.push({ kind: 'unique', fields: [i] })
  })
  const pk = asList(schema.primaryKey)
  if (pk.length) specs.push({ kind: 'primary', fields: idx(pk) })
  for (const c of collect) specs.push({ kind: 'collect', fields: idx(c.fields) })
  for (const fk of foreign) specs.push({ kind: 'foreign', fields: idx(fk.fields), target: fk.target, targetFields: fk.targetFields })
  return specs
}

/** A problem as the merger reports it; `value` may come later (see `TableMerger.pendingValues`). */
export type AddProblem = (e: Draft) => ValidationError | undefined

/**
 * The table-level checks, in file order on the main thread: keys against `KeySet`s, and table
 * rules. `sets[k]` is the set of key spec `k` (shared with another table for collect and foreign).
 */
export class TableMerger {
  /** Key errors whose value text is still to be filled in (rows read by a worker). */
  readonly pendingValues: Array<{ error: ValidationError; line: number; key: number; start: number }> = []
  private line = 0
  private readonly ruleArgs: Array<{ rule: TableRule; slots: number[] }>

  constructor(
    private readonly schema: TableSchema,
    private readonly columns: number[],
    private readonly keys: KeySpec[],
    private readonly sets: KeySet[],
    private readonly add: AddProblem,
    tableRules: TableRule[],
    ruleFields: number[],
  ) {
    const index = new Map(schema.fields.map((f, i) => [f.name, i]))
    this.ruleArgs = tableRules.map((rule) => ({ rule, slots: rule.fields.map((n) => ruleFields.indexOf(index.get(n) ?? -1)) }))
  }

  /** Keeps the reads of `prefetch` from being optimised away. */
  private touched = 0

  /**
   * Touches the key-set slots of the rows whose key words are `hashes[from, to)` (whole rows), so
   * that their cache misses overlap instead of coming one `row` call at a time: the first read of
   * a slot was most of the merge's time (about 140 ms of a 1M-row one-thread profile).
   */
  prefetch(hashes: ArrayLike<number>, from: number, to: number): void {
    const k2 = this.keys.length * 2
    let t = this.touched
    for (let at = from; at < to; at += k2) {
      for (let k = 0; k < k2; k += 2) {
        const hi = hashes[at + k] as number
        const lo = hashes[at + k + 1] as number
        if (hi !== 0 || lo !== 0) t ^= (this.sets[k >> 1] as KeySet).touch(hi, lo)
      }
    }
    this.touched = t
  }

  /** One unique or primary key and nothing else a row: merges may call `addKeys` (see there). */
  get plainKeys(): boolean {
    const spec = this.keys[0]
    return this.keys.length === 1 && spec !== undefined && (spec.kind === 'unique' || spec.kind === 'primary')
  }

  /**
   * For `plainKeys` tables: adds the keys of rows `[from, to)` of a batch (two words a row) until
   * one repeats, and returns that row, for `row` to report, or `to`. A merge's common case in one
   * call instead of a `row` call a row.
   */
  addKeys(hashes: Uint32Array, from: number, to: number): number {
    return (this.sets[0] as KeySet).addRun(hashes, from, to)
  }

  /** The physical line of the row being merged (for rule findings that name none). */
  get currentLine(): number {
    return this.line
  }

  /**
   * One row: `hashes[at + 2k]`, `hashes[at + 2k + 1]` is key `k`. `describe` gives a key's text
   * now; without it (a worker's row) the error is queued in `pendingValues`, with the row's line in
   * its range and its file offset (`RowPass.rowStart`).
   */
  row(line: number, hashes: ArrayLike<number>, at: number, values: ArrayLike<RuleValue> | undefined, describer?: { describe(k: number): string }, relativeLine = line, start = -1): void {
    this.line = line
    const keys = this.keys
    for (let k = 0; k < keys.length; k++) {
      const hi = hashes[at + 2 * k] as number
      const lo = hashes[at + 2 * k + 1] as number
      if (hi === 0 && lo === 0) continue
      const spec = keys[k] as KeySpec
      const set = this.sets[k] as KeySet
      let draft: Draft | undefined
      if (spec.kind === 'collect') set.add(hi, lo)
      else if (spec.kind === 'foreign') {
        if (!set.has(hi, lo)) {
          const names = spec.fields.map((i) => this.schema.fields[i]?.name ?? '')
          draft = {
            code: 'foreign-key',
            severity: 'error',
            row: line,
            field: names.join(', '),
            message: `${names.join(', ')} has no match in ${(spec.targetFields ?? []).join(', ')} of ${spec.target ?? ''}`,
            hint: `use a value that exists in ${spec.target ?? ''}, or add it there first`,
          }
        }
      } else if (set.add(hi, lo)) {
        const names = spec.fields.map((i) => this.schema.fields[i]?.name ?? '')
        if (spec.kind === 'unique') {
          const i = spec.fields[0] as number
          draft = {
            code: 'unique-error',
            severity: 'error',
            row: line,
            field: names[0] as string,
            fieldNumber: (this.columns[i] as number) + 1,
            message: `"${names[0]}" must be unique and this value appears on an earlier row`,
            hint: 'give this row its own value, or remove the duplicate row',
          }
        } else {
          draft = {
            code: 'primary-key',
            severity: 'error',
            row: line,
            field: names.join(', '),
            message: `the primary key (${names.join(', ')}) repeats an earlier row`,
            hint: 'each row needs its own key; remove the duplicate row or correct its key',
          }
        }
      }
      if (draft) {
        if (describer) draft.value = describer.describe(k)
        const kept = this.add(draft)
        if (kept && !describer) this.pendingValues.push({ error: kept, line: relativeLine, key: k, start })
      }
    }
    if (values && this.ruleArgs.length) {
      for (const { rule, slots } of this.ruleArgs) rule.row(line, slots.map((s) => (s >= 0 ? values[s] : undefined)))
    }
  }
}

/** A finding reported by a table rule through its context, as a draft. */
export function ruleFindingDraft(found: RuleFinding, line: number): Draft {
  return findingToDraft(found, line)
}

type RowArray = Uint32Array | Float64Array | Uint8Array
type RowArrayType<T extends RowArray> = { new (n: number): T; new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }

/** A typed array of `n` elements, over shared memory when `shared` (see `RangeRunner`). */
function rowArray<T extends RowArray>(type: RowArrayType<T>, n: number, shared: boolean): T {
  return shared ? new type(new SharedArrayBuffer(n * type.BYTES_PER_ELEMENT)) : new type(n)
}

/** A growable typed array (over shared memory when its first array is). */
class Grow<T extends RowArray> {
  length = 0
  constructor(public data: T) {}
  ensure(extra: number): T {
    if (this.length + extra > this.data.length) this.grow(extra)
    return this.data
  }
  private grow(extra: number): void {
    const shared = this.data.buffer instanceof SharedArrayBuffer
    const bigger = rowArray(this.data.constructor as RowArrayType<T>, Math.max(this.data.length * 2, this.length + extra), shared)
    bigger.set(this.data)
    this.data = bigger
  }
}

/** What a range's rows hand on: problems (at most `maxErrors` kept, all counted) and compact row data in typed arrays. */
class BatchOut implements RowOut {
  rowLines: Grow<Uint32Array>
  rowStarts: Grow<Float64Array>
  hashes: Grow<Uint32Array>
  values: Grow<Float64Array>
  kinds: Grow<Uint8Array>
  strings: string[] = []
  stringIndex = new Map<string, number>()
  errors: Array<{ before: number; draft: Draft }> = []
  dropped = new Map<string, { code: ErrorCode; severity: Severity; n: number }>()

  /** Fills the arrays of an earlier range when given them back; new ones are `shared` or not. */
  constructor(
    reuse: RangeArrays | undefined,
    private readonly keyWords: number,
    private readonly slots: number,
    private readonly maxErrors: number,
    shared: boolean,
  ) {
    this.rowLines = new Grow(reuse?.rowLines ?? rowArray(Uint32Array, 4096, shared))
    this.rowStarts = new Grow(reuse?.rowStarts ?? rowArray(Float64Array, 4096, shared))
    this.hashes = new Grow(reuse?.hashes ?? rowArray(Uint32Array, 4096 * Math.max(1, keyWords), shared))
    this.values = new Grow(reuse?.values ?? rowArray(Float64Array, slots ? 4096 * slots : 1, shared))
    this.kinds = new Grow(reuse?.kinds ?? rowArray(Uint8Array, slots ? 4096 * slots : 1, shared))
  }

  error(e: Draft): void {
    if (this.errors.length < this.maxErrors) this.errors.push({ before: this.rowLines.length, draft: e })
    else {
      const key = `${e.code} ${e.severity}`
      const d = this.dropped.get(key) ?? { code: e.code, severity: e.severity, n: 0 }
      d.n++
      this.dropped.set(key, d)
    }
  }

  row(line: number, hashes: Uint32Array, values: RuleValue[], pass: RowPass): void {
    this.rowLines.ensure(1)[this.rowLines.length++] = line
    this.rowStarts.ensure(1)[this.rowStarts.length++] = pass.rowStart
    const keyWords = this.keyWords
    if (keyWords) {
      // A plain loop: TypedArray.set costs a builtin call for the two or four words of a row.
      const h = this.hashes.ensure(keyWords)
      const at = this.hashes.length
      for (let w = 0; w < keyWords; w++) h[at + w] = hashes[w] as number
      this.hashes.length = at + keyWords
    }
    const slots = this.slots
    if (slots) {
      const v = this.values.ensure(slots)
      const k = this.kinds.ensure(slots)
      for (let s = 0; s < slots; s++) {
        const x = values[s]
        const at = this.values.length + s
        if (typeof x === 'number') {
          v[at] = x
          k[at] = 1
        } else if (typeof x === 'string') {
          let i = this.stringIndex.get(x)
          if (i === undefined) {
            i = this.strings.length
            this.strings.push(x)
            this.stringIndex.set(x, i)
          }
          v[at] = i
          k[at] = 2
        } else k[at] = 0
      }
      this.values.length += slots
      this.kinds.length += slots
    }
  }
}

/**
 * Checks byte ranges of a file with one row pass, compiled once (the ajv row validators, cell
 * rules) and restarted for each range, read by the byte reader. Worker threads run one each; so
 * does the main thread, on ranges of its own (all of them with one thread).
 */
export class RangeRunner {
  private readonly pass: RowPass
  private readonly reader: ByteRowReader
  private readonly keyWords: number
  private readonly slots: number

  /**
   * In a worker, `shared`: a range's arrays are over shared memory, so the main thread reads them
   * without a copy and hands them back to be filled again. (Transferred, they were detached, and
   * the first ArrayBuffer detached in a thread makes V8 throw away all its optimised code that
   * reads typed arrays, so each thread warmed up twice; copied, the copies waited for the garbage
   * collector and took peak memory on 5M rows from 163 to 211 MB.)
   */
  constructor(
    private readonly init: WorkerInit,
    private readonly shared = false,
  ) {
    this.keyWords = init.plan.keys.length * 2
    this.slots = init.plan.ruleFields.length
    this.pass = new RowPass(init.plan, this.out(undefined))
    this.reader = new ByteRowReader(this.pass, init.plan.width, init.plan.delimiter, init.quote, init.maxCellBytes, init.plan.columns)
  }

  private out(reuse: RangeArrays | undefined): BatchOut {
    return new BatchOut(reuse, this.keyWords, this.slots, this.init.maxErrors, this.shared)
  }

  /** Reads `[task.start, task.end)` and returns its result (arrays of `task.reuse` filled again when given). */
  run(task: RangeTask): RangeResult {
    const init = this.init
    const pass = this.pass
    const out = this.out(task.reuse)
    pass.restart(out)
    const scan = this.reader.run(init.path, init.encoding, task.start, task.end, () => (pass.badBytes = true))
    return {
      id: task.id,
      rows: pass.rows,
      lines: scan.lines,
      rowCount: out.rowLines.length,
      rowLines: out.rowLines.data,
      rowStarts: out.rowStarts.data,
      hashes: out.hashes.data,
      values: out.values.data,
      kinds: out.kinds.data,
      strings: out.strings,
      errors: out.errors,
      dropped: [...out.dropped.values()],
      ...(scan.broken ? { broken: scan.broken } : {}),
    }
  }
}
