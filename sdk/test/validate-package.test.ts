import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SchemaError, SourceError, validatePackage } from '../src/validate/index.js'
import { statSync, writeFileSync } from 'node:fs'
import { BROKEN_REQUESTS_EXPECTED, GRIEVANCES, brokenPackage, sampleRows } from './fixtures/validate/broken.js'

describe('validatePackage', () => {
  it('validatePackage: the bundled grievances package is valid, every row read', async () => {
    const report = await validatePackage(join(GRIEVANCES, 'datapackage.json'))
    expect(report.counts).toEqual({})
    expect(report.valid).toBe(true)
    expect(report.tables.map((t) => [t.resource, t.rows, t.valid])).toEqual([
      ['services', 16, true],
      ['requests', 5000, true],
    ])
    expect(report.rows).toBe(5016)
  })

  it('validatePackage: onProgress rises over all the files of the package and ends at their whole size', async () => {
    const calls: Array<[number, number]> = []
    await validatePackage(join(GRIEVANCES, 'datapackage.json'), { onProgress: (done, total) => calls.push([done, total]) })
    const size = statSync(join(GRIEVANCES, 'services.csv')).size + statSync(join(GRIEVANCES, 'requests.csv')).size
    expect(calls.length).toBeGreaterThan(0)
    expect(calls.every(([, total]) => total === size)).toBe(true)
    expect(calls.every(([done], i) => i === 0 || done >= (calls[i - 1] as [number, number])[0])).toBe(true)
    expect(calls.at(-1)).toEqual([size, size])
  })

  it('validatePackage: a broken copy gives exactly the expected codes on the expected physical lines', async () => {
    const { datapackage, requests } = brokenPackage()
    const report = await validatePackage(datapackage)
    expect(report.valid).toBe(false)
    expect(report.errors.map((e) => `${e.code} ${e.row}`)).toEqual(BROKEN_REQUESTS_EXPECTED)
    expect(report.errors.every((e) => e.file === requests && e.resource === 'requests' && e.severity === 'error')).toBe(true)
    const { header } = sampleRows('requests.csv', 1)
    expect(report.errors.filter((e) => e.code === 'missing-cell').map((e) => e.field)).toEqual(header.slice(10))
    expect(report.counts).toEqual({
      'type-error': 1,
      'constraint-error': 1,
      'foreign-key': 1,
      'unique-error': 1,
      'primary-key': 1,
      'missing-cell': 11,
      'blank-row': 1,
    })
    expect(report.tables.map((t) => [t.resource, t.valid])).toEqual([
      ['services', true],
      ['requests', false],
    ])
  })

  it('validatePackage: each problem names its field, cuts its value and says how to fix it', async () => {
    const report = await validatePackage(brokenPackage().datapackage)
    const fk = report.errors.find((e) => e.code === 'foreign-key')
    expect(fk).toMatchObject({
      field: 'service_code',
      value: 'NO_SUCH_SERVICE',
      message: 'service_code has no match in service_code of services (services.csv)',
      hint: 'use a value that exists in services (services.csv), or add it there first',
    })
    const date = report.errors.find((e) => e.code === 'type-error')
    expect(date).toMatchObject({ field: 'requested_datetime', value: '2026-02-30T10:00:00+05:30', message: 'not a valid datetime for "requested_datetime"' })
    expect(report.errors.find((e) => e.code === 'constraint-error')).toMatchObject({ field: 'lat', value: '19.9', message: '"lat" is above its maximum 19.295' })
  })

  it('validatePackage: maxErrors bounds the kept problems while the counts still count them all', async () => {
    const report = await validatePackage(brokenPackage().datapackage, { maxErrors: 3 })
    expect(report.errors).toHaveLength(3)
    expect(report.truncated).toBe(true)
    expect(Object.values(report.counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(BROKEN_REQUESTS_EXPECTED.length)
    expect(report.severities.error).toBe(BROKEN_REQUESTS_EXPECTED.length)
  })

  it('validatePackage: a resource file that is missing is a source-error of that resource, the others are still checked', async () => {
    const { dir, datapackage } = brokenPackage()
    writeFileSync(join(dir, 'requests.csv'), '')
    const report = await validatePackage(datapackage)
    expect(report.errors.map((e) => [e.code, e.resource])).toEqual([['source-error', 'requests']])
    expect(report.errors[0]?.message).toMatch(/requests\.csv is empty/)
    expect(report.tables[0]).toMatchObject({ resource: 'services', rows: 16, valid: true })
  })

  it('validatePackage: a missing datapackage.json is a SourceError and one that is not JSON a SchemaError', async () => {
    await expect(validatePackage('/no/such/datapackage.json')).rejects.toBeInstanceOf(SourceError)
    const { dir, datapackage } = brokenPackage()
    writeFileSync(datapackage, '{ "resources": [')
    await expect(validatePackage(datapackage)).rejects.toBeInstanceOf(SchemaError)
    await expect(validatePackage(dir)).rejects.toThrow(/is a folder/)
    await expect(validatePackage(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json does not exist; check the path$/)
  })

  it('validatePackage: a foreign key into its own table is checked against every row of the table', async () => {
    const { dir, datapackage } = brokenPackage()
    const pkg = {
      resources: [
        {
          name: 'wards',
          path: 'wards.csv',
          schema: {
            fields: [{ name: 'id', type: 'integer' }, { name: 'parent', type: 'integer' }],
            primaryKey: 'id',
            foreignKeys: [{ fields: 'parent', reference: { resource: '', fields: 'id' } }],
          },
        },
      ],
    }
    writeFileSync(datapackage, JSON.stringify(pkg))
    // Line 2 points forward to 3 (fine), line 4 to 9, which no row has.
    writeFileSync(join(dir, 'wards.csv'), 'id,parent\n1,3\n2,\n3,9\n')
    const report = await validatePackage(datapackage)
    expect(report.errors).toMatchObject([{ code: 'foreign-key', row: 4, field: 'parent', value: '9', resource: 'wards' }])
  })

  it('validatePackage: a foreign key to a resource the package does not have is a SchemaError', async () => {
    const { dir, datapackage } = brokenPackage()
    const pkg = { resources: [{ name: 'a', path: 'a.csv', schema: { fields: [{ name: 'x' }], foreignKeys: [{ fields: 'x', reference: { resource: 'b', fields: 'x' } }] } }] }
    writeFileSync(datapackage, JSON.stringify(pkg))
    writeFileSync(join(dir, 'a.csv'), 'x\n1\n')
    await expect(validatePackage(datapackage)).rejects.toThrow(/references "b", which is not a tabular resource of the package/)
  })
})
