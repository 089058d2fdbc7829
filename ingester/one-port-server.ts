// One listening port for gRPC (HTTP/2) and plain HTTP/1.1, as Diode's gateway offers: the SDKs
// derive both the token URL and the gRPC target from one `grpc://host:port/path`. Over TLS the
// protocol comes from ALPN; in cleartext (or TLS without ALPN) from the first bytes: an HTTP/2
// client always opens with the connection preface (RFC 9113 section 3.4).
import net from 'node:net'
import tls from 'node:tls'
import type http from 'node:http'
import type { Logger } from 'pino'

const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n')
/** ms a new connection may stay silent before we know its protocol. */
const SNIFF_TIMEOUT = 10_000

export interface OnePortOptions {
  host: string
  port: number
  /** Receives HTTP/2 connections (grpc-js's connection injector). */
  injectHttp2 (socket: net.Socket): void
  /** Receives HTTP/1.x connections. */
  http1: http.Server
  tls?: { cert: string | Buffer, key: string | Buffer, ca?: string | Buffer, requestClientCert?: boolean }
  log: Logger
}

export interface OnePortServer {
  readonly port: number
  /** Stops accepting; open connections are left to their protocol servers to close. */
  close (): Promise<void>
  /** Destroys connections still waiting for their first bytes and idle HTTP/1.1 ones; busy
   * HTTP/1.1 connections close when their response is done. */
  closeIdle (): void
  /** Destroys every connection still open (after the grace period). */
  destroyAll (): void
}

export async function listenOnePort (o: OnePortOptions): Promise<OnePortServer> {
  const sniffing = new Set<net.Socket>()
  const all = new Set<net.Socket>()
  // An http.Server that never listened does not track its connections (closeIdleConnections is a
  // no-op), so count requests per socket here to know which ones are idle at shutdown.
  const busy = new Map<net.Socket, number>()
  let closing = false
  const toHttp1 = (socket: net.Socket): void => {
    busy.set(socket, 0)
    socket.once('close', () => busy.delete(socket))
    o.http1.emit('connection', socket)
  }
  o.http1.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket
    busy.set(socket, (busy.get(socket) ?? 0) + 1)
    if (closing) res.setHeader('connection', 'close')
    res.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1
      busy.set(socket, left)
      if (closing && left === 0) socket.destroy()
    })
  })
  const track = (socket: net.Socket): void => {
    all.add(socket)
    socket.once('close', () => all.delete(socket))
  }

  const route = (socket: net.Socket): void => {
    track(socket)
    sniffing.add(socket)
    let seen: Buffer = Buffer.alloc(0)
    const done = (): void => {
      sniffing.delete(socket)
      clearTimeout(timer)
      socket.off('data', onData)
      socket.off('error', onError)
      socket.off('end', onEnd)
    }
    const timer = setTimeout(() => { done(); socket.destroy() }, SNIFF_TIMEOUT)
    timer.unref()
    const onError = (): void => { done() }
    const onEnd = (): void => { done(); socket.destroy() }
    const onData = (chunk: Buffer): void => {
      seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk])
      const n = Math.min(seen.length, PREFACE.length)
      const isPrefix = seen.subarray(0, n).equals(PREFACE.subarray(0, n))
      if (isPrefix && seen.length < PREFACE.length) return
      done()
      socket.pause()
      socket.unshift(seen)
      if (isPrefix) o.injectHttp2(socket)
      else toHttp1(socket)
      // The protocol server takes over reading; node resumes the socket when it attaches.
      process.nextTick(() => socket.resume())
    }
    socket.on('data', onData)
    socket.on('error', onError)
    socket.on('end', onEnd)
  }

  let server: net.Server
  if (o.tls) {
    const requestCert = o.tls.requestClientCert === true
    server = tls.createServer({
      cert: o.tls.cert,
      key: o.tls.key,
      ca: o.tls.ca,
      requestCert,
      rejectUnauthorized: requestCert,
      ALPNProtocols: ['h2', 'http/1.1']
    }, (socket) => {
      track(socket)
      if (socket.alpnProtocol === 'h2') o.injectHttp2(socket)
      else if (socket.alpnProtocol === 'http/1.1') toHttp1(socket)
      else route(socket)
    })
    server.on('tlsClientError', (err) => { o.log.debug({ err: { message: err.message } }, 'TLS handshake failed') })
  } else {
    server = net.createServer(route)
  }
  server.on('error', (err) => { o.log.error({ err }, 'listener error') })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, o.host, () => { server.off('error', reject); resolve() })
  })
  const address = server.address() as net.AddressInfo
  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()) }),
    closeIdle () {
      closing = true
      for (const s of sniffing) s.destroy()
      sniffing.clear()
      for (const [s, n] of busy) if (n === 0) s.destroy()
    },
    destroyAll () {
      for (const s of all) s.destroy()
      all.clear()
    }
  }
}
