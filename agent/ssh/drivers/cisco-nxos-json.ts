// NX-OS structured output (`| json`, NX-API's TABLE_x/ROW_x layout). Preferred over text on
// every release that has it: field names are stable where the text layout drifts.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredInventoryItem, DiscoveredNeighbor, DiscoveredVlan, DiscoveredVrf } from '../../model.ts'
import { parseJsonOutput, rows, str, num, isObject, type Json, type JsonObject } from '../parse/json-output.ts'
import { expandInterfaceName, guessInterfaceType, parentInterface, NXOS_ABBREVIATIONS } from '../parse/interface-name.ts'
import { normalizeMac, parseDuplex, parseSpeedKbps } from '../parse/units.ts'
import { parseCidr, toCidr, isLinkLocalV6, isIPv4, isIPv6 } from '../parse/ip.ts'
import { parseVlanList, ALL_VLANS } from '../parse/vlan-list.ts'
import { isChassis, isModule } from '../parse/inventory.ts'
import { vlanStatus } from '../parse/vlan-table.ts'
import { nxosChassisModel, nxosPlatform } from './cisco-nxos-text.ts'

const name = (n: string): string => expandInterfaceName(n, NXOS_ABBREVIATIONS)

export function parseNxosVersionJson (output: string): DeviceFragment {
  const doc = parseJsonOutput(output)
  if (!isObject(doc)) return {}
  const version = str(doc, 'nxos_ver_str', 'sys_ver_str', 'kickstart_ver_str')?.replace(/\s*\[build.*$/, '')
  const out = nxosPlatform(version)
  const hostname = str(doc, 'host_name')
  if (hostname !== undefined) out.hostname = hostname
  const model = nxosChassisModel(str(doc, 'chassis_id'))
  if (model !== undefined) out.model = model
  const serial = str(doc, 'proc_board_id')
  if (serial !== undefined) out.serial = serial
  const days = num(doc, 'kern_uptm_days')
  if (days !== undefined) {
    out.uptimeSeconds = days * 86_400 + (num(doc, 'kern_uptm_hrs') ?? 0) * 3_600 + (num(doc, 'kern_uptm_mins') ?? 0) * 60 + (num(doc, 'kern_uptm_secs') ?? 0)
  }
  const header = str(doc, 'header_str')?.split('\n')[0]
  if (header !== undefined) out.description = version === undefined ? header : `${header}, Version ${version}`
  return out
}

export function parseNxosInventoryJson (output: string): DeviceFragment {
  const inventory: DiscoveredInventoryItem[] = []
  const out: DeviceFragment = { inventory }
  for (const r of rows(parseJsonOutput(output), 'inv')) {
    const itemName = str(r, 'name')
    if (itemName === undefined) continue
    const description = str(r, 'desc')
    const item: DiscoveredInventoryItem = { name: itemName, kind: isModule(itemName, description) ? 'module' : 'item', manufacturer: 'Cisco' }
    if (description !== undefined) item.description = description
    const partId = str(r, 'productid')
    if (partId !== undefined) item.partId = partId
    const serial = str(r, 'serialnum')
    if (serial !== undefined) item.serial = serial
    inventory.push(item)
    if (out.model === undefined && isChassis(itemName, description)) {
      if (partId !== undefined) out.model = partId
      if (serial !== undefined) out.serial = serial
    }
  }
  return out
}

export function parseNxosInterfacesJson (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  const lagOf = new Map<string, string>()
  for (const r of rows(parseJsonOutput(output), 'interface')) {
    const ifName = str(r, 'interface')
    if (ifName === undefined) continue
    // SVIs use svi_* keys for what ports call eth_*.
    const get = (key: string): string | undefined => str(r, `eth_${key}`, `svi_${key}`)
    const iface: DiscoveredInterface = { name: ifName }
    const admin = str(r, 'admin_state', 'svi_admin_state')
    if (admin !== undefined) iface.enabled = admin.toLowerCase() === 'up'
    const state = str(r, 'state', 'svi_line_proto', 'svi_rsn_desc')
    if (state !== undefined) iface.operUp = state.toLowerCase() === 'up'
    const description = str(r, 'desc', 'svi_desc', 'eth_desc')
    if (description !== undefined) iface.description = description
    const mac = normalizeMac(get('hw_addr') ?? str(r, 'svi_mac'))
    if (mac !== undefined) iface.mac = mac
    const mtu = num(r, 'eth_mtu', 'svi_mtu')
    if (mtu !== undefined) iface.mtu = mtu
    const speed = parseSpeedKbps(get('speed'))
    if (speed !== undefined) iface.speedKbps = speed
    const duplex = parseDuplex(get('duplex'))
    const hardware = get('hw_desc')
    const type = guessInterfaceType(ifName, { hardware, speedKbps: speed ?? (hardware !== undefined && /ethernet/i.test(hardware) ? num(r, 'eth_bw') : undefined) })
    iface.type = type
    if (duplex !== undefined && type !== 'virtual' && type !== 'lag') iface.duplex = duplex
    const parent = parentInterface(ifName)
    if (parent !== undefined) iface.parent = parent
    const ip = get('ip_addr')
    const mask = num(r, 'eth_ip_mask', 'svi_ip_mask')
    if (ip !== undefined && mask !== undefined) {
      const cidr = toCidr(ip, mask)
      if (cidr !== undefined) addresses.push({ address: cidr, interface: ifName })
    }
    const members = str(r, 'eth_members')
    if (members !== undefined) for (const m of members.split(/[\s,]+/).filter((x) => x !== '')) lagOf.set(name(m), ifName)
    interfaces.push(iface)
  }
  for (const iface of interfaces) {
    const lag = lagOf.get(iface.name)
    if (lag !== undefined) iface.lag = lag
  }
  return { interfaces, addresses }
}

export function parseNxosSwitchportJson (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  for (const r of rows(parseJsonOutput(output), 'interface')) {
    const ifName = str(r, 'interface')
    if (ifName === undefined || !/enabled/i.test(str(r, 'switchport') ?? 'enabled')) continue
    const mode = (str(r, 'oper_mode') ?? str(r, 'admin_mode') ?? '').toLowerCase()
    const iface: DiscoveredInterface = { name: ifName }
    if (mode.includes('trunk')) {
      const native = num(r, 'native_vlan')
      const list = parseVlanList(str(r, 'trunk_vlans') ?? 'all')
      if (list === ALL_VLANS) iface.mode = 'tagged-all'
      else { iface.mode = 'tagged'; iface.taggedVlans = list.filter((v) => v !== native) }
      if (native !== undefined) iface.untaggedVlan = native
    } else if (mode.includes('access')) {
      iface.mode = 'access'
      const access = num(r, 'access_vlan')
      if (access !== undefined) iface.untaggedVlan = access
    } else {
      continue
    }
    interfaces.push(iface)
  }
  return { interfaces }
}

export function parseNxosPortChannelJson (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  for (const r of rows(parseJsonOutput(output), 'channel')) {
    const lag = str(r, 'port-channel') ?? (num(r, 'group') !== undefined ? `port-channel${num(r, 'group')!}` : undefined)
    if (lag === undefined) continue
    interfaces.push({ name: name(lag), type: 'lag' })
    for (const m of rows(r, 'member')) {
      const port = str(m, 'port')
      if (port !== undefined) interfaces.push({ name: name(port), lag: name(lag) })
    }
  }
  return { interfaces }
}

export function parseNxosVlanJson (output: string): DeviceFragment {
  const vlans: DiscoveredVlan[] = []
  for (const r of rows(parseJsonOutput(output), 'vlanbriefxbrief')) {
    const vid = num(r, 'vlanshowbr-vlanid', 'vlanshowbr-vlanid-utf')
    if (vid === undefined || vid < 1 || vid > 4094) continue
    const vlan: DiscoveredVlan = { vid }
    const vname = str(r, 'vlanshowbr-vlanname')
    if (vname !== undefined) vlan.name = vname
    const state = str(r, 'vlanshowbr-vlanstate')
    if (state !== undefined) vlan.status = vlanStatus(state)
    vlans.push(vlan)
  }
  return { vlans }
}

export function parseNxosVrfJson (output: string): DeviceFragment {
  const vrfs: DiscoveredVrf[] = []
  for (const r of rows(parseJsonOutput(output), 'vrf')) {
    const vrfName = str(r, 'vrf_name')
    if (vrfName === undefined || vrfName === 'default') continue
    const vrf: DiscoveredVrf = { name: vrfName }
    const rd = str(r, 'rd')
    if (rd !== undefined && rd !== '0:0') vrf.rd = rd
    vrfs.push(vrf)
  }
  return { vrfs }
}

// `show ip interface vrf all | json` nests ROW_intf inside TABLE_intf entries, one per interface,
// and secondaries in TABLE_secondary_address; older releases flatten differently, so every
// string that is an address with a length, or an address beside a mask length, is taken.
export function parseNxosIpInterfaceJson (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  const doc = parseJsonOutput(output)
  for (const r of rows(doc, 'intf')) {
    const ifName = str(r, 'intf-name')
    if (ifName === undefined) continue
    const vrf = str(r, 'vrf-name-out')
    const iface: DiscoveredInterface = { name: ifName }
    const admin = str(r, 'admin-state')
    if (admin !== undefined) iface.enabled = admin === 'up'
    const proto = str(r, 'proto-state')
    if (proto !== undefined) iface.operUp = proto === 'up'
    if (vrf !== undefined && vrf !== 'default') iface.vrf = vrf
    interfaces.push(iface)
    const add = (ip: string | undefined, len: number | undefined, role?: 'secondary'): void => {
      if (ip === undefined || len === undefined) return
      const cidr = toCidr(ip, len)
      if (cidr === undefined) return
      const a: DiscoveredAddress = { address: cidr, interface: ifName }
      if (role !== undefined) a.role = role
      if (iface.vrf !== undefined) a.vrf = iface.vrf
      addresses.push(a)
    }
    add(str(r, 'prefix'), num(r, 'masklen'))
    for (const s of rows(r, 'secondary_address')) add(str(s, 'prefix1'), num(s, 'masklen1'), 'secondary')
  }
  return { interfaces, addresses }
}

function collectV6 (v: Json | undefined, into: string[]): void {
  if (typeof v === 'string') {
    for (const part of v.split(/[\s,]+/)) if (/^[0-9a-fA-F:]+:[0-9a-fA-F:]*\/\d{1,3}$/.test(part)) into.push(part)
  } else if (Array.isArray(v)) {
    for (const x of v) collectV6(x, into)
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) if (!/link-?local|subnet|prefix|mcast|multicast|group/i.test(k)) collectV6(x, into)
  }
}

