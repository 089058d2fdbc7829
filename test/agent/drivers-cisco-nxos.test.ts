// cisco_nxos against the project's own fixtures: NX-API JSON (`| json`) for every command, and
// the text form of the same data where older releases print text.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseFixture, driver } from './drivers-fixture-helpers.ts'
import { mergeFragments } from '../../agent/ssh/merge-fragments.ts'

const P = 'cisco_nxos'

test('drivers cisco_nxos - show version: JSON and text give the same facts', () => {
  const expected = {
    manufacturer: 'Cisco',
    osFamily: 'nxos',
    osVersion: '9.3(8)',
    platform: 'Cisco NX-OS 9.3(8)',
    hostname: 'leaf-101',
    model: 'Nexus9000 C93180YC-EX',
    serial: 'FDO21120U8N',
    uptimeSeconds: 12 * 86_400 + 3 * 3_600 + 4 * 60 + 5,
    description: 'Cisco Nexus Operating System (NX-OS) Software, Version 9.3(8)'
  }
  assert.deepEqual(parseFixture(P, 'show version | json'), expected)
  assert.deepEqual(parseFixture(P, 'show version'), expected)
})

test('drivers cisco_nxos - show inventory | json: the chassis PID is the device model', () => {
  const f = parseFixture(P, 'show inventory | json')
  assert.equal(f.model, 'N9K-C93180YC-EX')
  assert.equal(f.serial, 'FDO21120U8N')
  assert.deepEqual(f.inventory?.map((i) => [i.name, i.kind, i.partId, i.serial]), [
    ['Chassis', 'item', 'N9K-C93180YC-EX', 'FDO21120U8N'],
    ['Slot 1', 'module', 'N9K-C93180YC-EX', 'FDO21120U8N'],
    ['Power Supply 1', 'item', 'NXA-PAC-650W-PE', 'ART2120F0AB'],
    ['Fan 1', 'item', 'NXA-FAN-30CFM-B', undefined]
  ])
})

test('drivers cisco_nxos - show interface | json: ports, SVIs, loopbacks and port-channel members', () => {
  const f = parseFixture(P, 'show interface | json')
  assert.equal(f.addresses, undefined)
  const by = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.deepEqual(by.get('Ethernet1/1'), {
    name: 'Ethernet1/1', enabled: true, operUp: true, description: 'server-01 eth0', mac: '00:ee:ab:12:34:08', mtu: 9216,
    speedKbps: 25_000_000, type: '25gbase-x-sfp28', duplex: 'full', lag: 'port-channel10'
  })
  // A shut port reports no speed; its bandwidth still tells its type.
  assert.deepEqual(by.get('Ethernet1/2'), {
    name: 'Ethernet1/2', enabled: false, operUp: false, mac: '00:ee:ab:12:34:09', mtu: 1500, type: '25gbase-x-sfp28', duplex: 'auto'
  })
  assert.equal(by.get('Ethernet1/49')?.type, '100gbase-x-qsfp28')
  assert.equal(by.get('port-channel10')?.type, 'lag')
  assert.equal(by.get('loopback0')?.type, 'virtual')
  assert.deepEqual(by.get('Vlan100'), { name: 'Vlan100', enabled: true, operUp: true, description: 'web', mac: '00:ee:ab:12:34:01', mtu: 9216, type: 'virtual' })
  assert.equal(by.get('mgmt0')?.type, '1000base-t')
})

test('drivers cisco_nxos - switchport modes: JSON and text', () => {
  assert.deepEqual(parseFixture(P, 'show interface switchport | json').interfaces, [
    { name: 'Ethernet1/1', mode: 'tagged', taggedVlans: [100, 101, 102, 200], untaggedVlan: 1 },
    { name: 'Ethernet1/2', mode: 'access', untaggedVlan: 100 },
    { name: 'Ethernet1/4', mode: 'tagged-all', untaggedVlan: 1 }
  ])
  assert.deepEqual(parseFixture(P, 'show interface switchport').interfaces, [
    { name: 'Ethernet1/1', mode: 'tagged', taggedVlans: [100, 101, 102, 200], untaggedVlan: 1 },
    { name: 'Ethernet1/2', mode: 'access', untaggedVlan: 100 }
  ])
})

test('drivers cisco_nxos - port-channel membership: JSON and text, lower-case port-channel names', () => {
  const json = parseFixture(P, 'show port-channel summary | json').interfaces
  assert.deepEqual(json, [
    { name: 'port-channel10', type: 'lag' },
    { name: 'Ethernet1/1', lag: 'port-channel10' },
    { name: 'Ethernet1/3', lag: 'port-channel10' }
  ])
  const text = parseFixture(P, 'show port-channel summary').interfaces!
  assert.deepEqual(text.slice(0, 3), json)
  assert.deepEqual(text.filter((i) => i.lag === 'port-channel20').map((i) => i.name), ['Ethernet1/10', 'Ethernet1/11', 'Ethernet1/12', 'Ethernet1/13'])
})

