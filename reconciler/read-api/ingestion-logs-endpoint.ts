// GET /api/ingestion-logs/ and /api/ingestion-logs/{id}/: what became of every entity received,
// NetBox-style pagination plus `counts` per state for the same filters. Entities still in the
// queue come first, as QUEUED logs (queued-logs.ts), then the stored logs, newest first.
import type { Queue } from '../../queue/index.ts'
import type { Queryable } from '../../store/index.ts'
import { InvalidQueryParamError, NotFoundError } from './errors.ts'
import { parseTime } from './filters.ts'
import { countIngestionLogs, countIngestionLogsByState, selectIngestionLogs } from './ingestion-log-query.ts'
import type { IngestionLogFilter, IngestionLogRow } from './ingestion-log-query.ts'
import { pageLinks, parsePage } from './pagination.ts'
import { readQueuedLogs, type QueuedLogRow, type QueuedLogs } from './queued-logs.ts'
import type { PageRenderer } from './serialize.ts'

export const INGESTION_LOGS_PATH = 'ingestion-logs'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function values (query: URLSearchParams, name: string): string[] | undefined {
  const v = query.getAll(name).map((s) => s.trim()).filter((s) => s !== '')
  return v.length > 0 ? v : undefined
}

function micros (date: Date): bigint {
  return BigInt(date.getTime()) * 1000n
}

export function parseIngestionLogFilter (query: URLSearchParams): IngestionLogFilter {
  const ids = values(query, 'id')
  for (const id of ids ?? []) if (!UUID.test(id)) throw new InvalidQueryParamError('id', `"${id}" is not a UUID`)
  const since = query.get('since')?.trim()
  const until = query.get('until')?.trim()
  return {
    ids,
    requestIds: values(query, 'request_id'),
    // Accept "failed" as well as Diode's "FAILED"; an unknown state matches nothing.
    states: values(query, 'state')?.map((s) => s.toUpperCase()),
    objectTypes: values(query, 'object_type'),
    producers: values(query, 'producer'),
    sinceMicros: since ? micros(parseTime('since', since)) : undefined,
    // `until` is inclusive to the millisecond the client gave.
    untilMicros: until ? micros(parseTime('until', until)) + 999n : undefined
  }
}

/** RFC 3339 with the column's microseconds; a JS Date would drop the last three digits. */
function isoMicros (micros: string | null): string | null {
  if (micros === null) return null
  const us = BigInt(micros)
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n)
  const rest = ((us % 1000n) + 1000n) % 1000n
  return new Date(Number(ms)).toISOString().replace('Z', `${rest.toString().padStart(3, '0')}Z`)
}

async function render (row: IngestionLogRow | QueuedLogRow, renderer: PageRenderer, baseUrl: string): Promise<Record<string, unknown>> {
  const objectUrl = row.object_id === null ? null : renderer.url(row.object_type, row.object_id)
  return {
    id: row.id,
    url: row.id === null ? null : `${baseUrl}/${INGESTION_LOGS_PATH}/${row.id}/`,
    request_id: row.request_id,
    entity_index: row.entity_index,
    state: row.state,
    object_type: row.object_type,
    object_id: row.object_id === null ? null : Number(row.object_id),
    object: objectUrl === null ? null : await renderer.briefOf(row.object_type, row.object_id),
    producer_app_name: row.producer_app_name,
    producer_app_version: row.producer_app_version,
    sdk_name: row.sdk_name,
    sdk_version: row.sdk_version,
    change_set: row.change_set,
    error: row.error,
    entity: row.entity,
    ingestion_ts: isoMicros(row.ingestion_us),
    source_ts: isoMicros(row.source_us),
    created: row.created
  }
}

export async function listIngestionLogs (db: Queryable, query: URLSearchParams, requestUrl: URL, renderer: PageRenderer, baseUrl: string, queue?: Queue): Promise<Record<string, unknown>> {
  const page = parsePage(query)
  const filter = parseIngestionLogFilter(query)
  const listQueued = filter.states === undefined || filter.states.includes('QUEUED')
  let queued: QueuedLogs | undefined
  if (queue !== undefined) queued = await readQueuedLogs(queue, filter, listQueued ? page : { offset: 0, limit: 0 })
  const ahead = listQueued ? queued?.count ?? 0 : 0
  const queuedRows = listQueued ? queued?.rows ?? [] : []
  // The stored logs' part of the page: what the queued ones before it leave of it.
  const stored = { offset: Math.max(0, page.offset - ahead), limit: page.limit - queuedRows.length }
  const [storedCount, counts, rows] = await Promise.all([
    countIngestionLogs(db, filter),
    countIngestionLogsByState(db, filter),
    stored.limit > 0 ? selectIngestionLogs(db, filter, stored) : []
  ])
  if (queued !== undefined) counts.QUEUED += queued.count
  const count = storedCount + ahead
  const links = pageLinks(requestUrl, page, count)
  return {
    count,
    next: links.next,
    previous: links.previous,
    counts: Object.fromEntries(Object.entries(counts).map(([state, n]) => [state.toLowerCase(), n])),
    // What the QUEUED figures stand on: the newest waiting messages, and whether older ones were
    // left unread (the queued count is then a floor).
    ...(queued === undefined ? {} : { queue: { scanned_messages: queued.scanned, truncated: queued.truncated, ...(queued.error ? { error: queued.error } : {}) } }),
    results: await Promise.all([...queuedRows, ...rows].map((r) => render(r, renderer, baseUrl)))
  }
}

export async function getIngestionLog (db: Queryable, id: string, renderer: PageRenderer, baseUrl: string): Promise<Record<string, unknown>> {
  if (!UUID.test(id)) throw new NotFoundError()
  const [row] = await selectIngestionLogs(db, { ids: [id] }, { limit: 1 })
  if (row === undefined) throw new NotFoundError()
  return render(row, renderer, baseUrl)
}
