// iproute2 output: `ip -j addr|link show` (JSON, iproute2 4.14+) and the text form older releases
// and BusyBox print. Both read into the same intermediate `LinkInfo` so the rules that turn a
// kernel link into a NetBox interface (kinds, bonds, VLANs, VRFs) exist once.
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredVlan, DiscoveredVrf } from '../../model.ts'
import type { DeviceFragment } from '../driver.ts'
import { toCidr } from '../parse/ip.ts'

export interface LinkAddress {
  family: 'inet' | 'inet6'
  local: string
  prefixlen: number
  scope?: string
  /** Learned from DHCP or SLAAC (iproute2 "dynamic"). */
  dynamic?: boolean
  secondary?: boolean
  deprecated?: boolean
}

/** One kernel link as iproute2 describes it, whichever output form it came from. */
export interface LinkInfo {
  name: string
  index?: number
  flags: string[]
  mtu?: number
  operstate?: string
  linkType?: string
  mac?: string
  /** Bond, bridge or VRF this link is enslaved to. */
  master?: string
  /** Lower device of a VLAN/macvlan ("eth0" in "eth0.100@eth0"). */
  link?: string
  /** linkinfo.info_kind: bond, bridge, vlan, vrf, dummy, veth... (only with -d). */
  kind?: string
  /** linkinfo.info_slave_kind: bond, bridge, vrf (only with -d). */
  slaveKind?: string
  vlanId?: number
  vrfTable?: number
  /** "pci", "usb"... set by -d for devices backed by hardware. */
  parentBus?: string
  addresses: LinkAddress[]
}

type JsonRecord = Record<string, unknown>
const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => typeof v === 'string' && v !== '' ? v : undefined
const num = (v: unknown): number | undefined => typeof v === 'number' && Number.isFinite(v) ? v : undefined

/** Parses `ip -j [-d] addr|link show`; undefined when the text is not iproute2 JSON. */
export function parseIpJson (output: string): LinkInfo[] | undefined {
  const start = output.indexOf('[')
  if (start === -1) return undefined
  let doc: unknown
  try {
    doc = JSON.parse(output.slice(start))
  } catch {
    return undefined
  }
  if (!Array.isArray(doc)) return undefined
  const links: LinkInfo[] = []
  for (const row of doc) {
    if (!isRecord(row)) continue
    const name = str(row.ifname)
    if (name === undefined) continue
    const info = isRecord(row.linkinfo) ? row.linkinfo : undefined
    const data = info !== undefined && isRecord(info.info_data) ? info.info_data : undefined
    const addresses: LinkAddress[] = []
    for (const a of Array.isArray(row.addr_info) ? row.addr_info : []) {
      if (!isRecord(a)) continue
      const family = a.family === 'inet' || a.family === 'inet6' ? a.family : undefined
      const local = str(a.local)
      const prefixlen = num(a.prefixlen)
      if (family === undefined || local === undefined || prefixlen === undefined) continue
      addresses.push({
        family,
        local,
        prefixlen,
        scope: str(a.scope),
        dynamic: a.dynamic === true,
        secondary: a.secondary === true,
        deprecated: a.deprecated === true || a.preferred_life_time === 0
      })
    }
    links.push({
      name,
      index: num(row.ifindex),
      flags: Array.isArray(row.flags) ? row.flags.filter((f): f is string => typeof f === 'string') : [],
      mtu: num(row.mtu),
      operstate: str(row.operstate),
      linkType: str(row.link_type),
      mac: str(row.address),
      master: str(row.master),
      link: str(row.link),
      kind: info === undefined ? undefined : str(info.info_kind),
      slaveKind: info === undefined ? undefined : str(info.info_slave_kind),
      vlanId: info?.info_kind === 'vlan' ? num(data?.id) : undefined,
      vrfTable: info?.info_kind === 'vrf' ? num(data?.table) : undefined,
      parentBus: str(row.parentbus),
      addresses
    })
  }
  return links
}

