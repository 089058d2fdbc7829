// Protobuf canonical JSON with the ORIGINAL (snake_case) field names, the format the official Diode
// SDKs write in dry-run mode (Python MessageToJson(preserving_proto_field_name=True), Go protojson
// with UseProtoNames). Driven by protobufjs reflection so it follows the .proto without generated
// code: int64 as decimal strings, Timestamp as RFC 3339, Struct as plain JSON, maps as objects,
// bytes as base64, enums by name, implicit-presence fields at their default omitted.
// https://protobuf.dev/programming-guides/json/
import protobuf from 'protobufjs'
import { messageType } from './codec.ts'
import { toStruct, toValue, fromStruct, fromValue, isPlainObject, describe } from './struct.ts'
import type { JsonValue } from './struct.ts'

const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64'])
const INT32_TYPES = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32'])
const FLOAT_TYPES = new Set(['double', 'float'])

/** A JSON input that does not fit the message type; `path` is the dotted field path. */
export class ProtoJsonError extends Error {
  readonly code = 'ERR_PROTO_JSON'
  readonly path: string
  constructor (path: string, message: string, options?: { cause?: unknown }) {
    super(`${path}: ${message}`, options)
    this.name = 'ProtoJsonError'
    this.path = path
  }
}

function typeOf (typeName: string | protobuf.Type): protobuf.Type {
  return typeof typeName === 'string' ? messageType(typeName) : typeName
}

// ---------------------------------------------------------------------------------------------
// message -> JSON

/** Converts a message (plain snake_case object or protobufjs Message) of `typeName` (e.g.
 * "IngestRequest" or "diode.v1.Entity") to its canonical JSON object. */
export function toProtoJson (typeName: string | protobuf.Type, message: object): Record<string, unknown> {
  const type = typeOf(typeName)
  const msg = message instanceof protobuf.Message ? message : type.fromObject(message as Record<string, unknown>)
  const out = messageToJson(type, msg as unknown as Record<string, unknown>)
  if (!isPlainObject(out)) throw new TypeError(`${type.fullName} does not map to a JSON object`)
  return out
}

function messageToJson (type: protobuf.Type, msg: Record<string, unknown>): JsonValue {
  switch (type.fullName) {
    case '.google.protobuf.Timestamp': return formatTimestamp(msg)
    case '.google.protobuf.Struct': return fromStruct(msg)
    case '.google.protobuf.Value': return fromValue(msg)
    case '.google.protobuf.ListValue': return ((msg.values as unknown[] | undefined) ?? []).map((v) => fromValue(v as Record<string, unknown>))
  }
  const out: Record<string, JsonValue> = {}
  for (const field of [...type.fieldsArray].sort((a, b) => a.id - b.id)) {
    field.resolve()
    // Own properties only: a protobufjs Message inherits every default from its prototype.
    if (!Object.prototype.hasOwnProperty.call(msg, field.name)) continue
    const value = msg[field.name]
    if (value === undefined || value === null) continue
    if (field.map) {
      const entries = Object.entries(value as Record<string, unknown>)
      if (entries.length === 0) continue
      out[field.name] = Object.fromEntries(entries.map(([k, v]) => [k, singleToJson(field, v)]))
    } else if (field.repeated) {
      const list = value as unknown[]
      if (list.length === 0) continue
      out[field.name] = list.map((v) => singleToJson(field, v))
    } else {
      // Explicit presence (proto3 optional, oneof members, messages) keeps a default value;
      // implicit presence omits it, as both official SDKs do.
      const explicit = field.partOf !== null || field.resolvedType instanceof protobuf.Type
      if (!explicit && isDefault(field, value)) continue
      out[field.name] = singleToJson(field, value)
    }
  }
  return out
}

function isDefault (field: protobuf.Field, v: unknown): boolean {
  if (field.resolvedType instanceof protobuf.Enum) return v === 0 || v === field.resolvedType.valuesById[0]
  if (LONG_TYPES.has(field.type)) return String(v) === '0'
  if (field.type === 'bytes') return (v as Uint8Array).length === 0
  return v === 0 || v === '' || v === false
}

function singleToJson (field: protobuf.Field, v: unknown): JsonValue {
  const rt = field.resolvedType
  if (rt instanceof protobuf.Type) return messageToJson(rt, v as Record<string, unknown>)
  if (rt instanceof protobuf.Enum) return typeof v === 'number' ? (rt.valuesById[v] ?? v) : String(v)
  if (LONG_TYPES.has(field.type)) return String(v)
  if (FLOAT_TYPES.has(field.type)) {
    const n = Number(v)
    if (Number.isNaN(n)) return 'NaN'
    if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity'
    return n
  }
  if (field.type === 'bytes') return Buffer.from(v as Uint8Array).toString('base64')
  return v as JsonValue
}

