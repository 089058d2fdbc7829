// The collector against snmpsim serving the project's own synthetic recordings (test/fixtures/snmp),
// which hold every table the collector reads plus the quirks real devices show: no ifIndex column,
// saturated or missing ifSpeed, ipAddrTable without ipAdEntAddr, MACs as bytes and as text, text
// in literal quotes, a multi-line hex sysDescr, IPv6 only in ipAddressTable, LLDP local port
// numbers that are not ifIndexes, VLAN membership only in the static table, withheld sysName.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { collectSnmp, startSnmpSimulator, type SnmpSimulator } from '../../../agent/snmp/index.ts'
import type { DiscoveredDevice } from '../../../agent/model.ts'
import { FIXTURES, captureLogger } from './helpers.ts'

let sim: SnmpSimulator
before(async () => { sim = await startSnmpSimulator({ dataDir: FIXTURES }) })
after(async () => { await sim?.stop() })

const v2c = (community: string, extra: Record<string, unknown> = {}) => ({ host: '127.0.0.1', port: sim.port, credentials: [{ version: '2c' as const, community }], timeout: 3000, ...extra })

const CISCO_DESCR = 'Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4, RELEASE SOFTWARE (fc3)\r\n' +
  'Technical Support: http://www.cisco.com/techsupport\r\nCopyright (c) 1986-2021 by Cisco Systems, Inc.\r\nCompiled Thu 09-Sep-21 10:05 by mcpre'

