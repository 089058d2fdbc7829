// The Ingest call end to end: SDK-shaped traffic on the one port, what lands in JetStream, each
// validation failure with its status and message, and the HTTP side of the same port.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import * as grpc from '@grpc/grpc-js'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'
import { silentLogger } from '../../config/logger.ts'
import { createIngester } from '../../ingester/index.ts'
import { createJetStreamQueue } from '../../queue/index.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'
import { callIngest, deleteStream, deviceEntity, encode, sdkRequest, startHarness, type Harness } from './harness.ts'

const target = (h: Harness): string => `127.0.0.1:${h.ingester.port}`

describe('ingester Ingest', () => {
  let h: Harness
  let token: string
  let tdb: TestDatabase
  before(async () => {
    tdb = await createTestDatabase('ing')
    h = await startHarness({ maxRequestBytes: 2 * 1024 * 1024, maxEntities: 50, reconciledTypes: new Set(['device', 'site']) }, tdb)
    token = await h.token()
  })
  after(async () => {
    await h.close()
    await tdb.drop()
  })

  test('ingester - an SDK-shaped request (prefixed path, token from the token endpoint) lands in the stream once, byte for byte', async () => {
    const request = sdkRequest([deviceEntity('sw1'), deviceEntity('sw2')])
    const payload = encode(request)
    const before = (await h.queue.stats()).messages
    const first = await callIngest(target(h), payload, { token })
    assert.equal(first.error, null)
    assert.deepEqual(first.response?.errors ?? [], [])
    const again = await callIngest(target(h), payload, { token })
    assert.equal(again.error, null)
    assert.equal((await h.queue.stats()).messages, before + 1)
    const [m] = await h.queue.fetch({ max: 10, expires: 2000 })
    assert.equal(m?.id, request.id)
    assert.deepEqual(Buffer.from(m!.data), Buffer.from(payload))
    await m!.ack()
  })

  test('ingester - the unprefixed method path is served too', async () => {
    const r = await callIngest(target(h), encode(sdkRequest([deviceEntity('sw3')])), { token, path: '/diode.v1.IngesterService/Ingest' })
    assert.equal(r.error, null)
    for (const m of await h.queue.fetch({ max: 10, expires: 2000 })) await m.ack()
  })

  test('ingester - entity types the reconciler does not handle are accepted and listed in IngestResponse.errors', async () => {
    const r = await callIngest(target(h), encode(sdkRequest([
      deviceEntity('sw4'),
      { timestamp: { seconds: Math.floor(Date.now() / 1000), nanos: 0 }, power_feed: { name: 'feed-a' } }
    ])), { token })
    assert.equal(r.error, null)
    assert.deepEqual(r.response?.errors, ['entity 1: type power_feed is not reconciled yet'])
    for (const m of await h.queue.fetch({ max: 10, expires: 2000 })) await m.ack()
  })

  const id = randomUUID()
  const invalid: Array<[string, () => Uint8Array, RegExp]> = [
    ['a missing id', () => encode({ ...sdkRequest([deviceEntity('a')]), id: '' }), /request \(no id\): id is required/],
    ['an id that is not a UUID', () => encode(sdkRequest([deviceEntity('a')], 'req-1')), /request "req-1": id must be a UUID/],
    ['a missing producer_app_name', () => encode({ ...sdkRequest([deviceEntity('a')], id), producer_app_name: '' }), new RegExp(`request "${id}": producer_app_name is required`)],
    ['a missing producer_app_version', () => encode({ ...sdkRequest([deviceEntity('a')], id), producer_app_version: '' }), /producer_app_version is required/],
    ['a missing sdk_name', () => encode({ ...sdkRequest([deviceEntity('a')], id), sdk_name: '' }), /sdk_name is required/],
    ['a missing sdk_version', () => encode({ ...sdkRequest([deviceEntity('a')], id), sdk_version: '' }), /sdk_version is required/],
    ['no entities', () => encode(sdkRequest([], id)), /entities is empty/],
    ['more entities than maxEntities', () => encode(sdkRequest(Array.from({ length: 51 }, (_, i) => deviceEntity(`d${i}`)), id)), /51 entities; the limit is 50 \(maxEntities\)/],
    ['an entity with no member set', () => encode(sdkRequest([deviceEntity('a'), { timestamp: { seconds: 1, nanos: 0 } }], id)), /entity 1: no entity type is set/],
    ['a timestamp an hour ahead', () => encode(sdkRequest([{ ...deviceEntity('a'), timestamp: { seconds: Math.floor(Date.now() / 1000) + 3600, nanos: 0 } }], id)), /entity 0: timestamp .* in the future; the allowed clock skew is 300 s/],
    ['an over-long string', () => encode(sdkRequest([deviceEntity('a'), { timestamp: { seconds: 1, nanos: 0 }, site: { name: 'x', description: 'y'.repeat(70_000) } }], id)), /entity 1: site.description is 70000 characters; the limit is 65536/],
    ['an over-long producer name', () => encode({ ...sdkRequest([deviceEntity('a')], id), producer_app_name: 'p'.repeat(300) }), /producer_app_name is 300 characters; the limit is 255/],
    ['bytes that are not protobuf', () => Buffer.from('this is not a protobuf message at all'), /not a valid diode.v1.IngestRequest/]
  ]
  for (const [what, payload, message] of invalid) {
    test(`ingester - ${what} is INVALID_ARGUMENT naming the field`, async () => {
      const r = await callIngest(target(h), payload(), { token })
      assert.equal(r.error?.code, grpc.status.INVALID_ARGUMENT, `got ${r.error?.code}: ${r.error?.details}`)
      assert.match(r.error!.details, message)
    })
  }

  test('ingester - a request over maxRequestBytes is RESOURCE_EXHAUSTED naming the limit', async () => {
    const big = encode(sdkRequest([{ timestamp: { seconds: 1, nanos: 0 }, site: { name: 'x', comments: 'z'.repeat(60_000) } }]))
    const many = Buffer.concat(Array.from({ length: 40 }, () => Buffer.from(big)))
    const r = await callIngest(target(h), many, { token })
    assert.equal(r.error?.code, grpc.status.RESOURCE_EXHAUSTED)
    assert.match(r.error!.details, new RegExp(String(2 * 1024 * 1024)))
  })

  test('ingester - one entity the queue cannot hold in one message is RESOURCE_EXHAUSTED naming its index and the queue limit', async () => {
    const before = (await h.queue.stats()).messages
    // A request is split on entity boundaries to fit the queue; one entity over the limit cannot be.
    const tags = Array.from({ length: 20 }, (_, t) => ({ name: `t${t}`, description: 'z'.repeat(60_000) }))
    const entities = [deviceEntity('fits'), { timestamp: { seconds: 1, nanos: 0 }, site: { name: 'huge', tags } }, deviceEntity('fits-too')]
    const id = randomUUID()
    const r = await callIngest(target(h), encode(sdkRequest(entities, id)), { token })
    assert.equal(r.error?.code, grpc.status.RESOURCE_EXHAUSTED, `got ${r.error?.code}: ${r.error?.details}`)
    assert.match(r.error!.details, new RegExp(`^request "${id}": entity 1 is \\d+ bytes with the request's other fields; the queue takes at most ${h.queue.maxMessageBytes} bytes per message`))
    assert.equal((await h.queue.stats()).messages, before, 'no part of the refused request was queued')
  })

  test('ingester - a full queue is RESOURCE_EXHAUSTED naming the stream limit, so SDKs back off', async () => {
    const stream = uniqueName('FULL')
    const queue = await createJetStreamQueue({ servers: NATS_URL, stream, maxBytes: 2048 })
    const small = await createIngester({ queue, db: h.db, logger: silentLogger, host: '127.0.0.1', port: 0 })
    try {
      let last
      for (let i = 0; i < 10; i++) {
        last = await callIngest(`127.0.0.1:${small.port}`, encode(sdkRequest([deviceEntity(`full-${i}`), deviceEntity(`more-${i}`)])), { token })
        if (last.error) break
      }
      assert.equal(last?.error?.code, grpc.status.RESOURCE_EXHAUSTED)
      assert.match(last!.error!.details, new RegExp(`stream ${stream} .* is full \\(max_bytes 2048\\).*retry later`))
    } finally {
      await small.close(200)
      await queue.close()
      await deleteStream(stream)
    }
  })

  test('ingester - /healthz, /readyz and /metrics answer on the same port as gRPC', async () => {
    const health = await fetch(`${h.httpBase}/healthz`)
    assert.equal(health.status, 200)
    const ready = await fetch(`${h.httpBase}/readyz`)
    assert.equal(ready.status, 200)
    const metrics = await (await fetch(`${h.httpBase}/metrics`)).text()
    assert.match(metrics, /tributary_ingester_requests_total\{outcome="OK"\} [1-9]/)
    assert.match(metrics, /tributary_ingester_requests_total\{outcome="INVALID_ARGUMENT"\} [1-9]/)
    assert.match(metrics, /tributary_ingester_entities_total [1-9]/)
    assert.match(metrics, /tributary_ingester_publish_duration_seconds_count [1-9]/)
    const missing = await fetch(`${h.httpBase}/nothing-here`)
    assert.equal(missing.status, 404)
  })

  test('ingester - each request is logged once with its id, producer, entity count and outcome, never the token', async () => {
    const request = sdkRequest([deviceEntity('logged')])
    await callIngest(target(h), encode(request), { token })
    const line = h.lines.map((l) => JSON.parse(l) as Record<string, any>).find((l) => l.request?.id === request.id)
    assert.ok(line, 'no log line for the request')
    assert.equal(line.outcome, 'OK')
    assert.equal(line.request.entities, 1)
    assert.equal(line.request.producer, 'tributary-test/0.0.1')
    assert.equal(typeof line.latencyMs, 'number')
    const all = h.lines.join('\n')
    assert.ok(!all.includes(token), 'a token appeared in the log')
    assert.ok(!all.includes(h.client.client_secret), 'a client secret appeared in the log')
    for (const m of await h.queue.fetch({ max: 10, expires: 2000 })) await m.ack()
  })
})
