// A message decoded without some of its nested messages, which stay bytes. The reconciler meets
// the same nested message many times in a batch (the device each of 48 interfaces names, with
// its site, type and role): kept as bytes, a copy it has already seen is recognised by its bytes
// and never decoded again.
import protobuf from 'protobufjs'
import { messageType, TO_OBJECT_OPTIONS } from './codec.ts'
import { forEachField } from './wire.ts'

export interface MessageParts {
  /** Every other field, decoded as decodeMessage() would decode the whole message. */
  decoded: Record<string, unknown>
  /** Kept field name -> the bytes of each value sent, in wire order. A field that is not repeated
   * has at most one: the last, which is the one a decoder keeps. */
  kept: ReadonlyMap<string, Uint8Array[]>
}

const NOTHING_KEPT: ReadonlyMap<string, Uint8Array[]> = new Map()

/** Splits messages of one type, keeping the same fields as bytes. */
export type MessageSplitter = (bytes: Uint8Array) => MessageParts

/** A splitter for the message `typeName`: the message fields named in `keep` as bytes, the rest
 * decoded. It throws an Error naming what does not parse, as decoding would. Made once per type:
 * looking the type up by name cost more than splitting a small message. */
export function messageSplitter (typeName: string, keep: readonly string[]): MessageSplitter {
  const type = messageType(typeName)
  // field number -> [name, repeated]
  const plan = new Map<number, [string, boolean]>()
  for (const name of keep) {
    const f = type.fields[name]
    if (f === undefined) throw new Error(`${type.name} has no field ${name}`)
    if (!(f.resolve().resolvedType instanceof protobuf.Type)) throw new Error(`${type.name}.${name} is not a message field`)
    plan.set(f.id, [name, f.repeated])
  }
  return (bytes) => {
    let kept: Map<string, Uint8Array[]> | undefined
    // Ranges of the other fields, adjacent ones merged: a message with nothing kept is decoded in place.
    const rest: number[] = []
    const ok = forEachField(bytes, 0, bytes.length, (field, start, value, end, wireType) => {
      const p = wireType === 2 ? plan.get(field) : undefined
      if (p === undefined) {
        if (rest.length > 0 && rest[rest.length - 1] === start) rest[rest.length - 1] = end
        else rest.push(start, end)
        return
      }
      kept ??= new Map()
      const sub = bytes.subarray(value, end)
      const list = kept.get(p[0])
      if (list === undefined) kept.set(p[0], [sub])
      else if (p[1]) list.push(sub)
      else list[0] = sub
    })
    if (!ok) throw new Error(`${type.name}: bytes do not parse as a protobuf message`)
    // A Buffer: protobufjs reads strings out of a Buffer natively, out of other arrays in JavaScript.
    let other: Buffer
    if (rest.length === 2 && rest[0] === 0 && rest[1] === bytes.length) other = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    else {
      let n = 0
      for (let i = 0; i < rest.length; i += 2) n += rest[i + 1] - rest[i]
      other = Buffer.allocUnsafe(n)
      let at = 0
      for (let i = 0; i < rest.length; i += 2) { other.set(bytes.subarray(rest[i], rest[i + 1]), at); at += rest[i + 1] - rest[i] }
    }
    return { decoded: type.toObject(type.decode(other), TO_OBJECT_OPTIONS), kept: kept ?? NOTHING_KEPT }
  }
}
