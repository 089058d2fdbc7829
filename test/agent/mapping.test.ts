import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toEntities, DEFAULT_SITE, DEFAULT_ROLE } from '../../agent/index.ts'
import type { DiscoveredDevice } from '../../agent/index.ts'
import { emptyDevice } from '../../agent/model.ts'
import { toProtoJson } from '../../proto/index.ts'

const now = new Date('2026-01-02T03:04:05.000Z')
const timestamp = { seconds: 1767323045, nanos: 0 }

function switchDevice (): DiscoveredDevice {
  return {
    ...emptyDevice('snmp', '10.0.0.1'),
    hostname: 'sw1',
    model: 'WS-C2960X-48TS-L',
    serial: 'FOC123',
    sysObjectId: '1.3.6.1.4.1.9.1.1208',
    platform: 'Cisco IOS 15.2(4)E10',
    description: 'Cisco IOS Software,\r\n C2960X',
    interfaces: [
      { name: 'Gi1/0/1', type: '1000base-t', enabled: true, mtu: 1500, speedKbps: 1_000_000, duplex: 'full', mac: '00:1c:73:aa:bb:01', description: 'uplink', mode: 'tagged', untaggedVlan: 1, taggedVlans: [10, 20], lag: 'Po1' },
      { name: 'Po1', type: 'lag', enabled: true },
      { name: 'Vlan10', type: 'weird-type', enabled: false },
      { name: 'Gi1/0/1.100', type: 'virtual', parent: 'Gi1/0/1', vrf: 'mgmt' }
    ],
    addresses: [
      { address: '10.0.0.1/24', interface: 'Vlan10' },
      { address: '10.0.0.1/24', interface: 'Vlan10' },
      { address: '192.0.2.1/32', interface: 'Gi1/0/1.100', vrf: 'mgmt', role: 'loopback' },
      { address: '2001:db8::1/64', interface: 'Vlan10', status: 'deprecated' },
      { address: 'fe80::1/64', interface: 'Vlan10' }
    ],
    vlans: [{ vid: 1, name: 'default' }, { vid: 10, name: 'users', status: 'active' }],
    vrfs: [{ name: 'mgmt', rd: '65000:1' }],
    inventory: [
      { name: 'Switch 1 - Power Supply A', kind: 'item', partId: 'PWR-C2-250WAC', serial: 'LIT1', manufacturer: 'ciscoSystems', description: 'PSU' },
      { name: 'module 1', kind: 'module', parent: 'Slot 1', partId: 'C2960X-STACK', serial: 'FOC9', description: 'Stack module' }
    ]
  }
}

test('mapping - a full device maps to the exact entities in dependency order', () => {
  const defaults = { site: 'DC1', role: 'access', tenant: 'netops', location: 'Row A', tags: ['discovered'], comments: 'from agent', custom_fields: { rack_u: 12, managed: true, owner: 'noc' } }
  const entities = toEntities(switchDevice(), defaults, { now, vendors: { ciscoSystems: 'Cisco' } })
  const dev = { name: 'sw1', site: { name: 'DC1' } }
  const vlan = (vid: number, name?: string): Record<string, unknown> => (name === undefined ? { vid, site: { name: 'DC1' } } : { vid, name, site: { name: 'DC1' } })
  const mgmt = { name: 'mgmt', rd: '65000:1' }
  assert.deepEqual(entities, [
    {
      timestamp,
      device: {
        name: 'sw1',
        device_type: { model: 'WS-C2960X-48TS-L', manufacturer: { name: 'Cisco' } },
        role: { name: 'access' },
        site: { name: 'DC1' },
        platform: { name: 'Cisco IOS 15.2(4)E10', manufacturer: { name: 'Cisco' } },
        serial: 'FOC123',
        status: 'active',
        tenant: { name: 'netops' },
        location: { name: 'Row A', site: { name: 'DC1' } },
        description: 'Cisco IOS Software, C2960X',
        comments: 'from agent',
        tags: [{ name: 'discovered' }],
        custom_fields: { rack_u: { integer: 12 }, managed: { boolean: true }, owner: { text: 'noc' } },
        primary_ip4: { address: '10.0.0.1/24' }
      }
    },
    { timestamp, vlan: { vid: 1, name: 'default', site: { name: 'DC1' } } },
    { timestamp, vlan: { vid: 10, name: 'users', site: { name: 'DC1' }, status: 'active' } },
    { timestamp, vrf: { name: 'mgmt', rd: '65000:1' } },
    { timestamp, interface: { device: dev, name: 'Po1', type: 'lag', enabled: true } },
    { timestamp, interface: { device: dev, name: 'Vlan10', type: 'other', enabled: false } },
    {
      timestamp,
      interface: {
        device: dev, name: 'Gi1/0/1', type: '1000base-t', enabled: true, mtu: 1500, speed: 1_000_000, duplex: 'full',
        mac_address: '00:1C:73:AA:BB:01', description: 'uplink', mode: 'tagged', untagged_vlan: vlan(1, 'default'),
        tagged_vlans: [vlan(10, 'users'), vlan(20)], lag: { name: 'Po1', device: dev }
      }
    },
    { timestamp, interface: { device: dev, name: 'Gi1/0/1.100', type: 'virtual', parent: { name: 'Gi1/0/1', device: dev }, vrf: mgmt } },
    { timestamp, ip_address: { address: '10.0.0.1/24', status: 'active', assigned_object_interface: { name: 'Vlan10', device: dev } } },
    { timestamp, ip_address: { address: '192.0.2.1/32', status: 'active', role: 'loopback', vrf: mgmt, assigned_object_interface: { name: 'Gi1/0/1.100', device: dev } } },
    { timestamp, ip_address: { address: '2001:db8::1/64', status: 'deprecated', assigned_object_interface: { name: 'Vlan10', device: dev } } },
    { timestamp, ip_address: { address: 'fe80::1/64', status: 'active', assigned_object_interface: { name: 'Vlan10', device: dev } } },
    { timestamp, prefix: { prefix: '10.0.0.0/24', scope_site: { name: 'DC1' } } },
    { timestamp, prefix: { prefix: '2001:db8::/64', scope_site: { name: 'DC1' } } },
    { timestamp, module_bay: { device: dev, name: 'Slot 1' } },
    {
      timestamp,
      module: {
        device: dev, module_bay: { device: dev, name: 'Slot 1' }, module_type: { model: 'C2960X-STACK', manufacturer: { name: 'Cisco' } },
        status: 'active', serial: 'FOC9', description: 'Stack module'
      }
    },
    {
      timestamp,
      inventory_item: {
        device: dev, name: 'Switch 1 - Power Supply A', part_id: 'PWR-C2-250WAC', serial: 'LIT1', manufacturer: { name: 'Cisco' },
        description: 'PSU', discovered: true
      }
    }
  ])
})

