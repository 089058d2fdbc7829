// The reconciler pipeline without a queue (applyRequests): complete creation in one request,
// across requests in any order and from one nested entity; repeats, partial updates, tag merge,
// restoring hand-deleted rows; the matching rules; per-entity failure. Defined once, run on
// PostgreSQL (pipeline-postgres.test.ts) and PGlite (pipeline-pglite.test.ts).
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ENTITY_FIELD_NUMBER, encodeIngestRequest, IngestRequestType, messageType } from '../../proto/index.ts'
import { applyRequests, RECONCILED_TYPES, type ApplySummary } from '../../reconciler/index.ts'
import { MODELS } from '../../reconciler/models.ts'
import { selectIngestionLogs } from '../../reconciler/read-api/ingestion-log-query.ts'
import { migrate, type Db } from '../../store/index.ts'
import { count, describeBackend, one, reset, type BackendKind } from './backends.ts'
import {
  device, deviceEntities, deviceRef, everyType, interfaces, request, ts, VLANS, VRF, type EntityObject
} from './fixtures.ts'

async function send (db: Db, entities: EntityObject[], id?: string): Promise<ApplySummary> {
  return applyRequests(db, [{ bytes: encodeIngestRequest(request(entities, id)) }])
}

/** Everything the test device consists of, read back in one comparable shape. */
async function snapshot (db: Db): Promise<unknown> {
  const counts = await one(db, `select
    (select count(*)::int from site) as sites, (select count(*)::int from manufacturer) as manufacturers,
    (select count(*)::int from device_type) as device_types, (select count(*)::int from device_role) as roles,
    (select count(*)::int from platform) as platforms, (select count(*)::int from device) as devices,
    (select count(*)::int from interface) as interfaces, (select count(*)::int from ip_address) as ips,
    (select count(*)::int from prefix) as prefixes, (select count(*)::int from vlan) as vlans, (select count(*)::int from vrf) as vrfs`)
  const dev = await one(db, `select d.name, s.name as site, dt.model, m.name as manufacturer, r.name as role, p.name as platform,
      host(ip.address) as primary_ip4
    from device d join site s on s.id = d.site_id join device_type dt on dt.id = d.device_type_id
    join manufacturer m on m.id = dt.manufacturer_id join device_role r on r.id = d.role_id
    left join platform p on p.id = d.platform_id left join ip_address ip on ip.id = d.primary_ip4_id`)
  const ifs = (await db.query(`select i.name, i.type, i.mode, uv.vid as untagged, v.name as vrf, i.mac_address::text as mac,
      (select array_agg(tv.vid order by tv.vid) from interface_tagged_vlan x join vlan tv on tv.id = x.vlan_id where x.interface_id = i.id)::text as tagged
    from interface i left join vlan uv on uv.id = i.untagged_vlan_id left join vrf v on v.id = i.vrf_id order by i.name`)).rows
  const ips = (await db.query(`select ip.address::text as address, i.name as interface, v.name as vrf, ip.dns_name
    from ip_address ip left join interface i on i.id = ip.interface_id left join vrf v on v.id = ip.vrf_id order by ip.address`)).rows
  const prefixes = (await db.query(`select p.prefix::text as prefix, v.name as vrf, s.name as site, p.scope_type
    from prefix p left join vrf v on v.id = p.vrf_id left join site s on s.id = p.site_id order by p.prefix`)).rows
  return { counts, dev, ifs, ips, prefixes }
}

const COMPLETE = {
  counts: { sites: 1, manufacturers: 1, device_types: 1, roles: 1, platforms: 1, devices: 1, interfaces: 4, ips: 3, prefixes: 2, vlans: 2, vrfs: 1 },
  dev: { name: 'edge-1', site: 'Berlin DC1', model: 'MX204', manufacturer: 'Juniper', role: 'Router', platform: 'junos', primary_ip4: '192.0.2.1' },
  ifs: [
    { name: 'et-0/0/0', type: '100gbase-x-qsfp28', mode: null, untagged: null, vrf: null, mac: null, tagged: null },
    { name: 'et-0/0/1', type: '100gbase-x-qsfp28', mode: 'tagged', untagged: 100, vrf: null, mac: null, tagged: '{200}' },
    { name: 'fxp0', type: '1000base-t', mode: null, untagged: null, vrf: null, mac: '00:11:22:33:44:55', tagged: null },
    { name: 'xe-0/1/0', type: '10gbase-x-sfpp', mode: null, untagged: null, vrf: 'CUST-A', mac: null, tagged: null }
  ],
  ips: [
    { address: '10.1.0.1/30', interface: 'xe-0/1/0', vrf: 'CUST-A', dns_name: 'edge-1.cust-a' },
    { address: '192.0.2.1/24', interface: 'et-0/0/0', vrf: null, dns_name: '' },
    { address: '2001:db8::1/64', interface: 'et-0/0/1', vrf: null, dns_name: '' }
  ],
  prefixes: [
    { prefix: '10.1.0.0/30', vrf: 'CUST-A', site: null, scope_type: null },
    { prefix: '192.0.2.0/24', vrf: null, site: 'Berlin DC1', scope_type: 'dcim.site' }
  ]
}

