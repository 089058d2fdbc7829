// Retention: what the reconciler writes for every request (ingestion logs, the request's bytes,
// fingerprints) and for every write (the change log) would otherwise grow without end. A poll of
// 10,000 devices every 5 minutes stores ~3 million requests a day; their bytes alone are tens of
// gigabytes. Rows older than their window are deleted in small chunks, so a sweep never holds
// locks long or competes with ingestion for more than a moment; the source of truth itself (the
// objects) is never touched. NetBox does the same for its change log (CHANGELOG_RETENTION, 90 days).
import type { Logger } from 'pino'
import { silentLogger } from '../config/logger.ts'
import type { Db } from '../store/index.ts'

export interface RetentionOptions {
  db: Db
  /** Days of ingestion logs and request bytes to keep; 0 keeps them forever. */
  ingestionLogDays: number
  /** Days of change log (object_change) to keep; 0 keeps it forever. */
  changeLogDays: number
  /** ms between sweeps, default one hour; the first sweep runs one interval after start. */
  interval?: number
  /** Rows deleted per statement, default 5,000. */
  chunk?: number
  logger?: Logger
}

export interface SweepResult {
  /** Rows deleted per table. */
  deleted: Record<string, number>
}

export interface Retention {
  /** Deletes what is past its window now (the periodic sweep calls this). */
  sweep (): Promise<SweepResult>
  /** Stops the periodic sweep and waits for one in flight. */
  close (): Promise<void>
}

const HOUR = 3_600_000

interface Swept {
  table: string
  /** Time column the age is read from. */
  column: string
  /** Whether the column is indexed: chunked deletes then find each chunk without a scan. */
  indexed: boolean
  /** Only the rows matching this condition (a table swept in several passes). */
  where?: string
}

/** What each window covers. */
const INGESTION_TABLES: Swept[] = [
  { table: 'ingestion_log', column: 'ingestion_ts', indexed: true },
  { table: 'ingestion_log_repeat', column: 'ingestion_ts', indexed: true },
  { table: 'ingestion_request', column: 'created', indexed: true },
  // A fingerprint not written within the window is one full match/diff away from coming back.
  { table: 'entity_fingerprint', column: 'updated', indexed: false }
]
const CHANGE_LOG_TABLES: Swept[] = [
  // Compact create records before the records they are read with (migration 0011): a chunk
  // boundary between the two must not leave a compact record without its base. Both have the
  // same time (one statement), so they are past the window together.
  { table: 'object_change', column: 'time', indexed: true, where: 'postchange_base is not null' },
  { table: 'object_change', column: 'time', indexed: true }
]

async function deleteOlder (db: Db, { table, column, indexed, where }: Swept, days: number, chunk: number): Promise<number> {
  const old = `${column} < now() - make_interval(days => $1::int)${where === undefined ? '' : ` and ${where}`}`
  if (!indexed) {
    const r = await db.query(`delete from ${table} where ${old}`, [days])
    return r.rowCount
  }
  let total = 0
  for (;;) {
    // ctid keeps each statement to `chunk` rows without needing an id column on every table.
    const r = await db.query(
      `delete from ${table} where ctid = any(array(select ctid from ${table} where ${old} limit $2::int))`, [days, chunk])
    total += r.rowCount
    if (r.rowCount < chunk) return total
  }
}

export function startRetention (o: RetentionOptions): Retention {
  const log = (o.logger ?? silentLogger).child({ component: 'retention' })
  const chunk = o.chunk ?? 5000
  const interval = o.interval ?? HOUR
  for (const [name, days] of [['ingestionLogDays', o.ingestionLogDays], ['changeLogDays', o.changeLogDays]] as const) {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`retention: ${name} must be a whole number of days >= 0, got ${days}`)
  }
  let inFlight: Promise<SweepResult> | undefined

  const run = async (): Promise<SweepResult> => {
    const deleted: Record<string, number> = {}
    const windows: Array<[Swept[], number]> = [[INGESTION_TABLES, o.ingestionLogDays], [CHANGE_LOG_TABLES, o.changeLogDays]]
    const started = Date.now()
    // Several reconcilers may sweep at once: they delete the same rows, which costs a little
    // waiting and nothing else.
    for (const [tables, days] of windows) {
      if (days === 0) continue
      for (const t of tables) deleted[t.table] = (deleted[t.table] ?? 0) + await deleteOlder(o.db, t, days, chunk)
    }
    const rows = Object.values(deleted).reduce((a, b) => a + b, 0)
    if (rows > 0) log.info({ deleted, ms: Date.now() - started }, 'deleted ingestion logs and change log past retention')
    return { deleted }
  }

  const sweep = (): Promise<SweepResult> => {
    inFlight ??= run().finally(() => { inFlight = undefined })
    return inFlight
  }
  const timer = setInterval(() => {
    sweep().catch((err) => log.warn({ err }, 'retention sweep failed; retrying at the next interval'))
  }, interval)
  timer.unref()

  return {
    sweep,
    async close () {
      clearInterval(timer)
      await inFlight?.catch(() => {})
    }
  }
}
