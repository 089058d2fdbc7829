// The HTTP read API of the source of truth, shaped like NetBox's REST API. It is a handler, not a
// server: it answers the paths it owns and returns false for the rest, so the ingester can chain
// it inside its one-port HTTP server next to the token endpoint.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { Queue } from '../../queue/index.ts'
import type { Db } from '../../store/index.ts'
import type { Logger } from '../../config/logger.ts'
import { MethodNotAllowedError, NotFoundError, ReadApiError, authStatus } from './errors.ts'
import { INGESTION_LOGS_PATH, getIngestionLog, listIngestionLogs } from './ingestion-logs-endpoint.ts'
import { getRow, listRows } from './list-query.ts'
import { pageLinks, parsePage } from './pagination.ts'
import { RESOURCES_BY_PATH, RESOURCES_BY_TYPE } from './resources.ts'
import { PageRenderer } from './serialize.ts'

/** Answers a request and resolves true, or resolves false when the path is not its own. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>

/** The scope every read requires (issue 4). */
export const READ_SCOPE = 'diode:read'

export interface ReadApiOptions {
  /** The source of truth (PostgreSQL pool or PGlite); only read, never written. */
  db: Db
  /** Parent logger; the API logs under child({ component: 'read-api' }), requests at debug. */
  logger: Logger
  /**
   * Resolves when the request's bearer token is valid and carries `scope`; throws an error with
   * code ERR_UNAUTHENTICATED (401) or ERR_PERMISSION_DENIED (403) otherwise.
   */
  authorize: (req: IncomingMessage, scope: string) => Promise<unknown>
  /** Path the API is mounted at, default '/api'. */
  basePath?: string
  /**
   * Absolute URL clients reach this server at (e.g. 'https://tributary.example.com'), used for
   * `url`, `next` and `previous`. Default: the request's Host header over http (https on TLS).
   */
  publicUrl?: string
  /** The queue the reconciler drains: its waiting entities are listed as QUEUED logs. Omitted:
   * none are (a reader without access to the queue). */
  queue?: Queue
}

export const DEFAULT_BASE_PATH = '/api'

interface Route { kind: 'list' | 'detail' | 'root', path: string, id?: string }

/** NetBox's browsable roots: /api/ lists the apps, /api/dcim/ the endpoints of dcim. */
const ROOTS: ReadonlyMap<string, string[]> = (() => {
  const roots = new Map<string, string[]>([['', [INGESTION_LOGS_PATH]]])
  for (const path of RESOURCES_BY_PATH.keys()) {
    const [app, endpoint] = path.split('/')
    if (!roots.has(app)) roots.get('')!.push(app)
    roots.set(app, [...(roots.get(app) ?? []), endpoint])
  }
  for (const list of roots.values()) list.sort()
  return roots
})()

function route (pathname: string, basePath: string): Route | undefined {
  if (!pathname.startsWith(basePath + '/')) return undefined
  const rest = pathname.slice(basePath.length + 1).replace(/\/$/, '')
  if (ROOTS.has(rest)) return { kind: 'root', path: rest }
  if (RESOURCES_BY_PATH.has(rest) || rest === INGESTION_LOGS_PATH) return { kind: 'list', path: rest }
  const slash = rest.lastIndexOf('/')
  const path = rest.slice(0, slash)
  const id = rest.slice(slash + 1)
  if (slash > 0 && id !== '' && (RESOURCES_BY_PATH.has(path) || path === INGESTION_LOGS_PATH)) return { kind: 'detail', path, id }
  return undefined
}

/**
 * The NetBox REST API version whose shapes this API follows (openapi-netbox-4.2.2.yaml). NetBox
 * sends it on every response and clients such as pynetbox read it for feature checks.
 */
export const API_VERSION = '4.2'

function send (req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'api-version': API_VERSION,
    'content-length': Buffer.byteLength(json),
    vary: 'Accept, Authorization',
    ...headers
  })
  res.end(req.method === 'HEAD' ? undefined : json)
}

