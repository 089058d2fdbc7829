// The queue consumer on the embedded queue and PostgreSQL: acknowledge after commit, go idle
// (applying on the main thread or on worker threads), retry transient database errors through the
// queue, and after maxAttempts log the request's entities FAILED and terminate the message.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { silentLogger } from '../../config/logger.ts'
import { encodeIngestRequest } from '../../proto/index.ts'
import { openEmbeddedQueue, type Queue } from '../../queue/index.ts'
import { createReconciler } from '../../reconciler/index.ts'
import type { Db } from '../../store/index.ts'
import { eventually } from '../helpers/eventually.ts'
import { count, openBackend, reset, type Backend } from './backends.ts'
import { deviceEntities, request } from './fixtures.ts'

const THREADS_APP = 'tributary-consumer-threads-test'

/** A Db whose first `failures` transactions fail like a serialization conflict: a fault a test
 * cannot otherwise produce on demand. */
function flakyDb (db: Db, failures: number): Db & { calls: number } {
  const wrapper = {
    kind: db.kind,
    calls: 0,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    close: () => db.close(),
    async transaction<T> (fn: Parameters<Db['transaction']>[0]): Promise<T> {
      wrapper.calls++
      if (wrapper.calls <= failures) {
        throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' })
      }
      return db.transaction(fn) as Promise<T>
    }
  }
  return wrapper as unknown as Db & { calls: number }
}

describe('reconciler consumer (embedded queue, PostgreSQL)', () => {
  let backend: Backend
  let dir: string
  let queue: Queue
  before(async () => { backend = await openBackend('postgres') })
  after(async () => { await backend.close() })
  beforeEach(async () => {
    await reset(backend.db)
    dir = mkdtempSync(join(tmpdir(), 'reconciler-consumer-'))
    queue = await openEmbeddedQueue({ dir, ackWait: 5000 })
  })
  afterEach(async () => {
    await queue.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const threadConnections = (): Promise<number> => count(backend.db, 'select 1 from pg_stat_activity where application_name = $1', [THREADS_APP])

  for (const onThreads of [false, true]) {
    test(`reconciler - requests from the queue are applied, acknowledged after commit, and idle() resolves (${onThreads ? 'worker threads' : 'main thread'})`, async () => {
      const lines: string[] = []
      const logger = pino({ level: 'debug' }, { write: (line: string) => { lines.push(line) } })
      const entities = deviceEntities()
      for (let i = 0; i < entities.length; i += 4) {
        const r = request(entities.slice(i, i + 4))
        await queue.publish(r.id!, encodeIngestRequest(r))
      }
      // Undecodable bytes do not hold back the rest: they are logged FAILED and acknowledged.
      await queue.publish('garbage-1', new Uint8Array([0xff, 0xff, 0xff, 0x01]))
      const reconciler = createReconciler({
        db: backend.db, queue, logger, batchSize: 2, workerThreads: onThreads ? { postgresUrl: backend.url!, applicationName: THREADS_APP } : undefined
      })
      reconciler.start()
      await reconciler.idle()
      // On threads the batches go through the threads' own connections, which close with the reconciler.
      assert.equal(await threadConnections() >= 1, onThreads)
      await reconciler.close()
      await eventually(async () => (await threadConnections()) === 0, 10_000, 100, 'thread connections closed')
      assert.equal((await queue.stats()).pending, 0)
      // Batches run concurrently, so an entity whose object another batch created first logs
      // NO_CHANGES; every entity is logged once and none failed.
      assert.equal(await count(backend.db, "select 1 from ingestion_log_entry where state in ('APPLIED', 'NO_CHANGES')"), entities.length)
      assert.equal(await count(backend.db, 'select 1 from device where primary_ip4_id is not null'), 1)
      assert.equal(await count(backend.db, 'select 1 from interface'), 4)
      const bad = await backend.db.query<{ request_id: string, error: { code: string } }>("select request_id, error from ingestion_log where state = 'FAILED'")
      assert.deepEqual(bad.rows.map((r) => [r.request_id, r.error.code]), [['garbage-1', 'ERR_RECONCILER_DECODE']])
      const metrics = await reconciler.metrics.metrics()
      const byOutcome = Object.fromEntries([...metrics.matchAll(/tributary_reconciler_entities_total\{outcome="(\w+)"\} (\d+)/g)].map((m) => [m[1], Number(m[2])]))
      assert.equal(byOutcome.applied + byOutcome.no_changes, entities.length)
      assert.equal(byOutcome.failed, 1)
      assert.match(metrics, /tributary_reconciler_batch_apply_seconds_count \d+/)
      assert.match(metrics, /tributary_reconciler_queue_lag 0/)
      // The pipeline's record of the failed entity reaches this logger once, with its bindings
      // once; logged on a thread, it names the thread.
      const line = lines.find((l) => l.includes('batch applied with failed entities'))
      assert.ok(line, `no record of the failed entity among ${lines.length}`)
      const record = JSON.parse(line) as Record<string, unknown>
      assert.equal(record.failed, 1)
      assert.equal(line.match(/"component":"reconciler"/g)?.length, 1)
      assert.equal(typeof record.thread === 'number' && record.thread > 0, onThreads)
    })
  }

  test('reconciler - transient database errors are retried, in process and then through the queue, until the batch commits', async () => {
    // Three attempts fail on the first delivery (in process), two more on the second.
    const db = flakyDb(backend.db, 5)
    const r = request(deviceEntities())
    await queue.publish(r.id!, encodeIngestRequest(r))
    const reconciler = createReconciler({ db, queue, logger: silentLogger, maxAttempts: 5, retryDelay: 10 })
    reconciler.start()
    await reconciler.idle()
    await reconciler.close()
    assert.equal(db.calls, 6)
    assert.equal(await count(backend.db, "select 1 from ingestion_log_entry where state = 'APPLIED'"), deviceEntities().length)
  })

  test('reconciler - after maxAttempts the entities are logged FAILED with the error and the message is terminated', async () => {
    const db = flakyDb(backend.db, 6)
    const r = request(deviceEntities().slice(0, 3))
    await queue.publish(r.id!, encodeIngestRequest(r))
    const reconciler = createReconciler({ db, queue, logger: silentLogger, maxAttempts: 2, retryDelay: 10 })
    reconciler.start()
    await reconciler.idle()
    await reconciler.close()
    assert.equal((await queue.stats()).pending, 0)
    const logs = await backend.db.query<{ entity_index: number, state: string, error: { message: string, entity_index: number } }>(
      'select entity_index, state, error from ingestion_log_entry where request_id = $1 order by entity_index', [r.id])
    assert.deepEqual(logs.rows.map((l) => [l.entity_index, l.state, l.error.entity_index]), [[0, 'FAILED', 0], [1, 'FAILED', 1], [2, 'FAILED', 2]])
    assert.match(logs.rows[0].error.message, /could not serialize access/)
    assert.equal(await count(backend.db, 'select 1 from vrf'), 0)
  })
})