test('drivers cisco_nxos - VLANs and VRFs (the default VRF is the global table, not a VRF)', () => {
  assert.deepEqual(parseFixture(P, 'show vlan brief | json').vlans, [
    { vid: 1, name: 'default', status: 'active' },
    { vid: 100, name: 'web', status: 'active' },
    { vid: 200, name: 'db', status: 'reserved' }
  ])
  const vrfs = [{ name: 'management' }, { name: 'tenant-a', rd: '10.255.0.1:3' }]
  assert.deepEqual(parseFixture(P, 'show vrf detail | json').vrfs, vrfs)
  assert.deepEqual(parseFixture(P, 'show vrf detail').vrfs, vrfs)
})

test('drivers cisco_nxos - IPv4 addresses per VRF with secondaries: JSON and text agree', () => {
  const json = parseFixture(P, 'show ip interface vrf all | json').addresses!
  assert.deepEqual(json, [
    { address: '192.0.2.21/24', interface: 'mgmt0', vrf: 'management' },
    { address: '10.1.0.1/31', interface: 'Ethernet1/49' },
    { address: '10.255.0.1/32', interface: 'loopback0' },
    { address: '10.100.0.2/24', interface: 'Vlan100', vrf: 'tenant-a' },
    { address: '10.100.1.2/24', interface: 'Vlan100', role: 'secondary', vrf: 'tenant-a' }
  ])
  const text = parseFixture(P, 'show ip interface vrf all')
  const key = (a: { address: string, interface?: string, vrf?: string, role?: string }): string => `${a.address} ${a.interface ?? ''} ${a.vrf ?? ''} ${a.role ?? ''}`
  assert.deepEqual(text.addresses!.filter((a) => a.interface !== 'Ethernet1/50').map(key).sort(), json.map(key).sort())
  assert.deepEqual(text.interfaces!.find((i) => i.name === 'Ethernet1/50'), { name: 'Ethernet1/50', operUp: false, enabled: false })
})

test('drivers cisco_nxos - IPv6 addresses per VRF, link-local left out: JSON and text agree', () => {
  const expected = [
    { address: '2001:db8:1::1/127', interface: 'Ethernet1/49' },
    { address: '2001:db8:100::2/64', interface: 'Vlan100', vrf: 'tenant-a' },
    { address: '2001:db8:101::2/64', interface: 'Vlan100', vrf: 'tenant-a' }
  ]
  assert.deepEqual(parseFixture(P, 'show ipv6 interface vrf all | json').addresses, expected)
  assert.deepEqual(parseFixture(P, 'show ipv6 interface vrf all').addresses, expected)
})

test('drivers cisco_nxos - LLDP and CDP neighbours from JSON', () => {
  assert.deepEqual(parseFixture(P, 'show lldp neighbors detail | json').neighbors, [
    {
      protocol: 'lldp', localInterface: 'Ethernet1/49', remoteSystemName: 'spine-1', remotePort: 'Ethernet1/1', remotePortDescription: 'leaf-101',
      remoteChassisId: '00:ee:ab:99:00:01', remoteManagementAddress: '192.0.2.1', remotePlatform: 'Cisco Nexus Operating System (NX-OS) Software 9.3(8)'
    },
    {
      protocol: 'lldp', localInterface: 'Ethernet1/1', remoteSystemName: 'server-01', remotePort: '5254.0012.aaab', remotePortDescription: 'eth0',
      remoteChassisId: '52:54:00:12:aa:aa', remotePlatform: 'Ubuntu 22.04.3 LTS Linux 5.15.0-86-generic'
    }
  ])
  assert.deepEqual(parseFixture(P, 'show cdp neighbors detail | json').neighbors, [{
    protocol: 'cdp', localInterface: 'Ethernet1/49', remoteSystemName: 'spine-1', remoteChassisId: 'spine-1(FDO22230XYZ)',
    remotePort: 'Ethernet1/1', remoteManagementAddress: '192.0.2.1', remotePlatform: 'N9K-C9364C'
  }])
})

test('drivers cisco_nxos - the JSON commands merged give one device; broken JSON gives nothing', () => {
  const d = driver(P)
  const device = mergeFragments('192.0.2.21', d.commands.map((c) => parseFixture(P, c)))
  assert.equal(device.hostname, 'leaf-101')
  assert.equal(device.model, 'N9K-C93180YC-EX', 'inventory runs first so the chassis PID is the model')
  assert.equal(device.interfaces.find((i) => i.name === 'Vlan100')?.vrf, 'tenant-a')
  assert.equal(device.interfaces.find((i) => i.name === 'Ethernet1/1')?.mode, 'tagged')
  assert.equal(device.addresses.length, 8)
  assert.deepEqual(d.parseCommand('show interface | json', '{"TABLE_interface": {"ROW_interface": [{"interface": ').interfaces ?? [], [])
  assert.equal(d.detect('Cisco Nexus Operating System (NX-OS) Software'), true)
  assert.equal(d.detect('Cisco IOS Software, C2960X Software'), false)
})
