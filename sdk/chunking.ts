// Splits entities into requests that stay under a size limit, greedily and in order, as the
// official SDKs do (create_message_chunks / CreateMessageChunks): gRPC servers reject messages over
// 4 MB by default, hence the 3 MB default with room for the envelope. A single entity larger than
// the limit still goes, alone, so the server can answer it with a clear error.
import { EntityType } from '../proto/index.ts'
import type { Entity } from '../proto/index.ts'

/** Default largest request, in bytes (3 MiB, the official SDKs' 3.0 MB). */
export const DEFAULT_MAX_CHUNK_BYTES = 3 * 1024 * 1024

/** Serialized size of one entity inside IngestRequest.entities: tag, length prefix, message. */
export function entityFieldSize (encodedLength: number): number {
  return 1 + varintSize(encodedLength) + encodedLength
}

export function varintSize (n: number): number {
  let size = 1
  while (n >= 0x80) { n = Math.floor(n / 128); size++ }
  return size
}

export function encodeEntity (entity: Entity): Uint8Array {
  return EntityType.encode(EntityType.fromObject(entity as Record<string, unknown>)).finish()
}

/** Groups consecutive sizes so each group's total plus `overhead` stays within `maxBytes`; returns
 * [start, end) index ranges. An item over the limit forms a group of its own. */
export function planChunks (sizes: readonly number[], maxBytes: number, overhead = 0): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let start = 0
  let total = overhead
  for (let i = 0; i < sizes.length; i++) {
    if (i > start && total + sizes[i] > maxBytes) {
      ranges.push([start, i])
      start = i
      total = overhead
    }
    total += sizes[i]
  }
  if (sizes.length > start || ranges.length === 0) ranges.push([start, sizes.length])
  return ranges
}

/** Splits entities into chunks whose encoded IngestRequest.entities stay within maxChunkBytes
 * (default 3 MiB), preserving order. Like the official SDKs, empty input gives one empty chunk. */
export function chunkEntities (entities: Entity[], maxChunkBytes: number = DEFAULT_MAX_CHUNK_BYTES): Entity[][] {
  if (!Number.isFinite(maxChunkBytes) || maxChunkBytes <= 0) throw new RangeError(`maxChunkBytes: expected a positive number of bytes, got ${maxChunkBytes}`)
  const sizes = entities.map((e) => entityFieldSize(encodeEntity(e).length))
  return planChunks(sizes, maxChunkBytes).map(([a, b]) => entities.slice(a, b))
}

/** Estimated encoded size of an IngestRequest holding these entities, without the envelope. */
export function estimateMessageSize (entities: Entity[]): number {
  return entities.reduce((sum, e) => sum + entityFieldSize(encodeEntity(e).length), 0)
}