test('mapping - a device with nothing to say gets documented fallbacks, not "undefined"', () => {
  const entities = toEntities(emptyDevice('snmp', '192.0.2.9'), undefined, { now })
  assert.deepEqual(entities, [{
    timestamp,
    device: {
      name: '192.0.2.9',
      device_type: { model: 'Unknown', manufacturer: { name: 'Unknown' } },
      role: { name: DEFAULT_ROLE },
      site: { name: DEFAULT_SITE },
      status: 'active'
    }
  }])
})

test('mapping - manufacturer comes from the enterprise number, overridable by config', () => {
  const d = { ...emptyDevice('snmp', 'h'), hostname: ' ', sysObjectId: '.1.3.6.1.4.1.30065.1.3011', osFamily: 'eos', osVersion: '4.28.3M' }
  const [first] = toEntities(d, { site: 'S', platform: undefined }, { now })
  assert.deepEqual(first.device?.device_type, { model: '.1.3.6.1.4.1.30065.1.3011', manufacturer: { name: 'Arista' } })
  assert.deepEqual(first.device?.platform, { name: 'eos 4.28.3M', manufacturer: { name: 'Arista' } })
  assert.equal(first.device?.name, 'h')
  const [overridden] = toEntities(d, { site: 'S', platform: 'EOS' }, { now, vendors: { 30065: 'Arista Networks' } })
  assert.deepEqual(overridden.device?.platform, { name: 'EOS', manufacturer: { name: 'Arista Networks' } })
})

test('mapping - no primary IP when the target address is not on an interface; prefixes skip host routes', () => {
  const d: DiscoveredDevice = { ...emptyDevice('ssh', '10.9.9.9'), hostname: 'r1', addresses: [{ address: '10.0.0.5/32' }, { address: '10.1.0.5/31' }] }
  const entities = toEntities(d, { site: 'S' }, { now })
  assert.equal(entities[0].device?.primary_ip4, undefined)
  assert.deepEqual(entities.filter((e) => e.prefix !== undefined).map((e) => e.prefix?.prefix), ['10.1.0.4/31'])
  assert.deepEqual(entities.filter((e) => e.ip_address !== undefined).map((e) => e.ip_address?.assigned_object_interface), [undefined, undefined])
})

test('mapping - the entities encode as diode.v1 Entity protobuf JSON', () => {
  for (const e of toEntities(switchDevice(), { site: 'DC1' }, { now })) {
    const json = toProtoJson('Entity', e)
    assert.equal(json.timestamp, '2026-01-02T03:04:05Z')
  }
})

test('mapping - a resolved management address of a named target becomes the primary IP, per family', () => {
  const d: DiscoveredDevice = {
    ...emptyDevice('ssh', 'core1.example.net'),
    hostname: 'core1',
    interfaces: [{ name: 'mgmt0' }],
    addresses: [{ address: '10.9.0.1/24', interface: 'mgmt0' }, { address: '2001:db8::9/64', interface: 'mgmt0', vrf: 'oob' }]
  }
  const [first] = toEntities(d, { site: 'S' }, { now, managementAddresses: ['10.9.0.1', '2001:db8:0::9'] })
  assert.deepEqual(first.device?.primary_ip4, { address: '10.9.0.1/24' })
  assert.deepEqual(first.device?.primary_ip6, { address: '2001:db8::9/64', vrf: { name: 'oob' } })
  const [none] = toEntities(d, { site: 'S' }, { now })
  assert.equal(none.device?.primary_ip4, undefined)
})
