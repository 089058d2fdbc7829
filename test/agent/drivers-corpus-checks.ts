// Compares what our drivers extract from the ntc-templates samples with what ntc's TextFSM
// templates extracted (the .yml beside each .raw). ntc's field names are mapped to ours here;
// each comparison is one check, and the test reports and floors the match rate per platform.
// Deliberate differences are normalised here, each with its reason:
// - interface names: ntc keeps the device's abbreviation ("Gi1/0/1"); we expand to the full
//   name `show interfaces` uses, so both sides are expanded before comparing;
// - MACs: ntc keeps the device's spelling; we use lower-case colon form;
// - IPv6: compared in RFC 5952 form; IPv4 "addr/len" in both;
// - speeds: ntc keeps text ("1000Mb/s", "10G(D)"); both sides become kbit/s, auto speeds skipped.
import type { DeviceFragment } from '../../agent/ssh/driver.ts'
import { expandInterfaceName, type AbbreviationTable } from '../../agent/ssh/parse/interface-name.ts'
import { normalizeMac, parseSpeedKbps } from '../../agent/ssh/parse/units.ts'
import { toCidr } from '../../agent/ssh/parse/ip.ts'

export type NtcRecord = Record<string, string | string[]>
export interface Check { field: string, expected: unknown, actual: unknown }
export type Comparator = (records: NtcRecord[], fragment: DeviceFragment, table: AbbreviationTable) => Check[]

const s = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()
const name = (v: string, table: AbbreviationTable): string => expandInterfaceName(v, table).toLowerCase()
const mac = (v: string): string => normalizeMac(v) ?? v.toLowerCase()
const ip = (v: string): string => v.toLowerCase()

function check (checks: Check[], field: string, expected: unknown, actual: unknown): void {
  checks.push({ field, expected, actual })
}

export function interfacesCompare (records: NtcRecord[], f: DeviceFragment, table: AbbreviationTable): Check[] {
  const checks: Check[] = []
  // As many interfaces as ntc found: no block split in two, none swallowed.
  check(checks, 'interface count', records.filter((r) => s(r.interface) !== '').length, f.interfaces?.length ?? 0)
  // A sample may hold the same name twice (outputs of two devices pasted together): pair in order.
  const ours = [...(f.interfaces ?? [])]
  for (const r of records) {
    const n = s(r.interface)
    if (n === '') continue
    const at = ours.findIndex((x) => x.name.toLowerCase() === name(n, table))
    const i = at < 0 ? undefined : ours.splice(at, 1)[0]
    check(checks, 'interface', n, i?.name)
    if (i === undefined) continue
    if (s(r.description) !== '') check(checks, 'description', s(r.description), i.description)
    if (s(r.mtu) !== '') check(checks, 'mtu', Number(s(r.mtu)), i.mtu)
    const m = s(r.mac_address) || s(r.address)
    if (normalizeMac(m) !== undefined) check(checks, 'mac', mac(m), i.mac)
    const link = s(r.link_status) || s(r.admin_state)
    if (link !== '') check(checks, 'enabled', !/admin/i.test(link) && !/^disabled$/i.test(link), i.enabled)
    const speed = parseSpeedKbps(s(r.speed).replace(/\((D|I)\)$/, ''))
    if (speed !== undefined && !/^a-|auto/i.test(s(r.speed))) check(checks, 'speed', speed, i.speedKbps)
    const addr = s(r.ip_address)
    if (addr !== '' && addr !== 'Unknown') {
      const len = s(r.prefix_length)
      const cidr = addr.includes('/') ? addr : len !== '' ? `${addr}/${len}` : ''
      if (cidr !== '') {
        const found = (f.addresses ?? []).find((a) => a.address === ip(cidr) && a.interface?.toLowerCase() === i.name.toLowerCase())
        check(checks, 'address', cidr, found?.address)
      }
    }
  }
  return checks
}

export function inventoryCompare (records: NtcRecord[], f: DeviceFragment): Check[] {
  const checks: Check[] = []
  const items = f.inventory ?? []
  records.forEach((r, n) => {
    const expectedName = s(r.name)
    // ntc's EOS inventory has no names (ports and slots); compare in order then.
    const i = expectedName !== '' ? items.find((x) => x.name === expectedName) : items[n]
    if (expectedName !== '') check(checks, 'name', expectedName, i?.name)
    if (i === undefined) { if (expectedName === '') check(checks, 'item', n, undefined); return }
    const pid = s(r.pid)
    if (pid !== '' && !/^n\/a$/i.test(pid)) check(checks, 'partId', pid, i.partId)
    const sn = s(r.sn)
    if (sn !== '' && !/^n\/a$/i.test(sn)) check(checks, 'serial', sn, i.serial)
    const descr = s(r.descr)
    if (descr !== '') check(checks, 'description', descr, i.description)
  })
  return checks
}

export function vlansCompare (records: NtcRecord[], f: DeviceFragment): Check[] {
  const checks: Check[] = []
  check(checks, 'vlan count', new Set(records.map((r) => s(r.vlan_id) || s(r.tag))).size, f.vlans?.length ?? 0)
  for (const r of records) {
    const vid = Number(s(r.vlan_id) || s(r.tag))
    if (!Number.isInteger(vid) || vid < 1) continue
    const v = (f.vlans ?? []).find((x) => x.vid === vid)
    check(checks, 'vid', vid, v?.vid)
    const vname = s(r.vlan_name) || s(r.name)
    if (vname !== '' && v !== undefined) check(checks, 'name', vname, v.name)
  }
  return checks
}

