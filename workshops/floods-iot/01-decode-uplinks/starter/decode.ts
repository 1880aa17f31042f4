// Decodes Cayenne LPP uplinks: a sequence of [channel][data type][value bytes] records.
// Read README.md first: it lists every data type, its size and its resolution.

export type Vector = { x: number; y: number; z: number }
export type Position = { lat: number; lon: number; alt: number }

export interface Reading {
  channel: number
  type: string
  value: number | Vector | Position
}

/** The bytes of a payload written as hex (spaces allowed) or base64. */
export function payloadBytes(payload: string, encoding: 'hex' | 'base64'): Uint8Array {
  // TODO: hex: drop the spaces, then every two characters are one byte (parseInt(pair, 16)).
  // TODO: base64: Buffer.from(payload, 'base64') gives the bytes.
  throw new Error('not written yet')
}

/** Every reading of a Cayenne LPP uplink, in the order the sensor sent them. */
export function decodeUplink(payload: string, encoding: 'hex' | 'base64'): Reading[] {
  const bytes = payloadBytes(payload, encoding)
  const readings: Reading[] = []
  // TODO: walk through the bytes: channel, data type, then as many value bytes as the type takes.
  // TODO: turn the value bytes into a number (big-endian; signed types use two's complement) and
  //       divide by the type's resolution, e.g. a temperature of 0x0110 = 272 is 27.2 °C.
  // TODO: throw an Error for an unknown data type, and for a payload that ends inside a record.
  throw new Error('not written yet')
}

// `node decode.ts 03670110056700ff` decodes a payload given on the command line.
if (import.meta.main) {
  const payload = process.argv[2] ?? '01 02 01 b3 02 67 01 18 03 02 01 6d'
  const encoding = /^[0-9a-f\s]+$/i.test(payload) ? 'hex' : 'base64'
  console.log(decodeUplink(payload, encoding))
}
