// One HTTP(S) form POST with a hard timeout, for the token endpoint. node:https rather than fetch
// so the same CA bundle and verification setting as the gRPC channel apply.
import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'

export interface HttpResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

export interface PostOptions {
  ca?: Buffer
  rejectUnauthorized: boolean
  /** Whole-exchange limit in ms: connect, send, read the body. */
  timeout: number
  signal?: AbortSignal
  /** Largest body accepted, in bytes. */
  maxBodyBytes?: number
  userAgent: string
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
  const timeoutError = new HttpTimeoutError(url, options.timeout)
  return await new Promise<HttpResponse>((resolve, reject) => {
    const req = (isTls ? https : http).request(u, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': Buffer.byteLength(body),
        accept: 'application/json',
        'user-agent': options.userAgent
      },
      // SNI carries host names only (RFC 6066 section 3); Node warns when given an IP address.
      ...(isTls ? { servername: isIP(u.hostname.replace(/^\[|\]$/g, '')) === 0 ? u.hostname : '', ca: options.ca, rejectUnauthorized: options.rejectUnauthorized, ...(options.rejectUnauthorized ? {} : { checkServerIdentity: () => undefined }) } : {}),
      agent: false,
      signal: options.signal
    })
    const timer = setTimeout(() => req.destroy(timeoutError), options.timeout)
    timer.unref()
    const done = (fn: () => void): void => { clearTimeout(timer); fn() }
    req.on('error', (err) => done(() => reject(err)))
    req.on('response', (res) => {
      const chunks: Buffer[] = []
      let size = 0
      const limit = options.maxBodyBytes ?? 1024 * 1024
      res.on('data', (c: Buffer) => {
        size += c.length
        if (size > limit) { req.destroy(new Error(`answer from ${url} exceeds ${limit} bytes`)); return }
        chunks.push(c)
      })
      res.on('error', (err) => done(() => reject(err)))
      res.on('end', () => done(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })))
    })
    req.end(body)
  })
}
