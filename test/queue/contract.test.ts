// One contract, two implementations: the reconciler must not be able to tell the JetStream queue
// from the embedded one, so every behaviour here runs against both.
import { after, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { createJetStreamQueue, openEmbeddedQueue, type Queue } from '../../queue/index.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'

const ACK_WAIT = 1000

interface Flavour {
  name: string
  /** Opens the same queue again (same stream / same directory) after the first was closed. */
  open (): Promise<Queue>
  cleanup (): Promise<void>
}

function jetstreamFlavour (): Flavour {
  const stream = uniqueName('QC')
  return {
    name: 'jetstream',
    open: () => createJetStreamQueue({ servers: NATS_URL, stream, ackWait: ACK_WAIT }),
    async cleanup () {
      const nc = await connect({ servers: NATS_URL })
      const jsm = await jetstreamManager(nc)
      await jsm.streams.delete(stream).catch(() => {})
      await nc.close()
    }
  }
}

function embeddedFlavour (): Flavour {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-queue-'))
  return {
    name: 'embedded',
    open: () => openEmbeddedQueue({ dir, ackWait: ACK_WAIT }),
    async cleanup () { rmSync(dir, { recursive: true, force: true }) }
  }
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const text = (b: Uint8Array): string => new TextDecoder().decode(b)

for (const make of [jetstreamFlavour, embeddedFlavour]) {
  const flavour = make()
  describe(`queue contract (${flavour.name})`, () => {
    after(() => flavour.cleanup())

    test(`queue (${flavour.name}) - a published message is fetched once with its id and bytes, and an ack removes it`, async () => {
      const q = await flavour.open()
      try {
        const r = await q.publish('req-1', bytes('hello'))
        assert.equal(r.duplicate, false)
        const [m, ...rest] = await q.fetch({ max: 10, expires: 1000 })
        assert.ok(m)
        assert.equal(rest.length, 0)
        assert.equal(m.id, 'req-1')
        assert.equal(text(m.data), 'hello')
        assert.equal(m.deliveryCount, 1)
        assert.equal(m.seq, r.seq)
        assert.equal((await q.stats()).pending, 1)
        await m.ack()
        assert.deepEqual(await q.fetch({ max: 10, expires: 1000 }), [])
        assert.equal((await q.stats()).pending, 0)
      } finally {
        await q.close()
      }
    })

    test(`queue (${flavour.name}) - publishing the same id twice stores one message and reports the duplicate`, async () => {
      const q = await flavour.open()
      try {
        const a = await q.publish('req-dup', bytes('one'))
        const b = await q.publish('req-dup', bytes('two'))
        assert.equal(a.duplicate, false)
        assert.equal(b.duplicate, true)
        assert.equal(b.seq, a.seq)
        const got = await q.fetch({ max: 10, expires: 1000 })
        assert.deepEqual(got.map((m) => text(m.data)), ['one'])
        await got[0]!.ack()
      } finally {
        await q.close()
      }
    })

    test(`queue (${flavour.name}) - fetch returns a batch in publish order, at most max`, async () => {
      const q = await flavour.open()
      try {
        for (let i = 0; i < 5; i++) await q.publish(`batch-${i}`, bytes(String(i)))
        const first: string[] = []
        for (let tries = 0; first.length < 3 && tries < 5; tries++) {
          for (const m of await q.fetch({ max: 3 - first.length, expires: 1000 })) { first.push(m.id); await m.ack() }
        }
        assert.deepEqual(first, ['batch-0', 'batch-1', 'batch-2'])
        const rest: string[] = []
        for (let tries = 0; rest.length < 2 && tries < 5; tries++) {
          for (const m of await q.fetch({ max: 10, expires: 1000 })) { rest.push(m.id); await m.ack() }
        }
        assert.deepEqual(rest, ['batch-3', 'batch-4'])
      } finally {
        await q.close()
      }
    })

    test(`queue (${flavour.name}) - waiting lists what is not acknowledged, newest first, and leaves it in the queue`, async () => {
      const q = await flavour.open()
      try {
        const before = Date.now()
        for (let i = 0; i < 4; i++) await q.publish(`wait-${i}`, bytes(`w${i}`))
        // wait-0 is acknowledged, wait-1 is taken and in flight: only wait-0 is no longer waiting.
        const taken: Array<Awaited<ReturnType<Queue['fetch']>>[number]> = []
        for (let tries = 0; taken.length < 2 && tries < 5; tries++) taken.push(...await q.fetch({ max: 2 - taken.length, expires: 1000 }))
        assert.deepEqual(taken.map((m) => m.id), ['wait-0', 'wait-1'])
        await taken[0].ack()
        const waiting = await q.waiting(10)
        assert.deepEqual(waiting.map((m) => [m.id, text(m.data)]), [['wait-3', 'w3'], ['wait-2', 'w2'], ['wait-1', 'w1']])
        assert.deepEqual(waiting.map((m) => m.seq), [...waiting.map((m) => m.seq)].sort((a, b) => b - a))
        assert.ok(waiting.every((m) => m.time.getTime() >= before - 1000 && m.time.getTime() <= Date.now() + 1000), 'stored times')
        assert.deepEqual((await q.waiting(2)).map((m) => m.id), ['wait-3', 'wait-2'])
        // A byte budget stops after the message that reaches it.
        assert.deepEqual((await q.waiting(10, 1)).map((m) => m.id), ['wait-3'])
        // Nothing was taken: the two never fetched come next, then the one in flight is settled.
        const rest: string[] = []
        for (let tries = 0; rest.length < 2 && tries < 5; tries++) {
          for (const m of await q.fetch({ max: 10, expires: 1000 })) { rest.push(m.id); await m.ack() }
        }
        assert.deepEqual(rest, ['wait-2', 'wait-3'])
        await taken[1].ack()
        assert.deepEqual(await q.waiting(10), [])
      } finally {
        await q.close()
      }
    })

    test(`queue (${flavour.name}) - a nak'd message comes back after the delay with a higher delivery count; a termed one never`, async () => {
      const q = await flavour.open()
      try {
        await q.publish('req-nak', bytes('n'))
        await q.publish('req-term', bytes('t'))
        const got = await q.fetch({ max: 10, expires: 1000 })
        assert.deepEqual(got.map((m) => m.id).sort(), ['req-nak', 'req-term'])
        await got.find((m) => m.id === 'req-term')!.term('poison')
        await got.find((m) => m.id === 'req-nak')!.nak(300)
        const again = await q.fetch({ max: 10, expires: 3000 })
        assert.deepEqual(again.map((m) => m.id), ['req-nak'])
        assert.equal(again[0]!.deliveryCount, 2)
        await again[0]!.ack()
        assert.deepEqual(await q.fetch({ max: 10, expires: 1000 }), [])
      } finally {
        await q.close()
      }
    })

    test(`queue (${flavour.name}) - a message not acknowledged within the ack wait is delivered again`, async () => {
      const q = await flavour.open()
      try {
        await q.publish('req-slow', bytes('s'))
        const [m] = await q.fetch({ max: 1, expires: 1000 })
        assert.equal(m?.id, 'req-slow')
        const [again] = await q.fetch({ max: 1, expires: ACK_WAIT * 4 })
        assert.equal(again?.id, 'req-slow')
        assert.equal(again?.deliveryCount, 2)
        await again!.ack()
      } finally {
        await q.close()
      }
    })

    test(`queue (${flavour.name}) - after a restart, acked messages stay gone and unacked ones are delivered again`, async () => {
      const q1 = await flavour.open()
      await q1.publish('restart-acked', bytes('a'))
      await q1.publish('restart-open', bytes('b'))
      const got = await q1.fetch({ max: 10, expires: 1000 })
      assert.equal(got.length, 2)
      await got.find((m) => m.id === 'restart-acked')!.ack()
      await q1.close()
      const q2 = await flavour.open()
      try {
        const seen: string[] = []
        for (let tries = 0; seen.length === 0 && tries < 4; tries++) {
          for (const m of await q2.fetch({ max: 10, expires: ACK_WAIT })) { seen.push(m.id); await m.ack() }
        }
        assert.deepEqual(seen, ['restart-open'])
        // The id is still remembered: a retry of an acknowledged request is not enqueued again.
        assert.equal((await q2.publish('restart-acked', bytes('a'))).duplicate, true)
      } finally {
        await q2.close()
      }
    })

    test(`queue (${flavour.name}) - an empty queue answers fetch with nothing once expires passes, and close is idempotent`, async () => {
      const q = await flavour.open()
      assert.equal(await q.ready(), true)
      assert.deepEqual(await q.fetch({ max: 5, expires: 200 }), [])
      await q.close()
      await q.close()
      assert.equal(await q.ready(), false)
      await assert.rejects(q.publish('late', bytes('x')), { code: 'ERR_QUEUE_CLOSED' })
    })
  })
}
