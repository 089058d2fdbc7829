// Vendor MIBs that fill gaps of the standard ones, each walked only for its vendor:
// CISCO-CDP-MIB cdpCacheTable (neighbours of Cisco devices that do not run LLDP), and
// JUNIPER-L2ALD-MIB VLAN names (Junos leaves dot1qVlanStaticName empty).
import { asBytes, asInt, asText, indexParts } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'

const CDP = '1.3.6.1.4.1.9.9.23.1.2.1.1'
export const CDP_CACHE_COLUMNS = {
  cdpCacheAddressType: `${CDP}.3`,
  cdpCacheAddress: `${CDP}.4`,
  cdpCacheVersion: `${CDP}.5`,
  cdpCacheDeviceId: `${CDP}.6`,
  cdpCacheDevicePort: `${CDP}.7`,
  cdpCachePlatform: `${CDP}.8`
} as const

export interface CdpNeighbor {
  ifIndex: number
  deviceId?: string
  port?: string
  address?: string
  version?: string
  platform?: string
}

export function parseCdpCache (cols: Map<string, ColumnRows>): CdpNeighbor[] {
  const out: CdpNeighbor[] = []
  const col = (name: keyof typeof CDP_CACHE_COLUMNS): ColumnRows => cols.get(CDP_CACHE_COLUMNS[name]) ?? new Map()
  const keys = new Set<string>()
  for (const c of Object.values(CDP_CACHE_COLUMNS)) for (const k of cols.get(c)?.keys() ?? []) keys.add(k)
  for (const suffix of keys) {
    // Index: ifIndex.cdpCacheDeviceIndex.
    const parts = indexParts(suffix)
    if (parts.length !== 2) continue
    const n: CdpNeighbor = { ifIndex: parts[0] }
    const bytes = asBytes(col('cdpCacheAddress').get(suffix))
    // CiscoNetworkProtocol ip(1): four address octets.
    if (bytes !== undefined && bytes.length === 4 && (asInt(col('cdpCacheAddressType').get(suffix)) ?? 1) === 1) n.address = [...bytes].join('.')
    n.deviceId = asText(col('cdpCacheDeviceId').get(suffix))
    n.port = asText(col('cdpCacheDevicePort').get(suffix))
    n.version = asText(col('cdpCacheVersion').get(suffix))
    n.platform = asText(col('cdpCachePlatform').get(suffix))
    out.push(n)
  }
  return out
}

const L2ALD = '1.3.6.1.4.1.2636.3.48.1.3.1.1'
export const JUNIPER_VLAN_COLUMNS = {
  jnxL2aldVlanName: `${L2ALD}.2`,
  jnxL2aldVlanTag: `${L2ALD}.3`
} as const

/** VLAN id -> name; rows are indexed by an internal id, the 802.1Q tag is a column. */
export function parseJuniperVlanNames (cols: Map<string, ColumnRows>): Map<number, string> {
  const out = new Map<number, string>()
  const tags = cols.get(JUNIPER_VLAN_COLUMNS.jnxL2aldVlanTag) ?? new Map()
  for (const [suffix, vb] of cols.get(JUNIPER_VLAN_COLUMNS.jnxL2aldVlanName) ?? []) {
    const vid = asInt(tags.get(suffix))
    const name = asText(vb)
    if (vid !== undefined && vid >= 1 && vid <= 4094 && name !== undefined) out.set(vid, name)
  }
  return out
}
