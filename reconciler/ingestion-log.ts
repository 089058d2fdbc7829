// Ingestion logs: one row per received entity whatever became of it (APPLIED, NO_CHANGES, FAILED),
// with its change set or its error. Written in the batch's transaction, so a log says APPLIED only
// if the change committed; unique (request_id, entity_index) keeps a redelivered request from
// logging an entity twice.
import { randomBytes } from 'node:crypto'
import type { Queryable } from '../store/index.ts'
import type { EntityChangeSet } from './change-set.ts'

export type IngestionState = 'QUEUED' | 'APPLIED' | 'NO_CHANGES' | 'FAILED'

export interface EntityErrorInfo {
  message: string
  code: string
  entity_index: number
  field?: string
}

export interface RequestInfo {
  id: string
  producerAppName: string
  producerAppVersion: string
  sdkName: string
  sdkVersion: string
  /** When the ingester accepted the request (queue time), else when the reconciler read it. */
  ingestionTs: Date
}

export interface IngestionLogRow {
  request: RequestInfo
  entityIndex: number
  objectType: string
  objectId: number | null
  state: IngestionState
  changeSet: EntityChangeSet | null
  error: EntityErrorInfo | null
  /** The entity as received, already serialised to JSON text. */
  entity: string | null
  sourceTs: Date | null
}

let lastMs = 0
let seq = 0
/** RFC 9562 UUIDv7: time-ordered, so log rows land at the right edge of the primary key index
 * instead of at random pages. */
export function uuidv7 (): string {
  const now = Date.now()
  seq = now === lastMs ? (seq + 1) & 0xfff : 0
  lastMs = now
  const b = randomBytes(16)
  b.writeUIntBE(now, 0, 6)
  b[6] = 0x70 | (seq >> 8)
  b[7] = seq & 0xff
  b[8] = 0x80 | (b[8] & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export async function writeIngestionLogs (tx: Queryable, rows: IngestionLogRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const r = await tx.query(
    `insert into ingestion_log (id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version,
       object_type, object_id, state, change_set, error, entity, ingestion_ts, source_ts)
     select id, request_id, entity_index, pa, pv, sn, sv, object_type, object_id, state, change_set::jsonb, error::jsonb, entity::jsonb, its, sts
     from unnest($1::uuid[], $2::text[], $3::int4[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int8[], $10::text[],
       $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[])
       as p(id, request_id, entity_index, pa, pv, sn, sv, object_type, object_id, state, change_set, error, entity, its, sts)
     on conflict (request_id, entity_index) do nothing`,
    [
      rows.map(() => uuidv7()),
      rows.map((r) => r.request.id),
      rows.map((r) => r.entityIndex),
      rows.map((r) => r.request.producerAppName),
      rows.map((r) => r.request.producerAppVersion),
      rows.map((r) => r.request.sdkName),
      rows.map((r) => r.request.sdkVersion),
      rows.map((r) => r.objectType),
      rows.map((r) => r.objectId),
      rows.map((r) => r.state),
      rows.map((r) => r.changeSet === null ? null : JSON.stringify(r.changeSet)),
      rows.map((r) => r.error === null ? null : JSON.stringify(r.error)),
      rows.map((r) => r.entity),
      rows.map((r) => r.request.ingestionTs.toISOString()),
      rows.map((r) => r.sourceTs === null || Number.isNaN(r.sourceTs.getTime()) ? null : r.sourceTs.toISOString())
    ])
  return r.rowCount
}

/** Request ids among `ids` that already have logs: a redelivery of a committed request. */
export async function loggedRequests (tx: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const r = await tx.query<{ request_id: string }>(
    'select distinct request_id from ingestion_log where request_id = any($1::text[])', [ids])
  return new Set(r.rows.map((x) => x.request_id))
}
