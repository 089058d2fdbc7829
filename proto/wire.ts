// Walking protobuf wire bytes without decoding them: where each field of a message starts and
// ends. Enough to slice a message into its fields, hash them or find one field cheaply.

/** Where the last varint() stopped. Module state instead of a returned pair: the walker reads two
 * varints per field of every entity of every request, and a pair each was most of what a walk
 * allocated. */
let varintEnd = 0

/** The varint at `at`, or -1 when it runs past `to` or ten bytes. Values above 2^53 lose
 * precision, which only lengths, tags and timestamps are read for here. */
function varint (b: Uint8Array, at: number, to: number): number {
  let v = 0
  let mul = 1
  const stop = Math.min(to, at + 10)
  for (let i = at; i < stop; i++) {
    const byte = b[i]
    v += (byte & 0x7f) * mul
    if (byte < 0x80) { varintEnd = i + 1; return v }
    mul *= 128
  }
  return -1
}

/** Visits the fields of the message in b[from, to) as (field number, start of the field (its tag),
 * start of a length-delimited value (else of the value), end, wire type); false when the bytes do
 * not parse. */
export function forEachField (b: Uint8Array, from: number, to: number, visit: (field: number, start: number, value: number, end: number, wireType: number) => void): boolean {
  let at = from
  while (at < to) {
    const start = at
    const tag = varint(b, at, to)
    if (tag < 0) return false
    at = varintEnd
    let value = at
    switch (tag & 7) {
      case 0: if (varint(b, at, to) < 0) return false; at = varintEnd; break
      case 1: at += 8; break
      case 2: { const len = varint(b, at, to); if (len < 0) return false; value = varintEnd; at = value + len; break }
      case 5: at += 4; break
      default: return false
    }
    if (at > to) return false
    visit(Math.floor(tag / 8), start, value, at, tag & 7)
  }
  return true
}

/** The varint fields 1 and 2 of the message in b[from, to), as google.protobuf.Timestamp keeps
 * seconds and nanos (0 when absent); undefined when it does not parse or a value is negative (a
 * ten-byte two's complement a double cannot hold exactly: leave those to protobufjs). */
export function readTimestamp (b: Uint8Array, from: number, to: number): { seconds: number, nanos: number } | undefined {
  let seconds = 0
  let nanos = 0
  let exact = true
  const parsed = forEachField(b, from, to, (field, _start, value, end, wireType) => {
    if (wireType !== 0 || (field !== 1 && field !== 2)) return
    const v = varint(b, value, end)
    if (v > Number.MAX_SAFE_INTEGER) exact = false
    else if (field === 1) seconds = v
    else nanos = v
  })
  return parsed && exact ? { seconds, nanos } : undefined
}
