// Every real-device recording in ../shared/corpus/snmprec (when the folder exists) served by
// snmpsim and read by the collector, compared with what LibreNMS discovered from the same recording
// (../shared/corpus/librenms-expected). Deliberate differences, and why:
// - Interface names: LibreNMS keeps ifName and ifDescr apart; we use ifName, else ifDescr (as NetBox
//   shows one name). Compared with that rule applied to LibreNMS's columns.
// - Types: LibreNMS stores the IANA ifType name; we store a NetBox slug. The expectation is our
//   mapping applied to LibreNMS's ifType and speed, so the test proves we read both the same way.
// - MACs: an all-zero ifPhysAddress is "no MAC" for us (NetBox would otherwise merge them).
// - Addresses: loopback (127/8, ::1) and unspecified addresses are left out on purpose: every
//   device has them and they would collide in one IPAM. Link-local ones are kept only with
//   includeLinkLocal, which this test sets to compare them too.
// - IPv6 prefix lengths come from the ipAddressPrefix pointer (RFC 4293) or IPV6-MIB
//   ipv6AddrPfxLength; Junos' fec0::a:0:0:4 has ipv6AddrPfxLength 64 where LibreNMS shows 0.
// - An address whose table gives no length is kept as a host address (/32, /128); LibreNMS drops it.
// - VLAN names: an empty dot1qVlanStaticName stays unnamed; LibreNMS invents "VLAN <vid>".
// - VLAN names of Junos come from JUNIPER-L2ALD-MIB (read for enterprise 2636 only). Cisco VLANs
//   come from CISCO-VTP-MIB (Ethernet VLANs only, not the fixed FDDI/Token Ring 1002-1005) and
//   access ports from CISCO-VLAN-MEMBERSHIP-MIB (read for enterprise 9 only).
// - A port LibreNMS shows untagged in several VLANs gets one untagged VLAN (NetBox holds one).
// - ifAlias: LibreNMS trims surrounding backslashes; we keep the device's text.
// - Interfaces: LibreNMS leaves some ports out by per-OS rules; we report every ifTable row.
// - Entities: only what the recording holds is compared (LibreNMS fills some models from elsewhere);
//   Junos has no ENTITY-MIB (LibreNMS read JUNIPER-MIB), so that comparison is skipped.
// - Inventory: the chassis row describes the device (model, serial), not an inventory item.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { collectSnmp, interfaceType, startSnmpSimulator, type SnmpSimulator } from '../../../agent/snmp/index.ts'
import type { CollectResult, DiscoveredInterface } from '../../../agent/model.ts'
import { CORPUS } from './helpers.ts'

const SNMPREC = join(CORPUS, 'snmprec')
const EXPECTED = join(CORPUS, 'librenms-expected')
const present = existsSync(SNMPREC) && existsSync(EXPECTED)
const recordings = present ? readdirSync(SNMPREC).filter((f) => f.endsWith('.snmprec')).map((f) => f.slice(0, -'.snmprec'.length)).filter((n) => existsSync(join(EXPECTED, `${n}.json`))).sort() : []

const ifTypeNumber = new Map<string, number>()
if (present) {
  for (const line of readFileSync(join(CORPUS, 'mibs', 'ianaiftype.tsv'), 'utf8').split('\n').slice(1)) {
    const [n, name] = line.trim().split('\t')
    if (name !== undefined) ifTypeNumber.set(name, Number(n))
  }
}

/** bridge port -> ifIndex straight from the recording, to place LibreNMS's per-port VLAN rows. */
function bridgePorts (name: string): Map<number, number> {
  const out = new Map<number, number>()
  for (const line of readFileSync(join(SNMPREC, `${name}.snmprec`), 'latin1').split(/\r?\n/)) {
    const m = /^\.?1\.3\.6\.1\.2\.1\.17\.1\.4\.1\.2\.(\d+)\|2\|(\d+)$/.exec(line)
    if (m !== null) out.set(Number(m[1]), Number(m[2]))
  }
  return out
}

type Row = Record<string, any>

/** Addresses we report and LibreNMS does not, each for a reason given at the top of this file. */
const EXTRA_ADDRESSES: Record<string, string[]> = {
  // IPV6-MIB link-local address LibreNMS does not import from that table.
  junos_vmx: ['fe80::e20:16ff:fe22:e801/64@24'],
  // On ifIndex 11 (a dynamic PPP interface), a port LibreNMS leaves out, and its address with it.
  routeros: ['36.76.98.105/32@11']
}

