// The pure pieces of the collector: value decoding, sysDescr and type mapping, index decoding, and
// the walker's reaction to a device that returns OIDs out of order (a fault no simulator produces,
// so a scripted session stands in for the device).
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import snmp from 'net-snmp'
import { bytesToMac, bytesToText, inetFromIndex, maskToPrefixLength, portListMembers } from '../../../agent/snmp/decode.ts'
import { interfaceType, parseSysDescr, vendorFromSysObjectId } from '../../../agent/snmp/index.ts'
import { prefixLengthFromPointer } from '../../../agent/snmp/tables/ip-mib.ts'
import { portMode } from '../../../agent/snmp/tables/bridge-mib.ts'
import { compareOids, walkColumns, type WalkState } from '../../../agent/snmp/walk.ts'
import type { SnmpSession, Varbind } from '../../../agent/snmp/session.ts'

describe('snmp value decoding', () => {
  it('snmp - text: raw bytes, trailing NULs, C buffers with leftovers, quotes, hex dumps, binary', () => {
    assert.equal(bytesToText(Buffer.from('Gi0/1')), 'Gi0/1')
    assert.equal(bytesToText(Buffer.from('Gi0/1\0\0\0')), 'Gi0/1')
    assert.equal(bytesToText(Buffer.concat([Buffer.from('PORT'), Buffer.alloc(12), Buffer.from('\n00 00 00')])), 'PORT')
    assert.equal(bytesToText(Buffer.from('"uplink to core"')), 'uplink to core')
    assert.equal(bytesToText(Buffer.from('47 69 30 2F 31')), 'Gi0/1')
    assert.equal(bytesToText(Buffer.from('line one\r\nline two')), 'line one\r\nline two')
    assert.equal(bytesToText(Buffer.from([0x00, 0x1c, 0x73, 0x01, 0x02, 0x03])), undefined)
    assert.equal(bytesToText(Buffer.from('   ')), undefined)
  })

  it('snmp - MACs: 6 bytes, colon, dash, dotted and bare text, all-zero as none', () => {
    assert.equal(bytesToMac(Buffer.from([0x00, 0x1c, 0x73, 0xaa, 0xbb, 0xcc])), '00:1c:73:aa:bb:cc')
    assert.equal(bytesToMac(Buffer.from('00:1C:73:AA:BB:CC')), '00:1c:73:aa:bb:cc')
    assert.equal(bytesToMac(Buffer.from('0:1c:73:a:b:c')), '00:1c:73:0a:0b:0c')
    assert.equal(bytesToMac(Buffer.from('00-1c-73-aa-bb-cc')), '00:1c:73:aa:bb:cc')
    assert.equal(bytesToMac(Buffer.from('001c.73aa.bbcc')), '00:1c:73:aa:bb:cc')
    assert.equal(bytesToMac(Buffer.from('001C73AABBCC')), '00:1c:73:aa:bb:cc')
    assert.equal(bytesToMac(Buffer.alloc(6)), undefined)
    assert.equal(bytesToMac(Buffer.alloc(0)), undefined)
  })

  it('snmp - InetAddress indexes (RFC 4001) and ipAddressPrefix pointers', () => {
    assert.deepEqual(inetFromIndex([1, 4, 10, 0, 0, 1]), { family: 4, address: '10.0.0.1', zone: undefined, next: 6 })
    assert.equal(inetFromIndex([2, 16, 32, 1, 13, 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])?.address, '2001:db8::1')
    assert.deepEqual(inetFromIndex([4, 20, 254, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 7]), { family: 6, address: 'fe80::1', zone: 7, next: 22 })
    assert.equal(inetFromIndex([1, 4, 10, 0]), undefined)
    assert.equal(prefixLengthFromPointer('1.3.6.1.2.1.4.32.1.5.48.2.16.253.165.116.200.183.158.0.1.0.0.0.0.0.0.0.0.64'), 64)
    assert.equal(prefixLengthFromPointer('1.3.6.1.2.1.4.32.1.5.3.1.4.10.0.0.0.24'), 24)
    // FortiOS: no address length octet.
    assert.equal(prefixLengthFromPointer('1.3.6.1.2.1.4.32.1.5.2.2.42.7.53.0.19.184.223.17.0.0.0.0.0.0.0.4.127'), 127)
    assert.equal(prefixLengthFromPointer('0.0'), undefined)
    assert.equal(maskToPrefixLength('255.255.255.252'), 30)
    assert.equal(maskToPrefixLength('255.0.255.0'), undefined)
  })

  it('snmp - PortList bitmaps and 802.1Q modes', () => {
    assert.deepEqual(portListMembers(Buffer.from('A8000000000700000000000010', 'hex')), [1, 3, 5, 46, 47, 48, 100])
    assert.deepEqual(portMode({ egress: new Set([10]), untagged: new Set([10]), pvid: 10 }), { mode: 'access', untaggedVlan: 10 })
    assert.deepEqual(portMode({ egress: new Set([10, 20, 99]), untagged: new Set([99]), pvid: 99 }), { mode: 'tagged', untaggedVlan: 99, taggedVlans: [10, 20] })
    // The PVID is not the untagged VLAN when the port sends it tagged.
    assert.deepEqual(portMode({ egress: new Set([10, 20]), untagged: new Set(), pvid: 10 }), { mode: 'tagged', untaggedVlan: undefined, taggedVlans: [10, 20] })
    assert.deepEqual(portMode({ egress: new Set(), untagged: new Set(), pvid: 1 }), {})
  })
})

