// Requests larger than one queue message against a real JetStream with NATS's default 1 MiB
// max_payload: the ingester splits them into parts, answers OK once every part is stored, and a
// retry of the same request id adds nothing (part by part).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { splitRequest } from '../../ingester/index.ts'
import { decodeIngestRequest } from '../../proto/index.ts'
import * as grpc from '@grpc/grpc-js'
import { createJetStreamQueue, parseMessageId, QueueError, type Queue, type QueueMessage } from '../../queue/index.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'
import { createClient, site } from '../../sdk/index.ts'
import { callIngest, deleteStream, deviceEntity, encode, sdkRequest, startHarness, type Harness } from './harness.ts'

const MiB = 1024 * 1024

/** Every message the stream holds for this test, acknowledged, in stream order. */
async function drain (h: Harness): Promise<QueueMessage[]> {
  const out: QueueMessage[] = []
  for (;;) {
    const batch = await h.queue.fetch({ max: 64, expires: 1000 })
    if (batch.length === 0) return out.sort((a, b) => a.seq - b.seq)
    for (const m of batch) await m.ack()
    out.push(...batch)
  }
}

function bigRequest (id: string, prefix: string): Uint8Array {
  return encode(sdkRequest(Array.from({ length: 1200 }, (_, i) => {
    const e = deviceEntity(`${prefix}-${i}`)
    return { ...e, device: { ...e.device, comments: 'r'.repeat(2000) } }
  }), id))
}

describe('ingester split publish', () => {
  let h: Harness
  before(async () => {
    h = await startHarness()
  })
  after(async () => {
    await h.close()
  })

  test('ingester split - the NATS server under test keeps its default 1 MiB max_payload', () => {
    assert.ok(h.queue.maxMessageBytes! <= MiB, `maxMessageBytes ${h.queue.maxMessageBytes}`)
  })

  test('ingester split - a 3 MiB request from the SDK is answered OK and lands as several stream messages', async () => {
    const client = await createClient({
      target: `grpc://127.0.0.1:${h.ingester.port}/diode`,
      appName: 'split-test',
      appVersion: '1.0.0',
      clientId: h.client.client_id,
      clientSecret: h.client.client_secret,
      // One request, as the official SDKs send (they chunk at 3 MiB): no chunking in the SDK.
      maxChunkBytes: 16 * MiB,
      retries: 0
    })
    const entities = Array.from({ length: 1500 }, (_, i) => site({ name: `split-site-${i}`, comments: `${i} `.padEnd(2000, 'c') }))
    let requestId: string
    try {
      const result = await client.ingest(entities)
      assert.equal(result.requestIds.length, 1, 'the SDK sent one request')
      assert.deepEqual(result.errors, [])
      requestId = result.requestIds[0]!
    } finally {
      await client.close()
    }
    const messages = await drain(h)
    const total = messages.reduce((n, m) => n + m.data.length, 0)
    assert.ok(total > 3 * 1000 * 1000, `${total} bytes queued`)
    assert.ok(messages.length >= 3, `${messages.length} messages`)
    const names: string[] = []
    for (const m of messages) {
      assert.ok(m.data.length <= h.queue.maxMessageBytes!)
      const { requestId: id, entityOffset } = parseMessageId(m.id)
      assert.equal(id, requestId)
      assert.equal(m.id, `${requestId}#${entityOffset}`)
      assert.equal(entityOffset, names.length, 'parts are consecutive runs of entities')
      const d = decodeIngestRequest(m.data)
      assert.equal(d.id, requestId)
      assert.equal(d.producer_app_name, 'split-test')
      names.push(...(d.entities ?? []).map((e) => e.site!.name!))
    }
    assert.deepEqual(names, entities.map((_, i) => `split-site-${i}`))
    const line = h.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'ingest' && l.request?.id === requestId)
    assert.equal(line?.request?.parts, messages.length, 'the ingest log line gives the number of parts')
  })

  test('ingester split - a retried request adds no message; a part stored by an earlier attempt is not stored twice', async () => {
    const token = await h.token()
    const target = `127.0.0.1:${h.ingester.port}`
    const id = randomUUID()
    const bytes = bigRequest(id, 'retry')
    const parts = splitRequest(bytes, id, h.queue.maxMessageBytes)
    assert.ok(parts.length >= 3, `${parts.length} parts`)
    // An earlier attempt stored one part, then failed.
    assert.equal((await h.queue.publish(parts[1]!.id, parts[1]!.bytes)).duplicate, false)
    const before = (await h.queue.stats()).messages

    const first = await callIngest(target, bytes, { token, deadlineMs: 20_000 })
    assert.equal(first.error, null, first.error?.details)
    assert.equal((await h.queue.stats()).messages, before + parts.length - 1, 'every part but the stored one was added')
    const again = await callIngest(target, bytes, { token, deadlineMs: 20_000 })
    assert.equal(again.error, null, again.error?.details)
    assert.equal((await h.queue.stats()).messages, before + parts.length - 1, 'the retry added no message')
    const lines = h.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'ingest' && l.request?.id === id)
    assert.deepEqual(lines.map((l) => [l.request.parts, l.duplicate]), [[parts.length, false], [parts.length, true]])

    const messages = await drain(h)
    assert.deepEqual(messages.map((m) => m.id).sort(), parts.map((p) => p.id).sort())
  })
})

test('ingester split - a part the queue fails to store fails the call; the retry stores the rest and nothing twice', async () => {
  const stream = uniqueName('SPLITF')
  const real = await createJetStreamQueue({ servers: NATS_URL, stream, publishTimeout: 2000 })
  // The fault cannot be produced on a healthy NATS: this queue refuses the first publish of the
  // second part once, as a NATS leader change in the middle of a split request would.
  let failed: string | undefined
  const queue: Queue = {
    kind: real.kind,
    get maxMessageBytes () { return real.maxMessageBytes },
    async publish (id, data, options) {
      if (failed === undefined && parseMessageId(id).entityOffset > 0) {
        failed = id
        throw new QueueError('ERR_QUEUE_UNAVAILABLE', `publish of ${id}: injected failure`)
      }
      return real.publish(id, data, options)
    },
    fetch: (o) => real.fetch(o),
    ready: () => real.ready(),
    stats: () => real.stats(),
    waiting: (limit) => real.waiting(limit),
    close: () => real.close()
  }
  const h = await startHarness({ queue })
  try {
    const token = await h.token()
    const id = randomUUID()
    const bytes = bigRequest(id, 'fault')
    const parts = splitRequest(bytes, id, real.maxMessageBytes)
    assert.ok(parts.length >= 3)
    const first = await callIngest(`127.0.0.1:${h.ingester.port}`, bytes, { token, deadlineMs: 20_000 })
    assert.equal(first.error?.code, grpc.status.UNAVAILABLE, `got ${first.error?.code}: ${first.error?.details}`)
    assert.match(first.error!.details, new RegExp(`request "${id}": queue unavailable: publish of ${id}#\\d+: injected failure`))
    const retry = await callIngest(`127.0.0.1:${h.ingester.port}`, bytes, { token, deadlineMs: 20_000 })
    assert.equal(retry.error, null, retry.error?.details)
    const messages = await drain(h)
    assert.deepEqual(messages.map((m) => m.id).sort(), parts.map((p) => p.id).sort(), 'each part stored exactly once')
  } finally {
    await h.close()
    await deleteStream(stream)
  }
})
