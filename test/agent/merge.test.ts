import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mergeDevices, normalizeInterfaceName } from '../../agent/index.ts'
import type { DiscoveredDevice } from '../../agent/index.ts'
import { emptyDevice } from '../../agent/model.ts'

test('merge - interface names compare equal across abbreviations', () => {
  assert.equal(normalizeInterfaceName('Gi0/1'), normalizeInterfaceName('GigabitEthernet0/1'))
  assert.equal(normalizeInterfaceName('Po10'), normalizeInterfaceName('Port-channel10'))
  assert.equal(normalizeInterfaceName('Ethernet1/1'), normalizeInterfaceName('Eth1/1'))
  assert.notEqual(normalizeInterfaceName('Gi0/1'), normalizeInterfaceName('Te0/1'))
})

test('merge - SSH wins per field, interfaces join by normalised name, lists union without duplicates', () => {
  const snmp: DiscoveredDevice = {
    ...emptyDevice('snmp', '10.0.0.1'),
    hostname: 'sw1',
    model: 'C2960X',
    serial: 'SNMPSERIAL',
    sysObjectId: '1.3.6.1.4.1.9.1.1',
    description: 'sysDescr',
    interfaces: [
      { name: 'Gi0/1', index: 1, speedKbps: 1_000_000, mac: '00:00:00:00:00:01', description: 'snmp alias', lag: 'Po1' },
      { name: 'Po1', index: 5, type: 'lag' },
      { name: 'Null0', index: 9 }
    ],
    addresses: [{ address: '10.0.0.1/24', interface: 'Gi0/1' }, { address: '10.0.1.1/24', interface: 'Po1' }],
    vlans: [{ vid: 1, name: 'default' }, { vid: 10 }],
    vrfs: [{ name: 'mgmt' }],
    inventory: [{ name: 'Chassis', kind: 'item', serial: 'S1' }, { name: 'PSU 1', kind: 'item', serial: 'P1' }],
    neighbors: [{ protocol: 'lldp', localInterface: 'Gi0/1', remoteSystemName: 'core', remotePort: 'Et1' }]
  }
  const ssh: DiscoveredDevice = {
    ...emptyDevice('ssh', '10.0.0.1'),
    hostname: 'sw1.example.net',
    serial: 'SSHSERIAL',
    platform: 'Cisco IOS 15.2',
    interfaces: [
      { name: 'GigabitEthernet0/1', description: 'cli description', mode: 'access', untaggedVlan: 10 },
      { name: 'Port-channel1', type: 'lag', enabled: true },
      { name: 'Loopback0', type: 'virtual' }
    ],
    addresses: [{ address: '10.0.0.1/24', interface: 'GigabitEthernet0/1', role: 'secondary' }, { address: '192.0.2.1/32', interface: 'Loopback0' }],
    vlans: [{ vid: 10, name: 'users' }],
    vrfs: [{ name: 'mgmt', rd: '65000:1' }],
    inventory: [{ name: 'Chassis 1', kind: 'item', serial: 'S1', partId: 'WS-C2960X' }],
    neighbors: [{ protocol: 'lldp', localInterface: 'GigabitEthernet0/1', remoteSystemName: 'core', remotePort: 'Et1', remoteManagementAddress: '10.0.0.254' }]
  }
  const merged = mergeDevices(snmp, ssh)
  assert.deepEqual(merged, {
    source: 'ssh',
    target: '10.0.0.1',
    hostname: 'sw1.example.net',
    model: 'C2960X',
    serial: 'SSHSERIAL',
    sysObjectId: '1.3.6.1.4.1.9.1.1',
    description: 'sysDescr',
    platform: 'Cisco IOS 15.2',
    interfaces: [
      { name: 'GigabitEthernet0/1', index: 1, speedKbps: 1_000_000, mac: '00:00:00:00:00:01', description: 'cli description', lag: 'Port-channel1', mode: 'access', untaggedVlan: 10 },
      { name: 'Port-channel1', index: 5, type: 'lag', enabled: true },
      { name: 'Null0', index: 9 },
      { name: 'Loopback0', type: 'virtual' }
    ],
    addresses: [
      { address: '10.0.0.1/24', interface: 'GigabitEthernet0/1', role: 'secondary' },
      { address: '10.0.1.1/24', interface: 'Port-channel1' },
      { address: '192.0.2.1/32', interface: 'Loopback0' }
    ],
    vlans: [{ vid: 1, name: 'default' }, { vid: 10, name: 'users' }],
    vrfs: [{ name: 'mgmt', rd: '65000:1' }],
    inventory: [{ name: 'PSU 1', kind: 'item', serial: 'P1' }, { name: 'Chassis 1', kind: 'item', serial: 'S1', partId: 'WS-C2960X' }],
    neighbors: [{ protocol: 'lldp', localInterface: 'GigabitEthernet0/1', remoteSystemName: 'core', remotePort: 'Et1', remoteManagementAddress: '10.0.0.254' }]
  })
  // The inputs are left as they were.
  assert.equal(snmp.interfaces[0].name, 'Gi0/1')
  assert.equal(snmp.interfaces[0].lag, 'Po1')
})

test('merge - one side alone comes back as a copy; none is an argument error', () => {
  const only = { ...emptyDevice('snmp', 'h'), vlans: [{ vid: 3 }] }
  const copy = mergeDevices(only)
  assert.deepEqual(copy, only)
  assert.notEqual(copy.vlans, only.vlans)
  assert.deepEqual(mergeDevices(undefined, only), only)
  assert.throws(() => mergeDevices(), TypeError)
})