describe('snmp identity and type mapping', () => {
  it('snmp - platform, family and version from sysDescr for the common OSes', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.0(2a)EX5, RELEASE SOFTWARE (fc3)', 'Cisco IOS 15.0(2a)EX5', 'ios'],
      ['Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4, RELEASE SOFTWARE (fc3)', 'Cisco IOS-XE 17.3.4', 'ios-xe'],
      ['Cisco IOS Software [Fuji], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 16.9.4, RELEASE SOFTWARE (fc2)', 'Cisco IOS-XE 16.9.4', 'ios-xe'],
      ['Cisco NX-OS(tm) nxos.7.0.3.I7.8.bin, Software (nxos), Version 7.0(3)I7(8), RELEASE SOFTWARE', 'Cisco NX-OS 7.0(3)I7(8)', 'nx-os'],
      ['Cisco IOS XR Software (NCS-5500), Version 7.4.1  Copyright (c) 2013-2021 by Cisco Systems, Inc.', 'Cisco IOS-XR 7.4.1', 'ios-xr'],
      ['Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7280SR-48C6', 'Arista EOS 4.28.3M', 'eos'],
      ['Juniper Networks, Inc. ex4300-48t Ethernet Switch, kernel JUNOS 21.4R3-S5.4, Build date: 2023-05-11', 'Juniper Junos 21.4R3-S5.4', 'junos'],
      ['RouterOS CCR1036-8G-2S+', 'MikroTik RouterOS', 'routeros'],
      ['Linux edge1 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 x86_64', 'Linux 6.1.0-18-amd64', 'linux'],
      ['ProCurve J4900B Switch 2626, revision H.10.50, ROM H.08.02 (/sw/code/build/fish(mkfs))', 'HPE ArubaOS-Switch H.10.50', 'procurve'],
      ['Aruba JL258A 2930F-8G-PoE+-2SFP+ Switch, revision WC.16.10.0009, ROM WC.16.01.0008', 'HPE ArubaOS-Switch WC.16.10.0009', 'procurve'],
      ['FortiGate-60F v7.0.5,build0304,220208 (GA)', 'Fortinet FortiOS 7.0.5', 'fortios'],
      ['S5720-56C-PWR-EI-AC\nHuawei Versatile Routing Platform Software \r\n VRP (R) software,Version 5.170 (S5720 V200R010C00SPC600) \r\n', 'Huawei VRP V200R010C00SPC600', 'vrp'],
      ['EdgeOS v1.8.0.4853089.160219.1607', 'Ubiquiti EdgeOS 1.8.0', 'edgeos'],
      ['Dell EMC Networking OS10 Enterprise.\r\nCopyright (c) 1999-2020 by Dell Inc.\r\nOS Version: 10.5.1.3.', 'Dell OS10 10.5.1.3', 'os10']
    ]
    for (const [descr, platform, family] of cases) {
      const os = parseSysDescr(descr)
      assert.equal(os?.platform, platform, descr)
      assert.equal(os?.osFamily, family, descr)
    }
    assert.equal(parseSysDescr('Firewall Test150', 12356)?.platform, 'Fortinet FortiOS')
    assert.equal(parseSysDescr('something unknown'), undefined)
  })

  it('snmp - manufacturer from the enterprise number, overridable', () => {
    assert.equal(vendorFromSysObjectId('1.3.6.1.4.1.9.1.1208'), 'Cisco')
    assert.equal(vendorFromSysObjectId('.1.3.6.1.4.1.2636.1.1.1.2.108'), 'Juniper')
    assert.equal(vendorFromSysObjectId('1.3.6.1.4.1.25506.11.1.1'), 'HPE')
    assert.equal(vendorFromSysObjectId('1.3.6.1.4.1.41112.1.5'), 'Ubiquiti')
    assert.equal(vendorFromSysObjectId('1.3.6.1.4.1.99999.1'), undefined)
    assert.equal(vendorFromSysObjectId('1.3.6.1.4.1.99999.1', { 99999: 'Acme' }), 'Acme')
    assert.equal(vendorFromSysObjectId('1.3.6.1.2.1.1'), undefined)
  })

  it('snmp - NetBox interface types from ifType, speed and name', () => {
    const G = 1e9
    assert.equal(interfaceType(6, G, 'Gi1/0/1'), '1000base-t')
    assert.equal(interfaceType(6, 10 * G, 'Te1/1/1'), '10gbase-x-sfpp')
    assert.equal(interfaceType(6, 25 * G, 'Ethernet1'), '25gbase-x-sfp28')
    assert.equal(interfaceType(6, 40 * G, 'Fo1/1/1'), '40gbase-x-qsfpp')
    assert.equal(interfaceType(6, 100 * G, 'Ethernet49/1'), '100gbase-x-qsfp28')
    assert.equal(interfaceType(6, 1e8, 'Fa0/1'), '100base-tx')
    assert.equal(interfaceType(6, undefined, 'TenGigabitEthernet1/0/1'), '10gbase-x-sfpp')
    assert.equal(interfaceType(6, 1e7, 'eth0'), 'other')
    for (const t of [24, 53, 131, 135, 136]) assert.equal(interfaceType(t, G, 'x'), 'virtual')
    assert.equal(interfaceType(161, 2 * G, 'Po1'), 'lag')
    assert.equal(interfaceType(53, 0, 'Port-channel10'), 'lag')
    assert.equal(interfaceType(1, 0, 'wg0'), 'other')
    assert.equal(interfaceType(209, 0, 'br0'), 'bridge')
  })
})

