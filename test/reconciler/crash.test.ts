// kill -9 of a reconciler process in the middle of its work, then a restart: the messages it had
// not acknowledged are delivered again, and since a batch commits (objects + logs) before its ack,
// the result is every entity logged once and every object once.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { createJetStreamQueue } from '../../queue/index.ts'
import { connectPostgres, migrate, type Db } from '../../store/index.ts'
import { NATS_URL, uniqueName } from '../helpers/nats.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts'
import { eventually } from '../helpers/eventually.ts'
import { count } from './backends.ts'
import { expected, loadRequest, PER_REQUEST } from './load.ts'

const REQUESTS = 20
const CHILD = fileURLToPath(new URL('./reconciler-child.ts', import.meta.url))

function startChild (url: string, stream: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, CHILD_PG_URL: url, CHILD_NATS_URL: NATS_URL, CHILD_STREAM: stream, CHILD_ACK_WAIT: '3000', CHILD_BATCH: '2' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
}

describe('reconciler crash (kill -9, JetStream, PostgreSQL)', () => {
  const stream = uniqueName('RK')
  let t: TestDatabase
  let db: Db
  const children: ChildProcess[] = []
  before(async () => {
    t = await createTestDatabase('reconciler_kill')
    db = await connectPostgres({ url: t.url, max: 2 })
    await migrate(db)
  })
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    await db.close()
    await t.drop()
    const nc = await connect({ servers: NATS_URL })
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => {})
    await nc.close()
  })

  test('reconciler - kill -9 mid-batch and a restart lose no entity and duplicate nothing', async () => {
    const queue = await createJetStreamQueue({ servers: NATS_URL, stream, ackWait: 3000 })
    for (let r = 0; r < REQUESTS; r++) {
      const { id, bytes } = loadRequest(r)
      await queue.publish(id, bytes)
    }
    await queue.close()
    const total = REQUESTS * PER_REQUEST

    const first = startChild(t.url, stream)
    children.push(first)
    // Killed once some batches committed and while more are being applied.
    await eventually(async () => await count(db, 'select 1 from ingestion_log_entry') >= 2 * PER_REQUEST, 60_000, 100, 'the first batches to commit')
    first.kill('SIGKILL')
    await once(first, 'exit')
    const before = await count(db, 'select 1 from ingestion_log_entry')
    assert.ok(before < total, `the first process finished everything (${before}) before it was killed`)

    const second = startChild(t.url, stream)
    children.push(second)
    await eventually(async () => await count(db, 'select 1 from ingestion_log_entry') >= total, 90_000, 100, 'every entity to be logged')
    second.kill('SIGTERM')
    await once(second, 'exit')

    assert.equal(await count(db, 'select 1 from ingestion_log_entry'), total)
    assert.equal(await count(db, 'select distinct request_id, entity_index from ingestion_log_entry'), total)
    assert.equal(await count(db, "select 1 from ingestion_log_entry where state = 'FAILED'"), 0)
    for (const [table, n] of Object.entries(expected(REQUESTS))) assert.equal(await count(db, `select 1 from ${table}`), n, table)
    assert.equal(await count(db, "select 1 from object_change where action = 'create' and object_type = 'ipam.ipaddress'"), expected(REQUESTS).ip_address)
  })
})
