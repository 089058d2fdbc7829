// Builds IngestRequest bytes from an encoded envelope plus pre-encoded entities. Each entity is
// encoded once, measured for chunking, and its bytes reused on every retry of its chunk; protobuf
// allows fields in any order, so appending the repeated `entities` field (2) to the envelope is a
// valid encoding of the whole request.
import { encodeIngestRequest, toStruct } from '../proto/index.ts'
import type { IngestRequest, Struct } from '../proto/index.ts'
import { entityFieldSize } from './chunking.ts'
import { SdkArgumentError, ERR_SDK_INVALID_OPTION } from './errors.ts'

const ENTITIES_TAG = (2 << 3) | 2

/** The request without its entities. */
export type Envelope = Omit<IngestRequest, 'entities'>

export function encodeEnvelope (envelope: Envelope): Uint8Array {
  return encodeIngestRequest(envelope)
}

export function appendEntities (envelope: Uint8Array, entities: readonly Uint8Array[]): Buffer {
  const total = envelope.length + entities.reduce((s, e) => s + entityFieldSize(e.length), 0)
  const out = Buffer.allocUnsafe(total)
  out.set(envelope, 0)
  let pos = envelope.length
  for (const e of entities) {
    out[pos++] = ENTITIES_TAG
    let n = e.length
    while (n >= 0x80) { out[pos++] = (n & 0x7f) | 0x80; n = Math.floor(n / 128) }
    out[pos++] = n
    out.set(e, pos)
    pos += e.length
  }
  return out
}

/** Request-level metadata as a Struct; a bad value throws naming its key. */
export function metadataStruct (metadata: Record<string, unknown> | undefined): Struct | undefined {
  if (metadata === undefined) return undefined
  try {
    return toStruct(metadata, 'metadata')
  } catch (err) {
    throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, (err as Error).message, { cause: err, field: 'metadata' })
  }
}
