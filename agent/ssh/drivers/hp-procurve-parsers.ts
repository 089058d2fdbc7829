// HP ProCurve / ArubaOS-Switch text outputs. The CLI has no structured output; its screens
// put two "Key : Value" columns side by side and separate tables with "|".
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredNeighbor, DiscoveredVlan } from '../../model.ts'
import { clean, columnsFromHeader, cutRow, isRule, toLines } from '../parse/text.ts'
import { normalizeMac, parseSpeedKbps, uptimeSeconds } from '../parse/units.ts'
import { toCidr, isIPv4, isIPv6 } from '../parse/ip.ts'
import { guessInterfaceType, typeFromSpeed } from '../parse/interface-name.ts'

/**
 * "Key : Value" pairs of one line, including the second column ("Software revision : K.15
 * Base MAC Addr : 7446a0-41a56f"): a new key starts after two or more spaces.
 */
export function keyValues (line: string): Array<[string, string]> {
  const out: Array<[string, string]> = []
  const re = /(?:^|\s{2,})([A-Za-z][\w ()%./-]*?)\s*:\s?(.*?)(?=\s{2,}[A-Za-z][\w ()%./-]*?\s*:(?:\s|$)|$)/g
  for (const m of line.matchAll(re)) out.push([m[1].trim(), m[2].trim()])
  return out
}

function allPairs (output: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of toLines(output)) for (const [k, v] of keyValues(line)) if (!map.has(k.toLowerCase())) map.set(k.toLowerCase(), v)
  return map
}

export function procurvePlatform (version: string | undefined): DeviceFragment {
  const out: DeviceFragment = { manufacturer: 'HPE', osFamily: 'procurve' }
  if (version !== undefined) {
    out.osVersion = version
    out.platform = `HPE ArubaOS-Switch ${version}`
  }
  return out
}

/** `show system` (also `show system information`). */
export function parseProcurveSystem (output: string): DeviceFragment {
  const kv = allPairs(output)
  const out = procurvePlatform(clean(kv.get('software revision')))
  const hostname = clean(kv.get('system name'))
  if (hostname !== undefined) out.hostname = hostname
  const serial = clean(kv.get('serial number'))
  if (serial !== undefined) out.serial = serial
  const location = clean(kv.get('system location'))
  if (location !== undefined) out.location = location
  const contact = clean(kv.get('system contact'))
  if (contact !== undefined) out.contact = contact
  const up = clean(kv.get('up time'))
  if (up !== undefined) {
    const s = uptimeSeconds(up)
    if (s !== undefined) out.uptimeSeconds = s
  }
  return out
}

/** `show version`: the release is the line that looks like "K.15.06.0017" under the image stamp. */
export function parseProcurveVersion (output: string): DeviceFragment {
  const lines = toLines(output)
  let version: string | undefined
  for (const l of lines) {
    const m = /^\s*([A-Z]{1,2}\.\d{2}\.\d{2}\.\d{4,})\s*$/.exec(l) ?? /Version\s+(\d[\w.]*)/.exec(l)
    if (m !== null) { version = m[1]; break }
  }
  return procurvePlatform(version)
}

/** `show lldp info local-device`: the system description names the product ("HP J9773A 2530-24G-PoEP Switch"). */
export function parseProcurveLocalDevice (output: string): DeviceFragment {
  const kv = allPairs(output)
  const out: DeviceFragment = {}
  const hostname = clean(kv.get('system name'))
  if (hostname !== undefined) out.hostname = hostname
  const descr = clean(kv.get('system description'))
  if (descr !== undefined) {
    out.description = descr
    const product = /\b((?:J|JL|JH|R)\d{3,4}[A-Z])\b/.exec(descr)
    if (product !== null) out.model = product[1]
    const rev = /revision\s+([A-Z]{1,2}\.\d{2}\.\d{2}\.\d{4,})/.exec(descr)
    if (rev !== null) Object.assign(out, procurvePlatform(rev[1]))
  }
  return out
}

