// One small interface over PostgreSQL (pg) and PGlite, so the schema, the reconciler and the
// auth store run unchanged on the production database and on the embedded default.

export interface QueryResult<T> {
  rows: T[]
  /** Rows inserted, updated or deleted (or returned, for SELECT). */
  rowCount: number
}

export interface Queryable {
  query<T = Record<string, unknown>> (sql: string, params?: unknown[]): Promise<QueryResult<T>>
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec (sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite'
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T> (fn: (tx: Queryable) => Promise<T>): Promise<T>
  close (): Promise<void>
}
