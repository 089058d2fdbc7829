// Junos structured output (`| display json`): every element is an array of objects and every
// leaf is [{ "data": "..." }]. Documents are searched for the element names rather than walked
// from a fixed root, because virtual chassis and dual-RE systems wrap them in
// multi-routing-engine-results.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredInventoryItem, DiscoveredNeighbor, DiscoveredVlan } from '../../model.ts'
import { parseJsonOutput, isObject, asArray, type Json, type JsonObject } from '../parse/json-output.ts'
import { guessInterfaceType, parentInterface } from '../parse/interface-name.ts'
import { normalizeMac, parseDuplex, parseSpeedKbps } from '../parse/units.ts'
import { toCidr, isLinkLocalV6, isIPv4, isIPv6 } from '../parse/ip.ts'
import { isModule } from '../parse/inventory.ts'
import { junosPlatform, junosModel } from './juniper-junos-text.ts'

/** A leaf's text: o[key][0].data, trimmed; undefined when absent or empty. */
export function jval (o: JsonObject | undefined, key: string): string | undefined {
  if (o === undefined) return undefined
  const first = asArray(o[key])[0]
  const data = isObject(first) ? first.data : first
  if (typeof data === 'number') return String(data)
  if (typeof data !== 'string') return undefined
  const t = data.trim()
  return t === '' ? undefined : t
}

/** The element's children named `key`. */
export function jlist (o: JsonObject | undefined, key: string): JsonObject[] {
  return o === undefined ? [] : asArray(o[key]).filter(isObject)
}

/** Every element named `key` anywhere in the document, outermost first. */
export function findAll (doc: Json | undefined, key: string): JsonObject[] {
  const out: JsonObject[] = []
  const walk = (v: Json | undefined): void => {
    if (Array.isArray(v)) { for (const x of v) walk(x); return }
    if (!isObject(v)) return
    for (const [k, x] of Object.entries(v)) {
      if (k === key) out.push(...asArray(x).filter(isObject))
      else walk(x)
    }
  }
  walk(doc)
  return out
}

export function parseJunosVersionJson (output: string): DeviceFragment {
  const info = findAll(parseJsonOutput(output), 'software-information')[0]
  if (info === undefined) return {}
  let version = jval(info, 'junos-version')
  if (version === undefined) {
    for (const p of jlist(info, 'package-information')) {
      const m = /\[([^\]]+)\]/.exec(jval(p, 'comment') ?? '')
      if (m !== null) { version = m[1]; break }
    }
  }
  const out = junosPlatform(version)
  const hostname = jval(info, 'host-name')
  if (hostname !== undefined) out.hostname = hostname
  const model = junosModel(jval(info, 'product-model'))
  if (model !== undefined) out.model = model
  if (model !== undefined && version !== undefined) out.description = `Juniper Networks ${model}, Junos ${version}`
  return out
}

const MODULE_LEVELS = ['chassis-module', 'chassis-sub-module', 'chassis-sub-sub-module', 'chassis-sub-sub-sub-module']

export function parseJunosChassisHardwareJson (output: string): DeviceFragment {
  const chassis = findAll(parseJsonOutput(output), 'chassis')[0]
  if (chassis === undefined) return {}
  const inventory: DiscoveredInventoryItem[] = []
  const out: DeviceFragment = { inventory }
  const serial = jval(chassis, 'serial-number')
  if (serial !== undefined) out.serial = serial
  const description = jval(chassis, 'description')
  const model = junosModel(description)
  if (model !== undefined) out.model = model
  const chassisItem: DiscoveredInventoryItem = { name: 'Chassis', kind: 'item', manufacturer: 'Juniper' }
  if (description !== undefined) chassisItem.description = description
  if (serial !== undefined) chassisItem.serial = serial
  inventory.push(chassisItem)
  const visit = (o: JsonObject, level: number, parent: string | undefined): void => {
    for (const m of jlist(o, MODULE_LEVELS[level])) {
      const item = jval(m, 'name')
      if (item === undefined) continue
      const name = parent === undefined ? item : `${parent} ${item}`
      const description = jval(m, 'description')
      const partId = jval(m, 'part-number')
      const entry: DiscoveredInventoryItem = { name, kind: isModule(item, description) && !/^xcvr/i.test(item) ? 'module' : 'item' }
      if (partId !== 'NON-JNPR') entry.manufacturer = 'Juniper'
      if (description !== undefined) entry.description = description
      if (partId !== undefined && partId !== 'NON-JNPR' && partId !== 'BUILTIN') entry.partId = partId
      const sn = jval(m, 'serial-number')
      if (sn !== undefined && sn !== 'BUILTIN') entry.serial = sn
      if (parent !== undefined) entry.parent = parent
      inventory.push(entry)
      if (level + 1 < MODULE_LEVELS.length) visit(m, level + 1, name)
    }
  }
  visit(chassis, 0, undefined)
  return out
}

