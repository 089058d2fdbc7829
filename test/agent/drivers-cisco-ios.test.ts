// cisco_ios against the project's own IOS-XE fixtures (test/fixtures/cli/cisco_ios/), one
// Catalyst 9300 ("edge-sw1") seen through every command the driver runs.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseFixture, driver } from './drivers-fixture-helpers.ts'
import { mergeFragments } from '../../agent/ssh/merge-fragments.ts'

const P = 'cisco_ios'

test('drivers cisco_ios - show version gives facts and an IOS-XE platform name', () => {
  assert.deepEqual(parseFixture(P, 'show version'), {
    manufacturer: 'Cisco',
    osFamily: 'ios-xe',
    osVersion: '17.3.4',
    platform: 'Cisco IOS-XE 17.3.4',
    hostname: 'edge-sw1',
    uptimeSeconds: 3 * 604_800 + 2 * 86_400 + 4 * 3_600 + 15 * 60,
    model: 'C9300-48P',
    serial: 'FOC2333X0AB',
    description: 'Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4, RELEASE SOFTWARE (fc3)'
  })
})

test('drivers cisco_ios - classic IOS is told from IOS-XE', () => {
  const f = driver(P).parseStrict('show version', 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E4, RELEASE SOFTWARE (fc2)\nsw2 uptime is 5 minutes\ncisco WS-C2960X-48FPD-L (APM86XXX) processor (revision B0) with 524288K bytes of memory.\nProcessor board ID FOC1234X5YZ\n')
  assert.equal(f.platform, 'Cisco IOS 15.2(7)E4')
  assert.equal(f.osFamily, 'ios')
  assert.equal(f.model, 'WS-C2960X-48FPD-L')
  assert.equal(f.serial, 'FOC1234X5YZ')
  assert.equal(f.uptimeSeconds, 300)
})

test('drivers cisco_ios - show inventory: items, the uplink module, and the chassis for the device', () => {
  const f = parseFixture(P, 'show inventory')
  assert.equal(f.model, 'C9300-48P')
  assert.equal(f.serial, 'FOC2333X0AB')
  assert.deepEqual(f.inventory?.map((i) => [i.name, i.kind, i.partId, i.serial]), [
    ['c93xx Stack', 'item', 'C9300-48P', 'FOC2333X0AB'],
    ['Switch 1', 'item', 'C9300-48P', 'FOC2333X0AB'],
    ['Switch 1 - Power Supply A', 'item', 'PWR-C1-715WAC', 'LIT23310XYZ'],
    ['Switch 1 FRU Uplink Module 1', 'module', 'C9300-NM-8X', 'FOC23301QRS'],
    ['Te1/1/1', 'item', 'SFP-10G-SR', 'AVD2233ABCD']
  ])
  assert.equal(f.inventory?.[3].description, '8x10G Uplink Module')
})

test('drivers cisco_ios - show interfaces: state, mtu, speed, duplex, mac, types, lag and parent', () => {
  const f = parseFixture(P, 'show interfaces')
  assert.equal(f.addresses, undefined, 'addresses come from show ip interface, with their VRF')
  const by = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.equal(f.interfaces!.length, 12)
  assert.deepEqual(by.get('GigabitEthernet1/0/2'), {
    name: 'GigabitEthernet1/0/2', enabled: true, operUp: true, mac: '70:d3:79:aa:bb:82', description: 'to core-1',
    mtu: 9198, duplex: 'full', speedKbps: 1_000_000, type: '1000base-t', lag: 'Port-channel1'
  })
  assert.deepEqual(by.get('GigabitEthernet1/0/4'), {
    name: 'GigabitEthernet1/0/4', enabled: false, operUp: false, mac: '70:d3:79:aa:bb:84', mtu: 1500, duplex: 'auto', type: '1000base-t'
  })
  assert.equal(by.get('GigabitEthernet1/0/5')?.speedKbps, 100_000)
  assert.equal(by.get('TenGigabitEthernet1/1/1')?.type, '10gbase-x-sfpp')
  assert.deepEqual(by.get('TenGigabitEthernet1/1/2.200'), {
    name: 'TenGigabitEthernet1/1/2.200', enabled: true, operUp: true, mac: '70:d3:79:aa:bb:b6', description: 'customer-a',
    mtu: 1500, parent: 'TenGigabitEthernet1/1/2', type: 'virtual'
  })
  assert.equal(by.get('Port-channel1')?.type, 'lag')
  assert.equal(by.get('Port-channel1')?.duplex, undefined)
  assert.equal(by.get('Vlan10')?.type, 'virtual')
  assert.equal(by.get('Loopback0')?.type, 'virtual')
  assert.equal(by.get('Loopback0')?.mac, undefined)
  assert.equal(by.get('GigabitEthernet0/0')?.speedKbps, 1_000_000)
})

test('drivers cisco_ios - show interfaces switchport: access, trunk with native, voice, wrapped lists, routed ports skipped', () => {
  assert.deepEqual(parseFixture(P, 'show interfaces switchport').interfaces, [
    { name: 'GigabitEthernet1/0/1', mode: 'access', untaggedVlan: 10 },
    { name: 'GigabitEthernet1/0/2', mode: 'tagged', taggedVlans: [10, 20, 30, 31, 32], untaggedVlan: 99 },
    { name: 'GigabitEthernet1/0/5', mode: 'tagged', untaggedVlan: 10, taggedVlans: [20] },
    { name: 'Port-channel1', mode: 'tagged', taggedVlans: [10, 20, 30, 31, 32, ...Array.from({ length: 21 }, (_, i) => 40 + i)], untaggedVlan: 99 }
  ])
})

test('drivers cisco_ios - a trunk carrying every VLAN is tagged-all', () => {
  const f = driver(P).parseStrict('show interfaces switchport', 'Name: Gi1/0/9\nSwitchport: Enabled\nAdministrative Mode: trunk\nOperational Mode: trunk\nTrunking Native Mode VLAN: 1 (default)\nTrunking VLANs Enabled: ALL\n')
  assert.deepEqual(f.interfaces, [{ name: 'GigabitEthernet1/0/9', mode: 'tagged-all', untaggedVlan: 1 }])
})

test('drivers cisco_ios - show etherchannel summary: LAGs and members over wrapped lines', () => {
  const f = parseFixture(P, 'show etherchannel summary')
  assert.deepEqual(f.interfaces, [
    { name: 'Port-channel1', type: 'lag' },
    { name: 'GigabitEthernet1/0/2', lag: 'Port-channel1' },
    { name: 'GigabitEthernet1/0/3', lag: 'Port-channel1' },
    { name: 'Port-channel2', type: 'lag' },
    { name: 'GigabitEthernet1/0/10', lag: 'Port-channel2' },
    { name: 'GigabitEthernet1/0/11', lag: 'Port-channel2' },
    { name: 'GigabitEthernet1/0/12', lag: 'Port-channel2' },
    { name: 'GigabitEthernet1/0/13', lag: 'Port-channel2' }
  ])
})

test('drivers cisco_ios - show vlan brief: ids, names with spaces, statuses', () => {
  const vlans = parseFixture(P, 'show vlan brief').vlans!
  assert.deepEqual(vlans.slice(0, 6), [
    { vid: 1, name: 'default', status: 'active' },
    { vid: 10, name: 'users', status: 'active' },
    { vid: 20, name: 'voice', status: 'active' },
    { vid: 30, name: 'servers', status: 'active' },
    { vid: 99, name: 'native', status: 'active' },
    { vid: 999, name: 'parking lot', status: 'reserved' }
  ])
  assert.equal(vlans.length, 10)
})

test('drivers cisco_ios - show vrf: RDs and member interfaces, continuation rows included', () => {
  assert.deepEqual(parseFixture(P, 'show vrf'), {
    vrfs: [{ name: 'Mgmt-vrf' }, { name: 'cust-a', rd: '65000:200' }],
    interfaces: [
      { name: 'GigabitEthernet0/0', vrf: 'Mgmt-vrf' },
      { name: 'TenGigabitEthernet1/1/2.200', vrf: 'cust-a' },
      { name: 'Loopback200', vrf: 'cust-a' }
    ]
  })
})

test('drivers cisco_ios - show ip interface: primary and secondary addresses with VRFs', () => {
  const f = parseFixture(P, 'show ip interface')
  assert.deepEqual(f.addresses, [
    { address: '10.10.10.1/24', interface: 'Vlan10' },
    { address: '10.10.11.1/24', interface: 'Vlan10', role: 'secondary' },
    { address: '192.0.2.10/24', interface: 'GigabitEthernet0/0', vrf: 'Mgmt-vrf' },
    { address: '198.51.100.2/30', interface: 'TenGigabitEthernet1/1/1' },
    { address: '203.0.113.1/29', interface: 'TenGigabitEthernet1/1/2.200', vrf: 'cust-a' },
    { address: '10.255.0.1/32', interface: 'Loopback0' }
  ])
  assert.deepEqual(f.interfaces?.find((i) => i.name === 'GigabitEthernet1/0/4'), { name: 'GigabitEthernet1/0/4', enabled: false, operUp: false })
})

test('drivers cisco_ios - show ip interface on old images: dotted masks', () => {
  const f = driver(P).parseStrict('show ip interface', 'FastEthernet0/0 is up, line protocol is up\n  Internet address is 172.16.1.1 255.255.255.0\n  Secondary address 172.16.2.1 255.255.255.128\n')
  assert.deepEqual(f.addresses, [
    { address: '172.16.1.1/24', interface: 'FastEthernet0/0' },
    { address: '172.16.2.1/25', interface: 'FastEthernet0/0', role: 'secondary' }
  ])
})

test('drivers cisco_ios - show ipv6 interface: global addresses with lengths, link-local left out', () => {
  assert.deepEqual(parseFixture(P, 'show ipv6 interface').addresses, [
    { address: '2001:db8:10::1/64', interface: 'Vlan10' },
    { address: '2001:db8:11::1/64', interface: 'Vlan10', role: 'anycast' },
    { address: '2001:db8:ffff::10/64', interface: 'GigabitEthernet0/0', vrf: 'Mgmt-vrf' },
    { address: '2001:db8::1/128', interface: 'Loopback0' }
  ])
})

test('drivers cisco_ios - LLDP and CDP neighbours, local ports in full names', () => {
  assert.deepEqual(parseFixture(P, 'show lldp neighbors detail').neighbors, [
    {
      protocol: 'lldp', localInterface: 'GigabitEthernet1/0/2', remoteSystemName: 'core-1.example.net', remotePort: 'Gi1/0/48',
      remotePortDescription: 'to edge-sw1', remoteChassisId: '00:c8:8b:11:22:00', remoteManagementAddress: '10.0.0.1',
      remotePlatform: 'Cisco IOS Software [Bengaluru], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.6.3, RELEASE SOFTWARE (fc4)'
    },
    {
      protocol: 'lldp', localInterface: 'GigabitEthernet1/0/5', remoteSystemName: 'SEP00D02B4455AA', remotePort: '00D0.2B44.55AA:P1',
      remotePortDescription: 'SW PORT', remoteChassisId: '10.10.10.55', remotePlatform: 'Cisco IP Phone 8845, V1, sip88xx.14-1-1-0001-136'
    }
  ])
  assert.deepEqual(parseFixture(P, 'show cdp neighbors detail').neighbors?.map((n) => [n.localInterface, n.remoteSystemName, n.remotePort, n.remoteManagementAddress, n.remotePlatform]), [
    ['GigabitEthernet1/0/2', 'core-1.example.net', 'GigabitEthernet1/0/48', '10.0.0.1', 'cisco C9500-24Y4C'],
    ['TenGigabitEthernet1/1/1', 'wan-rtr', 'TenGigabitEthernet0/1/0', '198.51.100.1', 'cisco ISR4451-X/K9']
  ])
})

test('drivers cisco_ios - every command merged gives one consistent device', () => {
  const d = driver(P)
  const device = mergeFragments('192.0.2.10', d.commands.map((c) => parseFixture(P, c)))
  assert.equal(device.hostname, 'edge-sw1')
  assert.equal(device.platform, 'Cisco IOS-XE 17.3.4')
  const gi2 = device.interfaces.find((i) => i.name === 'GigabitEthernet1/0/2')
  assert.equal(gi2?.lag, 'Port-channel1')
  assert.equal(gi2?.mode, 'tagged')
  assert.equal(gi2?.speedKbps, 1_000_000)
  assert.equal(device.interfaces.find((i) => i.name === 'GigabitEthernet0/0')?.vrf, 'Mgmt-vrf')
  // Each address once, with its VRF.
  assert.equal(device.addresses.filter((a) => a.address === '192.0.2.10/24').length, 1)
  assert.equal(device.addresses.length, 10)
  assert.equal(device.vlans.length, 10)
  assert.equal(device.vrfs.length, 2)
  assert.equal(device.neighbors.length, 4)
})

test('drivers cisco_ios - commands are matched abbreviated; unknown commands and odd output give nothing', () => {
  const d = driver(P)
  assert.equal(d.canParse('sh ip int'), true)
  assert.equal(d.canParse('show clock'), false)
  assert.deepEqual(d.parseCommand('show clock', 'anything'), {})
  assert.deepEqual(d.parseCommand('show interfaces', '% Invalid input detected at \'^\' marker.'), { interfaces: [] })
  assert.equal(d.detect('Cisco IOS XE Software, Version 17.03.04'), true)
  assert.equal(d.detect('Cisco IOS XR Software, Version 7.9.2'), false)
  assert.equal(d.detect('Cisco Nexus Operating System (NX-OS) Software'), false)
})

test('drivers cisco_ios - an address leased by DHCP has status dhcp', () => {
  const f = driver(P).parseStrict('show ip interface', 'GigabitEthernet0/0/0 is up, line protocol is up\n  Internet address is 100.64.3.7/22\n  Broadcast address is 255.255.255.255\n  Address determined by DHCP\n')
  assert.deepEqual(f.addresses, [{ address: '100.64.3.7/22', interface: 'GigabitEthernet0/0/0', status: 'dhcp' }])
})
