// Apply worker threads on their own (PostgreSQL): an error on a thread comes back with its code
// and whether a retry may cure it, and a thread that dies fails its batch alone. The consumer on
// threads is tested with the consumer (consumer.test.ts).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { silentLogger } from '../../config/logger.ts'
import { encodeIngestRequest } from '../../proto/index.ts'
import { isTransientError, startApplyWorkers } from '../../reconciler/index.ts'
import { count, openBackend, type Backend } from './backends.ts'
import { deviceEntities, request } from './fixtures.ts'
import { loadRequest } from './load.ts'

describe('apply worker threads (PostgreSQL)', () => {
  let backend: Backend
  before(async () => { backend = await openBackend('postgres') })
  after(async () => { await backend.close() })

  test('apply workers - an error on a thread comes back with its code, whether it is transient, and no password', async () => {
    const workers = startApplyWorkers({ postgresUrl: 'postgres://tributary:hunter2@127.0.0.1:1/nowhere', threads: 1, logger: silentLogger })
    try {
      const r = request(deviceEntities().slice(0, 1))
      const err = await workers.apply([{ bytes: encodeIngestRequest(r), id: r.id }], 1).then(() => undefined, (e: Error & { code?: string }) => e)
      assert.ok(err, 'applying with an unreachable database succeeded')
      assert.equal(err.name, 'WorkerError')
      assert.equal(err.code, 'ERR_STORE_CONNECT')
      assert.match(err.message, /127\.0\.0\.1:1/)
      assert.doesNotMatch(err.message, /hunter2/)
      // Connection refused: the consumer naks the batch and tries again later.
      assert.equal(isTransientError(err), true)
    } finally {
      await workers.close()
    }
  })

  test('apply workers - a thread that dies fails its batch as not transient, and the next batch gets a new thread', async () => {
    // A heap capped far below what the 10,000 entities of a batch keep alive until it commits.
    const workers = startApplyWorkers({ postgresUrl: backend.url!, threads: 1, logger: silentLogger, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 12 } })
    try {
      const big = Array.from({ length: 100 }, (_, i) => loadRequest(i))
      const err = await workers.apply(big.map(({ id, bytes }) => ({ id, bytes })), 1).then(() => undefined, (e: Error & { code?: string }) => e)
      assert.ok(err, 'the batch fitted in the capped heap; the test needs a bigger one')
      assert.equal(err.code, 'ERR_RECONCILER_WORKER')
      assert.match(err.message, /exited .* while applying a batch of 100 request\(s\)/)
      // Not transient: the consumer applies the batch's requests one by one, so only the culprit fails.
      assert.equal(isTransientError(err), false)
      assert.equal(await count(backend.db, 'select 1 from ingestion_log_entry'), 0)

      // Its bytes are a Buffer view into a larger buffer, as a queue client's may be: the thread
      // gets a copy, and the caller's buffer stays whole and attached.
      const small = request(deviceEntities())
      const encoded = encodeIngestRequest(small)
      const shared = Buffer.alloc(encoded.length + 64)
      shared.set(encoded, 32)
      const counts = await workers.apply([{ bytes: shared.subarray(32, 32 + encoded.length), id: small.id }], 1)
      assert.equal(counts.applied, deviceEntities().length)
      assert.equal(counts.failed, 0)
      assert.equal(shared.byteLength, encoded.length + 64)
      assert.ok(shared.subarray(32, 32 + encoded.length).equals(encoded))
    } finally {
      await workers.close()
    }
  })
})
