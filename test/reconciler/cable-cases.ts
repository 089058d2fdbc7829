// Cables: a cable is the set of its terminations (A/B-insensitive). Created once, matched again
// in either orientation, partially updated, never moved: an endpoint already on another cable
// fails its entity with the field and the occupying cable. Defined once, run on PostgreSQL
// (cable-postgres.test.ts) and PGlite (cable-pglite.test.ts).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { encodeIngestRequest } from '../../proto/index.ts'
import { applyRequests, type ApplySummary } from '../../reconciler/index.ts'
import type { Db } from '../../store/index.ts'
import { count, describeBackend, one, type BackendKind } from './backends.ts'
import { deviceRef, request, ts, type EntityObject } from './fixtures.ts'
import { startApi } from './read-api-fixtures.ts'

async function send (db: Db, entities: EntityObject[]): Promise<ApplySummary> {
  return applyRequests(db, [{ bytes: encodeIngestRequest(request(entities)) }])
}

const CORE = deviceRef('core1')
const DIST = deviceRef('dist1')
const port = (dev: EntityObject, name: string, type = '10gbase-x-sfpp') => ({ object_interface: { device: dev, name, type } })
const cable = (a: unknown[], b: unknown[], extra: EntityObject = {}): EntityObject => ({ timestamp: ts(), cable: { a_terminations: a, b_terminations: b, ...extra } })
const coreDist = (extra: EntityObject = {}) => cable([port(CORE, 'Te1/1/1')], [port(DIST, 'Ethernet49/1')], { status: 'connected', type: 'smf', ...extra })

/** Every cable as "device:interface" ends, A first. */
async function cables (db: Db): Promise<Array<{ id: number, a: string, b: string }>> {
  return (await db.query<{ id: number, a: string, b: string }>(`select c.id::int as id,
      string_agg(d.name || ':' || i.name, ',' order by i.name) filter (where ct.cable_end = 'A') as a,
      string_agg(d.name || ':' || i.name, ',' order by i.name) filter (where ct.cable_end = 'B') as b
    from cable c join cable_termination ct on ct.cable_id = c.id join interface i on i.id = ct.termination_id
    join device d on d.id = i.device_id group by c.id order by c.id`)).rows
}

