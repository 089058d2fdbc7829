// Checks an IngestRequest's bytes before they are queued. A failure throws ValidationError (gRPC
// INVALID_ARGUMENT) whose message names the request id and, for an entity, its index and the
// field path. Entity types the reconciler does not handle yet are not failures: they come back as
// soft errors for IngestResponse.errors, so nothing is dropped silently.
import type protobuf from 'protobufjs'
import { EntityType, IngestRequestType, messageType } from '../proto/index.ts'
import { ValidationError } from './errors.ts'
import { compile, readString, scanMessage, WireError, WireReader, type CompiledMessage } from './wire-scan.ts'

/** Entities per request, as Diode documents for its SDKs' chunking. */
export const DEFAULT_MAX_ENTITIES = 10_000
/** Characters in any one string field (NetBox text columns are far shorter; this bounds abuse). */
export const DEFAULT_MAX_STRING_LENGTH = 65_536
/** ms an entity timestamp may lie ahead of this machine's clock. */
export const DEFAULT_MAX_CLOCK_SKEW = 5 * 60_000
/** Characters of the request envelope's names (Diode's declared bound). */
const MAX_NAME_LENGTH = 255
/** Nesting depth of messages inside one entity. */
const MAX_DEPTH = 32
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// Field numbers of diode.v1.IngestRequest and Entity (the wire contract, see proto/diode/v1).
const F_STREAM = 1
const F_ENTITIES = 2
const F_ID = 3
const F_METADATA = 8
const ENVELOPE_STRINGS = new Map([[4, 'producer_app_name'], [5, 'producer_app_version'], [6, 'sdk_name'], [7, 'sdk_version']])
const F_TIMESTAMP = 1

let members: Map<number, { name: string, type: CompiledMessage }> | undefined
let struct: CompiledMessage | undefined

function schema (): { members: Map<number, { name: string, type: CompiledMessage }>, struct: CompiledMessage } {
  if (!members) {
    members = new Map()
    for (const f of EntityType.oneofs.entity!.fieldsArray) {
      f.resolve()
      members.set(f.id, { name: f.name, type: compile(f.resolvedType as protobuf.Type) })
    }
    IngestRequestType.fields.metadata!.resolve()
    struct = compile(messageType('google.protobuf.Struct'))
  }
  return { members, struct: struct! }
}

export interface ValidationOptions {
  maxEntities?: number
  maxStringLength?: number
  /** ms */
  maxClockSkew?: number
  /** Entity members the reconciler handles; others are accepted and reported. All when omitted. */
  reconciledTypes?: ReadonlySet<string>
}

export interface ValidationResult {
  id: string
  producer_app_name: string
  producer_app_version: string
  sdk_name: string
  sdk_version: string
  entityCount: number
  /** Soft, per-entity errors for IngestResponse.errors. */
  errors: string[]
}

function quote (s: string): string {
  return JSON.stringify(s.length > 64 ? `${s.slice(0, 64)}...` : s)
}

/** seconds (int64, two's complement on the wire) and nanos of a google.protobuf.Timestamp. */
function readTimestamp (buf: Uint8Array, start: number, end: number): { seconds: number, nanos: number } {
  const r = new WireReader(buf, start, end)
  let seconds = 0
  let nanos = 0
  while (r.pos < r.end) {
    const tag = r.varint()
    if (tag === 8) {
      seconds = r.varint()
      if (seconds >= 2 ** 63) seconds -= 2 ** 64
    } else if (tag === 16) {
      nanos = r.varint()
      if (nanos >= 2 ** 31) nanos -= 2 ** 32
    } else {
      r.skip(tag & 7)
    }
  }
  return { seconds, nanos }
}

/**
 * Validates the bytes of a diode.v1.IngestRequest without decoding it into objects. Throws
 * ValidationError naming the request id and, for an entity, its index and field path.
 */
