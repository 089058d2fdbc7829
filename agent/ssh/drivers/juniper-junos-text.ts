// Junos text outputs: `show version`, `show chassis hardware`, `show interfaces`,
// `show interfaces terse`, `show vlans`, `show ethernet-switching interface`,
// `show lldp neighbors`, `show route instance detail`.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredInventoryItem, DiscoveredNeighbor, DiscoveredVlan, DiscoveredVrf } from '../../model.ts'
import { clean, columnsFromHeader, cutRow, firstMatch, splitBlocks, toLines } from '../parse/text.ts'
import { guessInterfaceType, parentInterface } from '../parse/interface-name.ts'
import { normalizeMac, parseDuplex, parseSpeedKbps } from '../parse/units.ts'
import { parseCidr, toCidr, isIPv4, isLinkLocalV6 } from '../parse/ip.ts'
import { isModule } from '../parse/inventory.ts'

export function junosPlatform (version: string | undefined): DeviceFragment {
  const out: DeviceFragment = { manufacturer: 'Juniper', osFamily: 'junos' }
  if (version !== undefined) {
    out.osVersion = version
    out.platform = `Juniper Junos ${version}`
  }
  return out
}

/**
 * The model as NetBox's device-type library names it: upper case ("mx204" -> "MX204"), and the
 * bracketed marketing name where the chassis description gives one ("JNP204 [MX204]").
 */
export function junosModel (text: string | undefined): string | undefined {
  const t = clean(text)
  if (t === undefined) return undefined
  const bracket = /\[([^\]]+)\]/.exec(t)
  return (bracket === null ? t : bracket[1]).toUpperCase()
}

/** `show version`; on a virtual chassis or dual-RE system the first member's section counts. */
export function parseJunosVersion (output: string): DeviceFragment {
  const lines = toLines(output)
  const version = firstMatch(lines, /^Junos:\s*(\S+)/i) ??
    firstMatch(lines, /^JUNOS (?:Base OS boot|Software Release|EX\s+Software Suite|.*Software Suite)\s*\[([^\]]+)\]/i)
  const out = junosPlatform(version)
  const hostname = firstMatch(lines, /^Hostname:\s*(\S+)/i)
  if (hostname !== undefined) out.hostname = hostname
  const model = junosModel(firstMatch(lines, /^Model:\s*(\S+)/i))
  if (model !== undefined) out.model = model
  const serial = firstMatch(lines, /^Serial Number:\s*(\S+)/i)
  if (serial !== undefined) out.serial = serial
  if (model !== undefined && version !== undefined) out.description = `Juniper Networks ${model}, Junos ${version}`
  return out
}

/**
 * `show chassis hardware`: a table whose Item column is indented by depth (FPC > MIC > PIC >
 * Xcvr). The indentation gives each item its parent; the Chassis row gives the device serial.
 */
export function parseJunosChassisHardware (output: string): DeviceFragment {
  const lines = toLines(output)
  const at = lines.findIndex((l) => /^Item\s+Version\s+Part number\s+Serial number\s+Description/i.test(l))
  if (at < 0) return {}
  const cols = columnsFromHeader(lines[at], ['Item', 'Version', 'Part number', 'Serial number', 'Description'])
  if (cols === undefined) return {}
  const inventory: DiscoveredInventoryItem[] = []
  const out: DeviceFragment = { inventory }
  const stack: Array<{ depth: number, name: string }> = []
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || /^\{/.test(line.trim()) || /^\S+:$/.test(line.trim())) continue
    const depth = line.length - line.trimStart().length
    const row = cutRow(line, cols)
    const item = clean(row.Item)
    if (item === undefined) continue
    while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop()
    const parent = stack[stack.length - 1]?.name
    // Nested names repeat ("PIC 0" under each MIC): qualify them with their parent.
    const name = parent !== undefined && depth > 0 ? `${parent} ${item}` : item
    stack.push({ depth, name })
    const description = clean(row.Description)
    const partId = clean(row['Part number'])
    const serial = clean(row['Serial number'])
    if (/^chassis$/i.test(item)) {
      if (serial !== undefined) out.serial = serial
      const model = junosModel(description)
      if (model !== undefined) out.model = model
    }
    const entry: DiscoveredInventoryItem = { name, kind: isModule(item, description) && !/^xcvr/i.test(item) ? 'module' : 'item' }
    // NON-JNPR marks third-party optics: the maker is not Juniper and there is no Juniper part.
    if (partId !== 'NON-JNPR') entry.manufacturer = 'Juniper'
    if (description !== undefined) entry.description = description
    if (partId !== undefined && partId !== 'NON-JNPR' && !/^BUILTIN$/i.test(partId)) entry.partId = partId
    if (serial !== undefined && !/^BUILTIN$/i.test(serial)) entry.serial = serial
    if (parent !== undefined) entry.parent = parent
    inventory.push(entry)
  }
  return out
}

