// Ingestion clients in the store: what the CLI adds, lists and revokes, and what the token endpoint
// checks credentials against. Works with only a Db, so `tributary clients` needs no running server.
import { randomBytes } from 'node:crypto'
import type { Db } from '../../store/index.ts'
import { IngesterArgumentError } from '../errors.ts'
import { hashSecret } from './secret-hash.ts'

export const SCOPE_INGEST = 'diode:ingest'
export const SCOPE_READ = 'diode:read'
export const KNOWN_SCOPES: readonly string[] = [SCOPE_INGEST, SCOPE_READ]

export interface ClientInfo {
  client_id: string
  name: string
  scopes: string[]
  created_at: Date
  revoked_at: Date | null
}

export interface StoredClient extends ClientInfo {
  secret_hash: string
}

/** Creates a client; the secret is returned this once and only its hash is stored. */
export async function addClient (db: Db, options: { name: string, scopes: string[] }): Promise<{ client_id: string, client_secret: string }> {
  const name = options.name?.trim()
  if (!name) throw new IngesterArgumentError('name must be a non-empty string')
  if (name.length > 200) throw new IngesterArgumentError(`name is ${name.length} characters; the limit is 200`)
  const scopes = [...new Set(options.scopes)]
  if (scopes.length === 0) throw new IngesterArgumentError(`scopes must hold at least one of ${KNOWN_SCOPES.join(', ')}`)
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s))
  if (unknown.length > 0) throw new IngesterArgumentError(`scopes: unknown scope ${unknown.map((s) => JSON.stringify(s)).join(', ')}; known: ${KNOWN_SCOPES.join(', ')}`)
  const clientId = `trib-${randomBytes(9).toString('base64url')}`
  const clientSecret = randomBytes(32).toString('base64url')
  await db.query('insert into ingest_client (client_id, name, secret_hash, scopes) values ($1, $2, $3, $4)',
    [clientId, name, await hashSecret(clientSecret), scopes])
  return { client_id: clientId, client_secret: clientSecret }
}

export async function listClients (db: Db): Promise<ClientInfo[]> {
  const r = await db.query<ClientInfo>('select client_id, name, scopes, created_at, revoked_at from ingest_client order by created_at, client_id')
  return r.rows.map((row) => ({ ...row, created_at: new Date(row.created_at), revoked_at: row.revoked_at ? new Date(row.revoked_at) : null }))
}

/** Marks the client revoked; false when no active client has that id. */
export async function revokeClient (db: Db, clientId: string): Promise<boolean> {
  const r = await db.query('update ingest_client set revoked_at = now() where client_id = $1 and revoked_at is null', [clientId])
  return r.rowCount > 0
}

export async function findClient (db: Db, clientId: string): Promise<StoredClient | undefined> {
  const r = await db.query<StoredClient>('select client_id, name, secret_hash, scopes, created_at, revoked_at from ingest_client where client_id = $1', [clientId])
  return r.rows[0]
}