const CISCO: DiscoveredDevice = {
  source: 'snmp',
  target: '127.0.0.1',
  hostname: 'core1.example.net',
  manufacturer: 'Cisco',
  model: 'C9300-48P',
  serial: 'FOC2233X0AB',
  platform: 'Cisco IOS-XE 17.3.4',
  osFamily: 'ios-xe',
  osVersion: '17.3.4',
  description: CISCO_DESCR,
  sysObjectId: '1.3.6.1.4.1.9.1.2494',
  location: 'DC1 Row 3',
  contact: 'noc@example.net',
  uptimeSeconds: 1234567,
  interfaces: [
    { name: 'Vl1', index: 1, type: 'virtual', enabled: false, operUp: false, mtu: 1500, speedKbps: 1000000, mac: '00:af:1f:aa:00:40' },
    { name: 'Gi0/0', index: 8, type: '1000base-t', description: 'oob', enabled: true, operUp: true, mtu: 1500, speedKbps: 1000000, mac: '00:af:1f:aa:00:01' },
    { name: 'Gi1/0/1', index: 9, type: '1000base-t', description: 'server-a', enabled: true, operUp: true, mtu: 1500, speedKbps: 1000000, mac: '00:af:1f:aa:00:02', mode: 'access', untaggedVlan: 10 },
    // ifAlias arrives as hex of "\"printer-2\"": quotes stripped.
    { name: 'Gi1/0/2', index: 10, type: '100base-tx', description: 'printer-2', enabled: true, operUp: false, mtu: 1500, speedKbps: 100000, mac: '00:af:1f:aa:00:03', mode: 'access', untaggedVlan: 20 },
    // ifPhysAddress arrives as the text "00:AF:1F:AA:00:04".
    { name: 'Gi1/0/3', index: 11, type: '1000base-t', description: 'trunk to lab', enabled: true, operUp: true, mtu: 9198, speedKbps: 1000000, mac: '00:af:1f:aa:00:04', mode: 'tagged', untaggedVlan: 99, taggedVlans: [10, 20, 30] },
    { name: 'Gi1/0/3.100', index: 12, type: 'virtual', description: 'p2p to isp', enabled: true, operUp: true, mtu: 1500, speedKbps: 1000000, mac: '00:af:1f:aa:00:04', parent: 'Gi1/0/3' },
    // ifSpeed saturated at 4294967295: ifHighSpeed wins.
    { name: 'Te1/1/1', index: 13, type: '10gbase-x-sfpp', description: 'to dist1 Et49/1', enabled: true, operUp: true, mtu: 9198, speedKbps: 10000000, mac: '00:af:1f:aa:00:11', lag: 'Po1' },
    { name: 'Te1/1/2', index: 14, type: '10gbase-x-sfpp', description: 'to dist1 Et50/1', enabled: true, operUp: true, mtu: 9198, speedKbps: 10000000, mac: '00:af:1f:aa:00:12', lag: 'Po1' },
    // No ifSpeed row at all.
    { name: 'Fo1/1/3', index: 15, type: '40gbase-x-qsfpp', enabled: false, operUp: false, mtu: 1500, speedKbps: 40000000, mac: '00:af:1f:aa:00:13' },
    { name: 'Twe1/1/4', index: 16, type: '25gbase-x-sfp28', enabled: true, operUp: false, mtu: 1500, speedKbps: 25000000, mac: '00:af:1f:aa:00:14' },
    { name: 'Po1', index: 20, type: 'lag', description: 'to dist1', enabled: true, operUp: true, mtu: 9198, speedKbps: 20000000, mac: '00:af:1f:aa:00:11', mode: 'tagged', taggedVlans: [10, 20, 30] },
    { name: 'Lo0', index: 30, type: 'virtual', description: 'router-id', enabled: true, operUp: true, mtu: 1514, speedKbps: 8000000 },
    { name: 'Vl10', index: 40, type: 'virtual', description: 'users gw', enabled: true, operUp: true, mtu: 1500, speedKbps: 1000000, mac: '00:af:1f:aa:00:40' },
    { name: 'Tu0', index: 41, type: 'virtual', enabled: true, operUp: true, mtu: 1476, speedKbps: 100 }
  ],
  // ipAddrTable has no ipAdEntAddr column; 127.0.0.1 and the fe80:: address are left out on purpose.
  addresses: [
    { address: '10.0.0.1/32', interface: 'Lo0', role: 'loopback' },
    { address: '10.0.10.1/24', interface: 'Vl10' },
    { address: '10.255.0.1/30', interface: 'Gi1/0/3.100' },
    { address: '198.51.100.10/24', interface: 'Gi0/0' },
    { address: '2001:db8::1/128', interface: 'Lo0', role: 'loopback' },
    { address: '2001:db8:10::1/64', interface: 'Vl10' }
  ],
  vlans: [{ vid: 1, name: 'default' }, { vid: 10, name: 'users' }, { vid: 20, name: 'printers' }, { vid: 30, name: 'voice' }, { vid: 99, name: 'native' }],
  vrfs: [],
  inventory: [
    { name: 'Switch 1 - Power Supply A', kind: 'item', description: 'Switch 1 - Power Supply A', partId: 'PWR-C1-715WAC', serial: 'LIT22334455', class: 'powerSupply' },
    { name: 'Switch 1 FRU Uplink Module 1', kind: 'module', description: '8x10G Uplink Module', partId: 'C9300-NM-8X', serial: 'FOC22334ABC', class: 'module' },
    { name: 'TenGigabitEthernet1/1/1', kind: 'item', description: 'SFP-10GBase-SR', partId: 'SFP-10G-SR', serial: 'AVD2233ABCD', class: 'port', parent: 'Switch 1 FRU Uplink Module 1' }
  ],
  neighbors: [
    { protocol: 'lldp', localInterface: 'Gi1/0/1', remoteSystemName: 'server-a', remotePort: '3c:ec:ef:00:00:01', remoteChassisId: '3c:ec:ef:00:00:01', remotePlatform: 'Linux 5.15.0-91-generic' },
    { protocol: 'lldp', localInterface: 'Te1/1/1', remoteSystemName: 'dist1.example.net', remotePort: 'Ethernet49/1', remotePortDescription: 'to core1 Te1/1/1', remoteChassisId: '00:1c:73:bb:00:01', remoteManagementAddress: '10.0.0.2', remotePlatform: 'Arista EOS 4.28.3M' },
    { protocol: 'lldp', localInterface: 'Te1/1/2', remoteSystemName: 'dist1.example.net', remotePort: 'Ethernet50/1', remotePortDescription: 'to core1 Te1/1/2', remoteChassisId: '00:1c:73:bb:00:01', remoteManagementAddress: '10.0.0.2', remotePlatform: 'Arista EOS 4.28.3M' },
    // CISCO-CDP-MIB, read because the sysObjectID is Cisco's.
    { protocol: 'cdp', localInterface: 'Gi1/0/3', remoteSystemName: 'lab-sw1.example.net', remotePort: 'GigabitEthernet1/0/48', remoteManagementAddress: '10.0.0.9', remotePlatform: 'Cisco IOS 15.2(7)E4' }
  ]
}

