// Ingestion logs: one row per received entity whatever became of it (APPLIED, NO_CHANGES, FAILED),
// with its change set or its error. Written in the batch's transaction, so a log says APPLIED only
// if the change committed; unique (request_id, entity_index) keeps a redelivered request from
// logging an entity twice.
import { randomBytes } from 'node:crypto'
import { decodeIngestRequest } from '../proto/index.ts'
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
  /** The IngestRequest bytes, stored once per request (per part) in ingestion_request; the logs'
   * entities are decoded from them on read. Undefined when the bytes could not be decoded. */
  payload?: Uint8Array
  /** For one part of a request the ingester split to fit the queue (queue/types.ts, QueueMessage.id):
   * the original index of the part's first entity, which the part's own indexes are shifted by.
   * 0 for a request received whole. */
  entityOffset?: number
}

/** What a redelivery is recognised by: one request, or one part of a split request. */
export function partKey (r: RequestInfo): string {
  return `${r.id}#${r.entityOffset ?? 0}`
}

export interface IngestionLogRow {
  request: RequestInfo
  entityIndex: number
  objectType: string
  objectId: number | null
  state: IngestionState
  changeSet: EntityChangeSet | null
  error: EntityErrorInfo | null
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

const msOf = (d: Date | null): number | null => d === null || Number.isNaN(d.getTime()) ? null : d.getTime()

/** Inserts log rows, and each request's (or part's) bytes once (ingestion_request), in one statement. The
 * entity itself is not copied into the log row: readers decode it from the request's bytes
 * (entitiesOfPayload). What every entity of a request shares (request id, producer, sdk, time)
 * travels once per request and is joined in by ordinal; change sets and errors travel as one JSON
 * array each, parsed once by the server, rather than as text[] elements escaped twice. */
export async function writeIngestionLogs (tx: Queryable, rows: IngestionLogRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const requests: RequestInfo[] = []
  const ordinal = new Map<RequestInfo, number>()
  const rq: number[] = []
  for (const r of rows) {
    let n = ordinal.get(r.request)
    if (n === undefined) {
      requests.push(r.request)
      ordinal.set(r.request, (n = requests.length))
    }
    rq.push(n)
  }
  const payload = (p: Uint8Array | undefined): string | null => p === undefined ? null : Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('base64')
  const json = (v: object | null): string => v === null ? 'null' : safeJson(v)
  const r = await tx.query(
    `with q as (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $17::int4[])
         with ordinality as q(request_id, pa, pv, sn, sv, its, payload, entity_offset, n)),
       req as (insert into ingestion_request (request_id, entity_offset, payload)
         select request_id, entity_offset, decode(payload, 'base64') from q where payload is not null on conflict do nothing)
     insert into ingestion_log (id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version,
       object_type, object_id, state, change_set, error, ingestion_ts, source_ts)
     select x.id, q.request_id, x.entity_index, q.pa, q.pv, q.sn, q.sv, x.object_type, x.object_id, x.state,
       nullif(cs.value, 'null'::jsonb), nullif(err.value, 'null'::jsonb), coalesce(q.its, now()), to_timestamp(x.sts / 1000.0)
     from unnest($8::uuid[], $9::int4[], $10::int4[], $11::text[], $12::int8[], $13::text[], $14::float8[])
         with ordinality as x(id, rq, entity_index, object_type, object_id, state, sts, n)
       join q on q.n = x.rq
       join jsonb_array_elements($15::jsonb) with ordinality as cs(value, n) on cs.n = x.n
       join jsonb_array_elements($16::jsonb) with ordinality as err(value, n) on err.n = x.n
     on conflict (request_id, entity_index) do nothing`,
    [requests.map((q) => q.id), requests.map((q) => q.producerAppName), requests.map((q) => q.producerAppVersion),
      requests.map((q) => q.sdkName), requests.map((q) => q.sdkVersion), requests.map((q) => iso(q.ingestionTs)), requests.map((q) => payload(q.payload)),
      rows.map(() => uuidv7()), rq, rows.map((r) => r.entityIndex), rows.map((r) => r.objectType), rows.map((r) => r.objectId),
      rows.map((r) => r.state), rows.map((r) => msOf(r.sourceTs)),
      `[${rows.map((r) => json(r.changeSet)).join(',')}]`, `[${rows.map((r) => json(r.error)).join(',')}]`,
      requests.map((q) => q.entityOffset ?? 0)])
  return r.rowCount
}

/** The entities of stored request bytes as the log shows them: protobufjs' plain object form, as
 * JSON would carry it, with NUL characters replaced as everywhere else in the log. */
export function entitiesOfPayload (payload: Uint8Array): unknown[] {
  return (decodeIngestRequest(payload).entities ?? []).map((e) => JSON.parse(safeJson(e)))
}

/** The parts (partKey) among `requests` that already have logs: a redelivery of a committed
 * request, or of one committed part of a split request. A part's entities are logged in one
 * transaction, so its first entity's log stands for all of them. */
export async function loggedParts (tx: Queryable, requests: RequestInfo[]): Promise<Set<string>> {
  if (requests.length === 0) return new Set()
  const r = await tx.query<{ request_id: string, entity_index: number }>(
    `select l.request_id, l.entity_index from ingestion_log l
       join unnest($1::text[], $2::int4[]) as p(request_id, entity_index) using (request_id, entity_index)`,
    [requests.map((q) => q.id), requests.map((q) => q.entityOffset ?? 0)])
  return new Set(r.rows.map((x) => `${x.request_id}#${x.entity_index}`))
}
