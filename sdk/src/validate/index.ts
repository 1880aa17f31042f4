/**
 * @thanekit/sdk/validate: the validation engine behind `thane validate`, for any project that
 * checks data in code. Frictionless Table Schemas and Data Packages, streaming CSV in the dialects
 * exports really come in, errors with Frictionless codes.
 *
 * @example
 * import { validatePackage, validateTable } from '@thanekit/sdk/validate'
 * const report = await validatePackage('datasets/grievances/datapackage.json')
 * console.log(report.valid, report.counts)
 */
export { validateTable, readHeader, DEFAULT_MAX_ERRORS, type ValidateTableOptions } from './table.js'
export { validatePackage, type ValidatePackageOptions } from './package.js'
export { checkTableSchema, loadTableSchema, SchemaError } from './schema.js'
export { SourceError, sniffDelimiter } from './source.js'
export { isoDateTime } from './fields.js'
export type * from './types.js'
