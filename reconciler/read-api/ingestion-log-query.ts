// Reads of the ingestion logs shared by the HTTP endpoint and the gRPC RetrieveIngestionLogs: the
// same filters, the same per-state counts, newest first, over both ingestion_log and the groups of
// ingestion_log_repeat (every entity logged without an error), one result per entity either way.
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

// Entities without an error are stored one group per request, object type and state (migrations
// 0006, 0008) and read back one row per entity: entity i of group G has G's id with its last 32
// bits set to i, and its element of G's change sets (json, as jsonb here: NULL for bare repeats).
const ENTRY_ID = "overlay(r.id::text placing lpad(to_hex(x.entity_index), 8, '0') from 29 for 8)"
const REPEAT_COLUMNS = `${ENTRY_ID} as id, r.request_id, x.entity_index, r.producer_app_name, r.producer_app_version,
  r.sdk_name, r.sdk_version, r.object_type, x.object_id, r.state, nullif(x.change_set::jsonb, 'null'::jsonb) as change_set,
  null::jsonb as error, null::jsonb as entity, r.ingestion_ts, ${MICROS('r.ingestion_ts')} as ingestion_us,
  x.source_ts, ${MICROS('x.source_ts')} as source_us, r.created`
const EXPAND = `cross join lateral rows from (unnest(r.entity_indexes), unnest(r.object_ids), unnest(r.source_ts), json_array_elements(r.change_sets))
  as x(entity_index, object_id, source_ts, change_set)`
/** The entity indexes alone, for counting: no change set is looked at. */
const EXPAND_INDEXES = 'cross join lateral unnest(r.entity_indexes) as x(entity_index)'

/** The group an expanded repeat's id points into (its last 32 bits zeroed). */
const groupOf = (id: string): string => `${id.slice(0, 28)}00000000`

/** Filters shared by both tables: on ingestion_log rows, or on repeat groups (alias r). */
function common (filter: IngestionLogFilter, params: SqlParams, alias: string): string[] {
  const c: string[] = []
  if (filter.requestIds?.length) c.push(`${alias}request_id = any(${params.add(filter.requestIds)}::text[])`)
  if (filter.objectTypes?.length) c.push(`${alias}object_type = any(${params.add(filter.objectTypes)}::text[])`)
  if (filter.producers?.length) c.push(`${alias}producer_app_name = any(${params.add(filter.producers)}::text[])`)
  if (filter.sinceMicros !== undefined) c.push(`${alias}ingestion_ts >= ${FROM_MICROS(params.add(filter.sinceMicros.toString()))}`)
  if (filter.untilMicros !== undefined) c.push(`${alias}ingestion_ts <= ${FROM_MICROS(params.add(filter.untilMicros.toString()))}`)
  return c
}

const whereOf = (c: string[]): string => c.length > 0 ? `where ${c.join(' and ')}` : ''

function logWhere (filter: IngestionLogFilter, params: SqlParams, withState: boolean): string {
  const c = common(filter, params, '')
  if (filter.ids?.length) c.push(`id = any(${params.add(filter.ids)}::uuid[])`)
  if (withState && filter.states?.length) c.push(`state = any(${params.add(filter.states)}::text[])`)
  if (filter.before !== undefined) {
    c.push(`(ingestion_ts, id) < (${FROM_MICROS(params.add(filter.before.micros.toString()))}, ${params.add(filter.before.id)}::uuid)`)
  }
  return whereOf(c)
}

/** Group-level conditions: every group that may hold a matching entity. */
function groupConds (filter: IngestionLogFilter, params: SqlParams, withState: boolean): string[] {
  const c = common(filter, params, 'r.')
  if (withState && filter.states?.length) c.push(`r.state = any(${params.add(filter.states)}::text[])`)
  if (filter.ids?.length) c.push(`r.id = any(${params.add(filter.ids.map(groupOf))}::uuid[])`)
  if (filter.before !== undefined) {
    c.push(`(r.ingestion_ts, r.id) <= (${FROM_MICROS(params.add(filter.before.micros.toString()))}, ${params.add(groupOf(filter.before.id))}::uuid)`)
  }
  return c
}

/** Entity-level conditions for expanded repeats (the exact id and keyset position). */
function entryConds (filter: IngestionLogFilter, params: SqlParams): string[] {
  const c: string[] = []
  if (filter.ids?.length) c.push(`${ENTRY_ID}::uuid = any(${params.add(filter.ids)}::uuid[])`)
  if (filter.before !== undefined) {
    c.push(`(r.ingestion_ts, ${ENTRY_ID}::uuid) < (${FROM_MICROS(params.add(filter.before.micros.toString()))}, ${params.add(filter.before.id)}::uuid)`)
  }
  return c
}

