// NX-OS text outputs for releases without NX-API JSON (or where it is switched off):
// `show version`, `show ip interface vrf all`, `show ipv6 interface vrf all`, `show vrf detail`.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredAddress, DiscoveredInterface, DiscoveredVrf } from '../../model.ts'
import { uptimeSeconds } from '../parse/units.ts'
import { clean, firstMatch, splitBlocks, toLines } from '../parse/text.ts'
import { parseCidr, toCidr, isLinkLocalV6 } from '../parse/ip.ts'

/** "Nexus9000 C9396PX" from "cisco Nexus9000 C9396PX Chassis"; the inventory has the PID. */
export function nxosChassisModel (text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const m = /^(?:cisco\s+)?(.*?)\s*(?:[Cc]hassis\b|\(")/.exec(text.trim())
  return clean(m === null ? text : m[1])
}

export function nxosPlatform (version: string | undefined): DeviceFragment {
  const out: DeviceFragment = { manufacturer: 'Cisco', osFamily: 'nxos' }
  if (version !== undefined) {
    out.osVersion = version
    out.platform = `Cisco NX-OS ${version}`
  }
  return out
}

export function parseNxosVersion (output: string): DeviceFragment {
  const lines = toLines(output)
  // "NXOS: version 9.3(8)" on 9K releases, "system: version 7.1(4)N1(1) [build ...]" before.
  const version = firstMatch(lines, /^\s*NXOS:\s*version\s+(\S+)/i) ?? firstMatch(lines, /^\s*system:\s*version\s+(\S+)/i) ??
    firstMatch(lines, /^\s*System version:\s*(\S+)/i)
  const out = nxosPlatform(version)
  const hostname = firstMatch(lines, /^\s*Device name:\s*(\S+)/i)
  if (hostname !== undefined) out.hostname = hostname
  const chassis = lines.find((l) => /^\s*cisco .*([Cc]hassis|\(")/.test(l))
  const model = nxosChassisModel(chassis)
  if (model !== undefined) out.model = model
  const serial = firstMatch(lines, /^\s*Processor Board ID\s+(\S+)/i)
  if (serial !== undefined) out.serial = serial
  const uptime = firstMatch(lines, /^Kernel uptime is (.*)$/i)
  if (uptime !== undefined) {
    const s = uptimeSeconds(uptime.replace(/\(s\)/g, 's'))
    if (s !== undefined) out.uptimeSeconds = s
  }
  const descr = lines.find((l) => /^Cisco Nexus Operating System/.test(l))
  if (descr !== undefined) out.description = version === undefined ? descr.trim() : `${descr.trim()}, Version ${version}`
  return out
}

const STATUS_LINE = /^(\S+), Interface status: ([\w-]+)\/([\w-]+)\/([\w-]+)/

function statusInterface (head: RegExpExecArray, vrf: string | undefined): DiscoveredInterface {
  const iface: DiscoveredInterface = { name: head[1], operUp: head[2] === 'protocol-up', enabled: head[4] === 'admin-up' }
  if (vrf !== undefined && vrf !== 'default') iface.vrf = vrf
  return iface
}

/** `show ip interface vrf all` (and `show ip interface`): IPv4 addresses per VRF. */
export function parseNxosIpInterface (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  let vrf: string | undefined
  const lines = toLines(output)
  for (const block of splitBlocks(lines, (l) => STATUS_LINE.test(l) || /^IP Interface Status for VRF "([^"]+)"/.test(l))) {
    const v = /^IP Interface Status for VRF "([^"]+)"/.exec(block[0])
    if (v !== null) { vrf = v[1]; continue }
    const head = STATUS_LINE.exec(block[0])!
    const iface = statusInterface(head, vrf)
    interfaces.push(iface)
    for (const line of block) {
      // "IP address: 10.0.0.1, IP subnet: 10.0.0.0/24 [secondary] route-preference: 0, tag: 0"
      const m = /^\s*IP address:\s*([\d.]+),\s*IP subnet:\s*[\d.]+\/(\d+)(.*)$/.exec(line)
      if (m === null) continue
      const cidr = toCidr(m[1], Number(m[2]))
      if (cidr === undefined) continue
      const a: DiscoveredAddress = { address: cidr, interface: iface.name }
      if (/\bsecondary\b/.test(m[3])) a.role = 'secondary'
      if (iface.vrf !== undefined) a.vrf = iface.vrf
      addresses.push(a)
    }
  }
  return { interfaces, addresses }
}

/** `show ipv6 interface vrf all`: global IPv6 addresses (link-local ones are left out). */
export function parseNxosIpv6Interface (output: string): DeviceFragment {
  const interfaces: DiscoveredInterface[] = []
  const addresses: DiscoveredAddress[] = []
  let vrf: string | undefined
  for (const block of splitBlocks(toLines(output), (l) => STATUS_LINE.test(l) || /^IPv6 Interface Status for VRF "([^"]+)"/.test(l))) {
    const v = /^IPv6 Interface Status for VRF "([^"]+)"/.exec(block[0])
    if (v !== null) { vrf = v[1]; continue }
    const iface = statusInterface(STATUS_LINE.exec(block[0])!, vrf)
    interfaces.push(iface)
    const addAddress = (text: string): void => {
      const cidr = parseCidr(text)
      if (cidr === undefined || isLinkLocalV6(cidr)) return
      const a: DiscoveredAddress = { address: cidr, interface: iface.name }
      if (iface.vrf !== undefined) a.vrf = iface.vrf
      addresses.push(a)
    }
    let inList = false
    for (const line of block.slice(1)) {
      const t = line.trim()
      if (/^IPv6 address:/i.test(t)) {
        inList = true
        const inline = /^IPv6 address:\s*(\S+\/\d+)/i.exec(t)
        if (inline === null) continue
        addAddress(inline[1])
        continue
      }
      if (inList && /^[0-9a-fA-F:]+\/\d+/.test(t)) { addAddress(t.split(/\s+/)[0]); continue }
      inList = false
    }
  }
  return { interfaces, addresses }
}

/** `show vrf detail`: VRF names and route distinguishers ("0:0" means none). */
export function parseNxosVrfDetail (output: string): DeviceFragment {
  const vrfs: DiscoveredVrf[] = []
  for (const block of splitBlocks(toLines(output), (l) => /^VRF-Name:\s*\S+/.test(l))) {
    const name = /^VRF-Name:\s*([^,\s]+)/.exec(block[0])![1]
    // "default" is the global table, not a VRF in NetBox's sense.
    if (name === 'default') continue
    const vrf: DiscoveredVrf = { name }
    const rd = clean(firstMatch(block, /^\s*RD:\s*(\S+)/))
    if (rd !== undefined && rd !== '0:0') vrf.rd = rd
    vrfs.push(vrf)
  }
  return { vrfs }
}
