// Composes the server components from a ServerConfig: store, queue, reconciler, ingester and read
// API. `up` starts all of them in one process; `ingester` and `reconciler` start their part.
// Shutdown runs in the house order: stop taking requests, drain the reconciler so its current
// batch commits, close the queue, close the database, flush the logger last.
import http from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Registry, collectDefaultMetrics } from 'prom-client'
import type { Logger } from 'pino'
import { openStore, type Db } from '../store/index.ts'
import { createJetStreamQueue, openEmbeddedQueue, type Queue } from '../queue/index.ts'
import { createIngester, createAuthenticator, type Ingester, type Authenticator } from '../ingester/index.ts'
import { createReconciler, createReadApi, createIngestionLogService, RECONCILED_TYPES, startRetention, type Reconciler } from '../reconciler/index.ts'
import type { ServerConfig } from '../config/index.ts'

export interface StackRoles {
  ingester: boolean
  reconciler: boolean
}

export interface Stack {
  readonly db: Db
  readonly queue: Queue
  readonly ingester?: Ingester
  readonly reconciler?: Reconciler
  /** Where the one-port server (or the reconciler's HTTP server) listens. */
  readonly port: number
  /** Base URL of the read API and token endpoint, e.g. http://127.0.0.1:8080 */
  readonly httpUrl: string
  /** Ingest target for SDKs, e.g. grpc://127.0.0.1:8080/diode */
  readonly target: string
  close (): Promise<void>
}

export async function openDatabase (config: ServerConfig, logger: Logger): Promise<Db> {
  const { db, applied, where } = await openStore({ postgresUrl: config.postgresUrl, dataDir: config.dataDir, applicationName: 'tributary' })
  logger.info({ store: db.kind, where, migrations: applied }, 'database ready')
  return db
}

export async function openQueue (config: ServerConfig, logger: Logger): Promise<Queue> {
  if (config.nats) {
    return createJetStreamQueue({
      servers: config.nats.url,
      stream: config.nats.stream,
      maxBytes: config.nats.maxBytes,
      maxAge: config.nats.maxAgeSeconds * 1000,
      replicas: config.nats.replicas,
      logger
    })
  }
  return openEmbeddedQueue({ dir: join(config.dataDir, 'queue'), logger })
}

function displayHost (host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
}

export async function startStack (config: ServerConfig, roles: StackRoles, logger: Logger): Promise<Stack> {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'tributary_' })
  const db = await openDatabase(config, logger)
  const closers: Array<() => Promise<void>> = [() => db.close()]
  const closeAll = async () => { for (const c of closers.splice(0).reverse()) await c().catch((err) => logger.error({ err }, 'shutdown step failed')) }
  try {
    const queue = await openQueue(config, logger)
    closers.push(() => queue.close())
    let reconciler: Reconciler | undefined
    if (roles.reconciler) {
      reconciler = createReconciler({
        db,
        queue,
        logger,
        batchSize: config.batchSize,
        concurrency: config.concurrency,
        maxAttempts: config.maxAttempts,
        metricsRegistry: registry,
        // PGlite lives in this thread's memory: only a server can be reached from other threads.
        workerThreads: config.postgresUrl && config.workerThreads ? { postgresUrl: config.postgresUrl, applicationName: 'tributary' } : undefined
      })
      reconciler.start()
      closers.push(() => reconciler!.drain())
      const retention = startRetention({ db, logger, ingestionLogDays: config.ingestionLogRetentionDays, changeLogDays: config.changeLogRetentionDays })
      closers.push(() => retention.close())
    }
    const scheme = config.tls ? 'https' : 'http'
    if (roles.ingester) {
      let auth: Authenticator | undefined
      const readApi = createReadApi({
        db,
        queue,
        logger,
        publicUrl: config.publicUrl,
        authorize: (req, scope) => auth!.authorizeHttp(req, scope)
      })
      const ingester = await createIngester({
        queue,
        db,
        logger,
        host: config.host,
        port: config.port,
        pathPrefix: config.pathPrefix,
        tls: config.tls && {
          cert: readFileSync(config.tls.certFile),
          key: readFileSync(config.tls.keyFile),
          ca: config.tls.clientCaFile ? readFileSync(config.tls.clientCaFile) : undefined,
          requestClientCert: Boolean(config.tls.clientCaFile)
        },
        signingKeyPem: config.signingKeyFile ? readFileSync(config.signingKeyFile, 'utf8') : undefined,
        tokenTtlSeconds: config.tokenTtlSeconds,
        revocationRefreshInterval: config.revocationRefreshInterval,
        reconciledTypes: RECONCILED_TYPES,
        maxEntities: config.maxEntities,
        maxRequestBytes: config.maxRequestBytes,
        httpHandlers: [readApi],
        grpcServices: [createIngestionLogService({ db, queue, logger, verify: (token, scope) => auth!.verify(token, scope) })],
        metricsRegistry: registry
      })
      auth = ingester.auth
      closers.push(() => ingester.close(5000))
      const base = `${scheme}://${displayHost(config.host)}:${ingester.port}`
      return { db, queue, ingester, reconciler, port: ingester.port, httpUrl: base, target: ingester.url, close: closeAll }
    }
    // Reconciler alone: the read API, metrics and health on a plain HTTP server of its own.
    const auth = await createAuthenticator(db, {
      signingKeyPem: config.signingKeyFile ? readFileSync(config.signingKeyFile, 'utf8') : undefined,
      tokenTtlSeconds: config.tokenTtlSeconds,
      revocationRefreshInterval: config.revocationRefreshInterval,
      logger: logger.child({ component: 'auth' })
    })
    closers.push(() => auth.close())
    const readApi = createReadApi({ db, queue, logger, publicUrl: config.publicUrl, authorize: (req, scope) => auth.authorizeHttp(req, scope) })
    const server = http.createServer((req, res) => {
      void (async () => {
        if (req.url === '/metrics') {
          res.setHeader('content-type', registry.contentType)
          res.end(await registry.metrics())
          return
        }
        if (req.url === '/healthz' || req.url === '/readyz') {
          res.setHeader('content-type', 'application/json')
          res.end(JSON.stringify({ status: 'ok' }))
          return
        }
        if (!(await readApi(req, res))) {
          res.statusCode = 404
          res.setHeader('content-type', 'application/json')
          res.end(JSON.stringify({ detail: 'Not found.' }))
        }
      })().catch((err) => {
        logger.error({ err }, 'read API request failed')
        if (!res.headersSent) res.statusCode = 500
        res.end()
      })
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, config.host, () => resolve())
    })
    closers.push(() => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections() }))
    const port = (server.address() as { port: number }).port
    const base = `http://${displayHost(config.host)}:${port}`
    return { db, queue, reconciler, port, httpUrl: base, target: '', close: closeAll }
  } catch (err) {
    await closeAll()
    throw err
  }
}
