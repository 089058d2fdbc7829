// Unchanged repeats are stored one group per request and object type (migration 0006) and read
// back as one log per entity: the same ids, states, counts, entities and paging as any other log.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { encodeIngestRequest } from '../../proto/index.ts'
import { applyRequests } from '../../reconciler/index.ts'
import { countIngestionLogs, countIngestionLogsByState, selectIngestionLogs, type IngestionLogRow } from '../../reconciler/read-api/ingestion-log-query.ts'
import { BACKENDS, count, openBackend, type Backend } from './backends.ts'
import { deviceEntities, type EntityObject, request } from './fixtures.ts'

const bytesOf = (entities: EntityObject[], id: string): Uint8Array => encodeIngestRequest(request(entities, id))

for (const kind of BACKENDS) {
  describe(`ingestion log repeats (${kind})`, () => {
    let backend: Backend
    const entities = deviceEntities()
    const n = entities.length
    // The same device sent three times: created, unchanged, one interface's MTU changed.
    const changed = entities.map((e) => e.interface && (e.interface as { name: string }).name === 'fxp0'
      ? { ...e, interface: { ...(e.interface as object), mtu: 1400 } }
      : e)
    before(async () => {
      backend = await openBackend(kind)
      await applyRequests(backend.db, [{ bytes: bytesOf(entities, 'req-created') }])
      await applyRequests(backend.db, [{ bytes: bytesOf(entities, 'req-same') }])
      await applyRequests(backend.db, [{ bytes: bytesOf(changed, 'req-changed') }])
    })
    after(async () => { await backend.close() })

    test(`ingestion logs (${kind}) - entities without an error are grouped per request, type and state, with their change sets`, async () => {
      const { db } = backend
      assert.equal(await count(db, "select 1 from ingestion_log where request_id in ('req-created', 'req-same', 'req-changed')"), 0)
      const groups = await db.query<{ object_type: string, entity_indexes: number[] }>(
        "select object_type, entity_indexes from ingestion_log_repeat where request_id = 'req-same' order by first_index")
      assert.deepEqual(groups.rows.flatMap((g) => g.entity_indexes).sort((a, b) => a - b), [...entities.keys()])
      assert.equal(new Set(groups.rows.map((g) => g.object_type)).size, groups.rows.length, 'one group per object type')
      assert.deepEqual((await db.query("select distinct state, change_sets is null as bare from ingestion_log_repeat where request_id = 'req-same'")).rows,
        [{ state: 'NO_CHANGES', bare: true }])
      // The changed interface is APPLIED with its change set; its siblings are repeats.
      const applied = await db.query<{ object_type: string, change_set: { changes: Array<{ after: Record<string, unknown> }> } }>(
        "select object_type, change_set from ingestion_log_entry where request_id = 'req-changed' and state = 'APPLIED'")
      assert.equal(applied.rows.length, 1)
      assert.equal(applied.rows[0].object_type, 'dcim.interface')
      assert.equal(applied.rows[0].change_set.changes[0].after.mtu, 1400)
      const created = await db.query<{ entity_index: number, state: string, change_set: { changes: Array<{ change_type: string }> } | null }>(
        "select entity_index, state, change_set from ingestion_log_entry where request_id = 'req-created' order by entity_index")
      assert.deepEqual(created.rows.map((r) => r.entity_index), [...entities.keys()])
      assert.ok(created.rows.every((r) => r.state === 'APPLIED' && r.change_set?.changes.some((c) => c.change_type === 'create')), 'every created entity has its change set')
      assert.equal(await count(db, 'select 1 from ingestion_log_entry'), 3 * n, 'the view has one row per entity')
    })

    test(`ingestion logs (${kind}) - repeats read back one log per entity with entity, change set and counts`, async () => {
      const { db } = backend
      const same = await selectIngestionLogs(db, { requestIds: ['req-same'] }, { limit: 1000 })
      assert.deepEqual(same.map((l) => l.entity_index).sort((a, b) => a - b), [...entities.keys()])
      assert.ok(same.every((l) => l.state === 'NO_CHANGES'))
      assert.equal(new Set(same.map((l) => l.id)).size, n, 'each entity has an id of its own')
      for (const l of same) {
        const sent = entities[l.entity_index]
        const member = Object.keys(sent).find((k) => k !== 'timestamp')!
        assert.ok((l.entity as Record<string, unknown>)[member], `entity ${l.entity_index} decoded as ${member}`)
        assert.deepEqual((l.change_set as { changes: Array<{ change_type: string }> }).changes.map((c) => c.change_type), ['noop'])
        assert.ok(l.source_ts instanceof Date)
      }
      assert.deepEqual(await countIngestionLogsByState(db, {}), { QUEUED: 0, APPLIED: n + 1, NO_CHANGES: 2 * n - 1, FAILED: 0, OPEN: 0 })
      assert.equal(await countIngestionLogs(db, { states: ['NO_CHANGES'], requestIds: ['req-changed'] }), n - 1)
      assert.equal(await countIngestionLogs(db, { states: ['APPLIED'], objectTypes: ['dcim.interface'] }), 4 + 1)
      assert.equal((await selectIngestionLogs(db, { states: ['FAILED'] }, { limit: 10 })).length, 0)
      // One expanded repeat by its id, as the detail endpoint asks.
      const target = same[3]
      const [byId] = await selectIngestionLogs(db, { ids: [target.id] }, { limit: 1 })
      assert.equal(byId.id, target.id)
      assert.equal(byId.entity_index, target.entity_index)
      assert.equal(await countIngestionLogs(db, { ids: [target.id] }), 1)
      assert.equal((await selectIngestionLogs(db, { ids: [`${target.id.slice(0, 28)}0000ffff`] }, { limit: 1 })).length, 0)
    })

    test(`ingestion logs (${kind}) - offset and keyset paging visit every log once, newest first`, async () => {
      const { db } = backend
      const all = await selectIngestionLogs(db, {}, { limit: 1000 })
      assert.equal(all.length, 3 * n)
      const order = (a: IngestionLogRow, b: IngestionLogRow): boolean =>
        BigInt(a.ingestion_us) > BigInt(b.ingestion_us) || (a.ingestion_us === b.ingestion_us && a.id > b.id)
      for (let i = 1; i < all.length; i++) assert.ok(order(all[i - 1], all[i]), `row ${i} is older than row ${i - 1}`)
      const byOffset: string[] = []
      for (let offset = 0; offset < all.length; offset += 7) {
        byOffset.push(...(await selectIngestionLogs(db, {}, { limit: 7, offset })).map((l) => l.id))
      }
      assert.deepEqual(byOffset, all.map((l) => l.id))
      const byKeyset: string[] = []
      let before: { micros: bigint, id: string } | undefined
      for (;;) {
        const page = await selectIngestionLogs(db, { before }, { limit: 5 })
        if (page.length === 0) break
        byKeyset.push(...page.map((l) => l.id))
        const last = page[page.length - 1]
        before = { micros: BigInt(last.ingestion_us), id: last.id }
      }
      assert.deepEqual(byKeyset, all.map((l) => l.id))
    })

    test(`ingestion logs (${kind}) - one request twice in a batch is applied and logged once`, async () => {
      const { db } = backend
      // The first copy changes an interface; a second copy applied after it would find nothing
      // to change and log every entity again as a repeat.
      const mtu = changed.map((e) => e.interface && (e.interface as { name: string }).name === 'fxp0'
        ? { ...e, interface: { ...(e.interface as object), mtu: 1300 } }
        : e)
      const bytes = bytesOf(mtu, 'req-twice')
      const s = await applyRequests(db, [{ bytes }, { bytes }])
      assert.equal(s.duplicateRequests, 1)
      assert.equal(s.applied, 1)
      assert.equal(await count(db, "select 1 from ingestion_log_entry where request_id = 'req-twice'"), n)
      assert.equal(await count(db, "select distinct entity_index from ingestion_log_entry where request_id = 'req-twice'"), n)
    })

    test(`ingestion logs (${kind}) - a redelivered request of repeats is not logged twice`, async () => {
      const { db } = backend
      const s = await applyRequests(db, [{ bytes: bytesOf(entities, 'req-same') }])
      assert.equal(s.duplicateRequests, 1)
      assert.equal(await count(db, "select 1 from ingestion_log_entry where request_id = 'req-same'"), n)
    })
  })
}
