// The few BER rules SNMPv2c needs (X.690): tag-length-value with definite lengths, INTEGER in
// two's complement, OID in base-128. Enough for the lab's responder; the agent itself uses
// net-snmp.

export interface Tlv { tag: number, value: Buffer, end: number }

export function readTlv (buf: Buffer, offset: number): Tlv {
  if (offset + 2 > buf.length) throw new RangeError('truncated BER element')
  const tag = buf[offset]
  let len = buf[offset + 1]
  let p = offset + 2
  if (len & 0x80) {
    const n = len & 0x7f
    if (n === 0 || n > 4 || p + n > buf.length) throw new RangeError('unsupported BER length')
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]
    p += n
  }
  if (p + len > buf.length) throw new RangeError('truncated BER value')
  return { tag, value: buf.subarray(p, p + len), end: p + len }
}

/** Reads all TLVs inside a constructed value. */
export function readChildren (value: Buffer): Tlv[] {
  const out: Tlv[] = []
  for (let p = 0; p < value.length;) {
    const t = readTlv(value, p)
    out.push(t)
    p = t.end
  }
  return out
}

export function decodeInteger (value: Buffer): number {
  if (value.length === 0 || value.length > 6) throw new RangeError('unsupported INTEGER size')
  return value.readIntBE(0, value.length)
}

export function decodeOid (value: Buffer): number[] {
  if (value.length === 0) throw new RangeError('empty OID')
  const out: number[] = []
  let n = 0
  for (const b of value) {
    n = n * 128 + (b & 0x7f)
    if (!(b & 0x80)) { out.push(n); n = 0 }
  }
  const first = out.shift() ?? 0
  return [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40, ...out]
}

function encodeLength (len: number): Buffer {
  if (len < 0x80) return Buffer.from([len])
  const bytes: number[] = []
  for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export function tlv (tag: number, value: Buffer | Buffer[]): Buffer {
  const v = Array.isArray(value) ? Buffer.concat(value) : value
  return Buffer.concat([Buffer.from([tag]), encodeLength(v.length), v])
}

/** Signed INTEGER (tag 0x02) or, with unsigned=true, the application types Counter/Gauge/TimeTicks. */
export function encodeInteger (n: number | bigint, tag = 0x02, unsigned = false): Buffer {
  let v = BigInt(n)
  const bytes: number[] = []
  if (unsigned || v >= 0n) {
    do { bytes.unshift(Number(v & 0xffn)); v >>= 8n } while (v > 0n)
    if (bytes[0] & 0x80) bytes.unshift(0)
  } else {
    do { bytes.unshift(Number(v & 0xffn)); v >>= 8n } while (v < -1n || (bytes[0] & 0x80) === 0)
  }
  return tlv(tag, Buffer.from(bytes))
}

export function encodeOid (oid: readonly number[]): Buffer {
  const bytes: number[] = []
  const arcs = [oid[0] * 40 + oid[1], ...oid.slice(2)]
  for (const arc of arcs) {
    const chunk: number[] = [arc & 0x7f]
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) chunk.unshift((n & 0x7f) | 0x80)
    bytes.push(...chunk)
  }
  return tlv(0x06, Buffer.from(bytes))
}
