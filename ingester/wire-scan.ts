// A schema-driven walk over protobuf wire bytes that checks what validation needs (well-formed
// framing, string lengths, which Entity member is set, timestamps) without building objects.
// Decoding 1,000 entities into protobufjs objects and walking them cost several ms per request;
// this reads the same facts straight from the bytes, which is what lets the ingester keep up with
// JetStream.
//
// The walk is the ingester's hottest loop (a 1,000-entity request holds some 20,000 fields in
// 10,000 nested messages), so it allocates nothing: field tables are arrays indexed by field
// number, the cursor is a local, one- and two-byte varints (nearly every tag and length) are read
// inline, and the dotted path of a field is only joined when a check fails (issue 3).
import protobuf from 'protobufjs'

/** What a field number means to the walk. */
export const KIND_UNKNOWN = 0
/** A string: length-delimited, bounded in characters. */
export const KIND_STRING = 1
/** A nested message (or map entry): length-delimited, walked in turn. */
export const KIND_MESSAGE = 2
/** Any other scalar: must arrive with its type's wire type (repeated ones may also come packed). */
export const KIND_SCALAR = 3

export interface CompiledMessage {
  name: string
  /** Length of the tables below: the highest declared field number + 1. */
  size: number
  /** KIND_* by field number; numbers past the end are unknown fields. */
  kinds: Uint8Array
  /** For KIND_SCALAR: the wire type its type needs. */
  wires: Uint8Array
  /** For KIND_SCALAR: 1 when the field is repeated, so it may also come packed (wire type 2). */
  packable: Uint8Array
  /** Field names by number, for error messages. */
  names: string[]
  /** For KIND_MESSAGE: the field's message type (map entries: fields 1 = key, 2 = value). */
  messages: Array<CompiledMessage | undefined>
}

const cache = new Map<protobuf.Type, CompiledMessage>()

// protobufjs decodes a scalar by its declared type whatever the wire says, so a mismatch would
// misread the rest of the message in the reconciler; refuse it here instead.
const SCALAR_WIRE: Record<string, number> = {
  double: 1, fixed64: 1, sfixed64: 1, float: 5, fixed32: 5, sfixed32: 5, bytes: 2, string: 2,
  int32: 0, int64: 0, uint32: 0, uint64: 0, sint32: 0, sint64: 0, bool: 0
}

interface FieldSpec { id: number, name: string, kind: number, wire?: number, repeated?: boolean, message?: CompiledMessage }

function scalarSpec (id: number, name: string, type: string, isEnum: boolean, repeated: boolean): FieldSpec {
  if (type === 'string') return { id, name, kind: KIND_STRING }
  const wire = isEnum ? 0 : SCALAR_WIRE[type]
  return wire === undefined ? { id, name, kind: KIND_UNKNOWN } : { id, name, kind: KIND_SCALAR, wire, repeated }
}

function table (compiled: CompiledMessage, specs: FieldSpec[]): CompiledMessage {
  const size = Math.max(0, ...specs.map((s) => s.id)) + 1
  compiled.size = size
  compiled.kinds = new Uint8Array(size)
  compiled.wires = new Uint8Array(size)
  compiled.packable = new Uint8Array(size)
  compiled.names = Array.from({ length: size }, () => '')
  compiled.messages = Array.from({ length: size }, () => undefined)
  for (const s of specs) {
    compiled.kinds[s.id] = s.kind
    compiled.wires[s.id] = s.wire ?? 0
    compiled.packable[s.id] = s.repeated === true ? 1 : 0
    compiled.names[s.id] = s.name
    compiled.messages[s.id] = s.message
  }
  return compiled
}

function empty (name: string): CompiledMessage {
  return { name, size: 0, kinds: new Uint8Array(0), wires: new Uint8Array(0), packable: new Uint8Array(0), names: [], messages: [] }
}

/** Compiles (once per type) the field table of `type` and everything it refers to. */
export function compile (type: protobuf.Type): CompiledMessage {
  const known = cache.get(type)
  if (known) return known
  const compiled = empty(type.fullName)
  cache.set(type, compiled)
  const specs: FieldSpec[] = []
  for (const f of type.fieldsArray) {
    f.resolve()
    if (f instanceof protobuf.MapField) {
      const value: FieldSpec = f.resolvedType instanceof protobuf.Type
        ? { id: 2, name: 'value', kind: KIND_MESSAGE, message: compile(f.resolvedType) }
        : scalarSpec(2, 'value', f.type, f.resolvedType instanceof protobuf.Enum, false)
      const entry = table(empty(`${type.fullName}.${f.name}Entry`), [scalarSpec(1, 'key', f.keyType, false, false), value])
      specs.push({ id: f.id, name: f.name, kind: KIND_MESSAGE, message: entry })
    } else if (f.resolvedType instanceof protobuf.Type) {
      specs.push({ id: f.id, name: f.name, kind: KIND_MESSAGE, message: compile(f.resolvedType) })
    } else {
      specs.push(scalarSpec(f.id, f.name, f.type, f.resolvedType instanceof protobuf.Enum, f.repeated))
    }
  }
  return table(compiled, specs)
}