// "2: eth0.100@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP ..."
const HEADER = /^(\d+):\s+([^:@\s]+)(?:@([^:\s]+))?:\s+<([^>]*)>(.*)$/
// Kinds whose -d detail line starts with the kind name.
const DETAIL_KINDS = /^(vlan|bond|bridge|vrf|dummy|veth|vxlan|macvlan|ipvlan|tun|gre|gretap|ipip|sit|ip6tnl|geneve|wireguard|team|ifb|bond_slave|bridge_slave|vrf_slave|team_slave)\b/

/** Parses the text of `ip [-d] addr|link show` (iproute2 or BusyBox). */
export function parseIpText (output: string): LinkInfo[] {
  const links: LinkInfo[] = []
  let cur: LinkInfo | undefined
  for (const raw of output.split(/\r?\n/)) {
    const header = HEADER.exec(raw)
    if (header !== null) {
      const [, index, name, at, flags, rest] = header
      const words = rest.trim().split(/\s+/)
      const after = (key: string): string | undefined => {
        const i = words.indexOf(key)
        return i === -1 ? undefined : words[i + 1]
      }
      const mtu = Number(after('mtu'))
      cur = {
        name,
        index: Number(index),
        flags: flags === '' ? [] : flags.split(','),
        mtu: Number.isFinite(mtu) ? mtu : undefined,
        operstate: after('state'),
        master: after('master'),
        // "@if5" names a peer in another namespace by index, not a device here.
        link: at !== undefined && !/^(?:if\d+|NONE)$/.test(at) ? at : undefined,
        addresses: []
      }
      links.push(cur)
      continue
    }
    if (cur === undefined) continue
    const line = raw.trim()
    const words = line.split(/\s+/)
    if (words[0]?.startsWith('link/')) {
      cur.linkType = words[0].slice(5)
      if (words[1] !== undefined && /^[0-9a-f]{2}(?::[0-9a-f]{2})+$/i.test(words[1])) cur.mac = words[1]
      const bus = words.indexOf('parentbus')
      if (bus !== -1) cur.parentBus = words[bus + 1]
      continue
    }
    if (words[0] === 'inet' || words[0] === 'inet6') {
      const m = /^(\S+)\/(\d+)$/.exec(words[1] ?? '')
      if (m === null) continue
      const scope = words.indexOf('scope')
      cur.addresses.push({
        family: words[0],
        local: m[1],
        prefixlen: Number(m[2]),
        scope: scope === -1 ? undefined : words[scope + 1],
        dynamic: words.includes('dynamic'),
        secondary: words.includes('secondary'),
        deprecated: words.includes('deprecated')
      })
      continue
    }
    const kind = DETAIL_KINDS.exec(line)?.[1]
    if (kind !== undefined) {
      if (kind.endsWith('_slave')) cur.slaveKind = kind.slice(0, -'_slave'.length)
      else cur.kind = kind
      if (kind === 'vlan') {
        const id = /\bid (\d+)/.exec(line)
        if (id !== null) cur.vlanId = Number(id[1])
      }
      if (kind === 'vrf') {
        const table = /\btable (\d+)/.exec(line)
        if (table !== null) cur.vrfTable = Number(table[1])
      }
    }
    const bus = words.indexOf('parentbus')
    if (bus !== -1) cur.parentBus = words[bus + 1]
  }
  return links
}

/** JSON when the output is JSON, else text. */
export function parseIpOutput (output: string): LinkInfo[] {
  return parseIpJson(output) ?? parseIpText(output)
}

// Kernel link kinds that are software constructs; NetBox calls them "virtual".
const VIRTUAL_KINDS = new Set(['vlan', 'dummy', 'veth', 'vxlan', 'macvlan', 'macvtap', 'ipvlan', 'tun', 'tap', 'gre', 'gretap', 'ip6gre', 'ipip', 'sit', 'ip6tnl', 'geneve', 'wireguard', 'ifb', 'vti', 'xfrm', 'nlmon'])

function interfaceType (l: LinkInfo): string | undefined {
  if (l.kind === 'bond' || l.kind === 'team') return 'lag'
  if (l.kind === 'bridge' || l.kind === 'openvswitch') return 'bridge'
  if (l.kind !== undefined && VIRTUAL_KINDS.has(l.kind)) return 'virtual'
  if (l.linkType === 'none' || l.flags.includes('POINTOPOINT')) return 'virtual'
  // A physical port's type depends on its speed, read separately (see linux-host.ts).
  return undefined
}

