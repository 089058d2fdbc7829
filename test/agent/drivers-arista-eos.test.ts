// arista_eos against the project's own fixtures: `| json` (eAPI documents) for every command,
// and the text form for the same data as older releases print it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseFixture, driver } from './drivers-fixture-helpers.ts'
import { mergeFragments } from '../../agent/ssh/merge-fragments.ts'

const P = 'arista_eos'

test('drivers arista_eos - show version and show hostname: JSON and text agree', () => {
  const json = parseFixture(P, 'show version | json')
  assert.deepEqual(json, {
    manufacturer: 'Arista', osFamily: 'eos', osVersion: '4.28.3M', platform: 'Arista EOS 4.28.3M', model: 'DCS-7050SX3-48YC8-R',
    serial: 'JPE20123456', uptimeSeconds: 864_123,
    description: 'Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7050SX3-48YC8-R'
  })
  // The text form rounds the uptime to minutes.
  assert.deepEqual(parseFixture(P, 'show version'), { ...json, uptimeSeconds: 864_120 })
  assert.deepEqual(parseFixture(P, 'show hostname | json'), { hostname: 'leaf1' })
  assert.deepEqual(parseFixture(P, 'show hostname'), { hostname: 'leaf1' })
})

test('drivers arista_eos - show inventory: JSON and text give the same items', () => {
  const json = parseFixture(P, 'show inventory | json')
  const text = parseFixture(P, 'show inventory')
  const items = (f: typeof json): unknown[] => (f.inventory ?? []).map((i) => [i.name, i.kind, i.partId, i.serial, i.manufacturer])
  assert.deepEqual(items(json), [
    ['Chassis', 'item', 'DCS-7050SX3-48YC8', 'JPE20123456', 'Arista'],
    ['Power supply 1', 'item', 'PWR-500AC-R', 'EEWT2011123', 'Arista'],
    ['Power supply 2', 'item', 'PWR-500AC-R', 'EEWT2011124', 'Arista'],
    ['Fan module 1', 'item', 'FAN-7000-R', undefined, 'Arista'],
    ['Fan module 2', 'item', 'FAN-7000-R', undefined, 'Arista'],
    ['Transceiver 1', 'item', 'SFP-25G-SR', 'XKU2032001A', 'Arista Networks'],
    ['Transceiver 49', 'item', 'QSFP-100G-SR4', 'XKT2033002B', 'Arista Networks']
  ])
  assert.deepEqual(items(text), items(json))
  assert.equal(json.model, 'DCS-7050SX3-48YC8')
  assert.equal(text.serial, 'JPE20123456')
})

test('drivers arista_eos - show interfaces | json: state, speed from bit/s, LAG membership, no addresses', () => {
  const f = parseFixture(P, 'show interfaces | json')
  assert.equal(f.addresses, undefined)
  const by = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.deepEqual(by.get('Ethernet1'), {
    name: 'Ethernet1', enabled: true, operUp: true, description: 'server-01 eth0', mac: '44:4c:a8:12:34:57', mtu: 9214,
    speedKbps: 25_000_000, type: '25gbase-x-sfp28', duplex: 'full', lag: 'Port-Channel10'
  })
  assert.equal(by.get('Ethernet2')?.enabled, false)
  assert.equal(by.get('Ethernet2')?.speedKbps, undefined)
  assert.equal(by.get('Ethernet49/1')?.type, '100gbase-x-qsfp28')
  assert.equal(by.get('Port-Channel10')?.type, 'lag')
  assert.equal(by.get('Loopback0')?.type, 'virtual')
  assert.equal(by.get('Vlan100')?.type, 'virtual')
  assert.equal(by.get('Management1')?.type, '1000base-t')
})

