// IOS-XR text outputs: `show version`, `show ipv4|ipv6 vrf all interface`, `show vrf all`,
// `show running-config hostname`. XR has no structured CLI output short of NETCONF, so text it is.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredVrf } from '../../model.ts'
import { uptimeSeconds } from '../parse/units.ts'
import { clean, firstMatch, splitBlocks, toLines } from '../parse/text.ts'
import { parseCidr, toCidr, isLinkLocalV6 } from '../parse/ip.ts'

export function parseXrVersion (output: string): DeviceFragment {
  const lines = toLines(output)
  const out: DeviceFragment = { manufacturer: 'Cisco', osFamily: 'iosxr' }
  // "Version 7.9.2 LNT": the release is the first word; "LNT" names the software variant.
  const version = firstMatch(lines, /^Cisco IOS XR Software,\s*Version\s+([^\s,[]+)/i)
  if (version !== undefined) {
    out.osVersion = version
    out.platform = `Cisco IOS-XR ${version}`
  }
  // The line with "processor" names the chassis; 8000-series first print the family alone.
  const model = firstMatch(lines, /^cisco (.+?) \(.*\) processor/i) ?? firstMatch(lines, /^cisco (.+?) \(/i)
  if (model !== undefined) out.model = model
  const up = /^(\S+) uptime is (.*)$/.exec(lines.find((l) => /^\S+ uptime is /.test(l)) ?? '')
  if (up !== null) {
    if (up[1] !== 'System') out.hostname = up[1]
    const s = uptimeSeconds(up[2])
    if (s !== undefined) out.uptimeSeconds = s
  }
  const descr = lines.find((l) => /^Cisco IOS XR Software/.test(l))
  if (descr !== undefined) out.description = descr.trim()
  return out
}

/** `show running-config hostname` (also `... | include hostname` on any Cisco platform). */
export function parseRunningHostname (output: string): DeviceFragment {
  const hostname = firstMatch(toLines(output), /^\s*hostname\s+(\S+)/)
  return hostname === undefined ? {} : { hostname: hostname.replace(/^"|"$/g, '') }
}

const V4_HEADER = /^(\S+\d\S*) is ([\w ]+?), ipv4 protocol is (\w+)/i
const V6_HEADER = /^(\S+\d\S*) is ([\w ]+?), ipv6 protocol is (\w+)(?:, Vrfid is (\S+))?/i

function header (m: RegExpExecArray): DiscoveredInterface {
  return { name: m[1], enabled: !/shutdown|admin/i.test(m[2]), operUp: /^up$/i.test(m[3]) }
}

/** `show ipv4 vrf all interface` (also `show ipv4 interface`). */
export function parseXrIpv4Interface (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  for (const block of splitBlocks(toLines(output), (l) => V4_HEADER.test(l))) {
    const iface = header(V4_HEADER.exec(block[0])!)
    const vrf = firstMatch(block, /^\s*Vrf is (\S+)/)
    if (vrf !== undefined && vrf !== 'default') iface.vrf = vrf
    interfaces.push(iface)
    for (const line of block) {
      const m = /^\s*(Internet address is|Secondary address)\s+(\S+\/\d+)/i.exec(line)
      if (m === null) continue
      const cidr = parseCidr(m[2])
      if (cidr === undefined) continue
      const a: DiscoveredAddress = { address: cidr, interface: iface.name }
      if (/secondary/i.test(m[1])) a.role = 'secondary'
      if (iface.vrf !== undefined) a.vrf = iface.vrf
      addresses.push(a)
    }
  }
  return { interfaces, addresses }
}

/** `show ipv6 vrf all interface`: global addresses with the subnet's prefix length. */
export function parseXrIpv6Interface (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  for (const block of splitBlocks(toLines(output), (l) => V6_HEADER.test(l))) {
    const head = V6_HEADER.exec(block[0])!
    const iface = header(head)
    const vrf = head[4]
    if (vrf !== undefined && vrf !== 'default') iface.vrf = vrf
    interfaces.push(iface)
    for (const line of block) {
      const m = /^\s+([0-9A-Fa-f:]+:[0-9A-Fa-f:]*),\s*subnet is\s+\S+\/(\d{1,3})/.exec(line)
      if (m === null) continue
      const cidr = toCidr(m[1], Number(m[2]))
      if (cidr === undefined || isLinkLocalV6(cidr)) continue
      const a: DiscoveredAddress = { address: cidr, interface: iface.name }
      if (iface.vrf !== undefined) a.vrf = iface.vrf
      addresses.push(a)
    }
  }
  return { interfaces, addresses }
}

/** `show vrf all`: a row per VRF (name, RD), then indented import/export RT lines. */
export function parseXrVrf (output: string): DeviceFragment {
  const vrfs: DiscoveredVrf[] = []
  let inTable = false
  for (const line of toLines(output)) {
    if (/^VRF\s+RD\b/.test(line)) { inTable = true; continue }
    if (!inTable || /^\s/.test(line) || line.trim() === '') continue
    const m = /^(\S+)\s+(not set|\S+)?/.exec(line)
    if (m === null) continue
    const vrf: DiscoveredVrf = { name: m[1] }
    const rd = clean(m[2])
    if (rd !== undefined && rd !== 'not set') vrf.rd = rd
    vrfs.push(vrf)
  }
  return { vrfs }
}
