import pg from 'pg'
import type { Db, Queryable, QueryResult } from './db.ts'
import { StoreError } from './errors.ts'

export interface PostgresOptions {
  /** postgres://user@host:port/db */
  url: string
  /** Pool size, default 10. */
  max?: number
  /** Connect timeout in ms, default 5000. */
  connectTimeout?: number
  /** Per-statement timeout in ms, default 60000. */
  statementTimeout?: number
  /** application_name shown in pg_stat_activity. */
  applicationName?: string
}

// int8 (count(*), bigserial ids) as JS numbers: our ids and counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))

/** A flat array of numbers, strings, booleans and nulls as the array literal pg would send, built
 * without pg's per-element prepareValue and two regex replaces: the reconciler passes arrays of
 * thousands of elements (unnest parameters) and their encoding was a large part of its CPU time.
 * Anything else (nested arrays, dates, buffers, objects) is left to pg. The common arrays (ids;
 * strings needing no escapes) are one join: appending element by element left a chain of
 * thousands of string pieces that pg then had to flatten again to measure and copy it. */
function arrayLiteral (a: unknown[]): string | undefined {
  let numbers = true
  let plain = true
  for (let i = 0; i < a.length; i++) {
    const v = a[i]
    if (typeof v === 'number') {
      plain = false
      if (!Number.isFinite(v)) numbers = false
    } else if (typeof v === 'string') {
      numbers = false
      if (plain && (v.includes('"') || v.includes('\\'))) plain = false
    } else {
      if (v !== null && v !== undefined && typeof v !== 'boolean') return undefined
      numbers = plain = false
    }
  }
  if (a.length === 0) return '{}'
  if (numbers) return `{${a.join(',')}}`
  if (plain) return `{"${a.join('","')}"}`
  const out: string[] = new Array(a.length)
  for (let i = 0; i < a.length; i++) {
    const v = a[i]
    if (v === null || v === undefined) out[i] = 'NULL'
    else if (typeof v === 'number') out[i] = Number.isFinite(v) ? String(v) : `"${String(v)}"`
    else if (typeof v === 'string') out[i] = v.includes('"') || v.includes('\\') ? `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : `"${v}"`
    else out[i] = v ? '"true"' : '"false"'
  }
  return `{${out.join(',')}}`
}

function encodeParams (params: unknown[] | undefined): unknown[] | undefined {
  if (params === undefined) return undefined
  let out: unknown[] | undefined
  for (let i = 0; i < params.length; i++) {
    const p = params[i]
    if (!Array.isArray(p)) continue
    const literal = arrayLiteral(p)
    if (literal === undefined) continue
    out ??= params.slice()
    out[i] = literal
  }
  return out ?? params
}

function wrap (client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T> (sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await client.query(sql, encodeParams(params))
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length }
    },
    async exec (sql: string): Promise<void> {
      await client.query(sql)
    }
  }
}

/** Opens a pool and checks that the server answers within the connect timeout. */
export async function connectPostgres (options: PostgresOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeout ?? 5000,
    statement_timeout: options.statementTimeout ?? 60000,
    application_name: options.applicationName ?? 'tributary'
  })
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  try {
    await pool.query('select 1')
  } catch (cause) {
    await pool.end().catch(() => {})
    throw new StoreError('ERR_STORE_CONNECT', `cannot connect to PostgreSQL at ${redactUrl(options.url)}: ${(cause as Error).message}`, { cause })
  }
  const base = wrap(pool)
  let closed = false
  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    async transaction<T> (fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn(wrap(client))
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        client.release()
      }
    },
    async close () {
      if (closed) return
      closed = true
      await pool.end()
    }
  }
}

/** The URL without its password, for messages and logs. */
export function redactUrl (url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '<invalid url>'
  }
}