/** Thrown for bytes that are not a well-formed message; the caller adds the request context. */
export class WireError extends Error {
  override name = 'WireError'
}

/**
 * Where the last readVarint() or skipField() stopped, and the payload start of a length-delimited
 * field skipped by skipField(). Module state instead of a returned object keeps readers
 * allocation-free; every call sets it before returning.
 */
export const cursor = { pos: 0, start: 0 }

/**
 * Reads the varint at `pos` (exact below 2^53, which covers lengths, tags and timestamps) and
 * leaves cursor.pos after it. `end` bounds the enclosing message.
 */
export function readVarint (buf: Uint8Array, pos: number, end: number): number {
  // One and two bytes inline (small enough for the compiler to inline this function).
  if (pos + 1 < end) {
    const b = buf[pos]!
    if (b < 0x80) {
      cursor.pos = pos + 1
      return b
    }
    const c = buf[pos + 1]!
    if (c < 0x80) {
      cursor.pos = pos + 2
      return (b & 0x7f) | (c << 7)
    }
  }
  return readLongVarint(buf, pos, end)
}

function readLongVarint (buf: Uint8Array, pos: number, end: number): number {
  let result = 0
  let scale = 1
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw truncated(pos)
    const b = buf[pos++]!
    result += (b & 0x7f) * scale
    if (b < 0x80) {
      cursor.pos = pos
      return result
    }
    scale *= 128
  }
  throw tooLong(pos)
}

/**
 * Skips the value of a field of `wireType` starting at `pos` and returns the position after it;
 * for a length-delimited field cursor.start is where its payload starts.
 */
export function skipField (buf: Uint8Array, pos: number, end: number, wireType: number): number {
  let len: number
  switch (wireType) {
    case 0:
      readVarint(buf, pos, end)
      return cursor.pos
    case 1: len = 8; break
    case 5: len = 4; break
    case 2:
      len = readVarint(buf, pos, end)
      pos = cursor.pos
      break
    default: throw badWire(wireType, pos)
  }
  if (len > end - pos) throw pastEnd(pos, len, end)
  cursor.start = pos
  return pos + len
}

const utf8 = new TextDecoder('utf-8')

/** The string in [start, end). */
export function readString (buf: Uint8Array, start: number, end: number): string {
  return utf8.decode(buf.subarray(start, end))
}

/** The walk's settings for one scanMessage() call; module state so the walk passes none around. */
const unset = (message: string): never => { throw new Error(message) }
const scan = {
  maxString: 0,
  maxDepth: 0,
  fail: unset,
  /** Name of the message scanMessage() was given (the first element of every path). */
  root: ''
}

// The walk's stack of enclosing messages, kept across calls: where each ends, its type, and the
// field number that led into the next level (for the dotted path of an error). A loop over an
// explicit stack instead of a call per nested message: the call was most of the walk's time.
let stackEnds = new Int32Array(64)
let stackFields = new Uint32Array(64)
let stackTypes: CompiledMessage[] = []

// Error messages are built in functions of their own, never in the walk: a template literal there
// made the compiler box the cursor into a heap number on every field, taken or not (350 KB of
// garbage per 1,000-entity request).
function fieldZero (p: number): WireError { return new WireError(`field number 0 at byte ${p}`) }
function tooLong (p: number): WireError { return new WireError(`varint longer than 10 bytes at byte ${p}`) }
function truncated (p: number): WireError { return new WireError(`truncated varint at byte ${p}`) }
function badWire (wireType: number, p: number): WireError { return new WireError(`wire type ${wireType} at byte ${p} is not valid in proto3`) }
function pastEnd (p: number, len: number, e: number): WireError { return new WireError(`field at byte ${p} runs ${len - (e - p)} bytes past the end of its message`) }
function failWire (sp: number, type: CompiledMessage, number: number, wireType: number): never { return scan.fail(`${pathTo(sp, type, number)} has wire type ${wireType}; its type needs ${type.wires[number]}`) }
function failDelimited (sp: number, type: CompiledMessage, number: number, wireType: number, kind: number): never { return scan.fail(`${pathTo(sp, type, number)} has wire type ${wireType}; a ${kind === KIND_STRING ? 'string' : 'message'} is length-delimited (2)`) }
function failLong (sp: number, type: CompiledMessage, number: number, length: number): never { return scan.fail(`${pathTo(sp, type, number)} is ${length} characters; the limit is ${scan.maxString}`) }
function failDeep (sp: number, type: CompiledMessage): never { return scan.fail(`${pathTo(sp, type)} is nested more than ${scan.maxDepth} levels deep`) }

