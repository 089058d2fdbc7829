// EOS structured output (`| json`, the same documents eAPI returns).
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredInventoryItem, DiscoveredNeighbor, DiscoveredVlan, DiscoveredVrf } from '../../model.ts'
import { parseJsonOutput, str, num, obj, isObject, asArray, type JsonObject } from '../parse/json-output.ts'
import { guessInterfaceType, parentInterface, expandInterfaceName, EOS_ABBREVIATIONS } from '../parse/interface-name.ts'
import { normalizeMac, parseDuplex } from '../parse/units.ts'
import { toCidr, isLinkLocalV6, isIPv4, isIPv6 } from '../parse/ip.ts'
import { parseVlanList, ALL_VLANS } from '../parse/vlan-list.ts'
import { vlanStatus } from '../parse/vlan-table.ts'
import { eosPlatform } from './arista-eos-text.ts'

function entries (o: JsonObject | undefined): Array<[string, JsonObject]> {
  if (o === undefined) return []
  return Object.entries(o).filter((e): e is [string, JsonObject] => isObject(e[1]))
}

export function parseEosVersionJson (output: string): DeviceFragment {
  const doc = parseJsonOutput(output)
  if (!isObject(doc)) return {}
  const out = eosPlatform(str(doc, 'version'))
  const model = str(doc, 'modelName')
  if (model !== undefined) out.model = model
  const serial = str(doc, 'serialNumber')
  if (serial !== undefined) out.serial = serial
  const uptime = num(doc, 'uptime')
  if (uptime !== undefined) out.uptimeSeconds = Math.floor(uptime)
  if (model !== undefined && out.osVersion !== undefined) out.description = `Arista Networks EOS version ${out.osVersion} running on an Arista Networks ${model}`
  return out
}

export function parseEosHostnameJson (output: string): DeviceFragment {
  const doc = parseJsonOutput(output)
  const hostname = isObject(doc) ? str(doc, 'hostname') : undefined
  return hostname === undefined ? {} : { hostname }
}

export function parseEosInventoryJson (output: string): DeviceFragment {
  const doc = parseJsonOutput(output)
  if (!isObject(doc)) return {}
  const inventory: DiscoveredInventoryItem[] = []
  const out: DeviceFragment = { inventory }
  const system = obj(doc, 'systemInformation')
  const model = str(system, 'name')
  if (model !== undefined) {
    const chassis: DiscoveredInventoryItem = { name: 'Chassis', kind: 'item', manufacturer: 'Arista', partId: model }
    const description = str(system, 'description')
    if (description !== undefined) chassis.description = description
    const serial = str(system, 'serialNum')
    if (serial !== undefined) { chassis.serial = serial; out.serial = serial }
    inventory.push(chassis)
    out.model = model
  }
  const add = (section: string, label: string, kind: 'item' | 'module', modelKey: string): void => {
    for (const [slot, v] of entries(obj(doc, section))) {
      const partId = str(v, modelKey)
      if (partId === undefined || /^not inserted$/i.test(partId)) continue
      const item: DiscoveredInventoryItem = { name: `${label}${slot}`, kind, partId, manufacturer: str(v, 'mfgName') ?? 'Arista' }
      const serial = str(v, 'serialNum')
      if (serial !== undefined) item.serial = serial
      inventory.push(item)
    }
  }
  add('cardSlots', '', 'module', 'modelName')
  add('powerSupplySlots', 'Power supply ', 'item', 'name')
  add('fanTraySlots', 'Fan module ', 'item', 'name')
  add('xcvrSlots', 'Transceiver ', 'item', 'modelName')
  return out
}