const ARISTA: DiscoveredDevice = {
  source: 'snmp',
  target: '127.0.0.1',
  // sysName, sysContact, sysLocation are "<private>": withheld, so left undefined.
  manufacturer: 'Arista',
  model: 'DCS-7280SR-48C6',
  serial: 'JPE21234567',
  platform: 'Arista EOS 4.28.3M',
  osFamily: 'eos',
  osVersion: '4.28.3M',
  description: 'Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7280SR-48C6',
  sysObjectId: '1.3.6.1.4.1.30065.1.3011.7280.3737.48',
  uptimeSeconds: 98765,
  interfaces: [
    { name: 'Ethernet1', index: 1, type: '1000base-t', description: 'web-1', enabled: true, operUp: true, mtu: 9214, speedKbps: 1000000, mac: '00:1c:73:bb:00:02', mode: 'access', untaggedVlan: 100 },
    { name: 'Ethernet2', index: 2, type: '1000base-t', enabled: false, operUp: false, mtu: 9214, speedKbps: 1000000, mac: '00:1c:73:bb:00:03', mode: 'access', untaggedVlan: 200 },
    { name: 'Vlan100', index: 2100, type: 'virtual', enabled: true, operUp: true, mtu: 1500, mac: '00:1c:73:bb:00:01' },
    { name: 'Ethernet49/1', index: 49001, type: '100gbase-x-qsfp28', description: 'to core1 Te1/1/1', enabled: true, operUp: true, mtu: 9214, speedKbps: 100000000, mac: '00:1c:73:bb:00:31', lag: 'Port-Channel10' },
    { name: 'Ethernet50/1', index: 50001, type: '100gbase-x-qsfp28', description: 'to core1 Te1/1/2', enabled: true, operUp: true, mtu: 9214, speedKbps: 100000000, mac: '00:1c:73:bb:00:32', lag: 'Port-Channel10' },
    { name: 'Management1', index: 999001, type: '1000base-t', description: 'oob', enabled: true, operUp: true, mtu: 1500, speedKbps: 1000000, mac: '00:1c:73:bb:00:f0' },
    { name: 'Port-Channel10', index: 1000010, type: 'lag', description: 'to core1 Po1', enabled: true, operUp: true, mtu: 9214, speedKbps: 200000000, mac: '00:1c:73:bb:00:31', mode: 'tagged', taggedVlans: [100, 200] },
    { name: 'Loopback0', index: 5000000, type: 'virtual', enabled: true, operUp: true, mtu: 65535 }
  ],
  // The broadcast row (type 3) and the link-local address are not interface addresses to keep.
  addresses: [
    { address: '10.0.0.2/32', interface: 'Loopback0', role: 'loopback' },
    { address: '10.100.0.1/24', interface: 'Vlan100' },
    { address: '192.168.0.10/24', interface: 'Management1', status: 'dhcp' },
    { address: '2001:db8:100::1/64', interface: 'Vlan100' },
    { address: '2001:db8:100::abcd/64', interface: 'Vlan100', status: 'deprecated' },
    { address: '2001:db8:ffff::2/128', interface: 'Loopback0', role: 'loopback' }
  ],
  vlans: [{ vid: 1, name: 'default' }, { vid: 100, name: 'servers' }, { vid: 200, name: 'storage' }],
  vrfs: [],
  inventory: [
    { name: 'PowerSupply1', kind: 'item', description: 'Power supply 1', partId: 'PWR-500AC-F', serial: 'EEF1234', manufacturer: 'Arista Networks', class: 'powerSupply' },
    { name: 'Fan Tray 1', kind: 'item', description: 'Fan tray 1', partId: 'FAN-7000-F', serial: 'FT123', class: 'fan' },
    { name: 'Xcvr for Ethernet49/1', kind: 'item', description: '100GBASE-SR4', partId: 'QSFP-100G-SR4', serial: 'XYZ00001', manufacturer: 'Arista Networks', class: 'port' }
  ],
  // lldpLocPortNum 49/50/97 are not ifIndexes: the local port ids name the interfaces.
  neighbors: [
    { protocol: 'lldp', localInterface: 'Ethernet49/1', remoteSystemName: 'core1.example.net', remotePort: 'Te1/1/1', remotePortDescription: 'to dist1 Et49/1', remoteChassisId: '00:af:1f:aa:00:00', remoteManagementAddress: '10.0.0.1', remotePlatform: 'Cisco IOS-XE 17.3.4' },
    { protocol: 'lldp', localInterface: 'Ethernet50/1', remoteSystemName: 'core1.example.net', remotePort: 'Te1/1/2', remotePortDescription: 'to dist1 Et50/1', remoteChassisId: '00:af:1f:aa:00:00', remoteManagementAddress: '10.0.0.1', remotePlatform: 'Cisco IOS-XE 17.3.4' },
    { protocol: 'lldp', localInterface: 'Management1', remoteSystemName: 'oob-sw', remotePort: 'Gi0/24', remoteChassisId: '70:10:6f:00:00:05', remoteManagementAddress: '2001:db8:ff::5', remotePlatform: 'HPE ArubaOS-Switch Y.11.16' }
  ]
}

