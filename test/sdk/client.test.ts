import { test } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { Writable } from 'node:stream'
import pino from 'pino'
import { status } from '@grpc/grpc-js'
import {
  createClient, device, iface, ipAddress, site, SDK_NAME, SDK_VERSION, SdkError, AuthError, IngestError,
  ERR_SDK_AUTH_REJECTED, ERR_SDK_AUTH_UNAVAILABLE, ERR_SDK_INGEST_FAILED, ERR_SDK_INVALID_OPTION, ERR_SDK_ABORTED, ERR_SDK_CLOSED,
  ERR_SDK_INVALID_ENTITY, ERR_SDK_INVALID_TARGET
} from '../../sdk/index.ts'
import type { ClientOptions } from '../../sdk/index.ts'
import { fromStruct } from '../../proto/index.ts'
import { startTestPeer, type TestPeer } from '../helpers/grpc-test-server.ts'

const SECRET = 'sup3r-s3cret-value'
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const FAST = { backoff: { initial: 5, max: 20 } }

function logCapture () {
  const lines: string[] = []
  const stream = new Writable({ write (chunk, _enc, cb) { lines.push(String(chunk)); cb() } })
  return { lines, logger: pino({ level: 'trace' }, stream) }
}

function options (peer: TestPeer, extra: Partial<ClientOptions> = {}): ClientOptions {
  return { target: peer.target, appName: 'collector-x', appVersion: '2.1.0', clientId: 'test-client', clientSecret: SECRET, ...FAST, ...extra }
}

async function withEnv<T> (vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(vars)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  try { return await fn() } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  }
}