function addressesOf (name: string, ia: JsonObject | undefined, vrf: string | undefined, into: DiscoveredAddress[]): void {
  if (ia === undefined) return
  const push = (a: JsonObject | undefined, role?: 'secondary'): void => {
    const ip = str(a, 'address')
    const len = num(a, 'maskLen')
    if (ip === undefined || len === undefined || ip === '0.0.0.0') return
    const cidr = toCidr(ip, len)
    if (cidr === undefined) return
    const d: DiscoveredAddress = { address: cidr, interface: name }
    if (role !== undefined) d.role = role
    if (vrf !== undefined) d.vrf = vrf
    into.push(d)
  }
  push(obj(ia, 'primaryIp'))
  const ordered = asArray(ia.secondaryIpsOrderedList).filter(isObject)
  if (ordered.length > 0) for (const s of ordered) push(s, 'secondary')
  else for (const [, s] of entries(obj(ia, 'secondaryIps'))) push(s, 'secondary')
}

export function parseEosInterfacesJson (output: string): DeviceFragment {
  const doc = parseJsonOutput(output)
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  for (const [name, r] of entries(obj(doc, 'interfaces'))) {
    const iface: DiscoveredInterface = { name }
    const status = str(r, 'interfaceStatus')
    if (status !== undefined) iface.enabled = status !== 'disabled'
    const proto = str(r, 'lineProtocolStatus')
    if (proto !== undefined) iface.operUp = proto === 'up'
    const description = str(r, 'description')
    if (description !== undefined) iface.description = description
    const mac = normalizeMac(str(r, 'physicalAddress'))
    if (mac !== undefined) iface.mac = mac
    const mtu = num(r, 'mtu')
    if (mtu !== undefined && mtu > 0) iface.mtu = mtu
    const bw = num(r, 'bandwidth')
    // eAPI gives bit/s; a down port reports 0.
    if (bw !== undefined && bw > 0) iface.speedKbps = Math.round(bw / 1000)
    const hardware = str(r, 'hardware')
    iface.type = guessInterfaceType(name, { hardware: hardware === 'ethernet' ? 'Ethernet' : hardware, speedKbps: iface.speedKbps })
    const duplex = parseDuplex(str(r, 'duplex')?.replace(/^duplex/, ''))
    if (duplex !== undefined && iface.type !== 'virtual' && iface.type !== 'lag') iface.duplex = duplex
    const member = /Member of\s+(\S+)/i.exec(str(r, 'interfaceMembership') ?? '')
    if (member !== null) iface.lag = expandInterfaceName(member[1], EOS_ABBREVIATIONS)
    const parent = parentInterface(name)
    if (parent !== undefined) iface.parent = parent
    for (const ia of asArray(r.interfaceAddress).filter(isObject)) addressesOf(name, ia, undefined, addresses)
    interfaces.push(iface)
  }
  return { interfaces, addresses }
}

/** `show ip[v6] interface | json`: each interface with its VRF, and its addresses via `collect`. */
function parseEosAddressJson (output: string, collect: (name: string, r: JsonObject, vrf: string | undefined, addresses: DiscoveredAddress[]) => void): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  for (const [name, r] of entries(obj(parseJsonOutput(output), 'interfaces'))) {
    const vrf = str(r, 'vrf')
    const iface: DiscoveredInterface = { name }
    if (vrf !== undefined && vrf !== 'default') iface.vrf = vrf
    interfaces.push(iface)
    collect(name, r, iface.vrf, addresses)
  }
  return { interfaces, addresses }
}

export function parseEosIpInterfaceJson (output: string): DeviceFragment {
  return parseEosAddressJson(output, (name, r, vrf, addresses) => {
    const ia = obj(r, 'interfaceAddress') ?? asArray(r.interfaceAddress).find(isObject)
    addressesOf(name, isObject(ia) ? ia : undefined, vrf, addresses)
  })
}

export function parseEosIpv6InterfaceJson (output: string): DeviceFragment {
  return parseEosAddressJson(output, (name, r, vrf, addresses) => {
    for (const a of asArray(r.addresses).filter(isObject)) {
      const ip = str(a, 'address')
      const len = /\/(\d+)$/.exec(str(a, 'subnet') ?? '')?.[1]
      if (ip === undefined || len === undefined) continue
      const cidr = toCidr(ip, Number(len))
      if (cidr === undefined || isLinkLocalV6(cidr)) continue
      const d: DiscoveredAddress = { address: cidr, interface: name }
      if (vrf !== undefined) d.vrf = vrf
      addresses.push(d)
    }
  })
}

