// Checks an IngestRequest's bytes before they are queued. A failure throws ValidationError (gRPC
// INVALID_ARGUMENT) whose message names the request id and, for an entity, its index and the
// field path. Entity types the reconciler does not handle yet are not failures: they come back as
// soft errors for IngestResponse.errors, so nothing is dropped silently.
import type protobuf from 'protobufjs'
import { EntityType, IngestRequestType, messageType } from '../proto/index.ts'
import { ValidationError } from './errors.ts'
import { compile, cursor, readString, readVarint, scanMessage, skipField, WireError, type CompiledMessage } from './wire-scan.ts'

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
const F_PRODUCER_APP_NAME = 4
const F_PRODUCER_APP_VERSION = 5
const F_SDK_NAME = 6
const F_SDK_VERSION = 7
const F_METADATA = 8
const ENVELOPE_STRINGS = ['producer_app_name', 'producer_app_version', 'sdk_name', 'sdk_version'] as const
const F_TIMESTAMP = 1

interface Schema {
  /** Entity oneof members by field number: name and message type. */
  memberNames: string[]
  memberTypes: Array<CompiledMessage | undefined>
  struct: CompiledMessage
}

let compiled: Schema | undefined

function schema (): Schema {
  if (!compiled) {
    const memberNames: string[] = []
    const memberTypes: Array<CompiledMessage | undefined> = []
    const fields = EntityType.oneofs.entity!.fieldsArray
    const size = Math.max(...fields.map((f) => f.id)) + 1
    for (let n = 0; n < size; n++) { memberNames.push(''); memberTypes.push(undefined) }
    for (const f of fields) {
      f.resolve()
      memberNames[f.id] = f.name
      memberTypes[f.id] = compile(f.resolvedType as protobuf.Type)
    }
    IngestRequestType.fields.metadata!.resolve()
    compiled = { memberNames, memberTypes, struct: compile(messageType('google.protobuf.Struct')) }
  }
  return compiled
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

/** seconds and nanos of the last timestamp read: a typed array keeps the doubles unboxed. */
const stamp = new Float64Array(2)

/**
 * Reads the google.protobuf.Timestamp in [start, end) into `stamp`: seconds (int64, two's
 * complement on the wire) and nanos (int32).
 */
function readTimestamp (buf: Uint8Array, start: number, end: number): void {
  let seconds = 0
  let nanos = 0
  let p = start
  while (p < end) {
    const tag = readVarint(buf, p, end)
    p = cursor.pos
    if (tag === 8) {
      // Read here rather than by readVarint(): seconds since 1970 take five bytes, and a value
      // past 2^30 returned from a function becomes a heap number (one per entity).
      let q = p
      let scale = 1
      let done = false
      seconds = 0
      while (q < end && q - p < 10) {
        const b = buf[q++]!
        seconds += (b & 0x7f) * scale
        if (b < 0x80) { done = true; break }
        scale *= 128
      }
      if (!done) readVarint(buf, p, end) // throws the precise error
      p = q
      if (seconds >= 2 ** 63) seconds -= 2 ** 64
    } else if (tag === 16) {
      nanos = readVarint(buf, p, end)
      p = cursor.pos
      if (nanos >= 2 ** 31) nanos -= 2 ** 32
    } else {
      p = skipField(buf, p, end, tag & 7)
    }
  }
  stamp[0] = seconds
  stamp[1] = nanos
}

const TIMESTAMP_OK = 0
const TIMESTAMP_INVALID = 1
const TIMESTAMP_AHEAD = 2

/** The time in ms of the timestamp in `stamp`. */
function stampMs (): number {
  return stamp[0]! * 1000 + stamp[1]! / 1e6
}

/** Checks the timestamp in [start, end) against `now` + `skew`. A small code rather than the time:
 * a double returned from a function is a heap number, one per entity. */
function checkTimestamp (buf: Uint8Array, start: number, end: number, now: number, skew: number): number {
  readTimestamp(buf, start, end)
  const nanos = stamp[1]!
  if (nanos < 0 || nanos > 999_999_999) return TIMESTAMP_INVALID
  return stampMs() - now > skew ? TIMESTAMP_AHEAD : TIMESTAMP_OK
}

// Messages are built in functions of their own, out of the loops: a template literal inside one
// made the compiler box its numbers into heap numbers on every pass (see wire-scan.ts).
function notDelimited (number: number, wireType: number): WireError {
  return new WireError(`field ${number} has wire type ${wireType}; it is length-delimited (2)`)
}
function entityFieldZero (i: number): WireError {
  return new WireError(`field number 0 in entity ${i}`)
}
function notMessage (number: number, wireType: number): string {
  return `field ${number} has wire type ${wireType}; it is a message, length-delimited (2)`
}
function inTheFuture (ms: number, now: number, skew: number): string {
  return `timestamp ${new Date(ms).toISOString()} is ${Math.round((ms - now) / 1000)} s in the future; the allowed clock skew is ${skew / 1000} s`
}
function notReconciled (i: number, name: string): string {
  return `entity ${i}: type ${name} is not reconciled yet`
}

/**
 * Validates the bytes of a diode.v1.IngestRequest without decoding it into objects. Throws
 * ValidationError naming the request id and, for an entity, its index and field path.
 *
 * Two passes over the request's own fields (a few µs: one tag and length per entity) and one over
 * everything inside them: the first reads the envelope, which protobuf encoders put after the
 * entities, so that an entity's error can name the request it came in.
 */
export function validateIngestRequest (bytes: Uint8Array, options: ValidationOptions = {}, now = Date.now()): ValidationResult {
  const maxEntities = options.maxEntities ?? DEFAULT_MAX_ENTITIES
  const limits = { maxString: options.maxStringLength ?? DEFAULT_MAX_STRING_LENGTH, maxDepth: MAX_DEPTH }
  const skew = options.maxClockSkew ?? DEFAULT_MAX_CLOCK_SKEW
  const { memberNames, memberTypes, struct } = schema()
  const members = memberNames.length
  let id = ''
  let stream = ''
  const envelope = ['', '', '', '']
  let entityCount = 0
  let metadataStart = -1
  let metadataEnd = -1
  let where = 'request (no id)'
  const fail = (message: string): never => { throw new ValidationError(`${where}: ${message}`) }
  const malformed = (err: unknown): never => {
    if (err instanceof WireError) throw new ValidationError(`request is not a valid diode.v1.IngestRequest (${bytes.length} bytes): ${err.message}`)
    throw err
  }

  const size = bytes.length
  try {
    let p = 0
    while (p < size) {
      const tag = readVarint(bytes, p, size)
      p = cursor.pos
      const number = Math.floor(tag / 8)
      const wireType = tag & 7
      const known = number >= F_STREAM && number <= F_METADATA
      if (known && wireType !== 2) throw notDelimited(number, wireType)
      if (number === 0) throw new WireError('field number 0')
      p = skipField(bytes, p, size, wireType)
      if (!known) continue
      const s = cursor.start
      if (number === F_ENTITIES) entityCount++
      else if (number === F_METADATA) { metadataStart = s; metadataEnd = p }
      else if (number === F_ID) id = readString(bytes, s, p)
      else if (number === F_STREAM) stream = readString(bytes, s, p)
      else envelope[number - F_PRODUCER_APP_NAME] = readString(bytes, s, p)
    }
  } catch (err) {
    malformed(err)
  }

  if (id) where = `request ${quote(id)}`
  if (!id) fail('id is required')
  if (!UUID.test(id)) fail('id must be a UUID')
  for (let f = 0; f < ENVELOPE_STRINGS.length; f++) {
    const v = envelope[f]!
    if (v === '') fail(`${ENVELOPE_STRINGS[f]} is required`)
    if (v.length > MAX_NAME_LENGTH) fail(`${ENVELOPE_STRINGS[f]} is ${v.length} characters; the limit is ${MAX_NAME_LENGTH}`)
  }
  if (stream.length > MAX_NAME_LENGTH) fail(`stream is ${stream.length} characters; the limit is ${MAX_NAME_LENGTH}`)
  if (entityCount === 0) fail('entities is empty; at least one entity is required')
  if (entityCount > maxEntities) fail(`${entityCount} entities; the limit is ${maxEntities} (maxEntities); split the request`)

  try {
    if (metadataStart >= 0) scanMessage(bytes, metadataStart, metadataEnd, struct, 'metadata', 0, limits, fail)
    const errors: string[] = []
    let i = 0
    const at = (message: string): never => fail(`entity ${i}: ${message}`)
    // The first pass checked this framing; here it only finds the entities again.
    let p = 0
    while (p < size) {
      const tag = readVarint(bytes, p, size)
      p = skipField(bytes, cursor.pos, size, tag & 7)
      if (tag !== (F_ENTITIES << 3 | 2)) continue
      const end = p
      let q = cursor.start
      let member = 0
      let memberStart = 0
      let memberEnd = 0
      let timestampStart = -1
      let timestampEnd = -1
      while (q < end) {
        const entityTag = readVarint(bytes, q, end)
        const number = Math.floor(entityTag / 8)
        const wireType = entityTag & 7
        if (number === 0) throw entityFieldZero(i)
        q = skipField(bytes, cursor.pos, end, wireType)
        if (number === F_TIMESTAMP || (number < members && memberTypes[number] !== undefined)) {
          if (wireType !== 2) at(notMessage(number, wireType))
          if (number === F_TIMESTAMP) { timestampStart = cursor.start; timestampEnd = q } else { member = number; memberStart = cursor.start; memberEnd = q }
        }
      }
      if (member === 0) at('no entity type is set (the oneof "entity" is empty)')
      const name = memberNames[member]!
      if (timestampStart >= 0) {
        const verdict = checkTimestamp(bytes, timestampStart, timestampEnd, now, skew)
        if (verdict === TIMESTAMP_INVALID) at('timestamp is not a valid time (nanos must be 0..999999999)')
        if (verdict === TIMESTAMP_AHEAD) at(inTheFuture(stampMs(), now, skew))
      }
      scanMessage(bytes, memberStart, memberEnd, memberTypes[member]!, name, 0, limits, at)
      if (options.reconciledTypes && !options.reconciledTypes.has(name)) errors.push(notReconciled(i, name))
      i++
    }
    return {
      id,
      producer_app_name: envelope[0]!,
      producer_app_version: envelope[1]!,
      sdk_name: envelope[2]!,
      sdk_version: envelope[3]!,
      entityCount,
      errors
    }
  } catch (err) {
    return malformed(err)
  }
}
