import { test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import net from 'node:net'
import { Writable } from 'node:stream'
import pino from 'pino'
import { createClient, site, SdkError, ERR_SDK_INVALID_OPTION } from '../../sdk/index.ts'
import { proxyFor, matchesNoProxy } from '../../sdk/proxy.ts'
import { startTestPeer } from '../helpers/grpc-test-server.ts'
import { createTestCerts } from '../helpers/tls.ts'

test('sdk proxy - HTTPS_PROXY for TLS, HTTP_PROXY for plaintext, NO_PROXY and loopback go direct', () => {
  const env = { HTTPS_PROXY: 'http://secure-proxy:3128', http_proxy: 'plain-proxy:8080', NO_PROXY: 'internal.example, .corp.example:443,10.1.2.3' }
  assert.equal(proxyFor(true, 'diode.example.com', env)?.address, 'secure-proxy:3128')
  assert.equal(proxyFor(true, 'diode.example.com', env)?.source, 'HTTPS_PROXY')
  assert.equal(proxyFor(false, 'diode.example.com', env)?.address, 'plain-proxy:8080')
  assert.equal(proxyFor(true, 'diode.example.com', { HTTP_PROXY: 'http://p:1' })?.address, 'p:1')
  assert.equal(proxyFor(false, 'diode.example.com', { HTTPS_PROXY: 'http://p:1' }), undefined)
  for (const host of ['internal.example', 'a.internal.example', 'x.corp.example', 'corp.example', '10.1.2.3', '127.0.0.1', 'localhost', '::1']) {
    assert.equal(proxyFor(true, host, env), undefined, host)
  }
  assert.equal(proxyFor(true, 'notinternal.example', env)?.address, 'secure-proxy:3128')
  assert.ok(matchesNoProxy('anything', '*'))
  assert.ok(matchesNoProxy('fd00::2', '[fd00::2]:443'))
  assert.ok(!matchesNoProxy('example.org', 'x'.repeat(300) + 'example.org'))
  assert.equal(proxyFor(true, 'h', { HTTPS_PROXY: 'http://user:p%40ss@proxy:3128' })?.credentials, 'user:p@ss')
  assert.throws(() => proxyFor(true, 'h', { HTTPS_PROXY: 'socks5://user:hunter2@proxy:1080' }), (err: unknown) => {
    assert.ok(err instanceof SdkError)
    assert.equal(err.code, ERR_SDK_INVALID_OPTION)
    assert.match(err.message, /^HTTPS_PROXY: proxy scheme "socks5" is not supported/)
    assert.ok(!err.message.includes('hunter2'))
    return true
  })
})

// A forward proxy that tunnels CONNECT and relays absolute-URI requests, resolving every host to
// 127.0.0.1: the target name "ingester.test" resolves nowhere else, so a call that succeeds went
// through the proxy.
async function startProxy () {
  const seen: Array<{ line: string, auth: string | undefined }> = []
  const sockets = new Set<net.Socket>()
  const server = http.createServer((req, res) => {
    seen.push({ line: `${req.method} ${req.url}`, auth: req.headers['proxy-authorization'] })
    const url = new URL(req.url ?? '')
    const upstream = http.request({ host: '127.0.0.1', port: Number(url.port), path: url.pathname, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers)
      r.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  server.on('connection', (s: net.Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push({ line: `CONNECT ${req.url}`, auth: req.headers['proxy-authorization'] })
    const upstream = net.connect(Number(String(req.url).split(':').pop()), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    seen,
    async close () {
      for (const s of sockets) s.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

async function withEnv<T> (vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(vars)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  try { return await fn() } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  }
}

test('sdk proxy - token call and gRPC both go through the proxy, plaintext and TLS with verification', async () => {
  const proxy = await startProxy()
  const certs = await createTestCerts()
  const lines: string[] = []
  const logger = pino({ level: 'trace' }, new Writable({ write (c, _e, cb) { lines.push(String(c)); cb() } }))
  const proxyUrl = `http://scout:pr0xy-pw@127.0.0.1:${proxy.port}`
  try {
    await withEnv({ HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: undefined, no_proxy: undefined, https_proxy: undefined, http_proxy: undefined }, async () => {
      for (const tls of [false, true]) {
        const peer = await startTestPeer(tls ? { tls: certs.server, pathPrefix: '/diode' } : { pathPrefix: '/diode' })
        try {
          const target = peer.target.replace('127.0.0.1', 'ingester.test')
          const client = await createClient({ target, appName: 'proxied', appVersion: '1.0.0', clientId: 'test-client', clientSecret: 'test-secret', certFile: certs.ca.certPath, maxAuthRetries: 1, logger })
          try {
            const result = await client.ingest([site('dc1')])
            assert.equal(peer.ingests[0].request.id, result.requestIds[0])
            assert.equal(peer.ingests[0].path, '/diode/diode.v1.IngesterService/Ingest')
          } finally {
            await client.close()
          }
        } finally {
          await peer.close()
        }
      }
    })
    const lines_ = proxy.seen.map((s) => s.line.replace(/:\d+/, ':PORT'))
    // Plaintext: the token POST as an absolute URI, gRPC in a tunnel; TLS: both tunnelled.
    assert.equal(lines_[0], 'POST http://ingester.test:PORT/diode/auth/token')
    assert.ok(lines_.filter((l) => l === 'CONNECT ingester.test:PORT').length >= 3, lines_.join('\n'))
    for (const s of proxy.seen) assert.equal(s.auth, `Basic ${Buffer.from('scout:pr0xy-pw').toString('base64')}`)
    assert.ok(!lines.join('').includes('pr0xy-pw'))
  } finally {
    await proxy.close()
    await certs.cleanup()
  }
})
