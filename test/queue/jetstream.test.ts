// What only the JetStream queue has: the stream's limits turned into typed errors, and failing
// fast when NATS cannot be reached at all.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { createJetStreamQueue } from '../../queue/index.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'
import { deleteStream } from '../ingester/harness.ts'

test('jetstream queue - a full stream refuses publishes with ERR_QUEUE_FULL naming the limit, and takes them again once drained', async () => {
  const stream = uniqueName('QF')
  const q = await createJetStreamQueue({ servers: NATS_URL, stream, maxBytes: 4096 })
  try {
    let full: (Error & { code?: string }) | undefined
    for (let i = 0; i < 20 && !full; i++) {
      try { await q.publish(`fill-${i}`, new Uint8Array(500)) } catch (err) { full = err as Error & { code?: string } }
    }
    assert.equal(full?.code, 'ERR_QUEUE_FULL', String(full))
    assert.match(full!.message, new RegExp(`stream ${stream} .* is full \\(max_bytes 4096\\)`))
    for (;;) {
      const batch = await q.fetch({ max: 50, expires: 500 })
      if (batch.length === 0) break
      for (const m of batch) await m.ack()
    }
    assert.equal((await q.publish('after-drain', new Uint8Array(500))).duplicate, false)
  } finally {
    await q.close()
    await deleteStream(stream)
  }
})

test('jetstream queue - a message over the server max_payload is refused before sending, naming both sizes', async () => {
  const stream = uniqueName('QL')
  const q = await createJetStreamQueue({ servers: NATS_URL, stream })
  try {
    const limit = q.maxMessageBytes!
    await assert.rejects(q.publish('too-big', new Uint8Array(limit + 1)), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'ERR_QUEUE_MESSAGE_TOO_LARGE')
      assert.match(err.message, new RegExp(`is ${limit + 1} bytes; .* takes at most ${limit} bytes`))
      return true
    })
  } finally {
    await q.close()
    await deleteStream(stream)
  }
})

test('jetstream queue - no NATS at the address: creation fails with ERR_QUEUE_UNAVAILABLE naming the server', async () => {
  const s = net.createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  // A user and password in the URL stay out of the message (it reaches logs and HTTP clients).
  await assert.rejects(createJetStreamQueue({ servers: `nats://tributary:s3cret-pw@127.0.0.1:${port}`, connectTimeout: 1000 }), (err: Error & { code?: string }) => {
    assert.equal(err.code, 'ERR_QUEUE_UNAVAILABLE')
    assert.match(err.message, new RegExp(`nats://127\\.0\\.0\\.1:${port}`))
    assert.doesNotMatch(err.message, /s3cret-pw|tributary:/)
    return true
  })
})

test('jetstream queue - bad options are refused at construction with the option name', async () => {
  await assert.rejects(createJetStreamQueue({ servers: NATS_URL, stream: 'bad name!' }), /stream "bad name!" may only hold/)
  await assert.rejects(createJetStreamQueue({ servers: NATS_URL, publishTimeout: -1 }), /publishTimeout must be a positive number/)
  await assert.rejects(createJetStreamQueue({ servers: '' }), /servers must name at least one NATS URL/)
})
