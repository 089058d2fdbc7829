// BRIDGE-MIB (RFC 4188) bridge port -> ifIndex, and Q-BRIDGE-MIB (RFC 4363) VLANs, their port
// membership bitmaps and each port's PVID. Membership comes from dot1qVlanCurrentTable (what is in
// effect) and falls back to dot1qVlanStaticTable, which some agents fill instead.
import { asBytes, asInt, asText, indexParts, portListMembers } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'

export const BASE_PORT_COLUMNS = { dot1dBasePortIfIndex: '1.3.6.1.2.1.17.1.4.1.2' } as const
export const VLAN_STATIC_COLUMNS = {
  dot1qVlanStaticName: '1.3.6.1.2.1.17.7.1.4.3.1.1',
  dot1qVlanStaticEgressPorts: '1.3.6.1.2.1.17.7.1.4.3.1.2',
  dot1qVlanStaticUntaggedPorts: '1.3.6.1.2.1.17.7.1.4.3.1.4'
} as const
export const VLAN_CURRENT_COLUMNS = {
  dot1qVlanCurrentEgressPorts: '1.3.6.1.2.1.17.7.1.4.2.1.4',
  dot1qVlanCurrentUntaggedPorts: '1.3.6.1.2.1.17.7.1.4.2.1.5'
} as const
export const PORT_VLAN_COLUMNS = { dot1qPvid: '1.3.6.1.2.1.17.7.1.4.5.1.1' } as const

export interface VlanInfo {
  /** Bridge port number -> ifIndex. */
  bridgePortIfIndex: Map<number, number>
  vlans: Map<number, { name?: string }>
  /** ifIndex -> membership */
  ports: Map<number, { egress: Set<number>, untagged: Set<number>, pvid?: number }>
}

function isVid (n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 4094
}

export function parseBridge (base: Map<string, ColumnRows>, stat: Map<string, ColumnRows>, current: Map<string, ColumnRows>, pvids: Map<string, ColumnRows>): VlanInfo {
  const portIf = new Map<number, number>()
  for (const [suffix, vb] of base.get(BASE_PORT_COLUMNS.dot1dBasePortIfIndex) ?? []) {
    const ifIndex = asInt(vb)
    if (/^\d+$/.test(suffix) && ifIndex !== undefined && ifIndex > 0) portIf.set(Number(suffix), ifIndex)
  }
  const info: VlanInfo = { bridgePortIfIndex: portIf, vlans: new Map(), ports: new Map() }
  const port = (ifIndex: number): { egress: Set<number>, untagged: Set<number>, pvid?: number } => {
    let p = info.ports.get(ifIndex)
    if (p === undefined) { p = { egress: new Set(), untagged: new Set() }; info.ports.set(ifIndex, p) }
    return p
  }
  for (const [suffix, vb] of stat.get(VLAN_STATIC_COLUMNS.dot1qVlanStaticName) ?? []) {
    const vid = Number(suffix)
    if (isVid(vid)) info.vlans.set(vid, { name: asText(vb) })
  }
  // Current table index is TimeMark.VlanIndex; the static table's is VlanIndex.
  const membership = (egressCol: ColumnRows | undefined, untaggedCol: ColumnRows | undefined, vidOf: (suffix: string) => number): boolean => {
    let any = false
    for (const [suffix, vb] of egressCol ?? []) {
      const vid = vidOf(suffix)
      const bytes = asBytes(vb)
      if (!isVid(vid) || bytes === undefined) continue
      any = true
      if (!info.vlans.has(vid)) info.vlans.set(vid, {})
      const untagged = new Set(portListMembers(asBytes(untaggedCol?.get(suffix)) ?? Buffer.alloc(0)))
      for (const bp of portListMembers(bytes)) {
        const ifIndex = portIf.get(bp)
        if (ifIndex === undefined) continue
        const p = port(ifIndex)
        p.egress.add(vid)
        if (untagged.has(bp)) p.untagged.add(vid)
      }
    }
    return any
  }
  const fromCurrent = membership(current.get(VLAN_CURRENT_COLUMNS.dot1qVlanCurrentEgressPorts), current.get(VLAN_CURRENT_COLUMNS.dot1qVlanCurrentUntaggedPorts), (s) => {
    const parts = indexParts(s)
    return parts.length === 2 ? parts[1] : NaN
  })
  if (!fromCurrent) membership(stat.get(VLAN_STATIC_COLUMNS.dot1qVlanStaticEgressPorts), stat.get(VLAN_STATIC_COLUMNS.dot1qVlanStaticUntaggedPorts), Number)
  for (const [suffix, vb] of pvids.get(PORT_VLAN_COLUMNS.dot1qPvid) ?? []) {
    const ifIndex = portIf.get(Number(suffix))
    const vid = asInt(vb)
    if (ifIndex !== undefined && vid !== undefined && isVid(vid) && info.ports.has(ifIndex)) port(ifIndex).pvid = vid
  }
  return info
}

/** NetBox 802.1Q mode of one port from its membership. */
export function portMode (p: { egress: Set<number>, untagged: Set<number>, pvid?: number }): { mode?: 'access' | 'tagged', untaggedVlan?: number, taggedVlans?: number[] } {
  if (p.egress.size === 0) return {}
  // A VLAN the port sends tagged is never its untagged VLAN, even when it is the PVID.
  let untagged: number | undefined
  if (p.untagged.size === 1) untagged = [...p.untagged][0]
  else if (p.pvid !== undefined && p.untagged.has(p.pvid)) untagged = p.pvid
  else if (p.untagged.size > 1) untagged = Math.min(...p.untagged)
  const tagged = [...p.egress].filter((v) => !p.untagged.has(v) && v !== untagged).sort((a, b) => a - b)
  if (tagged.length === 0) return { mode: 'access', untaggedVlan: untagged }
  return { mode: 'tagged', untaggedVlan: untagged, taggedVlans: tagged }
}
