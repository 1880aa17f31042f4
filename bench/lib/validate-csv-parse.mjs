// csv-parse streaming, as a user would write it: `ajv` checks each row (bench/lib/validate-ajv.mjs),
// `parse` only reads the records (arrays, no column names).
//   node bench/lib/validate-csv-parse.mjs <file.csv> <schema.json> ajv|parse
import { createReadStream } from 'node:fs'
import { parse } from 'csv-parse'
import { rowChecker } from './validate-ajv.mjs'
import { argsOf, finish, startClock } from './validate-child.mjs'

const { file, rest } = argsOf('bench/lib/validate-csv-parse.mjs <file.csv> <schema.json> ajv|parse')
const mode = rest[0] ?? 'ajv'
const check = mode === 'ajv' ? rowChecker() : undefined

const elapsed = startClock()
let rows = 0
let errors = 0
const records = createReadStream(file).pipe(parse(check ? { columns: true } : { from_line: 2 }))
for await (const record of records) {
  rows++
  if (check) errors += check(record)
}
finish({ rows, errors: check ? errors : undefined, time: elapsed() })