export function neighborsCompare (records: NtcRecord[], f: DeviceFragment, table: AbbreviationTable): Check[] {
  const checks: Check[] = []
  const ours = [...(f.neighbors ?? [])]
  check(checks, 'neighbor count', records.filter((r) => s(r.local_interface) !== '').length, ours.length)
  for (const r of records) {
    const local = s(r.local_interface)
    if (local === '') continue // some old releases do not print the local port; we cannot place those
    const port = s(r.neighbor_port_id) || s(r.neighbor_interface)
    const idx = ours.findIndex((n) => n.localInterface.toLowerCase() === name(local, table) &&
      (port === '' || n.remotePort === port || n.remotePortDescription === port))
    check(checks, 'neighbor', `${local}->${port}`, idx < 0 ? undefined : `${local}->${port}`)
    if (idx < 0) continue
    const n = ours.splice(idx, 1)[0]
    const sysName = s(r.neighbor_name) || s(r.neighbor)
    if (sysName !== '') check(checks, 'remoteSystemName', sysName, n.remoteSystemName)
    const chassis = s(r.chassis_id)
    if (chassis !== '' && normalizeMac(chassis) !== undefined) check(checks, 'remoteChassisId', mac(chassis), n.remoteChassisId)
    // Only IP addresses count as management addresses; some devices advertise a MAC there.
    const mgmt = (s(r.mgmt_address) || s(r.management_ip)).replace(/^Unsupported format$/i, '')
    // A link-local IPv6 is not reachable as a management address; we prefer the IPv4 one.
    if (mgmt !== '' && normalizeMac(mgmt) === undefined && !/^fe80:/i.test(mgmt)) check(checks, 'remoteManagementAddress', mgmt, n.remoteManagementAddress)
  }
  return checks
}

/**
 * Device facts: ntc field -> our fragment field. Fields in `anyCase` compare without case
 * (Junos models: ntc keeps "mx240", we use NetBox's device-type spelling "MX240").
 */
export function factsCompare (map: Record<string, keyof DeviceFragment>, anyCase: ReadonlyArray<keyof DeviceFragment> = []): Comparator {
  return (records, f) => {
    const checks: Check[] = []
    const r = records[0]
    if (r === undefined) return checks
    for (const [ntc, ours] of Object.entries(map)) {
      const expected = s(r[ntc])
      if (expected === '') continue
      const actual = f[ours]
      const fold = anyCase.includes(ours) && typeof actual === 'string'
      check(checks, String(ours), fold ? expected.toLowerCase() : expected, fold ? actual.toLowerCase() : actual)
    }
    return checks
  }
}

/** Addresses as "addr/len" on an interface, from separate or combined ntc fields. */
export function addressesCompare (records: NtcRecord[], f: DeviceFragment, table: AbbreviationTable): Check[] {
  const checks: Check[] = []
  for (const r of records) {
    const iface = s(r.interface) || s(r.intf) || s(r.vlan_name)
    const masks = Array.isArray(r.subnet_mask) ? r.subnet_mask : [s(r.subnet_mask)]
    const addrs = Array.isArray(r.ip_address) ? r.ip_address : [s(r.ip_address)]
    const lens = Array.isArray(r.prefix_length) ? r.prefix_length : [s(r.prefix_length)]
    addrs.forEach((a, n) => {
      if (a === '' || /unassigned|unknown/i.test(a)) return
      const cidr = a.includes('/') ? a : lens[n] !== undefined && lens[n] !== '' ? `${a}/${lens[n]}` : (toCidr(a, masks[n] ?? '') ?? '')
      if (cidr === '') return
      const found = (f.addresses ?? []).find((x) => x.address === ip(cidr) && (iface === '' || x.interface?.toLowerCase() === name(iface, table)))
      check(checks, 'address', cidr, found?.address)
    })
  }
  return checks
}

/**
 * Inventory matched by part number (EOS, ProCurve): ntc's EOS rows have no names and include
 * the port counts ("Management 1", "Switched 52"), which are not inventory; we skip those.
 * ntc puts a transceiver's maker in descr, we in manufacturer: that pair is compared instead.
 */
export function inventoryByPartCompare (records: NtcRecord[], f: DeviceFragment): Check[] {
  const checks: Check[] = []
  const items = [...(f.inventory ?? [])]
  for (const r of records) {
    const pid = s(r.pid)
    if (pid === '' || /^n\/a$/i.test(pid)) continue
    const sn = s(r.sn)
    const at = items.findIndex((x) => x.partId === pid && (sn === '' || /^n\/a$/i.test(sn) || x.serial === sn))
    check(checks, 'partId', pid, at < 0 ? undefined : items[at].partId)
    if (at < 0) continue
    const item = items.splice(at, 1)[0]
    if (sn !== '' && !/^n\/a$/i.test(sn)) check(checks, 'serial', sn, item.serial)
    const descr = s(r.descr)
    if (descr !== '') check(checks, 'description', descr, descr === item.manufacturer ? item.manufacturer : item.description)
  }
  return checks
}
