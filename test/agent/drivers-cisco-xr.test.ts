// cisco_xr against the project's own ASR 9000 fixtures (test/fixtures/cli/cisco_xr/).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseFixture, driver } from './drivers-fixture-helpers.ts'
import { mergeFragments } from '../../agent/ssh/merge-fragments.ts'

const P = 'cisco_xr'

test('drivers cisco_xr - show version and the hostname from the running config', () => {
  assert.deepEqual(parseFixture(P, 'show version'), {
    manufacturer: 'Cisco', osFamily: 'iosxr', osVersion: '7.5.2', platform: 'Cisco IOS-XR 7.5.2', model: 'ASR9K',
    uptimeSeconds: 40 * 86_400 + 2 * 3_600 + 7 * 60, description: 'Cisco IOS XR Software, Version 7.5.2'
  })
  assert.deepEqual(parseFixture(P, 'show running-config hostname'), { hostname: 'pe1.example.net' })
  // Newer releases name the router in the uptime line.
  assert.equal(driver(P).parseStrict('show version', 'Cisco IOS XR Software, Version 7.9.2 LNT\ncisco 8202-32FH-M (Intel(R) Xeon(R) CPU D-1530 @ 2.41GHz) processor with 64GB of memory\ngemini uptime is 1 week, 1 day\n').hostname, 'gemini')
})

test('drivers cisco_xr - show inventory: the chassis gives model and serial, line cards are modules', () => {
  const f = parseFixture(P, 'show inventory')
  assert.equal(f.model, 'ASR-9006-AC-V2')
  assert.equal(f.serial, 'FOX1234ABCD')
  assert.deepEqual(f.inventory?.map((i) => [i.name, i.kind, i.partId]), [
    ['Rack 0', 'item', 'ASR-9006-AC-V2'],
    ['0/RSP0/CPU0', 'module', 'A9K-RSP880-SE'],
    ['0/0/CPU0', 'module', 'A9K-24X10GE-1G-SE'],
    ['TenGigE0/0/0/0', 'item', 'SFP-10G-SR'],
    ['0/FT0', 'item', 'ASR-9006-FAN-V2']
  ])
})

test('drivers cisco_xr - show interfaces: bundles with their members, subinterfaces, admin down', () => {
  const f = parseFixture(P, 'show interfaces')
  const by = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.deepEqual(by.get('Bundle-Ether10'), {
    name: 'Bundle-Ether10', enabled: true, operUp: true, mac: '00:8a:96:aa:00:10', description: 'to p1', mtu: 9214, speedKbps: 20_000_000, type: 'lag'
  })
  assert.equal(by.get('TenGigE0/0/0/0')?.lag, 'Bundle-Ether10')
  assert.equal(by.get('TenGigE0/0/0/1')?.lag, 'Bundle-Ether10')
  assert.equal(by.get('TenGigE0/0/0/2')?.lag, undefined)
  assert.equal(by.get('TenGigE0/0/0/2')?.enabled, false)
  assert.equal(by.get('TenGigE0/0/0/0')?.type, '10gbase-x-sfpp')
  assert.equal(by.get('Bundle-Ether10.100')?.parent, 'Bundle-Ether10')
  assert.equal(by.get('Bundle-Ether10.100')?.type, 'virtual')
  assert.equal(by.get('MgmtEth0/RSP0/CPU0/0')?.type, '1000base-t')
  assert.equal(by.get('Loopback0')?.type, 'virtual')
})

test('drivers cisco_xr - IPv4 and IPv6 addresses per VRF', () => {
  assert.deepEqual(parseFixture(P, 'show ipv4 vrf all interface').addresses, [
    { address: '10.0.10.1/30', interface: 'Bundle-Ether10' },
    { address: '192.168.100.1/24', interface: 'Bundle-Ether10.100', vrf: 'cust-a' },
    { address: '192.168.101.1/24', interface: 'Bundle-Ether10.100', role: 'secondary', vrf: 'cust-a' },
    { address: '192.0.2.31/24', interface: 'MgmtEth0/RSP0/CPU0/0', vrf: 'MGMT' },
    { address: '10.255.1.1/32', interface: 'Loopback0' }
  ])
  assert.deepEqual(parseFixture(P, 'show ipv6 vrf all interface').addresses, [
    { address: '2001:db8:10::1/126', interface: 'Bundle-Ether10' },
    { address: '2001:db8:100::1/64', interface: 'Bundle-Ether10.100', vrf: 'cust-a' },
    { address: '2001:db8::1:1/128', interface: 'Loopback0' }
  ])
})

test('drivers cisco_xr - show vrf all and LLDP', () => {
  assert.deepEqual(parseFixture(P, 'show vrf all').vrfs, [{ name: 'MGMT' }, { name: 'cust-a', rd: '65000:100' }])
  assert.deepEqual(parseFixture(P, 'show lldp neighbors detail').neighbors, [{
    protocol: 'lldp', localInterface: 'TenGigE0/0/0/0', remoteSystemName: 'p1.example.net', remotePort: 'Te0/0/0/5',
    remotePortDescription: 'pe1 te0/0/0/0', remoteChassisId: '00:8a:96:bb:00:00', remoteManagementAddress: '10.255.1.2',
    remotePlatform: 'Cisco IOS XR Software, Version 7.5.2'
  }])
})

test('drivers cisco_xr - merged device; detection', () => {
  const d = driver(P)
  const device = mergeFragments('192.0.2.31', d.commands.map((c) => parseFixture(P, c)))
  assert.equal(device.hostname, 'pe1.example.net')
  assert.equal(device.model, 'ASR-9006-AC-V2', 'inventory runs first so the chassis PID is the model')
  assert.equal(device.serial, 'FOX1234ABCD')
  assert.equal(device.interfaces.find((i) => i.name === 'Bundle-Ether10.100')?.vrf, 'cust-a')
  assert.equal(device.addresses.length, 8)
  assert.equal(device.neighbors.length, 2)
  assert.equal(d.detect('Cisco IOS XR Software, Version 7.5.2'), true)
  assert.equal(d.detect('Cisco IOS Software, IOSv Software'), false)
})
