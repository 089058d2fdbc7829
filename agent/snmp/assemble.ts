// Builds the vendor-neutral DiscoveredDevice from the parsed tables: names, types, addresses,
// VLAN modes, LAG and parent relations, inventory and neighbours.
import ipaddr from 'ipaddr.js'
import { emptyDevice, type DiscoveredAddress, type DiscoveredDevice, type DiscoveredInterface, type DiscoveredInventoryItem } from '../model.ts'
import { interfaceType } from './interface-type.ts'
import { parseSysDescr } from './sysdescr.ts'
import type { SystemInfo } from './tables/system.ts'
import type { IfEntry } from './tables/if-mib.ts'
import type { IpEntry } from './tables/ip-mib.ts'
import { PHYSICAL_CLASS, findChassis, type EntityEntry } from './tables/entity-mib.ts'
import { portMode, type VlanInfo } from './tables/bridge-mib.ts'
import type { LldpLocalPort, LldpRemote } from './tables/lldp-mib.ts'
import type { CiscoVlans } from './tables/cisco-vlan.ts'
import type { CdpNeighbor } from './tables/vendor-neighbors.ts'
import { enterpriseNumber, vendorFromSysObjectId } from '../vendors.ts'

export interface Tables {
  system: SystemInfo
  interfaces?: IfEntry[]
  ipAddr?: IpEntry[]
  ipAddress?: IpEntry[]
  ipv6Addr?: IpEntry[]
  entities?: EntityEntry[]
  vlans?: VlanInfo
  ciscoVlans?: CiscoVlans
  juniperVlanNames?: Map<number, string>
  cdp?: CdpNeighbor[]
  lag?: Map<number, number>
  lldpLocal?: LldpLocalPort[]
  lldpRemote?: LldpRemote[]
}

export interface AssembleOptions {
  /** PEN -> manufacturer name, over the shipped table. */
  vendors?: Readonly<Record<number, string>>
  /** Keep IPv6 fe80::/10 and IPv4 169.254/16 addresses (default false). */
  includeLinkLocal?: boolean
}

function interfaceName (e: IfEntry): string {
  return e.name ?? e.descr ?? `ifIndex ${e.index}`
}

/** Addresses worth a source-of-truth entry: not loopback-host, unspecified or multicast, and not link-local unless asked. */
function keepAddress (address: string, includeLinkLocal: boolean): boolean {
  const range = ipaddr.parse(address).range()
  if (range === 'loopback' || range === 'unspecified' || range === 'multicast' || range === 'broadcast') return false
  if (range === 'linkLocal') return includeLinkLocal
  return true
}

