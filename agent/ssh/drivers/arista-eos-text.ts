// EOS text outputs, for releases or sessions without `| json`: `show version`, `show hostname`,
// `show inventory`, `show lldp neighbors detail`, `show vrf`.
import type { DeviceFragment } from '../driver.ts'
import type { DiscoveredInventoryItem, DiscoveredNeighbor, DiscoveredVrf, DiscoveredInterface } from '../../model.ts'
import { clean, columnsFromHeader, cutRow, firstMatch, isRule, splitBlocks, toLines } from '../parse/text.ts'
import { expandInterfaceName, EOS_ABBREVIATIONS } from '../parse/interface-name.ts'
import { normalizeMac, uptimeSeconds } from '../parse/units.ts'
import { isIPv4, isIPv6 } from '../parse/ip.ts'

export function eosPlatform (version: string | undefined): DeviceFragment {
  const out: DeviceFragment = { manufacturer: 'Arista', osFamily: 'eos' }
  if (version !== undefined) {
    out.osVersion = version
    out.platform = `Arista EOS ${version}`
  }
  return out
}

export function parseEosVersion (output: string): DeviceFragment {
  const lines = toLines(output)
  const out = eosPlatform(firstMatch(lines, /^Software image version:\s*(\S+)/i))
  const model = clean(firstMatch(lines, /^Arista\s+(\S+)/))
  if (model !== undefined) out.model = model
  const serial = clean(firstMatch(lines, /^Serial number:\s*(.*)$/i))
  if (serial !== undefined) out.serial = serial
  const uptime = firstMatch(lines, /^Uptime:\s*(.*)$/i)
  if (uptime !== undefined) {
    const s = uptimeSeconds(uptime)
    if (s !== undefined) out.uptimeSeconds = s
  }
  if (model !== undefined && out.osVersion !== undefined) out.description = `Arista Networks EOS version ${out.osVersion} running on an Arista Networks ${model}`
  return out
}

export function parseEosHostname (output: string): DeviceFragment {
  const lines = toLines(output)
  const hostname = firstMatch(lines, /^Hostname:\s*(\S+)/i) ?? (lines.length > 0 && /^[\w.-]+$/.test(lines[0].trim()) ? lines[0].trim() : undefined)
  return hostname === undefined ? {} : { hostname }
}

/**
 * `show inventory`: sections opened by "System information" and "System has N <things>", each
 * a small table. Cells are read by position from the row's words, not by column, because
 * the layout changes between releases (and manufacturer names hold spaces).
 */
export function parseEosInventory (output: string): DeviceFragment {
  const inventory: DiscoveredInventoryItem[] = []
  const out: DeviceFragment = { inventory }
  const sections = splitBlocks(toLines(output), (l) => /^System (information|has \d+)/i.test(l))
  for (const section of sections) {
    const title = section[0].toLowerCase()
    // Data rows: indented lines that are neither a header (title words) nor a rule.
    const data = section.slice(1).filter((l) => l.trim() !== '' && !isRule(l) &&
      !/^\s*(Model|Slot|Module|Port|Type|HW Version)\s+\S/i.test(l))
    if (title.startsWith('system information')) {
      const [first, second] = data.map((l) => l.trim().split(/\s+/))
      if (first === undefined) continue
      const chassis: DiscoveredInventoryItem = { name: 'Chassis', kind: 'item', manufacturer: 'Arista', partId: first[0] }
      const description = clean(first.slice(1).join(' '))
      if (description !== undefined) chassis.description = description
      const serial = second === undefined ? undefined : clean(/^\d+\.\d+$/.test(second[0]) ? second[1] : second[0])
      if (serial !== undefined) chassis.serial = serial
      inventory.push(chassis)
      out.model = first[0]
      if (serial !== undefined) out.serial = serial
      continue
    }
    for (const line of data) {
      const w = line.trim().split(/\s+/)
      let item: DiscoveredInventoryItem | undefined
      if (/power supply/.test(title) && w.length >= 2) {
        item = { name: `Power supply ${w[0]}`, kind: 'item', partId: w[1], manufacturer: 'Arista' }
        if (w[2] !== undefined) item.serial = w[2]
      } else if (/fan/.test(title) && w.length >= 3) {
        item = { name: `Fan module ${w[0]}`, kind: 'item', partId: w[2], manufacturer: 'Arista' }
        if (w[3] !== undefined) item.serial = w[3]
      } else if (/transceiver/.test(title) && w.length >= 4) {
        // Port, manufacturer (words), model, serial, revision: read from the right.
        const rev = w.length >= 5 ? 1 : 0
        item = { name: `Transceiver ${w[0]}`, kind: 'item', partId: w[w.length - 2 - rev], serial: w[w.length - 1 - rev] }
        const maker = clean(w.slice(1, w.length - 2 - rev).join(' '))
        if (maker !== undefined) item.manufacturer = maker
      } else if (/card slot|module slot/.test(title) && w.length >= 2 && !/^not$/i.test(w[1])) {
        item = { name: w[0], kind: 'module', partId: w[1], manufacturer: 'Arista' }
        if (w[2] !== undefined) item.serial = w[2]
      }
      if (item === undefined || /^(not|n\/a|unknown)$/i.test(item.partId ?? '')) continue
      if (item.serial !== undefined && clean(item.serial) === undefined) delete item.serial
      inventory.push(item)
    }
  }
  return out
}