function formatTimestamp (ts: Record<string, unknown>): string {
  const seconds = Number(String(ts.seconds ?? 0))
  const nanos = Number(ts.nanos ?? 0)
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19)
  if (nanos === 0) return `${iso}Z`
  // 3, 6 or 9 fractional digits, as Python's and Go's formatters emit.
  const digits = String(nanos).padStart(9, '0')
  const frac = nanos % 1_000_000 === 0 ? digits.slice(0, 3) : nanos % 1000 === 0 ? digits.slice(0, 6) : digits
  return `${iso}.${frac}Z`
}

// ---------------------------------------------------------------------------------------------
// JSON -> message

export interface FromProtoJsonOptions {
  /** Skip fields the schema does not know instead of failing (default false). */
  ignoreUnknownFields?: boolean
}

/** Parses canonical protobuf JSON (proto or lowerCamelCase field names) of `typeName` into a plain
 * snake_case object as the codecs take it: Timestamp as { seconds, nanos }, Struct as protobufjs'
 * Struct shape, enums by name, bytes as Buffer, int64 as a number when it is a safe integer and as
 * a decimal string otherwise. Throws ProtoJsonError naming the path of the first bad value. */
export function fromProtoJson (typeName: string | protobuf.Type, json: unknown, options: FromProtoJsonOptions = {}): Record<string, unknown> {
  const type = typeOf(typeName)
  return messageFromJson(type, json, type.name, options) as Record<string, unknown>
}

function messageFromJson (type: protobuf.Type, json: unknown, path: string, options: FromProtoJsonOptions): unknown {
  switch (type.fullName) {
    case '.google.protobuf.Timestamp':
      if (typeof json !== 'string') throw new ProtoJsonError(path, `expected an RFC 3339 string, got ${describe(json)}`)
      return parseTimestamp(json, path)
    case '.google.protobuf.Struct':
      if (!isPlainObject(json)) throw new ProtoJsonError(path, `expected a JSON object, got ${describe(json)}`)
      return toStruct(json, path)
    case '.google.protobuf.Value':
      return toValue(json, path)
    case '.google.protobuf.ListValue':
      if (!Array.isArray(json)) throw new ProtoJsonError(path, `expected an array, got ${describe(json)}`)
      return { values: json.map((v, i) => toValue(v, `${path}[${i}]`)) }
  }
  if (!isPlainObject(json)) throw new ProtoJsonError(path, `expected a JSON object, got ${describe(json)}`)
  const out: Record<string, unknown> = {}
  const oneofSeen = new Map<string, string>()
  for (const [key, value] of Object.entries(json)) {
    const field = type.fields[key] ?? jsonNameIndex(type).get(key)
    const fieldPath = `${path}.${key}`
    if (field === undefined) {
      if (options.ignoreUnknownFields === true) continue
      throw new ProtoJsonError(fieldPath, `unknown field of ${type.fullName.slice(1)}`)
    }
    field.resolve()
    // null means "not set" for every field except a google.protobuf.Value.
    if (value === null && field.resolvedType?.fullName !== '.google.protobuf.Value') continue
    if (field.partOf !== null && !field.partOf.name.startsWith('_')) {
      const other = oneofSeen.get(field.partOf.name)
      if (other !== undefined) throw new ProtoJsonError(fieldPath, `oneof ${field.partOf.name} already has ${other} set`)
      oneofSeen.set(field.partOf.name, field.name)
    }
    if (field.map) {
      if (!isPlainObject(value)) throw new ProtoJsonError(fieldPath, `expected an object (map), got ${describe(value)}`)
      out[field.name] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, singleFromJson(field, v, `${fieldPath}.${k}`, options)]))
    } else if (field.repeated) {
      if (!Array.isArray(value)) throw new ProtoJsonError(fieldPath, `expected an array, got ${describe(value)}`)
      out[field.name] = value.map((v, i) => singleFromJson(field, v, `${fieldPath}[${i}]`, options))
    } else {
      out[field.name] = singleFromJson(field, value, fieldPath, options)
    }
  }
  return out
}

const jsonNames = new WeakMap<protobuf.Type, Map<string, protobuf.Field>>()
function jsonNameIndex (type: protobuf.Type): Map<string, protobuf.Field> {
  let index = jsonNames.get(type)
  if (index === undefined) {
    index = new Map(type.fieldsArray.map((f) => [lowerCamel(f.name), f]))
    jsonNames.set(type, index)
  }
  return index
}