export function validateIngestRequest (bytes: Uint8Array, options: ValidationOptions = {}, now = Date.now()): ValidationResult {
  const maxEntities = options.maxEntities ?? DEFAULT_MAX_ENTITIES
  const limits = { maxString: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH, maxDepth: MAX_DEPTH }
  const skew = options.maxClockSkew ?? DEFAULT_MAX_CLOCK_SKEW
  const { members, struct } = schema()
  const envelope: Record<string, string> = { id: '', producer_app_name: '', producer_app_version: '', sdk_name: '', sdk_version: '', stream: '' }
  const entities: Array<[number, number]> = []
  let metadata: [number, number] | undefined
  let where = 'request (no id)'
  const fail = (message: string): never => { throw new ValidationError(`${where}: ${message}`) }
  const malformed = (err: unknown): never => {
    if (err instanceof WireError) throw new ValidationError(`request is not a valid diode.v1.IngestRequest (${bytes.length} bytes): ${err.message}`)
    throw err
  }

  try {
    const r = new WireReader(bytes)
    while (r.pos < r.end) {
      const tag = r.varint()
      const number = Math.floor(tag / 8)
      const wireType = tag & 7
      const known = number === F_ENTITIES || number === F_ID || number === F_STREAM || number === F_METADATA || ENVELOPE_STRINGS.has(number)
      if (known && wireType !== 2) throw new WireError(`field ${number} has wire type ${wireType}; it is length-delimited (2)`)
      if (number === 0) throw new WireError('field number 0')
      const range = r.skip(wireType)
      if (!known) continue
      const [s, e] = range!
      if (number === F_ENTITIES) entities.push([s, e])
      else if (number === F_METADATA) metadata = [s, e]
      else {
        const name = number === F_ID ? 'id' : number === F_STREAM ? 'stream' : ENVELOPE_STRINGS.get(number)!
        envelope[name] = readString(bytes, s, e)
      }
    }
  } catch (err) {
    malformed(err)
  }

  const id = envelope.id!
  if (id) where = `request ${quote(id)}`
  if (!id) fail('id is required')
  if (!UUID.test(id)) fail('id must be a UUID')
  for (const field of ENVELOPE_STRINGS.values()) {
    const v = envelope[field]!
    if (v === '') fail(`${field} is required`)
    if (v.length > MAX_NAME_LENGTH) fail(`${field} is ${v.length} characters; the limit is ${MAX_NAME_LENGTH}`)
  }
  if (envelope.stream!.length > MAX_NAME_LENGTH) fail(`stream is ${envelope.stream!.length} characters; the limit is ${MAX_NAME_LENGTH}`)
  if (entities.length === 0) fail('entities is empty; at least one entity is required')
  if (entities.length > maxEntities) fail(`${entities.length} entities; the limit is ${maxEntities} (maxEntities); split the request`)

  try {
    if (metadata) scanMessage(bytes, metadata[0], metadata[1], struct, 'metadata', 0, limits, fail)
    const errors: string[] = []
    let i = 0
    const at = (message: string): never => fail(`entity ${i}: ${message}`)
    for (; i < entities.length; i++) {
      const [start, end] = entities[i]!
      const r = new WireReader(bytes, start, end)
      let member: { number: number, start: number, end: number } | undefined
      let timestamp: [number, number] | undefined
      while (r.pos < r.end) {
        const tag = r.varint()
        const number = Math.floor(tag / 8)
        const wireType = tag & 7
        if (number === 0) throw new WireError(`field number 0 in entity ${i}`)
        const range = r.skip(wireType)
        if (number === F_TIMESTAMP || members.has(number)) {
          if (!range) at(`field ${number} has wire type ${wireType}; it is a message, length-delimited (2)`)
          if (number === F_TIMESTAMP) timestamp = range
          else member = { number, start: range![0], end: range![1] }
        }
      }
      if (!member) at('no entity type is set (the oneof "entity" is empty)')
      const { name, type } = members.get(member!.number)!
      if (timestamp) {
        const { seconds, nanos } = readTimestamp(bytes, timestamp[0], timestamp[1])
        if (nanos < 0 || nanos > 999_999_999) at('timestamp is not a valid time (nanos must be 0..999999999)')
        const ms = seconds * 1000 + nanos / 1e6
        if (ms - now > skew) at(`timestamp ${new Date(ms).toISOString()} is ${Math.round((ms - now) / 1000)} s in the future; the allowed clock skew is ${skew / 1000} s`)
      }
      scanMessage(bytes, member!.start, member!.end, type, name, 0, limits, at)
      if (options.reconciledTypes && !options.reconciledTypes.has(name)) errors.push(`entity ${i}: type ${name} is not reconciled yet`)
    }
    return {
      id,
      producer_app_name: envelope.producer_app_name!,
      producer_app_version: envelope.producer_app_version!,
      sdk_name: envelope.sdk_name!,
      sdk_version: envelope.sdk_version!,
      entityCount: entities.length,
      errors
    }
  } catch (err) {
    return malformed(err)
  }
}
