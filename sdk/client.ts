// The gRPC Ingest client. One ingest() call validates and encodes the entities once, splits them
// into chunks under maxChunkBytes, and sends each chunk as its own IngestRequest with a fresh
// UUIDv4 id. A chunk that fails with UNAVAILABLE, RESOURCE_EXHAUSTED or DEADLINE_EXCEEDED is
// retried with backoff under the SAME id, so a server that already accepted it can de-duplicate;
// UNAUTHENTICATED triggers one re-authentication.
import os from 'node:os'
import { randomUUID } from 'node:crypto'
import { Client, Metadata, status, type ServiceError, type ClientUnaryCall } from '@grpc/grpc-js'
import pino, { type Logger } from 'pino'
import { INGEST_METHOD, decodeIngestResponse } from '../proto/index.ts'
import type { Entity } from '../proto/index.ts'
import { parseTarget, type ParsedTarget } from './target.ts'
import { resolveTlsSettings, channelCredentials } from './tls-settings.ts'
import { proxyFor, type ProxySettings } from './proxy.ts'
import { TokenClient, DEFAULT_MAX_AUTH_RETRIES } from './token-client.ts'
import { DEFAULT_MAX_CHUNK_BYTES, entityFieldSize, encodeEntity, planChunks } from './chunking.ts'
import { normalizeEntity } from './normalize.ts'
import { encodeEnvelope, appendEntities, metadataStruct } from './request-encoding.ts'
import { backoffDelay, sleep, DEFAULT_BACKOFF_INITIAL_MS, DEFAULT_BACKOFF_MAX_MS, type BackoffOptions } from './backoff.ts'
import { SDK_NAME, SDK_VERSION } from './version.ts'
import { SdkError, SdkArgumentError, IngestError, ERR_SDK_INVALID_OPTION, ERR_SDK_CLOSED, ERR_SDK_ABORTED, grpcStatusName } from './errors.ts'
import type { ClientOptions, IngestOptions, IngestResult, Ingestor } from './types.ts'

/** Deadline of one Ingest call in ms. */
export const DEFAULT_INGEST_TIMEOUT_MS = 30_000
/** Retries of one chunk. */
export const DEFAULT_RETRIES = 3
export const DEFAULT_STREAM = 'latest'

const RETRIABLE = new Set<number>([status.UNAVAILABLE, status.RESOURCE_EXHAUSTED, status.DEADLINE_EXCEEDED])

interface ResolvedOptions {
  target: ParsedTarget
  appName: string
  appVersion: string
  maxChunkBytes: number
  retries: number
  backoff: BackoffOptions
  userAgent: string
  logger: Logger
}

function positiveInt (name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, `${name}: expected an integer >= ${min}, got ${typeof value === 'number' ? value : typeof value}`, { field: name })
  }
  return value
}

function requiredString (name: string, value: unknown, env?: string): string {
  if (typeof value !== 'string' || value === '') {
    const hint = env === undefined ? '' : ` (option ${name} or environment variable ${env})`
    throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, `${name}: required${hint}`, { field: name })
  }
  return value
}

function resolveMaxAuthRetries (option: number | undefined): number {
  if (option !== undefined) return positiveInt('maxAuthRetries', option, 1)
  const env = process.env.DIODE_MAX_AUTH_RETRIES
  if (env === undefined || env.trim() === '') return DEFAULT_MAX_AUTH_RETRIES
  const n = Number(env)
  if (!Number.isInteger(n) || n < 1) throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, `DIODE_MAX_AUTH_RETRIES: expected an integer >= 1, got ${JSON.stringify(env.slice(0, 20))}`, { field: 'maxAuthRetries' })
  return n
}

/** Connects to a Diode-compatible ingester: parses the target, loads TLS material and fetches the
 * first OAuth2 token, so a bad URL, CA file or credential fails here rather than on first use. */
