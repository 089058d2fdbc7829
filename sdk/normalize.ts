// Turns builder input or a hand-written entity into the plain snake_case object the codecs take,
// checking every field against the protobufjs reflection of diode.v1 so a mistake is reported at
// build time, with its path, instead of being dropped silently by the encoder. Applies the
// official SDKs' shorthand: a string where a message is expected sets the message's identifying
// field, and metadata may be a plain object.
import protobuf from 'protobufjs'
import { EntityType, ENTITY_TYPES, ENTITY_MESSAGE, CHOICES, messageType, toStruct, timestampFromDate } from '../proto/index.ts'
import type { Entity } from '../proto/index.ts'
import { SdkArgumentError, ERR_SDK_INVALID_ENTITY } from './errors.ts'

/** Identifying field a string shorthand fills, where it is not `name` (the official SDKs' PRIMARY_VALUE_MAP). */
export const PRIMARY_FIELD: Readonly<Record<string, string>> = Object.freeze({
  DeviceType: 'model',
  ModuleType: 'model',
  RackType: 'model',
  IPAddress: 'address',
  Prefix: 'prefix',
  Aggregate: 'prefix',
  Circuit: 'cid',
  VirtualCircuit: 'cid',
  ASN: 'asn',
  MACAddress: 'mac_address',
  WirelessLAN: 'ssid',
  User: 'username'
})

const LONG_TYPES = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64'])
const INT32_TYPES = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32'])
const VALUE_KINDS = new Set(['nullValue', 'numberValue', 'stringValue', 'boolValue', 'structValue', 'listValue', 'null_value', 'number_value', 'string_value', 'bool_value', 'struct_value', 'list_value', 'kind'])

/** The field a string shorthand sets on `typeName`, undefined when the type has none. */
export function primaryFieldOf (type: protobuf.Type): string | undefined {
  const mapped = PRIMARY_FIELD[type.name]
  if (mapped !== undefined) return mapped
  return type.fields.name !== undefined ? 'name' : undefined
}

export function isPlainObject (v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function fail (path: string, message: string): never {
  throw new SdkArgumentError(ERR_SDK_INVALID_ENTITY, `${path}: ${message}`, { field: path })
}

function got (v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (v instanceof Date) return 'Date'
  if (typeof v === 'object') return isPlainObject(v) ? 'object' : ((v as object).constructor?.name ?? 'object')
  return typeof v
}

/** Normalizes `input` as a `typeName` message; `path` prefixes error messages (default the type
 * name); `checkChoices` also rejects string choice fields outside their allowed values. */
export function normalizeMessage (typeName: string | protobuf.Type, input: unknown, path?: string, options: { checkChoices?: boolean } = {}): Record<string, unknown> {
  const type = typeof typeName === 'string' ? messageType(typeName) : typeName
  return messageValue(type, input, path ?? type.name, options.checkChoices === true) as Record<string, unknown>
}

interface TypeInfo {
  special: 'timestamp' | 'struct' | undefined
  primary: string | undefined
  primaryIsString: boolean
}

// protobufjs computes fullName by walking parents on every read; this runs per nested message.
const typeInfo = new WeakMap<protobuf.Type, TypeInfo>()
function infoOf (type: protobuf.Type): TypeInfo {
  let info = typeInfo.get(type)
  if (info === undefined) {
    const full = type.fullName
    const primary = primaryFieldOf(type)
    info = {
      special: full === '.google.protobuf.Timestamp' ? 'timestamp' : full === '.google.protobuf.Struct' ? 'struct' : undefined,
      primary,
      primaryIsString: primary === undefined || type.fields[primary]?.type === 'string'
    }
    typeInfo.set(type, info)
  }
  return info
}

function messageValue (type: protobuf.Type, v: unknown, path: string, choices: boolean): unknown {
  const info = infoOf(type)
  if (info.special === 'timestamp') return timestampValue(v, path)
  if (info.special === 'struct') return structValue(v, path)
  const primary = info.primary
  if (typeof v === 'string' || (typeof v === 'number' && !info.primaryIsString)) {
    if (primary === undefined) fail(path, `expected ${type.name} object, got ${got(v)} (${type.name} has no shorthand)`)
    return { [primary]: scalarValue(type.fields[primary], v, path) }
  }
  if (!isPlainObject(v) && !(v instanceof protobuf.Message)) {
    fail(path, primary === undefined ? `expected ${type.name} object, got ${got(v)}` : `expected ${primaryLabel(type, primary)} or ${type.name} object, got ${got(v)}`)
  }
  const input = v as Record<string, unknown>
  const out: Record<string, unknown> = {}
  let oneofSeen: Map<string, string> | undefined
  for (const key of Object.keys(input)) {
    const value = input[key]
    if (value === undefined || value === null) continue
    const field = type.fields[key]
    const fieldPath = `${path}.${key}`
    if (field === undefined) {
      // protobufjs toObject({ oneofs: true }) adds a virtual key naming the member set in a oneof.
      if (type.oneofs?.[key] !== undefined && typeof value === 'string') continue
      fail(fieldPath, `unknown field of ${type.name}`)
    }
    if (field.partOf !== null && !field.partOf.name.startsWith('_')) {
      oneofSeen ??= new Map()
      const other = oneofSeen.get(field.partOf.name)
      if (other !== undefined) fail(fieldPath, `only one of ${field.partOf.oneof.join(', ')} may be set, ${other} is set already`)
      oneofSeen.set(field.partOf.name, key)
    }
    out[key] = fieldValue(field, value, fieldPath, choices)
    if (choices && field.type === 'string' && !field.repeated && !field.map) {
      const allowed = CHOICES[`${type.name}.${key}`]
      if (allowed !== undefined && !allowed.includes(out[key] as string)) {
        fail(fieldPath, `${JSON.stringify(String(out[key]).slice(0, 40))} is not an allowed value (${allowed.length <= 8 ? allowed.join(', ') : `${allowed.slice(0, 8).join(', ')}, ... ${allowed.length} in all`})`)
      }
    }
  }
  return out
}

function primaryLabel (type: protobuf.Type, primary: string): string {
  return type.fields[primary]?.type === 'string' ? 'string' : `${type.fields[primary]?.type ?? 'string'} or string`
}

function fieldValue (field: protobuf.Field, value: unknown, path: string, choices: boolean): unknown {
  field.resolve()
  if (field.map) {
    if (!isPlainObject(value)) fail(path, `expected an object of ${field.type} values, got ${got(value)}`)
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue
      out[k] = field.type === 'CustomFieldValue' ? customFieldValue(field, v, `${path}.${k}`, choices) : singleValue(field, v, `${path}.${k}`, choices)
    }
    return out
  }
  if (field.repeated) {
    if (!Array.isArray(value)) fail(path, `expected an array, got ${got(value)}`)
    return value.map((v, i) => singleValue(field, v, `${path}[${i}]`, choices))
  }
  return singleValue(field, value, path, choices)
}

