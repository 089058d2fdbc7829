import { join } from 'node:path'
import type { Db } from './db.ts'
import { connectPostgres, redactUrl } from './postgres.ts'
import { openPglite } from './pglite.ts'
import { migrate } from './migrate.ts'

export interface OpenStoreOptions {
  /** PostgreSQL URL; the embedded PGlite in `dataDir`/db when unset. */
  postgresUrl?: string
  dataDir: string
  applicationName?: string
  /** PostgreSQL pool size. */
  max?: number
}

export interface OpenedStore {
  db: Db
  /** Migrations applied by this open. */
  applied: string[]
  /** Where the data lives, safe to print (no password). */
  where: string
}

/** Opens the configured store and applies pending migrations; a store whose migrations fail is
 * closed again, so callers never hold a half-migrated connection. */
export async function openStore (options: OpenStoreOptions): Promise<OpenedStore> {
  const pgliteDir = join(options.dataDir, 'db')
  const db = options.postgresUrl
    ? await connectPostgres({ url: options.postgresUrl, applicationName: options.applicationName, max: options.max })
    : await openPglite({ dataDir: pgliteDir })
  try {
    const applied = await migrate(db)
    return { db, applied, where: options.postgresUrl ? redactUrl(options.postgresUrl) : pgliteDir }
  } catch (err) {
    await db.close()
    throw err
  }
}