// Port type column -> NetBox type.
function portType (name: string, type: string | undefined): string {
  const t = (type ?? '').toUpperCase()
  if (t === '') return guessInterfaceType(name)
  if (/10GBE-T|10GBASE-T/.test(t)) return '10gbase-t'
  if (/10G|SFP\+|SR$|LR$|DAC/.test(t) && !/1000|100\//.test(t)) return '10gbase-x-sfpp'
  if (/1000T|10\/100\/1000|100\/1000T/.test(t)) return '1000base-t'
  if (/1000(SX|LX|BX|ZX)|SFP|GBIC|1000-?X/.test(t)) return '1000base-x-sfp'
  if (/10\/100TX|100TX|100-?TX/.test(t)) return '100base-tx'
  if (/100FX/.test(t)) return '100base-fx'
  return 'other'
}

/** "100FDx" -> 100 Mbit/s full; "10GigFD" -> 10 Gbit/s full; "Auto" -> nothing. */
function parseMode (mode: string): { speedKbps?: number, duplex?: 'full' | 'half' } {
  const m = /^(\d+)(Gig)?(FDx|HDx|FD|HD)$/i.exec(mode.trim())
  if (m === null) return {}
  const speedKbps = parseSpeedKbps(m[1] + (m[2] !== undefined ? 'g' : 'm'))
  return { speedKbps, duplex: /^f/i.test(m[3]) ? 'full' : 'half' }
}

/** `show interfaces brief`: "Port Type | Alert Enabled Status Mode ...". */
export function parseProcurveInterfacesBrief (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  for (const line of toLines(output)) {
    const bar = line.indexOf('|')
    if (bar < 0 || isRule(line)) continue
    const left = line.slice(0, bar).trim().split(/\s+/).filter((x) => x !== '')
    const right = line.slice(bar + 1).trim().split(/\s+/)
    if (left.length === 0 || /^port$/i.test(left[0]) || !/^(yes|no)$/i.test(right[1] ?? '')) continue
    // A trunk member shows as "21-Trk1".
    const member = /^(.+?)-(Trk\d+)$/i.exec(left[0])
    const name = member === null ? left[0] : member[1]
    const iface: DiscoveredInterface = { name, enabled: /^yes$/i.test(right[1]), operUp: /^up$/i.test(right[2] ?? '') }
    if (member !== null) iface.lag = member[2]
    iface.type = portType(name, left[1])
    if (iface.operUp === true) {
      const { speedKbps, duplex } = parseMode(right[3] ?? '')
      if (speedKbps !== undefined) iface.speedKbps = speedKbps
      if (duplex !== undefined) iface.duplex = duplex
      if (iface.type === 'other') iface.type = typeFromSpeed(speedKbps) ?? 'other'
    }
    interfaces.push(iface)
  }
  // Trunks are interfaces of their own.
  for (const lag of new Set(interfaces.flatMap((i) => (i.lag === undefined ? [] : [i.lag])))) interfaces.push({ name: lag, type: 'lag' })
  return { interfaces }
}

/** `show vlans`: "802.1Q VLAN ID  Name  Status  Voice  Jumbo". */
export function parseProcurveVlans (output: string): DeviceFragment {
  const vlans: DiscoveredVlan[] = []
  const lines = toLines(output)
  const at = lines.findIndex((l) => /VLAN ID\s+Name\s+\|?\s*Status/i.test(l))
  if (at < 0) return { vlans }
  const cols = columnsFromHeader(lines[at], ['VLAN ID', 'Name', 'Status'])
  for (const line of lines.slice(at + 1)) {
    if (isRule(line) || line.trim() === '') continue
    const m = /^\s*(\d{1,4})\s+(.*)$/.exec(line)
    if (m === null) continue
    const vid = Number(m[1])
    if (vid < 1 || vid > 4094) continue
    // Newer releases put a "|" after the name; names may hold single spaces ("Router Vlan").
    let name = m[2].includes('|') ? m[2].slice(0, m[2].indexOf('|')) : m[2].split(/\s{2,}/)[0]
    if (!m[2].includes('|') && cols !== undefined) {
      const row = cutRow(line, cols)
      if (row.Name !== '') name = row.Name
    }
    vlans.push({ vid, name: name.trim(), status: 'active' })
  }
  return { vlans }
}

/** `show ip`: "VLAN | IP Config IP Address Subnet Mask ..."; each VLAN's addresses, on an interface named after the VLAN. */
export function parseProcurveIp (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  let current: string | undefined
  let dhcp = false
  let inTable = false
  for (const line of toLines(output)) {
    const bar = line.indexOf('|')
    if (/^\s*VLAN\s*\|/i.test(line)) { inTable = true; continue }
    if (!inTable || bar < 0 || isRule(line)) continue
    const left = line.slice(0, bar).trim()
    const w = line.slice(bar + 1).trim().split(/\s+/).filter((x) => x !== '')
    if (left !== '') {
      current = left
      interfaces.push({ name: current, type: 'virtual' })
      dhcp = /dhcp/i.test(w[0] ?? '')
      w.shift()
    }
    if (current === undefined || w.length < 2 || !isIPv4(w[0])) continue
    const cidr = toCidr(w[0], w[1])
    if (cidr === undefined) continue
    const a: DiscoveredAddress = { address: cidr, interface: current }
    if (dhcp) a.status = 'dhcp'
    addresses.push(a)
  }
  return { interfaces, addresses }
}

/** Expands a ProCurve port list ("1-4,A1-A3,Trk1") to port names. */
export function expandPortList (text: string): string[] {
  const out: string[] = []
  for (const part of text.split(/[\s,]+/).filter((x) => x !== '')) {
    const m = /^([A-Za-z]*)(\d+)-([A-Za-z]*)(\d+)$/.exec(part)
    if (m !== null && (m[3] === '' || m[3].toLowerCase() === m[1].toLowerCase())) {
      const from = Number(m[2])
      const to = Number(m[4])
      if (to >= from && to - from < 1024) for (let n = from; n <= to; n++) out.push(`${m[1]}${n}`)
      continue
    }
    out.push(part)
  }
  return out
}

/**
 * `show running-config`: the hostname, VLAN blocks (name, untagged and tagged ports) and
 * trunk groups. It is the only screen that states every port's VLANs at once.
 */
export function parseProcurveRunningConfig (output: string): DeviceFragment {
  const lines = toLines(output)
  const out: DeviceFragment = {}
  const vlans: DiscoveredVlan[] = []
  const ports = new Map<string, DiscoveredInterface>()
  const port = (name: string): DiscoveredInterface => {
    let p = ports.get(name)
    if (p === undefined) { p = { name }; ports.set(name, p) }
    return p
  }
  let vlan: DiscoveredVlan | undefined
  let iface: DiscoveredInterface | undefined
  for (const line of lines) {
    let m: RegExpExecArray | null
    if ((m = /^hostname\s+"?([^"]+)"?\s*$/.exec(line)) !== null) { out.hostname = m[1].trim(); continue }
    // "interface 1" blocks: the port's name is its description; "disable" shuts it.
    if ((m = /^interface\s+(\S+)\s*$/.exec(line)) !== null) { iface = port(m[1]); vlan = undefined; continue }
    if (iface !== undefined && /^\s/.test(line)) {
      const n = /^\s+name\s+"?([^"]*)"?\s*$/.exec(line)
      if (n !== null && n[1] !== '') iface.description = n[1]
      if (/^\s+disable\s*$/.test(line)) iface.enabled = false
      continue
    }
    iface = undefined
    if ((m = /^trunk\s+(\S+)\s+(Trk\d+)/i.exec(line)) !== null) {
      const lag = m[2].replace(/^trk/i, 'Trk')
      port(lag).type = 'lag'
      for (const p of expandPortList(m[1])) port(p).lag = lag
      continue
    }
    if ((m = /^vlan\s+(\d{1,4})\s*$/.exec(line)) !== null) {
      vlan = { vid: Number(m[1]), status: 'active' }
      if (vlan.vid >= 1 && vlan.vid <= 4094) vlans.push(vlan)
      continue
    }
    if (/^\S/.test(line)) { vlan = undefined; continue }
    if (vlan === undefined) continue
    if ((m = /^\s+name\s+"?([^"]*)"?\s*$/.exec(line)) !== null) { vlan.name = m[1]; continue }
    if ((m = /^\s+untagged\s+(.+)$/.exec(line)) !== null) {
      for (const p of expandPortList(m[1])) {
        const i = port(p)
        i.untaggedVlan = vlan.vid
        i.mode ??= 'access'
      }
      continue
    }
    if ((m = /^\s+tagged\s+(.+)$/.exec(line)) !== null) {
      for (const p of expandPortList(m[1])) {
        const i = port(p)
        i.mode = 'tagged'
        i.taggedVlans = [...(i.taggedVlans ?? []), vlan.vid]
      }
      continue
    }
    if ((m = /^\s+ip address\s+(\S+)\s+(\S+)/.exec(line)) !== null) {
      const cidr = toCidr(m[1], m[2])
      if (cidr !== undefined) {
        const name = vlan.name ?? `VLAN${vlan.vid}`
        port(name).type = 'virtual'
        ;(out.addresses ??= []).push({ address: cidr, interface: name })
      }
    }
  }
  if (vlans.length > 0) out.vlans = vlans
  if (ports.size > 0) out.interfaces = [...ports.values()]
  return out
}

