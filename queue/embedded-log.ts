// The on-disk record format of the embedded queue: an append-only log split into segment files.
// Each record is [u32 body length][u32 crc32 of body][body]; a torn write at the tail (kill -9
// in the middle of an append) fails the length or CRC check and is cut off on open.
import { crc32 } from 'node:zlib'

export const RECORD_PUBLISH = 1
export const RECORD_ACK = 2
export const RECORD_TERM = 3
export const RECORD_DELIVER = 4
/** Remembers an acknowledged message's id (for dedup) after its segment was compacted away. */
export const RECORD_ID = 5

export type LogRecord =
  | { type: typeof RECORD_PUBLISH, seq: number, ts: number, deliveries: number, id: string, data: Uint8Array, dataOffset: number }
  | { type: typeof RECORD_ACK, seq: number }
  | { type: typeof RECORD_TERM, seq: number, reason: string }
  | { type: typeof RECORD_DELIVER, seq: number, deliveries: number }
  | { type: typeof RECORD_ID, seq: number, ts: number, id: string }

const HEADER = 8

function frame (body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER + body.length)
  out.writeUInt32LE(body.length, 0)
  out.writeUInt32LE(crc32(body), 4)
  body.copy(out, HEADER)
  return out
}

/** Encodes a publish record; `dataStart` is where the payload begins inside the returned buffer. */
export function encodePublish (seq: number, ts: number, deliveries: number, id: string, data: Uint8Array): { buf: Buffer, dataStart: number } {
  const idBytes = Buffer.from(id, 'utf8')
  const head = Buffer.allocUnsafe(1 + 8 + 8 + 4 + 2)
  head.writeUInt8(RECORD_PUBLISH, 0)
  head.writeDoubleLE(seq, 1)
  head.writeDoubleLE(ts, 9)
  head.writeUInt32LE(deliveries, 17)
  head.writeUInt16LE(idBytes.length, 21)
  const body = Buffer.concat([head, idBytes, data])
  return { buf: frame(body), dataStart: HEADER + head.length + idBytes.length }
}

export function encodeAck (seq: number): Buffer {
  const body = Buffer.allocUnsafe(9)
  body.writeUInt8(RECORD_ACK, 0)
  body.writeDoubleLE(seq, 1)
  return frame(body)
}

export function encodeTerm (seq: number, reason: string): Buffer {
  const head = Buffer.allocUnsafe(9)
  head.writeUInt8(RECORD_TERM, 0)
  head.writeDoubleLE(seq, 1)
  return frame(Buffer.concat([head, Buffer.from(reason.slice(0, 1024), 'utf8')]))
}

export function encodeDeliver (seq: number, deliveries: number): Buffer {
  const body = Buffer.allocUnsafe(13)
  body.writeUInt8(RECORD_DELIVER, 0)
  body.writeDoubleLE(seq, 1)
  body.writeUInt32LE(deliveries, 9)
  return frame(body)
}

export function encodeId (seq: number, ts: number, id: string): Buffer {
  const head = Buffer.allocUnsafe(17)
  head.writeUInt8(RECORD_ID, 0)
  head.writeDoubleLE(seq, 1)
  head.writeDoubleLE(ts, 9)
  return frame(Buffer.concat([head, Buffer.from(id, 'utf8')]))
}

/**
 * Parses the records of one segment. Stops at the first incomplete or corrupt record and returns
 * its offset as `validLength`, so the caller can cut a torn tail off.
 */
export function parseSegment (buf: Buffer): { records: Array<LogRecord & { offset: number }>, validLength: number } {
  const records: Array<LogRecord & { offset: number }> = []
  let pos = 0
  while (pos + HEADER <= buf.length) {
    const len = buf.readUInt32LE(pos)
    const crc = buf.readUInt32LE(pos + 4)
    const start = pos + HEADER
    if (len < 1 || start + len > buf.length) break
    const body = buf.subarray(start, start + len)
    if (crc32(body) !== crc) break
    const type = body.readUInt8(0)
    const seq = len >= 9 ? body.readDoubleLE(1) : NaN
    if (!Number.isSafeInteger(seq)) break
    if (type === RECORD_PUBLISH && len >= 23) {
      const idLen = body.readUInt16LE(21)
      if (23 + idLen > len) break
      records.push({
        type, seq, offset: pos,
        ts: body.readDoubleLE(9),
        deliveries: body.readUInt32LE(17),
        id: body.toString('utf8', 23, 23 + idLen),
        data: body.subarray(23 + idLen),
        dataOffset: start + 23 + idLen
      })
    } else if (type === RECORD_ACK) {
      records.push({ type, seq, offset: pos })
    } else if (type === RECORD_TERM) {
      records.push({ type, seq, offset: pos, reason: body.toString('utf8', 9) })
    } else if (type === RECORD_DELIVER && len >= 13) {
      records.push({ type, seq, offset: pos, deliveries: body.readUInt32LE(9) })
    } else if (type === RECORD_ID && len >= 17) {
      records.push({ type, seq, offset: pos, ts: body.readDoubleLE(9), id: body.toString('utf8', 17) })
    } else {
      break
    }
    pos = start + len
  }
  return { records, validLength: pos }
}
