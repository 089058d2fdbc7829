// `show interfaces` in the layout IOS, IOS-XE, IOS-XR, NX-OS and EOS share: a block per
// interface opening with "<name> is <state>[, line protocol is <state>]", then "Hardware
// is/Hardware:", "Description:", "Internet address is", "MTU", the duplex/speed line and,
// for aggregates, the member list.
import type { DiscoveredAddress, DiscoveredInterface } from '../../model.ts'
import { clean, splitBlocks, toLines, toInt } from './text.ts'
import { expandInterfaceName, guessInterfaceType, parentInterface, type AbbreviationTable, CISCO_ABBREVIATIONS } from './interface-name.ts'
import { normalizeMac, parseDuplex, parseSpeedKbps } from './units.ts'
import { parseCidr } from './ip.ts'

// An interface name has a digit in it: this keeps "admin state is up" (NX-OS) out.
const HEADER = /^([A-Za-z][\w/.:-]*\d[\w/.:-]*) is (.+?)(?:,\s*line protocol is (\S+).*)?$/

export interface InterfacesResult {
  interfaces: DiscoveredInterface[]
  addresses: DiscoveredAddress[]
}

export function parseCiscoInterfaces (output: string, table: AbbreviationTable = CISCO_ABBREVIATIONS): InterfacesResult {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  const lagOf = new Map<string, string>()
  for (const block of splitBlocks(toLines(output), (l) => HEADER.test(l))) {
    const head = HEADER.exec(block[0])!
    const name = head[1]
    const state = head[2].toLowerCase()
    const iface: DiscoveredInterface = { name }
    // err-disabled ports are enabled and down; only an administrative shutdown disables.
    iface.enabled = !/administratively|admin[ -]?down/.test(state)
    const protocol = head[3]?.toLowerCase()
    iface.operUp = protocol !== undefined ? protocol.startsWith('up') : state.startsWith('up')
    let hardware: string | undefined
    let media: string | undefined
    let bandwidth: number | undefined
    let inMembers = false
    for (const line of block.slice(1)) {
      const t = line.trim()
      let m: RegExpExecArray | null
      if ((m = /^admin state is (\w+)/i.exec(t)) !== null) {
        iface.enabled = m[1].toLowerCase() === 'up'
      } else if ((m = /^Hardware(?: is|:)\s*(.*?)(?:,\s*address(?: is|:)\s*(\S+)(?:\s*\(bia\s*(\S+)\))?)?\s*$/i.exec(t)) !== null) {
        hardware = clean(m[1])
        const mac = normalizeMac(m[2])
        if (mac !== undefined) iface.mac = mac
      } else if (iface.mac === undefined && (m = /^address(?: is|:)\s*(\S+)/i.exec(t)) !== null) {
        const mac = normalizeMac(m[1])
        if (mac !== undefined) iface.mac = mac
      } else if ((m = /^(?:Description:|Port description is)\s*(.*)$/.exec(t)) !== null) {
        const d = clean(m[1])
        if (d !== undefined) iface.description = d
      } else if ((m = /^(?:Internet|IPv4) address is\s+(\S+\/\d+)(.*)$/i.exec(t)) !== null) {
        const cidr = parseCidr(m[1])
        if (cidr !== undefined) {
          const a: DiscoveredAddress = { address: cidr, interface: name }
          if (/secondary/i.test(m[2])) a.role = 'secondary'
          addresses.push(a)
        }
      } else if ((m = /^Secondary address (?:is )?(\S+\/\d+)/i.exec(t)) !== null) {
        const cidr = parseCidr(m[1])
        if (cidr !== undefined) addresses.push({ address: cidr, interface: name, role: 'secondary' })
      } else if ((m = /^(?:IP |Ethernet )?MTU (\d+) bytes(?:.*?BW (\d+) [Kk]bit)?/.exec(t)) !== null) {
        // EOS prints the IP MTU and, on switched or L2-capable ports, the Ethernet MTU;
        // NetBox's MTU is the L2 one, so "Ethernet MTU" wins whichever comes first.
        if (iface.mtu === undefined || /^Ethernet MTU/.test(t)) iface.mtu = toInt(m[1])
        if (m[2] !== undefined) bandwidth = toInt(m[2])
      } else if ((m = /^(full|half|auto)[- ]duplex,\s*([^,]+)(?:,\s*(.*))?$/i.exec(t)) !== null) {
        const duplex = parseDuplex(m[1])
        if (duplex !== undefined) iface.duplex = duplex
        const speed = parseSpeedKbps(m[2])
        if (speed !== undefined) iface.speedKbps = speed
        const rest = m[3] ?? ''
        const mt = /media type is (.*?)(?:,|$)/i.exec(rest) ?? /^([\w/+-]*base[\w/+-]*)/i.exec(rest)
        if (mt !== null) media = mt[1].trim()
      } else if ((m = /media type is (.*?)\s*$/i.exec(t)) !== null) {
        media ??= m[1]
      } else if ((m = /^(?:Belongs to|Member of)\s+(\S+)/i.exec(t)) !== null) {
        iface.lag = expandInterfaceName(m[1], table)
      } else if ((m = /^Members in this channel:\s*(.*)$/i.exec(t)) !== null) {
        for (const member of m[1].split(/[\s,]+/).filter((x) => x !== '')) lagOf.set(expandInterfaceName(member, table), name)
      } else if (/^No\. of members in this bundle:/i.test(t)) {
        inMembers = true
        continue
      } else if (inMembers && (m = /^(\S+\d)\s+(full|half)-duplex/i.exec(t)) !== null) {
        lagOf.set(expandInterfaceName(m[1], table), name)
        continue
      }
      inMembers = false
    }
    const parent = parentInterface(name)
    if (parent !== undefined) iface.parent = parent
    iface.type = guessInterfaceType(name, {
      hardware,
      media,
      speedKbps: iface.speedKbps ?? (hardware !== undefined && /ethernet/i.test(hardware) ? bandwidth : undefined)
    })
    if (iface.type === 'virtual' || iface.type === 'lag') delete iface.duplex
    interfaces.push(iface)
  }
  // Aggregates list their members; the members are told which LAG they belong to.
  for (const iface of interfaces) {
    const lag = lagOf.get(iface.name)
    if (lag !== undefined && iface.lag === undefined) iface.lag = lag
  }
  return { interfaces, addresses }
}