function recordsOf (output: string): Array<Map<string, string>> {
  const out: Array<Map<string, string>> = []
  let cur = new Map<string, string>()
  const flush = (): void => { if (cur.size > 0) out.push(cur); cur = new Map() }
  for (const line of toLines(output)) {
    if (/^-{10,}/.test(line.trim())) { flush(); continue }
    for (const [k, v] of keyValues(line)) {
      const key = k.toLowerCase()
      // A second "Local Port" without a separator starts the next neighbour.
      if ((key === 'local port' || key === 'port') && cur.has(key)) flush()
      if (!cur.has(key)) cur.set(key, v)
    }
  }
  flush()
  return out
}

function chassis (value: string | undefined): string | undefined {
  const v = clean(value)
  return v === undefined ? undefined : normalizeMac(v) ?? v
}

/** `show cdp neighbors detail`. */
export function parseProcurveCdpDetail (output: string): DeviceFragment {
  const neighbors: DiscoveredNeighbor[] = []
  for (const r of recordsOf(output)) {
    const local = clean(r.get('port'))
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'cdp', localInterface: local }
    const id = clean(r.get('device id'))
    if (id !== undefined) {
      n.remoteChassisId = normalizeMac(id) ?? id
      if (normalizeMac(id) === undefined) n.remoteSystemName = id
    }
    const address = clean(r.get('address'))
    if (address !== undefined && (isIPv4(address) || isIPv6(address))) n.remoteManagementAddress = address
    const port = clean(r.get('device port'))
    if (port !== undefined) n.remotePort = port
    const platform = clean(r.get('platform'))
    if (platform !== undefined) n.remotePlatform = platform
    neighbors.push(n)
  }
  return { neighbors }
}

