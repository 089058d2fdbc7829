// juniper_junos against the project's own MX204/EX fixtures: `| display json` and text.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseFixture, driver } from './drivers-fixture-helpers.ts'
import { mergeFragments } from '../../agent/ssh/merge-fragments.ts'

const P = 'juniper_junos'

test('drivers juniper_junos - show version: JSON and text agree, model in device-type spelling', () => {
  const expected = {
    manufacturer: 'Juniper', osFamily: 'junos', osVersion: '21.4R3-S3.4', platform: 'Juniper Junos 21.4R3-S3.4',
    hostname: 'mx1', model: 'MX204', description: 'Juniper Networks MX204, Junos 21.4R3-S3.4'
  }
  assert.deepEqual(parseFixture(P, 'show version'), expected)
  assert.deepEqual(parseFixture(P, 'show version | display json'), expected)
  // Older releases have no "Junos:" line; the base OS package names the release.
  assert.equal(driver(P).parseStrict('show version', 'Hostname: sw1\nModel: ex4200-48t\nJUNOS Base OS boot [12.3R12.4]\nJUNOS Base OS Software Suite [12.3R12.4]\n').osVersion, '12.3R12.4')
})

test('drivers juniper_junos - show chassis hardware: nested items with parents, NON-JNPR optics, the chassis serial', () => {
  const f = parseFixture(P, 'show chassis hardware')
  assert.equal(f.serial, 'DL123')
  assert.equal(f.model, 'MX204')
  const items = f.inventory!.map((i) => [i.name, i.kind, i.partId, i.serial, i.parent, i.manufacturer])
  assert.deepEqual(items, [
    ['Chassis', 'item', undefined, 'DL123', undefined, 'Juniper'],
    ['Midplane', 'item', '750-069579', 'CAGJ1234', undefined, 'Juniper'],
    ['PEM 0', 'item', '740-069994', '1F08A123456', undefined, 'Juniper'],
    ['Routing Engine 0', 'module', undefined, undefined, undefined, 'Juniper'],
    ['CB 0', 'item', '750-069579', 'CAGJ1234', undefined, 'Juniper'],
    ['FPC 0', 'module', undefined, undefined, undefined, 'Juniper'],
    ['FPC 0 PIC 0', 'module', undefined, undefined, 'FPC 0', 'Juniper'],
    ['FPC 0 PIC 0 Xcvr 0', 'item', '740-061405', '1ACQ12345AB', 'FPC 0 PIC 0', 'Juniper'],
    ['FPC 0 PIC 0 Xcvr 1', 'item', undefined, 'X8C0ABCD', 'FPC 0 PIC 0', undefined],
    ['FPC 0 PIC 1', 'module', undefined, undefined, 'FPC 0', 'Juniper'],
    ['FPC 0 PIC 1 Xcvr 0', 'item', '740-021308', 'AS9123AB', 'FPC 0 PIC 1', 'Juniper'],
    ['Fan Tray 0', 'item', '760-069329', 'ACNE1234', undefined, 'Juniper']
  ])
  // The JSON form holds a subset of the same tree; every item it has, the text has too.
  const json = parseFixture(P, 'show chassis hardware | display json')
  assert.equal(json.serial, 'DL123')
  assert.equal(json.model, 'MX204')
  const textByName = new Map(f.inventory!.map((i) => [i.name, i]))
  for (const item of json.inventory!) {
    const t = textByName.get(item.name)
    assert.ok(t !== undefined, item.name)
    assert.deepEqual([item.kind, item.partId, item.serial, item.parent], [t.kind, t.partId, t.serial, t.parent], item.name)
  }
})

test('drivers juniper_junos - show interfaces: physical and logical, addresses with lengths, AE membership', () => {
  for (const command of ['show interfaces', 'show interfaces | display json']) {
    const f = parseFixture(P, command)
    const by = new Map(f.interfaces!.map((i) => [i.name, i]))
    assert.deepEqual(f.addresses, [
      { address: '10.0.1.1/31', interface: 'et-0/0/0.0' },
      { address: '2001:db8:1::1/127', interface: 'et-0/0/0.0' },
      { address: '10.100.0.1/24', interface: 'ae0.100' },
      { address: '10.255.2.1/32', interface: 'lo0.0' },
      { address: '2001:db8::2:1/128', interface: 'lo0.0' }
    ], command)
    assert.deepEqual(by.get('et-0/0/0'), {
      name: 'et-0/0/0', enabled: true, operUp: true, description: 'core1 et-0/0/1', mtu: 9192, speedKbps: 100_000_000,
      mac: '4c:6d:58:aa:00:00', type: '100gbase-x-qsfp28'
    }, command)
    assert.equal(by.get('xe-0/1/0')?.lag, 'ae0', command)
    assert.equal(by.get('xe-0/1/1')?.enabled, false, command)
    assert.equal(by.get('ae0')?.type, 'lag', command)
    assert.equal(by.get('ae0.100')?.parent, 'ae0', command)
    assert.equal(by.get('ae0.100')?.type, 'virtual', command)
    assert.equal(by.get('ae0.100')?.description, 'users', command)
    assert.equal(by.get('lo0')?.type, 'virtual', command)
  }
})

