// Entities still in the queue, read as QUEUED logs. An entity's log is written by the transaction
// that applies it, so until then its queue message is all there is of it: a person who just sent
// a request (or an operator watching a backlog) would find nothing under its request id. The
// newest waiting messages are read where they lie (Queue.waiting, which takes nothing) and their
// entities listed, with the same filters as the stored logs.
import { decodeEntity, splitIngestRequest, type EntityPart, type RequestParts } from '../../proto/index.ts'
import { parseMessageId, type Queue, type WaitingMessage } from '../../queue/index.ts'
import { safeJson } from '../ingestion-log.ts'
import { MODEL_BY_TYPE } from '../models.ts'
import type { IngestionLogFilter, IngestionLogRow } from './ingestion-log-query.ts'

/** Messages, and bytes, read per call at most, newest first: a backlog of millions (or of a few
 * hundred requests of thousands of entities) is not listed whole on every read. */
export const QUEUED_SCAN_LIMIT = 1000
export const QUEUED_SCAN_BYTES = 32 * 1024 * 1024

/** A log as the stored ones are read, for an entity that has none yet: no id (its log is written
 * when it is applied), no object, no change set. */
export type QueuedLogRow = Omit<IngestionLogRow, 'id'> & { id: null }

export interface QueuedLogs {
  /** QUEUED logs matching every filter but `state` (and `ids`: a queued entity has no log id). */
  count: number
  /** The page asked for, entities decoded. */
  rows: QueuedLogRow[]
  /** Messages read, and whether the scan stopped at a cap, older messages perhaps unread (the
   * count is then a floor). */
  scanned: number
  truncated: boolean
  /** Set when the queue could not be read: the stored logs are still worth answering with. */
  error?: string
}

const micros = (ms: number): string => (BigInt(ms) * 1000n).toString()

interface Candidate { message: WaitingMessage, header: RequestParts['header'], entity: EntityPart, index: number, requestId: string, objectType: string }

/** The filters on what a message's entities share: its time. */
function inWindow (filter: IngestionLogFilter, message: WaitingMessage): boolean {
  const us = BigInt(message.time.getTime()) * 1000n
  return (filter.sinceMicros === undefined || us >= filter.sinceMicros) && (filter.untilMicros === undefined || us <= filter.untilMicros)
}

function matches (filter: IngestionLogFilter, c: Candidate): boolean {
  if (filter.requestIds !== undefined && !filter.requestIds.includes(c.requestId)) return false
  if (filter.objectTypes !== undefined && !filter.objectTypes.includes(c.objectType)) return false
  if (filter.producers !== undefined && !filter.producers.includes(c.header.producer_app_name ?? '')) return false
  return true
}

function toRow (c: Candidate): QueuedLogRow {
  const source = c.entity.timestamp
  const sourceMs = source === undefined ? undefined : source.seconds * 1000 + Math.floor(source.nanos / 1e6)
  return {
    id: null,
    request_id: c.requestId,
    entity_index: c.index,
    producer_app_name: c.header.producer_app_name ?? '',
    producer_app_version: c.header.producer_app_version ?? '',
    sdk_name: c.header.sdk_name ?? '',
    sdk_version: c.header.sdk_version ?? '',
    object_type: c.objectType,
    object_id: null,
    state: 'QUEUED',
    change_set: null,
    error: null,
    entity: JSON.parse(safeJson(decodeEntity(c.entity.bytes))),
    ingestion_ts: c.message.time,
    ingestion_us: micros(c.message.time.getTime()),
    source_ts: sourceMs === undefined ? null : new Date(sourceMs),
    source_us: source === undefined ? null : (BigInt(source.seconds) * 1000000n + BigInt(Math.floor(source.nanos / 1000))).toString(),
    created: c.message.time
  }
}

/** The queued logs matching `filter` (its `state` is the caller's to apply), newest message
 * first and in entity order within one; `page` picks the rows decoded. A message that does not
 * parse is left out: the reconciler logs it as FAILED when it gets to it. */
export async function readQueuedLogs (queue: Queue, filter: IngestionLogFilter, page: { offset: number, limit: number }): Promise<QueuedLogs> {
  let messages: WaitingMessage[]
  try {
    messages = await queue.waiting(QUEUED_SCAN_LIMIT + 1, QUEUED_SCAN_BYTES)
  } catch (err) {
    return { count: 0, rows: [], scanned: 0, truncated: false, error: (err as Error).message }
  }
  // The scan stopped at a cap: older messages may be waiting unread.
  let truncated = messages.reduce((n, m) => n + m.data.byteLength, 0) >= QUEUED_SCAN_BYTES
  if (messages.length > QUEUED_SCAN_LIMIT) {
    messages.length = QUEUED_SCAN_LIMIT
    truncated = true
  }
  let count = 0
  const rows: QueuedLogRow[] = []
  // A queued entity has no log id yet: a lookup by id matches none.
  if (filter.ids !== undefined) return { count, rows, scanned: messages.length, truncated }
  for (const message of messages) {
    if (!inWindow(filter, message)) continue
    const { requestId, entityOffset } = parseMessageId(message.id)
    let parts: RequestParts
    try {
      parts = splitIngestRequest(message.data)
    } catch {
      continue
    }
    parts.entities.forEach((entity, local) => {
      const type = entity.type ?? ''
      const c: Candidate = {
        message,
        header: parts.header,
        entity,
        index: entityOffset + local,
        requestId: parts.header.id || requestId,
        objectType: MODEL_BY_TYPE.get(type)?.objectType ?? (type || 'unknown')
      }
      if (!matches(filter, c)) return
      if (count >= page.offset && rows.length < page.limit) rows.push(toRow(c))
      count++
    })
  }
  return { count, rows, scanned: messages.length, truncated }
}