/** `show lldp info remote-device <ports>` detail screens. */
export function parseProcurveLldpDetail (output: string): DeviceFragment {
  const neighbors: DiscoveredNeighbor[] = []
  for (const r of recordsOf(output)) {
    const local = clean(r.get('local port'))
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface: local }
    const c = chassis(r.get('chassisid'))
    if (c !== undefined) n.remoteChassisId = c
    const port = clean(r.get('portid'))
    if (port !== undefined) n.remotePort = port
    const portDescr = clean(r.get('portdescr'))
    if (portDescr !== undefined) n.remotePortDescription = portDescr
    const name = clean(r.get('sysname'))
    if (name !== undefined) n.remoteSystemName = name
    const descr = clean(r.get('system descr'))
    if (descr !== undefined) n.remotePlatform = descr
    const address = clean(r.get('address'))
    if (address !== undefined && (isIPv4(address) || isIPv6(address))) n.remoteManagementAddress = address
    neighbors.push(n)
  }
  return { neighbors }
}

/** `show lldp info remote-device`: the summary table (names may be cut to 18 characters by the device). */
export function parseProcurveLldpSummary (output: string): DeviceFragment {
  const lines = toLines(output)
  const at = lines.findIndex((l) => /LocalPort\s*\|\s*ChassisId/i.test(l))
  if (at < 0) return parseProcurveLldpDetail(output)
  const cols = columnsFromHeader(lines[at], ['LocalPort', 'ChassisId', 'PortId', 'PortDescr', 'SysName'])
  if (cols === undefined) return {}
  const neighbors: DiscoveredNeighbor[] = []
  for (const line of lines.slice(at + 1)) {
    if (isRule(line) || !line.includes('|')) continue
    const row = cutRow(line.replace('|', ' '), cols)
    const local = clean(row.LocalPort)
    if (local === undefined) continue
    const n: DiscoveredNeighbor = { protocol: 'lldp', localInterface: local }
    const c = chassis(row.ChassisId)
    if (c !== undefined) n.remoteChassisId = c
    const port = clean(row.PortId)
    if (port !== undefined) n.remotePort = port
    const portDescr = clean(row.PortDescr)
    if (portDescr !== undefined) n.remotePortDescription = portDescr
    const name = clean(row.SysName)
    if (name !== undefined) n.remoteSystemName = name
    neighbors.push(n)
  }
  return { neighbors }
}
