import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  device, site, ipAddress, prefix, macAddress, deviceType, moduleType, iface, vlan, cable, tag, entity, message,
  normalizeEntity, SdkError, ERR_SDK_INVALID_ENTITY
} from '../../sdk/index.ts'
import { EntityType, fromStruct } from '../../proto/index.ts'

function member (e: object, name: string): Record<string, unknown> {
  return (e as Record<string, Record<string, unknown>>)[name]
}

test('sdk builders - strings become the identifying field of the nested message', () => {
  const d = member(device({ name: 'r1', site: 'dc1', role: 'core', device_type: 'C9300', platform: 'ios-xe', tenant: 'acme', primary_ip4: '192.0.2.1/24' }), 'device')
  assert.deepEqual(d.site, { name: 'dc1' })
  assert.deepEqual(d.role, { name: 'core' })
  assert.deepEqual(d.device_type, { model: 'C9300' })
  assert.deepEqual(d.primary_ip4, { address: '192.0.2.1/24' })
  assert.deepEqual(member(iface({ name: 'eth0', device: 'r1', primary_mac_address: '00:11:22:33:44:55' }), 'interface').primary_mac_address, { mac_address: '00:11:22:33:44:55' })
  assert.deepEqual(member(ipAddress('10.0.0.1/8'), 'ip_address'), { address: '10.0.0.1/8' })
  assert.deepEqual(member(prefix('10.0.0.0/8'), 'prefix'), { prefix: '10.0.0.0/8' })
  assert.deepEqual(member(macAddress('aa:bb:cc:dd:ee:ff'), 'mac_address'), { mac_address: 'aa:bb:cc:dd:ee:ff' })
  assert.deepEqual(member(deviceType('C9300'), 'device_type'), { model: 'C9300' })
  assert.deepEqual(member(moduleType('NM-8X'), 'module_type'), { model: 'NM-8X' })
  assert.deepEqual(member(site('dc1'), 'site'), { name: 'dc1' })
  assert.deepEqual(member(vlan({ vid: 10, name: 'users', site: 'dc1' }), 'vlan'), { vid: 10, name: 'users', site: { name: 'dc1' } })
})

test('sdk builders - an array of strings becomes tags, metadata and custom fields take plain values', () => {
  const d = member(device({ name: 'r1', tags: ['discovered', 'snmp'], metadata: { run: 3, source: 'agent' }, custom_fields: { rack_u: 12, note: 'x', ok: true, ratio: 0.5 } }), 'device')
  assert.deepEqual(d.tags, [{ name: 'discovered' }, { name: 'snmp' }])
  assert.deepEqual(fromStruct(d.metadata as never), { run: 3, source: 'agent' })
  assert.deepEqual(d.custom_fields, { rack_u: { integer: 12 }, note: { text: 'x' }, ok: { boolean: true }, ratio: { decimal: 0.5 } })
  assert.deepEqual(member(tag('core'), 'tag'), { name: 'core' })
})

test('sdk builders - the Device manufacturer shortcut fills device_type and platform when unset', () => {
  const d = member(device({ name: 'r1', device_type: 'C9300', platform: 'ios-xe', manufacturer: 'Cisco' }), 'device')
  assert.deepEqual(d.device_type, { model: 'C9300', manufacturer: { name: 'Cisco' } })
  assert.deepEqual(d.platform, { name: 'ios-xe', manufacturer: { name: 'Cisco' } })
  assert.equal('manufacturer' in d, false)
  const kept = member(device({ device_type: { model: 'X', manufacturer: 'Arista' }, manufacturer: 'Cisco' }), 'device')
  assert.deepEqual(kept.device_type, { model: 'X', manufacturer: { name: 'Arista' } })
  assert.equal('platform' in kept, false)
})

test('sdk builders - a missing timestamp is now, a given one is kept', () => {
  const before = Math.floor(Date.now() / 1000)
  const ts = (site('dc1') as { timestamp: { seconds: number } }).timestamp
  assert.ok(ts.seconds >= before && ts.seconds <= Math.ceil(Date.now() / 1000))
  assert.deepEqual((site('dc1', { timestamp: new Date('2026-01-01T00:00:00.250Z') }) as { timestamp: unknown }).timestamp, { seconds: 1767225600, nanos: 250_000_000 })
  assert.deepEqual((site('dc1', { timestamp: '2026-01-01T00:00:00.000000007Z' }) as { timestamp: unknown }).timestamp, { seconds: 1767225600, nanos: 7 })
})

