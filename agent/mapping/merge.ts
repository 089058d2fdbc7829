// Joins what SNMP and SSH learned about one device (issue 6: "SSH facts win where both report a
// field"). SNMP and the CLI name the same port differently ("Gi0/1" from ifName,
// "GigabitEthernet0/1" from `show interfaces`), so interfaces are joined by a normalised name
// and every reference to an SNMP name (addresses, LAG, parent, neighbours) is rewritten to the
// merged interface's name.
import type {
  DiscoveredDevice, DiscoveredInterface, DiscoveredAddress, DiscoveredVlan, DiscoveredVrf,
  DiscoveredInventoryItem, DiscoveredNeighbor
} from '../model.ts'

// Abbreviations as IOS, NX-OS, EOS and friends print them, to the long form.
const INTERFACE_PREFIXES: ReadonlyArray<[RegExp, string]> = [
  [/^(gi|gig|gigabitethernet|ge)$/, 'gigabitethernet'],
  [/^(te|ten|tengigabitethernet|tengige|xe)$/, 'tengigabitethernet'],
  [/^(twe|twentyfivegige|twentyfivegigabitethernet)$/, 'twentyfivegige'],
  [/^(fo|fortygigabitethernet|fortygige)$/, 'fortygigabitethernet'],
  [/^(hu|hundredgige|hundredgigabitethernet)$/, 'hundredgige'],
  [/^(fa|fastethernet)$/, 'fastethernet'],
  [/^(e|et|eth|ethernet)$/, 'ethernet'],
  [/^(po|port-channel|portchannel)$/, 'port-channel'],
  [/^(lo|loopback)$/, 'loopback'],
  [/^(vl|vlan)$/, 'vlan'],
  [/^(tu|tunnel)$/, 'tunnel'],
  [/^(ma|mgmt|management)$/, 'management'],
  [/^(se|serial)$/, 'serial'],
  [/^(nve)$/, 'nve']
]

/** A key under which two spellings of one interface name compare equal. */
export function normalizeInterfaceName (name: string): string {
  const compact = name.trim().toLowerCase().replace(/\s+/g, '')
  const m = /^([a-z][a-z-]*?)(\d.*)?$/.exec(compact)
  if (m === null) return compact
  const [, prefix, rest = ''] = m
  for (const [pattern, long] of INTERFACE_PREFIXES) if (pattern.test(prefix)) return long + rest
  return compact
}

/** One device from the SNMP and SSH views of it; SSH wins per field. */
export function mergeDevices (snmp?: DiscoveredDevice, ssh?: DiscoveredDevice): DiscoveredDevice {
  if (snmp === undefined && ssh === undefined) throw new TypeError('mergeDevices: at least one device is required')
  if (snmp === undefined) return clone(ssh!)
  if (ssh === undefined) return clone(snmp)

  const interfaces = mergeInterfaces(snmp.interfaces, ssh.interfaces)
  // Names the merged device knows each interface by, under their normalised keys.
  const canonical = new Map(interfaces.map((i) => [normalizeInterfaceName(i.name), i.name]))
  const rename = (name: string | undefined): string | undefined =>
    name === undefined ? undefined : canonical.get(normalizeInterfaceName(name)) ?? name
  for (const i of interfaces) {
    if (i.lag !== undefined) i.lag = rename(i.lag)
    if (i.parent !== undefined) i.parent = rename(i.parent)
  }

  const merged: DiscoveredDevice = {
    ...pickDefined(snmp),
    ...pickDefined(ssh),
    source: 'ssh',
    target: ssh.target,
    interfaces,
    addresses: union<DiscoveredAddress>(
      snmp.addresses.map((a) => withInterface(a, rename(a.interface))),
      ssh.addresses.map((a) => withInterface(a, rename(a.interface))),
      (a) => `${a.vrf ?? ''}|${a.address.toLowerCase()}`
    ),
    vlans: union<DiscoveredVlan>(snmp.vlans, ssh.vlans, (v) => String(v.vid)),
    vrfs: union<DiscoveredVrf>(snmp.vrfs, ssh.vrfs, (v) => v.name),
    inventory: mergeInventory(snmp.inventory, ssh.inventory),
    neighbors: union<DiscoveredNeighbor>(
      snmp.neighbors.map((n) => ({ ...n, localInterface: rename(n.localInterface)! })),
      ssh.neighbors.map((n) => ({ ...n, localInterface: rename(n.localInterface)! })),
      (n) => [n.protocol, normalizeInterfaceName(n.localInterface), n.remoteSystemName ?? '', n.remotePort ?? ''].join('|').toLowerCase()
    )
  }
  return merged
}

function mergeInterfaces (snmp: DiscoveredInterface[], ssh: DiscoveredInterface[]): DiscoveredInterface[] {
  const out: DiscoveredInterface[] = []
  const byKey = new Map<string, number>()
  for (const i of snmp) {
    const key = normalizeInterfaceName(i.name)
    if (byKey.has(key)) continue
    byKey.set(key, out.length)
    out.push(cloneInterface(i))
  }
  for (const i of ssh) {
    const key = normalizeInterfaceName(i.name)
    const at = byKey.get(key)
    if (at === undefined) {
      byKey.set(key, out.length)
      out.push(cloneInterface(i))
    } else {
      out[at] = { ...out[at], ...pickDefined(cloneInterface(i)) }
    }
  }
  return out
}

// Serials identify hardware better than names, which differ between ENTITY-MIB and the CLI.
function mergeInventory (snmp: DiscoveredInventoryItem[], ssh: DiscoveredInventoryItem[]): DiscoveredInventoryItem[] {
  const sshSerials = new Set(ssh.flatMap((i) => (i.serial !== undefined && i.serial !== '' ? [i.serial] : [])))
  const sshNames = new Set(ssh.map((i) => i.name.toLowerCase()))
  const fromSnmp = snmp.filter((i) => {
    if (i.serial !== undefined && i.serial !== '' && sshSerials.has(i.serial)) return false
    return !sshNames.has(i.name.toLowerCase())
  })
  return [...fromSnmp.map((i) => ({ ...i })), ...ssh.map((i) => ({ ...i }))]
}

/** Items of both lists, each key once; where both have a key, the second's fields win. */
function union<T extends object> (first: T[], second: T[], key: (item: T) => string): T[] {
  const out = new Map<string, T>()
  for (const item of first) if (!out.has(key(item))) out.set(key(item), { ...item })
  for (const item of second) {
    const k = key(item)
    const prev = out.get(k)
    out.set(k, prev === undefined ? { ...item } : { ...prev, ...pickDefined(item) })
  }
  return [...out.values()]
}

function withInterface (a: DiscoveredAddress, iface: string | undefined): DiscoveredAddress {
  const copy = { ...a }
  if (iface === undefined) delete copy.interface
  else copy.interface = iface
  return copy
}

function pickDefined<T extends object> (obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>
}

function cloneInterface (i: DiscoveredInterface): DiscoveredInterface {
  return i.taggedVlans === undefined ? { ...i } : { ...i, taggedVlans: [...i.taggedVlans] }
}

function clone (d: DiscoveredDevice): DiscoveredDevice {
  return {
    ...d,
    interfaces: d.interfaces.map(cloneInterface),
    addresses: d.addresses.map((a) => ({ ...a })),
    vlans: d.vlans.map((v) => ({ ...v })),
    vrfs: d.vrfs.map((v) => ({ ...v })),
    inventory: d.inventory.map((i) => ({ ...i })),
    neighbors: d.neighbors.map((n) => ({ ...n }))
  }
}
