// Issues and verifies the access tokens: ES256 JWTs carrying iss, sub (client id), scope, exp and
// jti. Issuing reads the clients table; verifying needs only the public key and the set of revoked
// clients held in memory, so the Ingest hot path never touches the database. Revoking a client
// stops new tokens at once and the tokens already issued within one revocation refresh interval
// (revocation-list.ts), for Ingest, the read API and RetrieveIngestionLogs alike, since all three
// call verify().
import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose'
import type { Logger } from 'pino'
import type { Db } from '../../store/index.ts'
import { AuthError, IngesterArgumentError } from '../errors.ts'
import { findClient } from './clients.ts'
import { createRevocationList, DEFAULT_REVOCATION_REFRESH_INTERVAL, type RevocationList } from './revocation-list.ts'
import { verifySecret } from './secret-hash.ts'
import { loadOrCreateSigningKey, signingKeyFromPem, type SigningKey } from './signing-key.ts'

export const DEFAULT_ISSUER = 'tributary'
/** seconds */
export const DEFAULT_TOKEN_TTL = 3600
/** Verified tokens remembered, so a client sending thousands of calls with one token pays one verify. */
const VERIFIED_CACHE_SIZE = 1024

export interface AuthenticatorOptions {
  /** EC P-256 private key (PEM); when omitted the key stored in the database is used or created. */
  signingKeyPem?: string
  /** JWT `iss`, default "tributary". */
  issuer?: string
  /** Token lifetime in seconds, default 3600. */
  tokenTtlSeconds?: number
  /**
   * ms between reloads of the revoked clients from the store, default 5000: the longest a token of
   * a client revoked meanwhile keeps being accepted.
   */
  revocationRefreshInterval?: number
  /** Logger for the warning when the revoked clients cannot be reloaded; silent when omitted. */
  logger?: Logger
}

export interface Principal { clientId: string, scopes: string[] }

export interface Authenticator {
  issueToken (clientId: string, clientSecret: string, scope: string): Promise<{ access_token: string, expires_in: number }>
  /** Throws AuthError ERR_UNAUTHENTICATED (missing, bad, expired) or ERR_PERMISSION_DENIED (scope). */
  verify (token: string, requiredScope: string): Promise<Principal>
  /** Reads `Authorization: Bearer <token>` and verifies it. */
  authorizeHttp (req: http.IncomingMessage, requiredScope: string): Promise<Principal>
  /** Stops reloading the revoked clients; safe to call twice. Call it before closing the database. */
  close (): Promise<void>
}

export async function createAuthenticator (db: Db, options: AuthenticatorOptions = {}): Promise<Authenticator> {
  const issuer = options.issuer ?? DEFAULT_ISSUER
  const ttl = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL
  if (!Number.isInteger(ttl) || ttl <= 0) throw new IngesterArgumentError(`tokenTtlSeconds must be a positive integer, got ${ttl}`)
  const key = options.signingKeyPem ? signingKeyFromPem(options.signingKeyPem) : await loadOrCreateSigningKey(db)
  const revoked = await createRevocationList(db, {
    refreshInterval: options.revocationRefreshInterval ?? DEFAULT_REVOCATION_REFRESH_INTERVAL,
    logger: options.logger
  })
  return new JwtAuthenticator(db, key, issuer, ttl, revoked)
}

class JwtAuthenticator implements Authenticator {
  readonly #db: Db
  readonly #key: SigningKey
  readonly #issuer: string
  readonly #ttl: number
  readonly #revoked: RevocationList
  readonly #verified = new Map<string, { principal: Principal, exp: number }>()

  constructor (db: Db, key: SigningKey, issuer: string, ttl: number, revoked: RevocationList) {
    this.#db = db
    this.#key = key
    this.#issuer = issuer
    this.#ttl = ttl
    this.#revoked = revoked
  }

