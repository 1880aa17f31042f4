/**
 * @thanekit/sdk/validate: the validation engine behind `thane validate`, for any project that
 * checks data in code. Frictionless Table Schemas and Data Packages, streaming CSV in the dialects
 * exports really come in, errors with Frictionless codes; GTFS feeds (zip or folder) with MobilityData's
 * notice codes (https://gtfs-validator.mobilitydata.org/rules.html).
 *
 * @example
 * import { validatePackage, validateTable } from '@thanekit/sdk/validate'
 * const report = await validatePackage('datasets/grievances/datapackage.json')
 * console.log(report.valid, report.counts)
 */
export { validateTable, readHeader, DEFAULT_MAX_ERRORS, type ValidateTableOptions } from './table.js'
export { validatePackage, type ValidatePackageOptions } from './package.js'
export { validateGtfs, GTFS_RULES_URL, type ValidateGtfsOptions, type GtfsNoticeCode } from './gtfs.js'
export { checkTableSchema, loadTableSchema, SchemaError } from './schema.js'
export { SourceError, sniffDelimiter } from './source.js'
export { isoDateTime } from './fields.js'
export { validateRecords, readRecordKeys, recordsFormatOf, sniffRecordsFormat, type ValidateRecordsOptions, type RecordsFormat } from './records.js'
export { inferSchema, DEFAULT_SAMPLE_ROWS, type InferSchemaOptions } from './infer.js'
export {
  compileRules,
  toRuleValue,
  RULE_NAMES,
  QUANTITIES,
  THANE_BOUNDARY,
  verhoeffValid,
  findPersonalData,
  type CompiledRules,
  type CellRule,
  type TableRule,
  type RuleContext,
  type RuleDeclaration,
  type RuleFinding,
  type RuleCode,
  type RuleValue,
  type Profile,
  type Quantity,
  type PersonalDataHit,
} from './rules/index.js'
export {
  validateWithJsonSchema,
  compileJsonSchema,
  CompiledJsonSchema,
  detectSchema,
  loadSchemaFile,
  coerceCell,
  type ValidateWithJsonSchemaOptions,
  type JsonSchemaDraft,
  type DetectedSchema,
  type LoadedSchema,
} from './json-schema.js'
export type * from './types.js'
