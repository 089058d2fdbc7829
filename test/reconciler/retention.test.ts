// Retention deletes ingestion logs, request bytes, fingerprints and change log past their windows,
// in chunks, and nothing else: not what is recent, not the objects themselves.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { encodeIngestRequest } from '../../proto/index.ts'
import { applyRequests, startRetention } from '../../reconciler/index.ts'
import type { Db } from '../../store/index.ts'
import { BACKENDS, count, describeBackend } from './backends.ts'
import { deviceEntities, request, ts } from './fixtures.ts'

async function ingest (db: Db, id: string): Promise<void> {
  await applyRequests(db, [{ bytes: encodeIngestRequest(request(deviceEntities(), id)) }])
}

/** Moves everything request `id` left behind `days` into the past. */
async function age (db: Db, id: string, days: number): Promise<void> {
  const at = `now() - interval '${days} days'`
  await db.query(`update ingestion_log set ingestion_ts = ${at}, created = ${at} where request_id = $1`, [id])
  await db.query(`update ingestion_log_repeat set ingestion_ts = ${at}, created = ${at} where request_id = $1`, [id])
  await db.query(`update ingestion_request set created = ${at} where request_id = $1`, [id])
  await db.query(`update object_change set time = ${at} where request_id = $1`, [id])
}

const rows = async (db: Db, table: string, id: string): Promise<number> => count(db, `select 1 from ${table} where request_id = $1`, [id])

for (const kind of BACKENDS) {
  describe(`retention (${kind})`, () => {
    const db = describeBackend(kind)

    test(`retention (${kind}) - rows past their window go, in chunks; recent rows and the objects stay`, async () => {
      await ingest(db, 'old-created')
      await ingest(db, 'old-repeat')
      await ingest(db, 'recent')
      await applyRequests(db, [{ bytes: encodeIngestRequest(request([{ timestamp: ts(), site: { name: 'Recent DC' } }], 'recent-change')) }])
      await age(db, 'old-created', 20)
      await age(db, 'old-repeat', 20)
      await db.query("update entity_fingerprint set updated = now() - interval '20 days'")
      const objects = await count(db, 'select 1 from interface')
      assert.ok(await rows(db, 'ingestion_log_repeat', 'old-repeat') > 0, 'the second request was logged as repeats')

      const retention = startRetention({ db, ingestionLogDays: 14, changeLogDays: 90, chunk: 3, interval: 3_600_000 })
      try {
        const first = await retention.sweep()
        for (const id of ['old-created', 'old-repeat']) {
          for (const table of ['ingestion_log', 'ingestion_log_repeat', 'ingestion_request']) assert.equal(await rows(db, table, id), 0, `${table} of ${id}`)
        }
        assert.equal(await count(db, 'select 1 from ingestion_log_entry where request_id = $1', ['recent']), deviceEntities().length)
        assert.equal(await rows(db, 'ingestion_request', 'recent'), 1)
        assert.equal(await count(db, 'select 1 from entity_fingerprint'), 0, 'fingerprints not written for 20 days')
        assert.ok(first.deleted.ingestion_log_repeat! > 3, 'more rows than one chunk were deleted')
        // 20 days is inside the change log's 90.
        assert.ok(await rows(db, 'object_change', 'old-created') > 0)
        assert.equal(await count(db, 'select 1 from interface'), objects, 'objects are never deleted')

        // Compact create records (migration 0011) and the records they are read with go together.
        assert.ok(await count(db, "select 1 from object_change where request_id = 'old-created' and postchange_base is not null") > 3)
        await age(db, 'old-created', 100)
        const second = await retention.sweep()
        assert.equal(await rows(db, 'object_change', 'old-created'), 0)
        assert.equal(await rows(db, 'object_change', 'recent-change'), 1, 'a recent change stays')
        assert.ok(second.deleted.object_change! > 0)
        assert.equal(second.deleted.ingestion_log_repeat, 0, 'nothing left past the ingestion window')
      } finally {
        await retention.close()
      }
    })

    test(`retention (${kind}) - 0 days keeps everything; a window below 0 is refused`, async () => {
      await ingest(db, 'kept')
      await age(db, 'kept', 400)
      const retention = startRetention({ db, ingestionLogDays: 0, changeLogDays: 0 })
      try {
        assert.deepEqual(await retention.sweep(), { deleted: {} })
        assert.equal(await rows(db, 'ingestion_log_entry', 'kept'), deviceEntities().length)
        assert.ok(await rows(db, 'object_change', 'kept') > 0)
      } finally {
        await retention.close()
      }
      assert.throws(() => startRetention({ db, ingestionLogDays: -1, changeLogDays: 90 }), /ingestionLogDays must be a whole number of days >= 0, got -1/)
    })
  })
}