export function definePipelineTests (kind: BackendKind): void {
  describe(`reconciler pipeline on ${kind}`, () => {
    const db = describeBackend(kind)

    test('reconciler - a device with everything around it is created completely from one request', async () => {
      const s = await send(db, deviceEntities())
      assert.equal(s.failed, 0, JSON.stringify(s.results.filter((r) => r.error)))
      assert.equal(s.applied, deviceEntities().length)
      assert.deepEqual(await snapshot(db), COMPLETE)
      assert.equal(await count(db, 'select 1 from ingestion_log_entry where state = $1', ['APPLIED']), deviceEntities().length)
      assert.ok(await count(db, "select 1 from object_change where action = 'create' and object_type = 'dcim.device'") === 1)
    })

    test('reconciler - a caller that only counts gets the same counts and no per-entity results', async () => {
      const counted = await applyRequests(db, [{ bytes: encodeIngestRequest(request(deviceEntities())) }], { results: false })
      assert.deepEqual(counted.results, [])
      assert.equal(counted.applied, deviceEntities().length)
      assert.equal(counted.entities, deviceEntities().length)
      // The outcome of each entity is in the logs all the same.
      assert.equal(await count(db, 'select 1 from ingestion_log_entry where state = $1', ['APPLIED']), deviceEntities().length)
      const again = await send(db, deviceEntities())
      assert.equal(again.results.length, deviceEntities().length)
      assert.ok(again.results.every((r) => r.state === 'NO_CHANGES'))
    })

    test('reconciler - separate requests in any order converge to the same device', async () => {
      const entities = deviceEntities()
      // Reverse order: addresses before their interfaces, the device (with its primary IP) late.
      for (const e of [...entities].reverse()) {
        const s = await send(db, [e])
        assert.equal(s.failed, 0, JSON.stringify(s.results))
      }
      assert.deepEqual(await snapshot(db), COMPLETE)
      await reset(db)
      // Device first: its primary IP does not exist yet and is set when the address arrives.
      const deviceFirst = [entities[3], ...entities.filter((_, i) => i !== 3)]
      for (const e of deviceFirst) await send(db, [e])
      assert.deepEqual(await snapshot(db), COMPLETE)
      assert.equal(await count(db, 'select 1 from deferred_reference'), 0)
    })

    test('reconciler - one IPAddress entity nesting its interface, device and everything is created completely', async () => {
      const dev = { ...device({ primary: '192.0.2.1/24' }) }
      const s = await send(db, [{
        timestamp: ts(),
        ip_address: {
          address: '192.0.2.1/24',
          assigned_object_interface: { device: dev, name: 'et-0/0/1', type: '100gbase-x-qsfp28', mode: 'tagged', untagged_vlan: VLANS[0], tagged_vlans: [VLANS[1]], vrf: VRF }
        }
      }])
      assert.equal(s.failed, 0, JSON.stringify(s.results))
      assert.equal(s.applied, 1)
      const r = await one<Record<string, unknown>>(db, `select d.name, s.name as site, m.name as manufacturer, p.name as platform, i.name as interface,
          uv.vid as untagged, v.rd, host(ip.address) as primary
        from device d join site s on s.id = d.site_id join device_type dt on dt.id = d.device_type_id join manufacturer m on m.id = dt.manufacturer_id
        join platform p on p.id = d.platform_id join interface i on i.device_id = d.id left join vlan uv on uv.id = i.untagged_vlan_id
        left join vrf v on v.id = i.vrf_id left join ip_address ip on ip.id = d.primary_ip4_id`)
      assert.deepEqual(r, { name: 'edge-1', site: 'Berlin DC1', manufacturer: 'Juniper', platform: 'junos', interface: 'et-0/0/1', untagged: 100, rd: '65000:1', primary: '192.0.2.1' })
      assert.equal(await count(db, 'select 1 from interface_tagged_vlan'), 1)
      // The change set of that one entity reports every object it created.
      const log = await one<{ change_set: { changes: Array<{ change_type: string, object_type: string }> } }>(db, 'select change_set from ingestion_log_entry')
      const types = new Set(log.change_set.changes.filter((c) => c.change_type === 'create').map((c) => c.object_type))
      for (const t of ['dcim.site', 'dcim.manufacturer', 'dcim.devicetype', 'dcim.devicerole', 'dcim.platform', 'dcim.device', 'dcim.interface', 'ipam.vlan', 'ipam.vrf', 'ipam.ipaddress']) {
        assert.ok(types.has(t), `change set lacks a create of ${t}`)
      }
    })

    test('reconciler - sending the same request again changes nothing and logs NO_CHANGES', async () => {
      await send(db, deviceEntities())
      const changes = await count(db, 'select 1 from object_change')
      const s = await send(db, deviceEntities())
      assert.equal(s.noChanges, deviceEntities().length, JSON.stringify(s.results.filter((r) => r.state !== 'NO_CHANGES')))
      assert.equal(await count(db, 'select 1 from object_change'), changes)
      assert.deepEqual(await snapshot(db), COMPLETE)
      // Stored as NULL (the state says it all) and rebuilt by the read side.
      const [noop] = await selectIngestionLogs(db, { states: ['NO_CHANGES'], objectTypes: ['dcim.device'] }, { limit: 1 })
      const device = await one<{ id: number }>(db, 'select id from device')
      assert.deepEqual(noop.change_set, { changes: [{ change_type: 'noop', object_type: 'dcim.device', object_id: Number(device.id), before: null, after: null }] })
    })

    test('reconciler - one changed field updates that field only and leaves unsent fields alone', async () => {
      await send(db, deviceEntities())
      const before = await one<Record<string, unknown>>(db, 'select id, serial, platform_id, status, primary_ip4_id from device')
      // No serial, no platform, no primary IP sent: they stay as they are.
      const s = await send(db, [{ timestamp: ts(), device: { ...deviceRef(), status: 'planned' } }])
      assert.equal(s.applied, 1)
      const afterRow = await one<Record<string, unknown>>(db, 'select id, serial, platform_id, status, primary_ip4_id from device')
      assert.deepEqual(afterRow, { ...before, status: 'planned' })
      const log = await one<{ change_set: { changes: unknown[] } }>(db, "select change_set from ingestion_log_entry where state = 'APPLIED' and request_id = $1", [s.results[0].requestId])
      assert.deepEqual(log.change_set.changes, [{ change_type: 'update', object_type: 'dcim.device', object_id: before.id, before: { status: 'active' }, after: { status: 'planned' } }])
      const oc = await one<{ pre: string, post: string }>(db,
        "select prechange_data ->> 'status' as pre, postchange_data ->> 'status' as post from object_change where action = 'update' and request_id = $1",
        [s.results[0].requestId])
      assert.deepEqual(oc, { pre: 'active', post: 'planned' })
    })

    test('reconciler - a tag sent later is added to the existing tags', async () => {
      await send(db, [{ timestamp: ts(), device: { ...device(), tags: [{ name: 'discovered' }] } }])
      const s = await send(db, [{ timestamp: ts(), device: { ...deviceRef(), tags: [{ name: 'Core Network' }] } }])
      assert.equal(s.applied, 1)
      const tags = (await db.query<{ name: string, slug: string }>(`select t.name, t.slug from tagged_item ti join tag t on t.id = ti.tag_id
        where ti.object_type = 'dcim.device' order by t.name`)).rows
      assert.deepEqual(tags, [{ name: 'Core Network', slug: 'core-network' }, { name: 'discovered', slug: 'discovered' }])
      const log = await one<{ change_set: { changes: Array<{ object_type: string, change_type: string, before: unknown, after: unknown }> } }>(db,
        'select change_set from ingestion_log_entry where request_id = $1', [s.results[0].requestId])
      const types = log.change_set.changes.map((c) => `${c.change_type} ${c.object_type}`)
      assert.deepEqual(types, ['create extras.tag', 'update dcim.device'])
      assert.deepEqual(log.change_set.changes[1].before, { tags: ['discovered'] })
      assert.deepEqual(log.change_set.changes[1].after, { tags: ['Core Network', 'discovered'] })
    })

    test('reconciler - an object deleted by hand is recreated by the next identical request', async () => {
      await send(db, deviceEntities())
      await db.query("delete from device where name = 'edge-1'") // cascades to its interfaces
      await db.query("update ip_address set dns_name = 'edited-by-hand' where host(address) = '10.1.0.1'")
      assert.equal(await count(db, 'select 1 from interface'), 0)
      const s = await send(db, deviceEntities())
      assert.equal(s.failed, 0)
      assert.deepEqual(await snapshot(db), COMPLETE)
    })

    test('reconciler - unchanged repeats are checked against the store: a hand edit, even to the same value, or a delete is undone', async () => {
      const dev = deviceRef()
      const entities = [
        { timestamp: ts(), device: device() },
        { timestamp: ts(), interface: { device: dev, name: 'ge-0/0/0', type: '1000base-t', description: 'uplink' } },
        { timestamp: ts(), ip_address: { address: '198.51.100.1/24', assigned_object_interface: { device: dev, name: 'ge-0/0/0' } } }
      ]
      await send(db, entities)
      assert.ok(await count(db, 'select 1 from entity_fingerprint') >= 3, 'plain entities are fingerprinted')
      const repeat = await send(db, entities)
      assert.equal(repeat.noChanges, 3, JSON.stringify(repeat.results))
      const changes = await count(db, 'select 1 from object_change')

      await db.query("update interface set description = 'edited by hand' where name = 'ge-0/0/0'")
      const restored = await send(db, entities)
      assert.deepEqual(restored.results.map((r) => r.state), ['NO_CHANGES', 'APPLIED', 'NO_CHANGES'])
      assert.equal((await one<{ description: string }>(db, "select description from interface where name = 'ge-0/0/0'")).description, 'uplink')
      assert.equal(await count(db, 'select 1 from object_change'), changes + 1)

      // A write that leaves the same values is still a write: the repeat takes the full path and finds nothing to do.
      await db.query("update device set serial = serial where name = 'edge-1'")
      assert.deepEqual((await send(db, entities)).results.map((r) => r.state), ['NO_CHANGES', 'NO_CHANGES', 'NO_CHANGES'])

      await db.query("delete from ip_address where host(address) = '198.51.100.1'")
      const recreated = await send(db, entities)
      assert.deepEqual(recreated.results.map((r) => r.state), ['NO_CHANGES', 'NO_CHANGES', 'APPLIED'])
      assert.equal(await count(db, "select 1 from ip_address where host(address) = '198.51.100.1'"), 1)
    })

    test('reconciler - an entity whose value a later entity of its batch overrode is not taken for a repeat', async () => {
      const dev = deviceRef()
      const port = (description: string): EntityObject => ({ timestamp: ts(), interface: { device: dev, name: 'ge-0/0/0', type: '1000base-t', description } })
      await send(db, [{ timestamp: ts(), device: device() }, port('first'), port('second')])
      assert.equal((await one<{ description: string }>(db, "select description from interface where name = 'ge-0/0/0'")).description, 'second')
      // The first port entity alone: the store says otherwise, so it is applied, not verified as unchanged.
      const alone = await send(db, [port('first')])
      assert.deepEqual(alone.results.map((r) => r.state), ['APPLIED'])
      assert.equal((await one<{ description: string }>(db, "select description from interface where name = 'ge-0/0/0'")).description, 'first')
    })

    test('reconciler - fingerprints stored before migration 0009 (as jsonb) still make repeats cheap', async () => {
      const dev = deviceRef()
      const entities = [
        { timestamp: ts(), device: device() },
        { timestamp: ts(), interface: { device: dev, name: 'ge-0/0/0', type: '1000base-t' } }
      ]
      await send(db, entities)
      // The store as the previous release left it: the row lists as jsonb, 0009 not applied.
      await db.exec(`alter table entity_fingerprint alter column objects type jsonb using objects::jsonb;
        delete from schema_migrations where version like '0009-%'`)
      assert.deepEqual(await migrate(db), ['0009-entity-fingerprint-text'])
      const repeat = await send(db, entities)
      assert.equal(repeat.noChanges, 2, JSON.stringify(repeat.results))
      // Verified by fingerprint: logged as a bare repeat group, not one full-path log row each.
      assert.equal(await count(db, 'select 1 from ingestion_log_repeat r, unnest(r.entity_indexes) where r.request_id = $1', [repeat.results[0].requestId]), 2)
    })

    test('reconciler - a fingerprint that could not be read is rewritten by the next full pass', async () => {
      const entities = [{ timestamp: ts(), device: device() }]
      await send(db, entities)
      // Unreadable, so the batch takes the entity for new content and inserts its fingerprint:
      // the key is taken, and the insert must fall back to rewriting the stored one.
      await db.query("update entity_fingerprint set objects = '[]'")
      const again = await send(db, entities)
      assert.equal(again.noChanges, 1, JSON.stringify(again.results))
      const { objects } = await one(db, 'select objects from entity_fingerprint')
      assert.match(String(objects), /^\["device",\d+,\d+,/)
      assert.equal((await send(db, entities)).noChanges, 1)
    })

    test('reconciler - an unchanged repeat in a batch keeps batch order against entities that change its object', async () => {
      const as = (serial: string) => [{ timestamp: ts(), device: { ...device(), serial } }]
      await send(db, as('SN-A'))
      const a = () => ({ bytes: encodeIngestRequest(request(as('SN-A'))) })
      const b = () => ({ bytes: encodeIngestRequest(request(as('SN-B'))) })
      const serial = async () => (await one<{ serial: string }>(db, 'select serial from device')).serial
      // The repeat first, then a change: the change wins.
      let s = await applyRequests(db, [a(), b()])
      assert.deepEqual(s.results.map((r) => r.state), ['NO_CHANGES', 'APPLIED'])
      assert.equal(await serial(), 'SN-B')
      await send(db, as('SN-A'))
      // A change, then the repeat: the repeat (the later request) wins, as it does without the
      // shortcut, where the two are one object whose values end as stored: nothing is written,
      // rather than the change and then its undoing.
      const changes = await count(db, "select 1 from object_change where object_type = 'dcim.device'")
      s = await applyRequests(db, [b(), a()])
      assert.deepEqual(s.results.map((r) => r.state), ['NO_CHANGES', 'NO_CHANGES'])
      assert.equal(await serial(), 'SN-A')
      assert.equal(await count(db, "select 1 from object_change where object_type = 'dcim.device'"), changes)
    })

    test('reconciler - the same device name at two sites gives two devices', async () => {
      await send(db, [{ timestamp: ts(), device: device({ site: 'Berlin DC1' }) }, { timestamp: ts(), device: device({ site: 'Paris DC2' }) }])
      await send(db, [{ timestamp: ts(), device: device({ site: 'Paris DC2' }) }])
      const rows = (await db.query<{ site: string }>("select s.name as site from device d join site s on s.id = d.site_id where d.name = 'edge-1' order by s.name")).rows
      assert.deepEqual(rows, [{ site: 'Berlin DC1' }, { site: 'Paris DC2' }])
    })

    test('reconciler - an IP address is matched as an address, not as a string', async () => {
      await send(db, [{ timestamp: ts(), ip_address: { address: '2001:db8::1/64' } }])
      const s = await send(db, [{ timestamp: ts(), ip_address: { address: '2001:0db8:0:0::1/64', dns_name: 'v6.example.net' } }])
      assert.equal(s.applied, 1)
      const rows = (await db.query<{ address: string, dns_name: string }>('select address::text, dns_name from ip_address')).rows
      assert.deepEqual(rows, [{ address: '2001:db8::1/64', dns_name: 'v6.example.net' }])
      // In another VRF the same address is another object.
      await send(db, [{ timestamp: ts(), ip_address: { address: '2001:db8::1/64', vrf: VRF } }])
      assert.equal(await count(db, 'select 1 from ip_address'), 2)
    })

    test('reconciler - a VLAN known only by its id is created as VLAN0nnn and never renamed by a bare reference', async () => {
      const site = { name: 'Berlin DC1' }
      const port = (name: string) => ({ timestamp: ts(), interface: { ...interfaces()[0], name, mode: 'access', untagged_vlan: { vid: 120, site } } })
      const first = await send(db, [port('ge-0/0/5')])
      assert.equal(first.failed, 0, JSON.stringify(first))
      assert.deepEqual((await db.query('select vid, name from vlan')).rows, [{ vid: 120, name: 'VLAN0120' }])
      await send(db, [{ timestamp: ts(), vlan: { vid: 120, name: 'servers', site } }])
      await send(db, [port('ge-0/0/6')])
      assert.deepEqual((await db.query('select vid, name from vlan')).rows, [{ vid: 120, name: 'servers' }])
    })

    test('reconciler - a device matched by asset tag keeps its id when renamed', async () => {
      await send(db, [{ timestamp: ts(), device: device({ name: 'old-name', assetTag: 'AT-0001' }) }])
      const { id } = await one<{ id: number }>(db, 'select id from device')
      await send(db, [{ timestamp: ts(), device: device({ name: 'new-name', assetTag: 'AT-0001' }) }])
      const rows = (await db.query<{ id: number, name: string }>('select id, name from device')).rows
      assert.deepEqual(rows, [{ id, name: 'new-name' }])
    })

    test('reconciler - entities of one batch that turn out to name one new device create it once', async () => {
      // The first names the device by asset tag at one site; the second by name at another site;
      // the third by the same asset tag at the second site: the device moved, and all three are
      // the one device the unique key (site, name) allows there.
      const s = await send(db, [
        { timestamp: ts(), device: device({ name: 'sw1', site: 'Hamburg', assetTag: 'AT-0042' }) },
        { timestamp: ts(), interface: { device: deviceRef('sw1', 'Berlin DC1'), name: 'eth0', type: '1000base-t' } },
        { timestamp: ts(), device: device({ name: 'sw1', site: 'Berlin DC1', assetTag: 'AT-0042', status: 'planned' }) }
      ])
      // The create is the first entity's change; the third's values are part of it.
      assert.deepEqual(s.results.map((r) => r.state), ['APPLIED', 'APPLIED', 'NO_CHANGES'])
      const rows = (await db.query(`select d.name, s.name as site, d.asset_tag, d.status, (select count(*)::int from interface i where i.device_id = d.id) as interfaces
        from device d join site s on s.id = d.site_id`)).rows
      assert.deepEqual(rows, [{ name: 'sw1', site: 'Berlin DC1', asset_tag: 'AT-0042', status: 'planned', interfaces: 1 }])
    })

    test('reconciler - an entity that cannot be applied is FAILED with its index and field; the others apply', async () => {
      const { site: _site, ...noSite } = device({ name: 'orphan' })
      const s = await send(db, [
        { timestamp: ts(), site: { name: 'Good Site' } },
        { timestamp: ts(), device: noSite },
        { timestamp: ts(), interface: { ...interfaces()[0], type: 'not-a-type' } },
        { timestamp: ts(), interface: { device: { name: 'ghost', site: { name: 'Good Site' } }, name: 'eth0' } },
        { timestamp: ts(), circuit: { cid: 'C-1' } },
        ...deviceEntities()
      ])
      const failed = s.results.filter((r) => r.state === 'FAILED').map((r) => ({ index: r.entityIndex, field: r.error?.field }))
      assert.deepEqual(failed, [
        { index: 1, field: 'site' },
        { index: 2, field: 'type' },
        { index: 3, field: 'device.device_type' },
        { index: 4, field: 'circuit' }
      ])
      assert.equal(s.applied, 1 + deviceEntities().length)
      assert.deepEqual(await snapshot(db), { ...COMPLETE, counts: { ...COMPLETE.counts, sites: 2 } })
      const log = await one<{ error: { message: string, entity_index: number, field: string } }>(db,
        'select error from ingestion_log where entity_index = 2')
      assert.equal(log.error.entity_index, 2)
      assert.equal(log.error.field, 'type')
      assert.match(log.error.message, /entity 2 \(interface\): type: "not-a-type" is not a valid Interface.type choice/)
      const circuit = await one<{ error: { message: string } }>(db, 'select error from ingestion_log where entity_index = 4')
      assert.match(circuit.error.message, /type circuit is not reconciled yet/)
      assert.equal(await count(db, "select 1 from device where name in ('orphan', 'ghost')"), 0)
    })

    test('reconciler - an entity whose nested message does not decode is FAILED at that field; the others apply', async () => {
      // Entities are decoded message by message while flattening: a nested message that does not
      // parse fails its entity, named by its path, and nothing else.
      const varint = (v: number): number[] => v < 0x80 ? [v] : [(v & 0x7f) | 0x80, ...varint(v >>> 7)]
      const field = (n: number, body: Uint8Array): Buffer => Buffer.concat([Buffer.from([...varint((n << 3) | 2), ...varint(body.length)]), body])
      const garbage = new Uint8Array([0x0a, 0x05, 0x41]) // field 1 says 5 bytes follow; one does
      const badInterface = Buffer.concat([field(messageType('Interface').fields.device.id, garbage), field(messageType('Interface').fields.name.id, Buffer.from('eth9'))])
      const badEntity = field(ENTITY_FIELD_NUMBER.interface, badInterface)
      const good = encodeIngestRequest(request(deviceEntities(), 'nested-garbage'))
      const bytes = Buffer.concat([good, field(IngestRequestType.fields.entities.id, badEntity)])
      const s = await applyRequests(db, [{ bytes }])
      const bad = deviceEntities().length
      assert.deepEqual(s.results.filter((r) => r.state === 'FAILED').map((r) => [r.entityIndex, r.error?.code, r.error?.field]),
        [[bad, 'ERR_RECONCILER_DECODE', 'device']])
      assert.match(s.results[bad].error!.message, /entity \d+ \(interface\): device: cannot decode Device: /)
      assert.equal(s.applied, bad)
      assert.deepEqual(await snapshot(db), COMPLETE)
    })

    test('reconciler - a value the database refuses fails only its entity, found by applying entities one by one', async () => {
      // vid 5000 passes decoding but not the table's check (1-4094): the batch falls back to one
      // savepoint per entity and only the culprit fails.
      const s = await send(db, [
        { timestamp: ts(), vlan: { vid: 300, name: 'ok-a', site: { name: 'Berlin DC1' } } },
        { timestamp: ts(), vlan: { vid: 5000, name: 'too-big', site: { name: 'Berlin DC1' } } },
        ...deviceEntities()
      ])
      assert.deepEqual(s.results.filter((r) => r.state === 'FAILED').map((r) => r.entityIndex), [1])
      assert.match(s.results[1].error!.message, /entity 1 \(vlan\): .*check constraint/)
      assert.equal(s.applied, 1 + deviceEntities().length)
      assert.deepEqual((await db.query('select vid from vlan order by vid')).rows, [{ vid: 100 }, { vid: 200 }, { vid: 300 }])
      assert.deepEqual(await snapshot(db), { ...COMPLETE, counts: { ...COMPLETE.counts, vlans: 3 } })
      // Objects the failed entity shared with the others (the site) are reported on them.
      assert.deepEqual((await db.query(`select entity_index from ingestion_log_entry
        where change_set @> '{"changes": [{"object_type": "dcim.site", "change_type": "create"}]}'`)).rows, [{ entity_index: 0 }])
    })

    test('reconciler - a fingerprint records the versions its rows have when the batch commits', async () => {
      // Each recorded [table, id, xmin] of the fingerprints the last batch wrote, against the row.
      const exact = async (): Promise<number> => {
        const fps = await db.query<{ objects: string }>('select objects from entity_fingerprint where updated = (select max(updated) from entity_fingerprint)')
        let checked = 0
        for (const { objects } of fps.rows) {
          const flat = JSON.parse(objects) as Array<string | number>
          for (let i = 0; i < flat.length; i += 3) {
            const row = await db.query<{ x: string }>(`select xmin::text as x from ${String(flat[i])} where id = $1`, [flat[i + 1]])
            assert.equal(Number(row.rows[0]?.x), flat[i + 2], `${String(flat[i])} ${flat[i + 1]}`)
            checked++
          }
        }
        return checked
      }
      // Entity by entity (vid 5000 is refused), so each entity's rows are written in a pass of its
      // own, and the primary IP's pass writes the device again.
      await send(db, [
        { timestamp: ts(), vlan: { vid: 300, name: 'ok-a', site: { name: 'Berlin DC1' } } },
        { timestamp: ts(), vlan: { vid: 5000, name: 'too-big', site: { name: 'Berlin DC1' } } },
        ...deviceEntities()
      ])
      assert.ok(await exact() >= 10)
      // One pass creating rows, updating others and setting a primary IP on a device it updates.
      const dev = deviceRef()
      const s = await send(db, [
        { timestamp: ts(), device: { ...device(), serial: 'SN-CHANGED' } },
        { timestamp: ts(), interface: { device: dev, name: 'ge-0/0/9', type: '1000base-t' } },
        { timestamp: ts(), interface: { ...interfaces()[1], description: 'changed' } },
        { timestamp: ts(), ip_address: { address: '198.51.100.9/24', assigned_object_interface: { device: dev, name: 'ge-0/0/9' } } }
      ])
      assert.equal(s.failed, 0)
      assert.ok(await exact() >= 6)
    })

    test('reconciler - a batch applied entity by entity records no repeat that a later entity of it undid', async () => {
      const site = { name: 'Berlin DC1' }
      const users = { timestamp: ts(), vlan: { vid: 100, name: 'users', site } }
      const vlanName = async () => (await one<{ name: string }>(db, 'select name from vlan where vid = 100')).name
      await send(db, [users])
      // The database refuses vid 5000, so the batch is applied entity by entity: the VLAN as it is
      // stored first, then an interface renaming it.
      const s = await send(db, [
        users,
        { timestamp: ts(), interface: { ...interfaces()[0], mode: 'access', untagged_vlan: { vid: 100, name: 'voice', site } } },
        { timestamp: ts(), vlan: { vid: 5000, name: 'too-big', site } }
      ])
      assert.deepEqual(s.results.map((r) => r.state), ['NO_CHANGES', 'APPLIED', 'FAILED'])
      assert.equal(await vlanName(), 'voice')
      // The store no longer holds what the first entity says, so sent again it is applied.
      const again = await send(db, [users])
      assert.deepEqual(again.results.map((r) => r.state), ['APPLIED'])
      assert.equal(await vlanName(), 'users')
    })

    test('reconciler - the last entity of a batch naming an object wins, also when an earlier one named it the same way', async () => {
      const site = { name: 'Berlin DC1' }
      const voice = { vid: 300, name: 'voice', site }
      const port = (name: string) => ({ timestamp: ts(), interface: { ...interfaces()[0], name, mode: 'access', untagged_vlan: voice } })
      // The two ports name the VLAN with identical messages (one shared node); the VLAN entity
      // between them says otherwise, and the second port, later, wins.
      const s = await send(db, [port('ge-0/0/1'), { timestamp: ts(), vlan: { vid: 300, name: 'users', site } }, port('ge-0/0/2')])
      assert.equal(s.failed, 0)
      assert.deepEqual((await db.query('select name from vlan where vid = 300')).rows, [{ name: 'voice' }])
    })

    test('reconciler - an entity names what its own rules find, not what another entity of its batch added', async () => {
      const port = (site: string) => ({ device: { ...deviceRef('tor1', site) }, name: 'eth0', type: '1000base-t' })
      // tor1 at Hamburg, known by its primary IP; another tor1, without a tenant, at Berlin.
      await send(db, [
        { timestamp: ts(), device: device({ name: 'tor1', site: 'Hamburg', primary: '10.9.0.1/24' }) },
        { timestamp: ts(), ip_address: { address: '10.9.0.1/24', assigned_object_interface: port('Hamburg') } }
      ])
      await send(db, [{ timestamp: ts(), interface: port('Berlin') }])
      // The Hamburg tor1 (found by its primary IP) moves to Berlin with a tenant, and an address
      // names a port of "tor1 at Berlin". Without a tenant, that is the Berlin tor1 without one,
      // before the move as after it: the batch must not give the address to the device that moved.
      const address = { timestamp: ts(), ip_address: { address: '10.9.1.1/24', assigned_object_interface: port('Berlin') } }
      const s = await send(db, [{ timestamp: ts(), device: { ...device({ name: 'tor1', site: 'Berlin', primary: '10.9.0.1/24' }), tenant: { name: 'ACME' } } }, address])
      assert.deepEqual(s.results.map((r) => r.state), ['APPLIED', 'APPLIED'])
      const owners = async () => (await db.query<{ site: string, tenant: string | null, addresses: string | null }>(`select s.name as site, t.name as tenant,
          string_agg(host(ip.address), ',' order by ip.address) as addresses
        from device d join site s on s.id = d.site_id left join tenant t on t.id = d.tenant_id
          left join interface i on i.device_id = d.id left join ip_address ip on ip.interface_id = i.id
        group by d.id, s.name, t.name order by d.id`)).rows
      const expected = [{ site: 'Berlin', tenant: 'ACME', addresses: '10.9.0.1' }, { site: 'Berlin', tenant: null, addresses: '10.9.1.1' }]
      assert.deepEqual(await owners(), expected)
      // Sent alone it names the same port: nothing to do.
      const again = await send(db, [address])
      assert.deepEqual(again.results.map((r) => r.state), ['NO_CHANGES'])
      assert.deepEqual(await owners(), expected)
    })

    test('reconciler - a device named by site and name alone is the one without a tenant, whichever tenant\'s device its batch names', async () => {
      const port = (description: string): EntityObject => ({ timestamp: ts(), interface: { device: deviceRef('leaf1'), name: 'xe-0', type: '10gbase-x-sfpp', description } })
      const blue = (name: string, serial?: string): EntityObject => ({ timestamp: ts(), device: { ...deviceRef(name), tenant: { name: 'Blue' }, asset_tag: 'AT-BLUE', ...(serial ? { serial } : {}) } })
      await send(db, [{ timestamp: ts(), device: deviceRef('leaf1') }, port('uplink')])
      await send(db, [blue('leaf1-blue')])
      // The Blue tenant's device, found by its asset tag, is renamed leaf1 and takes a serial; in
      // the same batch a port of "leaf1" (no tenant) changes its description: that port is the
      // tenant-less leaf1's, before the rename as after it.
      const s = await send(db, [blue('leaf1', 'SN-BLUE'), port('spine uplink')])
      assert.deepEqual(s.results.map((r) => r.state), ['APPLIED', 'APPLIED'])
      const rows = (await db.query<{ tenant: string | null, serial: string, ports: string | null }>(`select t.name as tenant, d.serial,
          string_agg(i.name || ' ' || i.description, ',') as ports
        from device d left join tenant t on t.id = d.tenant_id left join interface i on i.device_id = d.id
        group by d.id, t.name order by d.id`)).rows
      assert.deepEqual(rows, [{ tenant: null, serial: '', ports: 'xe-0 spine uplink' }, { tenant: 'Blue', serial: 'SN-BLUE', ports: null }])
      assert.deepEqual((await send(db, [port('spine uplink')])).results.map((r) => r.state), ['NO_CHANGES'])
    })

    test('reconciler - a VRF named with an rd adopts one of its name without an rd, never one with another rd', async () => {
      const prefix = (net: string, vrf: EntityObject): EntityObject => ({ timestamp: ts(), prefix: { prefix: net, vrf } })
      const vrfs = async () => (await db.query<{ name: string, rd: string | null, prefixes: string }>(`select v.name, v.rd,
          string_agg(p.prefix::text, ',' order by p.prefix) as prefixes from vrf v left join prefix p on p.vrf_id = v.id group by v.id order by v.id`)).rows
      const changes = async () => count(db, 'select 1 from object_change')
      // First seen without an rd, then with one: the same VRF, given its rd.
      await send(db, [prefix('10.0.0.0/24', { name: 'blue' })])
      await send(db, [prefix('10.0.1.0/24', { name: 'blue', rd: '10.0.0.1:7' })])
      // A second PE's "blue" has an rd of its own: another VRF, not the first one's rd rewritten.
      const pe2 = await send(db, [prefix('10.0.2.0/24', { name: 'blue', rd: '10.0.0.2:7' })])
      assert.deepEqual(pe2.results.map((r) => r.state), ['APPLIED'])
      const expected = [
        { name: 'blue', rd: '10.0.0.1:7', prefixes: '10.0.0.0/24,10.0.1.0/24' },
        { name: 'blue', rd: '10.0.0.2:7', prefixes: '10.0.2.0/24' }
      ]
      assert.deepEqual(await vrfs(), expected)
      // Polled in turn, in one batch or in two, nothing changes any more.
      const before = await changes()
      for (const batch of [[prefix('10.0.1.0/24', { name: 'blue', rd: '10.0.0.1:7' })], [prefix('10.0.2.0/24', { name: 'blue', rd: '10.0.0.2:7' })],
        [prefix('10.0.2.0/24', { name: 'blue', rd: '10.0.0.2:7' }), prefix('10.0.1.0/24', { name: 'blue', rd: '10.0.0.1:7' })]]) {
        assert.ok((await send(db, batch)).results.every((r) => r.state === 'NO_CHANGES'))
      }
      assert.equal(await changes(), before)
      // By name alone, the first of them (none is without an rd).
      await send(db, [prefix('10.0.3.0/24', { name: 'blue' })])
      expected[0].prefixes += ',10.0.3.0/24'
      assert.deepEqual(await vrfs(), expected)
      // Two PEs' "red", new, in one batch: two VRFs.
      await send(db, [prefix('10.1.1.0/24', { name: 'red', rd: '10.0.0.1:8' }), prefix('10.1.2.0/24', { name: 'red', rd: '10.0.0.2:8' })])
      assert.deepEqual((await vrfs()).slice(2), [{ name: 'red', rd: '10.0.0.1:8', prefixes: '10.1.1.0/24' }, { name: 'red', rd: '10.0.0.2:8', prefixes: '10.1.2.0/24' }])
    })

    test('reconciler - a device named with a tenant adopts one of its name and site without a tenant, never another tenant\'s', async () => {
      const dev = (name: string, tenant?: string): EntityObject => ({ timestamp: ts(), device: tenant === undefined ? deviceRef(name) : { ...deviceRef(name), tenant: { name: tenant } } })
      const devices = async (name: string) => (await db.query<{ tenant: string | null, ports: string | null }>(`select t.name as tenant, string_agg(i.name, ',') as ports
        from device d left join tenant t on t.id = d.tenant_id left join interface i on i.device_id = d.id where d.name = $1 group by d.id, t.name order by d.id`, [name])).rows
      // Without a tenant first, then with one: the same device, given its tenant.
      await send(db, [dev('leaf2')])
      await send(db, [dev('leaf2', 'Blue')])
      // Another tenant's leaf2 at the same site is another device.
      assert.deepEqual((await send(db, [dev('leaf2', 'Red')])).results.map((r) => r.state), ['APPLIED'])
      assert.deepEqual(await devices('leaf2'), [{ tenant: 'Blue', ports: null }, { tenant: 'Red', ports: null }])
      assert.ok((await send(db, [dev('leaf2', 'Blue'), dev('leaf2', 'Red')])).results.every((r) => r.state === 'NO_CHANGES'))
      // New in one batch: two tenants' devices, and a port of "leaf3" (no tenant) on the first.
      const port = { timestamp: ts(), interface: { device: deviceRef('leaf3'), name: 'xe-0', type: '10gbase-x-sfpp' } }
      await send(db, [dev('leaf3', 'Blue'), dev('leaf3', 'Red'), port])
      assert.deepEqual(await devices('leaf3'), [{ tenant: 'Blue', ports: 'xe-0' }, { tenant: 'Red', ports: null }])
      assert.deepEqual((await send(db, [port])).results.map((r) => r.state), ['NO_CHANGES'])
    })

    test('reconciler - a platform or a MAC first seen without its manufacturer or interface is adopted when it is named with one', async () => {
      const withPlatform = (name: string, platform: EntityObject): EntityObject => ({ timestamp: ts(), device: { ...deviceRef(name), platform } })
      await send(db, [withPlatform('r1', { name: 'junos' })])
      await send(db, [withPlatform('r2', { name: 'junos', manufacturer: { name: 'Juniper' } })])
      // Another manufacturer's platform of that name is another platform.
      await send(db, [withPlatform('r3', { name: 'junos', manufacturer: { name: 'Acme' } })])
      const platforms = (await db.query(`select p.name, m.name as manufacturer, string_agg(d.name, ',' order by d.name) as devices
        from platform p left join manufacturer m on m.id = p.manufacturer_id left join device d on d.platform_id = p.id group by p.id, m.name order by p.id`)).rows
      assert.deepEqual(platforms, [{ name: 'junos', manufacturer: 'Juniper', devices: 'r1,r2' }, { name: 'junos', manufacturer: 'Acme', devices: 'r3' }])

      const port = (name: string): EntityObject => ({ device: deviceRef('r1'), name, type: '1000base-t' })
      const mac = (iface?: string): EntityObject => ({ timestamp: ts(), mac_address: iface === undefined ? { mac_address: '02:00:00:00:00:01' } : { mac_address: '02:00:00:00:00:01', assigned_object_interface: port(iface) } })
      await send(db, [mac()])
      await send(db, [mac('ge-0/0/0')])
      // On a second interface: a second MAC object (subinterfaces share their parent's MAC).
      await send(db, [mac('ge-0/0/0.100')])
      const macs = (await db.query(`select m.mac_address::text as mac, i.name as interface from mac_address m left join interface i on i.id = m.interface_id order by m.id`)).rows
      assert.deepEqual(macs, [{ mac: '02:00:00:00:00:01', interface: 'ge-0/0/0' }, { mac: '02:00:00:00:00:01', interface: 'ge-0/0/0.100' }])
      // Each named again, and unassigned (any of them, the first): nothing changes.
      assert.ok((await send(db, [mac('ge-0/0/0'), mac('ge-0/0/0.100'), mac(), withPlatform('r1', { name: 'junos' })])).results.every((r) => r.state === 'NO_CHANGES'))
    })

    test('reconciler - a repeat is trusted only when it looks its object up by the same key, optional parts included', async () => {
      const port = (name: string): EntityObject => ({ device: deviceRef('r1'), name, type: '1000base-t' })
      const arp: EntityObject = { timestamp: ts(), mac_address: { mac_address: '02:00:00:00:00:09', description: 'arp' } }
      await send(db, [{ timestamp: ts(), mac_address: { mac_address: '02:00:00:00:00:09', assigned_object_interface: port('ge-0/0/1') } }])
      // In one batch, the unassigned mention joins the one on ge-0/0/2: one new MAC, on ge-0/0/2.
      await send(db, [arp, { timestamp: ts(), mac_address: { mac_address: '02:00:00:00:00:09', assigned_object_interface: port('ge-0/0/2') } }])
      // Sent alone, it is any MAC of that address, the first: the one on ge-0/0/1, which it
      // changes, though the batch before it wrote it on ge-0/0/2's.
      const again = await send(db, [arp])
      assert.deepEqual(again.results.map((r) => r.state), ['APPLIED'])
      const macs = (await db.query('select i.name as interface, m.description from mac_address m join interface i on i.id = m.interface_id order by m.id')).rows
      assert.deepEqual(macs, [{ interface: 'ge-0/0/1', description: 'arp' }, { interface: 'ge-0/0/2', description: 'arp' }])
    })

    test('reconciler - a delete by hand never leaves two rows on one unique key', async () => {
      const port = (name: string): EntityObject => ({ device: { ...deviceRef('r1'), tenant: { name: 'Blue' } }, name, type: '1000base-t' })
      await send(db, [
        { timestamp: ts(), mac_address: { mac_address: '02:00:00:00:00:0a', assigned_object_interface: port('ge-0/0/1') } },
        { timestamp: ts(), mac_address: { mac_address: '02:00:00:00:00:0a', assigned_object_interface: port('ge-0/0/2') } },
        { timestamp: ts(), prefix: { prefix: '10.9.0.0/24', vrf: { name: 'blue' } } }
      ])
      // A MAC goes with its interface (NetBox's GenericRelation). Left behind unassigned, the
      // second delete made a second unassigned 02:00:00:00:00:0a, which the unique key refused.
      await db.exec("delete from interface where name = 'ge-0/0/1'")
      await db.exec("delete from interface where name = 'ge-0/0/2'")
      assert.equal(await count(db, 'select 1 from mac_address'), 0)
      // A device's tenant and a prefix's VRF are protected, as in NetBox.
      await assert.rejects(db.exec("delete from tenant where name = 'Blue'"), /device_tenant_id_fkey/)
      await assert.rejects(db.exec("delete from vrf where name = 'blue'"), /prefix_vrf_id_fkey/)
    })

    test('reconciler - two devices of a batch naming one primary IP that no device holds stay two devices', async () => {
      // The address exists nowhere yet: the rule finding a device by its primary IP finds none,
      // and one after the other these are two devices, each asking for a primary it cannot have.
      const s = await send(db, [
        { timestamp: ts(), device: device({ name: 'sw1', site: 'Berlin', primary: '192.0.2.9/24' }) },
        { timestamp: ts(), device: { ...device({ name: 'sw2', site: 'Hamburg', primary: '192.0.2.9/24' }), status: 'planned' } }
      ])
      assert.deepEqual(s.results.map((r) => r.state), ['APPLIED', 'APPLIED'])
      const rows = (await db.query('select d.name, s.name as site, d.status, d.primary_ip4_id from device d join site s on s.id = d.site_id order by d.name')).rows
      assert.deepEqual(rows, [{ name: 'sw1', site: 'Berlin', status: 'active', primary_ip4_id: null }, { name: 'sw2', site: 'Hamburg', status: 'planned', primary_ip4_id: null }])
    })

    test('reconciler - every reconciled type is created from one entity, with its deferred references, and a repeat changes nothing', async () => {
      const fixtures = everyType()
      const entities = [...RECONCILED_TYPES].map((t) => ({ timestamp: ts(), [t]: fixtures[t] }))
      assert.ok(entities.every((e, i) => e[[...RECONCILED_TYPES][i]] !== undefined), 'a reconciled type has no fixture')
      const first = await send(db, entities)
      assert.deepEqual(first.results.filter((r) => r.state !== 'APPLIED').map((r) => r.error?.message), [])
      const again = await send(db, entities)
      assert.equal(again.noChanges, entities.length, JSON.stringify(again.results.filter((r) => r.state !== 'NO_CHANGES')))
      const r = await one(db, `select (select p.name from region r join region p on p.id = r.parent_id where r.name = 'Europe') as region_parent,
          (select l.name from interface i join interface l on l.id = i.lag_id where i.name = 'et-0/0/0') as lag,
          (select m.mac_address::text from interface i join mac_address m on m.id = i.primary_mac_address_id where i.name = 'ae0') as primary_mac,
          (select d.name from virtual_chassis v join device d on d.id = v.master_id) as vc_master,
          (select s.name from prefix p join site s on s.id = p.site_id) as prefix_site,
          (select count(*)::int from vrf_export_target) as export_targets,
          (select host(n.address) from ip_address i join ip_address n on n.id = i.nat_inside_id) as nat_inside,
          (select custom_fields ->> 'rack_count' from site) as rack_count,
          (select vid_ranges::text from vlan_group) as vid_ranges,
          (select component_type from inventory_item where name = 'PSU 0') as component`)
      assert.deepEqual(r, { region_parent: 'World', lag: 'ae0', primary_mac: '00:aa:bb:cc:dd:ee', vc_master: 'edge-1', prefix_site: 'Berlin DC1',
        export_targets: 1, nat_inside: '10.0.0.10', rack_count: '12', vid_ranges: '{"[1,101)"}', component: 'dcim.interface' })
    })

    test('reconciler - a primary IP moved to another device becomes that device\'s primary and leaves the old one', async () => {
      const a = deviceRef('sw-a')
      const b = { ...deviceRef('sw-b'), asset_tag: 'AT-B' }
      const on = (dev: EntityObject) => ({ timestamp: ts(), ip_address: { address: '198.51.100.7/24', assigned_object_interface: { device: dev, name: 'mgmt0', type: 'virtual' } } })
      await send(db, [on(a), { timestamp: ts(), device: { ...a, primary_ip4: { address: '198.51.100.7/24' } } }, { timestamp: ts(), device: b }])
      // The address moves to sw-b (matched by its asset tag before the primary-IP rule), which claims it.
      const s = await send(db, [on(b), { timestamp: ts(), device: { ...b, primary_ip4: { address: '198.51.100.7/24' } } }])
      assert.equal(s.failed, 0, JSON.stringify(s.results))
      const rows = (await db.query<{ name: string, primary: string | null }>(
        'select d.name, host(ip.address) as primary from device d left join ip_address ip on ip.id = d.primary_ip4_id order by d.name')).rows
      assert.deepEqual(rows, [{ name: 'sw-a', primary: null }, { name: 'sw-b', primary: '198.51.100.7' }])
    })

    test('reconciler - NUL characters from a producer fail their entity and are still logged', async () => {
      const r = request([{ timestamp: ts(), site: { name: 'bad\u0000name' } }, { timestamp: ts(), site: { name: 'good' } }])
      r.producer_app_name = 'agent\u0000x'
      const s = await applyRequests(db, [{ bytes: encodeIngestRequest(r) }])
      assert.deepEqual(s.results.map((x) => [x.state, x.error?.field]), [['FAILED', 'name'], ['APPLIED', undefined]])
      // The entity is decoded from the stored request on read, cleaned as the rest of the log.
      const logs = (await selectIngestionLogs(db, {}, { limit: 10 })).sort((a, b) => a.entity_index - b.entity_index)
        .map((l) => ({ producer_app_name: l.producer_app_name, name: (l.entity as { site: { name: string } }).site.name }))
      assert.deepEqual(logs, [{ producer_app_name: 'agent\ufffdx', name: 'bad\ufffdname' }, { producer_app_name: 'agent\ufffdx', name: 'good' }])
    })

    test('reconciler - a create record reads back as the whole new row, also when stored compactly', async () => {
      // Addresses with and without an interface differ in their generated columns too.
      const loose = [{ address: '198.51.100.7/32' }, { address: '198.51.100.8/32', dns_name: 'loose.example' }]
      await send(db, [...deviceEntities(), ...loose.map((a) => ({ timestamp: ts(), ip_address: a }))])
      const fixtures = everyType()
      await send(db, [...RECONCILED_TYPES].map((t) => ({ timestamp: ts(), [t]: fixtures[t] })))
      // Objects written again after their creation (a deferred reference, a cable's terminations)
      // no longer look as they were created; everything else must read back exactly as it is stored.
      const created = (await db.query<{ object_type: string, object_id: string, post: Record<string, unknown>, compact: boolean }>(
        `select e.object_type, e.object_id::text, e.postchange_data as post, c.postchange_base is not null as compact
         from object_change_entry e join object_change c on c.id = e.id
         where e.action = 'create' and not exists (select 1 from object_change u
           where u.object_type = e.object_type and u.object_id = e.object_id and u.action <> 'create')`)).rows
      let compared = 0
      for (const spec of MODELS) {
        const mine = created.filter((r) => r.object_type === spec.objectType)
        if (mine.length === 0 || spec.ends !== undefined) continue
        const stored = await db.query<{ id: string, row: Record<string, unknown> }>(
          `select id::text, to_jsonb(t) as row from ${spec.table} t where id = any($1::int8[])`, [mine.map((r) => r.object_id)])
        const rowOf = new Map(stored.rows.map((r) => [r.id, r.row]))
        for (const r of mine) {
          assert.deepEqual(r.post, rowOf.get(r.object_id), `${spec.objectType} ${r.object_id}${r.compact ? ' (compact)' : ''}`)
          compared++
        }
      }
      const addresses = created.filter((r) => r.object_type === 'ipam.ipaddress')
      assert.ok(addresses.some((r) => r.compact && r.post.assigned_object_type === null), 'a compact address without an interface')
      assert.ok(addresses.some((r) => r.compact && r.post.assigned_object_type === 'dcim.interface'), 'a compact address on an interface')
      assert.ok(created.filter((r) => r.compact).length >= 10 && compared >= 30, `${compared} compared`)
    })

    test('reconciler - the models list every generated column of their tables', async () => {
      for (const spec of MODELS) {
        const r = await db.query<{ name: string }>(
          "select attname as name from pg_attribute where attrelid = $1::regclass and attgenerated <> '' order by attnum", [spec.table])
        assert.deepEqual(r.rows.map((x) => x.name), spec.generated ?? [], spec.table)
      }
    })

    test('reconciler - unsent choice defaults apply on create and slugs come from names', async () => {
      await send(db, [{ timestamp: ts(), site: { name: 'München Nord / 2' } }])
      assert.deepEqual(await one(db, 'select slug, status from site'), { slug: 'munchen-nord-2', status: 'active' })
    })
  })
}

