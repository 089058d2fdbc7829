// OAuth2 client-credentials token for the Ingest calls, as the official Diode SDKs obtain it:
// POST {tokenUrl} with grant_type=client_credentials, client_id, client_secret, scope=diode:ingest.
// The token is fetched eagerly (bad credentials fail at construction), renewed before it expires
// (JWT `exp` read without verification, else `expires_in`), and concurrent renewals share one call.
import type { Logger } from 'pino'
import { AuthError, ERR_SDK_AUTH_REJECTED, ERR_SDK_AUTH_UNAVAILABLE, SdkError, ERR_SDK_ABORTED } from './errors.ts'
import { backoffDelay, parseRetryAfter, sleep, type BackoffOptions } from './backoff.ts'
import { postForm, type HttpResponse } from './http-post.ts'
import type { ProxySettings } from './proxy.ts'

export const TOKEN_SCOPE = 'diode:ingest'
/** Renew when less than this many ms of validity remain (the Go SDK's margin). */
export const DEFAULT_REFRESH_MARGIN_MS = 60_000
/** Limit of one token call, in ms. */
export const DEFAULT_TOKEN_TIMEOUT_MS = 10_000
/** Token call attempts (DIODE_MAX_AUTH_RETRIES). */
export const DEFAULT_MAX_AUTH_RETRIES = 3

const RETRIABLE_STATUS = new Set([429, 500, 502, 503])

export interface TokenClientOptions {
  tokenUrl: string
  clientId: string
  clientSecret: string
  ca?: Buffer
  rejectUnauthorized: boolean
  /** Attempts of one token fetch, retrying 429/500/502/503 and network failures (default 3). */
  maxAuthRetries: number
  backoff: BackoffOptions
  /** Limit of each token call in ms (default 10000). */
  timeout?: number
  /** Renew margin in ms (default 60000). */
  refreshMargin?: number
  userAgent: string
  /** HTTP proxy for the token call (see proxy.ts), undefined for a direct connection. */
  proxy?: ProxySettings
  logger: Logger
}

interface CurrentToken {
  value: string
  /** Absolute expiry in ms since the epoch; undefined for an opaque token without expires_in. */
  expiresAt: number | undefined
}

export class TokenClient {
  readonly #options: TokenClientOptions
  readonly #log: Logger
  readonly #closed = new AbortController()
  #current: CurrentToken | undefined
  #inflight: Promise<string> | undefined
  #requests = 0

  private constructor (options: TokenClientOptions) {
    this.#options = options
    this.#log = options.logger
  }

  /** Creates the client and fetches the first token; rejects with AuthError when that fails. */
  static async create (options: TokenClientOptions, signal?: AbortSignal): Promise<TokenClient> {
    const client = new TokenClient(options)
    await client.refresh(signal)
    return client
  }