/** `show interfaces` (also `... detail`/`extensive`): physical and logical interfaces with addresses. */
export function parseJunosInterfaces (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  const lagOf = new Map<string, string>()
  const blocks = splitBlocks(toLines(output), (l) => /^Physical interface:\s*\S+/.test(l) || /^\s+Logical interface\s+\S+/.test(l))
  let physical: DiscoveredInterface | undefined
  for (const block of blocks) {
    const phys = /^Physical interface:\s*([^,\s]+),\s*([^,]+),\s*Physical link is (\w+)/.exec(block[0])
    const logical = /^\s+Logical interface\s+(\S+)/.exec(block[0])
    if (phys !== null) {
      const iface: DiscoveredInterface = { name: phys[1], enabled: !/disabled|administratively down/i.test(phys[2]), operUp: /^up$/i.test(phys[3]) }
      const text = block.join('\n')
      const description = clean(firstMatch(block, /^\s+Description:\s*(.*)$/))
      if (description !== undefined) iface.description = description
      const mtu = /\bMTU:\s*(\d+)/.exec(text)
      if (mtu !== null) iface.mtu = Number(mtu[1])
      const speed = /\bSpeed:\s*([^,\s]+)/.exec(text)
      const kbps = speed === null ? undefined : parseSpeedKbps(speed[1])
      if (kbps !== undefined) iface.speedKbps = kbps
      const duplex = /\bLink-mode:\s*([\w-]+)/.exec(text)
      const mac = normalizeMac(/Current address:\s*([0-9a-fA-F:.]+)/.exec(text)?.[1])
      if (mac !== undefined) iface.mac = mac
      const hardware = /Link-level type:\s*([^,]+)/.exec(text)?.[1]
      iface.type = guessInterfaceType(iface.name, { hardware, speedKbps: kbps })
      if (duplex !== null && iface.type !== 'virtual' && iface.type !== 'lag') {
        const d = parseDuplex(duplex[1])
        if (d !== undefined) iface.duplex = d
      }
      interfaces.push(iface)
      physical = iface
      continue
    }
    if (logical === null) continue
    const name = logical[1]
    const iface: DiscoveredInterface = { name, type: 'virtual' }
    const parent = parentInterface(name) ?? physical?.name
    if (parent !== undefined && parent !== name) iface.parent = parent
    // A unit's flags say "Up" or "Down" when it has a link state; loopback units say neither.
    const flags = firstMatch(block, /^\s+Flags:\s*(.*)$/)
    if (flags !== undefined && /\bUp\b/.test(flags)) iface.operUp = true
    else if (flags !== undefined && /\bDown\b/.test(flags)) iface.operUp = false
    const description = clean(firstMatch(block, /^\s+Description:\s*(.*)$/))
    if (description !== undefined) iface.description = description
    interfaces.push(iface)
    let family: string | undefined
    for (const line of block) {
      const p = /^\s+Protocol\s+([\w-]+)(?:,\s*(?:MTU:\s*(\d+))?)?(.*)$/.exec(line)
      if (p !== null) {
        family = p[1]
        if (p[2] !== undefined && family === 'inet' && iface.mtu === undefined) iface.mtu = Number(p[2])
        const ae = /AE bundle:\s*([\w-]+)/.exec(line)
        if (ae !== null && iface.parent !== undefined) lagOf.set(iface.parent, ae[1].replace(/\.\d+$/, ''))
        continue
      }
      const ae = /AE bundle:\s*([\w-]+)/.exec(line)
      if (ae !== null && iface.parent !== undefined) { lagOf.set(iface.parent, ae[1].replace(/\.\d+$/, '')); continue }
      const local = /Local:\s*([0-9a-fA-F:.]+)/.exec(line)
      if (local === null || (family !== 'inet' && family !== 'inet6')) continue
      const dest = /Destination:\s*(\S+?\/\d+)/.exec(line)
      const len = dest !== null ? Number(dest[1].split('/')[1]) : (family === 'inet' ? 32 : 128)
      const cidr = toCidr(local[1], len)
      if (cidr === undefined || isLinkLocalV6(cidr) || /^127\./.test(cidr)) continue
      addresses.push({ address: cidr, interface: name })
    }
  }
  for (const iface of interfaces) {
    const lag = lagOf.get(iface.name)
    if (lag !== undefined) iface.lag = lag
  }
  return { interfaces, addresses }
}