describe('snmp walker', () => {
  it('snmp - OIDs order arc by arc, not as text', () => {
    assert.ok(compareOids('1.3.6.1.2.1.2.2.1.2.10', '1.3.6.1.2.1.2.2.1.2.9') > 0)
    assert.ok(compareOids('1.3.6.1', '1.3.6.1.0') < 0)
    assert.equal(compareOids('1.3.6', '1.3.6'), 0)
  })

  it('snmp - a device whose GETBULK goes backwards is walked with GETNEXT from where it was', async () => {
    const col = '1.3.6.1.2.1.2.2.1.2'
    const rows = [1, 2, 3, 4, 5].map((i) => ({ oid: `${col}.${i}`, type: snmp.ObjectType.OctetString, value: Buffer.from(`if${i}`) }))
    const end: Varbind = { oid: '1.3.6.1.2.1.2.2.1.3.1', type: snmp.ObjectType.Integer, value: 6 }
    const next = (oid: string): Varbind => rows.find((r) => compareOids(r.oid, oid) > 0) ?? end
    const calls: string[] = []
    // Scripted device: GETBULK answers two good rows, then repeats an earlier one.
    const session = {
      async getBulk (oids: string[]) { calls.push('bulk'); return [[next(oids[0]), next(next(oids[0]).oid), rows[0]]] },
      async getNext (oids: string[]) { calls.push('next'); return oids.map(next) }
    } as unknown as SnmpSession
    const state: WalkState = { mode: 'bulk', maxRepetitions: 25, truncated: [] }
    const result = await walkColumns(session, [col], state, { name: 'ifTable', start: Date.now() })
    assert.deepEqual([...(result.get(col)?.keys() ?? [])], ['1', '2', '3', '4', '5'])
    assert.equal(state.mode, 'next')
    assert.match(state.fallbackReason ?? '', /out of order during ifTable/)
    assert.deepEqual(calls, ['bulk', 'next', 'next', 'next', 'next'])
  })

  it('snmp - a device that loops under GETNEXT ends the column with a note instead of hanging', async () => {
    const col = '1.3.6.1.2.1.31.1.1.1.1'
    const session = { async getNext () { return [{ oid: `${col}.1`, type: snmp.ObjectType.OctetString, value: Buffer.from('x') }] } } as unknown as SnmpSession
    const state: WalkState = { mode: 'next', maxRepetitions: 25, truncated: [] }
    const result = await walkColumns(session, [col], state, { name: 'ifXTable', start: Date.now() })
    assert.equal(result.get(col)?.size, 1)
    assert.equal(state.truncated.length, 1)
  })
})