function addAddresses (logical: JsonObject, name: string, into: DiscoveredAddress[], lagOf: Map<string, string>, parent: string | undefined): void {
  for (const fam of jlist(logical, 'address-family')) {
    const family = jval(fam, 'address-family-name')
    const bundle = jval(fam, 'ae-bundle-name')
    if (family === 'aenet' && bundle !== undefined && parent !== undefined) lagOf.set(parent, bundle.replace(/\.\d+$/, ''))
    if (family !== 'inet' && family !== 'inet6') continue
    for (const a of jlist(fam, 'interface-address')) {
      const local = jval(a, 'ifa-local')
      if (local === undefined) continue
      const dest = jval(a, 'ifa-destination')
      const len = dest !== undefined && /\/\d+$/.test(dest) ? Number(dest.split('/')[1]) : (isIPv4(local) ? 32 : 128)
      const cidr = toCidr(local, len)
      if (cidr === undefined || isLinkLocalV6(cidr) || /^127\./.test(cidr)) continue
      into.push({ address: cidr, interface: name })
    }
  }
}

export function parseJunosInterfacesJson (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  const lagOf = new Map<string, string>()
  for (const p of findAll(parseJsonOutput(output), 'physical-interface')) {
    const name = jval(p, 'name')
    if (name === undefined) continue
    const iface: DiscoveredInterface = { name }
    const admin = jval(p, 'admin-status')
    if (admin !== undefined) iface.enabled = admin === 'up'
    const oper = jval(p, 'oper-status')
    if (oper !== undefined) iface.operUp = oper === 'up'
    const description = jval(p, 'description')
    if (description !== undefined) iface.description = description
    const mtu = Number(jval(p, 'mtu'))
    if (Number.isInteger(mtu) && mtu > 0) iface.mtu = mtu
    const speed = parseSpeedKbps(jval(p, 'speed'))
    if (speed !== undefined) iface.speedKbps = speed
    const mac = normalizeMac(jval(p, 'current-physical-address'))
    if (mac !== undefined) iface.mac = mac
    iface.type = guessInterfaceType(name, { hardware: jval(p, 'link-level-type'), speedKbps: speed })
    const duplex = parseDuplex(jval(p, 'link-mode') ?? jval(p, 'duplex'))
    if (duplex !== undefined && iface.type !== 'virtual' && iface.type !== 'lag') iface.duplex = duplex
    interfaces.push(iface)
    for (const l of jlist(p, 'logical-interface')) {
      const lname = jval(l, 'name')
      if (lname === undefined) continue
      const unit: DiscoveredInterface = { name: lname, type: 'virtual', parent: parentInterface(lname) ?? name }
      const ldesc = jval(l, 'description')
      if (ldesc !== undefined) unit.description = ldesc
      interfaces.push(unit)
      addAddresses(l, lname, addresses, lagOf, name)
    }
  }
  for (const iface of interfaces) {
    const lag = lagOf.get(iface.name)
    if (lag !== undefined) iface.lag = lag
  }
  return { interfaces, addresses }
}

/** `show vlans | display json`: ELS (l2ng-l2rtb-vlan-*) and older EX (vlan-name/vlan-tag) element names. */
export function parseJunosVlansJson (output: string): DeviceFragment {
  const doc = parseJsonOutput(output)
  const vlans: DiscoveredVlan[] = []
  const seen = new Set<number>()
  const groups = [...findAll(doc, 'l2ng-l2ald-vlan-instance-group'), ...findAll(doc, 'vlan')]
  for (const g of groups) {
    const vid = Number(jval(g, 'l2ng-l2rtb-vlan-tag') ?? jval(g, 'vlan-tag'))
    const name = jval(g, 'l2ng-l2rtb-vlan-name') ?? jval(g, 'vlan-name')
    if (!Number.isInteger(vid) || vid < 1 || vid > 4094 || seen.has(vid)) continue
    seen.add(vid)
    const vlan: DiscoveredVlan = { vid }
    if (name !== undefined) vlan.name = name
    vlans.push(vlan)
  }
  return { vlans }
}

export function parseJunosLldpJson (output: string): DeviceFragment {
  const neighbors: DiscoveredNeighbor[] = []
  for (const r of findAll(parseJsonOutput(output), 'lldp-neighbor-information')) {
    const local = jval(r, 'lldp-local-port-id') ?? jval(r, 'lldp-local-interface')
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface: local }
    const chassis = jval(r, 'lldp-remote-chassis-id')
    if (chassis !== undefined) n.remoteChassisId = normalizeMac(chassis) ?? chassis
    const port = jval(r, 'lldp-remote-port-id')
    if (port !== undefined) n.remotePort = port
    const portDescription = jval(r, 'lldp-remote-port-description')
    if (portDescription !== undefined) n.remotePortDescription = portDescription
    const name = jval(r, 'lldp-remote-system-name')
    if (name !== undefined) n.remoteSystemName = name
    const mgmt = jval(r, 'lldp-remote-management-address')
    if (mgmt !== undefined && (isIPv4(mgmt) || isIPv6(mgmt))) n.remoteManagementAddress = mgmt
    neighbors.push(n)
  }
  return { neighbors }
}