test('drivers arista_eos - IPv4 addresses with VRFs and secondaries: JSON and text', () => {
  assert.deepEqual(parseFixture(P, 'show ip interface | json').addresses, [
    { address: '10.1.0.1/31', interface: 'Ethernet49/1' },
    { address: '10.255.0.11/32', interface: 'Loopback0' },
    { address: '10.100.0.2/24', interface: 'Vlan100', vrf: 'tenant-a' },
    { address: '10.100.1.2/24', interface: 'Vlan100', role: 'secondary', vrf: 'tenant-a' },
    { address: '192.0.2.41/24', interface: 'Management1', vrf: 'MGMT' }
  ])
  assert.deepEqual(parseFixture(P, 'show ip interface').addresses, [
    { address: '10.1.0.1/31', interface: 'Ethernet49/1' },
    { address: '10.100.0.2/24', interface: 'Vlan100', vrf: 'tenant-a' },
    { address: '10.100.1.2/24', interface: 'Vlan100', role: 'secondary', vrf: 'tenant-a' },
    { address: '192.0.2.41/24', interface: 'Management1', vrf: 'MGMT' }
  ])
  assert.deepEqual(parseFixture(P, 'show ipv6 interface | json').addresses, [
    { address: '2001:db8:1::1/127', interface: 'Ethernet49/1' },
    { address: '2001:db8:100::2/64', interface: 'Vlan100', vrf: 'tenant-a' }
  ])
})

test('drivers arista_eos - switchport modes: JSON and text agree', () => {
  const expected = [
    { name: 'Ethernet1', mode: 'tagged', taggedVlans: [100, 101, 200], untaggedVlan: 1 },
    { name: 'Ethernet2', mode: 'access', untaggedVlan: 100 },
    { name: 'Port-Channel10', mode: 'tagged-all', untaggedVlan: 1 }
  ]
  assert.deepEqual(parseFixture(P, 'show interfaces switchport | json').interfaces, expected)
  assert.deepEqual(parseFixture(P, 'show interfaces switchport').interfaces, expected)
})

test('drivers arista_eos - VLANs, and VRFs with RDs and members: JSON and text agree', () => {
  assert.deepEqual(parseFixture(P, 'show vlan | json').vlans, [
    { vid: 1, name: 'default', status: 'active' },
    { vid: 100, name: 'web', status: 'active' },
    { vid: 200, name: 'db', status: 'reserved' }
  ])
  const vrf = {
    vrfs: [{ name: 'MGMT' }, { name: 'tenant-a', rd: '10.255.0.11:100' }],
    interfaces: [{ name: 'Management1', vrf: 'MGMT' }, { name: 'Vlan100', vrf: 'tenant-a' }]
  }
  assert.deepEqual(parseFixture(P, 'show vrf | json'), vrf)
  assert.deepEqual(parseFixture(P, 'show vrf'), vrf)
})

test('drivers arista_eos - LLDP neighbours: JSON and text agree', () => {
  const sort = (f: ReturnType<typeof parseFixture>): unknown => JSON.parse(JSON.stringify(f.neighbors, Object.keys(f.neighbors?.[0] ?? {}).sort()))
  const json = parseFixture(P, 'show lldp neighbors detail | json')
  assert.deepEqual(json.neighbors, [{
    protocol: 'lldp', localInterface: 'Ethernet49/1', remoteSystemName: 'spine1', remoteChassisId: '00:1c:73:11:22:33',
    remotePort: 'Ethernet1', remotePortDescription: 'leaf1 Et49/1', remoteManagementAddress: '192.0.2.1',
    remotePlatform: 'Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7280SR3-48YC8'
  }])
  assert.deepEqual(sort(parseFixture(P, 'show lldp neighbors detail')), sort(json))
})

test('drivers arista_eos - the JSON commands merged give one device', () => {
  const d = driver(P)
  const device = mergeFragments('192.0.2.41', d.commands.map((c) => parseFixture(P, c)))
  assert.equal(device.hostname, 'leaf1')
  assert.equal(device.model, 'DCS-7050SX3-48YC8-R')
  assert.equal(device.interfaces.find((i) => i.name === 'Ethernet1')?.mode, 'tagged')
  assert.equal(device.interfaces.find((i) => i.name === 'Vlan100')?.vrf, 'tenant-a')
  assert.equal(device.addresses.length, 7)
  assert.equal(device.vrfs.length, 2)
  assert.equal(d.detect('Arista DCS-7050SX3-48YC8-R'), true)
  assert.equal(d.detect('Cisco IOS Software'), false)
})