export function defineCableTests (kind: BackendKind): void {
  describe(`reconciler cables on ${kind}`, () => {
    const db = describeBackend(kind)

    test('cable - a cable between two interfaces is created with its terminations, change set and change log', async () => {
      const s = await send(db, [coreDist({ label: 'CORE-DIST-1', length: 3.5, length_unit: 'm', tags: [{ name: 'lldp' }] })])
      assert.deepEqual(s.results.map((r) => [r.state, r.error?.message]), [['APPLIED', undefined]])
      const [c] = await cables(db)
      assert.deepEqual(c, { id: s.results[0].objectId, a: 'core1:Te1/1/1', b: 'dist1:Ethernet49/1' })
      assert.deepEqual(await one(db, 'select type, status, label, length::text, length_unit from cable'),
        { type: 'smf', status: 'connected', label: 'CORE-DIST-1', length: '3.50', length_unit: 'm' })
      assert.equal(await count(db, "select 1 from tagged_item where object_type = 'dcim.cable'"), 1)
      const ifs = (await db.query<{ id: string }>("select id::text from interface where name in ('Te1/1/1', 'Ethernet49/1') order by name desc")).rows.map((r) => Number(r.id))
      const log = await one<{ change_set: { changes: Array<{ change_type: string, object_type: string, after: Record<string, unknown> }> } }>(db, 'select change_set from ingestion_log_entry')
      const created = log.change_set.changes.find((x) => x.object_type === 'dcim.cable')!
      assert.equal(created.change_type, 'create')
      assert.deepEqual(created.after.a_terminations, [{ object_type: 'dcim.interface', object_id: ifs[0] }])
      assert.deepEqual(created.after.b_terminations, [{ object_type: 'dcim.interface', object_id: ifs[1] }])
      const oc = await one<{ post: { label: string, a_terminations: unknown, b_terminations: unknown } }>(db,
        "select postchange_data as post from object_change where object_type = 'dcim.cable' and action = 'create'")
      assert.equal(oc.post.label, 'CORE-DIST-1')
      assert.deepEqual([oc.post.a_terminations, oc.post.b_terminations],
        [[{ object_type: 'dcim.interface', object_id: ifs[0] }], [{ object_type: 'dcim.interface', object_id: ifs[1] }]])
    })

    test('cable - the same cable again is NO_CHANGES, and with A and B swapped it is still that cable', async () => {
      const first = await send(db, [coreDist()])
      const changes = await count(db, 'select 1 from object_change')
      const again = await send(db, [coreDist()])
      assert.deepEqual(again.results.map((r) => [r.state, r.objectId]), [['NO_CHANGES', first.results[0].objectId]])
      const swapped = await send(db, [cable([port(DIST, 'Ethernet49/1')], [port(CORE, 'Te1/1/1')], { status: 'connected', type: 'smf' })])
      assert.deepEqual(swapped.results.map((r) => [r.state, r.objectId]), [['NO_CHANGES', first.results[0].objectId]])
      assert.equal(await count(db, 'select 1 from object_change'), changes)
      assert.deepEqual(await cables(db), [{ id: first.results[0].objectId, a: 'core1:Te1/1/1', b: 'dist1:Ethernet49/1' }])
      // Never fingerprinted: its terminations live outside its row, so every repeat is checked in full.
      assert.equal(await count(db, "select 1 from entity_fingerprint where objects::text like '%\"cable\"%'"), 0)
    })

    test('cable - a changed field updates only that field, with an update in the change log', async () => {
      await send(db, [coreDist({ label: 'X1', color: 'ffff00' })])
      const s = await send(db, [cable([port(DIST, 'Ethernet49/1')], [port(CORE, 'Te1/1/1')], { status: 'planned' })])
      assert.deepEqual(s.results.map((r) => r.state), ['APPLIED'])
      assert.deepEqual(await one(db, 'select type, status, label, color from cable'), { type: 'smf', status: 'planned', label: 'X1', color: 'ffff00' })
      const log = await one<{ change_set: { changes: unknown[] } }>(db, 'select change_set from ingestion_log_entry where request_id = $1', [s.results[0].requestId])
      assert.deepEqual(log.change_set.changes, [{ change_type: 'update', object_type: 'dcim.cable', object_id: s.results[0].objectId, before: { status: 'connected' }, after: { status: 'planned' } }])
      assert.equal(await count(db, "select 1 from object_change where object_type = 'dcim.cable' and action = 'update'"), 1)
      assert.deepEqual((await cables(db)).map((c) => [c.a, c.b]), [['core1:Te1/1/1', 'dist1:Ethernet49/1']])
    })

    test('cable - an endpoint already on another cable fails its entity with the field and that cable; the rest applies', async () => {
      const first = await send(db, [coreDist()])
      const cableId = first.results[0].objectId
      const s = await send(db, [
        { timestamp: ts(), interface: { device: CORE, name: 'Te1/1/2', type: '10gbase-x-sfpp' } },
        // Te1/1/2 is free, Ethernet49/1 is on the first cable: refused, nothing moves.
        cable([port(CORE, 'Te1/1/2')], [port(DIST, 'Ethernet49/1')]),
        cable([port(CORE, 'Te1/1/3')], [port(DIST, 'Ethernet50/1')])
      ])
      assert.deepEqual(s.results.map((r) => [r.state, r.error?.field]), [['APPLIED', undefined], ['FAILED', 'b_terminations[0]'], ['APPLIED', undefined]])
      assert.equal(s.results[1].error!.code, 'ERR_RECONCILER_UNRESOLVED')
      assert.match(s.results[1].error!.message, new RegExp(`entity 1 \\(cable\\): b_terminations\\[0\\]: interface Ethernet49/1 on device dist1 is already cabled \\(cable ${cableId}\\)`))
      assert.deepEqual((await cables(db)).map((c) => [c.a, c.b]), [['core1:Te1/1/1', 'dist1:Ethernet49/1'], ['core1:Te1/1/3', 'dist1:Ethernet50/1']])
      // A set that only partly matches the stored cable (one more end) is refused as well.
      const more = await send(db, [cable([port(CORE, 'Te1/1/1')], [port(DIST, 'Ethernet49/1'), port(DIST, 'Ethernet49/2')])])
      assert.equal(more.results[0].error?.field, 'a_terminations[0]')
      assert.match(more.results[0].error!.message, /interface Te1\/1\/1 on device core1 is already cabled/)
      assert.equal(await count(db, 'select 1 from cable_termination'), 4)
    })

    test('cable - two cables of one batch on the same endpoint: the first is created, the second fails', async () => {
      const s = await send(db, [
        cable([port(CORE, 'Te1/1/1')], [port(DIST, 'Ethernet49/1')]),
        cable([port(CORE, 'Te1/1/2')], [port(DIST, 'Ethernet49/1')]),
        // The same cable as the first, named the other way round: one cable, reported once.
        cable([port(DIST, 'Ethernet49/1')], [port(CORE, 'Te1/1/1')])
      ])
      assert.deepEqual(s.results.map((r) => [r.state, r.error?.field]), [['APPLIED', undefined], ['FAILED', 'b_terminations[0]'], ['NO_CHANGES', undefined]])
      assert.match(s.results[1].error!.message, /is already cabled by another cable of this batch/)
      assert.equal(s.results[2].objectId, s.results[0].objectId)
      assert.equal(await count(db, 'select 1 from cable'), 1)
    })

    test('cable - unsupported and invalid terminations fail with the field', async () => {
      const s = await send(db, [
        cable([{ object_front_port: { device: CORE, name: 'FP1' } }], [port(DIST, 'Ethernet49/1')]),
        cable([port(CORE, 'Te1/1/1')], []),
        cable([port(CORE, 'Te1/1/1')], [{ object_site: { name: 'Berlin DC1' } }]),
        cable([port(CORE, 'ae0', 'lag')], [port(DIST, 'Port-Channel20', 'lag')]),
        cable([port(CORE, 'Te1/1/1')], [port(CORE, 'Te1/1/1')]),
        // A device that cannot be created from what the reference says.
        cable([port(CORE, 'Te1/1/1')], [{ object_interface: { device: { name: 'ghost', site: { name: 'Berlin DC1' } }, name: 'eth0' } }]),
        { timestamp: ts(), site: { name: 'Still applied' } }
      ])
      const failed = s.results.map((r) => [r.state, r.error?.field, r.error?.message.replace(/^request \S+ /, '')])
      assert.deepEqual(failed, [
        ['FAILED', 'a_terminations[0]', 'entity 0 (cable): a_terminations[0]: termination type front_port is not supported yet'],
        ['FAILED', 'b_terminations', 'entity 1 (cable): b_terminations: a cable needs at least one termination at each end'],
        ['FAILED', 'b_terminations[0]', 'entity 2 (cable): b_terminations[0]: a site cannot terminate a cable'],
        ['FAILED', 'a_terminations[0]', 'entity 3 (cable): a_terminations[0]: interface ae0 on device core1 is a lag interface and cannot be cabled'],
        ['FAILED', 'a_terminations[0]', 'entity 4 (cable): a_terminations[0]: interface Te1/1/1 on device core1 is named more than once; a cable connects distinct endpoints'],
        ['FAILED', 'b_terminations[0].object_interface.device.device_type', 'entity 5 (cable): b_terminations[0].object_interface.device.device_type: field device_type is required to create a dcim.device'],
        ['APPLIED', undefined, undefined]
      ])
      assert.equal(await count(db, 'select 1 from cable'), 0)
    })

    test('cable - the read API lists the cable with both ends and each interface shows it', async () => {
      const s = await send(db, [coreDist({ label: 'CORE-DIST-1' })])
      const id = s.results[0].objectId
      const api = await startApi(db)
      try {
        const list = await api.get('/api/dcim/cables/')
        assert.equal(list.body.count, 1)
        const c = list.body.results[0]
        assert.equal(c.id, id)
        assert.equal(c.label, 'CORE-DIST-1')
        assert.deepEqual(c.status.value, 'connected')
        assert.deepEqual([c.a_terminations.length, c.b_terminations.length], [1, 1])
        assert.deepEqual([c.a_terminations[0].object_type, c.a_terminations[0].object.name, c.a_terminations[0].object.device.name], ['dcim.interface', 'Te1/1/1', 'core1'])
        assert.deepEqual([c.b_terminations[0].object.name, c.b_terminations[0].object.device.name], ['Ethernet49/1', 'dist1'])
        const ifs = await api.get('/api/dcim/interfaces/?cabled=true')
        assert.deepEqual(ifs.body.results.map((i: { name: string, cable: { id: number }, cable_end: string }) => [i.name, i.cable?.id, i.cable_end]).sort(),
          [['Ethernet49/1', id, 'B'], ['Te1/1/1', id, 'A']])
      } finally {
        await api.close()
      }
    })

    test('cable - concurrent batches never cable an endpoint twice', { skip: kind === 'pglite' && 'PGlite has one connection: no concurrent transactions' }, async () => {
      await send(db, [
        { timestamp: ts(), interface: { device: CORE, name: 'Te1/1/1', type: '10gbase-x-sfpp' } },
        ...[1, 2, 3, 4].map((n) => ({ timestamp: ts(), interface: { device: DIST, name: `Ethernet${n}`, type: '10gbase-x-sfpp' } }))
      ])
      // The same cable four times and four cables competing for Te1/1/1, each batch on its own connection.
      const same = await Promise.all([1, 2, 3, 4].map(() => send(db, [cable([port(CORE, 'Te1/1/1')], [port(DIST, 'Ethernet1')])])))
      assert.deepEqual(same.map((s) => s.results[0].state).sort(), ['APPLIED', 'NO_CHANGES', 'NO_CHANGES', 'NO_CHANGES'])
      await db.query('truncate cable, cable_termination restart identity cascade')
      const rivals = await Promise.all([1, 2, 3, 4].map((n) => send(db, [cable([port(CORE, 'Te1/1/1')], [port(DIST, `Ethernet${n}`)])])))
      assert.deepEqual(rivals.map((s) => s.results[0].state).sort(), ['APPLIED', 'FAILED', 'FAILED', 'FAILED'])
      const winner = rivals.find((x) => x.applied === 1)!.results[0].objectId
      for (const s of rivals.filter((x) => x.failed > 0)) {
        assert.match(s.results[0].error!.message, new RegExp(`a_terminations\\[0\\]: interface Te1/1/1 on device core1 is already cabled \\(cable ${winner}\\)`))
      }
      assert.equal(await count(db, 'select 1 from cable'), 1)
      assert.equal(await count(db, 'select 1 from cable_termination'), 2)
    })
  })
}
