import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createClient, site, AuthError, SdkError, ERR_SDK_AUTH_UNAVAILABLE, ERR_SDK_CERT_FILE } from '../../sdk/index.ts'
import type { ClientOptions } from '../../sdk/index.ts'
import { Client, Metadata, status } from '@grpc/grpc-js'
import { resolveTlsSettings, channelCredentials } from '../../sdk/tls-settings.ts'
import { startTestPeer, type TestPeer } from '../helpers/grpc-test-server.ts'
import { createTestCerts, type TestCerts } from '../helpers/tls.ts'

let certs: TestCerts
let peer: TestPeer

before(async () => {
  certs = await createTestCerts()
  peer = await startTestPeer({ tls: certs.server, pathPrefix: '/diode' })
})

after(async () => {
  await peer.close()
  await certs.cleanup()
})

function options (extra: Partial<ClientOptions> = {}): ClientOptions {
  return { target: peer.target, appName: 'tls-test', appVersion: '1.0.0', clientId: 'test-client', clientSecret: 'test-secret', maxAuthRetries: 1, backoff: { initial: 5, max: 10 }, ...extra }
}

async function withEnv<T> (vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  for (const [k, v] of Object.entries(vars)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  try { return await fn() } finally {
    for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v }
  }
}

test('sdk tls - grpcs:// with the test CA (certFile or DIODE_CERT_FILE) carries token and Ingest over TLS', async () => {
  assert.match(peer.target, /^grpcs:\/\//)
  const client = await createClient(options({ certFile: certs.ca.certPath }))
  try {
    const result = await client.ingest([site('dc1')])
    assert.equal(peer.ingests.at(-1)?.request.id, result.requestIds[0])
    assert.equal(peer.ingests.at(-1)?.path, '/diode/diode.v1.IngesterService/Ingest')
  } finally {
    await client.close()
  }
  await withEnv({ DIODE_CERT_FILE: certs.ca.certPath, DIODE_SKIP_TLS_VERIFY: undefined }, async () => {
    const viaEnv = await createClient(options())
    try {
      await viaEnv.ingest([site('dc2')])
      assert.equal(peer.ingests.at(-1)?.request.entities?.[0].site?.name, 'dc2')
    } finally {
      await viaEnv.close()
    }
  })
})

test('sdk tls - a server certificate from an untrusted CA is refused', async () => {
  for (const certFile of [certs.otherCa.certPath, undefined]) {
    const before = peer.tokenRequests.length
    await withEnv({ DIODE_CERT_FILE: undefined, DIODE_SKIP_TLS_VERIFY: undefined }, async () => {
      await assert.rejects(createClient(options({ certFile })), (err: unknown) => {
        assert.ok(err instanceof AuthError)
        assert.equal(err.code, ERR_SDK_AUTH_UNAVAILABLE)
        assert.match(err.message, /https:\/\/127\.0\.0\.1:\d+\/diode\/auth\/token failed after 1 attempt\(s\).*(certificate|self.signed|issuer)/i)
        return true
      })
    })
    assert.equal(peer.tokenRequests.length, before, 'the token request went through despite the untrusted certificate')
  }
})

test('sdk tls - the gRPC channel verifies the server against the same CA settings', async () => {
  // The token call fails first in createClient, so check the channel credentials on their own.
  const call = async (certFile: string | undefined, skipTlsVerify = false): Promise<string> => {
    const settings = resolveTlsSettings(true, { certFile, skipTlsVerify }, {})
    const client = new Client(`127.0.0.1:${peer.port}`, channelCredentials(settings))
    try {
      return await new Promise((resolve) => {
        client.makeUnaryRequest('/diode/diode.v1.IngesterService/Ingest', (b: Buffer) => b, (b: Buffer) => b, Buffer.alloc(0), new Metadata(),
          { deadline: Date.now() + 5000 }, (err) => resolve(err === null ? 'OK' : status[err.code]))
      })
    } finally {
      client.close()
    }
  }
  // Reaching the handler without a token proves the TLS handshake succeeded.
  assert.equal(await call(certs.ca.certPath), 'UNAUTHENTICATED')
  assert.equal(await call(undefined, true), 'UNAUTHENTICATED')
  assert.equal(await call(certs.otherCa.certPath), 'UNAVAILABLE')
  assert.equal(await call(undefined), 'UNAVAILABLE')
})

test('sdk tls - skipping verification keeps TLS (the peer speaks only TLS) for token and Ingest', async () => {
  const before = peer.ingests.length
  const client = await createClient(options({ skipTlsVerify: true }))
  try {
    await client.ingest([site('skip-1')])
  } finally {
    await client.close()
  }
  await withEnv({ DIODE_SKIP_TLS_VERIFY: 'true', DIODE_CERT_FILE: undefined }, async () => {
    const viaEnv = await createClient(options())
    try {
      await viaEnv.ingest([site('skip-2')])
    } finally {
      await viaEnv.close()
    }
  })
  assert.deepEqual(peer.ingests.slice(before).map((i) => i.request.entities?.[0].site?.name), ['skip-1', 'skip-2'])
  // The same port refuses plaintext, so these calls can only have used TLS.
  const plain = peer.target.replace('grpcs://', 'grpc://')
  await assert.rejects(createClient(options({ target: plain })), (err: unknown) => err instanceof AuthError && err.code === ERR_SDK_AUTH_UNAVAILABLE)
})

test('sdk tls - an unreadable or non-PEM CA file is a clear argument error', async () => {
  await assert.rejects(createClient(options({ certFile: `${certs.dir}/missing.pem` })), (err: unknown) => {
    assert.ok(err instanceof SdkError)
    assert.equal(err.code, ERR_SDK_CERT_FILE)
    assert.match(err.message, /certFile: cannot read CA bundle .*missing\.pem/)
    return true
  })
  await assert.rejects(createClient(options({ certFile: certs.ca.keyPath })), /holds no PEM certificate/)
})
