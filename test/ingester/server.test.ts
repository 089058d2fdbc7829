// The one-port server itself: health and reflection (what grpcurl needs), extra services, TLS and
// mTLS, and staying up under random bytes and mangled requests.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import https from 'node:https'
import net from 'node:net'
import { fileURLToPath } from 'node:url'
import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'
import { createTestCerts, type TestCerts } from '../helpers/tls.ts'
import { callIngest, deviceEntity, encode, sdkRequest, startHarness, type Harness } from './harness.ts'

const REFLECTION_PROTO = fileURLToPath(new URL('../../node_modules/@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto', import.meta.url))
const HEALTH_PROTO = fileURLToPath(new URL('../../ingester/proto/grpc/health/v1/health.proto', import.meta.url))

const echoDefinition: grpc.ServiceDefinition = {
  Echo: {
    path: '/test.v1.EchoService/Echo',
    requestStream: false,
    responseStream: false,
    requestSerialize: (b: Buffer) => b,
    requestDeserialize: (b: Buffer) => b,
    responseSerialize: (b: Buffer) => b,
    responseDeserialize: (b: Buffer) => b
  }
}

let tdb: TestDatabase
before(async () => { tdb = await createTestDatabase('srv') })
after(async () => { await tdb.drop() })

describe('ingester server (plaintext)', () => {
  let h: Harness
  let token: string
  before(async () => {
    h = await startHarness({
      grpcServices: [{ definition: echoDefinition, implementation: { Echo: (call: grpc.ServerUnaryCall<Buffer, Buffer>, cb: grpc.sendUnaryData<Buffer>) => cb(null, call.request) } }]
    }, tdb)
    token = await h.token()
  })
  after(async () => { await h.close() })
  const target = (): string => `127.0.0.1:${h.ingester.port}`

  test('ingester server - reflection lists the ingester and health services and describes Ingest (what grpcurl list/describe use)', async () => {
    const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(REFLECTION_PROTO, { keepCase: true })) as any
    const client = new pkg.grpc.reflection.v1.ServerReflection(target(), grpc.credentials.createInsecure())
    const call = client.ServerReflectionInfo()
    const answers: any[] = []
    const done = new Promise<void>((resolve, reject) => {
      call.on('data', (d: any) => { answers.push(d); if (answers.length === 2) call.end() })
      call.on('end', resolve)
      call.on('error', reject)
    })
    call.write({ list_services: '' })
    call.write({ file_containing_symbol: 'diode.v1.IngesterService' })
    await done
    client.close()
    const names = answers[0].list_services_response.service.map((s: { name: string }) => s.name)
    for (const n of ['diode.v1.IngesterService', 'grpc.health.v1.Health']) assert.ok(names.includes(n), `${n} not in ${names}`)
    // Only services actually served are listed; the reconciler's appears when it is plugged in.
    assert.ok(!names.includes('diode.v1.ReconcilerService'))
    assert.ok(answers[1].file_descriptor_response.file_descriptor_proto.length >= 1)
  })

  test('ingester server - grpc.health.v1 Check reports SERVING for the ingester and NOT_FOUND for an unknown service', async () => {
    const pkg = grpc.loadPackageDefinition(protoLoader.loadSync(HEALTH_PROTO, { keepCase: true, enums: String })) as any
    const client = new pkg.grpc.health.v1.Health(target(), grpc.credentials.createInsecure())
    const check = (service: string): Promise<{ err: grpc.ServiceError | null, res?: { status: string } }> =>
      new Promise((resolve) => client.Check({ service }, (err: grpc.ServiceError | null, res: { status: string }) => resolve({ err, res })))
    assert.equal((await check('')).res?.status, 'SERVING')
    assert.equal((await check('diode.v1.IngesterService')).res?.status, 'SERVING')
    assert.equal((await check('no.such.Service')).err?.code, grpc.status.NOT_FOUND)
    client.close()
  })

  test('ingester server - extra gRPC services are served on the same port, bare and under the prefix', async () => {
    const client = new grpc.Client(target(), grpc.credentials.createInsecure())
    for (const path of ['/test.v1.EchoService/Echo', '/diode/test.v1.EchoService/Echo']) {
      const answer = await new Promise<Buffer>((resolve, reject) => client.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, Buffer.from('ping'), (err, res) => err ? reject(err) : resolve(res!)))
      assert.equal(answer.toString(), 'ping')
    }
    client.close()
  })

  test('ingester server - thousands of random, truncated and mangled requests each get a clean status, and the server keeps answering', async () => {
    const valid = Buffer.from(encode(sdkRequest([deviceEntity('fuzz-a'), deviceEntity('fuzz-b')])))
    const client = new grpc.Client(target(), grpc.credentials.createInsecure())
    const allowed = new Set([grpc.status.OK, grpc.status.INVALID_ARGUMENT, grpc.status.RESOURCE_EXHAUSTED])
    const seen = new Map<number, number>()
    const payloadFor = (i: number): Buffer => {
      switch (i % 4) {
        case 0: return randomBytes(1 + (i % 300))
        case 1: return valid.subarray(0, i % valid.length)
        case 2: {
          const b = Buffer.from(valid)
          for (let k = 0; k < 1 + (i % 5); k++) b[(i * 7919 + k * 104729) % b.length] = (i * 31 + k) & 0xff
          return b
        }
        default: return Buffer.concat([valid.subarray(0, i % 40), randomBytes(i % 50)])
      }
    }
    const total = 2000
    let next = 0
    await Promise.all(Array.from({ length: 24 }, async () => {
      while (next < total) {
        const r = await callIngest(target(), payloadFor(next++), { token, client })
        const code = r.error?.code ?? grpc.status.OK
        seen.set(code, (seen.get(code) ?? 0) + 1)
      }
    }))
    const unexpected = [...seen].filter(([code]) => !allowed.has(code))
    assert.deepEqual(unexpected, [], `unexpected statuses: ${JSON.stringify(unexpected)}`)
    assert.ok((seen.get(grpc.status.INVALID_ARGUMENT) ?? 0) > total / 2)

    // Raw garbage on the port: random bytes, a half HTTP/2 preface, a broken HTTP/1.1 request.
    const openings = [randomBytes(64), Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), randomBytes(200)]), Buffer.from('GET /\x00\x01 HTTP/9.9\r\n\r\n'), Buffer.from('POST /diode/auth/token HTTP/1.1\r\ncontent-length: 99999999\r\n\r\nabc')]
    await Promise.all(Array.from({ length: 60 }, (_, i) => new Promise<void>((resolve) => {
      const s = net.connect(h.ingester.port, '127.0.0.1', () => { s.write(openings[i % openings.length]!); setTimeout(() => s.destroy(), 50) })
      s.on('error', () => {})
      s.on('close', () => resolve())
    })))
    const after = await callIngest(target(), encode(sdkRequest([deviceEntity('still-alive')])), { token, client })
    assert.equal(after.error, null)
    assert.equal((await fetch(`${h.httpBase}/healthz`)).status, 200)
    client.close()
  })
})

