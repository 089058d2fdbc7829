// Reads of the ingestion_log table shared by the HTTP endpoint and the gRPC
// RetrieveIngestionLogs: the same filters, the same per-state counts, newest first.
import type { Queryable } from '../../store/index.ts'
import { noopChangeSet } from '../change-set.ts'
import { entitiesOfPayload } from '../ingestion-log.ts'
import { SqlParams } from './sql-params.ts'

/** States a log row can be in (the schema's check constraint), named as diode.v1.State. */
export const LOG_STATES = ['QUEUED', 'APPLIED', 'NO_CHANGES', 'FAILED', 'OPEN'] as const
export type LogState = typeof LOG_STATES[number]

export interface IngestionLogFilter {
  ids?: string[]
  requestIds?: string[]
  /** Upper-case state names; a name the table never holds simply matches nothing. */
  states?: string[]
  objectTypes?: string[]
  producers?: string[]
  /** Inclusive bounds on ingestion_ts, in microseconds since the epoch (the column's precision). */
  sinceMicros?: bigint
  untilMicros?: bigint
  /** Keyset position for gRPC paging: rows strictly older than this (ingestion_ts, id). */
  before?: { micros: bigint, id: string }
}

export interface IngestionLogRow {
  id: string
  request_id: string
  entity_index: number
  producer_app_name: string
  producer_app_version: string
  sdk_name: string
  sdk_version: string
  object_type: string
  object_id: number | null
  state: string
  change_set: unknown
  error: unknown
  entity: unknown
  ingestion_ts: Date
  /** ingestion_ts in microseconds since the epoch, exact, as a decimal string. */
  ingestion_us: string
  source_ts: Date | null
  source_us: string | null
  created: Date
}

const MICROS = (expr: string): string => `((extract(epoch from ${expr}) * 1000000)::bigint)::text`
const FROM_MICROS = (p: string): string => `(timestamptz 'epoch' + ${p}::bigint * interval '1 microsecond')`

const COLUMNS = `id::text as id, request_id, entity_index, producer_app_name, producer_app_version, sdk_name, sdk_version,
  object_type, object_id, state, change_set, error, entity, ingestion_ts, ${MICROS('ingestion_ts')} as ingestion_us,
  source_ts, ${MICROS('source_ts')} as source_us, created`

function where (filter: IngestionLogFilter, params: SqlParams, withState: boolean): string {
  const c: string[] = []
  if (filter.ids?.length) c.push(`id = any(${params.add(filter.ids)}::uuid[])`)
  if (filter.requestIds?.length) c.push(`request_id = any(${params.add(filter.requestIds)}::text[])`)
  if (withState && filter.states?.length) c.push(`state = any(${params.add(filter.states)}::text[])`)
  if (filter.objectTypes?.length) c.push(`object_type = any(${params.add(filter.objectTypes)}::text[])`)
  if (filter.producers?.length) c.push(`producer_app_name = any(${params.add(filter.producers)}::text[])`)
  if (filter.sinceMicros !== undefined) c.push(`ingestion_ts >= ${FROM_MICROS(params.add(filter.sinceMicros.toString()))}`)
  if (filter.untilMicros !== undefined) c.push(`ingestion_ts <= ${FROM_MICROS(params.add(filter.untilMicros.toString()))}`)
  if (filter.before !== undefined) {
    c.push(`(ingestion_ts, id) < (${FROM_MICROS(params.add(filter.before.micros.toString()))}, ${params.add(filter.before.id)}::uuid)`)
  }
  return c.length > 0 ? `where ${c.join(' and ')}` : ''
}

/** Newest first; id breaks ties so keyset and offset paging are stable. */
export async function selectIngestionLogs (db: Queryable, filter: IngestionLogFilter, page: { limit: number, offset?: number }): Promise<IngestionLogRow[]> {
  const params = new SqlParams()
  const w = where(filter, params, true)
  const r = await db.query<IngestionLogRow>(
    `select ${COLUMNS} from ingestion_log ${w} order by ingestion_ts desc, id desc limit ${params.add(page.limit)} offset ${params.add(page.offset ?? 0)}`,
    params.values
  )
  await complete(db, r.rows)
  return r.rows
}

/** What the reconciler leaves out of a log row since migration 0003, rebuilt: the entity, decoded
 * from the bytes of the request, or of the part of it holding the entity (each once per page;
 * older rows keep theirs in `entity`), and the change set of an unchanged entity without warnings
 * (a noop on its own object). */
async function complete (db: Queryable, rows: IngestionLogRow[]): Promise<void> {
  for (const row of rows) {
    if (row.state === 'NO_CHANGES' && row.change_set === null) {
      row.change_set = noopChangeSet(row.object_type, row.object_id === null ? null : Number(row.object_id))
    }
  }
  const wanted = rows.filter((row) => row.entity === null && row.entity_index >= 0)
  if (wanted.length === 0) return
  // A request split to fit the queue is stored as parts (migration 0005): fetch, once each, only
  // the parts holding this page's entities, i.e. per row the greatest offset <= its index.
  const r = await db.query<{ request_id: string, entity_offset: number, payload: Uint8Array }>(
    `with w as (select distinct request_id, entity_index from unnest($1::text[], $2::int4[]) as w(request_id, entity_index)),
       o as (select distinct w.request_id, (select max(p.entity_offset) from ingestion_request p
         where p.request_id = w.request_id and p.entity_offset <= w.entity_index) as entity_offset from w)
     select p.request_id, p.entity_offset, p.payload from o join ingestion_request p using (request_id, entity_offset)`,
    [wanted.map((row) => row.request_id), wanted.map((row) => row.entity_index)])
  const parts = new Map<string, Array<{ offset: number, entities: unknown[] }>>()
  for (const x of r.rows) {
    let entities: unknown[]
    try {
      entities = entitiesOfPayload(x.payload)
    } catch {
      // Bytes that no longer decode leave the entity out rather than failing the page.
      continue
    }
    const list = parts.get(x.request_id) ?? []
    list.push({ offset: Number(x.entity_offset), entities })
    parts.set(x.request_id, list)
  }
  for (const row of wanted) {
    let part: { offset: number, entities: unknown[] } | undefined
    for (const p of parts.get(row.request_id) ?? []) if (p.offset <= row.entity_index && (!part || p.offset > part.offset)) part = p
    row.entity = part?.entities[row.entity_index - part.offset] ?? null
  }
}

export async function countIngestionLogs (db: Queryable, filter: IngestionLogFilter): Promise<number> {
  const params = new SqlParams()
  const r = await db.query<{ count: number }>(`select count(*)::int as count from ingestion_log ${where(filter, params, true)}`, params.values)
  return Number(r.rows[0].count)
}

/**
 * Rows per state under every filter except the state filter (and the page position), so a
 * client looking at FAILED logs still sees how many were APPLIED.
 */
export async function countIngestionLogsByState (db: Queryable, filter: IngestionLogFilter): Promise<Record<LogState, number>> {
  const params = new SqlParams()
  const r = await db.query<{ state: string, count: number }>(
    `select state, count(*)::int as count from ingestion_log ${where({ ...filter, before: undefined }, params, false)} group by state`,
    params.values
  )
  const counts = Object.fromEntries(LOG_STATES.map((s) => [s, 0])) as Record<LogState, number>
  for (const row of r.rows) counts[row.state as LogState] = Number(row.count)
  return counts
}