export async function createClient (options: ClientOptions): Promise<Ingestor & { readonly target: ParsedTarget }> {
  if (options === null || typeof options !== 'object') throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, 'options: expected an object', { field: 'options' })
  const target = parseTarget(options.target)
  const appName = requiredString('appName', options.appName)
  const appVersion = requiredString('appVersion', options.appVersion)
  const clientId = requiredString('clientId', options.clientId ?? process.env.DIODE_CLIENT_ID, 'DIODE_CLIENT_ID')
  const clientSecret = requiredString('clientSecret', options.clientSecret ?? process.env.DIODE_CLIENT_SECRET, 'DIODE_CLIENT_SECRET')
  const maxAuthRetries = resolveMaxAuthRetries(options.maxAuthRetries)
  const maxChunkBytes = positiveInt('maxChunkBytes', options.maxChunkBytes ?? DEFAULT_MAX_CHUNK_BYTES, 1)
  const retries = positiveInt('retries', options.retries ?? DEFAULT_RETRIES, 0)
  const backoff: BackoffOptions = {
    initial: positiveInt('backoff.initial', options.backoff?.initial ?? DEFAULT_BACKOFF_INITIAL_MS, 0),
    max: positiveInt('backoff.max', options.backoff?.max ?? DEFAULT_BACKOFF_MAX_MS, 0)
  }
  const tls = resolveTlsSettings(target.tls, options)
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'sdk' })
  const userAgent = `${SDK_NAME}/${SDK_VERSION} ${appName}/${appVersion}`
  const resolved: ResolvedOptions = { target, appName, appVersion, maxChunkBytes, retries, backoff, userAgent, logger }
  const proxy = proxyFor(target.tls, target.host)

  const tokens = await TokenClient.create({
    tokenUrl: target.tokenUrl,
    clientId,
    clientSecret,
    ca: tls.ca,
    rejectUnauthorized: tls.rejectUnauthorized,
    maxAuthRetries,
    backoff,
    userAgent,
    proxy,
    logger
  })
  const grpcClient = new Client(proxy === undefined ? target.authority : proxy.address, channelCredentials(tls), {
    'grpc.primary_user_agent': userAgent,
    // Ping only while calls are active: strict servers answer idle pings with GOAWAY too_many_pings.
    'grpc.keepalive_time_ms': 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    'grpc.keepalive_permit_without_calls': 0,
    ...grpcProxyOptions(proxy, target)
  })
  logger.debug({ target: target.authority, pathPrefix: target.pathPrefix, tls: target.tls, verify: tls.rejectUnauthorized, proxy: proxy?.address }, 'sdk client ready')
  return new GrpcIngestClient(resolved, grpcClient, tokens)
}

// grpc-js reads only lower-case proxy variables and never bypasses loopback; the SDK's own
// decision (proxy.ts) is passed down instead, so the token call and the channel agree.
function grpcProxyOptions (proxy: ProxySettings | undefined, target: ParsedTarget): Record<string, string | number> {
  if (proxy === undefined) return { 'grpc.enable_http_proxy': 0 }
  // The channel dials the proxy and tunnels to the target; authority and TLS name stay the target's.
  return {
    'grpc.enable_http_proxy': 0,
    'grpc.http_connect_target': `dns:${target.authority}`,
    'grpc.default_authority': target.authority,
    ...(target.tls ? { 'grpc.ssl_target_name_override': target.host } : {}),
    ...(proxy.credentials === undefined ? {} : { 'grpc.http_connect_creds': proxy.credentials })
  }
}

class GrpcIngestClient implements Ingestor {
  readonly target: ParsedTarget
  readonly #o: ResolvedOptions
  readonly #grpc: Client
  readonly #tokens: TokenClient
  readonly #method: string
  readonly #closing = new AbortController()
  #closed = false

  constructor (options: ResolvedOptions, grpcClient: Client, tokens: TokenClient) {
    this.#o = options
    this.target = options.target
    this.#grpc = grpcClient
    this.#tokens = tokens
    this.#method = `${options.target.pathPrefix}${INGEST_METHOD}`
  }

