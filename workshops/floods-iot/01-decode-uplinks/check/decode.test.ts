import { test } from 'node:test'
import assert from 'node:assert/strict'
import { pathToFileURL } from 'node:url'

interface Reading {
  channel: number
  type: string
  value: number | { x: number; y: number; z: number } | { lat: number; lon: number; alt: number }
}
type Decode = (payload: string, encoding: 'hex' | 'base64') => Reading[]

const exerciseDir = process.env.THANE_EXERCISE_DIR
if (!exerciseDir) throw new Error('THANE_EXERCISE_DIR is not set: run the check with `thane workshop verify`')
const { decodeUplink } = (await import(new URL('decode.ts', pathToFileURL(exerciseDir + '/')).href)) as { decodeUplink: Decode }

function decoded(payload: string, encoding: 'hex' | 'base64'): Reading[] {
  try {
    return decodeUplink(payload, encoding)
  } catch (error) {
    assert.fail(`decodeUplink(${JSON.stringify(payload)}, '${encoding}') threw: ${(error as Error).message}`)
  }
}

test('two temperatures from the Cayenne LPP documentation decode to 27.2 °C and 25.5 °C', () => {
  assert.deepEqual(decoded('03 67 01 10 05 67 00 FF', 'hex'), [
    { channel: 3, type: 'temperature', value: 27.2 },
    { channel: 5, type: 'temperature', value: 25.5 },
  ])
})

test('a negative temperature and an accelerometer read as signed numbers (-4.1 °C; x 1.234 G, y -1.234 G)', () => {
  assert.deepEqual(decoded('0167FFD7067104D2FB2E0000', 'hex'), [
    { channel: 1, type: 'temperature', value: -4.1 },
    { channel: 6, type: 'accelerometer', value: { x: 1.234, y: -1.234, z: 0 } },
  ])
})

test('a GPS record decodes to latitude 42.3519, longitude -87.9094 and altitude 10 m', () => {
  assert.deepEqual(decoded('01 88 06 76 5f f2 96 0a 00 03 e8', 'hex'), [{ channel: 1, type: 'gps', value: { lat: 42.3519, lon: -87.9094, alt: 10 } }])
})

test('a flood gauge uplink in base64 gives its level, temperature, battery, humidity and pressure', () => {
  assert.deepEqual(decoded('AQIBswJnARgDAgFtBGigBXMnfw==', 'base64'), [
    { channel: 1, type: 'analog_input', value: 4.35 },
    { channel: 2, type: 'temperature', value: 28 },
    { channel: 3, type: 'analog_input', value: 3.65 },
    { channel: 4, type: 'humidity', value: 80 },
    { channel: 5, type: 'barometer', value: 1011.1 },
  ])
})

test('analog input is signed: 0xff9c is -1', () => {
  assert.deepEqual(decoded('0102ff9c', 'hex'), [{ channel: 1, type: 'analog_input', value: -1 }])
})

test('digital input, presence, illuminance, analog output, digital output and gyrometer decode too', () => {
  assert.deepEqual(decoded('070001 086600 096501f4 0b03fe0c 0c0101 0a860064ff9c0000', 'hex'), [
    { channel: 7, type: 'digital_input', value: 1 },
    { channel: 8, type: 'presence', value: 0 },
    { channel: 9, type: 'illuminance', value: 500 },
    { channel: 11, type: 'analog_output', value: -5 },
    { channel: 12, type: 'digital_output', value: 1 },
    { channel: 10, type: 'gyrometer', value: { x: 1, y: -1, z: 0 } },
  ])
})

test('an empty payload has no readings', () => {
  assert.deepEqual(decoded('', 'hex'), [])
})

test('an unknown data type (120) is an error that names it', () => {
  assert.throws(() => decodeUplink('017800', 'hex'), (error: Error) => {
    assert.match(error.message, /120/, `expected the message to name data type 120, got: ${error.message}`)
    assert.doesNotMatch(error.message, /not written yet/, 'decodeUplink is not written yet')
    return true
  })
})

test('a payload that ends in the middle of a record is an error that says it is truncated', () => {
  assert.throws(() => decodeUplink('0167011005', 'hex'), (error: Error) => {
    assert.match(error.message, /truncated/i, `expected the message to say "truncated", got: ${error.message}`)
    return true
  })
})
