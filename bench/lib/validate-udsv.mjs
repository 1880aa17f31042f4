// udsv's incremental parser over a file stream (bounded memory: rows go to a callback, not a buffer).
// `ajv` checks each row as an object of strings (bench/lib/validate-ajv.mjs), `parse` only reads
// string arrays.
//   node bench/lib/validate-udsv.mjs <file.csv> <schema.json> ajv|parse
import { createReadStream } from 'node:fs'
import { inferSchema, initParser } from 'udsv'
import { rowChecker } from './validate-ajv.mjs'
import { argsOf, finish, startClock } from './validate-child.mjs'

const { file, rest } = argsOf('bench/lib/validate-udsv.mjs <file.csv> <schema.json> ajv|parse')
const mode = rest[0] ?? 'ajv'
const check = mode === 'ajv' ? rowChecker() : undefined

const elapsed = startClock()
let rows = 0
let errors = 0
const onRow = check
  ? (row) => {
      rows++
      errors += check(row)
    }
  : () => {
      rows++
    }
let parser
for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
  parser ??= initParser(inferSchema(chunk))
  parser.chunk(chunk, check ? parser.stringObjs : parser.stringArrs, onRow)
}
parser?.end()
finish({ rows, errors: check ? errors : undefined, time: elapsed() })
