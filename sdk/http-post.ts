// One HTTP(S) form POST with a hard timeout, for the token endpoint. node:https rather than fetch
// so the same CA bundle, verification setting and proxy as the gRPC channel apply.
import http from 'node:http'
import https from 'node:https'
import tls from 'node:tls'
import { isIP } from 'node:net'
import { openTunnel, proxyAuthorization, type ProxySettings } from './proxy.ts'

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export interface PostOptions {
  ca?: Buffer
  rejectUnauthorized: boolean
  /** Whole-exchange limit in ms: proxy tunnel, connect, send, read the body. */
  timeout: number
  signal?: AbortSignal
  /** Largest body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number
  userAgent: string
  /** Send through this HTTP proxy (CONNECT for https, absolute URI for http). */
  proxy?: ProxySettings
}

export class HttpTimeoutError extends Error {
  constructor (url: string, timeout: number) {
    super(`no complete answer from ${url} within ${timeout} ms`)
    this.name = 'HttpTimeoutError'
  }
}

export async function postForm (url: string, form: URLSearchParams, options: PostOptions): Promise<HttpResponse> {
  const u = new URL(url)
  const body = form.toString()
  const isTls = u.protocol === 'https:'
  const host = u.hostname.replace(/^\[|\]$/g, '')
  const port = u.port === '' ? (isTls ? 443 : 80) : Number(u.port)
  // Created up front so its stack names the caller; the timer covers the tunnel too.
  const timeoutError = new HttpTimeoutError(url, options.timeout)
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(timeoutError), options.timeout)
  const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, options.signal])
  try {
    const tlsOptions: tls.ConnectionOptions = {
      // SNI carries host names only (RFC 6066 section 3); Node warns when given an IP address.
      servername: isIP(host) === 0 ? host : '',
      ca: options.ca,
      rejectUnauthorized: options.rejectUnauthorized,
      ...(options.rejectUnauthorized ? {} : { checkServerIdentity: () => undefined })
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      accept: 'application/json',
      'user-agent': options.userAgent
    }
    let request: () => http.ClientRequest
    if (options.proxy !== undefined && isTls) {
      const tunnel = await openTunnel(options.proxy, host, port, signal)
      // No agent: node:http then calls createConnection itself instead of dialling the host.
      request = () => https.request(u, { method: 'POST', headers, signal, createConnection: () => tls.connect({ ...tlsOptions, socket: tunnel }) })
    } else if (options.proxy !== undefined) {
      const proxy = options.proxy
      request = () => http.request({ host: proxy.host, port: proxy.port, path: u.href, method: 'POST', headers: { ...headers, host: u.host, ...proxyAuthorization(proxy) }, agent: false, signal })
    } else {
      request = () => (isTls ? https : http).request(u, { method: 'POST', headers, agent: false, signal, ...(isTls ? tlsOptions : {}) })
    }
    return await send(request, body, url, options.maxBodyBytes ?? 1024 * 1024)
  } catch (err) {
    if (deadline.signal.aborted) throw timeoutError
    throw err
  } finally {
    clearTimeout(timer)
  }
}

async function send (request: () => http.ClientRequest, body: string, url: string, limit: number): Promise<HttpResponse> {
  return await new Promise<HttpResponse>((resolve, reject) => {
    const req = request()
    req.on('error', reject)
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (c: Buffer) => {
        size += c.length
        if (size > limit) { req.destroy(new Error(`answer from ${url} exceeds ${limit} bytes`)); return }
        chunks.push(c)
      })
      res.on('error', reject)
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.end(body)
  })
}
