// IP-MIB addresses: the legacy ipAddrTable (IPv4 with a mask), the RFC 4293 ipAddressTable (IPv4
// and IPv6; the prefix length is the last index arc of the ipAddressPrefixTable row that
// ipAddressPrefix points to) and IPV6-MIB's ipv6AddrPfxLength for agents that predate RFC 4293.
import { asInt, asIp, asOid, indexParts, inetFromIndex, maskToPrefixLength } from '../decode.ts'
import type { ColumnRows } from '../walk.ts'

export const IP_ADDR_TABLE_COLUMNS = {
  ipAdEntAddr: '1.3.6.1.2.1.4.20.1.1',
  ipAdEntIfIndex: '1.3.6.1.2.1.4.20.1.2',
  ipAdEntNetMask: '1.3.6.1.2.1.4.20.1.3'
} as const

export const IP_ADDRESS_TABLE_COLUMNS = {
  ipAddressIfIndex: '1.3.6.1.2.1.4.34.1.3',
  ipAddressType: '1.3.6.1.2.1.4.34.1.4',
  ipAddressPrefix: '1.3.6.1.2.1.4.34.1.5',
  ipAddressOrigin: '1.3.6.1.2.1.4.34.1.6',
  ipAddressStatus: '1.3.6.1.2.1.4.34.1.7'
} as const

export const IPV6_ADDR_TABLE_COLUMNS = {
  ipv6AddrPfxLength: '1.3.6.1.2.1.55.1.8.1.2'
} as const

const PREFIX_ENTRY = '1.3.6.1.2.1.4.32.1.'

export interface IpEntry {
  ifIndex: number
  family: 4 | 6
  address: string
  /** Undefined when no table gave one. */
  prefixLength?: number
  status?: 'active' | 'deprecated' | 'dhcp' | 'slaac'
}

/** Prefix length from an ipAddressPrefix RowPointer, e.g. 1.3.6.1.2.1.4.32.1.5.<ifIndex>.<inet>.<len>. */
export function prefixLengthFromPointer (pointer: string | undefined): number | undefined {
  if (pointer === undefined || !pointer.startsWith(PREFIX_ENTRY)) return undefined
  const parts = indexParts(pointer.slice(PREFIX_ENTRY.length))
  // column, ifIndex, then InetAddressType.InetAddress, then the length.
  const inet = inetFromIndex(parts, 2)
  let family: 4 | 6 | undefined
  if (inet !== undefined && parts.length === inet.next + 1) family = inet.family
  // FortiOS leaves out the address length octet: type, then the bare 4 or 16 address octets.
  else if ((parts[2] === 1 && parts.length === 3 + 4 + 1) || (parts[2] === 2 && parts.length === 3 + 16 + 1)) family = parts[2] === 1 ? 4 : 6
  if (family === undefined) return undefined
  const len = parts[parts.length - 1]
  return len >= 0 && len <= (family === 4 ? 32 : 128) ? len : undefined
}

export function parseIpAddrTable (cols: Map<string, ColumnRows>): IpEntry[] {
  const out: IpEntry[] = []
  const addrs = cols.get(IP_ADDR_TABLE_COLUMNS.ipAdEntAddr) ?? new Map()
  const masks = cols.get(IP_ADDR_TABLE_COLUMNS.ipAdEntNetMask) ?? new Map()
  for (const [suffix, vb] of cols.get(IP_ADDR_TABLE_COLUMNS.ipAdEntIfIndex) ?? []) {
    const ifIndex = asInt(vb)
    // The address column is often missing; the index is the address (RFC 4293 ipAddrEntry).
    const address = asIp(addrs.get(suffix)) ?? (/^\d+\.\d+\.\d+\.\d+$/.test(suffix) ? suffix : undefined)
    if (ifIndex === undefined || address === undefined) continue
    const mask = asIp(masks.get(suffix))
    out.push({ ifIndex, family: 4, address, prefixLength: mask === undefined ? undefined : maskToPrefixLength(mask) })
  }
  return out
}

const ORIGIN_STATUS: Record<number, IpEntry['status']> = { 4: 'dhcp', 5: 'slaac' }

export function parseIpAddressTable (cols: Map<string, ColumnRows>): IpEntry[] {
  const out: IpEntry[] = []
  const types = cols.get(IP_ADDRESS_TABLE_COLUMNS.ipAddressType) ?? new Map()
  const prefixes = cols.get(IP_ADDRESS_TABLE_COLUMNS.ipAddressPrefix) ?? new Map()
  const origins = cols.get(IP_ADDRESS_TABLE_COLUMNS.ipAddressOrigin) ?? new Map()
  const statuses = cols.get(IP_ADDRESS_TABLE_COLUMNS.ipAddressStatus) ?? new Map()
  for (const [suffix, vb] of cols.get(IP_ADDRESS_TABLE_COLUMNS.ipAddressIfIndex) ?? []) {
    const ifIndex = asInt(vb)
    const inet = inetFromIndex(indexParts(suffix))
    if (ifIndex === undefined || inet === undefined || inet.next !== indexParts(suffix).length) continue
    // unicast(1) only: anycast(2) and broadcast(3) rows are not interface addresses.
    const type = asInt(types.get(suffix))
    if (type !== undefined && type !== 1) continue
    // invalid(3), inaccessible(4), duplicate(7) are not in use.
    const status = asInt(statuses.get(suffix))
    if (status === 3 || status === 4 || status === 7) continue
    const entry: IpEntry = { ifIndex, family: inet.family, address: inet.address, prefixLength: prefixLengthFromPointer(asOid(prefixes.get(suffix))) }
    const origin = asInt(origins.get(suffix))
    if (status === 2) entry.status = 'deprecated'
    else if (origin !== undefined && ORIGIN_STATUS[origin] !== undefined) entry.status = ORIGIN_STATUS[origin]
    out.push(entry)
  }
  return out
}

export function parseIpv6AddrTable (cols: Map<string, ColumnRows>): IpEntry[] {
  const out: IpEntry[] = []
  for (const [suffix, vb] of cols.get(IPV6_ADDR_TABLE_COLUMNS.ipv6AddrPfxLength) ?? []) {
    // Index: ipv6IfIndex, then the 16 address octets without a length (fixed-size Ipv6Address).
    const parts = indexParts(suffix)
    const len = asInt(vb)
    if (parts.length !== 17 || len === undefined || len < 0 || len > 128) continue
    const inet = inetFromIndex([2, 16, ...parts.slice(1)])
    if (inet === undefined) continue
    out.push({ ifIndex: parts[0], family: 6, address: inet.address, prefixLength: len })
  }
  return out
}
