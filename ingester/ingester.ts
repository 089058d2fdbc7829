// Composes the ingestion gateway: one port serving gRPC Ingest (bare and prefixed paths), health
// and reflection, plus HTTP/1.1 for the token endpoint, probes, metrics and handlers plugged in
// by other components (the read API).
import http from 'node:http'
import * as grpc from '@grpc/grpc-js'
import prom from 'prom-client'
import type { Logger } from 'pino'
import { INGEST_METHOD } from '../proto/index.ts'
import type { Queue } from '../queue/index.ts'
import type { Db } from '../store/index.ts'
import { createAuthenticator, type Authenticator } from './auth/authenticator.ts'
import { IngesterArgumentError } from './errors.ts'
import { addHealthAndReflection } from './health-service.ts'
import { createIngestHandler, ingestServiceDefinition } from './ingest-handler.ts'
import { createMetrics } from './metrics.ts'
import { listenOnePort, type OnePortServer } from './one-port-server.ts'
import { handleTokenRequest } from './token-endpoint.ts'
import { DEFAULT_MAX_ENTITIES } from './validate.ts'

export const DEFAULT_PORT = 8080
export const DEFAULT_PATH_PREFIX = 'diode'
/** bytes */
export const DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024
/** ms */
export const DEFAULT_INGEST_PUBLISH_TIMEOUT = 3000
/** ms close() waits for calls in flight before cutting them off. */
const DEFAULT_GRACE = 5000

/** Tries an HTTP/1.1 request the ingester does not serve itself; true when it answered it. */
export type HttpHandler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>

export interface IngesterOptions {
  queue: Queue
  db: Db
  logger: Logger
  /** Listen address, default 0.0.0.0. */
  host?: string
  /** Listen port, default 8080; 0 picks a free one. */
  port?: number
  /** Path the SDK target carries (`grpc://host:8080/diode`), default "diode"; "" for none. */
  pathPrefix?: string
  /** Serve TLS with this certificate; requestClientCert demands a client certificate signed by `ca` (mTLS). */
  tls?: { cert: string | Buffer, key: string | Buffer, ca?: string | Buffer, requestClientCert?: boolean }
  /** EC P-256 private key (PEM) signing tokens; default: generated once and kept in the database. */
  signingKeyPem?: string
  /** JWT issuer, default "tributary". */
  issuer?: string
  /** Token lifetime in seconds, default 3600. */
  tokenTtlSeconds?: number
  /** ms between reloads of the revoked clients, default 5000: how long a revoked client's tokens keep working. */
  revocationRefreshInterval?: number
  /** Entity types the reconciler handles; others are accepted and listed in IngestResponse.errors. */
  reconciledTypes?: ReadonlySet<string>
  /** Entities per request, default 10000. */
  maxEntities?: number
  /** Bytes per request, default 16 MiB; larger ones get RESOURCE_EXHAUSTED. */
  maxRequestBytes?: number
  /** ms the queue may take to acknowledge a publish, default 3000; then UNAVAILABLE. */
  publishTimeout?: number
  /** Tried in order for HTTP/1.1 requests the ingester does not serve itself. */
  httpHandlers?: HttpHandler[]
  /** Extra gRPC services on the same server (e.g. the reconciler's). */
  grpcServices?: Array<{ definition: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation }>
  /** Registry for the tributary_ingester_* metrics, served on /metrics; a new one when omitted. */
  metricsRegistry?: prom.Registry
}

export interface Ingester {
  readonly port: number
  /** The target SDKs use, e.g. grpc://127.0.0.1:8080/diode (grpcs:// with TLS). */
  readonly url: string
  readonly auth: Authenticator
  /** Stops taking calls, lets calls in flight finish for up to graceMs (default 5000), then cuts the rest. */
  close (graceMs?: number): Promise<void>
}

function checkOptions (o: IngesterOptions): void {
  if (!o.queue) throw new IngesterArgumentError('queue is required')
  if (!o.db) throw new IngesterArgumentError('db is required')
  if (!o.logger) throw new IngesterArgumentError('logger is required')
  const positiveInt = (name: string, v: number | undefined): void => {
    if (v !== undefined && (!Number.isInteger(v) || v <= 0)) throw new IngesterArgumentError(`${name} must be a positive integer, got ${v}`)
  }
  positiveInt('maxEntities', o.maxEntities)
  positiveInt('maxRequestBytes', o.maxRequestBytes)
  positiveInt('publishTimeout', o.publishTimeout)
  positiveInt('revocationRefreshInterval', o.revocationRefreshInterval)
  if (o.port !== undefined && (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535)) throw new IngesterArgumentError(`port must be 0..65535, got ${o.port}`)
  if (o.pathPrefix !== undefined && !/^[\w.~-]*(\/[\w.~-]+)*$/.test(o.pathPrefix.replace(/^\/+|\/+$/g, ''))) {
    throw new IngesterArgumentError(`pathPrefix ${JSON.stringify(o.pathPrefix)} may hold only URL path characters`)
  }
  if (o.tls && (!o.tls.cert || !o.tls.key)) throw new IngesterArgumentError('tls needs both cert and key')
  if (o.tls?.requestClientCert && !o.tls.ca) throw new IngesterArgumentError('tls.requestClientCert needs tls.ca to verify client certificates against')
}

