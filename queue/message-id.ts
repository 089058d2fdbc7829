// The queue message id of an IngestRequest or of one part of it (see QueueMessage.id in types.ts).
// A request too large for one queue message is published as several parts; each part's id names
// the request and the index, in the ORIGINAL request, of the part's first entity, so the
// reconciler can log every entity under its original index, and a retried request deduplicates
// part by part (the same bytes split under the same limit give the same ids).

/** Separates the request id from the first entity index in a part's message id. A request id is
 * a UUID (the ingester validates it), so it never holds this character. */
const PART_SEPARATOR = '#'
const PART_ID = /^(.+)#(0|[1-9][0-9]{0,8})$/

export interface MessageIdParts {
  /** The IngestRequest id. */
  requestId: string
  /** Index in the original request of the message's first entity; 0 for a whole request. */
  entityOffset: number
}

/** `<request id>#<first entity index>`: the message id of one part of a split request. */
export function partMessageId (requestId: string, firstEntity: number): string {
  return `${requestId}${PART_SEPARATOR}${firstEntity}`
}

/** Reads a message id written by the ingester: a bare request id (a request published whole) or
 * a part id. Anything else is taken as a bare request id. */
export function parseMessageId (id: string): MessageIdParts {
  const m = PART_ID.exec(id)
  return m ? { requestId: m[1]!, entityOffset: Number(m[2]) } : { requestId: id, entityOffset: 0 }
}