export function assembleDevice (target: string, t: Tables, options: AssembleOptions = {}): DiscoveredDevice {
  const device = emptyDevice('snmp', target)
  const sys = t.system
  device.hostname = sys.name
  device.description = sys.descr
  device.sysObjectId = sys.objectId
  device.location = sys.location
  device.contact = sys.contact
  device.uptimeSeconds = sys.uptimeSeconds
  device.manufacturer = vendorFromSysObjectId(sys.objectId, options.vendors)
  const os = parseSysDescr(sys.descr, enterpriseNumber(sys.objectId))
  if (os !== undefined) {
    device.osFamily = os.osFamily
    device.osVersion = os.osVersion
    device.platform = os.platform
  }

  // Interfaces, with names unique per device (NetBox keys interfaces by (device, name)).
  const byIndex = new Map<number, DiscoveredInterface>()
  const ifTypes = new Map<number, number | undefined>()
  const seen = new Set<string>()
  for (const e of t.interfaces ?? []) {
    let name = interfaceName(e)
    if (seen.has(name)) name = `${name} (${e.index})`
    seen.add(name)
    const iface: DiscoveredInterface = { name, index: e.index, type: interfaceType(e.ifType, e.speedBps, name) }
    if (e.alias !== undefined && e.alias !== name) iface.description = e.alias
    if (e.adminUp !== undefined) iface.enabled = e.adminUp
    if (e.operUp !== undefined) iface.operUp = e.operUp
    if (e.mtu !== undefined) iface.mtu = e.mtu
    if (e.speedBps !== undefined && e.speedBps > 0) iface.speedKbps = Math.round(e.speedBps / 1000)
    if (e.mac !== undefined) iface.mac = e.mac
    byIndex.set(e.index, iface)
    ifTypes.set(e.index, e.ifType)
    device.interfaces.push(iface)
  }
  const byName = new Map(device.interfaces.map((i) => [i.name, i]))
  for (const iface of device.interfaces) {
    // Gi0/1.100 or ge-0/0/0.0: a subinterface of an interface this device has.
    const dot = iface.name.lastIndexOf('.')
    if (dot > 0 && /^\d+$/.test(iface.name.slice(dot + 1))) {
      const parent = byName.get(iface.name.slice(0, dot))
      if (parent !== undefined) {
        iface.parent = parent.name
        iface.type = 'virtual'
      }
    }
  }
  for (const [member, agg] of t.lag ?? []) {
    const m = byIndex.get(member)
    const a = byIndex.get(agg)
    if (m !== undefined && a !== undefined && m.type !== 'virtual' && m.type !== 'lag') {
      m.lag = a.name
      a.type = 'lag'
    }
  }

  // Addresses: ipAddrTable's masks win for IPv4; RFC 4293 rows fill in the rest, IPV6-MIB last.
  const addresses = new Map<string, DiscoveredAddress>()
  const includeLinkLocal = options.includeLinkLocal === true
  for (const entry of [...(t.ipAddr ?? []), ...(t.ipAddress ?? []), ...(t.ipv6Addr ?? [])]) {
    const iface = byIndex.get(entry.ifIndex)
    if (!keepAddress(entry.address, includeLinkLocal)) continue
    // A link-local address means nothing without its link.
    if (iface === undefined && ipaddr.parse(entry.address).range() === 'linkLocal') continue
    const key = `${entry.ifIndex}|${entry.address}`
    const existing = addresses.get(key)
    if (existing !== undefined) {
      if (existing.address.endsWith('/?') && entry.prefixLength !== undefined) existing.address = `${entry.address}/${entry.prefixLength}`
      if (existing.status === undefined && entry.status !== undefined) existing.status = entry.status
      continue
    }
    const a: DiscoveredAddress = { address: `${entry.address}/${entry.prefixLength ?? '?'}` }
    if (iface !== undefined) a.interface = iface.name
    if (entry.status !== undefined) a.status = entry.status
    if (ifTypes.get(entry.ifIndex) === 24) a.role = 'loopback'
    addresses.set(key, a)
  }
  for (const a of addresses.values()) {
    // No table gave a length: the address is still there, as a host route.
    if (a.address.endsWith('/?')) a.address = a.address.slice(0, -1) + (a.address.includes(':') ? '128' : '32')
    device.addresses.push(a)
  }

  // VLANs and 802.1Q modes.
  if (t.vlans !== undefined) {
    for (const [vid, v] of [...t.vlans.vlans].sort((a, b) => a[0] - b[0])) device.vlans.push(v.name === undefined ? { vid } : { vid, name: v.name })
    for (const [ifIndex, p] of t.vlans.ports) {
      const iface = byIndex.get(ifIndex)
      if (iface === undefined) continue
      const m = portMode(p)
      if (m.mode === undefined) continue
      iface.mode = m.mode
      if (m.untaggedVlan !== undefined) iface.untaggedVlan = m.untaggedVlan
      if (m.taggedVlans !== undefined) iface.taggedVlans = m.taggedVlans
    }
  }

  // Cisco's own VLAN MIBs fill in what Q-BRIDGE-MIB did not say.
  if (t.ciscoVlans !== undefined) {
    const known = new Map(device.vlans.map((v) => [v.vid, v]))
    for (const [vid, v] of t.ciscoVlans.vlans) {
      const existing = known.get(vid)
      if (existing === undefined) known.set(vid, v.name === undefined ? { vid } : { vid, name: v.name })
      else if (existing.name === undefined && v.name !== undefined) existing.name = v.name
    }
    device.vlans = [...known.values()].sort((a, b) => a.vid - b.vid)
    for (const [ifIndex, m] of t.ciscoVlans.ports) {
      const iface = byIndex.get(ifIndex)
      if (iface === undefined || iface.mode !== undefined) continue
      iface.mode = m.mode
      if (m.untaggedVlan !== undefined) iface.untaggedVlan = m.untaggedVlan
      if (m.taggedVlans !== undefined) iface.taggedVlans = m.taggedVlans
    }
  }

  for (const v of device.vlans) {
    const name = t.juniperVlanNames?.get(v.vid)
    if (v.name === undefined && name !== undefined) v.name = name
  }

  // ENTITY-MIB: the chassis describes the device; modules and identifiable parts are inventory.
  const entities = t.entities ?? []
  const chassis = findChassis(entities)
  if (chassis !== undefined) {
    device.model = chassis.model ?? chassis.descr
    device.serial = chassis.serial
  }
  device.inventory = inventoryOf(entities, chassis)

  device.neighbors = neighborsOf(t, byIndex, device.interfaces)
  for (const c of t.cdp ?? []) {
    const iface = byIndex.get(c.ifIndex)
    if (iface === undefined) continue
    const n: DiscoveredDevice['neighbors'][number] = { protocol: 'cdp', localInterface: iface.name }
    if (c.deviceId !== undefined) n.remoteSystemName = c.deviceId
    if (c.port !== undefined) n.remotePort = c.port
    if (c.address !== undefined) n.remoteManagementAddress = c.address
    // The OS from the version text, as for LLDP; else CDP's platform string (the hardware).
    const platform = parseSysDescr(c.version)?.platform ?? c.platform
    if (platform !== undefined) n.remotePlatform = platform
    device.neighbors.push(n)
  }
  // Absent, not undefined: what the device did not say stays out of the JSON and the diffs.
  for (const key of Object.keys(device) as Array<keyof DiscoveredDevice>) if (device[key] === undefined) delete device[key]
  return device
}