export function parseNxosIpv6InterfaceJson (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  for (const r of rows(parseJsonOutput(output), 'intf')) {
    const ifName = str(r, 'intf-name')
    if (ifName === undefined) continue
    const vrf = str(r, 'vrf-name-out')
    const iface: DiscoveredInterface = { name: ifName }
    if (vrf !== undefined && vrf !== 'default') iface.vrf = vrf
    interfaces.push(iface)
    const found: string[] = []
    collectV6(r, found)
    for (const text of found) {
      const cidr = parseCidr(text)
      if (cidr === undefined || isLinkLocalV6(cidr) || addresses.some((a) => a.address === cidr && a.interface === ifName)) continue
      const a: DiscoveredAddress = { address: cidr, interface: ifName }
      if (iface.vrf !== undefined) a.vrf = iface.vrf
      addresses.push(a)
    }
  }
  return { interfaces, addresses }
}

export function parseNxosLldpJson (output: string): DeviceFragment {
  const neighbors: DiscoveredNeighbor[] = []
  for (const r of rows(parseJsonOutput(output), 'nbor_detail')) {
    const local = str(r, 'l_port_id')
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface: name(local) }
    setIf(n, 'remoteSystemName', str(r, 'sys_name'))
    setIf(n, 'remotePort', str(r, 'port_id'))
    setIf(n, 'remotePortDescription', str(r, 'port_desc'))
    const chassis = str(r, 'chassis_id')
    setIf(n, 'remoteChassisId', chassis === undefined ? undefined : normalizeMac(chassis) ?? chassis)
    const mgmt = str(r, 'mgmt_addr')
    if (mgmt !== undefined && (isIPv4(mgmt) || isIPv6(mgmt))) n.remoteManagementAddress = mgmt
    setIf(n, 'remotePlatform', str(r, 'sys_desc')?.split('\n')[0])
    neighbors.push(n)
  }
  return { neighbors }
}

export function parseNxosCdpJson (output: string): DeviceFragment {
  const neighbors: DiscoveredNeighbor[] = []
  for (const r of rows(parseJsonOutput(output), 'cdp_neighbor_detail_info')) {
    const local = str(r, 'intf_id')
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'cdp', localInterface: name(local) }
    const deviceId = str(r, 'device_id')
    setIf(n, 'remoteSystemName', str(r, 'sysname') ?? deviceId?.replace(/\([^)]*\)$/, ''))
    setIf(n, 'remoteChassisId', deviceId)
    setIf(n, 'remotePort', str(r, 'port_id'))
    setIf(n, 'remoteManagementAddress', str(r, 'v4mgmtaddr', 'v4addr', 'v6mgmtaddr', 'v6addr'))
    setIf(n, 'remotePlatform', str(r, 'platform_id'))
    neighbors.push(n)
  }
  return { neighbors }
}

function setIf<K extends keyof DiscoveredNeighbor> (n: DiscoveredNeighbor, key: K, value: DiscoveredNeighbor[K] | undefined): void {
  if (value !== undefined) n[key] = value
}

export type { JsonObject }