export async function createIngester (options: IngesterOptions): Promise<Ingester> {
  checkOptions(options)
  const log = options.logger.child({ component: 'ingester' })
  const prefix = (options.pathPrefix ?? DEFAULT_PATH_PREFIX).replace(/^\/+|\/+$/g, '')
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES
  const auth = await createAuthenticator(options.db, {
    signingKeyPem: options.signingKeyPem,
    issuer: options.issuer,
    tokenTtlSeconds: options.tokenTtlSeconds,
    revocationRefreshInterval: options.revocationRefreshInterval,
    logger: log
  })
  const registry = options.metricsRegistry ?? new prom.Registry()
  const metrics = createMetrics(registry)

  const grpcServer = new grpc.Server({
    'grpc.max_receive_message_length': maxRequestBytes,
    'grpc.max_send_message_length': 64 * 1024 * 1024,
    'grpc.keepalive_permit_without_calls': 1,
    // Channelz bookkeeping (call counters, per-message timestamps and closures on every call) feeds
    // a channelz service this server does not offer; off, calls take grpc-js's plain path (issue 3).
    'grpc.enable_channelz': 0
  })
  const handler = createIngestHandler({
    queue: options.queue,
    auth,
    log,
    metrics,
    publishTimeout: options.publishTimeout ?? DEFAULT_INGEST_PUBLISH_TIMEOUT,
    validation: { maxEntities: options.maxEntities ?? DEFAULT_MAX_ENTITIES, reconciledTypes: options.reconciledTypes }
  })
  const definition = ingestServiceDefinition(INGEST_METHOD, [prefix])
  grpcServer.addService(definition, Object.fromEntries(Object.keys(definition).map((k) => [k, handler])))
  const extraNames: string[] = []
  for (const s of options.grpcServices ?? []) {
    grpcServer.addService(s.definition, s.implementation)
    for (const m of Object.values(s.definition)) {
      const name = m.path.split('/')[1]
      if (name && !extraNames.includes(name)) extraNames.push(name)
    }
    // Under the prefix too: SDK-style clients put the target's path in front of every method.
    if (prefix) {
      const prefixed = Object.fromEntries(Object.entries(s.definition).map(([k, m]) => [k, { ...m, path: `/${prefix}${m.path}` }]))
      grpcServer.addService(prefixed as grpc.ServiceDefinition, s.implementation)
    }
  }
  const health = addHealthAndReflection(grpcServer, () => options.queue.ready(), extraNames)
  const injector = grpcServer.createConnectionInjector(grpc.ServerCredentials.createInsecure())

  const tokenPath = `${prefix ? `/${prefix}` : ''}/auth/token`
  const httpLog = log.child({ protocol: 'http' })
  const httpServer = http.createServer({ requestTimeout: 30_000, headersTimeout: 15_000 }, (req, res) => {
    void serveHttp(req, res).catch((err: unknown) => {
      httpLog.error({ err, path: req.url?.slice(0, 200) }, 'HTTP handler failed')
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: 'internal error' }))
      } else {
        res.destroy()
      }
    })
  })
  httpServer.keepAliveTimeout = 5000

  const serveHttp = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!
    if (path === tokenPath) return handleTokenRequest(req, res, auth, httpLog)
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path === '/healthz') return text(res, 200, 'ok\n')
      if (path === '/readyz') {
        const ready = await options.queue.ready().catch(() => false)
        return text(res, ready ? 200 : 503, ready ? 'ready\n' : `queue (${options.queue.kind}) not ready\n`)
      }
      if (path === '/metrics') {
        const body = await registry.metrics()
        res.writeHead(200, { 'content-type': registry.contentType })
        res.end(req.method === 'HEAD' ? undefined : body)
        return
      }
    }
    for (const h of options.httpHandlers ?? []) {
      if (await h(req, res)) return
    }
    text(res, 404, `no route for ${req.method} ${path.slice(0, 200)}\n`)
  }

  let listener: OnePortServer
  try {
    listener = await listenOnePort({
      host: options.host ?? '0.0.0.0',
      port: options.port ?? DEFAULT_PORT,
      injectHttp2: (socket) => injector.injectConnection(socket),
      http1: httpServer,
      tls: options.tls,
      log
    })
  } catch (err) {
    injector.destroy()
    grpcServer.forceShutdown()
    await auth.close()
    throw err
  }
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : '127.0.0.1'
  const url = `${options.tls ? 'grpcs' : 'grpc'}://${host.includes(':') ? `[${host}]` : host}:${listener.port}${prefix ? `/${prefix}` : ''}`
  log.info({ port: listener.port, url, tls: Boolean(options.tls), mtls: Boolean(options.tls?.requestClientCert) }, 'ingester listening')

  let closing: Promise<void> | undefined
  return {
    port: listener.port,
    url,
    auth,
    close (graceMs = DEFAULT_GRACE) {
      closing ??= (async () => {
        const listenerClosed = listener.close()
        listener.closeIdle()
        health.stop()
        const grpcDone = new Promise<void>((resolve) => { grpcServer.tryShutdown(() => resolve()) })
        const httpDone = new Promise<void>((resolve) => { httpServer.close(() => resolve()) })
        injector.drain(graceMs)
        let timer: NodeJS.Timeout | undefined
        const grace = new Promise<void>((resolve) => { timer = setTimeout(resolve, graceMs) })
        await Promise.race([Promise.all([grpcDone, httpDone]), grace])
        clearTimeout(timer)
        grpcServer.forceShutdown()
        injector.destroy()
        listener.destroyAll()
        await listenerClosed
        await auth.close()
        log.info('ingester closed')
      })()
      return closing
    }
  }
}

function text (res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}
