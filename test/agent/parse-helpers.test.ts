// The shared CLI parsing helpers: units, MACs, masks, interface names and types, VLAN lists,
// fixed-width tables and command matching.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseSpeedKbps, parseDuplex, normalizeMac } from '../../agent/ssh/parse/units.ts'
import { maskToPrefix, prefixToMask, toCidr, parseCidr, isLinkLocalV6 } from '../../agent/ssh/parse/ip.ts'
import {
  expandInterfaceName, parentInterface, guessInterfaceType, typeFromSpeed,
  NXOS_ABBREVIATIONS, EOS_ABBREVIATIONS, XR_ABBREVIATIONS
} from '../../agent/ssh/parse/interface-name.ts'
import { parseVlanList, ALL_VLANS } from '../../agent/ssh/parse/vlan-list.ts'
import { columnsFromHeader, cutRow, toLines, clean } from '../../agent/ssh/parse/text.ts'
import { commandMatches } from '../../agent/ssh/drivers/define-driver.ts'
import { parseJsonOutput, rows } from '../../agent/ssh/parse/json-output.ts'

test('parse units - speeds in every CLI spelling become kbit/s', () => {
  assert.equal(parseSpeedKbps('1000Mb/s'), 1_000_000)
  assert.equal(parseSpeedKbps('100 Mb/s'), 100_000)
  assert.equal(parseSpeedKbps('10Gb/s'), 10_000_000)
  assert.equal(parseSpeedKbps('1Gbps'), 1_000_000)
  assert.equal(parseSpeedKbps('a-1000'), 1_000_000)
  assert.equal(parseSpeedKbps('100000'), 100_000_000)
  assert.equal(parseSpeedKbps('25G'), 25_000_000)
  assert.equal(parseSpeedKbps('1000mbps'), 1_000_000)
  assert.equal(parseSpeedKbps('2.5Gbps'), 2_500_000)
  assert.equal(parseSpeedKbps('10000000', 'k'), 10_000_000)
  assert.equal(parseSpeedKbps('Auto-speed'), undefined)
  assert.equal(parseSpeedKbps('auto'), undefined)
  assert.equal(parseSpeedKbps('0Kb/s'), undefined)
})

test('parse units - duplex spellings map to NetBox choices', () => {
  assert.equal(parseDuplex('Full-duplex'), 'full')
  assert.equal(parseDuplex('a-full'), 'full')
  assert.equal(parseDuplex('duplexFull'.replace(/^duplex/, '')), 'full')
  assert.equal(parseDuplex('Half-duplex'), 'half')
  assert.equal(parseDuplex('Auto-duplex'), 'auto')
  assert.equal(parseDuplex('unknown'), undefined)
})

test('parse units - MACs become lower-case colon form from any layout', () => {
  for (const m of ['0011.22aa.bbcc', '00:11:22:AA:BB:CC', '00-11-22-aa-bb-cc', '001122aabbcc', '001122-aabbcc', '00 11 22 aa bb cc']) {
    assert.equal(normalizeMac(m), '00:11:22:aa:bb:cc', m)
  }
  assert.equal(normalizeMac('0:1:2:a:b:c'), '00:01:02:0a:0b:0c')
  assert.equal(normalizeMac('10.0.0.1'), undefined)
  assert.equal(normalizeMac('0011.22aa.bb'), undefined)
})

test('parse ip - masks and prefix lengths convert both ways; bad masks are refused', () => {
  assert.equal(maskToPrefix('255.255.255.0'), 24)
  assert.equal(maskToPrefix('255.255.255.252'), 30)
  assert.equal(maskToPrefix('255.255.255.255'), 32)
  assert.equal(maskToPrefix('0.0.0.0'), 0)
  assert.equal(maskToPrefix('255.0.255.0'), undefined)
  assert.equal(maskToPrefix('255.255.256.0'), undefined)
  assert.equal(prefixToMask(23), '255.255.254.0')
  assert.equal(prefixToMask(0), '0.0.0.0')
  assert.throws(() => prefixToMask(33), RangeError)
  assert.equal(toCidr('10.1.1.1', '255.255.255.128'), '10.1.1.1/25')
  assert.equal(toCidr('2001:DB8:0::1', 64), '2001:db8::1/64')
  assert.equal(toCidr('10.1.1.1', 40), undefined)
  assert.equal(parseCidr(' 10.0.0.1/8 '), '10.0.0.1/8')
  assert.equal(parseCidr('fe80::1%eth0/64'), 'fe80::1/64')
  assert.equal(isLinkLocalV6('fe80::1/64'), true)
  assert.equal(isLinkLocalV6('2001:db8::1/64'), false)
})

