// A request the ingester split to fit the queue reaches the reconciler as parts (queue/types.ts,
// QueueMessage.id = <request id>#<first entity index>). Every entity must be logged once, under
// the original request id and its index in the original request; a redelivered part is skipped
// while the other parts of the same request are not; and the read side decodes each log's entity
// from the part that holds it. Run on PostgreSQL and PGlite.
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { splitRequest, type RequestPart } from '../../ingester/index.ts'
import { encodeIngestRequest } from '../../proto/index.ts'
import { parseMessageId } from '../../queue/index.ts'
import { applyRequests, recordFailedRequests, type RequestInput } from '../../reconciler/index.ts'
import { selectIngestionLogs } from '../../reconciler/read-api/ingestion-log-query.ts'
import type { Db } from '../../store/index.ts'
import { BACKENDS, describeBackend } from './backends.ts'
import { request, ts } from './fixtures.ts'

const ENTITIES = 40

function splitSites (id: string): { parts: RequestPart[], bytes: Uint8Array } {
  const entities = Array.from({ length: ENTITIES }, (_, i) => ({ timestamp: ts(), site: { name: `part-site-${i}`, comments: 'p'.repeat(400) } }))
  const bytes = encodeIngestRequest(request(entities, id))
  return { parts: splitRequest(bytes, id, 4096), bytes }
}

/** What the consumer hands the pipeline for a message of this part. */
function input (p: RequestPart): RequestInput {
  const { requestId, entityOffset } = parseMessageId(p.id)
  return { bytes: p.bytes, id: requestId, entityOffset }
}

async function logs (db: Db, id: string): Promise<Array<{ request_id: string, entity_index: number, state: string, name: string | null }>> {
  const r = await db.query<{ request_id: string, entity_index: number, state: string, name: string | null }>(
    `select l.request_id, l.entity_index, l.state, s.name from ingestion_log_entry l left join site s on s.id = l.object_id
     where l.request_id = $1 order by l.entity_index`, [id])
  return r.rows
}

for (const kind of BACKENDS) {
  describe(`reconciler split parts (${kind})`, () => {
    const db = describeBackend(kind)

    test('reconciler parts - each entity is logged once under the original request id and index; a redelivered part is skipped, the others are not', async () => {
      const id = randomUUID()
      const { parts } = splitSites(id)
      assert.ok(parts.length >= 4, `${parts.length} parts`)
      const middle = parts[2]!

      const first = await applyRequests(db, [input(middle)])
      const size = (n: number): number => (parts[n + 1]?.firstEntity ?? ENTITIES) - parts[n]!.firstEntity
      assert.equal(first.entities, size(2))
      assert.deepEqual(first.results.map((r) => [r.requestId, r.entityIndex]),
        Array.from({ length: size(2) }, (_, i) => [id, middle.firstEntity + i]))

      // Every part in one batch, the middle one redelivered (committed, not acknowledged).
      const rest = await applyRequests(db, parts.map(input))
      assert.equal(rest.duplicateRequests, 1, 'only the committed part is skipped')
      assert.equal(rest.entities, ENTITIES - size(2))
      assert.equal(rest.failed, 0, JSON.stringify(rest.results.find((r) => r.error)))

      const rows = await logs(db, id)
      assert.deepEqual(rows.map((r) => r.entity_index), Array.from({ length: ENTITIES }, (_, i) => i), 'every entity once, at its original index')
      for (const r of rows) {
        assert.equal(r.request_id, id)
        assert.equal(r.state, 'APPLIED')
        assert.equal(r.name, `part-site-${r.entity_index}`, `log ${r.entity_index} points at its own object`)
      }
      assert.equal((await applyRequests(db, [input(parts.at(-1)!)])).duplicateRequests, 1, 'the last part redelivered is skipped too')
    })

    test('reconciler parts - the read side decodes each log\'s entity from the part holding it', async () => {
      const id = randomUUID()
      const { parts } = splitSites(id)
      await applyRequests(db, parts.map(input))
      const stored = await db.query<{ n: number }>('select count(*)::int as n from ingestion_request where request_id = $1', [id])
      assert.equal(Number(stored.rows[0]!.n), parts.length, 'each part\'s bytes are stored')
      const read = await selectIngestionLogs(db, { requestIds: [id] }, { limit: 100 })
      assert.equal(read.length, ENTITIES)
      for (const row of read) {
        assert.equal((row.entity as { site?: { name?: string } } | null)?.site?.name, `part-site-${row.entity_index}`, `entity of log ${row.entity_index}`)
      }
      // One row of a later part on its own: only its part is needed.
      const last = read.find((r) => r.entity_index === ENTITIES - 1)!
      const [one] = await selectIngestionLogs(db, { ids: [last.id] }, { limit: 1 })
      assert.equal((one!.entity as { site: { name: string } }).site.name, `part-site-${ENTITIES - 1}`)
    })

    test('reconciler parts - a part given up on is logged FAILED at its original indexes', async () => {
      const id = randomUUID()
      const { parts } = splitSites(id)
      const p = parts[1]!
      await recordFailedRequests(db, [input(p)], new Error('database away'))
      const rows = await logs(db, id)
      const n = parts[2]!.firstEntity - p.firstEntity
      assert.deepEqual(rows.map((r) => [r.entity_index, r.state]), Array.from({ length: n }, (_, i) => [p.firstEntity + i, 'FAILED']))
    })
  })
}
