// Two reconciler processes' worth of consumers (two pools, two JetStream clients) draining one
// durable consumer of one stream into one database, one applying on its main thread and one on
// worker threads: every object exists once, every entity is logged once, none failed.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { silentLogger } from '../../config/logger.ts'
import { createJetStreamQueue, type Queue } from '../../queue/index.ts'
import { createReconciler } from '../../reconciler/index.ts'
import { connectPostgres, migrate, type Db } from '../../store/index.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'
import { count } from './backends.ts'
import { expected, loadRequest, PER_REQUEST } from './load.ts'

const REQUESTS = 100

describe('reconciler concurrency (JetStream, PostgreSQL)', () => {
  const stream = uniqueName('RC')
  let t: TestDatabase
  const dbs: Db[] = []
  const queues: Queue[] = []
  before(async () => {
    t = await createTestDatabase('reconciler_conc')
    for (let i = 0; i < 2; i++) {
      dbs.push(await connectPostgres({ url: t.url, max: 2, applicationName: `reconciler-${i}` }))
      queues.push(await createJetStreamQueue({ servers: NATS_URL, stream, ackWait: 30_000 }))
    }
    await Promise.all(dbs.map((db) => migrate(db)))
  })
  after(async () => {
    for (const q of queues) await q.close()
    for (const db of dbs) await db.close()
    await t.drop()
    const nc = await connect({ servers: NATS_URL })
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {})
    await nc.close()
  })

  test('reconciler - two reconcilers draining one stream of 10,000 entities create every object once and log every entity once', async () => {
    for (let r = 0; r < REQUESTS; r++) {
      const { id, bytes } = loadRequest(r)
      await queues[0].publish(id, bytes)
    }
    // One applies its batches on the main thread, the other on worker threads of its own, as a
    // reconciler with PostgreSQL does by default: the guarantees hold for both.
    const reconcilers = dbs.map((db, i) => createReconciler({
      db, queue: queues[i], logger: silentLogger, batchSize: 8, workerThreads: i === 1 ? { postgresUrl: t.url, applicationName: 'reconciler-1' } : undefined
    }))
    for (const r of reconcilers) r.start()
    await Promise.all(reconcilers.map((r) => r.idle()))
    await Promise.all(reconcilers.map((r) => r.close()))
    const db = dbs[0]
    for (const [table, n] of Object.entries(expected(REQUESTS))) assert.equal(await count(db, `select 1 from ${table}`), n, table)
    assert.equal(await count(db, 'select 1 from ingestion_log_entry'), REQUESTS * PER_REQUEST)
    assert.equal(await count(db, 'select distinct request_id, entity_index from ingestion_log_entry'), REQUESTS * PER_REQUEST)
    assert.equal(await count(db, "select 1 from ingestion_log_entry where state = 'FAILED'"), 0)
    // Each object was created once: one create in the change log per row.
    assert.equal(await count(db, "select 1 from object_change where action = 'create' and object_type = 'dcim.interface'"), expected(REQUESTS).interface)
    // Both reconcilers did part of the work, and together exactly all of it.
    const done = await Promise.all(reconcilers.map(async (r) => {
      const m = await r.metrics.getSingleMetric('tributary_reconciler_entities_total')!.get()
      return m.values.reduce((sum, v) => sum + v.value, 0)
    }))
    assert.ok(done.every((n) => n > 0), `entities per reconciler: ${done.join(', ')}`)
    assert.equal(done[0] + done[1], REQUESTS * PER_REQUEST)
  })
})
