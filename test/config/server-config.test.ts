import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadServerConfig, serverSettingsHelp } from '../../config/index.ts'

function file (text: string): string {
  const p = join(mkdtempSync(join(tmpdir(), 'trib-cfg-')), 'tributary.yaml')
  writeFileSync(p, text)
  return p
}

test('server config - defaults give the embedded stack on port 8080 with prefix diode', () => {
  const c = loadServerConfig({ env: {} })
  assert.equal(c.port, 8080)
  assert.equal(c.pathPrefix, 'diode')
  assert.equal(c.nats, undefined)
  assert.equal(c.postgresUrl, undefined)
  assert.match(c.dataDir, /\.tributary$/)
  assert.equal(c.maxEntities, 10000)
  assert.equal(c.logLevel, undefined, 'no level unless configured, so the command picks one for its terminal')
})

test('server config - flag beats environment beats file', () => {
  const cfg = file('listen:\n  port: 9000\nnats:\n  url: nats://file:4222\n  replicas: 3\npath_prefix: /ingest/\nlog_level: debug\n')
  const fromFile = loadServerConfig({ flags: { config: cfg }, env: {} })
  assert.equal(fromFile.port, 9000)
  assert.deepEqual(fromFile.nats, { url: 'nats://file:4222', stream: 'TRIBUTARY_INGEST', maxBytes: 8 * 1024 ** 3, maxAgeSeconds: 604800, replicas: 3 })
  assert.equal(fromFile.pathPrefix, 'ingest')
  assert.equal(fromFile.logLevel, 'debug')
  const fromEnv = loadServerConfig({ flags: { config: cfg }, env: { TRIBUTARY_LISTEN_PORT: '9100', TRIBUTARY_NATS_URL: 'nats://env:4222' } })
  assert.equal(fromEnv.port, 9100)
  assert.equal(fromEnv.nats?.url, 'nats://env:4222')
  const fromFlag = loadServerConfig({ flags: { config: cfg, port: '9200' }, env: { TRIBUTARY_LISTEN_PORT: '9100' } })
  assert.equal(fromFlag.port, 9200)
})

test('server config - errors name the key and the source', () => {
  assert.throws(() => loadServerConfig({ flags: { port: 'http' }, env: {} }), /listen\.port \(from --port\): expected an integer, got "http"/)
  assert.throws(() => loadServerConfig({ env: { TRIBUTARY_LISTEN_PORT: '70000' } }), /listen\.port \(from TRIBUTARY_LISTEN_PORT\): 70000 is above the maximum 65535/)
  const bad = file('listen:\n  prot: 1\n')
  assert.throws(() => loadServerConfig({ flags: { config: bad }, env: {} }), /listen\.prot \(from .*\): unknown setting/)
  assert.throws(() => loadServerConfig({ flags: { 'tls-cert': '/x.pem' }, env: {} }), /tls: cert_file and key_file go together/)
  assert.throws(() => loadServerConfig({ flags: { config: '/nonexistent/t.yaml' }, env: {} }), /config file \/nonexistent\/t\.yaml/)
})

test('server config - help lists every flag with its environment variable', () => {
  const help = serverSettingsHelp()
  assert.match(help, /--postgres\s+TRIBUTARY_POSTGRES_URL/)
  assert.match(help, /--nats\s+TRIBUTARY_NATS_URL/)
  assert.match(help, /--port\s+TRIBUTARY_LISTEN_PORT .*default 8080/)
})

test('server config - auth.revocation_refresh is given in seconds and resolved to ms, 5 s by default', () => {
  assert.equal(loadServerConfig({ env: {} }).revocationRefreshInterval, 5000)
  assert.equal(loadServerConfig({ flags: { config: file('auth:\n  revocation_refresh: 2\n') }, env: {} }).revocationRefreshInterval, 2000)
  assert.equal(loadServerConfig({ env: { TRIBUTARY_AUTH_REVOCATION_REFRESH: '30' } }).revocationRefreshInterval, 30_000)
  assert.throws(() => loadServerConfig({ env: { TRIBUTARY_AUTH_REVOCATION_REFRESH: '0' } }), /auth\.revocation_refresh \(from TRIBUTARY_AUTH_REVOCATION_REFRESH\): 0 is below the minimum 1/)
  assert.match(serverSettingsHelp(), /TRIBUTARY_AUTH_REVOCATION_REFRESH\s+seconds between reloads of the revoked clients.*\(default 5\)/)
})

test('server config - the reconciler applies 2 batches at once, on worker threads unless turned off', () => {
  const c = loadServerConfig({ env: {} })
  assert.equal(c.concurrency, 2)
  assert.equal(c.workerThreads, true)
  const off = loadServerConfig({ flags: { config: file('reconciler:\n  concurrency: 4\n') }, env: { TRIBUTARY_RECONCILER_WORKER_THREADS: 'false' } })
  assert.equal(off.concurrency, 4)
  assert.equal(off.workerThreads, false)
  assert.throws(() => loadServerConfig({ env: { TRIBUTARY_RECONCILER_WORKER_THREADS: 'sometimes' } }),
    /reconciler\.worker_threads \(from TRIBUTARY_RECONCILER_WORKER_THREADS\): expected true or false, got "sometimes"/)
  assert.throws(() => loadServerConfig({ env: { TRIBUTARY_RECONCILER_CONCURRENCY: '0' } }), /reconciler\.concurrency .*below the minimum 1/)
})
