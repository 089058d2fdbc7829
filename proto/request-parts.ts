// An IngestRequest split into its own fields (decoded) and its entities (left as bytes), so a
// consumer decodes only the entities it needs: the reconciler finds most entities of a scheduled
// run unchanged from their bytes alone and never builds their objects.
import type { Entity__Output } from './generated/diode/v1/Entity.ts'
import type { IngestRequest__Output } from './generated/diode/v1/IngestRequest.ts'
import { EntityType, IngestRequestType, messageType, TO_OBJECT_OPTIONS } from './codec.ts'
import { ENTITY_FIELD_NUMBER } from './entity-types.ts'
import { forEachField, readTimestamp } from './wire.ts'

export interface EntityPart {
  /** The diode.v1.Entity message's bytes (a view into the request's). */
  bytes: Uint8Array
  /** The Entity member set (the first on the wire), or undefined when none is. */
  type: string | undefined
  /** Entity.timestamp, when sent. */
  timestamp?: { seconds: number, nanos: number }
  /** Where the timestamp field (tag included) lies in `bytes`, when sent: what a content hash
   * leaves out, since it changes on every run. */
  timestampAt?: number
  timestampEnd?: number
}

export interface RequestParts {
  /** Every field of the request but its entities. */
  header: IngestRequest__Output
  entities: EntityPart[]
}

const ENTITIES = IngestRequestType.fields.entities.id
const TIMESTAMP = EntityType.fields.timestamp.id
const MEMBER_BY_NUMBER: ReadonlyMap<number, string> = new Map(Object.entries(ENTITY_FIELD_NUMBER).map(([name, n]) => [n, name]))
const TimestampType = messageType('google.protobuf.Timestamp')

function decodeTimestamp (bytes: Uint8Array): { seconds: number, nanos: number } {
  const t = TimestampType.toObject(TimestampType.decode(bytes), TO_OBJECT_OPTIONS)
  return { seconds: Number(t.seconds ?? 0), nanos: Number(t.nanos ?? 0) }
}

/** Splits IngestRequest bytes; throws an Error naming what does not parse. */
export function splitIngestRequest (bytes: Uint8Array): RequestParts {
  const headerRanges: Array<[number, number]> = []
  const entities: EntityPart[] = []
  const ok = forEachField(bytes, 0, bytes.length, (field, start, value, end) => {
    if (field !== ENTITIES) { headerRanges.push([start, end]); return }
    const part: EntityPart = { bytes: bytes.subarray(value, end), type: undefined }
    const parsed = forEachField(bytes, value, end, (f, s, v, e) => {
      if (f === TIMESTAMP) {
        part.timestamp = readTimestamp(bytes, v, e) ?? decodeTimestamp(bytes.subarray(v, e))
        part.timestampAt = s - value
        part.timestampEnd = e - value
      } else {
        part.type ??= MEMBER_BY_NUMBER.get(f)
      }
    })
    if (!parsed) throw new Error(`entity ${entities.length} does not parse as diode.v1.Entity`)
    entities.push(part)
  })
  if (!ok) throw new Error('bytes do not parse as a protobuf message')
  let header: Uint8Array
  if (headerRanges.length === 1) {
    header = bytes.subarray(headerRanges[0][0], headerRanges[0][1])
  } else {
    header = new Uint8Array(headerRanges.reduce((n, [s, e]) => n + e - s, 0))
    let at = 0
    for (const [s, e] of headerRanges) { header.set(bytes.subarray(s, e), at); at += e - s }
  }
  const decoded = IngestRequestType.toObject(IngestRequestType.decode(header), TO_OBJECT_OPTIONS) as IngestRequest__Output
  return { header: decoded, entities }
}

/** The bytes of member `type` (EntityPart.type) of the Entity in `b`: the last one sent, the one
 * a decoder keeps. Empty when the member was sent empty; undefined when the entity names no
 * member. */
export function entityMember (b: Uint8Array, type: string | undefined): Uint8Array | undefined {
  if (type === undefined) return undefined
  const number = ENTITY_FIELD_NUMBER[type]
  let member: Uint8Array | undefined
  forEachField(b, 0, b.length, (f, _s, v, e, wireType) => { if (f === number && wireType === 2) member = b.subarray(v, e) })
  return member
}

/** Decodes one Entity's bytes as decodeIngestRequest would have decoded it inside its request. */
export function decodeEntity (bytes: Uint8Array): Entity__Output {
  return EntityType.toObject(EntityType.decode(bytes), TO_OBJECT_OPTIONS) as Entity__Output
}
