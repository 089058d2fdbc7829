// Ingestion logs: one per received entity whatever became of it (APPLIED, NO_CHANGES, FAILED),
// with its change set or its error. Entities without an error are stored grouped per request,
// object type and state (migrations 0006 and 0008) and expanded on read; FAILED ones get a row
// each. Written in the batch's transaction, so a log says APPLIED only if the change committed;
// unique keys keep a redelivered request from logging an entity twice.
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

const json = (v: object | null): string => v === null ? 'null' : safeJson(v)

/** A log kept in a group (migrations 0006, 0008): every entity of a decoded request without an error. */
function isGrouped (r: IngestionLogRow): boolean {
  return r.error === null && r.entityIndex >= 0 && (r.state === 'APPLIED' || r.state === 'NO_CHANGES')
}

/** Id of a repeat group: a UUIDv7 with its last 32 bits zero, where readers put the entity index. */
export function repeatGroupId (): string {
  return `${uuidv7().slice(0, 28)}00000000`
}

/** Inserts the logs of a batch in one statement: each request's (or part's) bytes once (ingestion_request),
 * the entities without an error as one ingestion_log_repeat row per request, object type and state
 * (entity indexes, objects, source times and change sets as arrays), and one ingestion_log row per
 * FAILED entity. The entity itself is not copied into the log: readers decode it from the request's
 * bytes (entitiesOfPayload). What every entity of a request shares (request id, producer, sdk, time)
 * travels once per request and is joined in by ordinal; change sets and errors travel as JSON
 * arrays (a group's change sets as one array element, kept as json text), parsed once by the
 * server, rather than as text[] elements escaped twice. Returns the number of entities logged. */
