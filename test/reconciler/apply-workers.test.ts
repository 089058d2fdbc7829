// The reconciler applying batches on worker threads (PostgreSQL): the same outcome as on the main
// thread with the threads' own connections, their log records written through the caller's
// logger, an error on a thread coming back with its code and whether a retry may cure it, and a
// thread that dies failing its batch alone.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { silentLogger } from '../../config/logger.ts'
import { encodeIngestRequest } from '../../proto/index.ts'
import { openEmbeddedQueue, type Queue } from '../../queue/index.ts'
import { createReconciler, isTransientError, startApplyWorkers } from '../../reconciler/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { count, openBackend, reset, type Backend } from './backends.ts'
import { deviceEntities, request } from './fixtures.ts'
import { loadRequest } from './load.ts'

const APP = 'tributary-apply-workers-test'

describe('apply worker threads (embedded queue, PostgreSQL)', () => {
  let backend: Backend
  let dir: string
  let queue: Queue
  before(async () => { backend = await openBackend('postgres') })
  after(async () => { await backend.close() })
  beforeEach(async () => {
    await reset(backend.db)
    dir = mkdtempSync(join(tmpdir(), 'apply-workers-'))
    queue = await openEmbeddedQueue({ dir, ackWait: 5000 })
  })
  afterEach(async () => {
    await queue.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const threadConnections = (): Promise<number> => count(backend.db, 'select 1 from pg_stat_activity where application_name = $1', [APP])

  test('apply workers - the consumer on worker threads applies every request, acknowledges after commit and logs through its logger', async () => {
    const lines: string[] = []
    const logger = pino({ level: 'debug' }, { write: (line: string) => { lines.push(line) } })
    const entities = deviceEntities()
    for (let i = 0; i < entities.length; i += 4) {
      const r = request(entities.slice(i, i + 4))
      await queue.publish(r.id!, encodeIngestRequest(r))
    }
    await queue.publish('garbage-1', new Uint8Array([0xff, 0xff, 0xff, 0x01]))
    const reconciler = createReconciler({ db: backend.db, queue, logger, batchSize: 2, workerThreads: { postgresUrl: backend.url!, applicationName: APP } })
    reconciler.start()
    await reconciler.idle()
    // The batches went through the threads' own connections, which close with the reconciler.
    assert.ok(await threadConnections() >= 1)
    await reconciler.close()
    await eventually(async () => (await threadConnections()) === 0, 10_000, 100, 'thread connections closed')

    assert.equal((await queue.stats()).pending, 0)
    assert.equal(await count(backend.db, "select 1 from ingestion_log_entry where state in ('APPLIED', 'NO_CHANGES')"), entities.length)
    assert.equal(await count(backend.db, 'select 1 from device where primary_ip4_id is not null'), 1)
    assert.equal(await count(backend.db, 'select 1 from interface'), 4)
    const bad = await backend.db.query<{ request_id: string, error: { code: string } }>("select request_id, error from ingestion_log where state = 'FAILED'")
    assert.deepEqual(bad.rows.map((r) => [r.request_id, r.error.code]), [['garbage-1', 'ERR_RECONCILER_DECODE']])
    const metrics = await reconciler.metrics.metrics()
    const byOutcome = Object.fromEntries([...metrics.matchAll(/tributary_reconciler_entities_total\{outcome="(\w+)"\} (\d+)/g)].map((m) => [m[1], Number(m[2])]))
    assert.equal(byOutcome.applied + byOutcome.no_changes, entities.length)
    assert.equal(byOutcome.failed, 1)

    // The pipeline's record of the failed entity was logged on a thread and written here, once
    // with the reconciler's bindings.
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    const failed = records.find((r) => r.msg === 'batch applied with failed entities')
    assert.ok(failed, `no record of the failed entity among ${records.length}`)
    assert.equal(failed.failed, 1)
    assert.equal(failed.component, 'reconciler')
    assert.ok(typeof failed.thread === 'number' && failed.thread > 0, `thread: ${String(failed.thread)}`)
    assert.equal(lines.find((l) => l.includes('batch applied with failed entities'))!.match(/"component"/g)!.length, 1)
  })

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
