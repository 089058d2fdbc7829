// Splits an IngestRequest too large for one queue message into parts on entity boundaries, by
// slicing the original wire bytes: no entity is decoded or re-encoded, so what the reconciler reads
// is byte for byte what the producer sent. Each part is a valid IngestRequest: every non-entity
// field of the original (id, stream, producer and SDK names, metadata), in their original order,
// then a consecutive run of the original's entity records, as many as fit under the limit.
// The official Diode SDKs send up to 3 MiB per request while NATS takes 1 MiB per message by
// default; splitting here lets that traffic through without asking operators to raise max_payload.
import { forEachField, IngestRequestType } from '../proto/index.ts'
import { partMessageId } from '../queue/index.ts'
import { EntityTooLargeError } from './errors.ts'
import { WireError } from './wire-scan.ts'

const F_ENTITIES = IngestRequestType.fields.entities.id

export interface RequestPart {
  /** Queue message id: the request id for a request sent whole, else `<request id>#<first entity
   * index>` (queue/types.ts, QueueMessage.id). */
  id: string
  /** Index in the original request of the part's first entity. */
  firstEntity: number
  bytes: Uint8Array
}

/**
 * The queue messages for the IngestRequest `bytes` (already validated) whose id is `requestId`:
 * one message holding the bytes as they are when they fit in `maxBytes`, else parts on entity
 * boundaries, each at most `maxBytes`, greedy in entity order. The same bytes and limit always
 * give the same parts and ids, so a retried request deduplicates part by part. Throws
 * EntityTooLargeError when one entity cannot fit on its own, WireError for malformed bytes.
 */
export function splitRequest (bytes: Uint8Array, requestId: string, maxBytes: number | undefined): RequestPart[] {
  if (maxBytes === undefined || bytes.length <= maxBytes) {
    return [{ id: requestId, firstEntity: 0, bytes }]
  }
  const header: Array<[number, number]> = []
  const entities: Array<[number, number]> = []
  let headerBytes = 0
  const parsed = forEachField(bytes, 0, bytes.length, (field, start, _value, end) => {
    if (field === 0) throw new WireError(`field number 0 at byte ${start}`)
    if (field === F_ENTITIES) {
      entities.push([start, end])
    } else {
      header.push([start, end])
      headerBytes += end - start
    }
  })
  if (!parsed) throw new WireError('the request bytes do not parse')

  const parts: RequestPart[] = []
  let first = 0
  let size = headerBytes
  const flush = (end: number): void => {
    const out = Buffer.allocUnsafe(size)
    let at = 0
    const copy = ([s, e]: [number, number]): void => {
      out.set(bytes.subarray(s, e), at)
      at += e - s
    }
    header.forEach(copy)
    for (let i = first; i < end; i++) copy(entities[i]!)
    parts.push({ id: partMessageId(requestId, first), firstEntity: first, bytes: out })
  }
  for (let i = 0; i < entities.length; i++) {
    const [s, e] = entities[i]!
    const n = e - s
    if (headerBytes + n > maxBytes) throw new EntityTooLargeError(i, headerBytes + n, maxBytes)
    if (size + n > maxBytes) {
      flush(i)
      first = i
      size = headerBytes
    }
    size += n
  }
  flush(entities.length)
  return parts
}