test('sdk builders - wrong shapes and unknown fields are rejected at build time naming the field', () => {
  const cases: Array<[() => unknown, string, RegExp]> = [
    [() => device({ site: 5 as never }), 'Device.site', /^Device\.site: expected string or Site object, got number$/],
    [() => device({ name: 'r1', sitee: 'dc1' } as never), 'Device.sitee', /unknown field of Device/],
    [() => device({ tags: 'core' as never }), 'Device.tags', /expected an array, got string/],
    [() => device({ tags: ['a', 3 as never] }), 'Device.tags[1]', /expected string or Tag object, got number/],
    [() => device({ vc_position: 1.5 }), 'Device.vc_position', /expected integer \(int64\), got 1\.5/],
    [() => device({ name: 42 as never }), 'Device.name', /expected string, got number/],
    [() => device({ device_type: { manufacturer: [] as never } }), 'Device.device_type.manufacturer', /expected string or Manufacturer object, got array/],
    [() => cable('c1'), 'Cable', /Cable has no shorthand/],
    [() => ipAddress({ address: '1.1.1.1/32', assigned_object_interface: 'eth0', assigned_object_vm_interface: 'eth1' }), 'IPAddress.assigned_object_vm_interface', /only one of/],
    [() => entity('no_such_member', {}), 'no_such_member', /does not exist in diode\.v1\.Entity/],
    [() => device({ name: 'r1', status: 'actve' }), 'Device.status', /^Device\.status: "actve" is not an allowed value \(active, decommissioning, failed, inventory, offline, planned, staged\)$/],
    [() => iface({ name: 'e0', type: '1000baset' }), 'Interface.type', /"1000baset" is not an allowed value \(.*\d+ in all\)/]
  ]
  for (const [fn, field, message] of cases) {
    assert.throws(fn, (err: unknown) => {
      assert.ok(err instanceof SdkError, `not an SdkError: ${String(err)}`)
      assert.equal(err.code, ERR_SDK_INVALID_ENTITY)
      assert.equal((err as SdkError & { field?: string }).field, field)
      assert.match(err.message, message)
      return true
    })
  }
})

test('sdk builders - hand-written protobuf-shaped entities normalize unchanged and encode', () => {
  const hand = { timestamp: { seconds: 1, nanos: 2 }, device: { name: 'r1', site: { name: 'dc1' }, tags: [{ name: 't' }], metadata: { fields: { a: { stringValue: 'b' } } } } }
  const normalized = normalizeEntity(hand)
  assert.deepEqual(normalized, hand)
  assert.ok(EntityType.encode(EntityType.fromObject(normalized)).finish().length > 10)
  assert.throws(() => normalizeEntity({ timestamp: { seconds: 1 } }), /no entity member set/)
  assert.throws(() => normalizeEntity({ device: {}, site: {} }, 'entities[4]'), /entities\[4\]: only one entity member may be set, got device, site/)
  assert.deepEqual(message('IPAddress', '192.0.2.1/24'), { address: '192.0.2.1/24' })
  // Objects from protobufjs toObject({ oneofs: true }) carry virtual oneof keys: accepted, dropped.
  const decoded = EntityType.toObject(EntityType.decode(EntityType.encode(EntityType.fromObject(hand)).finish()), { oneofs: true, longs: Number })
  assert.equal(decoded.entity, 'device')
  const bytes = (e: object): Buffer => Buffer.from(EntityType.encode(EntityType.fromObject(e)).finish())
  assert.deepEqual(bytes(normalizeEntity(decoded)), bytes(hand))
  // Choice values are the server's business on this path: it reports them per entity.
  assert.equal(normalizeEntity({ device: { status: 'actve' } }).device?.status, 'actve')
  assert.equal(member(device({ status: 'active' }), 'device').status, 'active')
})