  /** Token calls made so far (for diagnostics). */
  get requestCount (): number { return this.#requests }

  /** A token valid for at least the refresh margin, renewing it first when needed. */
  async token (signal?: AbortSignal): Promise<string> {
    const current = this.#current
    if (current !== undefined && !this.#expiring(current)) return current.value
    return await this.refresh(signal)
  }

  /** True when the token held now is close to expiry (or there is none). */
  isStale (): boolean {
    return this.#current === undefined || this.#expiring(this.#current)
  }

  /** Fetches a new token; concurrent callers share the same call. */
  async refresh (signal?: AbortSignal): Promise<string> {
    if (this.#inflight === undefined) {
      this.#inflight = this.#fetch(signal).finally(() => { this.#inflight = undefined })
    }
    return await this.#inflight
  }

  close (): void {
    this.#closed.abort()
  }

  #expiring (t: CurrentToken): boolean {
    return t.expiresAt !== undefined && t.expiresAt - Date.now() < (this.#options.refreshMargin ?? DEFAULT_REFRESH_MARGIN_MS)
  }

  async #fetch (signal?: AbortSignal): Promise<string> {
    const o = this.#options
    const url = o.tokenUrl
    const combined = signal === undefined ? this.#closed.signal : AbortSignal.any([signal, this.#closed.signal])
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.clientSecret, scope: TOKEN_SCOPE })
    const attempts = Math.max(1, o.maxAuthRetries)
    let lastReason = ''
    let lastStatus: number | undefined
    let lastCause: unknown
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (combined.aborted) throw new SdkError(ERR_SDK_ABORTED, `token request to ${url} aborted`, { cause: combined.reason })
      let res: HttpResponse | undefined
      this.#requests++
      try {
        res = await postForm(url, form, { ca: o.ca, rejectUnauthorized: o.rejectUnauthorized, timeout: o.timeout ?? DEFAULT_TOKEN_TIMEOUT_MS, signal: combined, userAgent: o.userAgent, proxy: o.proxy })
      } catch (err) {
        if (combined.aborted) throw new SdkError(ERR_SDK_ABORTED, `token request to ${url} aborted`, { cause: err })
        lastCause = err
        lastStatus = undefined
        lastReason = (err as Error).message
      }
      let retryAfter: number | undefined
      if (res !== undefined) {
        if (res.status >= 200 && res.status < 300) return this.#accept(res, url)
        lastStatus = res.status
        lastReason = `HTTP ${res.status}${oauthError(res.body)}`
        if (!RETRIABLE_STATUS.has(res.status)) {
          throw new AuthError(ERR_SDK_AUTH_REJECTED, `token request to ${url} was refused (${lastReason}); check the client id and secret (clientId/clientSecret or DIODE_CLIENT_ID/DIODE_CLIENT_SECRET)`,
            { httpStatus: res.status, attempts: attempt })
        }
        const header = res.headers['retry-after']
        retryAfter = parseRetryAfter(Array.isArray(header) ? header[0] : header)
      }
      if (attempt === attempts) break
      // Honour Retry-After but never wait longer than the backoff cap.
      const delay = retryAfter !== undefined ? Math.min(retryAfter, o.backoff.max) : backoffDelay(attempt - 1, o.backoff)
      this.#log.warn({ url, attempt, attempts, delayMs: delay, reason: lastReason }, 'token request failed, retrying')
      await sleep(delay, combined)
    }
    throw new AuthError(ERR_SDK_AUTH_UNAVAILABLE, `token request to ${url} failed after ${attempts} attempt(s) (DIODE_MAX_AUTH_RETRIES=${attempts}): ${lastReason}`,
      { cause: lastCause, httpStatus: lastStatus, attempts })
  }

  #accept (res: HttpResponse, url: string): string {
    let body: { access_token?: unknown, expires_in?: unknown }
    try {
      body = JSON.parse(res.body) as typeof body
    } catch (err) {
      throw new AuthError(ERR_SDK_AUTH_UNAVAILABLE, `token response from ${url} is not JSON (HTTP ${res.status})`, { cause: err, httpStatus: res.status, attempts: 1 })
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AuthError(ERR_SDK_AUTH_UNAVAILABLE, `token response from ${url} has no access_token`, { httpStatus: res.status, attempts: 1 })
    }
    const token = body.access_token
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in)
    const expiresAt = jwtExpiry(token) ?? (Number.isFinite(expiresIn) && expiresIn > 0 ? Date.now() + expiresIn * 1000 : undefined)
    this.#current = { value: token, expiresAt }
    this.#log.debug({ url, expiresAt: expiresAt === undefined ? undefined : new Date(expiresAt).toISOString() }, 'token obtained')
    return token
  }
}

/** `exp` of a JWT in ms, read without verifying the signature (only the server needs to trust it). */
export function jwtExpiry (token: string): number | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { exp?: unknown }
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : undefined
  } catch {
    return undefined
  }
}

// Only the RFC 6749 error code: error_description is free text a server might fill with the request.
function oauthError (body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown }
    return typeof parsed.error === 'string' && /^[a-z_]{1,64}$/.test(parsed.error) ? `, ${parsed.error}` : ''
  } catch {
    return ''
  }
}
