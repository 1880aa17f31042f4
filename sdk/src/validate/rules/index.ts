import type { TableSchema } from '../types.js'
import type { CellRule, RuleContext, TableRule } from './types.js'

export type * from './types.js'

/** The rules a schema declares under `"thane:rules"`, compiled for one table scan. */
export interface CompiledRules {
  cellRules: CellRule[]
  tableRules: TableRule[]
}

/**
 * Compiles the rule declarations of `schema` (`"thane:rules"`). Throws a `SchemaError` for an
 * unknown rule or bad options. The rule packs themselves are filled in by the rules slice.
 */
export function compileRules(_schema: TableSchema, _ctx: RuleContext): CompiledRules {
  return { cellRules: [], tableRules: [] }
}
