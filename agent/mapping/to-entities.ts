// Maps one DiscoveredDevice to diode.v1 entities, in the order the reconciler can apply them
// without forward references: Device, VLANs, VRFs, Interfaces (LAGs and parents before their
// members), IP addresses, prefixes, module bays and modules, inventory items. Nested references
// carry only the fields the reconciler matches on (DESIGN.md, "Matching"), so one device's
// request stays small and a reference can never overwrite the object it points at.
import ipaddr from 'ipaddr.js'
import { CHOICES, timestampFromDate } from '../../proto/index.ts'
import type {
  Entity, Device, Interface, IPAddress, Prefix, VLAN, VRF, InventoryItem, Module, ModuleBay, Tag
} from '../../proto/index.ts'
import type { DiscoveredDevice, DiscoveredInterface, DiscoveredInventoryItem } from '../model.ts'
import { DEFAULT_VENDORS, enterpriseNumber } from '../vendors.ts'

/** Site given to devices when the defaults name none. The agent never lets it come to that
 * (a policy without `defaults.site` uses the agent name, see config/examples/agent.yaml); it is
 * here for library callers, and deliberately not "undefined", which users mistook for a bug. */
export const DEFAULT_SITE = 'tributary'
/** Device role when the defaults name none. */
export const DEFAULT_ROLE = 'network-device'
/** Manufacturer and model when neither the device nor the vendor table knows them. */
export const UNKNOWN = 'Unknown'
/** NetBox caps Device.description at 200 characters; longer sysDescr texts are cut there. */
const MAX_DESCRIPTION = 200
/** NetBox stores speed and MTU in int32 columns. */
const INT32_MAX = 2_147_483_647

export type CustomFieldInput = string | number | boolean

/** What a device cannot report about itself; from a policy's `defaults` (and a scope entry's
 * `override_defaults`). */
export interface DeviceDefaults {
  /** Site of the device, its VLANs and (as scope) its prefixes. Default DEFAULT_SITE. */
  site?: string
  /** Device role. Default DEFAULT_ROLE. */
  role?: string
  tenant?: string
  /** Location inside the site. */
  location?: string
  /** Tag names, put on the device. */
  tags?: string[]
  /** Replaces the description the device reports (sysDescr). */
  description?: string
  comments?: string
  /** Replaces the platform the device reports. */
  platform?: string
  custom_fields?: Record<string, CustomFieldInput>
  /** Device status, default "active". */
  status?: string
}

export interface ToEntitiesOptions {
  /** Timestamp put on every entity; default now. */
  now?: Date
  /** Manufacturer names by enterprise number ("9") or by the name a collector reported
   * ("ciscoSystems"); wins over the shipped table. */
  vendors?: Record<string, string>
  /** Addresses the device was reached on besides its target (the target host name resolved by
   * the agent); any of them found on an interface becomes the primary IP. */
  managementAddresses?: string[]
}

type DeviceRef = { name: string, site: { name: string } }