export function parseEosSwitchportJson (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  for (const [name, r] of entries(obj(parseJsonOutput(output), 'switchports'))) {
    if (r.enabled === false) continue
    const info = obj(r, 'switchportInfo')
    const mode = str(info, 'mode') ?? ''
    const iface: DiscoveredInterface = { name }
    if (mode === 'trunk') {
      const native = num(info, 'trunkingNativeVlanId')
      const list = parseVlanList(str(info, 'trunkAllowedVlans') ?? 'ALL')
      if (list === ALL_VLANS) iface.mode = 'tagged-all'
      else { iface.mode = 'tagged'; iface.taggedVlans = list.filter((v) => v !== native) }
      if (native !== undefined && native > 0) iface.untaggedVlan = native
    } else if (mode === 'access') {
      iface.mode = 'access'
      const access = num(info, 'accessVlanId')
      if (access !== undefined) iface.untaggedVlan = access
    } else {
      continue
    }
    interfaces.push(iface)
  }
  return { interfaces }
}

export function parseEosVlanJson (output: string): DeviceFragment {
  const vlans: DiscoveredVlan[] = []
  for (const [vid, r] of entries(obj(parseJsonOutput(output), 'vlans'))) {
    const n = Number(vid)
    if (!Number.isInteger(n) || n < 1 || n > 4094) continue
    const vlan: DiscoveredVlan = { vid: n }
    const name = str(r, 'name')
    if (name !== undefined) vlan.name = name
    const status = str(r, 'status')
    if (status !== undefined) vlan.status = vlanStatus(status)
    vlans.push(vlan)
  }
  return { vlans }
}

export function parseEosVrfJson (output: string): DeviceFragment {
  const vrfs: DiscoveredVrf[] = []
  const interfaces: DiscoveredInterface[] = []
  for (const [name, r] of entries(obj(parseJsonOutput(output), 'vrfs'))) {
    if (name === 'default') continue
    const vrf: DiscoveredVrf = { name }
    const rd = str(r, 'routeDistinguisher')
    if (rd !== undefined && !/not set/i.test(rd)) vrf.rd = rd
    vrfs.push(vrf)
    for (const i of asArray(r.interfaces)) if (typeof i === 'string') interfaces.push({ name: i, vrf: name })
  }
  return { vrfs, interfaces }
}

export function parseEosLldpJson (output: string): DeviceFragment {
  const neighbors: DiscoveredNeighbor[] = []
  for (const [local, r] of entries(obj(parseJsonOutput(output), 'lldpNeighbors'))) {
    for (const info of asArray(r.lldpNeighborInfo).filter(isObject)) {
      const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface: local }
      const sysName = str(info, 'systemName')
      if (sysName !== undefined) n.remoteSystemName = sysName
      const chassis = str(info, 'chassisId')
      if (chassis !== undefined) n.remoteChassisId = normalizeMac(chassis) ?? chassis
      const port = obj(info, 'neighborInterfaceInfo')
      // Port ids come quoted when they are interface names: "\"Ethernet1\"".
      const portId = str(port, 'interfaceId_v2', 'interfaceId')?.replace(/^"(.*)"$/, '$1')
      if (portId !== undefined) n.remotePort = portId
      const portDescription = str(port, 'interfaceDescription')
      if (portDescription !== undefined) n.remotePortDescription = portDescription
      const mgmt = asArray(info.managementAddresses).filter(isObject).map((a) => str(a, 'address')).find((a) => a !== undefined && (isIPv4(a) || isIPv6(a)))
      if (mgmt !== undefined) n.remoteManagementAddress = mgmt
      const description = str(info, 'systemDescription')
      if (description !== undefined) n.remotePlatform = description
      neighbors.push(n)
    }
  }
  return { neighbors }
}