function inventoryOf (entities: readonly EntityEntry[], chassis: EntityEntry | undefined): DiscoveredInventoryItem[] {
  const byIndex = new Map(entities.map((e) => [e.index, e]))
  const included = entities.filter((e) => e !== chassis && (e.class === 9 || e.serial !== undefined || e.model !== undefined))
  const names = new Map<number, string>()
  const used = new Set<string>()
  for (const e of included) {
    let name = e.name ?? e.descr ?? e.model ?? `entity ${e.index}`
    if (used.has(name)) name = `${name} (${e.index})`
    used.add(name)
    names.set(e.index, name)
  }
  return included.map((e) => {
    const item: DiscoveredInventoryItem = { name: names.get(e.index) as string, kind: e.class === 9 ? 'module' : 'item' }
    if (e.descr !== undefined) item.description = e.descr
    if (e.model !== undefined) item.partId = e.model
    if (e.serial !== undefined) item.serial = e.serial
    if (e.mfg !== undefined) item.manufacturer = e.mfg
    if (e.class !== undefined && PHYSICAL_CLASS[e.class] !== undefined) item.class = PHYSICAL_CLASS[e.class]
    // The nearest container that is itself in the inventory (containers and the chassis are not).
    const guard = new Set<number>()
    let up = e.containedIn
    while (up !== undefined && up !== 0 && !guard.has(up)) {
      guard.add(up)
      const parentName = names.get(up)
      if (parentName !== undefined) { item.parent = parentName; break }
      up = byIndex.get(up)?.containedIn
    }
    return item
  })
}

function neighborsOf (t: Tables, byIndex: Map<number, DiscoveredInterface>, interfaces: DiscoveredInterface[]): DiscoveredDevice['neighbors'] {
  const out: DiscoveredDevice['neighbors'] = []
  if (t.lldpRemote === undefined || t.lldpRemote.length === 0) return out
  const byText = new Map<string, DiscoveredInterface>()
  for (const iface of interfaces) byText.set(iface.name.toLowerCase(), iface)
  const byMac = new Map<string, DiscoveredInterface>()
  for (const iface of interfaces) if (iface.mac !== undefined && !byMac.has(iface.mac)) byMac.set(iface.mac, iface)
  const local = new Map((t.lldpLocal ?? []).map((p) => [p.portNum, p]))
  const bridgePorts = t.vlans?.bridgePortIfIndex
  const resolve = (portNum: number): DiscoveredInterface | undefined => {
    // lldpLocPortNum is often the ifIndex, sometimes the bridge port: trust the port's own id first.
    const p = local.get(portNum)
    for (const text of [p?.id, p?.descr]) {
      const hit = text === undefined ? undefined : byText.get(text.toLowerCase())
      if (hit !== undefined) return hit
    }
    if (p?.mac !== undefined && byMac.has(p.mac)) return byMac.get(p.mac)
    if (byIndex.has(portNum)) return byIndex.get(portNum)
    const viaBridge = bridgePorts?.get(portNum)
    return viaBridge === undefined ? undefined : byIndex.get(viaBridge)
  }
  for (const r of t.lldpRemote) {
    const iface = resolve(r.localPortNum)
    const localName = iface?.name ?? local.get(r.localPortNum)?.id ?? local.get(r.localPortNum)?.descr
    if (localName === undefined) continue
    const n: DiscoveredDevice['neighbors'][number] = { protocol: 'lldp', localInterface: localName }
    if (r.sysName !== undefined) n.remoteSystemName = r.sysName
    if (r.portId !== undefined) n.remotePort = r.portId
    if (r.portDescr !== undefined) n.remotePortDescription = r.portDescr
    if (r.chassisId !== undefined) n.remoteChassisId = r.chassisId
    if (r.managementAddress !== undefined) n.remoteManagementAddress = r.managementAddress
    const platform = parseSysDescr(r.sysDescr)?.platform
    if (platform !== undefined) n.remotePlatform = platform
    out.push(n)
  }
  return out
}