export function toEntities (device: DiscoveredDevice, defaults: DeviceDefaults = {}, options: ToEntitiesOptions = {}): Entity[] {
  const timestamp = timestampFromDate(options.now ?? new Date())
  const site = nonEmpty(defaults.site) ?? DEFAULT_SITE
  const deviceName = nonEmpty(device.hostname) ?? device.target
  const deviceRef: DeviceRef = { name: deviceName, site: { name: site } }
  const manufacturer = resolveManufacturer(device, options.vendors)
  const vrfRd = new Map(device.vrfs.map((v) => [v.name, v.rd]))
  const vlanNames = new Map(device.vlans.map((v) => [v.vid, v.name]))
  const interfaceNames = new Set(device.interfaces.map((i) => i.name))
  const vrfRef = (name: string): VRF => withOptional({ name }, 'rd', vrfRd.get(name))
  const vlanRef = (vid: number): VLAN => {
    const ref: VLAN = { vid }
    const name = vlanNames.get(vid)
    if (name !== undefined && name !== '') ref.name = name
    ref.site = { name: site }
    return ref
  }
  const ifaceRef = (name: string): Interface => ({ name, device: deviceRef })

  const out: Entity[] = []
  const push = (entity: Entity): void => { out.push({ timestamp, ...entity }) }

  push({ device: buildDevice(device, defaults, deviceName, site, manufacturer, options.managementAddresses ?? []) })

  for (const vlan of device.vlans) {
    const v: VLAN = { vid: vlan.vid }
    if (nonEmpty(vlan.name) !== undefined) v.name = vlan.name
    v.site = { name: site }
    if (vlan.status !== undefined) v.status = vlan.status
    push({ vlan: v })
  }
  for (const vrf of device.vrfs) push({ vrf: withOptional({ name: vrf.name }, 'rd', vrf.rd) })

  for (const iface of orderInterfaces(device.interfaces)) {
    const i: Interface = { device: deviceRef, name: iface.name, type: interfaceType(iface.type) }
    if (iface.enabled !== undefined) i.enabled = iface.enabled
    if (isPositiveInt32(iface.mtu)) i.mtu = iface.mtu
    if (iface.speedKbps !== undefined && iface.speedKbps >= 0 && iface.speedKbps <= INT32_MAX) i.speed = Math.round(iface.speedKbps)
    if (iface.duplex !== undefined) i.duplex = iface.duplex
    if (nonEmpty(iface.mac) !== undefined) i.mac_address = iface.mac!.toUpperCase()
    if (nonEmpty(iface.description) !== undefined) i.description = iface.description
    if (iface.mode !== undefined) i.mode = iface.mode
    if (iface.untaggedVlan !== undefined && isVid(iface.untaggedVlan)) i.untagged_vlan = vlanRef(iface.untaggedVlan)
    const tagged = (iface.taggedVlans ?? []).filter(isVid)
    if (tagged.length > 0 && iface.mode !== 'tagged-all') i.tagged_vlans = tagged.map(vlanRef)
    if (iface.lag !== undefined && interfaceNames.has(iface.lag) && iface.lag !== iface.name) i.lag = ifaceRef(iface.lag)
    if (iface.parent !== undefined && interfaceNames.has(iface.parent) && iface.parent !== iface.name) i.parent = ifaceRef(iface.parent)
    if (iface.vrf !== undefined) i.vrf = vrfRef(iface.vrf)
    push({ interface: i })
  }

  const prefixes = new Map<string, Prefix>()
  const seenAddresses = new Set<string>()
  for (const addr of device.addresses) {
    const cidr = parseCidr(addr.address)
    if (cidr === undefined) continue
    const key = `${addr.vrf ?? ''}|${cidr.address}`
    if (seenAddresses.has(key)) continue
    seenAddresses.add(key)
    const ip: IPAddress = { address: cidr.address, status: addr.status ?? 'active' }
    if (addr.role !== undefined) ip.role = addr.role
    if (addr.vrf !== undefined) ip.vrf = vrfRef(addr.vrf)
    if (addr.interface !== undefined && interfaceNames.has(addr.interface)) ip.assigned_object_interface = ifaceRef(addr.interface)
    push({ ip_address: ip })
    if (cidr.network !== undefined && !prefixes.has(`${addr.vrf ?? ''}|${cidr.network}`)) {
      const p: Prefix = { prefix: cidr.network }
      if (addr.vrf !== undefined) p.vrf = vrfRef(addr.vrf)
      if (nonEmpty(defaults.site) !== undefined) p.scope_site = { name: site }
      prefixes.set(`${addr.vrf ?? ''}|${cidr.network}`, p)
    }
  }
  for (const p of prefixes.values()) push({ prefix: p })

  const modules = device.inventory.filter((i) => i.kind === 'module')
  const bayNames = moduleBayNames(modules)
  modules.forEach((item, n) => {
    const bay: ModuleBay = { device: deviceRef, name: bayNames[n] }
    push({ module_bay: bay })
    const m: Module = {
      device: deviceRef,
      module_bay: { device: deviceRef, name: bayNames[n] },
      module_type: { model: nonEmpty(item.partId) ?? item.name, manufacturer: { name: vendorName(item.manufacturer, options.vendors) ?? manufacturer } },
      status: 'active'
    }
    if (nonEmpty(item.serial) !== undefined) m.serial = item.serial
    if (nonEmpty(item.description) !== undefined) m.description = item.description
    push({ module: m })
  })
  for (const item of device.inventory) {
    if (item.kind !== 'item') continue
    const inv: InventoryItem = { device: deviceRef, name: item.name }
    if (nonEmpty(item.partId) !== undefined) inv.part_id = item.partId
    if (nonEmpty(item.serial) !== undefined) inv.serial = item.serial
    const maker = vendorName(item.manufacturer, options.vendors)
    if (maker !== undefined) inv.manufacturer = { name: maker }
    if (nonEmpty(item.description) !== undefined) inv.description = item.description
    inv.discovered = true
    push({ inventory_item: inv })
  }
  return out
}