/**
 * VRF devices say so with -d; without it (plain `ip addr`) they are still the only masters that
 * are NOARP (bonds and bridges resolve addresses).
 */
function isVrf (l: LinkInfo): boolean {
  return l.kind === 'vrf' || (l.kind === undefined && l.flags.includes('MASTER') && l.flags.includes('NOARP'))
}

function addressStatus (a: LinkAddress): DiscoveredAddress['status'] {
  if (a.deprecated === true) return 'deprecated'
  if (a.dynamic === true) return a.family === 'inet' ? 'dhcp' : 'slaac'
  return 'active'
}

/**
 * Interfaces, addresses, VLANs and VRFs from parsed links. The loopback device is left out with
 * its 127.0.0.1/8 and ::1: every host has them, so as IPAddress objects they would collide across
 * devices and say nothing. VRF master devices become VRFs, not interfaces.
 */
export function linksToFragment (links: readonly LinkInfo[]): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  const vlans = new Map<number, DiscoveredVlan>()
  const vrfs = new Map<string, DiscoveredVrf>()
  const byName = new Map(links.map((l) => [l.name, l]))
  const tagged = new Map<string, number[]>()
  for (const l of links) {
    if (isVrf(l)) vrfs.set(l.name, { name: l.name })
  }
  for (const l of links) {
    if (l.linkType === 'loopback' || l.name === 'lo' || isVrf(l)) continue
    const masterLink = l.master === undefined ? undefined : byName.get(l.master)
    const vrf = l.slaveKind === 'vrf' || (masterLink !== undefined && isVrf(masterLink)) ? l.master : undefined
    const iface: DiscoveredInterface = { name: l.name }
    const type = interfaceType(l)
    if (type !== undefined) iface.type = type
    if (l.flags.length > 0) iface.enabled = l.flags.includes('UP')
    if (l.operstate !== undefined && l.operstate !== 'UNKNOWN') iface.operUp = l.operstate === 'UP'
    else if (l.flags.length > 0) iface.operUp = l.flags.includes('LOWER_UP')
    if (l.mtu !== undefined && l.mtu > 0) iface.mtu = l.mtu
    if (l.mac !== undefined && l.linkType !== 'none' && /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/i.test(l.mac) && l.mac !== '00:00:00:00:00:00') iface.mac = l.mac.toLowerCase()
    if ((l.slaveKind === 'bond' || l.slaveKind === 'team') || masterLink?.kind === 'bond' || masterLink?.kind === 'team') iface.lag = l.master
    if (vrf !== undefined) {
      iface.vrf = vrf
      vrfs.set(vrf, { name: vrf })
    }
    if (l.kind === 'vlan' || l.vlanId !== undefined) {
      if (l.link !== undefined) iface.parent = l.link
      if (l.vlanId !== undefined) {
        // The VLAN device carries one VLAN, untagged from the host's side; its lower device
        // carries it tagged.
        iface.mode = 'access'
        iface.untaggedVlan = l.vlanId
        if (!vlans.has(l.vlanId)) vlans.set(l.vlanId, { vid: l.vlanId })
        if (l.link !== undefined) tagged.set(l.link, [...(tagged.get(l.link) ?? []), l.vlanId])
      }
    }
    interfaces.push(iface)
    for (const a of l.addresses) {
      if (a.scope === 'host') continue
      const address = toCidr(a.local, a.prefixlen)
      if (address === undefined) continue
      const out: DiscoveredAddress = { address, interface: l.name, status: addressStatus(a) }
      if (vrf !== undefined) out.vrf = vrf
      if (a.secondary === true) out.role = 'secondary'
      addresses.push(out)
    }
  }
  for (const iface of interfaces) {
    const vids = tagged.get(iface.name)
    if (vids === undefined) continue
    iface.mode = 'tagged'
    iface.taggedVlans = [...new Set(vids)].sort((a, b) => a - b)
  }
  const fragment: DeviceFragment = { interfaces, addresses }
  if (vlans.size > 0) fragment.vlans = [...vlans.values()].sort((a, b) => a.vid - b.vid)
  if (vrfs.size > 0) fragment.vrfs = [...vrfs.values()]
  return fragment
}
