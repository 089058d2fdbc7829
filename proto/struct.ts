// Conversions between JavaScript values and the google.protobuf well-known types diode.v1 uses
// for metadata (Struct) and times (Timestamp).
//
// protobufjs bundles the well-known types with camelCase field names (stringValue, structValue,
// ...) even though diode.v1 is loaded with keepCase, so the objects built here use camelCase on
// purpose; fromStruct() also reads the snake_case spelling a hand-written object might carry.
import type { Struct } from './generated/google/protobuf/Struct.ts'
import type { Value } from './generated/google/protobuf/Value.ts'
import type { Timestamp } from './generated/google/protobuf/Timestamp.ts'

/** JSON-compatible value as a Struct can hold it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** Converts a plain object to a google.protobuf.Struct. Dates become RFC 3339 strings, bigints
 * numbers and bytes base64 (as Go's structpb does); undefined keys are left out. Anything else a
 * Struct cannot hold (functions, symbols, NaN, cycles) throws a TypeError naming its path. */
export function toStruct (obj: Record<string, unknown>, path = 'metadata'): Struct {
  if (!isPlainObject(obj)) throw new TypeError(`${path}: expected a plain object, got ${describe(obj)}`)
  return structOf(obj, path, new Set())
}

/** Converts one JavaScript value to a google.protobuf.Value. */
export function toValue (value: unknown, path = 'value'): Value {
  return valueOf(value, path, new Set())
}

function structOf (obj: Record<string, unknown>, path: string, seen: Set<object>): Struct {
  if (seen.has(obj)) throw new TypeError(`${path}: circular reference cannot be stored in a Struct`)
  seen.add(obj)
  const fields: Record<string, Value> = {}
  for (const [key, v] of Object.entries(obj)) {
    if (v === undefined) continue
    fields[key] = valueOf(v, `${path}.${key}`, seen)
  }
  seen.delete(obj)
  return { fields }
}

function valueOf (v: unknown, path: string, seen: Set<object>): Value {
  if (v === null || v === undefined) return { nullValue: 'NULL_VALUE' }
  switch (typeof v) {
    case 'string': return { stringValue: v }
    case 'boolean': return { boolValue: v }
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`${path}: ${v} cannot be stored in a Struct (JSON has no non-finite numbers)`)
      return { numberValue: v }
    case 'bigint': return { numberValue: Number(v) }
    case 'object':
      break
    default:
      throw new TypeError(`${path}: ${typeof v} cannot be stored in a Struct`)
  }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw new TypeError(`${path}: invalid Date`)
    return { stringValue: v.toISOString() }
  }
  if (v instanceof Uint8Array) return { stringValue: Buffer.from(v).toString('base64') }
  if (Array.isArray(v)) {
    if (seen.has(v)) throw new TypeError(`${path}: circular reference cannot be stored in a Struct`)
    seen.add(v)
    const values = v.map((item, i) => valueOf(item, `${path}[${i}]`, seen))
    seen.delete(v)
    return { listValue: { values } }
  }
  if (isPlainObject(v)) return { structValue: structOf(v, path, seen) }
  throw new TypeError(`${path}: ${describe(v)} cannot be stored in a Struct`)
}

/** Converts a google.protobuf.Struct (as built here, or as protobufjs decodes it) back to a plain
 * object. Unknown value kinds throw a TypeError naming their path. */
export function fromStruct (struct: Struct | null | undefined, path = 'metadata'): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  if (struct === null || struct === undefined) return out
  const fields = (struct as { fields?: Record<string, unknown> }).fields ?? {}
  for (const [key, v] of Object.entries(fields)) out[key] = fromValue(v as Value, `${path}.${key}`)
  return out
}

/** Converts a google.protobuf.Value back to a plain JavaScript value. */
export function fromValue (value: Value | null | undefined, path = 'value'): JsonValue {
  if (value === null || value === undefined) return null
  const v = value as Record<string, unknown>
  // Own properties only: a protobufjs Message inherits defaults (nullValue = 0) from its prototype.
  const own = (k: string): unknown => Object.prototype.hasOwnProperty.call(v, k) ? v[k] : undefined
  const pick = (camel: string, snake: string): unknown => own(camel) ?? own(snake)
  if (pick('nullValue', 'null_value') !== undefined) return null
  const num = pick('numberValue', 'number_value')
  if (num !== undefined && num !== null) return Number(num)
  const str = pick('stringValue', 'string_value')
  if (str !== undefined && str !== null) return String(str)
  const bool = pick('boolValue', 'bool_value')
  if (bool !== undefined && bool !== null) return Boolean(bool)
  const st = pick('structValue', 'struct_value')
  if (st !== undefined && st !== null) return fromStruct(st as Struct, path)
  const list = pick('listValue', 'list_value')
  if (list !== undefined && list !== null) {
    const values = (list as { values?: Value[] }).values ?? []
    return values.map((item, i) => fromValue(item, `${path}[${i}]`))
  }
  // An empty Value (no kind set) is what a decoder yields for a JSON null in some SDKs.
  if (Object.keys(v).every((k) => v[k] === undefined || v[k] === null || k === 'kind')) return null
  throw new TypeError(`${path}: not a google.protobuf.Value (keys: ${Object.keys(v).join(', ')})`)
}

/** google.protobuf.Timestamp for a Date (now by default), millisecond precision. */
export function timestampFromDate (date: Date = new Date()): { seconds: number, nanos: number } {
  const ms = date.getTime()
  if (Number.isNaN(ms)) throw new TypeError('timestampFromDate: invalid Date')
  const seconds = Math.floor(ms / 1000)
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 }
}

/** Date for a google.protobuf.Timestamp; seconds may be a number, a decimal string or a Long. */
export function dateFromTimestamp (ts: Timestamp): Date {
  const seconds = Number(typeof ts.seconds === 'object' && ts.seconds !== null ? ts.seconds.toString() : ts.seconds ?? 0)
  const nanos = ts.nanos ?? 0
  return new Date(seconds * 1000 + Math.floor(nanos / 1_000_000))
}

export function isPlainObject (v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/** Short type description for error messages: never the value itself, which may be a secret. */
export function describe (v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return (v as object).constructor?.name ?? 'object'
  return typeof v
}