function buildDevice (device: DiscoveredDevice, defaults: DeviceDefaults, name: string, site: string, manufacturer: string, management: string[]): Device {
  const d: Device = {
    name,
    device_type: { model: nonEmpty(device.model) ?? nonEmpty(device.sysObjectId) ?? UNKNOWN, manufacturer: { name: manufacturer } },
    role: { name: nonEmpty(defaults.role) ?? DEFAULT_ROLE },
    site: { name: site }
  }
  const platform = nonEmpty(defaults.platform) ?? nonEmpty(device.platform) ?? platformFromOs(device)
  if (platform !== undefined) d.platform = { name: platform, manufacturer: { name: manufacturer } }
  if (nonEmpty(device.serial) !== undefined) d.serial = device.serial
  d.status = defaults.status ?? 'active'
  if (nonEmpty(defaults.tenant) !== undefined) d.tenant = { name: defaults.tenant }
  if (nonEmpty(defaults.location) !== undefined) d.location = { name: defaults.location, site: { name: site } }
  const description = nonEmpty(defaults.description) ?? nonEmpty(device.description)
  if (description !== undefined) d.description = description.replace(/\s+/g, ' ').trim().slice(0, MAX_DESCRIPTION)
  if (nonEmpty(defaults.comments) !== undefined) d.comments = defaults.comments
  if (defaults.tags !== undefined && defaults.tags.length > 0) d.tags = defaults.tags.map((t): Tag => ({ name: t }))
  if (defaults.custom_fields !== undefined && Object.keys(defaults.custom_fields).length > 0) {
    d.custom_fields = Object.fromEntries(Object.entries(defaults.custom_fields).map(([k, v]) => [k, customFieldValue(v)]))
  }
  // The address the agent reached the device on is its management address, but only when the
  // device itself reports it on an interface: otherwise a NAT or a jump host would become
  // the primary IP (orb-agent issue #265).
  const primary = primaryAddresses(device, management)
  if (primary.v4 !== undefined) d.primary_ip4 = primary.v4
  if (primary.v6 !== undefined) d.primary_ip6 = primary.v6
  return d
}

function primaryAddresses (device: DiscoveredDevice, management: string[]): { v4?: IPAddress, v6?: IPAddress } {
  const targets = new Set<string>()
  for (const text of [device.target, ...management]) {
    try { targets.add(ipaddr.process(text.replace(/^\[|\]$/g, '')).toString()) } catch { /* a host name: not an address */ }
  }
  const out: { v4?: IPAddress, v6?: IPAddress } = {}
  if (targets.size === 0) return out
  for (const addr of device.addresses) {
    const cidr = parseCidr(addr.address)
    if (cidr === undefined) continue
    const [ip] = ipaddr.parseCIDR(cidr.address)
    if (!targets.has(ip.toString())) continue
    const ref: IPAddress = { address: cidr.address }
    if (addr.vrf !== undefined) ref.vrf = { name: addr.vrf }
    if (ip.kind() === 'ipv4') out.v4 ??= ref
    else out.v6 ??= ref
  }
  return out
}

