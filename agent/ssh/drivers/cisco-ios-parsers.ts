// Text parsers for IOS and IOS-XE outputs that only this platform prints in this layout:
// `show version`, `show ip interface`, `show ipv6 interface`, `show vrf`. The layouts shared
// with other Cisco platforms live in ../parse/.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredVrf } from '../../model.ts'
import { clean, columnsFromHeader, cutRow, firstMatch, splitBlocks, toLines } from '../parse/text.ts'
import { expandInterfaceName } from '../parse/interface-name.ts'
import { parseCidr, toCidr } from '../parse/ip.ts'
import { uptimeSeconds } from '../parse/units.ts'

/** True when the text is IOS-XE rather than classic IOS. */
export function isIosXe (text: string): boolean {
  return /IOS[ -]XE/i.test(text) || /\(CAT9K_IOSXE\)|X86_64_LINUX_IOSD/i.test(text)
}

export function parseIosVersion (output: string): DeviceFragment {
  const lines = toLines(output)
  const text = lines.join('\n')
  const out: DeviceFragment = { manufacturer: 'Cisco' }
  // The "Cisco IOS Software ..., Version X," line names the running release; IOS-XE 16+ also
  // prints "Cisco IOS XE Software, Version 16.09.03" with zero-padded fields, which we skip
  // in favour of the IOS line's "16.9.3" so the name matches what the device reports in SNMP.
  const version = firstMatch(lines, /^Cisco IOS Software.*?,\s*Version\s+([^\s,]+)/i) ??
    firstMatch(lines, /^IOS \(tm\).*?,\s*Version\s+([^\s,]+)/i) ??
    firstMatch(lines, /^Cisco IOS XE Software,\s*Version\s+(\S+)/i) ??
    firstMatch(lines, /Version\s+(\d[^\s,]*)/)
  const xe = isIosXe(text)
  out.osFamily = xe ? 'ios-xe' : 'ios'
  if (version !== undefined) {
    out.osVersion = version
    out.platform = `Cisco ${xe ? 'IOS-XE' : 'IOS'} ${version}`
  }
  const hostname = firstMatch(lines, /^(\S+) uptime is /)
  if (hostname !== undefined) out.hostname = hostname
  const uptime = firstMatch(lines, /^\S+ uptime is (.*)$/)
  if (uptime !== undefined) {
    const seconds = uptimeSeconds(uptime)
    if (seconds !== undefined) out.uptimeSeconds = seconds
  }
  const model = firstMatch(lines, /^[Cc]isco (\S+) (?:\([^)]*\) )?(?:processor|with)\b/) ??
    firstMatch(lines, /^Model [Nn]umber\s*:\s*(\S+)/)
  if (model !== undefined) out.model = model
  const serial = firstMatch(lines, /^Processor board ID (\S+)/) ?? firstMatch(lines, /^System [Ss]erial [Nn]umber\s*:\s*(\S+)/)
  if (serial !== undefined) out.serial = serial.replace(/,$/, '')
  const descr = lines.find((l) => /^Cisco IOS Software|^IOS \(tm\)/.test(l)) ?? lines.find((l) => /^Cisco IOS.*Software/.test(l))
  if (descr !== undefined) out.description = descr.trim()
  return out
}

/** The VRF an interface block names: IOS 'VPN Routing/Forwarding "x"', EOS 'VRF "x"' / 'VRF: x'. */
function vrfOf (block: readonly string[]): string | undefined {
  const vrf = firstMatch(block, /VPN Routing\/Forwarding "([^"]+)"/) ?? firstMatch(block, /^\s*VRF:?\s+"?([^"\s,]+)"?/)
  return vrf === 'default' ? undefined : vrf
}

const IP_HEADER = /^(\S+\d\S*) is (.+?),\s*line protocol is (\S+)/

