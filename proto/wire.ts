// Walking protobuf wire bytes without decoding them: where each field of a message starts and
// ends. Enough to slice a message into its fields, hash them or find one field cheaply.

/** Reads a varint at `at`; returns [value, next offset], or undefined past the end. Values above
 * 2^53 lose precision, which only lengths and tags are read for here. */
export function readVarint (b: Uint8Array, at: number): [number, number] | undefined {
  let v = 0
  let mul = 1
  for (let i = at; i < b.length && i < at + 10; i++) {
    v += (b[i] & 0x7f) * mul
    if (b[i] < 0x80) return [v, i + 1]
    mul *= 128
  }
  return undefined
}

/** Visits the fields of the message in b[from, to) as (field number, start of the field (its tag),
 * start of a length-delimited value, end); false when the bytes do not parse. */
export function forEachField (b: Uint8Array, from: number, to: number, visit: (field: number, start: number, value: number, end: number) => void): boolean {
  let at = from
  while (at < to) {
    const tag = readVarint(b, at)
    if (!tag) return false
    const start = at
    at = tag[1]
    let value = at
    switch (tag[0] & 7) {
      case 0: { const v = readVarint(b, at); if (!v) return false; at = v[1]; break }
      case 1: at += 8; break
      case 2: { const len = readVarint(b, at); if (!len) return false; value = len[1]; at = len[1] + len[0]; break }
      case 5: at += 4; break
      default: return false
    }
    if (at > to) return false
    visit(Math.floor(tag[0] / 8), start, value, at)
  }
  return true
}