  async ingest (entities: Entity[], options: IngestOptions = {}): Promise<IngestResult> {
    if (this.#closed) throw new SdkError(ERR_SDK_CLOSED, `client for ${this.#o.target.authority} is closed`)
    if (!Array.isArray(entities)) throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, 'entities: expected an array of Entity', { field: 'entities' })
    const timeout = positiveInt('timeout', options.timeout ?? DEFAULT_INGEST_TIMEOUT_MS, 1)
    const stream = options.stream ?? DEFAULT_STREAM
    if (typeof stream !== 'string' || stream.length < 1 || stream.length > 255) {
      throw new SdkArgumentError(ERR_SDK_INVALID_OPTION, 'stream: expected 1 to 255 characters', { field: 'stream' })
    }
    const metadata = metadataStruct(options.metadata)
    const result: IngestResult = { errors: [], requestIds: [] }
    if (entities.length === 0) return result
    const signal = options.signal === undefined ? this.#closing.signal : AbortSignal.any([options.signal, this.#closing.signal])

    const encoded = entities.map((e, i) => encodeEntity(normalizeEntity(e, `entities[${i}]`)))
    const envelopeFields = {
      stream,
      producer_app_name: this.#o.appName,
      producer_app_version: this.#o.appVersion,
      sdk_name: SDK_NAME,
      sdk_version: SDK_VERSION,
      ...(metadata === undefined ? {} : { metadata })
    }
    // The envelope's size with a placeholder id is the same as with the real one (36 chars).
    const overhead = encodeEnvelope({ ...envelopeFields, id: '00000000-0000-4000-8000-000000000000' }).length
    const ranges = planChunks(encoded.map((e) => entityFieldSize(e.length)), this.#o.maxChunkBytes, overhead)

    for (let c = 0; c < ranges.length; c++) {
      const [start, end] = ranges[c]
      const id = randomUUID()
      const bytes = appendEntities(encodeEnvelope({ ...envelopeFields, id }), encoded.slice(start, end))
      const where = { requestId: id, chunk: c + 1, chunks: ranges.length, first: start, last: end - 1 }
      // An abort surfaces as one error whichever await (token, call, backoff) it interrupted.
      const errors = await this.#sendChunk(bytes, where, timeout, signal, result)
        .catch((err: unknown) => { throw signal.aborted ? this.#aborted(where, signal) : err })
      result.requestIds.push(id)
      result.errors.push(...errors)
    }
    return result
  }

  async #sendChunk (bytes: Buffer, where: { requestId: string, chunk: number, chunks: number, first: number, last: number },
    timeout: number, signal: AbortSignal, sofar: IngestResult): Promise<string[]> {
    const log = this.#o.logger.child({ requestId: where.requestId })
    let reauthenticated = false
    let retry = 0
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) throw this.#aborted(where, signal)
      const token = await this.#tokens.token(signal)
      try {
        const response = await this.#call(bytes, token, timeout, signal)
        log.debug({ chunk: where.chunk, chunks: where.chunks, bytes: bytes.length, attempt, errors: response.errors?.length ?? 0 }, 'ingest chunk accepted')
        return response.errors ?? []
      } catch (err) {
        if (signal.aborted) throw this.#aborted(where, signal)
        const e = err as ServiceError
        const code = typeof e.code === 'number' ? e.code : status.UNKNOWN
        if (code === status.UNAUTHENTICATED && !reauthenticated) {
          reauthenticated = true
          log.info({ chunk: where.chunk }, 'ingest answered UNAUTHENTICATED, renewing the token once')
          await this.#tokens.refresh(signal)
          continue
        }
        if (RETRIABLE.has(code) && retry < this.#o.retries) {
          const delay = backoffDelay(retry++, this.#o.backoff)
          log.warn({ chunk: where.chunk, status: grpcStatusName(code), attempt, delayMs: delay }, 'ingest chunk failed, retrying with the same request id')
          await sleep(delay, signal)
          continue
        }
        const details = typeof e.details === 'string' ? e.details : e.message
        throw new IngestError(
          `Ingest to ${this.#o.target.authority}${this.#method} failed with ${grpcStatusName(code)} (${details}) for request ${where.requestId} ` +
          `(chunk ${where.chunk} of ${where.chunks}, entities ${where.first}..${where.last}) after ${attempt} attempt(s)`,
          { cause: err, grpcCode: code, details, requestId: where.requestId, acceptedRequestIds: [...sofar.requestIds], responseErrors: [...sofar.errors] })
      }
    }
  }

  #aborted (where: { requestId: string, chunk: number, chunks: number }, signal: AbortSignal): SdkError {
    const reason = this.#closed ? 'the client was closed' : 'the caller aborted'
    return new SdkError(ERR_SDK_ABORTED, `ingest aborted (${reason}) at request ${where.requestId}, chunk ${where.chunk} of ${where.chunks}`, { cause: signal.reason })
  }

  async #call (bytes: Buffer, token: string, timeout: number, signal: AbortSignal): Promise<{ errors?: string[] }> {
    const metadata = new Metadata()
    metadata.set('authorization', `Bearer ${token}`)
    metadata.set('platform', `${os.platform()}/${os.arch()}`)
    metadata.set('node-version', process.versions.node)
    return await new Promise((resolve, reject) => {
      let call: ClientUnaryCall | undefined
      const onAbort = (): void => call?.cancel()
      signal.addEventListener('abort', onAbort, { once: true })
      call = this.#grpc.makeUnaryRequest(this.#method, (b: Buffer) => b, (b: Buffer) => decodeIngestResponse(b), bytes, metadata,
        { deadline: Date.now() + timeout },
        (err, value) => {
          signal.removeEventListener('abort', onAbort)
          if (err !== null) reject(err)
          else resolve(value ?? {})
        })
    })
  }

  async close (): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#closing.abort()
    this.#tokens.close()
    this.#grpc.close()
  }
}
