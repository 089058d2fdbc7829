// CDP and LLDP neighbour details in the Cisco text layout (IOS, IOS-XE, NX-OS, IOS-XR share it
// closely enough: "Device ID:", "Interface: x, Port ID (outgoing port): y", "Local Intf:",
// "Chassis id:", "Port id:", "System Name:"). Records are cut where a key that opens a record
// comes round again, so NX-OS (which opens with "Chassis id") and IOS ("Local Intf") both work.
import type { DiscoveredNeighbor } from '../../model.ts'
import { clean, toLines } from './text.ts'
import { expandInterfaceName, type AbbreviationTable, CISCO_ABBREVIATIONS } from './interface-name.ts'
import { normalizeMac } from './units.ts'
import { isIPv4, isIPv6 } from './ip.ts'

type Fields = Map<string, string>
interface Rec {
  fields: Fields
  /** Addresses listed under a management heading. */
  mgmt: string[]
  /** Addresses listed under any other heading (entry, interface addresses). */
  addresses: string[]
  description: string[]
}

/**
 * Groups "Key: value" lines into records. `opens` lists the keys that may start a record; a
 * record also ends at a line of dashes. Values of multi-line keys (descriptions, address
 * lists) are gathered from the lines that follow until the next key or blank line.
 */
function records (output: string, opens: readonly string[]): Array<Rec> {
  const out: Array<Rec> = []
  let cur: Rec | undefined
  let inDescription = false
  let inAddresses = false
  let inMgmt = false
  const push = (r: Rec, a: string): void => { (inMgmt ? r.mgmt : r.addresses).push(a) }
  for (const raw of toLines(output)) {
    const line = raw.trim()
    if (/^-{5,}$/.test(line)) {
      cur = undefined
      inDescription = inAddresses = false
      continue
    }
    // Several "Key: value" pairs may share a line, split by commas ("Interface: x,  Port ID ...").
    const pairs: Array<[string, string]> = []
    const kv = /^([A-Za-z][A-Za-z0-9 ()/._-]*?)\s*(?::|\s-\s)\s*(.*)$/.exec(line)
    if (kv !== null && !/^(IP(v4|v6)? address|IPv[46] Address|IP|IPv[46])$/i.test(kv[1])) {
      const key = kv[1].trim().toLowerCase()
      if (key === 'interface' || key === 'platform') {
        for (const part of line.split(/,\s+(?=[A-Z][A-Za-z ()]+\s*:)/)) {
          const m = /^([^:]+?)\s*:\s*(.*)$/.exec(part.trim())
          if (m !== null) pairs.push([m[1].trim().toLowerCase(), m[2].trim()])
        }
      } else {
        pairs.push([key, kv[2].trim()])
      }
    }
    if (pairs.length > 0 && /^(device id|local intf|local interface|chassis id|port id|system name|system description|version|platform|interface|(?:management|mgmt|entry|interface) address(?:\(es\)|es)?|port description|port id \(outgoing port\)|local port id|holdtime|time remaining|.*capabilities|vlan id|native vlan|duplex|advertisement version|mtu|sysname|hold time|age|peer mac address|physical location|vtp management domain( name)?|auto negotiation|media attachment unit type|protocol hello)$/.test(pairs[0][0])) {
      const [first] = pairs
      if (opens.includes(first[0]) && (cur === undefined || cur.fields.has(first[0]))) {
        cur = { fields: new Map(), mgmt: [], addresses: [], description: [] }
        out.push(cur)
      }
      if (cur === undefined) continue
      inDescription = inAddresses = false
      for (const [k, v] of pairs) if (!cur.fields.has(k)) cur.fields.set(k, v)
      if ((first[0] === 'system description' || first[0] === 'version') && first[1] === '') inDescription = true
      if (/address/.test(first[0])) {
        inAddresses = true
        inMgmt = /mgmt|management/.test(first[0])
        const a = first[1].trim()
        if (isIPv4(a) || isIPv6(a)) push(cur, a)
      }
      continue
    }
    if (cur === undefined) continue
    if (line === '') {
      inDescription = inAddresses = false
      continue
    }
    const addr = /^(?:IP(?:v4|v6)? address|IPv[46] Address|IP|IPv[46])\s*:\s*(\S+)/i.exec(line)
    if (addr !== null) {
      push(cur, addr[1])
      continue
    }
    if (inAddresses && (isIPv4(line) || isIPv6(line))) push(cur, line)
    else if (inDescription) cur.description.push(line)
  }
  return out
}