export function createReadApi (options: ReadApiOptions): HttpHandler {
  const { db, authorize } = options
  const logger = options.logger.child({ component: 'read-api' })
  const basePath = (options.basePath ?? DEFAULT_BASE_PATH).replace(/\/+$/, '')
  if (basePath !== '' && !basePath.startsWith('/')) throw new TypeError(`basePath must start with "/", got "${basePath}"`)
  let publicUrl: string | undefined
  if (options.publicUrl !== undefined) {
    const u = new URL(options.publicUrl)
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`publicUrl must be an http(s) URL, got "${options.publicUrl}"`)
    publicUrl = u.origin + u.pathname.replace(/\/+$/, '')
  }

  function origin (req: IncomingMessage): string {
    if (publicUrl !== undefined) return publicUrl
    const scheme = (req.socket as TLSSocket).encrypted === true ? 'https' : 'http'
    return `${scheme}://${req.headers.host ?? 'localhost'}`
  }

  async function answer (req: IncomingMessage, r: Route, url: URL): Promise<unknown> {
    const base = origin(req) + basePath
    const renderer = new PageRenderer(db, RESOURCES_BY_TYPE, base)
    const requestUrl = new URL(origin(req) + url.pathname + url.search)
    if (r.kind === 'root') {
      const prefix = r.path === '' ? base : `${base}/${r.path}`
      return Object.fromEntries(ROOTS.get(r.path)!.map((name) => [name, `${prefix}/${name}/`]))
    }
    if (r.path === INGESTION_LOGS_PATH) {
      return r.kind === 'list'
        ? listIngestionLogs(db, url.searchParams, requestUrl, renderer, base, options.queue)
        : getIngestionLog(db, r.id!, renderer, base)
    }
    const resource = RESOURCES_BY_PATH.get(r.path)!
    // NetBox's ?brief=true gives the nested form, which is what pickers and scripts want.
    const brief = ['true', '1', 'True'].includes(url.searchParams.get('brief') ?? '')
    const render = (row: Record<string, unknown>): Promise<Record<string, unknown>> => brief ? renderer.brief(resource, row) : renderer.full(resource, row)
    if (r.kind === 'detail') {
      if (!/^\d{1,15}$/.test(r.id!)) throw new NotFoundError()
      const row = await getRow(db, resource, Number(r.id))
      if (row === undefined) throw new NotFoundError()
      return render(row)
    }
    const page = parsePage(url.searchParams)
    const { count, rows } = await listRows(db, resource, url.searchParams, page)
    renderer.prime(resource.type, rows)
    const links = pageLinks(requestUrl, page, count)
    return { count, next: links.next, previous: links.previous, results: await Promise.all(rows.map(render)) }
  }

  return async function readApi (req, res) {
    const url = new URL(req.url ?? '/', 'http://read-api.invalid')
    const r = route(url.pathname, basePath)
    if (r === undefined) return false
    const started = performance.now()
    let status = 200
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new MethodNotAllowedError(req.method ?? '')
      try {
        await authorize(req, READ_SCOPE)
      } catch (err) {
        const authCode = authStatus(err)
        if (authCode === undefined) throw err
        status = authCode
        // The authenticator's message names what is wrong (missing, expired, scope), never the token.
        const detail = (err as Error).message || (authCode === 401 ? 'Authentication credentials were not provided.' : 'You do not have permission to perform this action.')
        send(req, res, status, { detail }, authCode === 401 ? { 'www-authenticate': 'Bearer' } : {})
        return true
      }
      const body = await answer(req, r, url)
      send(req, res, 200, body)
    } catch (err) {
      if (err instanceof ReadApiError) {
        status = err.status
        send(req, res, status, { detail: err.message }, status === 405 ? { allow: 'GET, HEAD' } : {})
      } else {
        status = 500
        logger.error({ err, path: url.pathname }, 'read API request failed')
        if (!res.headersSent) send(req, res, 500, { detail: 'Internal server error.' })
        else res.destroy()
      }
    } finally {
      logger.debug({ method: req.method, path: url.pathname, status, ms: Math.round(performance.now() - started) }, 'read API request')
    }
    return true
  }
}
