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
let pool = Buffer.alloc(0)
let poolAt = 0

/** RFC 9562 UUIDv7: time-ordered, so log rows land at the right edge of the primary key index
 * instead of at random pages. Random bits come from a pooled buffer (one syscall per 4096 ids). */
export function uuidv7 (): string {
  const now = Date.now()
  seq = now === lastMs ? (seq + 1) & 0xfff : 0
  lastMs = now
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(16 * 4096)
    poolAt = 0
  }
  const b = pool.subarray(poolAt, poolAt + 16)
  poolAt += 16
  b.writeUIntBE(now, 0, 6)
  b[6] = 0x70 | (seq >> 8)
  b[7] = seq & 0xff
  b[8] = 0x80 | (b[8] & 0x3f)
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const nul = (_key: string, v: unknown): unknown => typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\ufffd') : v

/** JSON text PostgreSQL accepts: jsonb and text refuse NUL characters, which a producer may send. */
export function safeJson (value: unknown): string {
  const s = JSON.stringify(value)
  return s.includes('\\u0000') ? JSON.stringify(value, nul) : s
}

const iso = (d: Date | null): string | null => d === null || Number.isNaN(d.getTime()) ? null : d.toISOString()

/** Inserts log rows. They travel as one JSON document (jsonb_to_recordset): the entity and its
 * change set are already JSON, so nothing is escaped twice and the server parses each once. */
export async function writeIngestionLogs (tx: Queryable, rows: IngestionLogRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const parts: string[] = []
  for (const r of rows) {
    parts.push(`{"id":"${uuidv7()}","request_id":${safeJson(r.request.id)},"entity_index":${r.entityIndex},` +
      `"pa":${safeJson(r.request.producerAppName)},"pv":${safeJson(r.request.producerAppVersion)},` +
      `"sn":${safeJson(r.request.sdkName)},"sv":${safeJson(r.request.sdkVersion)},` +
      `"object_type":${safeJson(r.objectType)},"object_id":${r.objectId ?? 'null'},"state":"${r.state}",` +
      `"change_set":${r.changeSet === null ? 'null' : safeJson(r.changeSet)},"error":${r.error === null ? 'null' : safeJson(r.error)},` +
      `"entity":${r.entity ?? 'null'},"its":${JSON.stringify(iso(r.request.ingestionTs))},"sts":${JSON.stringify(iso(r.sourceTs))}}`)
  }
  const r = await tx.query(
    `insert into ingestion_log (id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version,
       object_type, object_id, state, change_set, error, entity, ingestion_ts, source_ts)
     select id, request_id, entity_index, pa, pv, sn, sv, object_type, object_id, state, change_set, error, entity, coalesce(its, now()), sts
     from jsonb_to_recordset($1::jsonb) as x(id uuid, request_id text, entity_index int4, pa text, pv text, sn text, sv text,
       object_type text, object_id int8, state text, change_set jsonb, error jsonb, entity jsonb, its timestamptz, sts timestamptz)
     on conflict (request_id, entity_index) do nothing`,
    [`[${parts.join(',')}]`])
  return r.rowCount
}

/** Request ids among `ids` that already have logs: a redelivery of a committed request. */
export async function loggedRequests (tx: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const r = await tx.query<{ request_id: string }>(
    'select distinct request_id from ingestion_log where request_id = any($1::text[])', [ids])
  return new Set(r.rows.map((x) => x.request_id))
}