test('parse interface-name - abbreviations expand per platform, full names stay', () => {
  assert.equal(expandInterfaceName('Gi1/0/1'), 'GigabitEthernet1/0/1')
  assert.equal(expandInterfaceName('Te1/1/1'), 'TenGigabitEthernet1/1/1')
  assert.equal(expandInterfaceName('Twe1/0/1'), 'TwentyFiveGigE1/0/1')
  assert.equal(expandInterfaceName('Fa0/1'), 'FastEthernet0/1')
  assert.equal(expandInterfaceName('Po10'), 'Port-channel10')
  assert.equal(expandInterfaceName('GigabitEthernet0/1'), 'GigabitEthernet0/1')
  assert.equal(expandInterfaceName('Eth1/1', NXOS_ABBREVIATIONS), 'Ethernet1/1')
  assert.equal(expandInterfaceName('Po100', NXOS_ABBREVIATIONS), 'port-channel100')
  assert.equal(expandInterfaceName('Et49/1', EOS_ABBREVIATIONS), 'Ethernet49/1')
  assert.equal(expandInterfaceName('Po1', EOS_ABBREVIATIONS), 'Port-Channel1')
  assert.equal(expandInterfaceName('BE10', XR_ABBREVIATIONS), 'Bundle-Ether10')
  assert.equal(expandInterfaceName('Te0/0/0/1', XR_ABBREVIATIONS), 'TenGigE0/0/0/1')
  assert.equal(expandInterfaceName('mgmt0', NXOS_ABBREVIATIONS), 'mgmt0')
  assert.equal(expandInterfaceName('ge-0/0/0'), 'ge-0/0/0')
})

test('parse interface-name - subinterfaces and logical units name their parent', () => {
  assert.equal(parentInterface('GigabitEthernet0/1.100'), 'GigabitEthernet0/1')
  assert.equal(parentInterface('ge-0/0/0.0'), 'ge-0/0/0')
  assert.equal(parentInterface('Bundle-Ether10.200'), 'Bundle-Ether10')
  assert.equal(parentInterface('GigabitEthernet0/1'), undefined)
  assert.equal(parentInterface('Ethernet1/1'), undefined)
})

test('parse interface-name - NetBox types from names, hardware, media and speed', () => {
  assert.equal(guessInterfaceType('GigabitEthernet1/0/1'), '1000base-t')
  assert.equal(guessInterfaceType('GigabitEthernet1/1/1', { media: '1000BaseSX SFP' }), '1000base-x-sfp')
  assert.equal(guessInterfaceType('TenGigabitEthernet1/1/1'), '10gbase-x-sfpp')
  assert.equal(guessInterfaceType('TenGigE0/0/0/1'), '10gbase-x-sfpp')
  assert.equal(guessInterfaceType('HundredGigE0/0/0/0'), '100gbase-x-qsfp28')
  assert.equal(guessInterfaceType('FastEthernet0/1'), '100base-tx')
  assert.equal(guessInterfaceType('xe-0/0/1'), '10gbase-x-sfpp')
  assert.equal(guessInterfaceType('Port-channel1'), 'lag')
  assert.equal(guessInterfaceType('port-channel10'), 'lag')
  assert.equal(guessInterfaceType('ae0'), 'lag')
  assert.equal(guessInterfaceType('Bundle-Ether10'), 'lag')
  assert.equal(guessInterfaceType('Trk1'), 'lag')
  for (const v of ['Loopback0', 'lo0', 'Vlan10', 'Tunnel1', 'irb', 'irb.10', 'nve1', 'Null0', 'BVI1']) assert.equal(guessInterfaceType(v), 'virtual', v)
  assert.equal(guessInterfaceType('GigabitEthernet0/1.100'), 'virtual')
  assert.equal(guessInterfaceType('Ethernet1/1', { speedKbps: 25_000_000 }), '25gbase-x-sfp28')
  assert.equal(guessInterfaceType('Ethernet1', { speedKbps: 1_000_000 }), '1000base-t')
  assert.equal(guessInterfaceType('Ethernet1'), 'other')
  assert.equal(guessInterfaceType('mgmt0'), '1000base-t')
  assert.equal(guessInterfaceType('Serial0/0/0'), 'other')
  assert.equal(typeFromSpeed(100_000_000), '100gbase-x-qsfp28')
  assert.equal(typeFromSpeed(undefined), undefined)
})

