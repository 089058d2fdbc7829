// Versioned schema migrations: store/migrations/NNNN-name.sql applied in file-name order, each
// in one transaction, recorded in schema_migrations. Several processes may start at once
// (two reconcilers, an ingester): a transaction-scoped advisory lock makes them take turns.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Db } from './db.ts'
import { StoreError } from './errors.ts'

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
const LOCK_KEY = 0x7472_6962 // "trib"

export interface Migration { version: string, sql: string }

export function listMigrations (dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }))
}

/** Applies pending migrations in one transaction; returns the versions it applied. */
export async function migrate (db: Db, migrations = listMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Taken first, so a second process waits here and then sees the migrations as done.
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY])
    await tx.exec('create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())')
    const done = new Set((await tx.query<{ version: string }>('select version from schema_migrations')).rows.map((r) => r.version))
    const applied: string[] = []
    for (const m of migrations) {
      if (done.has(m.version)) continue
      try {
        await tx.exec(m.sql)
      } catch (cause) {
        throw new StoreError('ERR_STORE_MIGRATION', `migration ${m.version} failed: ${(cause as Error).message}`, { cause })
      }
      await tx.query('insert into schema_migrations (version) values ($1)', [m.version])
      applied.push(m.version)
    }
    return applied
  })
}