function lowerCamel (name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase())
}

function singleFromJson (field: protobuf.Field, v: unknown, path: string, options: FromProtoJsonOptions): unknown {
  const rt = field.resolvedType
  if (rt instanceof protobuf.Type) return messageFromJson(rt, v, path, options)
  if (rt instanceof protobuf.Enum) {
    if (typeof v === 'string' && rt.values[v] !== undefined) return v
    if (typeof v === 'number' && Number.isInteger(v)) return rt.valuesById[v] ?? v
    throw new ProtoJsonError(path, `expected a ${rt.name} value (${Object.keys(rt.values).join(', ')}), got ${typeof v === 'string' ? JSON.stringify(v) : describe(v)}`)
  }
  if (LONG_TYPES.has(field.type)) return parseInteger(v, path, field.type, true)
  if (INT32_TYPES.has(field.type)) return parseInteger(v, path, field.type, false)
  if (FLOAT_TYPES.has(field.type)) {
    if (typeof v === 'number') return v
    if (v === 'NaN') return NaN
    if (v === 'Infinity') return Infinity
    if (v === '-Infinity') return -Infinity
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v)
    throw new ProtoJsonError(path, `expected a number, got ${describe(v)}`)
  }
  switch (field.type) {
    case 'string':
      if (typeof v !== 'string') throw new ProtoJsonError(path, `expected a string, got ${describe(v)}`)
      return v
    case 'bool':
      if (typeof v !== 'boolean') throw new ProtoJsonError(path, `expected true or false, got ${describe(v)}`)
      return v
    case 'bytes':
      if (typeof v !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(v)) throw new ProtoJsonError(path, 'expected a base64 string')
      return Buffer.from(v, v.includes('-') || v.includes('_') ? 'base64url' : 'base64')
  }
  throw new ProtoJsonError(path, `unsupported field type ${field.type}`)
}

function parseInteger (v: unknown, path: string, type: string, long: boolean): number | string {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined
  if (text === undefined || !/^-?\d+(\.0*)?$|^-?\d+(\.\d+)?[eE][+-]?\d+$/.test(text)) {
    throw new ProtoJsonError(path, `expected an integer (${type}), got ${typeof v === 'string' ? JSON.stringify(v) : describe(v)}`)
  }
  const n = Number(text)
  if (!Number.isInteger(n)) throw new ProtoJsonError(path, `expected an integer (${type}), got ${text}`)
  if (type.startsWith('u') || type === 'fixed32' || type === 'fixed64') {
    if (n < 0) throw new ProtoJsonError(path, `expected a non-negative integer (${type}), got ${text}`)
  }
  if (!long) {
    const max = type.startsWith('u') || type === 'fixed32' ? 0xffffffff : 0x7fffffff
    const min = type.startsWith('u') || type === 'fixed32' ? 0 : -0x80000000
    if (n > max || n < min) throw new ProtoJsonError(path, `${text} is out of range for ${type}`)
    return n
  }
  if (Number.isSafeInteger(n)) return n
  // Beyond 2^53 keep the exact decimal text (protobufjs encodes it losslessly from a string).
  if (!/^-?\d+$/.test(text)) throw new ProtoJsonError(path, `${text} is too large to be exact; write it as a decimal string`)
  return text
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

function parseTimestamp (text: string, path: string): { seconds: number, nanos?: number } {
  const m = RFC3339.exec(text)
  if (m === null) throw new ProtoJsonError(path, `expected an RFC 3339 timestamp like 2026-01-02T03:04:05Z, got ${JSON.stringify(text.slice(0, 40))}`)
  const [, y, mo, d, h, mi, s, frac, , sign, oh, om] = m
  let seconds = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) / 1000
  if (Number.isNaN(seconds)) throw new ProtoJsonError(path, `invalid date ${JSON.stringify(text)}`)
  if (sign !== undefined) seconds -= (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60)
  const nanos = frac === undefined ? 0 : Number(frac.padEnd(9, '0'))
  // protobufjs encodes an own property even at its default; leave zero out for canonical bytes.
  return nanos === 0 ? { seconds } : { seconds, nanos }
}

/** Formats a Timestamp ({ seconds, nanos }) as RFC 3339 in UTC with 0, 3, 6 or 9 fraction digits. */
export function formatRfc3339 (ts: { seconds?: unknown, nanos?: unknown }): string {
  return formatTimestamp(ts as Record<string, unknown>)
}