/** Any number past the field tables (which stop at the highest declared field number). */
const UNKNOWN_FIELD = 0x20000000

function pathTo (sp: number, type: CompiledMessage, number?: number): string {
  let path = scan.root
  for (let k = 0; k < sp; k++) path += `.${stackTypes[k]!.names[stackFields[k]!]}`
  return number === undefined ? path : `${path}.${type.names[number]}`
}

/**
 * Walks the message in [start, end) checking every string against `maxString` (characters) and
 * the nesting against `maxDepth`. `path` names the message; `fail` must throw.
 */
export function scanMessage (buf: Uint8Array, start: number, end: number, type: CompiledMessage, path: string, depth: number,
  limits: { maxString: number, maxDepth: number }, fail: (message: string) => never): void {
  scan.maxString = limits.maxString
  scan.maxDepth = limits.maxDepth
  scan.fail = fail
  scan.root = path
  if (end > 0x7fffffff) throw new WireError(`message of ${end} bytes is beyond the 2 GiB a position can hold`)
  if (stackEnds.length <= limits.maxDepth + 1) {
    stackEnds = new Int32Array(limits.maxDepth + 2)
    stackFields = new Uint32Array(limits.maxDepth + 2)
  }
  try {
    walk(buf, start, end, type, depth)
  } finally {
    // Let go of the caller's callback: it may hold the request's bytes until the next call.
    scan.fail = unset
  }
}

function walk (buf: Uint8Array, start: number, end: number, root: CompiledMessage, rootDepth: number): void {
  const maxString = scan.maxString
  const maxDepth = scan.maxDepth
  let type = root
  let kinds = type.kinds
  let known = type.size
  let depth = rootDepth
  let sp = 0
  let e = end
  let p = start
  if (depth > maxDepth) failDeep(sp, type)
  for (;;) {
    if (p >= e) {
      // End of this message: back to the enclosing one, which goes on right after it.
      if (sp === 0) return
      sp--
      e = stackEnds[sp]!
      type = stackTypes[sp]!
      kinds = type.kinds
      known = type.size
      depth--
      continue
    }
    // Tag: one byte for field numbers below 16, two below 2048.
    let tag = buf[p]!
    if (tag < 0x80) {
      p += 1
    } else if (p + 1 < e && buf[p + 1]! < 0x80) {
      tag = (tag & 0x7f) | (buf[p + 1]! << 7)
      p += 2
    } else {
      tag = readVarint(buf, p, e)
      p = cursor.pos
    }
    const wireType = tag & 7
    // Kept a small integer for the compiler: numbers past 2^29 - 1 are not valid field numbers
    // and, like any number the table does not know, are skipped as unknown.
    const number = tag < 0x100000000 ? tag >>> 3 : UNKNOWN_FIELD
    if (number === 0) throw fieldZero(p)
    const kind = number < known ? kinds[number]! : KIND_UNKNOWN
    if (kind === KIND_SCALAR && wireType !== type.wires[number] && !(type.packable[number] === 1 && wireType === 2)) {
      failWire(sp, type, number, wireType)
    }
    if (wireType === 0) {
      // A varint value: find its last byte.
      let i = p
      while (i < e && buf[i]! >= 0x80 && i - p < 9) i++
      if (i >= e || buf[i]! >= 0x80) readVarint(buf, p, e) // throws the precise error
      p = i + 1
      continue
    }
    let len: number
    if (wireType === 2) {
      if (p >= e) throw truncated(p)
      len = buf[p]!
      if (len < 0x80) {
        p += 1
      } else if (p + 1 < e && buf[p + 1]! < 0x80) {
        len = (len & 0x7f) | (buf[p + 1]! << 7)
        p += 2
      } else {
        len = readVarint(buf, p, e)
        p = cursor.pos
      }
    } else if (wireType === 1) {
      len = 8
    } else if (wireType === 5) {
      len = 4
    } else {
      throw badWire(wireType, p)
    }
    if (len > e - p) throw pastEnd(p, len, e)
    len |= 0 // at most e - p now: an int32, which keeps every position one too
    if (kind === KIND_UNKNOWN || kind === KIND_SCALAR) {
      p += len
      continue
    }
    if (wireType !== 2) {
      failDelimited(sp, type, number, wireType, kind)
    }
    if (kind === KIND_STRING) {
      // UTF-8 never takes fewer bytes than UTF-16 code units, so only long byte runs need decoding.
      if (len > maxString) {
        const length = readString(buf, p, p + len).length
        if (length > maxString) failLong(sp, type, number, length)
      }
      p += len
      continue
    }
    // A nested message: walk into it; the enclosing one resumes where it ends.
    stackEnds[sp] = e
    stackFields[sp] = number
    stackTypes[sp] = type
    sp++
    e = p + len
    type = type.messages[number]!
    kinds = type.kinds
    known = type.size
    depth++
    if (depth > maxDepth) failDeep(sp, type)
  }
}