test('parse vlan-list - ranges, ALL and NONE', () => {
  assert.deepEqual(parseVlanList('1-3,10,20-21'), [1, 2, 3, 10, 20, 21])
  assert.deepEqual(parseVlanList('10 20 30'), [10, 20, 30])
  assert.deepEqual(parseVlanList('5,5,0,4095'), [5])
  assert.equal(parseVlanList('ALL'), ALL_VLANS)
  assert.equal(parseVlanList('1-4094'), ALL_VLANS)
  assert.deepEqual(parseVlanList('none'), [])
  assert.deepEqual(parseVlanList(''), [])
})

test('parse text - fixed-width rows are cut by the header, spilling cells kept whole', () => {
  const header = 'Name            Default RD            Interfaces'
  const cols = columnsFromHeader(header, ['Name', 'Default RD', 'Interfaces'])
  assert.ok(cols !== undefined)
  assert.deepEqual(cutRow('MGMT            65000:100             Gi0/0', cols), { Name: 'MGMT', 'Default RD': '65000:100', Interfaces: 'Gi0/0' })
  assert.deepEqual(cutRow('a-very-long-vrf-name 65000:1         Gi1', cols), { Name: 'a-very-long-vrf-name', 'Default RD': '65000:1', Interfaces: 'Gi1' })
  assert.equal(columnsFromHeader(header, ['Protocols']), undefined)
  assert.deepEqual(toLines('a\r\nb  \r\n\tc'), ['a', 'b', '    c'])
  assert.equal(clean(' -- '), undefined)
  assert.equal(clean('"quoted"'), 'quoted')
})

test('parse commands - abbreviated commands match their canonical form, word for word', () => {
  assert.equal(commandMatches('sh int', 'show interfaces'), true)
  assert.equal(commandMatches('SHOW  Interfaces', 'show interfaces'), true)
  assert.equal(commandMatches('sh ver | json', 'show version | json'), true)
  assert.equal(commandMatches('sh ver|json', 'show version | json'), true)
  assert.equal(commandMatches('sh int', 'show interfaces switchport'), false)
  assert.equal(commandMatches('show interfaces x', 'show interfaces'), false)
  assert.equal(commandMatches('shw int', 'show interfaces'), false)
})

test('parse json - documents with stray lines, and NX-OS tables in any shape', () => {
  assert.deepEqual(parseJsonOutput('show version | json\n{"a": 1}\nswitch# '), { a: 1 })
  assert.equal(parseJsonOutput('no json here'), undefined)
  assert.equal(parseJsonOutput('{"a": '), undefined)
  const one = { TABLE_x: { ROW_x: { n: 1 } } }
  const many = { TABLE_x: { ROW_x: [{ n: 1 }, { n: 2 }] } }
  const nested = { TABLE_x: [{ ROW_x: { n: 1 } }, { ROW_x: { n: 2 } }] }
  assert.deepEqual(rows(one, 'x'), [{ n: 1 }])
  assert.deepEqual(rows(many, 'x'), [{ n: 1 }, { n: 2 }])
  assert.deepEqual(rows(nested, 'x'), [{ n: 1 }, { n: 2 }])
  assert.deepEqual(rows({}, 'x'), [])
})

test('parse prompt - the hostname each platform shows in its prompt', async () => {
  const { hostnameFromPrompt } = await import('../../agent/ssh/parse/index.ts')
  assert.equal(hostnameFromPrompt('edge-sw1#'), 'edge-sw1')
  assert.equal(hostnameFromPrompt('edge-sw1>'), 'edge-sw1')
  assert.equal(hostnameFromPrompt('edge-sw1(config-if)#'), 'edge-sw1')
  assert.equal(hostnameFromPrompt('RP/0/RSP0/CPU0:pe1.example.net#'), 'pe1.example.net')
  assert.equal(hostnameFromPrompt('{master:0}\nadmin@ex1>'), 'ex1')
  assert.equal(hostnameFromPrompt('admin@mx1> '), 'mx1')
  assert.equal(hostnameFromPrompt('HP-2530-24G#'), 'HP-2530-24G')
  assert.equal(hostnameFromPrompt('Description: uplink ->'), undefined)
  assert.equal(hostnameFromPrompt(''), undefined)
})

test('parse interface-name - a port listing its speeds is typed by the fastest', () => {
  assert.equal(guessInterfaceType('Ethernet1/1', { hardware: '100/1000/10000/25000 Ethernet', speedKbps: 10_000_000 }), '25gbase-x-sfp28')
  assert.equal(guessInterfaceType('Ethernet1/49', { hardware: '40000/100000 Ethernet' }), '100gbase-x-qsfp28')
  assert.equal(guessInterfaceType('Ethernet1/2', { hardware: 'Ethernet', speedKbps: 1_000_000 }), '1000base-t')
})