export async function writeIngestionLogs (tx: Queryable, rows: IngestionLogRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const requests: RequestInfo[] = []
  const ordinal = new Map<RequestInfo, number>()
  const requestOrdinal = (q: RequestInfo): number => {
    let n = ordinal.get(q)
    if (n === undefined) {
      requests.push(q)
      ordinal.set(q, (n = requests.length))
    }
    return n
  }
  const logs: IngestionLogRow[] = []
  const groups = new Map<string, { rq: number, objectType: string, state: IngestionState, rows: IngestionLogRow[] }>()
  for (const r of rows) {
    const rq = requestOrdinal(r.request)
    if (!isGrouped(r)) { logs.push(r); continue }
    const key = `${rq}\u0000${r.objectType}\u0000${r.state}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { rq, objectType: r.objectType, state: r.state, rows: [] }))
    g.rows.push(r)
  }
  const groupList = [...groups.values()]
  const members: Array<{ g: number, row: IngestionLogRow }> = []
  const changeSets: string[] = []
  groupList.forEach((g, i) => {
    g.rows.sort((a, b) => a.entityIndex - b.entityIndex)
    for (const row of g.rows) members.push({ g: i + 1, row })
    // One JSON.stringify per group, not one per entity joined afterwards: the same text.
    changeSets.push(g.rows.some((r) => r.changeSet !== null) ? safeJson(g.rows.map((r) => r.changeSet)) : 'null')
  })
  // The requests' bytes travel as one bytea in binary form (no base64 to encode, parse and decode),
  // each request's own at its offset.
  const payloads: Uint8Array[] = []
  const payloadAt: Array<number | null> = []
  let bytes = 0
  for (const q of requests) {
    payloadAt.push(q.payload === undefined ? null : bytes)
    if (q.payload !== undefined) { payloads.push(q.payload); bytes += q.payload.byteLength }
  }
  const r = await tx.query<{ n: number }>(
    `with q as (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int4[], $27::int4[], $24::int4[])
         with ordinality as q(request_id, pa, pv, sn, sv, its, payload_at, payload_len, entity_offset, n)),
       req as (insert into ingestion_request (request_id, entity_offset, payload)
         select request_id, entity_offset, substring($28::bytea from payload_at + 1 for payload_len) from q where payload_at is not null
         on conflict do nothing),
       logs as (insert into ingestion_log (id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version,
           object_type, object_id, state, change_set, error, ingestion_ts, source_ts)
         select x.id, q.request_id, x.entity_index, q.pa, q.pv, q.sn, q.sv, x.object_type, x.object_id, x.state,
           nullif(x.cs, 'null'::jsonb), nullif(x.err, 'null'::jsonb), coalesce(q.its, now()), to_timestamp(x.sts / 1000.0)
         from rows from (unnest($8::uuid[]), unnest($9::int4[]), unnest($10::int4[]), unnest($11::text[]), unnest($12::int8[]),
             unnest($13::text[]), unnest($14::float8[]), jsonb_array_elements($15::jsonb), jsonb_array_elements($16::jsonb))
             as x(id, rq, entity_index, object_type, object_id, state, sts, cs, err)
           join q on q.n = x.rq
         on conflict (request_id, entity_index) do nothing
         returning 1),
       m as (select e.g, array_agg(e.entity_index order by e.n) as ei, array_agg(e.object_id order by e.n) as oi,
           array_agg(to_timestamp(e.sts / 1000.0) order by e.n) as st
         from unnest($20::int4[], $21::int4[], $22::int8[], $23::float8[]) with ordinality as e(g, entity_index, object_id, sts, n)
         group by e.g),
       reps as (insert into ingestion_log_repeat (id, request_id, producer_app_name, producer_app_version, sdk_name, sdk_version,
           object_type, state, entity_indexes, object_ids, source_ts, change_sets, ingestion_ts, first_index)
         select g.id, q.request_id, q.pa, q.pv, q.sn, q.sv, g.object_type, g.state, m.ei, m.oi, m.st, case when json_typeof(g.cs) <> 'null' then g.cs end,
           coalesce(q.its, now()), m.ei[1]
         from rows from (unnest($17::uuid[]), unnest($18::int4[]), unnest($19::text[]), unnest($25::text[]), json_array_elements($26::json))
             with ordinality as g(id, rq, object_type, state, cs, n)
           join q on q.n = g.rq
           join m on m.g = g.n
         on conflict (request_id, object_type, first_index) do nothing
         returning cardinality(entity_indexes) as c)
     select ((select count(*) from logs) + (select coalesce(sum(c), 0) from reps))::int as n`,
    [requests.map((q) => q.id), requests.map((q) => q.producerAppName), requests.map((q) => q.producerAppVersion),
      requests.map((q) => q.sdkName), requests.map((q) => q.sdkVersion), requests.map((q) => iso(q.ingestionTs)), payloadAt,
      logs.map(() => uuidv7()), logs.map((r) => ordinal.get(r.request)!), logs.map((r) => r.entityIndex), logs.map((r) => r.objectType), logs.map((r) => r.objectId),
      logs.map((r) => r.state), logs.map((r) => msOf(r.sourceTs)),
      `[${logs.map((r) => json(r.changeSet)).join(',')}]`, `[${logs.map((r) => json(r.error)).join(',')}]`,
      groupList.map(() => repeatGroupId()), groupList.map((g) => g.rq), groupList.map((g) => g.objectType),
      members.map((x) => x.g), members.map((x) => x.row.entityIndex), members.map((x) => x.row.objectId), members.map((x) => msOf(x.row.sourceTs)),
      requests.map((q) => q.entityOffset ?? 0), groupList.map((g) => g.state), `[${changeSets.join(',')}]`,
      requests.map((q) => q.payload?.byteLength ?? null), Buffer.concat(payloads, bytes)])
  return Number(r.rows[0].n)
}

/** The entities of stored request bytes as the log shows them: protobufjs' plain object form, as
 * JSON would carry it, with NUL characters replaced as everywhere else in the log. */
export function entitiesOfPayload (payload: Uint8Array): unknown[] {
  return (decodeIngestRequest(payload).entities ?? []).map((e) => JSON.parse(safeJson(e)))
}

/** Advisory lock class of requests being applied (pg_advisory_xact_lock(class, key)). */
const REQUEST_LOCK = 0x7472

/** Holds each request until this transaction ends. A request redelivered while its first delivery
 * is still being applied (a slow batch outliving the ack deadline) then waits for that delivery
 * to commit and finds it logged (loggedParts), instead of logging its entities a second time:
 * one APPLIED in ingestion_log and one NO_CHANGES in a repeat group would hit no unique key. Taken
 * before any row is written and in one sorted statement, so it cannot take part in a deadlock. */
export async function lockRequests (tx: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await tx.query(`select pg_advisory_xact_lock(${REQUEST_LOCK}, k)
    from (select distinct hashtext(id) as k from unnest($1::text[]) as id order by 1) as s`, [ids])
}

/** The parts (partKey) among `requests` that already have logs: a redelivery of a committed
 * request, or of one committed part of a split request. A part's entities are logged in one
 * transaction, so its first entity's log (a row of its own or a member of a repeat group) stands
 * for all of them. */
export async function loggedParts (tx: Queryable, requests: RequestInfo[]): Promise<Set<string>> {
  if (requests.length === 0) return new Set()
  const r = await tx.query<{ request_id: string, entity_index: number }>(
    `with p as (select * from unnest($1::text[], $2::int4[]) as p(request_id, entity_index))
     select l.request_id, l.entity_index from ingestion_log l join p using (request_id, entity_index)
     union
     select p.request_id, p.entity_index from ingestion_log_repeat r join p on r.request_id = p.request_id and p.entity_index = any(r.entity_indexes)`,
    [requests.map((q) => q.id), requests.map((q) => q.entityOffset ?? 0)])
  return new Set(r.rows.map((x) => `${x.request_id}#${x.entity_index}`))
}
