// The two stores the pipeline must work on, each freshly migrated: PostgreSQL (a database of its
// own on the machine's server) and PGlite in memory.
import { after, before, beforeEach } from 'node:test'
import { connectPostgres, migrate, openPglite, type Db } from '../../store/index.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'

export type BackendKind = 'postgres' | 'pglite'
export const BACKENDS: BackendKind[] = ['postgres', 'pglite']

/** url: the PostgreSQL database's, for connections of other threads or processes. */
export interface Backend { db: Db, url?: string, close (): Promise<void> }

export async function openBackend (kind: BackendKind): Promise<Backend> {
  if (kind === 'pglite') {
    const db = await openPglite()
    await migrate(db)
    return { db, close: () => db.close() }
  }
  const t: TestDatabase = await createTestDatabase('reconciler')
  const db = await connectPostgres({ url: t.url, max: 4 })
  await migrate(db)
  return {
    db,
    url: t.url,
    async close () {
      await db.close()
      await t.drop()
    }
  }
}

/** Empties every table of the source of truth (not schema_migrations) between tests. */
export async function reset (db: Db): Promise<void> {
  const r = await db.query<{ tablename: string }>(
    "select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations'")
  await db.exec(`truncate ${r.rows.map((x) => x.tablename).join(', ')} restart identity cascade`)
}

export async function count (db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const r = await db.query<{ n: string | number }>(`select count(*)::text as n from (${sql}) q`, params)
  return Number(r.rows[0].n)
}

export async function one<T = Record<string, unknown>> (db: Db, sql: string, params: unknown[] = []): Promise<T> {
  const r = await db.query<T>(sql, params)
  if (r.rows.length !== 1) throw new Error(`expected one row, got ${r.rows.length}: ${sql}`)
  return r.rows[0]
}

/** The backend of the enclosing describe(): opened before its tests, emptied before each one and
 * closed after them. The Db returned forwards to it, so tests use it like any other. */
export function describeBackend (kind: BackendKind): Db {
  let backend: Backend | undefined
  const db = (): Db => {
    if (!backend) throw new Error(`the ${kind} backend is not open (used outside its describe?)`)
    return backend.db
  }
  before(async () => { backend = await openBackend(kind) })
  after(async () => { await backend?.close() })
  beforeEach(async () => { await reset(db()) })
  return {
    kind,
    query: (sql, params) => db().query(sql, params),
    exec: (sql) => db().exec(sql),
    transaction: (fn) => db().transaction(fn),
    close: async () => {}
  }
}