/** Whether the state filter lets a grouped state through (groups are APPLIED or NO_CHANGES). */
const wantsGroups = (filter: IngestionLogFilter, withState = true): boolean =>
  !withState || !filter.states?.length || filter.states.some((s) => s === 'APPLIED' || s === 'NO_CHANGES')

/** Newest first, as the SQL orders them: ingestion time, then id. */
function newestFirst (a: IngestionLogRow, b: IngestionLogRow): number {
  const ta = BigInt(a.ingestion_us)
  const tb = BigInt(b.ingestion_us)
  if (ta !== tb) return ta > tb ? -1 : 1
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0
}

/** Newest first; id breaks ties so keyset and offset paging are stable. Each table gives its own
 * newest `offset + limit` rows (a repeat group holds at least one entity, so as many groups are
 * enough, plus one for a group the keyset position cuts through), merged here. */
export async function selectIngestionLogs (db: Queryable, filter: IngestionLogFilter, page: { limit: number, offset?: number }): Promise<IngestionLogRow[]> {
  const offset = page.offset ?? 0
  const want = offset + page.limit
  const params = new SqlParams()
  const logs = db.query<IngestionLogRow>(
    `select ${COLUMNS} from ingestion_log ${logWhere(filter, params, true)} order by ingestion_ts desc, id desc limit ${params.add(want)}`,
    params.values)
  let rows: IngestionLogRow[] = (await logs).rows
  if (wantsGroups(filter)) {
    const p = new SqlParams()
    const groups = `select * from ingestion_log_repeat r ${whereOf(groupConds(filter, p, true))} order by r.ingestion_ts desc, r.id desc` +
      (filter.ids?.length ? '' : ` limit ${p.add(want + 1)}`)
    const r = await db.query<IngestionLogRow>(
      `select ${REPEAT_COLUMNS} from (${groups}) r ${EXPAND} ${whereOf(entryConds(filter, p))}
       order by r.ingestion_ts desc, id desc limit ${p.add(want)}`, p.values)
    if (r.rows.length > 0) rows = rows.concat(r.rows).sort(newestFirst)
  }
  rows = rows.slice(offset, want)
  await complete(db, rows)
  return rows
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

/** Entities logged per state under the filter; `withState` false ignores the state filter. */
async function countByState (db: Queryable, filter: IngestionLogFilter, withState: boolean): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  const params = new SqlParams()
  const r = await db.query<{ state: string, count: number }>(
    `select state, count(*)::int as count from ingestion_log ${logWhere(filter, params, withState)} group by state`, params.values)
  for (const row of r.rows) out.set(row.state, Number(row.count))
  if (wantsGroups(filter, withState)) {
    const p = new SqlParams()
    // Exact conditions need the entities; otherwise the groups' sizes are enough.
    const exact = filter.ids?.length || filter.before !== undefined
    const groups = groupConds(filter, p, withState)
    const sql = exact
      ? `select r.state, count(*)::int as count from ingestion_log_repeat r ${EXPAND_INDEXES} ${whereOf(groups.concat(entryConds(filter, p)))} group by r.state`
      : `select r.state, sum(cardinality(r.entity_indexes))::int as count from ingestion_log_repeat r ${whereOf(groups)} group by r.state`
    for (const row of (await db.query<{ state: string, count: number }>(sql, p.values)).rows) {
      out.set(row.state, (out.get(row.state) ?? 0) + Number(row.count))
    }
  }
  return out
}

export async function countIngestionLogs (db: Queryable, filter: IngestionLogFilter): Promise<number> {
  let n = 0
  for (const c of (await countByState(db, filter, true)).values()) n += c
  return n
}

/**
 * Entities per state under every filter except the state filter (and the page position), so a
 * client looking at FAILED logs still sees how many were APPLIED.
 */
export async function countIngestionLogsByState (db: Queryable, filter: IngestionLogFilter): Promise<Record<LogState, number>> {
  const byState = await countByState(db, { ...filter, before: undefined }, false)
  const counts = Object.fromEntries(LOG_STATES.map((s) => [s, 0])) as Record<LogState, number>
  for (const [state, n] of byState) counts[state as LogState] = n
  return counts
}