function singleValue (field: protobuf.Field, v: unknown, path: string, choices: boolean): unknown {
  const rt = field.resolvedType
  if (rt instanceof protobuf.Type) return messageValue(rt, v, path, choices)
  if (rt instanceof protobuf.Enum) {
    if (typeof v === 'string' && rt.values[v] !== undefined) return v
    if (typeof v === 'number' && rt.valuesById[v] !== undefined) return rt.valuesById[v]
    fail(path, `expected one of ${Object.keys(rt.values).join(', ')}, got ${typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : got(v)}`)
  }
  return scalarValue(field, v, path)
}

function scalarValue (field: protobuf.Field | undefined, v: unknown, path: string): unknown {
  const type = field?.type ?? 'string'
  if (type === 'string') {
    if (typeof v !== 'string') fail(path, `expected string, got ${got(v)}`)
    return v
  }
  if (type === 'bool') {
    if (typeof v !== 'boolean') fail(path, `expected boolean, got ${got(v)}`)
    return v
  }
  if (type === 'double' || type === 'float') {
    if (typeof v !== 'number') fail(path, `expected number, got ${got(v)}`)
    return v
  }
  if (LONG_TYPES.has(type) || INT32_TYPES.has(type)) {
    if (typeof v === 'number' && Number.isInteger(v)) return v
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()
    if (LONG_TYPES.has(type) && typeof v === 'string' && /^-?\d+$/.test(v)) return Number.isSafeInteger(Number(v)) ? Number(v) : v
    if (LONG_TYPES.has(type) && typeof v === 'object' && v !== null && 'low' in v && 'high' in v) return String(v) // a Long
    fail(path, `expected integer (${type}), got ${typeof v === 'number' ? String(v) : got(v)}`)
  }
  if (type === 'bytes') {
    if (v instanceof Uint8Array) return v
    if (typeof v === 'string') return Buffer.from(v, 'base64')
    fail(path, `expected bytes (Uint8Array or base64 string), got ${got(v)}`)
  }
  fail(path, `unsupported field type ${type}`)
}

