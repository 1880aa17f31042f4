// Decodes Cayenne LPP uplinks: a sequence of [channel][data type][value bytes] records.

export type Vector = { x: number; y: number; z: number }
export type Position = { lat: number; lon: number; alt: number }

export interface Reading {
  channel: number
  type: string
  value: number | Vector | Position
}

// One entry a Cayenne LPP data type: its name, how many value bytes follow, and how to read them.
interface DataType {
  name: string
  size: number
  read: (bytes: Uint8Array, at: number) => number | Vector | Position
}

/** A big-endian integer of `size` bytes; signed in two's complement when `signed` is true. */
function int(bytes: Uint8Array, at: number, size: number, signed: boolean): number {
  let value = 0
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] as number)
  const limit = 2 ** (8 * size)
  return signed && value >= limit / 2 ? value - limit : value
}

// Dividing the whole number gives the closest decimal (272 / 10 = 27.2), where multiplying by 0.1 would not.
const scaled = (size: number, signed: boolean, divisor: number) => (bytes: Uint8Array, at: number) => int(bytes, at, size, signed) / divisor

const vector = (divisor: number) => (bytes: Uint8Array, at: number): Vector => ({
  x: int(bytes, at, 2, true) / divisor,
  y: int(bytes, at + 2, 2, true) / divisor,
  z: int(bytes, at + 4, 2, true) / divisor,
})

const TYPES = new Map<number, DataType>([
  [0, { name: 'digital_input', size: 1, read: scaled(1, false, 1) }],
  [1, { name: 'digital_output', size: 1, read: scaled(1, false, 1) }],
  [2, { name: 'analog_input', size: 2, read: scaled(2, true, 100) }],
  [3, { name: 'analog_output', size: 2, read: scaled(2, true, 100) }],
  [101, { name: 'illuminance', size: 2, read: scaled(2, false, 1) }],
  [102, { name: 'presence', size: 1, read: scaled(1, false, 1) }],
  [103, { name: 'temperature', size: 2, read: scaled(2, true, 10) }],
  [104, { name: 'humidity', size: 1, read: scaled(1, false, 2) }],
  [113, { name: 'accelerometer', size: 6, read: vector(1000) }],
  [115, { name: 'barometer', size: 2, read: scaled(2, false, 10) }],
  [134, { name: 'gyrometer', size: 6, read: vector(100) }],
  [
    136,
    {
      name: 'gps',
      size: 9,
      read: (bytes, at) => ({
        lat: int(bytes, at, 3, true) / 10_000,
        lon: int(bytes, at + 3, 3, true) / 10_000,
        alt: int(bytes, at + 6, 3, true) / 100,
      }),
    },
  ],
])

/** The bytes of a payload written as hex (spaces allowed) or base64. */
export function payloadBytes(payload: string, encoding: 'hex' | 'base64'): Uint8Array {
  if (encoding === 'hex') {
    const hex = payload.replace(/\s+/g, '')
    if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new Error(`not a hex payload: ${JSON.stringify(payload)}`)
    return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16))
  }
  return new Uint8Array(Buffer.from(payload, 'base64'))
}

/** Every reading of a Cayenne LPP uplink, in the order the sensor sent them. */
export function decodeUplink(payload: string, encoding: 'hex' | 'base64'): Reading[] {
  const bytes = payloadBytes(payload, encoding)
  const readings: Reading[] = []
  let at = 0
  while (at < bytes.length) {
    if (at + 2 > bytes.length) throw new Error(`payload truncated at byte ${at}: a record needs a channel and a data type`)
    const channel = bytes[at] as number
    const code = bytes[at + 1] as number
    const type = TYPES.get(code)
    if (!type) throw new Error(`unknown data type ${code} on channel ${channel} at byte ${at + 1}`)
    if (at + 2 + type.size > bytes.length) {
      throw new Error(`payload truncated at byte ${at}: ${type.name} needs ${type.size} bytes, ${bytes.length - at - 2} left`)
    }
    readings.push({ channel, type: type.name, value: type.read(bytes, at + 2) })
    at += 2 + type.size
  }
  return readings
}

// `node decode.ts 03670110056700ff` decodes a payload given on the command line.
if (import.meta.main) {
  const payload = process.argv[2] ?? '01 02 01 b3 02 67 01 18 03 02 01 6d'
  const encoding = /^[0-9a-f\s]+$/i.test(payload) ? 'hex' : 'base64'
  console.log(decodeUplink(payload, encoding))
}