/** Manufacturer (from the sysObjectID enterprise), platform and OS family (from sysDescr). */
const IDENTITY: Record<string, [string, string, string]> = {
  arista_eos: ['Arista', 'Arista EOS 4.15.3F', 'eos'],
  'dell-os10': ['Dell', 'Dell OS10', 'os10'],
  edgeos: ['Ubiquiti', 'Ubiquiti EdgeOS 1.8.0', 'edgeos'],
  // sysDescr is only "Firewall Test150": the enterprise number names the OS.
  fortigate_60fospfv3: ['Fortinet', 'Fortinet FortiOS', 'fortios'],
  ios_2960x: ['Cisco', 'Cisco IOS 15.0(2a)EX5', 'ios'],
  iosxr_ncs55a2: ['Cisco', 'Cisco IOS-XR 7.4.1', 'ios-xr'],
  junos_vmx: ['Juniper', 'Juniper Junos 18.2R1.9', 'junos'],
  linux_icecast: ['Net-SNMP', 'Linux 4.18.0-147.8.1.el8_1.x86_64', 'linux'],
  'nxos_n3k-3064pq': ['Cisco', 'Cisco NX-OS 7.0(3)I7(8)', 'nx-os'],
  procurve: ['HPE', 'HPE ArubaOS-Switch KA.00.00.0000', 'procurve'],
  // sysDescr is only "router".
  routeros: ['MikroTik', 'MikroTik RouterOS', 'routeros'],
  // Multi-line hex sysDescr; the product release, not the VRP kernel version.
  vrp_5720: ['Huawei', 'Huawei VRP V200R010C00SPC600', 'vrp']
}

/** Recordings whose VLANs live in vendor MIBs the collector does not read (only Q-BRIDGE-MIB). */
const VENDOR_VLANS: Record<string, string | false> = {}

/** Recordings whose VLANs come from CISCO-VTP-MIB / CISCO-VLAN-MEMBERSHIP-MIB. */
const CISCO_VLANS = new Set(['ios_2960x', 'nxos_n3k-3064pq'])

function recordedModels (name: string): Map<number, string> {
  const out = new Map<number, string>()
  for (const line of readFileSync(join(SNMPREC, `${name}.snmprec`), 'latin1').split(/\r?\n/)) {
    const m = /^\.?1\.3\.6\.1\.2\.1\.47\.1\.1\.1\.1\.13\.(\d+)\|4\|(.*)$/.exec(line)
    if (m !== null) out.set(Number(m[1]), m[2])
  }
  return out
}

function hasEntityMib (name: string): boolean {
  return present && readFileSync(join(SNMPREC, `${name}.snmprec`), 'latin1').includes('1.3.6.1.2.1.47.1.1.1.1.')
}


let sim: SnmpSimulator | undefined
const results = new Map<string, CollectResult>()

before(async () => {
  if (!present) return
  sim = await startSnmpSimulator({ dataDir: SNMPREC })
  for (const name of recordings) {
    results.set(name, await collectSnmp({ host: '127.0.0.1', port: sim.port, timeout: 5000, retries: 1, credentials: [{ version: '2c', community: name }] }, { includeLinkLocal: true }))
  }
})
after(async () => { await sim?.stop() })