/** `show interfaces terse`: admin/link state and every address with its length. */
export function parseJunosInterfacesTerse (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  let current: string | undefined
  let family: string | undefined
  for (const line of toLines(output)) {
    if (/^Interface\s+Admin\s+Link/i.test(line) || line.trim() === '') continue
    const w = line.trim().split(/\s+/)
    let rest: string[]
    if (!/^\s/.test(line)) {
      if (!/^(up|down)$/i.test(w[1] ?? '')) continue
      current = w[0]
      const iface: DiscoveredInterface = { name: current, enabled: /^up$/i.test(w[1]), operUp: /^up$/i.test(w[2] ?? '') }
      const parent = parentInterface(current)
      if (parent !== undefined) { iface.parent = parent; iface.type = 'virtual' } else iface.type = guessInterfaceType(current)
      interfaces.push(iface)
      rest = w.slice(3)
    } else {
      rest = w
    }
    if (current === undefined) continue
    if (rest.length > 0 && /^(inet6?|eth-switch|aenet|mpls|iso|tnp|vpls|bridge|ccc|multiservice)$/.test(rest[0])) {
      family = rest[0]
      rest = rest.slice(1)
    }
    if (family === 'aenet' && rest[0] === '-->' && rest[1] !== undefined) {
      const phys = interfaces.find((i) => i.name === parentInterface(current!) )
      if (phys !== undefined) phys.lag = rest[1].replace(/\.\d+$/, '')
      continue
    }
    const addr = rest[0]
    if (addr === undefined || (family !== 'inet' && family !== 'inet6')) continue
    const cidr = addr.includes('/') ? parseCidr(addr) : toCidr(addr, isIPv4(addr) ? 32 : 128)
    // 128.0.0.0/2 and fec0::/10 on em0/bme0 are the routing engine's internal network.
    if (cidr === undefined || isLinkLocalV6(cidr) || /^127\./.test(cidr) || /^(128\.0\.0\.|fe[c-f][0-9a-f]:)/i.test(cidr)) continue
    addresses.push({ address: cidr, interface: current })
  }
  return { interfaces, addresses }
}

/**
 * `show vlans`: the ELS layout ("Routing instance  VLAN name  Tag  Interfaces") and the older
 * EX layout ("Name  Tag  Interfaces"); only names and tags are taken (membership comes from
 * `show ethernet-switching interface`).
 */
export function parseJunosVlans (output: string): DeviceFragment {
  const vlans: DiscoveredVlan[] = []
  const lines = toLines(output)
  const at = lines.findIndex((l) => /\bTag\b/.test(l) && /(VLAN name|^Name)/i.test(l))
  if (at < 0) return { vlans }
  const header = lines[at]
  const tagStart = header.indexOf('Tag')
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || /^\s/.test(line)) continue
    // The tag is the number that ends near the Tag column; names may hold spaces elsewhere.
    const m = /^(.*?)\s+(\d{1,4})(?=\s|$)/.exec(line)
    if (m === null || m.index + m[0].length < tagStart - 2) continue
    const vid = Number(m[2])
    if (vid < 1 || vid > 4094) continue
    const words = m[1].trim().split(/\s+/)
    const name = /VLAN name/i.test(header) && words.length > 1 ? words.slice(1).join(' ') : words.join(' ')
    vlans.push({ vid, name })
  }
  return { vlans }
}

