import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import type { Db, Queryable, QueryResult } from './db.ts'

export interface PgliteOptions {
  /** Directory holding the database files; in memory when omitted (tests). */
  dataDir?: string
}

function wrap (db: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T> (sql: string, params?: unknown[]): Promise<QueryResult<T>> {
      const r = await db.query<T>(sql, params)
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length }
    },
    async exec (sql: string): Promise<void> {
      await db.exec(sql)
    }
  }
}

/** Opens (creating on first use) the embedded PostgreSQL in `dataDir`. One process at a time. */
export async function openPglite (options: PgliteOptions = {}): Promise<Db> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const db = await PGlite.create(options.dataDir)
  const base = wrap(db)
  let closed = false
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction<T> (fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(wrap(tx)))
    },
    async close () {
      if (closed) return
      closed = true
      await db.close()
    }
  }
}