test('drivers juniper_junos - show interfaces terse: addresses with lengths, internal RE addresses left out', () => {
  const f = parseFixture(P, 'show interfaces terse')
  assert.deepEqual(f.addresses, [
    { address: '10.0.1.1/31', interface: 'et-0/0/0.0' },
    { address: '2001:db8:1::1/127', interface: 'et-0/0/0.0' },
    { address: '10.100.0.1/24', interface: 'ae0.100' },
    { address: '10.255.2.1/32', interface: 'lo0.0' },
    { address: '2001:db8::2:1/128', interface: 'lo0.0' },
    { address: '192.0.2.51/24', interface: 'fxp0.0' }
  ])
  const by = new Map(f.interfaces!.map((i) => [i.name, i]))
  assert.deepEqual(by.get('xe-0/1/1'), { name: 'xe-0/1/1', enabled: false, operUp: false, type: '10gbase-x-sfpp' })
  assert.equal(by.get('xe-0/1/0')?.lag, 'ae0')
  assert.equal(by.get('fxp0')?.type, '1000base-t')
})

test('drivers juniper_junos - VLANs: JSON and text, names with spaces', () => {
  const expected = [{ vid: 1, name: 'default' }, { vid: 100, name: 'users' }, { vid: 200, name: 'voice' }, { vid: 300, name: 'guest wifi' }]
  assert.deepEqual(parseFixture(P, 'show vlans').vlans, expected)
  assert.deepEqual(parseFixture(P, 'show vlans | display json').vlans, expected)
})

test('drivers juniper_junos - show ethernet-switching interface: port modes on the physical port', () => {
  assert.deepEqual(parseFixture(P, 'show ethernet-switching interface').interfaces, [
    { name: 'ae0', mode: 'tagged', taggedVlans: [100, 200, 300], untaggedVlan: 1 },
    { name: 'ge-0/0/1', mode: 'access', untaggedVlan: 100 },
    { name: 'ge-0/0/10', mode: 'access', untaggedVlan: 1 }
  ])
})

test('drivers juniper_junos - routing instances: only VRFs, with RD and interfaces', () => {
  assert.deepEqual(parseFixture(P, 'show route instance detail'), {
    vrfs: [{ name: 'cust-a', rd: '65000:200' }],
    interfaces: [{ name: 'ae0.200', vrf: 'cust-a' }, { name: 'lo0.200', vrf: 'cust-a' }]
  })
})

test('drivers juniper_junos - LLDP: JSON and text agree', () => {
  const expected = [
    { protocol: 'lldp', localInterface: 'et-0/0/0', remoteChassisId: '4c:6d:58:bb:00:00', remotePort: 'et-0/0/1', remoteSystemName: 'core1.example.net' },
    { protocol: 'lldp', localInterface: 'xe-0/1/0', remoteChassisId: '00:1c:73:aa:bb:cc', remotePort: 'Ethernet49', remoteSystemName: 'access-sw' }
  ]
  assert.deepEqual(parseFixture(P, 'show lldp neighbors').neighbors, expected)
  assert.deepEqual(parseFixture(P, 'show lldp neighbors | display json').neighbors, expected)
})

test('drivers juniper_junos - the driver commands merged give one device', () => {
  const d = driver(P)
  const device = mergeFragments('192.0.2.51', d.commands.map((c) => parseFixture(P, c)))
  assert.equal(device.hostname, 'mx1')
  assert.equal(device.model, 'MX204')
  assert.equal(device.serial, 'DL123')
  assert.equal(device.interfaces.find((i) => i.name === 'ae0')?.mode, 'tagged')
  assert.equal(device.interfaces.find((i) => i.name === 'xe-0/1/0')?.lag, 'ae0')
  assert.equal(device.addresses.length, 5)
  assert.equal(device.vrfs[0]?.rd, '65000:200')
  assert.equal(d.detect('Hostname: mx1\nModel: mx204\nJunos: 21.4R3-S3.4'), true)
  assert.equal(d.detect('Arista DCS-7050SX3'), false)
})

test('drivers juniper_junos - pre-ELS show ethernet-switching interfaces: first member on the interface row', () => {
  const out = [
    'Interface    State  VLAN members        Tag   Tagging  Blocking',
    'ge-0/0/0.0   up     v100                100   untagged unblocked',
    '                    v200                200   tagged   unblocked',
    'ge-0/0/1.0   down   v100                100   untagged unblocked',
    ''
  ].join('\n')
  assert.deepEqual(driver(P).parseStrict('show ethernet-switching interface', out).interfaces, [
    { name: 'ge-0/0/0', mode: 'tagged', taggedVlans: [200], untaggedVlan: 100 },
    { name: 'ge-0/0/1', mode: 'access', untaggedVlan: 100 }
  ])
})