describe('ingester server (TLS)', () => {
  let certs: TestCerts
  before(async () => { certs = await createTestCerts() })
  after(async () => { await certs.cleanup() })

  test('ingester server - over TLS, the token endpoint (HTTPS) and Ingest (gRPC) share the port, and url says grpcs', async () => {
    const h = await startHarness({ tls: { cert: certs.server.cert, key: certs.server.key } }, tdb)
    try {
      assert.match(h.ingester.url, /^grpcs:\/\/127\.0\.0\.1:\d+\/diode$/)
      const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: h.client.client_id, client_secret: h.client.client_secret, scope: 'diode:ingest' }).toString()
      const token = await new Promise<string>((resolve, reject) => {
        const req = https.request({ host: '127.0.0.1', port: h.ingester.port, path: '/diode/auth/token', method: 'POST', ca: certs.ca.cert, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
          let data = ''
          res.on('data', (c) => { data += c })
          res.on('end', () => res.statusCode === 200 ? resolve(JSON.parse(data).access_token) : reject(new Error(`${res.statusCode} ${data}`)))
        })
        req.on('error', reject)
        req.end(body)
      })
      const ok = await callIngest(`127.0.0.1:${h.ingester.port}`, encode(sdkRequest([deviceEntity('tls')])), { token, credentials: grpc.credentials.createSsl(certs.ca.cert) })
      assert.equal(ok.error, null)
      const untrusted = await callIngest(`127.0.0.1:${h.ingester.port}`, encode(sdkRequest([deviceEntity('tls')])), { token, credentials: grpc.credentials.createSsl(certs.otherCa.cert), deadlineMs: 3000 })
      assert.equal(untrusted.error?.code, grpc.status.UNAVAILABLE)
    } finally {
      await h.close()
    }
  })

  test('ingester server - with client certificates required (mTLS), a caller without one is refused and one with a CA-signed certificate gets through', async () => {
    const h = await startHarness({ tls: { cert: certs.server.cert, key: certs.server.key, ca: certs.ca.cert, requestClientCert: true } }, tdb)
    try {
      const token = (await h.ingester.auth.issueToken(h.client.client_id, h.client.client_secret, 'diode:ingest')).access_token
      const target = `127.0.0.1:${h.ingester.port}`
      const without = await callIngest(target, encode(sdkRequest([deviceEntity('mtls')])), { token, credentials: grpc.credentials.createSsl(certs.ca.cert), deadlineMs: 3000 })
      assert.equal(without.error?.code, grpc.status.UNAVAILABLE)
      const withCert = await callIngest(target, encode(sdkRequest([deviceEntity('mtls')])), { token, credentials: grpc.credentials.createSsl(certs.ca.cert, certs.client.key, certs.client.cert) })
      assert.equal(withCert.error, null)
    } finally {
      await h.close()
    }
  })
})

