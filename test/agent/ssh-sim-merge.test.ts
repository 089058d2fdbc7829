import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mergeFragments } from '../../agent/ssh/index.ts'

test('ssh merge - the first fragment to report a field wins, later ones fill gaps; lists merge by identity', () => {
  const d = mergeFragments('10.0.0.1', [
    { hostname: 'r1', model: 'C9300-24T', interfaces: [{ name: 'Gi1/0/1', description: 'desk', mtu: 1500 }, { name: 'Vlan10' }] },
    { model: 'Catalyst 9300', serial: 'FOC1', interfaces: [{ name: 'Gi1/0/1', description: 'other', mode: 'access', untaggedVlan: 10 }] },
    { vlans: [{ vid: 20, name: 'voice' }, { vid: 10 }], interfaces: [{ name: 'Po1', type: 'lag' }] },
    { vlans: [{ vid: 10, name: 'users' }], vrfs: [{ name: 'CUST-A' }, { name: 'CUST-A', rd: '65000:10' }] },
    { addresses: [{ address: '10.10.10.1/24', interface: 'Vlan10' }, { address: '10.10.10.1/24', interface: 'Vlan10', role: 'secondary' }] },
    { neighbors: [{ protocol: 'lldp', localInterface: 'Gi1/0/1', remoteSystemName: 'sw1', remotePort: 'Gi0/1' }, { protocol: 'cdp', localInterface: 'Gi1/0/1', remoteSystemName: 'sw1', remotePort: 'Gi0/1' }] },
    { neighbors: [{ protocol: 'lldp', localInterface: 'Gi1/0/1', remoteSystemName: 'sw1', remotePort: 'Gi0/1', remotePlatform: 'IOS' }] }
  ])
  assert.equal(d.source, 'ssh')
  assert.equal(d.target, '10.0.0.1')
  assert.equal(d.model, 'C9300-24T')
  assert.equal(d.serial, 'FOC1')
  assert.deepEqual(d.interfaces.map((i) => i.name), ['Gi1/0/1', 'Vlan10', 'Po1'])
  assert.deepEqual(d.interfaces[0], { name: 'Gi1/0/1', description: 'desk', mtu: 1500, mode: 'access', untaggedVlan: 10 })
  assert.deepEqual(d.vlans, [{ vid: 10, name: 'users' }, { vid: 20, name: 'voice' }])
  assert.deepEqual(d.vrfs, [{ name: 'CUST-A', rd: '65000:10' }])
  assert.deepEqual(d.addresses, [{ address: '10.10.10.1/24', interface: 'Vlan10', role: 'secondary' }])
  assert.equal(d.neighbors.length, 2, 'LLDP and CDP are kept apart')
  assert.equal(d.neighbors[0].remotePlatform, 'IOS')
})

test('ssh merge - an address without a VRF takes its interface\'s, and empty values never count as reported', () => {
  const d = mergeFragments('pe1', [
    { description: '', interfaces: [{ name: 'irb.40' }] },
    { addresses: [{ address: '10.40.0.1/24', interface: 'irb.40' }, { address: '10.20.0.1/24', interface: 'irb.10' }] },
    { description: 'Juniper EX4300', vrfs: [{ name: 'CUST-B' }], interfaces: [{ name: 'irb.40', vrf: 'CUST-B' }] },
    { addresses: [{ address: '10.40.0.1/24', interface: 'irb.40', vrf: 'CUST-B', status: 'active' }] }
  ])
  assert.equal(d.description, 'Juniper EX4300')
  assert.deepEqual(d.addresses, [
    { address: '10.40.0.1/24', interface: 'irb.40', vrf: 'CUST-B', status: 'active' },
    { address: '10.20.0.1/24', interface: 'irb.10' }
  ])
  assert.deepEqual(mergeFragments('x', []), { source: 'ssh', target: 'x', interfaces: [], addresses: [], vlans: [], vrfs: [], inventory: [], neighbors: [] })
})