describe('snmp Cisco VLAN MIBs', () => {
  it('snmp - CISCO-VTP-MIB VLANs, trunk bitmaps (allowed lists and "all") and vmVlan access ports', async () => {
    const { parseCiscoVlans, VTP_VLAN_COLUMNS, VTP_TRUNK_COLUMNS, VM_VLAN_COLUMNS } = await import('../../../agent/snmp/tables/cisco-vlan.ts')
    const int = (value: number): Varbind => ({ oid: '', type: snmp.ObjectType.Integer, value })
    const oct = (value: Buffer | string): Varbind => ({ oid: '', type: snmp.ObjectType.OctetString, value: Buffer.from(value) })
    const bitmap = (vids: number[]): Buffer => { const b = Buffer.alloc(128); for (const v of vids) b[v >> 3] |= 0x80 >> (v & 7); return b }
    const vtp = new Map([
      [VTP_VLAN_COLUMNS.vtpVlanState, new Map([['1.1', int(1)], ['1.10', int(1)], ['1.20', int(1)], ['1.1002', int(2)]])],
      [VTP_VLAN_COLUMNS.vtpVlanType, new Map([['1.1', int(1)], ['1.10', int(1)], ['1.20', int(1)], ['1.1002', int(2)]])],
      [VTP_VLAN_COLUMNS.vtpVlanName, new Map([['1.1', oct('default')], ['1.10', oct('users')], ['1.20', oct('voice')], ['1.1002', oct('fddi-default')]])]
    ])
    const all = Buffer.alloc(128, 0xff)
    const trunks = new Map([
      [VTP_TRUNK_COLUMNS.vlanTrunkPortNativeVlan, new Map([['5', int(1)], ['6', int(99)], ['7', int(1)]])],
      [VTP_TRUNK_COLUMNS.vlanTrunkPortDynamicStatus, new Map([['5', int(1)], ['6', int(1)], ['7', int(2)]])],
      [VTP_TRUNK_COLUMNS.vlanTrunkPortVlansEnabled, new Map([['5', oct(bitmap([10, 20, 99]))], ['6', oct(all)]])],
      [VTP_TRUNK_COLUMNS.vlanTrunkPortVlansEnabled2k, new Map([['6', oct(all)]])],
      [VTP_TRUNK_COLUMNS.vlanTrunkPortVlansEnabled3k, new Map([['6', oct(all)]])],
      [VTP_TRUNK_COLUMNS.vlanTrunkPortVlansEnabled4k, new Map([['6', oct(all)]])]
    ])
    const members = new Map([[VM_VLAN_COLUMNS.vmVlan, new Map([['7', int(10)], ['8', int(20)]])]])
    const r = parseCiscoVlans(vtp, trunks, members)
    assert.deepEqual([...r.vlans], [[1, { name: 'default' }], [10, { name: 'users' }], [20, { name: 'voice' }]])
    assert.deepEqual(r.ports.get(5), { mode: 'tagged', untaggedVlan: 1, taggedVlans: [10, 20, 99] })
    assert.deepEqual(r.ports.get(6), { mode: 'tagged-all', untaggedVlan: 99 })
    assert.deepEqual(r.ports.get(7), { mode: 'access', untaggedVlan: 10 })
    assert.deepEqual(r.ports.get(8), { mode: 'access', untaggedVlan: 20 })
  })
})
