// The agent's small HTTP face: GET /api/v1/status (per-policy run history, as orb-agent's
// backends serve it), GET /metrics (Prometheus text) and GET /healthz. Read-only; meant for a
// loopback or management address, so it listens only where the config says.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import type { StatusListen } from './config/types.ts'
import { AgentStateError } from './errors.ts'

export interface StatusServerOptions {
  listen: StatusListen
  logger: Logger
  status: () => unknown
  registry: Registry
}

export interface StatusServer {
  /** The bound address (the real port when 0 was asked for). */
  readonly address: StatusListen
  /** Stops listening and closes idle connections. Safe to call twice. */
  close (): Promise<void>
}

export async function createStatusServer (options: StatusServerOptions): Promise<StatusServer> {
  const log = options.logger.child({ component: 'status-server' })
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const send = (code: number, type: string, body: string): void => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' })
      res.end(body)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') { send(405, 'text/plain; charset=utf-8', 'method not allowed\n'); return }
    if (path === '/api/v1/status') { send(200, 'application/json; charset=utf-8', JSON.stringify(options.status(), null, 2) + '\n'); return }
    if (path === '/healthz') { send(200, 'text/plain; charset=utf-8', 'ok\n'); return }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => send(200, options.registry.contentType, text),
        (err: unknown) => {
          log.error({ err }, 'collecting metrics failed')
          send(500, 'text/plain; charset=utf-8', 'metrics unavailable\n')
        }
      )
      return
    }
    send(404, 'text/plain; charset=utf-8', 'not found: try /api/v1/status or /metrics\n')
  })
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      reject(new AgentStateError('ERR_AGENT_STATUS_LISTEN',
        `status server cannot listen on ${options.listen.host}:${options.listen.port} (${err.code ?? err.message}); change tributary.status.listen`, { cause: err }))
    }
    server.once('error', onError)
    server.listen(options.listen.port, options.listen.host, () => {
      server.off('error', onError)
      resolve()
    })
  })
  const bound = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    address: { host: bound.address, port: bound.port },
    close () {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      return closing
    }
  }
}