/** `show ip interface`: primary and secondary IPv4 addresses with their VRF. */
export function parseIosIpInterface (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  for (const block of splitBlocks(toLines(output), (l) => IP_HEADER.test(l))) {
    const head = IP_HEADER.exec(block[0])!
    const name = head[1]
    const iface: DiscoveredInterface = { name, enabled: !/administratively/i.test(head[2]), operUp: head[3].toLowerCase().startsWith('up') }
    const vrf = vrfOf(block)
    if (vrf !== undefined) iface.vrf = vrf
    interfaces.push(iface)
    // A leased address is the DHCP server's to change: NetBox marks it "dhcp".
    const dhcp = block.some((l) => /Address determined by DHCP/i.test(l))
    for (const line of block) {
      const m = /^\s*(Internet address is|Secondary address(?: is)?)\s+(\S+)(?:\s+(\S+))?/i.exec(line)
      if (m === null) continue
      // Old images print "10.0.0.1 255.255.255.0" rather than a prefix length.
      const cidr = m[2].includes('/') ? parseCidr(m[2]) : (m[3] !== undefined ? toCidr(m[2], m[3]) : undefined)
      if (cidr === undefined) continue
      const a: DiscoveredAddress = { address: cidr, interface: name }
      if (/secondary/i.test(m[1])) a.role = 'secondary'
      else if (dhcp) a.status = 'dhcp'
      if (vrf !== undefined) a.vrf = vrf
      addresses.push(a)
    }
  }
  return { interfaces, addresses }
}

/** `show ipv6 interface`: global and unique-local IPv6 addresses with their prefix length. */
export function parseIosIpv6Interface (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  for (const block of splitBlocks(toLines(output), (l) => IP_HEADER.test(l))) {
    const head = IP_HEADER.exec(block[0])!
    const name = head[1]
    const vrf = vrfOf(block)
    const iface: DiscoveredInterface = { name, enabled: !/administratively/i.test(head[2]), operUp: head[3].toLowerCase().startsWith('up') }
    if (vrf !== undefined) iface.vrf = vrf
    interfaces.push(iface)
    for (const line of block) {
      // "2001:DB8::1, subnet is 2001:DB8::/64 [EUI]": the prefix length is the subnet's.
      const m = /^\s+([0-9A-Fa-f:]+:[0-9A-Fa-f:]*),\s*subnet is\s+\S+\/(\d{1,3})(.*)$/.exec(line)
      if (m === null) continue
      const cidr = toCidr(m[1], Number(m[2]))
      if (cidr === undefined) continue
      const a: DiscoveredAddress = { address: cidr, interface: name }
      if (/\bANY\b/.test(m[3])) a.role = 'anycast'
      if (/\bDEP\b/.test(m[3])) a.status = 'deprecated'
      if (vrf !== undefined) a.vrf = vrf
      addresses.push(a)
    }
  }
  return { interfaces, addresses }
}

/**
 * `show vrf` (IOS-XE and IOS 15+): name, default RD and member interfaces. `show ip vrf`
 * has the same table without the protocols column.
 */
export function parseIosVrf (output: string): DeviceFragment {
  const lines = toLines(output)
  const headerAt = lines.findIndex((l) => /^\s*Name\s+Default RD/i.test(l))
  if (headerAt < 0) return {}
  const header = lines[headerAt]
  const titles = /Protocols/.test(header) ? ['Name', 'Default RD', 'Protocols', 'Interfaces'] : ['Name', 'Default RD', 'Interfaces']
  const cols = columnsFromHeader(header, titles)
  if (cols === undefined) return {}
  cols[0].start = 0
  const vrfs: DiscoveredVrf[] = []
  const interfaces: DiscoveredInterface[] = []
  let current: DiscoveredVrf | undefined
  for (const line of lines.slice(headerAt + 1)) {
    if (line.trim() === '') continue
    const row = cutRow(line, cols)
    if (row.Name !== '') {
      current = { name: row.Name.replace(/^\*\s*/, '') }
      const rd = clean(row['Default RD'])
      if (rd !== undefined && !/not set/i.test(rd)) current.rd = rd
      vrfs.push(current)
    }
    if (current === undefined) continue
    for (const name of row.Interfaces.split(/[\s,]+/).filter((n) => n !== '')) {
      interfaces.push({ name: expandInterfaceName(name), vrf: current.name })
    }
  }
  return { vrfs, interfaces }
}