describe('snmp collector on the real-device corpus, compared with LibreNMS', { skip: present ? false : 'no ../shared/corpus' }, () => {
  for (const name of recordings) {
    const expected = (): Row => JSON.parse(readFileSync(join(EXPECTED, `${name}.json`), 'utf8'))
    const result = (): CollectResult => results.get(name) as CollectResult

    it(`snmp - ${name}: reads every table without a failure`, () => {
      assert.deepEqual((result().warnings ?? []).filter((w) => w.code.startsWith('ERR_')), [])
    })

    it(`snmp - ${name}: identity (manufacturer, platform; sysName withheld)`, { skip: IDENTITY[name] === undefined ? 'no expectation' : false }, () => {
      const d = result().device
      assert.deepEqual([d.manufacturer, d.platform, d.osFamily], IDENTITY[name])
      // Every corpus recording withholds sysName as "<private>": no hostname, the agent uses the target.
      assert.equal(d.hostname, undefined)
    })

    it(`snmp - ${name}: interfaces match LibreNMS (name, type, MAC, speed, admin status)`, () => {
      const ports: Row[] = expected().ports.poller.ports ?? expected().ports.discovery.ports
      const ours = new Map(result().device.interfaces.map((i) => [i.index as number, i]))
      const lagNames = new Set(result().device.interfaces.map((i) => i.lag).filter((l) => l !== undefined))
      // LibreNMS leaves out ports by per-OS rules (loopbacks, internal ports); we keep every row.
      assert.ok(ours.size >= ports.length)
      for (const p of ports) {
        const i = ours.get(p.ifIndex) as DiscoveredInterface
        assert.ok(i !== undefined, `ifIndex ${p.ifIndex}`)
        const where = `${name} ifIndex ${p.ifIndex}`
        const name0 = p.ifName ?? p.ifDescr
        if (i.name !== name0) assert.equal(i.name, `${name0} (${p.ifIndex})`, `${where} name (deduplicated)`)
        const speed = p.ifSpeed === null || p.ifSpeed === 0 ? undefined : p.ifSpeed
        let type = interfaceType(ifTypeNumber.get(p.ifType), speed, i.name)
        if (i.parent !== undefined) type = 'virtual'
        if (lagNames.has(i.name)) type = 'lag'
        assert.equal(i.type, type, `${where} type`)
        const mac = typeof p.ifPhysAddress === 'string' && /^[0-9a-f]{12}$/.test(p.ifPhysAddress) && !/^0+$/.test(p.ifPhysAddress) ? p.ifPhysAddress : undefined
        assert.equal(i.mac?.replace(/:/g, ''), mac, `${where} mac`)
        assert.equal(i.speedKbps === undefined ? undefined : i.speedKbps * 1000, speed, `${where} speed`)
        if (p.ifAdminStatus === 'up' || p.ifAdminStatus === 'down') assert.equal(i.enabled, p.ifAdminStatus === 'up', `${where} admin`)
        if (p.ifOperStatus === 'up' || p.ifOperStatus === 'down') assert.equal(i.operUp, p.ifOperStatus === 'up', `${where} oper`)
        const alias = p.ifAlias === '' || p.ifAlias === null || p.ifAlias === name0 || p.ifAlias === p.ifDescr ? undefined : p.ifAlias
        // LibreNMS trims backslashes around ifAlias (Arista's "\\A EDICION-1\\"); we keep the device's text.
        if (alias !== undefined) assert.equal(i.description?.replace(/^\\|\\$/g, ''), alias, `${where} description`)
        if (p.ifMtu !== null && p.ifMtu > 0 && p.ifMtu <= 65536) assert.equal(i.mtu, p.ifMtu, `${where} mtu`)
      }
    })

    it(`snmp - ${name}: IPv4 and IPv6 addresses and prefix lengths match LibreNMS`, () => {
      const byIndex = new Map(result().device.interfaces.map((i) => [i.name, i.index]))
      const ours = new Set(result().device.addresses.map((a) => `${a.address}@${a.interface === undefined ? '-' : byIndex.get(a.interface)}`))
      const want = new Set<string>()
      for (const r of (expected()['ipv4-addresses']?.discovery.ipv4_addresses ?? []) as Row[]) {
        if (r.ipv4_address.startsWith('127.')) continue
        want.add(`${r.ipv4_address}/${r.ipv4_prefixlen}@${r.ifIndex}`)
      }
      for (const r of (expected()['ipv6-addresses']?.discovery.ipv6_addresses ?? []) as Row[]) {
        if (r.ipv6_compressed === '::1') continue
        // Junos: LibreNMS shows length 0 where IPV6-MIB says 64 (see the top of this file).
        const len = name === 'junos_vmx' && r.ipv6_compressed === 'fec0::a:0:0:4' ? 64 : r.ipv6_prefixlen
        want.add(`${r.ipv6_compressed}/${len}@${r.ifIndex}`)
      }
      const missing = [...want].filter((a) => !ours.has(a))
      assert.deepEqual(missing, [], `${name}: addresses LibreNMS found that we did not`)
      const extra = [...ours].filter((a) => !want.has(a))
      assert.deepEqual(extra, EXTRA_ADDRESSES[name] ?? [], `${name}: addresses we found beyond LibreNMS`)
    })

    it(`snmp - ${name}: VLANs and port membership match LibreNMS`, { skip: VENDOR_VLANS[name] }, () => {
      const vl = expected().vlans?.discovery
      // The fixed FDDI / Token Ring VLANs (1002-1005) of Catalysts are not Ethernet VLANs: left out.
      const vlans: Row[] = (vl?.vlans ?? []).filter((v: Row) => v.vlan_type === null || v.vlan_type === '' || v.vlan_type === 'ethernet')
      const ours = new Map(result().device.vlans.map((v) => [v.vid, v.name]))
      if (vlans.length > 0) assert.deepEqual([...ours.keys()].sort((a, b) => a - b), vlans.map((v) => v.vlan_vlan).sort((a, b) => a - b))
      for (const v of vlans) assert.equal(ours.get(v.vlan_vlan) ?? `VLAN ${v.vlan_vlan}`, v.vlan_name, `${name} VLAN ${v.vlan_vlan} name`)
      const bp = bridgePorts(name)
      const ifaces = new Map(result().device.interfaces.map((i) => [i.index, i]))
      // LibreNMS places Cisco ports through per-VLAN BRIDGE-MIB contexts (community@vlan), which a
      // recording of the default context cannot reproduce; so Cisco ports are only checked to come out as access and trunk ports.
      if (CISCO_VLANS.has(name)) {
        const modes = result().device.interfaces.map((i) => i.mode)
        assert.ok(modes.includes('access') && modes.includes('tagged'), `${name}: access and trunk ports`)
        return
      }
      for (const row of (vl?.ports_vlans ?? []) as Row[]) {
        const ifIndex = bp.get(row.baseport)
        const i = ifIndex === undefined ? undefined : ifaces.get(ifIndex)
        assert.ok(i !== undefined, `${name} bridge port ${row.baseport}`)
        const where = `${name} ${i.name} VLAN ${row.vlan}`
        // A port LibreNMS shows untagged in several VLANs (ProCurve) gets one: NetBox has one untagged VLAN.
        const untaggedRows = (vl?.ports_vlans as Row[]).filter((r) => r.baseport === row.baseport && r.untagged === 1).map((r) => r.vlan)
        if (row.untagged === 1 && untaggedRows.length > 1) assert.ok(untaggedRows.includes(i.untaggedVlan), `${where} one of the untagged`)
        else if (row.untagged === 1) assert.equal(i.untaggedVlan, row.vlan, `${where} untagged`)
        else assert.ok(i.taggedVlans?.includes(row.vlan), `${where} tagged`)
      }
    })

    it(`snmp - ${name}: chassis and inventory serials and models match LibreNMS`, { skip: hasEntityMib(name) ? false : 'the recording has no ENTITY-MIB (LibreNMS used a vendor MIB)' }, () => {
      const rows: Row[] = expected()['entity-physical']?.discovery.entPhysical ?? []
      const recorded = recordedModels(name)
      const real = (s: unknown): string | undefined => typeof s === 'string' && s.trim() !== '' && !/^(?:n\/?a|none|unknown|0+|-+)$/i.test(s.trim()) ? s.trim() : undefined
      const chassis = rows.filter((r) => r.entPhysicalClass === 'chassis')
      const device = result().device
      if (chassis.length > 0) {
        const top = chassis.find((r) => r.entPhysicalContainedIn === 0 && (real(r.entPhysicalSerialNum) ?? real(r.entPhysicalModelName)) !== undefined) ?? chassis.find((r) => r.entPhysicalContainedIn === 0) ?? chassis[0]
        assert.equal(device.serial, real(top.entPhysicalSerialNum), `${name} chassis serial`)
        assert.equal(device.model, real(recorded.get(top.entPhysicalIndex)) ?? real(top.entPhysicalDescr), `${name} chassis model`)
      }
      const inventory = new Set(device.inventory.map((i) => `${i.serial ?? ''}|${i.partId ?? ''}`))
      for (const r of rows) {
        if (r.entPhysicalClass === 'chassis' || r.entPhysicalClass === null) continue
        const serial = real(r.entPhysicalSerialNum)
        // LibreNMS fills some models from elsewhere (VRP); compare what the recording holds.
        const model = real(recorded.get(r.entPhysicalIndex))
        if (serial === undefined && model === undefined) continue
        assert.ok(inventory.has(`${serial ?? ''}|${model ?? ''}`), `${name} entity ${r.entPhysicalIndex} (${serial}/${model})`)
      }
    })
  }
})