function timestampValue (v: unknown, path: string): { seconds: number | string, nanos: number } {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) fail(path, 'invalid Date')
    return timestampFromDate(v)
  }
  if (typeof v === 'string') {
    const ms = Date.parse(v)
    if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(v)) fail(path, `expected an RFC 3339 timestamp, got ${JSON.stringify(v.slice(0, 40))}`)
    const frac = /\.(\d{1,9})/.exec(v)
    const ts = timestampFromDate(new Date(ms))
    return frac === null ? ts : { seconds: ts.seconds, nanos: Number(frac[1].padEnd(9, '0')) }
  }
  if (isPlainObject(v) && Object.keys(v).every((k) => k === 'seconds' || k === 'nanos')) {
    const seconds = scalarValue({ type: 'int64' } as protobuf.Field, v.seconds ?? 0, `${path}.seconds`) as number | string
    const nanos = scalarValue({ type: 'int32' } as protobuf.Field, v.nanos ?? 0, `${path}.nanos`) as number
    if (nanos < 0 || nanos > 999_999_999) fail(`${path}.nanos`, `expected 0..999999999, got ${nanos}`)
    return { seconds, nanos }
  }
  fail(path, `expected Date, RFC 3339 string or { seconds, nanos }, got ${got(v)}`)
}

/** True for an object already in google.protobuf.Struct form ({ fields: { k: { stringValue } } }). */
export function isStructShape (v: unknown): boolean {
  if (!isPlainObject(v) && !(v instanceof protobuf.Message)) return false
  const keys = Object.keys(v as object)
  if (keys.length !== 1 || keys[0] !== 'fields') return false
  const fields = (v as { fields: unknown }).fields
  if (!isPlainObject(fields)) return false
  return Object.values(fields).every((val) => isPlainObject(val) || val instanceof protobuf.Message
    ? Object.keys(val as object).every((k) => VALUE_KINDS.has(k))
    : false)
}

function structValue (v: unknown, path: string): unknown {
  if (isStructShape(v)) return v
  if (!isPlainObject(v)) fail(path, `expected a plain object, got ${got(v)}`)
  try {
    return toStruct(v, path)
  } catch (err) {
    throw new SdkArgumentError(ERR_SDK_INVALID_ENTITY, (err as Error).message, { cause: err, field: path })
  }
}

// Custom field values: a CustomFieldValue object, or a bare value mapped to its natural kind.
function customFieldValue (field: protobuf.Field, v: unknown, path: string, choices: boolean): unknown {
  if (typeof v === 'string') return { text: v }
  if (typeof v === 'boolean') return { boolean: v }
  if (typeof v === 'number') return Number.isInteger(v) ? { integer: v } : { decimal: v }
  if (typeof v === 'bigint') return { integer: scalarValue({ type: 'int64' } as protobuf.Field, v, path) }
  if (v instanceof Date) return { datetime: timestampFromDate(v) }
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return { multiple_selection: v }
  return singleValue(field, v, path, choices)
}

const ENTITY_MEMBERS = new Set(ENTITY_TYPES)

export interface NormalizeEntityOptions {
  /** Used when the entity has no timestamp (default: now). */
  now?: () => Date
}

/** Normalizes one Entity: exactly one member, every field checked, timestamp defaulted to now. */
export function normalizeEntity (input: unknown, path = 'Entity', options: NormalizeEntityOptions = {}): Entity {
  if (!isPlainObject(input) && !(input instanceof protobuf.Message)) fail(path, `expected an Entity object, got ${got(input)}`)
  const record = input as Record<string, unknown>
  // An entity has two or three keys; scanning them beats probing all 106 member names.
  const members = Object.keys(record).filter((k) => ENTITY_MEMBERS.has(k) && record[k] !== undefined && record[k] !== null)
  if (members.length === 0) fail(path, `no entity member set; expected one of ${ENTITY_TYPES.slice(0, 6).join(', ')}, ...`)
  if (members.length > 1) fail(path, `only one entity member may be set, got ${members.join(', ')}`)
  const out = messageValue(EntityType, record, path, false) as Record<string, unknown>
  if (out.timestamp === undefined) out.timestamp = timestampFromDate(options.now?.() ?? new Date())
  return out as Entity
}

/** Builds an Entity of member `member` (e.g. "ip_address") from builder input. */
export function buildEntity (member: string, fields: unknown, timestamp?: Date | string | { seconds: number, nanos?: number }): Entity {
  const typeName = ENTITY_MESSAGE[member]
  if (typeName === undefined) throw new SdkArgumentError(ERR_SDK_INVALID_ENTITY, `entity member "${member}" does not exist in diode.v1.Entity`, { field: member })
  // Builders also check choice fields (status, type...) against the values Diode validates, so a
  // typo fails here; ingest() leaves that to the server, which reports it per entity.
  const message = normalizeMessage(typeName, fields, typeName, { checkChoices: true })
  const entity: Record<string, unknown> = { [member]: message }
  entity.timestamp = timestamp === undefined ? timestampFromDate() : timestampValue(timestamp, `${typeName}.timestamp`)
  return entity as Entity
}