function resolveManufacturer (device: DiscoveredDevice, vendors: Record<string, string> = {}): string {
  const pen = enterpriseNumber(device.sysObjectId)
  const reported = nonEmpty(device.manufacturer)
  if (pen !== undefined && vendors[String(pen)] !== undefined) return vendors[String(pen)]
  if (reported !== undefined) return vendors[reported] ?? reported
  if (pen !== undefined && DEFAULT_VENDORS[pen] !== undefined) return DEFAULT_VENDORS[pen]
  return UNKNOWN
}

/** A manufacturer name as reported, renamed by the config's vendors table when it lists it. */
function vendorName (reported: string | undefined, vendors: Record<string, string> = {}): string | undefined {
  const name = nonEmpty(reported)
  return name === undefined ? undefined : vendors[name] ?? name
}

function platformFromOs (device: DiscoveredDevice): string | undefined {
  const family = nonEmpty(device.osFamily)
  if (family === undefined) return undefined
  return nonEmpty(device.osVersion) !== undefined ? `${family} ${device.osVersion}` : family
}

const INTERFACE_TYPES = new Set(CHOICES['Interface.type'] ?? [])

function interfaceType (type: string | undefined): string {
  return type !== undefined && INTERFACE_TYPES.has(type) ? type : 'other'
}

// LAGs and parents are referenced by their members and children, so they go first; the sort
// is stable so the device's own order survives otherwise.
function orderInterfaces (interfaces: DiscoveredInterface[]): DiscoveredInterface[] {
  const byName = new Map(interfaces.map((i) => [i.name, i]))
  const depth = (iface: DiscoveredInterface, seen = new Set<string>()): number => {
    if (seen.has(iface.name)) return 0
    seen.add(iface.name)
    const up = [iface.lag, iface.parent].flatMap((n) => (n !== undefined && n !== iface.name && byName.has(n) ? [byName.get(n)!] : []))
    return up.length === 0 ? 0 : 1 + Math.max(...up.map((u) => depth(u, seen)))
  }
  return interfaces.map((iface, n) => ({ iface, n, d: depth(iface) }))
    .sort((a, b) => a.d - b.d || a.n - b.n)
    .map((x) => x.iface)
}

// A module sits in the bay named after its container when that container holds only it;
// otherwise its own name is the only name that is unique.
function moduleBayNames (modules: DiscoveredInventoryItem[]): string[] {
  const counts = new Map<string, number>()
  for (const m of modules) if (m.parent !== undefined) counts.set(m.parent, (counts.get(m.parent) ?? 0) + 1)
  return modules.map((m) => (m.parent !== undefined && counts.get(m.parent) === 1 ? m.parent : m.name))
}

/** Normalised address and, unless it is a host route, its network. */
function parseCidr (text: string): { address: string, network?: string } | undefined {
  const withLength = text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`
  let ip: ipaddr.IPv4 | ipaddr.IPv6
  let len: number
  try { [ip, len] = ipaddr.parseCIDR(withLength) } catch { return undefined }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) return undefined
  const address = `${ip.toString()}/${len}`
  const host = ip.kind() === 'ipv4' ? len === 32 : len === 128
  // Link-local networks repeat on every interface of every device: never a prefix.
  if (host || len === 0 || ip.range() === 'linkLocal') return { address }
  const network = ip.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(withLength).toString()
    : ipaddr.IPv6.networkAddressFromCIDR(withLength).toString()
  return { address, network: `${network}/${len}` }
}

function customFieldValue (v: CustomFieldInput): NonNullable<Device['custom_fields']>[string] {
  if (typeof v === 'boolean') return { boolean: v }
  if (typeof v === 'number') return Number.isInteger(v) ? { integer: v } : { decimal: v }
  return { text: v }
}

function withOptional<T extends object, K extends string> (obj: T, key: K, value: string | undefined): T {
  if (value !== undefined && value !== '') (obj as Record<string, unknown>)[key] = value
  return obj
}

function nonEmpty (s: string | undefined): string | undefined {
  return s === undefined || s.trim() === '' ? undefined : s
}

function isVid (vid: number): boolean {
  return Number.isInteger(vid) && vid >= 1 && vid <= 4094
}

function isPositiveInt32 (n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n > 0 && n <= INT32_MAX
}