/**
 * `show ethernet-switching interface` (ELS): per logical interface, member VLANs with tags and
 * tagging. The mode is put on the physical port ("ge-0/0/1.0" -> "ge-0/0/1"), where NetBox
 * keeps it.
 */
export function parseJunosSwitchingInterface (output: string, vlanByName: Map<string, number> = new Map()): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  let current: { iface: DiscoveredInterface, tagged: number[], untagged?: number } | undefined
  const flush = (): void => {
    if (current === undefined) return
    const { iface, tagged, untagged } = current
    if (tagged.length > 0) { iface.mode = 'tagged'; iface.taggedVlans = tagged } else iface.mode = 'access'
    if (untagged !== undefined) iface.untaggedVlan = untagged
    if (tagged.length > 0 || untagged !== undefined) interfaces.push(iface)
    current = undefined
  }
  for (const line of toLines(output)) {
    if (line.trim() === '') continue
    let w = line.trim().split(/\s+/)
    if (/^[a-z]{2,}-?\d[\w/]*\.\d+$|^ae\d+\.\d+$/.test(w[0]) && !/^\s/.test(line)) {
      flush()
      current = { iface: { name: parentInterface(w[0]) ?? w[0] }, tagged: [] }
      // Pre-ELS releases ("Interface State VLAN members Tag Tagging") put the first member on
      // the interface's own row; ELS rows hold MAC limits there, which are not VLANs.
      if (!/^(up|down)$/i.test(w[1] ?? '')) continue
      w = w.slice(2)
    } else if (current === undefined || !/^\s/.test(line)) {
      continue
    }
    // The tag is the first number after the VLAN name (MAC limits come later).
    const tag = w.find((x) => /^\d{1,4}$/.test(x))
    const vid = tag !== undefined ? Number(tag) : vlanByName.get(w[0])
    if (vid === undefined || vid < 1 || vid > 4094) continue
    if (w.includes('tagged')) current.tagged.push(vid)
    else if (w.includes('untagged')) current.untagged = vid
  }
  flush()
  return { interfaces }
}

/** `show lldp neighbors`: one row per neighbour, columns read from the header. */
export function parseJunosLldp (output: string): DeviceFragment {
  const lines = toLines(output)
  const at = lines.findIndex((l) => /^Local Interface\s+/i.test(l))
  if (at < 0) return {}
  const header = lines[at]
  const titles = ['Local Interface', 'Parent Interface', 'Chassis Id', 'Port info', 'System Name'].filter((t) => header.includes(t))
  const cols = columnsFromHeader(header, titles)
  if (cols === undefined) return {}
  const neighbors: DiscoveredNeighbor[] = []
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || /^\{/.test(line.trim())) continue
    const row = cutRow(line, cols)
    const local = clean(row['Local Interface'])
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface: local }
    const chassis = clean(row['Chassis Id'])
    if (chassis !== undefined) n.remoteChassisId = normalizeMac(chassis) ?? chassis
    const port = clean(row['Port info'])
    if (port !== undefined) n.remotePort = port
    const name = clean(row['System Name'])
    if (name !== undefined) n.remoteSystemName = name
    neighbors.push(n)
  }
  return { neighbors }
}

/** `show route instance detail`: VRF-type instances with their RD and interfaces. */
export function parseJunosRouteInstances (output: string): DeviceFragment {
  const vrfs: DiscoveredVrf[] = []
  const interfaces: DiscoveredInterface[] = []
  for (const block of splitBlocks(toLines(output), (l) => /^[\w.:-]+:$/.test(l))) {
    const name = block[0].slice(0, -1)
    const type = firstMatch(block, /^\s+Type:\s*(\S+)/)
    if (type !== 'vrf') continue
    const vrf: DiscoveredVrf = { name }
    const rd = clean(firstMatch(block, /^\s+Route-distinguisher:\s*(\S+)/i))
    if (rd !== undefined) vrf.rd = rd
    vrfs.push(vrf)
    let inInterfaces = false
    for (const line of block.slice(1)) {
      if (/^\s+Interfaces:/.test(line)) { inInterfaces = true; continue }
      if (inInterfaces && /^\s{4,}\S+$/.test(line)) { interfaces.push({ name: line.trim(), vrf: name }); continue }
      inInterfaces = false
    }
  }
  return { vrfs, interfaces }
}