test('sdk client - token flow, path prefix, headers and request fields reach the server', async () => {
  const peer = await startTestPeer({ pathPrefix: '/diode', clientSecret: SECRET })
  const client = await createClient(options(peer))
  try {
    assert.equal(client.target.pathPrefix, '/diode')
    const entities = [
      device({ name: 'r1', site: 'dc1', role: 'core', device_type: 'C9300', manufacturer: 'Cisco' }),
      iface({ name: 'eth0', device: { name: 'r1', site: 'dc1' }, type: '1000base-t' }),
      ipAddress({ address: '192.0.2.1/24', assigned_object_interface: { name: 'eth0', device: 'r1' } })
    ]
    const result = await client.ingest(entities)
    assert.deepEqual(result.errors, [])
    assert.equal(result.requestIds.length, 1)
    assert.match(result.requestIds[0], UUID_V4)

    assert.equal(peer.tokenRequests.length, 1)
    const token = peer.tokenRequests[0]
    assert.equal(token.path, '/diode/auth/token')
    assert.equal(token.contentType, 'application/x-www-form-urlencoded')
    assert.deepEqual(token.form, { grant_type: 'client_credentials', client_id: 'test-client', client_secret: SECRET, scope: 'diode:ingest' })

    assert.equal(peer.ingests.length, 1)
    const call = peer.ingests[0]
    assert.equal(call.path, '/diode/diode.v1.IngesterService/Ingest')
    assert.equal(call.metadata.authorization, `Bearer ${peer.issuedTokens[0]}`)
    assert.equal(call.metadata.platform, `${process.platform}/${process.arch}`)
    assert.equal(call.metadata['node-version'], process.versions.node)
    assert.match(call.metadata['user-agent'], new RegExp(`^tributary-sdk/${SDK_VERSION.replace(/\./g, '\\.')} collector-x/2\\.1\\.0`))
    const r = call.request
    assert.equal(r.id, result.requestIds[0])
    assert.equal(r.stream, 'latest')
    assert.equal(r.producer_app_name, 'collector-x')
    assert.equal(r.producer_app_version, '2.1.0')
    assert.equal(r.sdk_name, SDK_NAME)
    assert.equal(r.sdk_name, 'tributary-sdk')
    assert.match(r.sdk_version ?? '', /^\d+\.\d+\.\d+$/)
    assert.equal(r.entities?.length, 3)
    assert.equal(r.entities?.[0].device?.device_type?.manufacturer?.name, 'Cisco')
    assert.equal(r.entities?.[2].ip_address?.assigned_object_interface?.device?.name, 'r1')
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - stream, metadata and response errors pass through', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET, respond: (req) => ({ errors: [`entity 0 of ${req.id} rejected`] }) })
  const client = await createClient(options(peer))
  try {
    const result = await client.ingest([site('dc1')], { stream: 'lab', metadata: { policy: 'nightly', run: 4, tags: ['a'] } })
    assert.deepEqual(result.errors, [`entity 0 of ${result.requestIds[0]} rejected`])
    assert.equal(peer.ingests[0].request.stream, 'lab')
    assert.deepEqual(fromStruct(peer.ingests[0].request.metadata), { policy: 'nightly', run: 4, tags: ['a'] })
    // A hand-written entity with a mistake is caught before anything is sent, naming its index.
    await assert.rejects(client.ingest([site('dc2'), { device: { nmae: 'x' } } as never]), (err: unknown) => {
      assert.ok(err instanceof SdkError)
      assert.equal(err.code, ERR_SDK_INVALID_ENTITY)
      assert.match(err.message, /entities\[1\]\.device\.nmae: unknown field of Device/)
      return true
    })
    assert.equal(peer.ingests.length, 1)
    assert.deepEqual(await client.ingest([]), { errors: [], requestIds: [] })
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - credentials come from DIODE_CLIENT_ID / DIODE_CLIENT_SECRET, missing ones are named', async () => {
  const peer = await startTestPeer({ clientId: 'env-client', clientSecret: SECRET })
  try {
    await withEnv({ DIODE_CLIENT_ID: 'env-client', DIODE_CLIENT_SECRET: SECRET }, async () => {
      const client = await createClient({ target: peer.target, appName: 'a', appVersion: '1.0.0' })
      await client.close()
    })
    assert.equal(peer.tokenRequests[0].form.client_id, 'env-client')
    await withEnv({ DIODE_CLIENT_ID: undefined, DIODE_CLIENT_SECRET: undefined }, async () => {
      await assert.rejects(createClient({ target: peer.target, appName: 'a', appVersion: '1.0.0', clientId: 'x' }), (err: unknown) => {
        assert.ok(err instanceof SdkError)
        assert.equal(err.code, ERR_SDK_INVALID_OPTION)
        assert.match(err.message, /clientSecret: required \(option clientSecret or environment variable DIODE_CLIENT_SECRET\)/)
        return true
      })
    })
    await assert.rejects(createClient({ target: peer.target, appName: '', appVersion: '1.0.0', clientId: 'x', clientSecret: 'y' }), /appName: required/)
    await assert.rejects(createClient({ target: `ftp://127.0.0.1:${peer.port}`, appName: 'a', appVersion: '1', clientId: 'x', clientSecret: 'y' }),
      (err: unknown) => err instanceof SdkError && err.code === ERR_SDK_INVALID_TARGET && /scheme "ftp" is not supported/.test(err.message))
    assert.equal(peer.tokenRequests.length, 1, 'a rejected configuration must not reach the token endpoint')
  } finally {
    await peer.close()
  }
})

test('sdk client - a token close to expiry is renewed before the call, a fresh one reused', async () => {
  const short = await startTestPeer({ clientSecret: SECRET, tokenTtlSeconds: 30 })
  const long = await startTestPeer({ clientSecret: SECRET, tokenTtlSeconds: 3600 })
  const a = await createClient(options(short))
  const b = await createClient(options(long))
  try {
    await a.ingest([site('dc1')])
    // 30 s left is inside the 60 s renewal margin: a second token was fetched and used.
    assert.equal(short.tokenRequests.length, 2)
    assert.equal(short.ingests[0].metadata.authorization, `Bearer ${short.issuedTokens[1]}`)
    await b.ingest([site('dc1')])
    await b.ingest([site('dc2')])
    assert.equal(long.tokenRequests.length, 1)
  } finally {
    await a.close()
    await b.close()
    await short.close()
    await long.close()
  }
})

test('sdk client - UNAUTHENTICATED triggers one re-authentication and a retry with the same request id', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET })
  const client = await createClient(options(peer))
  try {
    peer.rejectIngests(1)
    const result = await client.ingest([site('dc1')])
    assert.equal(peer.ingests.length, 2)
    assert.deepEqual(peer.ingests.map((i) => i.outcome), ['UNAUTHENTICATED', 'OK'])
    assert.equal(peer.ingests[0].request.id, result.requestIds[0])
    assert.equal(peer.ingests[1].request.id, result.requestIds[0])
    assert.equal(peer.tokenRequests.length, 2)
    assert.equal(peer.ingests[1].metadata.authorization, `Bearer ${peer.issuedTokens[1]}`)

    peer.rejectIngests(2)
    await assert.rejects(client.ingest([site('dc2')]), (err: unknown) => {
      assert.ok(err instanceof IngestError)
      assert.equal(err.code, ERR_SDK_INGEST_FAILED)
      assert.equal(err.grpcCode, status.UNAUTHENTICATED)
      assert.equal(err.grpcStatus, 'UNAUTHENTICATED')
      assert.match(err.message, /failed with UNAUTHENTICATED \(token rejected by test hook\)/)
      return true
    })
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - UNAVAILABLE is retried with backoff under the same request id, then fails typed', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET })
  const client = await createClient(options(peer, { retries: 2 }))
  try {
    peer.failIngests(2)
    const ok = await client.ingest([site('dc1')])
    assert.deepEqual(peer.ingests.map((i) => i.outcome), ['UNAVAILABLE', 'UNAVAILABLE', 'OK'])
    assert.deepEqual(new Set(peer.ingests.map((i) => i.request.id)), new Set(ok.requestIds))

    peer.failIngests(1, status.RESOURCE_EXHAUSTED)
    await client.ingest([site('dc2')])
    assert.deepEqual(peer.ingests.slice(3).map((i) => i.outcome), ['RESOURCE_EXHAUSTED', 'OK'])

    peer.failIngests(10)
    const before = peer.ingests.length
    await assert.rejects(client.ingest([site('dc3')]), (err: unknown) => {
      assert.ok(err instanceof IngestError)
      assert.equal(err.grpcCode, status.UNAVAILABLE)
      assert.equal(err.details, 'failure injected by test hook')
      assert.match(err.message, new RegExp(`request ${err.requestId} \\(chunk 1 of 1, entities 0\\.\\.0\\) after 3 attempt\\(s\\)`))
      assert.match(err.message, /127\.0\.0\.1:\d+\/diode\.v1\.IngesterService\/Ingest/)
      return true
    })
    assert.equal(peer.ingests.length - before, 3)

    // Not retriable: fails on the first answer.
    peer.failIngests(1, status.INVALID_ARGUMENT)
    const n = peer.ingests.length
    await assert.rejects(client.ingest([site('dc4')]), (err: unknown) => err instanceof IngestError && err.grpcStatus === 'INVALID_ARGUMENT')
    assert.equal(peer.ingests.length - n, 1)
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - a call past its deadline is retried as DEADLINE_EXCEEDED under the same request id', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET })
  const client = await createClient(options(peer))
  try {
    // Generous deadline so the retry meets it even on a loaded CI machine; the delay is never served.
    peer.delayIngests(1, 60_000)
    const result = await client.ingest([site('dc1')], { timeout: 1000 })
    assert.deepEqual(peer.ingests.map((i) => i.outcome), ['DELAYED', 'OK'])
    assert.deepEqual(peer.ingests.map((i) => i.request.id), [result.requestIds[0], result.requestIds[0]])

    peer.delayIngests(10, 60_000)
    await assert.rejects(client.ingest([site('dc2')], { timeout: 100 }), (err: unknown) => {
      assert.ok(err instanceof IngestError)
      assert.equal(err.grpcStatus, 'DEADLINE_EXCEEDED')
      assert.match(err.message, /after 4 attempt\(s\)/)
      return true
    })
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - concurrent ingests share one token renewal', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET, tokenTtlSeconds: 30 })
  const client = await createClient(options(peer))
  try {
    await Promise.all([client.ingest([site('a')]), client.ingest([site('b')]), client.ingest([site('c')])])
    assert.equal(peer.tokenRequests.length, 2)
    assert.equal(new Set(peer.ingests.map((i) => i.metadata.authorization)).size, 1)
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - large ingests are split into chunks, each its own request id, order kept', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET })
  const client = await createClient(options(peer, { maxChunkBytes: 4096 }))
  try {
    const entities = Array.from({ length: 30 }, (_v, i) => device({ name: `r${i}`, site: 'dc1', description: 'd'.repeat(300) }))
    entities.splice(10, 0, device({ name: 'huge', site: 'dc1', description: 'h'.repeat(10_000) }))
    peer.failIngests(1) // the first chunk is retried: its id must not change
    const result = await client.ingest(entities)
    const accepted = peer.ingests.filter((i) => i.outcome === 'OK')
    assert.ok(accepted.length >= 4, `expected several chunks, got ${accepted.length}`)
    assert.deepEqual(accepted.map((i) => i.request.id), result.requestIds)
    assert.equal(new Set(result.requestIds).size, result.requestIds.length)
    assert.equal(peer.ingests[0].request.id, peer.ingests[1].request.id)
    assert.deepEqual(accepted.flatMap((i) => i.request.entities?.map((e) => e.device?.name)), entities.map((e) => e.device?.name))
    const huge = accepted.find((i) => i.request.entities?.some((e) => e.device?.name === 'huge'))
    assert.equal(huge?.request.entities?.length, 1)
    for (const call of accepted) {
      if (call === huge) continue
      assert.ok((call.request.entities?.length ?? 0) > 1)
    }
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - a refused token fails construction with a clear error that never shows the secret', async () => {
  const peer = await startTestPeer({ clientSecret: 'the-right-one' })
  const { lines, logger } = logCapture()
  try {
    await assert.rejects(createClient(options(peer, { logger })), (err: unknown) => {
      assert.ok(err instanceof AuthError)
      assert.equal(err.code, ERR_SDK_AUTH_REJECTED)
      assert.equal(err.httpStatus, 401)
      assert.equal(err.attempts, 1)
      assert.match(err.message, /token request to http:\/\/127\.0\.0\.1:\d+\/auth\/token was refused \(HTTP 401, invalid_client\)/)
      assert.ok(!err.message.includes(SECRET))
      assert.ok(!JSON.stringify(err).includes(SECRET))
      return true
    })
    assert.equal(peer.tokenRequests.length, 1)
    assert.ok(!lines.join('').includes(SECRET))
  } finally {
    await peer.close()
  }
})

test('sdk client - the token call retries 429/5xx honouring Retry-After, up to DIODE_MAX_AUTH_RETRIES attempts', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET })
  try {
    peer.failTokenRequests([503, 429], 0)
    const client = await createClient(options(peer))
    await client.close()
    assert.equal(peer.tokenRequests.length, 3)

    peer.failTokenRequests([502, 500, 503, 503])
    await withEnv({ DIODE_MAX_AUTH_RETRIES: '2' }, async () => {
      await assert.rejects(createClient(options(peer)), (err: unknown) => {
        assert.ok(err instanceof AuthError)
        assert.equal(err.code, ERR_SDK_AUTH_UNAVAILABLE)
        assert.equal(err.attempts, 2)
        assert.equal(err.httpStatus, 500)
        assert.match(err.message, /failed after 2 attempt\(s\) \(DIODE_MAX_AUTH_RETRIES=2\): HTTP 500/)
        return true
      })
    })
    assert.equal(peer.tokenRequests.length, 5)
    await withEnv({ DIODE_MAX_AUTH_RETRIES: 'lots' }, async () => {
      await assert.rejects(createClient(options(peer)), /DIODE_MAX_AUTH_RETRIES: expected an integer >= 1/)
    })
  } finally {
    await peer.close()
  }
})

async function closedPort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('sdk client - an unreachable server gives a clear error within a bounded time', { timeout: 20_000 }, async () => {
  const port = await closedPort()
  await assert.rejects(createClient({ target: `grpc://127.0.0.1:${port}/diode`, appName: 'a', appVersion: '1.0.0', clientId: 'c', clientSecret: SECRET, maxAuthRetries: 2, ...FAST }), (err: unknown) => {
    assert.ok(err instanceof AuthError)
    assert.equal(err.code, ERR_SDK_AUTH_UNAVAILABLE)
    assert.match(err.message, new RegExp(`http://127\\.0\\.0\\.1:${port}/diode/auth/token failed after 2 attempt\\(s\\).*ECONNREFUSED`))
    return true
  })
  // Reachable for the token, then gone for Ingest: the call fails UNAVAILABLE after its retries.
  const peer = await startTestPeer({ clientSecret: SECRET })
  const client = await createClient(options(peer, { retries: 1 }))
  await peer.close()
  try {
    await assert.rejects(client.ingest([site('dc1')], { timeout: 2000 }), (err: unknown) => {
      assert.ok(err instanceof IngestError)
      assert.ok(err.grpcStatus === 'UNAVAILABLE' || err.grpcStatus === 'DEADLINE_EXCEEDED', err.message)
      assert.match(err.message, /after 2 attempt\(s\)/)
      return true
    })
  } finally {
    await client.close()
  }
})

test('sdk client - abort and close stop an ingest; a closed client refuses work', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET })
  const client = await createClient(options(peer, { retries: 5, backoff: { initial: 10_000, max: 10_000 } }))
  try {
    peer.failIngests(10)
    const controller = new AbortController()
    const pending = client.ingest([site('dc1')], { signal: controller.signal })
    while (peer.ingests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    await assert.rejects(pending, (err: unknown) => err instanceof SdkError && err.code === ERR_SDK_ABORTED && /the caller aborted/.test(err.message))
    await client.close()
    await client.close()
    await assert.rejects(client.ingest([site('dc1')]), (err: unknown) => err instanceof SdkError && err.code === ERR_SDK_CLOSED)
  } finally {
    await client.close()
    await peer.close()
  }
})

test('sdk client - no client secret or token appears in any log line or error message', async () => {
  const peer = await startTestPeer({ clientSecret: SECRET, tokenTtlSeconds: 30 })
  const { lines, logger } = logCapture()
  const errors: string[] = []
  try {
    peer.failTokenRequests([503])
    const client = await createClient(options(peer, { logger, retries: 1 }))
    peer.rejectIngests(1)
    await client.ingest([site('dc1')])
    peer.failIngests(5)
    await client.ingest([site('dc2')]).catch((err: Error) => errors.push(err.message, String(err.stack), JSON.stringify(err)))
    await client.close()
    await createClient(options(peer, { logger, clientSecret: `${SECRET}-wrong` })).catch((err: Error) => errors.push(err.message, String(err.stack), JSON.stringify(err)))
    const logs = lines.join('')
    assert.ok(lines.length >= 3, 'expected the retries to be logged')
    assert.ok(errors.length >= 2)
    for (const secret of [SECRET, ...peer.issuedTokens]) {
      assert.ok(!logs.includes(secret), `a secret leaked into the logs: ${logs}`)
      for (const e of errors) assert.ok(!e.includes(secret), `a secret leaked into an error: ${e}`)
    }
  } finally {
    await peer.close()
  }
})