describe('snmp collector on synthetic recordings', () => {
  it('snmp - reads every table of a Cisco IOS-XE-like switch exactly', async () => {
    const result = await collectSnmp(v2c('cisco-c9300'))
    assert.equal(result.credentialIndex, 0)
    assert.equal(result.warnings, undefined)
    assert.deepEqual(result.device, CISCO)
  })

  it('snmp - reads every table of an Arista EOS-like switch exactly', async () => {
    const result = await collectSnmp(v2c('arista-7280'))
    assert.equal(result.warnings, undefined)
    assert.deepEqual(result.device, ARISTA)
  })

  it('snmp - GETNEXT walks (bulk: false) give the same device as GETBULK walks', async () => {
    const result = await collectSnmp(v2c('cisco-c9300', { bulk: false }))
    assert.deepEqual(result.device, CISCO)
  })

  it('snmp - max-repetitions of 1 still reads every row', async () => {
    const result = await collectSnmp(v2c('arista-7280', { maxRepetitions: 1 }))
    assert.deepEqual(result.device, ARISTA)
  })

  it('snmp - link-local addresses are kept when asked', async () => {
    const result = await collectSnmp(v2c('arista-7280'), { includeLinkLocal: true })
    assert.ok(result.device.addresses.some((a) => a.address === 'fe80::21c:73ff:febb:1/64' && a.interface === 'Vlan100' && a.status === 'slaac'))
  })

  it('snmp - an IPv6 target is reached over UDP6 and named [host]:port in errors', async () => {
    const sim6 = await startSnmpSimulator({ dataDir: FIXTURES, host: '::1' })
    try {
      const result = await collectSnmp({ host: '::1', port: sim6.port, credentials: [{ version: '2c', community: 'arista-7280' }] })
      assert.equal(result.device.target, '::1')
      assert.equal(result.device.serial, 'JPE21234567')
      await assert.rejects(collectSnmp({ host: '::1', port: sim6.port, timeout: 200, retries: 0, credentials: [{ version: '2c', community: 'nope-nope' }] }), { code: 'ERR_SNMP_TIMEOUT', message: new RegExp(`\\[::1\\]:${sim6.port}`) })
    } finally {
      await sim6.stop()
    }
  })

  it('snmp - the vendors option renames a manufacturer by enterprise number', async () => {
    const result = await collectSnmp(v2c('cisco-c9300'), { vendors: { 9: 'Cisco Systems' } })
    assert.equal(result.device.manufacturer, 'Cisco Systems')
  })

  it('snmp - tries credentials in order and reports the one that worked', async () => {
    const { logger, lines } = captureLogger()
    const settings = { host: '127.0.0.1', port: sim.port, timeout: 400, retries: 0, credentials: [{ version: '2c' as const, community: 'wrong-community-x1' }, { version: '2c' as const, community: 'arista-7280' }] }
    const result = await collectSnmp(settings, { logger })
    assert.equal(result.credentialIndex, 1)
    assert.equal(result.device.serial, 'JPE21234567')
    assert.match(lines(), /credential did not work/)
    assert.doesNotMatch(lines(), /wrong-community-x1|arista-7280"/)
  })

  it('snmp - the preferred credential is tried first', async () => {
    const { logger, lines } = captureLogger()
    const settings = { host: '127.0.0.1', port: sim.port, timeout: 400, retries: 0, credentials: [{ version: '2c' as const, community: 'wrong-community-x2' }, { version: '2c' as const, community: 'arista-7280' }] }
    const result = await collectSnmp(settings, { logger, preferredCredential: 1 })
    assert.equal(result.credentialIndex, 1)
    assert.doesNotMatch(lines(), /credential did not work/)
  })
})