/** `show lldp neighbors detail` in EOS's own layout ("Interface X detected N LLDP neighbors"). */
export function parseEosLldpDetail (output: string): DeviceFragment {
  const neighbors: DiscoveredNeighbor[] = []
  let local: string | undefined
  let current: DiscoveredNeighbor | undefined
  for (const line of toLines(output)) {
    const intf = /^Interface\s+(\S+)\s+detected/i.exec(line)
    if (intf !== null) { local = expandInterfaceName(intf[1], EOS_ABBREVIATIONS); current = undefined; continue }
    if (local === undefined) continue
    if (/^\s*Neighbor\s+\S+/.test(line)) {
      current = { protocol: 'lldp', localInterface: local }
      neighbors.push(current)
      continue
    }
    if (current === undefined) continue
    const m = /^\s*-?\s*([A-Za-z][\w ./]*?)\s*:\s*(.*)$/.exec(line)
    if (m === null) continue
    const key = m[1].toLowerCase()
    const value = clean(m[2])
    if (value === undefined) continue
    if (key === 'chassis id') current.remoteChassisId = normalizeMac(value) ?? value
    else if (key === 'port id' && current.remotePort === undefined) current.remotePort = value
    else if (key === 'port description') current.remotePortDescription = value
    else if (key === 'system name') current.remoteSystemName = value
    else if (key === 'system description') current.remotePlatform = value
    // Only IP management addresses are addresses; some devices advertise their MAC here.
    else if (key === 'management address' && current.remoteManagementAddress === undefined && (isIPv4(value) || isIPv6(value))) current.remoteManagementAddress = value
  }
  return { neighbors }
}

/** `show vrf`: name, RD and interfaces; the column set varies by release, so it is read from the header. */
export function parseEosVrf (output: string): DeviceFragment {
  const lines = toLines(output)
  const at = lines.findIndex((l) => /^\s*VRF\s+.*\bRD\b/.test(l))
  if (at < 0) return {}
  const titles = lines[at].trim().split(/\s{2,}|\s(?=[A-Z])/).filter((t) => t !== '')
  const cols = columnsFromHeader(lines[at], titles)
  if (cols === undefined) return {}
  cols[0].start = 0
  const vrfs: DiscoveredVrf[] = []
  const interfaces: DiscoveredInterface[] = []
  let current: DiscoveredVrf | undefined
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || isRule(line)) continue
    const row = cutRow(line, cols)
    const vrfName = clean(row.VRF)
    if (vrfName !== undefined) {
      current = vrfName === 'default' ? undefined : { name: vrfName }
      const rd = clean(row.RD)
      if (current !== undefined) {
        if (rd !== undefined && !/not set/i.test(rd)) current.rd = rd
        vrfs.push(current)
      }
    }
    if (current === undefined) continue
    for (const i of (row.Interfaces ?? '').split(/[\s,]+/).filter((x) => x !== '')) {
      interfaces.push({ name: expandInterfaceName(i, EOS_ABBREVIATIONS), vrf: current.name })
    }
  }
  return { vrfs, interfaces }
}
