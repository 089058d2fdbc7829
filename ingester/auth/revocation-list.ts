// The revoked clients, held in memory and reloaded from the store every few seconds, so that a
// token issued before `tributary clients revoke` stops working within one refresh interval while
// verifying a token still needs no database round trip per call (DESIGN.md: the Ingest hot path
// never touches the database).
//
// A revoked client cannot be re-enabled (revokeClient only ever sets revoked_at), so every token
// whose subject is revoked is rejected, whenever it was issued. Should re-enabling ever exist, it
// needs a per-client "tokens issued before T are invalid" watermark instead of this set, or the
// leaked tokens would come back to life with the client.
import type { Logger } from 'pino'
import type { Db } from '../../store/index.ts'
import { IngesterArgumentError } from '../errors.ts'

/** ms between reloads of the revoked clients: the longest a revoked client's token keeps working. */
export const DEFAULT_REVOCATION_REFRESH_INTERVAL = 5000

export interface RevokedClient {
  clientId: string
  name: string
  revokedAt: Date
}

export interface RevocationListOptions {
  /** ms between reloads, default 5000. */
  refreshInterval?: number
  /** Receives one warning when reloading starts failing and one info line when it works again. */
  logger?: Logger
}

export interface RevocationList {
  /** The revocation of `clientId` as last loaded, or undefined when it was not revoked. No I/O. */
  get (clientId: string): RevokedClient | undefined
  /** Reloads now; rejects when the store cannot be read (the last known set is kept). */
  refresh (): Promise<void>
  /** Stops the periodic reload and waits for one in flight; safe to call twice. */
  close (): Promise<void>
}

const SELECT_REVOKED = 'select client_id, name, revoked_at from ingest_client where revoked_at is not null'

async function loadRevoked (db: Db): Promise<Map<string, RevokedClient>> {
  const r = await db.query<{ client_id: string, name: string, revoked_at: Date | string }>(SELECT_REVOKED)
  return new Map(r.rows.map((row) => [row.client_id, { clientId: row.client_id, name: row.name, revokedAt: new Date(row.revoked_at) }]))
}

/**
 * Loads the revoked clients (throwing when the store cannot be read: a server should not start
 * without knowing them) and keeps reloading them every `refreshInterval` ms. When a reload fails
 * the last known set stays in force, so a database outage neither fails every call nor brings
 * revoked clients back.
 */
export async function createRevocationList (db: Db, options: RevocationListOptions = {}): Promise<RevocationList> {
  const interval = options.refreshInterval ?? DEFAULT_REVOCATION_REFRESH_INTERVAL
  if (!Number.isInteger(interval) || interval <= 0) throw new IngesterArgumentError(`revocationRefreshInterval must be a positive integer (ms), got ${interval}`)
  const log = options.logger
  let revoked = await loadRevoked(db)
  let failingSince: number | undefined
  let closed = false
  let timer: NodeJS.Timeout | undefined
  let inFlight: Promise<void> | undefined

  const refresh = (): Promise<void> => {
    // One reload at a time: a slow database must not pile queries up behind each other.
    inFlight ??= (async () => {
      try {
        revoked = await loadRevoked(db)
        if (failingSince !== undefined && !closed) {
          log?.info({ failedForMs: Date.now() - failingSince, revokedClients: revoked.size }, 'reloading revoked clients works again')
        }
        failingSince = undefined
      } catch (err) {
        if (failingSince === undefined && !closed) {
          log?.warn({ err, intervalMs: interval, revokedClients: revoked.size },
            'cannot reload revoked clients from the store; keeping the last known set until it can (clients revoked meanwhile keep working)')
        }
        failingSince ??= Date.now()
        throw err
      } finally {
        inFlight = undefined
      }
    })()
    return inFlight
  }

  const schedule = (): void => {
    if (closed) return
    // setTimeout after each reload rather than setInterval: the bound is the interval plus one query.
    timer = setTimeout(() => {
      refresh().catch(() => {}).finally(schedule)
    }, interval)
    timer.unref()
  }
  schedule()

  return {
    get: (clientId) => revoked.get(clientId),
    refresh,
    async close () {
      closed = true
      clearTimeout(timer)
      await inFlight?.catch(() => {})
    }
  }
}
