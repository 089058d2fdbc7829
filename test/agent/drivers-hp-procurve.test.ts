// hp_procurve against the project's own 2530 fixtures (test/fixtures/cli/hp_procurve/).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseFixture, driver } from './drivers-fixture-helpers.ts'
import { mergeFragments } from '../../agent/ssh/merge-fragments.ts'
import { expandPortList, keyValues } from '../../agent/ssh/drivers/hp-procurve-parsers.ts'

const P = 'hp_procurve'

test('drivers hp_procurve - show system: two-column key/value screen', () => {
  assert.deepEqual(parseFixture(P, 'show system'), {
    manufacturer: 'HPE', osFamily: 'procurve', osVersion: 'YA.16.10.0012', platform: 'HPE ArubaOS-Switch YA.16.10.0012',
    hostname: 'access-sw3', serial: 'CN12HVX034', location: 'Building 2, IDF 1', contact: 'noc@example.net', uptimeSeconds: 27 * 86_400
  })
  assert.deepEqual(keyValues('  Software revision  : K.15.06.0017         Base MAC Addr      : 7446a0-41a56f'), [
    ['Software revision', 'K.15.06.0017'], ['Base MAC Addr', '7446a0-41a56f']
  ])
})

test('drivers hp_procurve - show version and the product number from LLDP local-device', () => {
  assert.equal(parseFixture(P, 'show version').osVersion, 'YA.16.10.0012')
  const local = parseFixture(P, 'show lldp info local-device')
  assert.equal(local.model, 'J9773A')
  assert.equal(local.hostname, 'access-sw3')
  assert.equal(local.platform, 'HPE ArubaOS-Switch YA.16.10.0012')
})

test('drivers hp_procurve - show interfaces brief: state, negotiated speed, media types, trunk members', () => {
  const f = parseFixture(P, 'show interfaces brief')
  assert.deepEqual(f.interfaces, [
    { name: '1', enabled: true, operUp: true, type: '1000base-t', speedKbps: 1_000_000, duplex: 'full' },
    { name: '2', enabled: true, operUp: true, type: '1000base-t', speedKbps: 100_000, duplex: 'full' },
    { name: '3', enabled: false, operUp: false, type: '1000base-t' },
    { name: '4', enabled: true, operUp: false, type: '1000base-t' },
    { name: '23', enabled: true, operUp: true, lag: 'Trk1', type: '1000base-t', speedKbps: 1_000_000, duplex: 'full' },
    { name: '24', enabled: true, operUp: true, lag: 'Trk1', type: '1000base-t', speedKbps: 1_000_000, duplex: 'full' },
    { name: '25', enabled: true, operUp: true, type: '1000base-x-sfp', speedKbps: 1_000_000, duplex: 'full' },
    { name: '26', enabled: true, operUp: false, type: 'other' },
    { name: 'Trk1', type: 'lag' }
  ])
})

test('drivers hp_procurve - show vlans, with names holding spaces', () => {
  assert.deepEqual(parseFixture(P, 'show vlans').vlans, [
    { vid: 1, name: 'DEFAULT_VLAN', status: 'active' },
    { vid: 10, name: 'users', status: 'active' },
    { vid: 20, name: 'voice phones', status: 'active' },
    { vid: 99, name: 'MGMT', status: 'active' }
  ])
})

test('drivers hp_procurve - running config: untagged and tagged VLANs per port, trunks, hostname', () => {
  const f = parseFixture(P, 'show running-config')
  assert.equal(f.hostname, 'access-sw3')
  const by = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.deepEqual(by.get('1'), { name: '1', description: 'desk 2-101', untaggedVlan: 10, mode: 'tagged', taggedVlans: [20] })
  assert.deepEqual(by.get('3'), { name: '3', enabled: false, untaggedVlan: 1, mode: 'access' })
  assert.equal(by.get('23')?.description, 'uplink dist-sw1')
  assert.deepEqual(by.get('Trk1'), { name: 'Trk1', type: 'lag', mode: 'tagged', taggedVlans: [10, 20, 99] })
  assert.equal(by.get('23')?.lag, 'Trk1')
  assert.equal(by.get('24')?.lag, 'Trk1')
  assert.equal(f.interfaces!.filter((i) => i.untaggedVlan === 1).length, 22)
  assert.deepEqual(f.addresses, [{ address: '192.0.2.61/24', interface: 'MGMT' }])
  assert.deepEqual(expandPortList('1-3,A1-A2,Trk1'), ['1', '2', '3', 'A1', 'A2', 'Trk1'])
})

test('drivers hp_procurve - show ip: addresses per VLAN interface, DHCP and a second address', () => {
  assert.deepEqual(parseFixture(P, 'show ip').addresses, [
    { address: '10.20.0.15/24', interface: 'DEFAULT_VLAN', status: 'dhcp' },
    { address: '192.0.2.61/24', interface: 'MGMT' },
    { address: '192.0.3.61/25', interface: 'MGMT' }
  ])
})

test('drivers hp_procurve - LLDP and CDP neighbours', () => {
  assert.deepEqual(parseFixture(P, 'show lldp info remote-device all').neighbors?.map((n) => [n.localInterface, n.remoteSystemName, n.remotePort, n.remoteChassisId, n.remoteManagementAddress]), [
    ['23', 'dist-sw1', 'Ethernet12', '00:1c:73:aa:bb:cc', '192.0.2.2'],
    ['2', 'Polycom VVX 411', '00 04 f2 11 22 33', '10.20.0.50', '10.20.0.50']
  ])
  assert.deepEqual(parseFixture(P, 'show cdp neighbors detail').neighbors, [{
    protocol: 'cdp', localInterface: '25', remoteChassisId: 'core-1.example.net', remoteSystemName: 'core-1.example.net',
    remoteManagementAddress: '10.0.0.1', remotePort: 'TenGigabitEthernet1/0/7', remotePlatform: 'cisco C9500-24Y4C'
  }])
})

test('drivers hp_procurve - the driver commands merged give one device', () => {
  const d = driver(P)
  const device = mergeFragments('192.0.2.61', d.commands.map((c) => parseFixture(P, c)))
  assert.equal(device.hostname, 'access-sw3')
  assert.equal(device.model, 'J9773A')
  assert.equal(device.serial, 'CN12HVX034')
  const p1 = device.interfaces.find((i) => i.name === '1')
  assert.deepEqual([p1?.speedKbps, p1?.mode, p1?.untaggedVlan, p1?.taggedVlans], [1_000_000, 'tagged', 10, [20]])
  assert.equal(device.addresses.length, 3)
  assert.equal(device.vlans.length, 4)
  assert.equal(d.detect(' Status and Counters - General System Information'), true)
  assert.equal(d.detect('Cisco IOS Software'), false)
})
