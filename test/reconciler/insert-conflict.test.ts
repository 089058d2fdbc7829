// A row another writer creates while a batch is being applied: the batch's INSERT waits for that
// writer's commit, fails on the unique key, and the batch is planned again and matches the row.
// Made deterministic here: the other writer holds its uncommitted row until the batch is seen
// waiting for it.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { applyRequests } from '../../reconciler/index.ts'
import type { Db } from '../../store/index.ts'
import { type Backend, count, one, openBackend } from './backends.ts'
import { ts } from './fixtures.ts'

let backend: Backend
let db: Db
before(async () => {
  backend = await openBackend('postgres')
  db = backend.db
})
after(() => backend.close())

/** Resolves once a session of this database waits for a lock (the batch's INSERT on the key). */
async function lockWaiter (other: pg.Client): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const r = await other.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
    if (r.rows[0].n > 0) return
    await sleep(10)
  }
  throw new Error('the batch never waited for the other writer')
}

test('reconciler - a site another writer creates during the batch is matched, not duplicated or failed', async () => {
  const other = new pg.Client({ connectionString: backend.url })
  await other.connect()
  try {
    await other.query('begin')
    const mine = await other.query<{ id: string }>("insert into site (name, slug, description) values ('Race DC', 'race-dc', 'by hand') returning id::text as id")
    const id = randomUUID()
    const applying = applyRequests(db, [{
      request: {
        id,
        producer_app_name: 'test',
        entities: [{ timestamp: ts(), site: { name: 'Race DC', status: 'active' } }]
      } as never
    }])
    // The batch must be blocked on the other writer's key, not done (or failed) already.
    await Promise.race([lockWaiter(other), applying.then(() => { throw new Error('the batch finished without waiting for the other writer') })])
    await other.query('commit')
    const summary = await applying
    assert.equal(summary.failed, 0, JSON.stringify(summary.results))
    assert.equal(summary.results[0].objectId, Number(mine.rows[0].id))
    assert.equal(await count(db, "select 1 from site where name = 'Race DC'"), 1)
    // The replan matched the committed row and left its fields alone: the entity sent no description.
    assert.equal((await one<{ description: string }>(db, "select description from site where name = 'Race DC'")).description, 'by hand')
    assert.equal(await count(db, "select 1 from object_change where object_type = 'dcim.site' and action = 'create'"), 0)
  } finally {
    await other.end()
  }
})
