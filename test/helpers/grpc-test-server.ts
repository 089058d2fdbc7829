// An in-process Diode-like peer for SDK tests: ONE port serving both the OAuth2 token endpoint
// (HTTP/1.1) and diode.v1 Ingest (gRPC over HTTP/2), as Diode's gateway does. A net.Server (or a
// tls.Server with ALPN h2/http1.1) looks at each connection: the HTTP/2 client preface goes to
// grpc-js through createConnectionInjector(), anything else to a node:http server.
// Hooks count token requests, refuse tokens, answer UNAUTHENTICATED, fail N calls with a status,
// and capture every request (id, path, metadata). This is a test double for the SDK, not the
// production ingester.
import net from 'node:net'
import tls from 'node:tls'
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { Server, ServerCredentials, status, Metadata, type ConnectionInjector, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js'
import { INGEST_METHOD, decodeIngestRequest, encodeIngestResponse } from '../../proto/index.ts'
import type { IngestRequest__Output, IngestResponse } from '../../proto/index.ts'

export interface TestPeerOptions {
  /** Serve TLS with this key pair (ALPN picks gRPC or HTTP/1.1). */
  tls?: { key: Buffer, cert: Buffer }
  /** Path prefix of both the gRPC method and the token endpoint, e.g. "/diode". */
  pathPrefix?: string
  clientId?: string
  clientSecret?: string
  /** expires_in of issued tokens in seconds (default 3600). */
  tokenTtlSeconds?: number
  /** Issue unsigned JWTs carrying `exp` instead of opaque tokens (default true). */
  jwt?: boolean
  /** Answer of each accepted Ingest (default no errors). */
  respond?: (request: IngestRequest__Output) => IngestResponse
}

export interface TokenRequestRecord {
  form: Record<string, string>
  path: string
  contentType: string | undefined
}

export interface IngestRecord {
  path: string
  metadata: Record<string, string>
  request: IngestRequest__Output
  /** How the call was answered: "OK" or a gRPC status name. */
  outcome: string
}

export interface TestPeer {
  port: number
  /** e.g. grpc://127.0.0.1:PORT/diode (grpcs:// with TLS). */
  target: string
  tokenRequests: TokenRequestRecord[]
  ingests: IngestRecord[]
  /** Tokens issued so far, in order. */
  issuedTokens: string[]
  /** The next token calls answer these HTTP statuses (then normal service resumes). */
  failTokenRequests (statuses: number[], retryAfterSeconds?: number): void
  /** The next n Ingest calls answer UNAUTHENTICATED whatever the token. */
  rejectIngests (n: number): void
  /** The next n Ingest calls fail with `code` (default UNAVAILABLE). */
  failIngests (n: number, code?: status): void
  /** The next n Ingest calls are answered only after `ms` (to run past a client deadline). */
  delayIngests (n: number, ms: number): void
  /** Forget every issued token, so calls with an old one get UNAUTHENTICATED. */
  revokeTokens (): void
  close (): Promise<void>
}

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0')

export async function startTestPeer (options: TestPeerOptions = {}): Promise<TestPeer> {
  const prefix = options.pathPrefix ?? ''
  const clientId = options.clientId ?? 'test-client'
  const clientSecret = options.clientSecret ?? 'test-secret'
  const ttl = options.tokenTtlSeconds ?? 3600
  const valid = new Set<string>()
  const tokenRequests: TokenRequestRecord[] = []
  const ingests: IngestRecord[] = []
  const issuedTokens: string[] = []
  let tokenFailures: number[] = []
  let retryAfter: number | undefined
  let rejectCount = 0
  let failCount = 0
  let failCode: status = status.UNAVAILABLE
  let delayCount = 0
  let delayMs = 0
  const timers = new Set<NodeJS.Timeout>()

  const issue = (): string => {
    const exp = Math.floor(Date.now() / 1000) + ttl
    const token = options.jwt === false
      ? randomBytes(16).toString('hex')
      : [{ alg: 'none', typ: 'JWT' }, { sub: clientId, scope: 'diode:ingest', exp, jti: randomBytes(6).toString('hex') }]
          .map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.') + '.sig'
    valid.add(token)
    issuedTokens.push(token)
    return token
  }

  const httpServer = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const reply = (code: number, body: object, headers: Record<string, string> = {}): void => {
        res.writeHead(code, { 'content-type': 'application/json', ...headers })
        res.end(JSON.stringify(body))
      }
      if (req.method !== 'POST' || req.url !== `${prefix}/auth/token`) { reply(404, { error: 'not_found' }); return }
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
      tokenRequests.push({ form, path: req.url, contentType: req.headers['content-type'] })
      const failure = tokenFailures.shift()
      if (failure !== undefined) {
        reply(failure, { error: 'temporarily_unavailable' }, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) })
        return
      }
      if (form.grant_type !== 'client_credentials') { reply(400, { error: 'unsupported_grant_type' }); return }
      if (form.client_id !== clientId || form.client_secret !== clientSecret) { reply(401, { error: 'invalid_client' }); return }
      if (!(form.scope ?? '').split(' ').includes('diode:ingest')) { reply(400, { error: 'invalid_scope' }); return }
      reply(200, { access_token: issue(), token_type: 'Bearer', expires_in: ttl })
    })
  })

  const grpcServer = new Server()
  const handler = (call: ServerUnaryCall<IngestRequest__Output, IngestResponse>, callback: sendUnaryData<IngestResponse>): void => {
    const metadata: Record<string, string> = {}
    for (const [k, v] of Object.entries(call.metadata.getMap())) metadata[k] = String(v)
    const record: IngestRecord = { path: call.getPath(), metadata, request: call.request, outcome: 'OK' }
    ingests.push(record)
    const fail = (code: status, details: string): void => {
      record.outcome = status[code]
      callback({ code, details, metadata: new Metadata() })
    }
    if (rejectCount > 0) { rejectCount--; fail(status.UNAUTHENTICATED, 'token rejected by test hook'); return }
    const auth = metadata.authorization ?? ''
    if (!auth.startsWith('Bearer ') || !valid.has(auth.slice(7))) { fail(status.UNAUTHENTICATED, 'missing or unknown bearer token'); return }
    if (failCount > 0) { failCount--; fail(failCode, 'failure injected by test hook'); return }
    const answer = (): void => callback(null, options.respond?.(call.request) ?? { errors: [] })
    if (delayCount > 0) {
      delayCount--
      record.outcome = 'DELAYED'
      const timer = setTimeout(() => { timers.delete(timer); answer() }, delayMs)
      timers.add(timer)
      return
    }
    answer()
  }
  grpcServer.register(`${prefix}${INGEST_METHOD}`, handler,
    (r: IngestResponse) => Buffer.from(encodeIngestResponse(r)),
    (b: Buffer) => decodeIngestRequest(b), 'unary')
  const injector: ConnectionInjector = grpcServer.createConnectionInjector(ServerCredentials.createInsecure())

  const sockets = new Set<net.Socket>()
  const route = (socket: net.Socket, isH2: boolean): void => {
    if (isH2) {
      injector.injectConnection(socket)
    } else {
      httpServer.emit('connection', socket)
      // The sniffer paused the socket; node:http only adds a 'data' listener, which does not
      // restart an explicitly paused stream.
      socket.resume()
    }
  }
  let listener: net.Server
  if (options.tls !== undefined) {
    listener = tls.createServer({ key: options.tls.key, cert: options.tls.cert, ALPNProtocols: ['h2', 'http/1.1'] }, (socket) => {
      route(socket, socket.alpnProtocol === 'h2')
    })
    listener.on('connection', (s: net.Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
    listener.on('tlsClientError', () => {})
  } else {
    listener = net.createServer((socket) => {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {})
      let head = Buffer.alloc(0)
      const onData = (chunk: Buffer): void => {
        head = Buffer.concat([head, chunk])
        const n = Math.min(head.length, H2_PREFACE.length)
        const isH2 = head.subarray(0, n).equals(H2_PREFACE.subarray(0, n))
        if (isH2 && n < H2_PREFACE.length) return // need more bytes to decide
        socket.off('data', onData)
        socket.pause()
        socket.unshift(head)
        route(socket, isH2)
      }
      socket.on('data', onData)
    })
  }
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject)
    listener.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (listener.address() as net.AddressInfo).port

  return {
    port,
    target: `${options.tls !== undefined ? 'grpcs' : 'grpc'}://127.0.0.1:${port}${prefix}`,
    tokenRequests,
    ingests,
    issuedTokens,
    failTokenRequests (statuses, retryAfterSeconds) { tokenFailures = [...statuses]; retryAfter = retryAfterSeconds },
    rejectIngests (n) { rejectCount = n },
    failIngests (n, code = status.UNAVAILABLE) { failCount = n; failCode = code },
    delayIngests (n, ms) { delayCount = n; delayMs = ms },
    revokeTokens () { valid.clear() },
    async close () {
      for (const t of timers) clearTimeout(t)
      injector.destroy()
      grpcServer.forceShutdown()
      for (const s of sockets) s.destroy()
      httpServer.close()
      await new Promise<void>((resolve) => listener.close(() => resolve()))
    }
  }
}