  async issueToken (clientId: string, clientSecret: string, scope: string): Promise<{ access_token: string, expires_in: number }> {
    if (!clientId || !clientSecret) throw new AuthError('ERR_INVALID_CLIENT', 'client_id and client_secret are required')
    const client = await findClient(this.#db, clientId)
    // The same answer for unknown, revoked and wrong secret: a caller cannot probe for client ids.
    const denied = new AuthError('ERR_INVALID_CLIENT', `client authentication failed for client_id ${JSON.stringify(clientId.slice(0, 64))}`)
    if (!client || client.revoked_at) throw denied
    if (!await verifySecret(clientSecret, client.secret_hash)) throw denied
    const requested = scope.split(' ').filter(Boolean)
    const granted = requested.length === 0 ? client.scopes : requested
    const missing = granted.filter((s) => !client.scopes.includes(s))
    if (missing.length > 0) {
      throw new AuthError('ERR_INVALID_SCOPE', `client ${client.client_id} does not hold scope ${missing.join(' ')} (holds: ${client.scopes.join(' ')})`)
    }
    const accessToken = await new SignJWT({ scope: granted.join(' ') })
      .setProtectedHeader({ alg: 'ES256', kid: this.#key.kid, typ: 'JWT' })
      .setIssuer(this.#issuer)
      .setSubject(client.client_id)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + this.#ttl)
      .setJti(randomUUID())
      .sign(this.#key.privateKey)
    return { access_token: accessToken, expires_in: this.#ttl }
  }

  async verify (token: string, requiredScope: string): Promise<Principal> {
    if (!token) throw new AuthError('ERR_UNAUTHENTICATED', 'missing bearer token')
    const now = Date.now() / 1000
    let entry = this.#verified.get(token)
    if (entry && entry.exp <= now) {
      this.#verified.delete(token)
      entry = undefined
    }
    if (!entry) {
      entry = await this.#verifyJwt(token)
      if (this.#verified.size >= VERIFIED_CACHE_SIZE) this.#verified.delete(this.#verified.keys().next().value!)
      this.#verified.set(token, entry)
    }
    // After the cache on purpose: a token verified before its client was revoked is refused too.
    const revoked = this.#revoked.get(entry.principal.clientId)
    if (revoked) {
      throw new AuthError('ERR_UNAUTHENTICATED', `client ${JSON.stringify(revoked.name)} (${revoked.clientId}) was revoked at ${revoked.revokedAt.toISOString()}; its tokens are no longer accepted`)
    }
    if (!entry.principal.scopes.includes(requiredScope)) {
      throw new AuthError('ERR_PERMISSION_DENIED', `token of client ${entry.principal.clientId} lacks scope ${requiredScope} (has: ${entry.principal.scopes.join(' ') || 'none'})`)
    }
    return entry.principal
  }

  async #verifyJwt (token: string): Promise<{ principal: Principal, exp: number }> {
    try {
      const { payload } = await jwtVerify(token, this.#key.publicKey, { issuer: this.#issuer, algorithms: ['ES256'], requiredClaims: ['sub', 'exp'] })
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : []
      return { principal: { clientId: payload.sub!, scopes }, exp: payload.exp! }
    } catch (cause) {
      throw new AuthError('ERR_UNAUTHENTICATED', `invalid bearer token: ${describe(cause)}`, { cause })
    }
  }

  async authorizeHttp (req: http.IncomingMessage, requiredScope: string): Promise<Principal> {
    const header = req.headers.authorization
    if (!header) throw new AuthError('ERR_UNAUTHENTICATED', 'missing Authorization: Bearer header')
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header)
    if (!m) throw new AuthError('ERR_UNAUTHENTICATED', 'Authorization header is not "Bearer <token>"')
    return this.verify(m[1]!, requiredScope)
  }

  close (): Promise<void> {
    return this.#revoked.close()
  }
}

// jose's messages are safe (they never include the token), but a fixed wording per case is clearer.
function describe (err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'token expired'
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature does not verify with this ingester\'s key'
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'algorithm not allowed (ES256 required)'
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `claim ${err.claim} ${err.reason === 'check_failed' ? 'is wrong' : 'is missing'}`
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) return 'malformed token'
  return (err as Error)?.message ?? 'verification failed'
}