/** The management address when one is listed, else the first entry address; IPv4 first. */
function pickAddress (r: Rec): string | undefined {
  return r.mgmt.find((a) => isIPv4(a)) ?? r.mgmt[0] ?? r.addresses.find((a) => isIPv4(a)) ?? r.addresses[0]
}

function chassisId (value: string | undefined): string | undefined {
  const v = clean(value)
  return v === undefined ? undefined : (normalizeMac(v) ?? v)
}

/** `show cdp neighbors detail` (IOS, IOS-XE, NX-OS, IOS-XR). */
export function parseCdpDetail (output: string, table: AbbreviationTable = CISCO_ABBREVIATIONS): DiscoveredNeighbor[] {
  const out: DiscoveredNeighbor[] = []
  for (const r of records(output, ['device id'])) {
    const local = clean(r.fields.get('interface'))
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'cdp', localInterface: expandInterfaceName(local, table) }
    const deviceId = clean(r.fields.get('device id'))
    // NX-OS appends the serial in brackets to the device id; System Name has the bare name.
    const name = clean(r.fields.get('system name')) ?? clean(r.fields.get('sysname')) ?? deviceId?.replace(/\([^)]*\)$/, '')
    if (name !== undefined) n.remoteSystemName = name
    if (deviceId !== undefined) n.remoteChassisId = deviceId
    const port = clean(r.fields.get('port id (outgoing port)'))
    if (port !== undefined) n.remotePort = port
    const mgmt = pickAddress(r)
    if (mgmt !== undefined) n.remoteManagementAddress = mgmt
    const platform = clean(r.fields.get('platform'))
    if (platform !== undefined) n.remotePlatform = platform
    out.push(n)
  }
  return out
}

/** `show lldp neighbors detail` in the Cisco layout (IOS, IOS-XE, NX-OS, IOS-XR). */
export function parseLldpDetail (output: string, table: AbbreviationTable = CISCO_ABBREVIATIONS): DiscoveredNeighbor[] {
  const out: DiscoveredNeighbor[] = []
  for (const r of records(output, ['local intf', 'local interface', 'chassis id'])) {
    const local = clean(r.fields.get('local intf') ?? r.fields.get('local interface') ?? r.fields.get('local port id'))
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface: expandInterfaceName(local, table) }
    const name = clean(r.fields.get('system name'))
    if (name !== undefined) n.remoteSystemName = name
    const port = clean(r.fields.get('port id'))
    if (port !== undefined) n.remotePort = port
    const portDescription = clean(r.fields.get('port description'))
    if (portDescription !== undefined) n.remotePortDescription = portDescription
    const chassis = chassisId(r.fields.get('chassis id'))
    if (chassis !== undefined) n.remoteChassisId = chassis
    const mgmtInline = clean(r.fields.get('management address') ?? r.fields.get('management addresses'))
    const mgmt = pickAddress(r) ?? (mgmtInline !== undefined && (isIPv4(mgmtInline) || isIPv6(mgmtInline)) ? mgmtInline : undefined)
    if (mgmt !== undefined) n.remoteManagementAddress = mgmt
    const description = clean(r.fields.get('system description')) ?? clean(r.description[0])
    if (description !== undefined) n.remotePlatform = description
    out.push(n)
  }
  return out
}
